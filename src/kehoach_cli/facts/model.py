"""The facts of one year as typed values. Unknown is None, never 0; every average and
total carries the base it was computed on. Pure data: no I/O, no formatting."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from kehoach_cli.model.index import PlanIndex
from kehoach_cli.model.plan import Group, Indicator, Plan, Task, Unit
from kehoach_cli.model.progress import Activity, TaskReport, TaskStatus

if TYPE_CHECKING:
    from kehoach_cli.facts.findings import Findings, IndicatorFinding


class SubmissionState(str, Enum):
    ON_TIME = "on_time"
    LATE = "late"
    PENDING = "pending"  # not sent, the deadline has not passed
    MISSING = "missing"  # not sent, the deadline has passed
    DRAFT = "draft"  # a file without submitted_on: work in progress, not a report
    INVALID = "invalid"  # a file with errors: neither usable nor missing

    @property
    def counted(self) -> bool:
        """Only a report sent on or before the as-of date is a fact."""
        return self in (SubmissionState.ON_TIME, SubmissionState.LATE)


@dataclass(frozen=True)
class UnitSubmission:
    unit: Unit
    state: SubmissionState
    submitted_on: date | None = None
    # date of receipt − deadline, only for a report sent late
    days_late: int | None = None
    # days until the deadline, while it is ahead and nothing was sent
    days_left: int | None = None
    # days since the deadline for a report not sent, only while the period is current
    # (before the next report of the same kind is due): afterwards "chưa gửi" says it all
    days_overdue: int | None = None
    file: Path | None = None

    @property
    def counted(self) -> bool:
        return self.state.counted


@dataclass(frozen=True)
class Contribution:
    """One unit's own report on one task, from a counted file."""

    unit: Unit
    role: str  # "lead" | "cooperate"
    report: TaskReport


@dataclass(frozen=True)
class Attributed:
    """A sentence from a unit's report, with where it came from."""

    unit: Unit
    task_id: str
    text: str


@dataclass(frozen=True)
class Money:
    """Sums of the amounts written down; an amount not written is unknown, never 0.
    `unknown_units` did not report, so the sums leave their part out."""

    planned: int
    spent: int
    activities: int
    unknown_units: tuple[Unit, ...] = ()
    priced: int = 0  # activities with a planned amount: none priced means 'not given', not 0
    spent_known: int = 0  # activities with a spent amount ('spent: 0' written is known)
    # activities with a planned amount and no spent one: `spent` leaves them out, so it is
    # only a floor ('ít nhất') while there are any
    spent_missing: int = 0

    @property
    def complete(self) -> bool:
        return not self.unknown_units

    @property
    def planned_given(self) -> bool:
        """Some planned amount was written (else the planned sum says nothing, not 0)."""
        return self.priced > 0

    @property
    def spent_given(self) -> bool:
        """Some spent amount was written (else the spent sum says nothing, not 0)."""
        return self.spent_known > 0

    @property
    def spent_partial(self) -> bool:
        """Some spent amounts are written and some priced activity's is not: the sum is
        what was written, the true amount at least that."""
        return self.spent_given and self.spent_missing > 0

    @property
    def given(self) -> bool:
        """Some amount, planned or spent, was written down."""
        return self.planned_given or self.spent_given

    @property
    def rate(self) -> Decimal | None:
        """Spent over planned, only while every priced activity's spent amount is known.
        A rate over just the activities that wrote both amounts would stand beside sums
        over all of them (the same table row, the same sentence) and be read as their
        ratio; the true rate is unknown then, so none is told rather than a wrong one."""
        if self.spent_missing or not self.planned:
            return None
        return Decimal(self.spent) * 100 / self.planned


@dataclass(frozen=True)
class BudgetLine:
    """One row of a budget table: a unit (consolidated report) or a task (a unit's own).
    `money` is None when the unit has not reported: unknown, not zero."""

    key: str
    label: str
    money: Money | None
    unit: Unit | None = None  # the unit of a by-unit row
    submission: SubmissionState | None = None


@dataclass
class TaskFacts:
    task: Task
    level: int
    lead: Unit | None  # the one leading unit (None when a group leads, or nobody)
    lead_submission: SubmissionState | None
    # the lead's own report on the task, when its file counts
    lead_report: TaskReport | None
    # every counted report on this task in scope, lead first, then cooperators in plan order
    contributions: list[Contribution]
    cooperators_expected: list[Unit]
    cooperators_reported: list[Unit]
    status: TaskStatus | None
    progress: int | None
    # for a task that only groups subtasks: (subtasks whose lead reported, subtasks); for
    # a task led by a group: (members that reported, members)
    progress_base: tuple[int, int] | None
    subtask_ids: list[str]
    # activities and money of the task and its subtasks, counted reports in scope only
    activities: list[Activity] = field(default_factory=list)
    money: Money = field(default_factory=lambda: Money(0, 0, 0))
    open_difficulties: list[Attributed] = field(default_factory=list)
    # every leading unit: one, or each member of a leading group (each leads its part)
    leads: list[Unit] = field(default_factory=list)
    lead_name: str | None = None  # the unit's or the group's name
    lead_group: Group | None = None
    # a group lead: each member's own report that counts, by unit id
    lead_reports: dict[str, TaskReport] = field(default_factory=dict)
    # the deadline's due date for this year's report; `overdue` is the finding's verdict
    # (facts/judge.py: past the due date, said not done by a report sent after it)
    due: date | None = None
    overdue: bool = False
    # the mean over the part of the base that reported, rounded once; `progress` is None
    # until the whole base has reported (1 of 6 subtasks at 100% is not a task at 100%)
    progress_partial: int | None = None

    @property
    def is_group(self) -> bool:
        """A heading over subtasks: nobody leads it and it has subtasks (a task without
        subtasks is never a heading, even with no lead)."""
        return not self.leads and bool(self.subtask_ids)

    @property
    def group_led(self) -> bool:
        return self.lead_group is not None

    @property
    def activities_done(self) -> int:
        return sum(a.status is TaskStatus.DONE for a in self.activities)


@dataclass(frozen=True)
class Reading:
    """A value of an indicator for one year, as a unit reported it — or, for a sum, the
    total of several units (`unit` None, `parts` the units' own readings)."""

    year: int
    value: Decimal
    unit: Unit | None
    source: str | None
    note: str | None
    parts: tuple[Reading, ...] = ()


@dataclass(frozen=True)
class Projection:
    """How 'on track / at risk' was estimated: a straight line through two readings."""

    from_year: int
    to_year: int
    slope: Decimal
    end_year: int
    projected: Decimal


@dataclass
class IndicatorFacts:
    indicator: Indicator
    readings: dict[int, Reading]  # year → the value used, per the indicator's `combine`
    trend: str | None  # up | down | flat
    assessment: str  # met | on_track | at_risk | missed | no_data
    projection: Projection | None = None
    # year → every unit's own reading (the breakdown behind a sum or a choice)
    breakdown: dict[int, list[Reading]] = field(default_factory=dict)
    # years where units reported different values and one was chosen (combine: lead/latest)
    conflicts: dict[int, list[Reading]] = field(default_factory=dict)
    # combine: sum — year → the units expected to report that have not (the sum is partial)
    missing: dict[int, list[Unit]] = field(default_factory=dict)
    # year → what a reading covers: 'năm 2024', or '6 tháng đầu năm 2024' in a period's
    # report (a part-year figure is never shown as the year's)
    covers: dict[int, str] = field(default_factory=dict)
    # the judgment, its scope and basis (facts/findings.py)
    finding: IndicatorFinding | None = None

    @property
    def values(self) -> dict[int, Decimal]:
        return {year: reading.value for year, reading in sorted(self.readings.items())}


@dataclass
class YearFacts:
    plan: Plan
    index: PlanIndex
    year: int
    as_of: date
    deadline: date
    scope: Unit | None  # None: the whole plan; a unit: that unit's own report
    submissions: list[UnitSubmission]  # every unit in scope
    tasks: list[TaskFacts]  # in plan order
    budget: list[BudgetLine]
    budget_total: Money
    indicators: list[IndicatorFacts]
    difficulties: list[Attributed]  # open ones, from counted reports in scope
    proposals: list[Attributed]
    next_year: list[Attributed]
    broken_files: list[Path]
    years_present: list[int]
    label: str = ""  # the period reported on: "năm 2024", "6 tháng đầu năm 2024"
    next_label: str = ""  # the one after it, for "phương hướng": "năm 2025"
    period_start: date = date.min  # the first day of the period reported on
    period_end: date = date.max  # the last day of the period reported on
    part_year: bool = False  # a 6-month or quarter report
    findings: Findings | None = None  # the judgments (facts/judge.py), set by year_facts

    def submission(self, unit_id: str) -> UnitSubmission:
        return next(s for s in self.submissions if s.unit.id == unit_id)

    @property
    def counted_units(self) -> list[Unit]:
        return [s.unit for s in self.submissions if s.counted]

    @property
    def uncounted(self) -> list[UnitSubmission]:
        return [s for s in self.submissions if not s.counted]

    @property
    def complete(self) -> bool:
        """Every unit in scope has a report that counts: only then may the report say
        'no difficulty' or give a total as final."""
        return not self.uncounted

    def task(self, task_id: str) -> TaskFacts:
        return next(t for t in self.tasks if t.task.id == task_id)

    @property
    def judged(self) -> Findings:
        assert self.findings is not None, "year_facts sets the findings"
        return self.findings
