"""From a year's facts to its findings: every judgment made here, once, with its evidence.

The rules (docs/architecture.md, 'Findings') in short:
- a report is a shortcoming when it was sent late or is owed (deadline passed, not sent —
  drafts and files with errors included); one not yet due never is;
- a task is judged on the report of its lead(s) only, and on the day that report speaks
  for: past its due date and not done is 'overdue' only when the report saying 'not done'
  was sent after the due date; when the due date passed after the report, nobody has said
  yet whether it was done ('due_passed_unconfirmed'); without a report there is nothing
  but 'no report'; a unit's own report never judges the tasks it only cooperates on;
- the day a report speaks for is never after the end of the period it reports on;
- an indicator's figure is judged against the target of the same scope and span: a unit's
  share of a sum only against its own target, a part-year figure never against a yearly one.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from kehoach_cli.checks.progress_rules import overspent
from kehoach_cli.facts.findings import (
    FINISHED,
    AmountOutOfRange,
    CooperationGap,
    Evidence,
    Findings,
    Proposal,
    ReportFinding,
    Role,
    TaskFinding,
    TaskVerdict,
)
from kehoach_cli.facts.model import Attributed, SubmissionState, TaskFacts, YearFacts
from kehoach_cli.model.deadlines import DeadlineKind
from kehoach_cli.model.plan import Unit
from kehoach_cli.model.progress import Activity, TaskReport, TaskStatus


def judge(facts: YearFacts) -> Findings:
    receiver = facts.plan.reporting.receiver
    past = facts.as_of > facts.deadline
    reports = [
        ReportFinding(s, facts.deadline, past, s.unit.id == receiver) for s in facts.submissions
    ]
    return Findings(
        reports=reports,
        tasks=[_task(t, facts) for t in facts.tasks],
        indicators={i.indicator.id: i.finding for i in facts.indicators if i.finding},
        amounts_out_of_range=_amounts(facts),
        proposals=_proposals(facts),
        cooperation_gaps=_cooperation_gaps(facts),
        plan_ends=_plan_ends(facts),
        difficulties=list(facts.difficulties),
    )


# --- tasks ---------------------------------------------------------------------------------


def _role(t: TaskFacts, scope: Unit | None) -> Role:
    if scope is None:
        return Role.WHOLE
    if scope in t.leads:
        return Role.OWN_PART if t.group_led else Role.LEAD
    return Role.COOPERATE


def _task(t: TaskFacts, facts: YearFacts) -> TaskFinding:
    role = _role(t, facts.scope)
    if t.is_group:
        return TaskFinding(t.task, role, TaskVerdict.HEADING, None, t.due)
    if role is Role.COOPERATE:
        own = _own(t, facts.scope)
        verdict = TaskVerdict.CONTRIBUTED if own else TaskVerdict.NO_CONTENT
        return TaskFinding(t.task, role, verdict, own.status if own else None, t.due)
    if role is Role.WHOLE:
        judged = dict(t.lead_reports)
        status = t.status
    else:
        own = _own(t, facts.scope)
        judged = {facts.scope.id: own} if facts.scope and own else {}
        status = own.status if own else None
    leads = t.leads if role is Role.WHOLE else [u for u in t.leads if u == facts.scope]
    return _judged_task(t, facts, role, status, judged, leads)


def _judged_task(
    t: TaskFacts,
    facts: YearFacts,
    role: Role,
    status: TaskStatus | None,
    judged: dict[str, TaskReport],
    leads: list[Unit],
) -> TaskFinding:
    """The verdict on what the lead(s) wrote, with its evidence."""
    if not judged:
        states = tuple((u, facts.submission(u.id).state) for u in leads if _in_scope(facts, u))
        owed = _owed(facts, states)
        return TaskFinding(
            t.task, role, TaskVerdict.NO_REPORT, None, t.due, lead_states=states, owed=owed
        )
    sent = {u: facts.submission(u).submitted_on for u in judged if _in_scope_id(facts, u)}
    spoken = {u: day for u, day in sent.items() if day is not None}
    reported_on = max(spoken.values()) if spoken else None
    late_activities = tuple(
        a for u, r in judged.items() for a in _overdue_activities(r, spoken.get(u))
    )
    evidence = tuple(
        Evidence(facts.index.units[u], f"tasks.{t.task.id}.status", r.status.value)
        for u, r in judged.items()
    )
    silent = tuple(
        (u, facts.submission(u.id).state)
        for u in leads
        if u.id not in judged and _in_scope(facts, u)
    )
    verdict = (
        _verdict(t, facts, status, judged, spoken, late_activities)
        if status is not None
        else TaskVerdict.PARTLY_REPORTED
    )
    if silent and verdict is not TaskVerdict.OVERDUE:
        return TaskFinding(
            t.task,
            role,
            TaskVerdict.PARTLY_REPORTED,
            status,
            t.due,
            reported_on,
            late_activities,
            silent,
            evidence,
            _owed(facts, silent),
        )
    if verdict is TaskVerdict.OVERDUE:
        evidence += tuple(
            Evidence(facts.index.units[u], "submitted_on", day.isoformat())
            for u, day in sent.items()
            if day is not None
        )
    return TaskFinding(
        t.task, role, verdict, status, t.due, reported_on, late_activities, (), evidence
    )


def _owed(facts: YearFacts, states: tuple[tuple[Unit, SubmissionState], ...]) -> bool:
    """A lead owes its report on the task when it sent its report without the task, or
    when the deadline has passed; a draft, or nothing, before the deadline owes nothing."""
    past = facts.as_of > facts.deadline
    return any(state.counted or past for _, state in states)


def _verdict(
    t: TaskFacts,
    facts: YearFacts,
    status: TaskStatus,
    judged: dict[str, TaskReport],
    spoken: dict[str, date],
    late_activities: tuple[Activity, ...],
) -> TaskVerdict:
    if status is TaskStatus.DONE:
        return TaskVerdict.DONE
    if status is TaskStatus.CANCELLED:
        return TaskVerdict.CANCELLED
    # a task due each year ('Hằng năm') or all the time is not late for being under way
    due = t.due if t.task.deadline and t.task.deadline.kind is DeadlineKind.ONCE else None
    if due is not None:
        after = [
            u
            for u, report in judged.items()
            if report.status not in FINISHED and (day := spoken.get(u)) and day > due
        ]
        if after:  # past its due date, and said not done after it: the stronger fact
            return TaskVerdict.OVERDUE
        if status is not TaskStatus.DELAYED and _now(facts) > due:
            return TaskVerdict.DUE_PASSED_UNCONFIRMED
    if status is TaskStatus.DELAYED:
        return TaskVerdict.BEHIND
    if late_activities:
        return TaskVerdict.UNDER_WAY
    return TaskVerdict.ON_SCHEDULE


def _now(facts: YearFacts) -> date:
    """The day the report speaks for: the as-of day, but never past the time it is
    written for (the day after its period ends, or its deadline when that falls later): a
    6-month report read years later still speaks of June, not of what fell due since; a
    task due on the period's last day and not reported done is not 'on schedule' once the
    period is over."""
    return min(facts.as_of, max(facts.period_end + timedelta(days=1), facts.deadline))


def _overdue_activities(report: TaskReport, day: date | None) -> list[Activity]:
    """Activities past their own due date, not done on the day the report was sent."""
    if day is None:
        return []
    return [
        a
        for a in report.activities
        if a.due is not None and a.due < day and a.status not in FINISHED and a.finished_on is None
    ]


def _own(t: TaskFacts, scope: Unit | None) -> TaskReport | None:
    if scope is None:
        return None
    return next((c.report for c in t.contributions if c.unit.id == scope.id), None)


def _in_scope(facts: YearFacts, unit: Unit) -> bool:
    return _in_scope_id(facts, unit.id)


def _in_scope_id(facts: YearFacts, unit_id: str) -> bool:
    return any(s.unit.id == unit_id for s in facts.submissions)


# --- money ---------------------------------------------------------------------------------


def _amounts(facts: YearFacts) -> list[AmountOutOfRange]:
    """Spent above planned, in the reports that count (the rule of KH310)."""
    found = []
    for t in facts.tasks:
        if t.is_group:
            continue
        for c in t.contributions:
            for a in c.report.activities:
                budget = a.budget
                if budget is not None and overspent(budget):
                    assert budget.planned is not None and budget.spent is not None
                    found.append(
                        AmountOutOfRange(c.unit, t.task.id, a, budget.planned, budget.spent)
                    )
    return found


# --- cooperation ---------------------------------------------------------------------------


def _cooperation_gaps(facts: YearFacts) -> list[CooperationGap]:
    """Consolidated report only: a cooperating unit whose report counts but says nothing
    on the task is named, not passed over."""
    if facts.scope is not None:
        return []
    counted = {u.id for u in facts.counted_units}
    gaps = []
    for t in facts.tasks:
        if t.is_group or _due_before_period(t, facts):
            continue
        wrote = {c.unit.id for c in t.contributions}
        gaps += [
            CooperationGap(t.task.id, u)
            for u in t.cooperators_expected
            if u.id in counted and u.id not in wrote
        ]
    return gaps


def _due_before_period(t: TaskFacts, facts: YearFacts) -> bool:
    """A task due once, before the period reported on began: nothing is left to
    cooperate on in this period."""
    deadline = t.task.deadline
    if deadline is None or deadline.kind is not DeadlineKind.ONCE or deadline.due is None:
        return False
    return deadline.due < facts.period_start


# --- proposals -----------------------------------------------------------------------------

_ASKING = r"(?:đề nghị|kiến nghị|đề xuất|xin|mong)\s+(?:với\s+)?"
_LEVEL = r"(tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn)"


def _proposals(facts: YearFacts) -> list[Proposal]:
    """A proposal that asks the report's own author — or one of the units carrying out
    its plan, which it directs — is for the author to settle, not to forward upward as its
    own request. Only the consolidated report forwards; a unit's own report sends every
    proposal to its receiving unit."""
    if facts.scope is not None:
        return [Proposal(item, False) for item in facts.proposals]
    names = _addressee_names(facts)
    out = []
    for item in facts.proposals:
        hit = _asks(item, names)
        out.append(Proposal(item, hit is not None, hit))
    return out


def _asks(item: Attributed, names: list[str]) -> str | None:
    text = " ".join(item.text.split()).lower()
    for name in names:
        # a bare 'tỉnh' is the province's UBND, not its Party committee or mass bodies
        pattern = _ASKING + re.escape(name.lower()) + r"(?![\w])(?!\s+(?:ủy|uỷ|đoàn|hội)\b)"
        match = re.search(pattern, text)
        if match:
            return item.text[match.start() : match.end()].strip()
    return None


def _addressee_names(facts: YearFacts) -> list[str]:
    """The author's names ('Ủy ban nhân dân tỉnh Lâm Đồng', 'UBND tỉnh Lâm Đồng', 'UBND
    tỉnh') and those of the plan's reporting units, longest first."""
    body = facts.plan.document.issuing_body
    names = {body}
    for full in [body, *(u.name for u in facts.index.reporting_units)]:
        short = re.sub(r"(?i)^ủy ban nhân dân", "UBND", full)
        names.add(short)
        names.add(full)
    level = re.match(r"(?i)^(?:ủy ban nhân dân|ubnd)\s+" + _LEVEL, body)
    if level:
        names.add(f"UBND {level.group(1)}")
        names.add(f"Ủy ban nhân dân {level.group(1)}")
        names.add(level.group(1))  # 'Đề nghị tỉnh hỗ trợ …' in the province's own report
    for unit in facts.index.reporting_units:
        if unit.short_name:
            names.add(unit.short_name)
    return sorted(names, key=len, reverse=True)


# --- the plan's end ------------------------------------------------------------------------


def _plan_ends(facts: YearFacts) -> bool:
    """The report covers the last months of the plan's last year: 'tiếp tục thực hiện Kế
    hoạch' would promise work past its period."""
    period = facts.plan.period
    return period is not None and facts.year >= period.end and facts.period_end.month == 12
