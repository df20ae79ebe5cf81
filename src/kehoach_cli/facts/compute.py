"""From a year's data to its facts, for the whole plan or for one unit's own report."""

from __future__ import annotations

from collections.abc import Iterable

from kehoach_cli.facts.indicators import indicator_facts
from kehoach_cli.facts.loading import YearData
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
from kehoach_cli.model.plan import Task, Unit
from kehoach_cli.model.progress import Progress, TaskReport


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
    return YearFacts(
        plan=data.plan,
        index=index,
        year=data.year,
        as_of=data.as_of,
        deadline=data.deadline,
        scope=scope,
        submissions=submissions,
        tasks=task_facts,
        budget=budget,
        budget_total=_total(budget),
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
    )


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
    found = []
    for unit_id in ([task.lead] if task.lead else []) + index.cooperators[task.id]:
        if scope is not None and unit_id != scope.id:
            continue
        progress = counted.get(unit_id)
        report = progress.tasks.get(task.id) if progress else None
        if report is not None:
            role = "lead" if unit_id == task.lead else "cooperate"
            found.append(Contribution(index.units[unit_id], role, report))
    return found


def _lead_report(data: YearData, task: Task) -> TaskReport | None:
    """The lead's report on the task, if it counts as of `as_of` (whatever the scope:
    the task's state is a fact about the task, not about who reads it)."""
    if not task.lead:
        return None
    progress = data.files.get(task.lead)
    if progress is None or progress.submitted_on is None or progress.submitted_on > data.as_of:
        return None
    return progress.tasks.get(task.id)


def _task_facts(
    data: YearData, task: Task, counted: dict[str, Progress], scope: Unit | None
) -> TaskFacts:
    index = data.index
    own = _contributions(data, task, counted, scope)
    lead_report = _lead_report(data, task)
    progress: int | None = lead_report.progress if lead_report else None
    base = None
    if task.lead is None and task.subtasks:  # a grouping task: mean of its subtasks' leads
        known = [r.progress for sub in task.subtasks if (r := _lead_report(data, sub))]
        base = (len(known), len(task.subtasks))
        progress = round(sum(known) / len(known)) if known else None
    members = [task] if scope else [task, *_descendants(task)]
    reports = own if scope else [c for m in members for c in _contributions(data, m, counted, None)]
    activities = [a for c in reports for a in c.report.activities]
    expected = [index.units[u] for u in index.cooperators[task.id]]
    reported = [u for u in expected if (p := counted.get(u.id)) is not None and task.id in p.tasks]
    return TaskFacts(
        task=task,
        level=task.id.count("."),
        lead=index.units.get(task.lead) if task.lead else None,
        lead_submission=submission_of(data, index.units[task.lead]).state if task.lead else None,
        lead_report=lead_report,
        contributions=own,
        cooperators_expected=expected,
        cooperators_reported=reported,
        status=lead_report.status if lead_report else None,
        progress=progress,
        progress_base=base,
        subtask_ids=[sub.id for sub in task.subtasks],
        activities=activities,
        money=_money(r.report for r in reports),
        open_difficulties=[
            Attributed(c.unit, task.id, d.text)
            for c in reports
            for d in c.report.difficulties
            if not d.resolved
        ],
    )


def _money(reports: Iterable[TaskReport]) -> Money:
    planned = spent = count = 0
    for report in reports:
        for activity in report.activities:
            count += 1
            if activity.budget:
                planned += activity.budget.planned or 0
                spent += activity.budget.spent or 0
    return Money(planned, spent, count)


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
    return [BudgetLine(t.task.id, t.task.label, t.money) for t in tasks if t.contributions]


def _total(lines: list[BudgetLine]) -> Money:
    known = [line.money for line in lines if line.money is not None]
    unknown = tuple(line.unit for line in lines if line.money is None and line.unit)
    return Money(
        sum(m.planned for m in known),
        sum(m.spent for m in known),
        sum(m.activities for m in known),
        unknown,
    )


def _reported(data: YearData, unit: Unit, indicator_id: str) -> bool:
    progress = data.files.get(unit.id)
    return progress is not None and indicator_id in progress.indicators


def _gather(contributions: list[tuple[str, Contribution]], field: str) -> list[Attributed]:
    return [
        Attributed(c.unit, task_id, text)
        for task_id, c in contributions
        for text in getattr(c.report, field)
    ]
