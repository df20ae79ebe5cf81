"""Judgments, made once, each with its evidence and its scope.

The facts say what the files say; a finding says what follows from them: a report is late
by 5 days, a task is past its due date and its lead reported it not done, a unit's share of
a summed indicator cannot be judged against the whole target, a spent amount is out of
range. The report, status, xlsx, the dashboard and the Excel form word findings; none of
them decides. docs/architecture.md has the rules table: each finding, when it is made,
the words it gets.

Pure data: no I/O, no wording beyond the evidence's own values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum

from kehoach_cli.facts.model import Attributed, SubmissionState, UnitSubmission
from kehoach_cli.model.plan import Task, Unit
from kehoach_cli.model.progress import Activity, TaskStatus


@dataclass(frozen=True)
class Evidence:
    """What a judgment rests on: a unit's file, a field of it and the value written."""

    unit: Unit | None
    field: str  # "submitted_on", "tasks.2.1.status", "deadline"
    value: str


# --- reports -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportFinding:
    """A unit's report for the period, judged against the deadline on the as-of day."""

    submission: UnitSubmission
    deadline: date
    past_deadline: bool  # the as-of day is after the deadline
    receiver_own: bool  # the receiving unit's own part: it sends nothing to itself

    @property
    def unit(self) -> Unit:
        return self.submission.unit

    @property
    def state(self) -> SubmissionState:
        return self.submission.state

    @property
    def sent(self) -> bool:
        return self.submission.counted

    @property
    def late(self) -> bool:
        return self.state is SubmissionState.LATE

    @property
    def overdue(self) -> bool:
        """Not sent (missing, a draft, a file with errors) while the deadline has passed."""
        return not self.sent and self.past_deadline

    @property
    def not_yet_due(self) -> bool:
        """Not sent, and nothing is owed yet: never a shortcoming."""
        return not self.sent and not self.past_deadline

    @property
    def shortcoming(self) -> bool:
        return self.late or self.overdue


# --- tasks ---------------------------------------------------------------------------------


class TaskVerdict(str, Enum):
    HEADING = "heading"  # only groups subtasks: judged through them
    DONE = "done"
    CANCELLED = "cancelled"
    ON_SCHEDULE = "on_schedule"  # under way, its due date ahead (or none), nothing overdue
    UNDER_WAY = "under_way"  # under way; something makes 'theo kế hoạch' untrue (see flags)
    BEHIND = "behind"  # the lead reported it 'chậm tiến độ'
    OVERDUE = "overdue"  # the lead's report, sent after the due date, says not done
    # the due date passed after the lead's last report (sent before it, saying not done):
    # nobody has said whether it was finished on time
    DUE_PASSED_UNCONFIRMED = "due_passed_unconfirmed"
    NO_REPORT = "no_report"  # the lead has not reported (or wrote nothing on the task)
    # a group leads: some members have not reported their part, and none that reported
    # says it is late — the task's state is not known as a whole
    PARTLY_REPORTED = "partly_reported"
    CONTRIBUTED = "contributed"  # a unit's own report, a task it cooperates on: it wrote
    NO_CONTENT = "no_content"  # ... and it wrote nothing on it


FINISHED = (TaskStatus.DONE, TaskStatus.CANCELLED)


class Role(str, Enum):
    WHOLE = "whole"  # the consolidated report: the task as its lead reports it
    LEAD = "lead"  # a unit's own report: a task it leads alone
    OWN_PART = "own_part"  # ... its part of a task a group leads
    COOPERATE = "cooperate"  # ... a task it cooperates on (never judged as the task)


@dataclass(frozen=True)
class TaskFinding:
    task: Task
    role: Role
    verdict: TaskVerdict
    status: TaskStatus | None  # the state written by the unit(s) the verdict rests on
    due: date | None  # the task's due date for this report (None: not by a date)
    # the day the evidence speaks for: the sending date of the report judged on
    reported_on: date | None = None
    # activities of the report judged on, past their own due date and not done on the day
    # the report was sent
    overdue_activities: tuple[Activity, ...] = ()
    # NO_REPORT, PARTLY_REPORTED: the state of the report(s) of the lead(s) that have not
    # reported on the task: not yet due, missing, draft, sent without the task
    lead_states: tuple[tuple[Unit, SubmissionState], ...] = ()
    evidence: tuple[Evidence, ...] = ()
    # some of those leads owes the report: sent it without the task, or the deadline has
    # passed (a draft before the deadline owes nothing yet)
    owed: bool = False

    @property
    def finished(self) -> bool:
        return self.verdict in (TaskVerdict.DONE, TaskVerdict.CANCELLED)

    @property
    def lead_owes_report(self) -> bool:
        """NO_REPORT where the lead's report was due (or was sent without the task): a
        shortcoming. A lead whose report is not due yet owes nothing."""
        return self.verdict in (TaskVerdict.NO_REPORT, TaskVerdict.PARTLY_REPORTED) and self.owed


# --- indicators ----------------------------------------------------------------------------


class IndicatorBasis(str, Enum):
    PERIOD = "period"  # the reading is of a whole year (the yearly report)
    PART_YEAR = "part_year"  # a 6-month or quarter figure: never judged against a year


class NotJudged(str, Enum):
    PART_YEAR = "part_year"  # a part-year figure against a yearly or longer target
    UNIT_SHARE = "unit_share"  # a unit's share of a sum, the plan gives it no own target
    NOT_LEAD = "not_lead"  # a unit's own reading of an indicator another unit answers for
    PARTIAL_SUM = "partial_sum"  # a sum some units have not reported into yet
    NO_DATA = "no_data"


@dataclass(frozen=True)
class IndicatorFinding:
    indicator_id: str
    scope: Unit | None  # None: the whole plan; a unit: that unit's own figure
    basis: IndicatorBasis
    assessment: str  # met | on_track | at_risk | missed | not_judged | no_data
    target: Decimal | None  # the target judged against: the plan's, or the unit's own
    not_judged: NotJudged | None = None
    # the units a sum still lacks for the year reported on
    missing: tuple[Unit, ...] = ()

    @property
    def shortcoming(self) -> bool:
        return self.assessment in ("missed", "at_risk")


# --- money, proposals, the plan's end ------------------------------------------------------


@dataclass(frozen=True)
class AmountOutOfRange:
    """A spent amount above the planned one (validate warns KH310): printed in a signable
    report, it must be named, not passed over."""

    unit: Unit
    task_id: str
    activity: Activity
    planned: int
    spent: int


@dataclass(frozen=True)
class Proposal:
    item: Attributed
    # the report's own author is the one asked ("Đề nghị UBND tỉnh …" in UBND tỉnh's own
    # report): it handles the proposal itself and does not forward it upward
    to_reporter: bool
    evidence: str | None = None  # the words that name the reporter


@dataclass(frozen=True)
class CooperationGap:
    """A cooperating unit that sent its report but wrote nothing on the task."""

    task_id: str
    unit: Unit


@dataclass
class Findings:
    reports: list[ReportFinding]
    tasks: list[TaskFinding]  # in plan order, the tasks in scope
    indicators: dict[str, IndicatorFinding]
    amounts_out_of_range: list[AmountOutOfRange]
    proposals: list[Proposal]
    cooperation_gaps: list[CooperationGap]
    # the report is of the plan's last period: nothing is promised past it
    plan_ends: bool
    difficulties: list[Attributed] = field(default_factory=list)

    def task(self, task_id: str) -> TaskFinding:
        return next(f for f in self.tasks if f.task.id == task_id)

    def tasks_with(self, *verdicts: TaskVerdict) -> list[TaskFinding]:
        return [f for f in self.tasks if f.verdict in verdicts]

    @property
    def judged_tasks(self) -> list[TaskFinding]:
        """The tasks the report judges: every task (consolidated), the tasks a unit leads
        or leads a part of (its own report); never a heading, never a cooperation."""
        return [
            f
            for f in self.tasks
            if f.verdict is not TaskVerdict.HEADING
            and f.role in (Role.WHOLE, Role.LEAD, Role.OWN_PART)
        ]

    @property
    def late_reports(self) -> list[ReportFinding]:
        return [r for r in self.reports if r.late]

    @property
    def overdue_reports(self) -> list[ReportFinding]:
        """Units that owe their report, the receiving unit's own part left to its line."""
        return [r for r in self.reports if r.overdue and not r.receiver_own]

    @property
    def not_yet_due(self) -> list[ReportFinding]:
        return [r for r in self.reports if r.not_yet_due and not r.receiver_own]

    @property
    def receiver_own_missing(self) -> ReportFinding | None:
        return next((r for r in self.reports if r.receiver_own and not r.sent), None)

    @property
    def forwarded_proposals(self) -> list[Proposal]:
        return [p for p in self.proposals if not p.to_reporter]

    @property
    def own_proposals(self) -> list[Proposal]:
        return [p for p in self.proposals if p.to_reporter]

    @property
    def remaining_tasks(self) -> list[TaskFinding]:
        """What is left undone (or unknown) when the plan ends."""
        return [f for f in self.judged_tasks if not f.finished]

    @property
    def shortcomings(self) -> list[Shortcoming]:
        """Every kind of shortcoming present, in the order section III tells them."""
        return [s for s in _shortcomings(self) if s.items]


@dataclass(frozen=True)
class Shortcoming:
    kind: str  # a key of the report's wording registry (report/assessment.py)
    items: tuple[object, ...]


def _shortcomings(f: Findings) -> list[Shortcoming]:
    judged = f.judged_tasks
    cooperation_empty = [t for t in f.tasks if t.verdict is TaskVerdict.NO_CONTENT]
    return [
        Shortcoming("behind", tuple(t for t in judged if t.verdict is TaskVerdict.BEHIND)),
        Shortcoming("overdue", tuple(t for t in judged if t.verdict is TaskVerdict.OVERDUE)),
        Shortcoming(
            "overdue_activities",
            tuple(t for t in judged if t.overdue_activities and not t.finished),
        ),
        Shortcoming(
            "due_passed",
            tuple(t for t in judged if t.verdict is TaskVerdict.DUE_PASSED_UNCONFIRMED),
        ),
        Shortcoming("lead_owes_report", tuple(t for t in judged if t.lead_owes_report)),
        Shortcoming("late_reports", tuple(f.late_reports)),
        Shortcoming("overdue_reports", tuple(f.overdue_reports)),
        Shortcoming(
            "receiver_own",
            tuple(r for r in f.reports if r.receiver_own and r.overdue),
        ),
        Shortcoming(
            "indicators",
            tuple(i for i in f.indicators.values() if i.shortcoming),
        ),
        Shortcoming("cooperation_gaps", tuple(f.cooperation_gaps)),
        Shortcoming("cooperation_empty", tuple(cooperation_empty)),
        Shortcoming("amounts", tuple(f.amounts_out_of_range)),
        Shortcoming("difficulties", tuple(f.difficulties)),
    ]
