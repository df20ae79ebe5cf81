"""From a year's data to its facts, for the whole plan or for one unit's own report."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from kehoach_cli.facts.findings import TaskVerdict
from kehoach_cli.facts.indicators import indicator_facts
from kehoach_cli.facts.judge import judge
from kehoach_cli.facts.loading import YearData, period_words
from kehoach_cli.facts.model import (
    Attributed,
    BudgetLine,
    Contribution,
    Money,
    TaskFacts,
    UnitSubmission,
    YearFacts,
)
from kehoach_cli.facts.submissions import submission_of
from kehoach_cli.formatting import round_half_up
from kehoach_cli.model.plan import ReportingPeriod, Task, Unit
from kehoach_cli.model.progress import Progress, TaskReport, TaskStatus


def year_facts(data: YearData, unit: str | None = None, task: str | None = None) -> YearFacts:
    """The facts of `data.year` as of `data.as_of`.

    `unit` narrows everything to that unit's own part: the tasks it leads or cooperates
    on, and of those only its own reports, money, indicators and difficulties — never
    another unit's work. `task` narrows to a task and its subtasks.
    """
    index = data.index
    scope = index.units[unit] if unit else None
    units = [scope] if scope else index.reporting_units
    submissions = [submission_of(data, u) for u in units]
    counted = {
        s.unit.id: data.files[s.unit.id] for s in submissions if s.counted
    }  # only these files are facts
    tasks = _selected_tasks(data, unit, task)
    task_facts = [_task_facts(data, t, counted, scope) for t in tasks]
    selected_ids = {t.id for t in tasks}
    budget = (
        _budget_by_task(task_facts)
        if scope
        else _budget_by_unit(submissions, counted, selected_ids if task else None)
    )
    # a unit's own indicators: those of the tasks it leads, and those it reported itself
    followed = set(index.led_tasks(scope.id)) & selected_ids if scope else selected_ids
    indicators = [
        indicator_facts(data, indicator, unit)
        for indicator in data.plan.indicators
        if indicator.task in followed or (scope and _reported(data, scope, indicator.id))
    ]
    contributions = [(t.task.id, c) for t in task_facts for c in t.contributions]
    facts = YearFacts(
        plan=data.plan,
        index=index,
        year=data.year,
        as_of=data.as_of,
        deadline=data.deadline,
        scope=scope,
        submissions=submissions,
        tasks=task_facts,
        budget=budget,
        budget_total=_scope_total(budget, submissions) if scope else _total(budget),
        indicators=indicators,
        difficulties=[
            Attributed(c.unit, task_id, d.text)
            for task_id, c in contributions
            for d in c.report.difficulties
            if not d.resolved
        ],
        proposals=_gather(contributions, "proposals"),
        next_year=_gather(contributions, "next_year"),
        broken_files=[file.path for file in data.broken],
        years_present=data.years_with_data(),
        label=data.period_label,
        next_label=next_period_label(data.period, data.year),
        period_start=data.period.months.start(data.year),
        period_end=data.period.months.end(data.year),
        part_year=not data.period.whole_year,
    )
    return _judged(facts)


def _judged(facts: YearFacts) -> YearFacts:
    """The facts with their findings; `overdue` on each task is the finding's verdict, so
    every output reads one judgment."""
    facts.findings = judge(facts)
    for t in facts.tasks:
        t.overdue = facts.findings.task(t.task.id).verdict is TaskVerdict.OVERDUE
    return facts


def next_period_label(period: ReportingPeriod, year: int) -> str:
    """What comes after the period, for the report's 'phương hướng': the plan's own words
    when it gives them, else the next stretch of the same length."""
    if period.next_name:
        return period_words(period.next_name, year)
    months = period.months
    if months.whole_year or months.last == 12:
        return f"năm {year + 1}"
    length = months.last - months.first + 1
    first, last = months.last + 1, min(12, months.last + length)
    if (first, last) == (7, 12):
        return f"6 tháng cuối năm {year}"
    if length == 3 and first % 3 == 1:
        return f"quý {['I', 'II', 'III', 'IV'][first // 3]} năm {year}"
    return f"tháng {first}–{last} năm {year}"


def _selected_tasks(data: YearData, unit: str | None, task: str | None) -> list[Task]:
    tasks = data.plan.walk_tasks()
    if task:
        wanted = {task, *(t.id for t in _descendants(data.index.tasks[task]))}
        tasks = [t for t in tasks if t.id in wanted]
    if unit:
        assigned = set(data.index.assigned_tasks(unit))
        tasks = [t for t in tasks if t.id in assigned]
    return tasks


def _descendants(task: Task) -> list[Task]:
    out, pending = [], list(task.subtasks)
    while pending:
        current = pending.pop(0)
        out.append(current)
        pending.extend(current.subtasks)
    return out


def _contributions(
    data: YearData, task: Task, counted: dict[str, Progress], scope: Unit | None
) -> list[Contribution]:
    index = data.index
    leads = index.leads.get(task.id, [])
    found = []
    for unit_id in leads + index.cooperators[task.id]:
        if scope is not None and unit_id != scope.id:
            continue
        progress = counted.get(unit_id)
        report = progress.tasks.get(task.id) if progress else None
        if report is not None:
            role = "lead" if unit_id in leads else "cooperate"
            found.append(Contribution(index.units[unit_id], role, report))
    return found


def _counted_report(data: YearData, unit_id: str, task_id: str) -> TaskReport | None:
    """A unit's report on a task, if its file counts as of `as_of` (whatever the scope:
    the task's state is a fact about the task, not about who reads it)."""
    progress = data.files.get(unit_id)
    if progress is None or progress.submitted_on is None or progress.submitted_on > data.as_of:
        return None
    return progress.tasks.get(task_id)


def _lead_state(data: YearData, task: Task) -> _LeadState:
    """The state of the task's lead(s). One lead: its own report. A leading group: each
    member leads its part, so progress is the mean of the members that reported, with that
    base, and the state is the least advanced one. A heading: the mean of its subtasks'
    leads. Means are exact (Decimal) all the way down and rounded once, by the caller: a
    parent of rounded means would round twice (28,3 % shown as 29 %)."""
    leads = data.index.leads.get(task.id, [])
    if not leads and task.subtasks:
        states = [_lead_state(data, sub) for sub in task.subtasks]
        known = [s.exact for s in states if s.exact is not None]
        mean = sum(known, Decimal(0)) / len(known) if known else None
        whole = all(s.exact is not None and s.whole for s in states)
        return _LeadState(None, mean, (len(known), len(task.subtasks)), {}, whole)
    reports = {u: r for u in leads if (r := _counted_report(data, u, task.id)) is not None}
    if not reports:
        return _LeadState(None, None, ((0, len(leads)) if len(leads) > 1 else None), {}, False)
    if len(leads) == 1:
        report = next(iter(reports.values()))
        return _LeadState(report.status, Decimal(report.progress), None, reports, True)
    values = list(reports.values())
    mean = sum((Decimal(r.progress) for r in values), Decimal(0)) / len(values)
    status = _combined_status(values, len(leads))
    whole = len(values) == len(leads)
    return _LeadState(status, mean, (len(values), len(leads)), reports, whole)


@dataclass(frozen=True)
class _LeadState:
    status: TaskStatus | None
    exact: Decimal | None  # progress, unrounded
    base: tuple[int, int] | None  # (reported, expected) behind a mean
    reports: dict[str, TaskReport]
    whole: bool  # every lead (every subtask's, all the way down) has reported


def _combined_status(reports: list[TaskReport], expected: int) -> TaskStatus | None:
    """The group's state: done only when every member has reported done; delayed when any
    member is; otherwise in progress (not started when none has started). Members that
    reported only 'done' while others have not reported give no state: nobody said 'in
    progress'."""
    states = {r.status for r in reports}
    if states <= {TaskStatus.DONE, TaskStatus.CANCELLED} and len(reports) < expected:
        return None
    if states == {TaskStatus.DONE} and len(reports) == expected:
        return TaskStatus.DONE
    if TaskStatus.DELAYED in states:
        return TaskStatus.DELAYED
    if states <= {TaskStatus.NOT_STARTED}:
        return TaskStatus.NOT_STARTED
    return TaskStatus.IN_PROGRESS


def _task_facts(
    data: YearData, task: Task, counted: dict[str, Progress], scope: Unit | None
) -> TaskFacts:
    index = data.index
    own = _contributions(data, task, counted, scope)
    state = _lead_state(data, task)
    status, base, lead_reports = state.status, state.base, state.reports
    rounded = int(round_half_up(state.exact)) if state.exact is not None else None
    leads = [index.units[u] for u in index.leads.get(task.id, [])]
    single = leads[0] if len(leads) == 1 and not index.lead_group(task) else None
    members = [task] if scope else [task, *_descendants(task)]
    reports = own if scope else [c for m in members for c in _contributions(data, m, counted, None)]
    expected = [index.units[u] for u in index.cooperators[task.id]]
    reported = [u for u in expected if (p := counted.get(u.id)) is not None and task.id in p.tasks]
    due = task.deadline.due_in(data.year) if task.deadline else None
    return TaskFacts(
        task=task,
        level=task.id.count("."),
        lead=single,
        lead_submission=submission_of(data, single).state if single else None,
        lead_report=lead_reports.get(single.id) if single else None,
        contributions=own,
        cooperators_expected=expected,
        cooperators_reported=reported,
        status=status,
        # a mean over part of its base is not the task's progress: it stays partial
        progress=rounded if state.whole else None,
        progress_base=base,
        progress_partial=rounded,
        subtask_ids=[sub.id for sub in task.subtasks],
        activities=[a for c in reports for a in c.report.activities],
        money=_money(r.report for r in reports),
        open_difficulties=[
            Attributed(c.unit, task.id, d.text)
            for c in reports
            for d in c.report.difficulties
            if not d.resolved
        ],
        leads=leads,
        lead_name=index.lead_name(task),
        lead_group=index.lead_group(task),
        lead_reports=lead_reports,
        due=due,
    )


def _money(reports: Iterable[TaskReport]) -> Money:
    """The amounts written on the activities: a planned amount without a spent one is
    counted as missing, never as 0 spent (only 'spent: 0' written is 0)."""
    planned = spent = count = priced = spent_known = spent_missing = 0
    for report in reports:
        for activity in report.activities:
            count += 1
            budget = activity.budget
            if budget is None:
                continue
            if budget.planned is not None:
                priced += 1
                planned += budget.planned
            if budget.spent is not None:
                spent_known += 1
                spent += budget.spent
            elif budget.planned is not None:
                spent_missing += 1
    return Money(planned, spent, count, (), priced, spent_known, spent_missing)


def _budget_by_unit(
    submissions: list[UnitSubmission], counted: dict[str, Progress], task_ids: set[str] | None
) -> list[BudgetLine]:
    lines = []
    for sub in submissions:
        progress = counted.get(sub.unit.id)
        money = None
        if progress is not None:
            money = _money(
                report
                for task_id, report in progress.tasks.items()
                if task_ids is None or task_id in task_ids
            )
        lines.append(BudgetLine(sub.unit.id, sub.unit.label, money, sub.unit, sub.state))
    return lines


def _budget_by_task(tasks: list[TaskFacts]) -> list[BudgetLine]:
    """A unit's own money, task by task (only the tasks it reported on)."""
    return [BudgetLine(t.task.id, t.task.label, t.money) for t in tasks if t.money.activities]


def _total(lines: list[BudgetLine]) -> Money:
    known = [line.money for line in lines if line.money is not None]
    unknown = tuple(line.unit for line in lines if line.money is None and line.unit)
    return Money(
        sum(m.planned for m in known),
        sum(m.spent for m in known),
        sum(m.activities for m in known),
        unknown,
        sum(m.priced for m in known),
        sum(m.spent_known for m in known),
        sum(m.spent_missing for m in known),
    )


def _scope_total(lines: list[BudgetLine], submissions: list[UnitSubmission]) -> Money:
    """A unit's own total: unknown as a whole when its report does not count."""
    waiting = tuple(s.unit for s in submissions if not s.counted)
    return replace(_total(lines), unknown_units=waiting)


def _reported(data: YearData, unit: Unit, indicator_id: str) -> bool:
    progress = data.files.get(unit.id)
    return progress is not None and indicator_id in progress.indicators


def _gather(contributions: list[tuple[str, Contribution]], field: str) -> list[Attributed]:
    return [
        Attributed(c.unit, task_id, text)
        for task_id, c in contributions
        for text in getattr(c.report, field)
    ]
