"""A unit's progress file against the plan and against its own place in the workspace.

Nothing here imports pydantic: the rules read the plan through checks/plan_view.py and a
progress file through its model's attributes, so that the fast reading of a progress file
(checks/progress_reader.py) runs the very same rules without loading the models."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kehoach_cli.checks.fieldpath import format_field
from kehoach_cli.checks.period_rules import period_issues
from kehoach_cli.checks.plan_view import PlanView
from kehoach_cli.checks.suggest import suggestion
from kehoach_cli.diagnostics import Issue, make_issue
from kehoach_cli.loading.workspace import ProgressRef
from kehoach_cli.loading.yamlsafe import locate
from kehoach_cli.model.status import TaskStatus

if TYPE_CHECKING:  # read by attribute: the models, or the records of the fast reader
    from kehoach_cli.checks.progress_reader import AnyActivity, AnyDifficulty, AnyProgress

Loc = tuple[str | int, ...]


def check_progress(
    progress: AnyProgress,
    data: Any,
    ref: ProgressRef,
    plan: PlanView | None,
    reported_task_ids: Iterable[str] | None = None,
    today: date | None = None,
) -> list[Issue]:
    """Every rule for one progress file (docs/architecture.md); plan rules only when the
    plan loaded; the rule that depends on the date (KH324) only when `today` is given.

    `reported_task_ids` lists the task keys present in the file when `progress` holds
    only a salvaged part of it.
    """
    path = ref.path
    issues: list[Issue] = []

    def at(loc: Loc, *, at_key: bool = False) -> tuple[Path, Any, str]:
        return path, locate(data, loc, at_key=at_key), format_field(loc)

    if progress.year != ref.year:
        issues.append(make_issue("KH301", *at(("year",)), value=progress.year, expected=ref.year))
    if progress.unit != ref.unit:
        issues.append(make_issue("KH302", *at(("unit",)), value=progress.unit, expected=ref.unit))
    if today is not None and progress.submitted_on is not None and progress.submitted_on > today:
        # status and report count a file as sent from its submitted_on on (facts/compute.py)
        issues.append(make_issue("KH324", *at(("submitted_on",)), value=_vn(progress.submitted_on)))
    issues += _task_report_issues(progress, at)
    if plan is not None:
        reported = set(progress.tasks if reported_task_ids is None else reported_task_ids)
        issues += _plan_issues(progress, plan, at, reported, ref)
        issues += period_issues(progress, data, ref, plan)
    return issues


def _task_report_issues(progress: AnyProgress, at: Any) -> list[Issue]:
    """Each task report on its own: status against progress, activities, difficulties."""
    issues: list[Issue] = []
    for task_id, report in progress.tasks.items():
        loc: Loc = ("tasks", task_id)
        done = report.status is TaskStatus.DONE
        if (
            report.status is not None
            and report.progress is not None
            and done != (report.progress == 100)
            and report.status is not TaskStatus.CANCELLED
        ):
            issues.append(
                make_issue(
                    "KH309",
                    *at((*loc, "status")),
                    status=report.status.value,
                    progress=report.progress,
                )
            )
        activities: Sequence[AnyActivity | None] = report.activities
        for number, activity in enumerate(activities):
            if activity is not None:  # None: invalid, already reported by the schema
                where = (*loc, "activities", number)
                issues += _activity_issues(activity, where, progress.year, at)
                issues += _after_sending(activity, where, progress.submitted_on, at)
        difficulties: Sequence[AnyDifficulty | None] = report.difficulties
        for number, difficulty in enumerate(difficulties):
            if (
                difficulty is not None
                and difficulty.raised_on
                and difficulty.raised_on.year != progress.year
            ):
                issues.append(
                    make_issue(
                        "KH307",
                        *at((*loc, "difficulties", number, "raised_on")),
                        value=_vn(difficulty.raised_on),
                        year=progress.year,
                    )
                )
    return issues


def _after_sending(activity: AnyActivity, loc: Loc, sent: date | None, at: Any) -> list[Issue]:
    """A report cannot state what happened after it was sent: the report's date would
    contradict its content (KH325)."""
    if sent is None or activity.finished_on is None or activity.finished_on <= sent:
        return []
    return [
        make_issue(
            "KH325",
            *at((*loc, "finished_on")),
            title=activity.title,
            finished=_vn(activity.finished_on),
            sent=_vn(sent),
        )
    ]


def _activity_issues(activity: AnyActivity, loc: Loc, year: int, at: Any) -> list[Issue]:
    issues = []
    for key in ("start", "due", "finished_on"):
        day: date | None = getattr(activity, key)
        if day is not None and day.year != year:
            issues.append(make_issue("KH307", *at((*loc, key)), value=_vn(day), year=year))
    if activity.start and activity.due and activity.start > activity.due:
        issues.append(
            make_issue(
                "KH308", *at((*loc, "start")), start=_vn(activity.start), due=_vn(activity.due)
            )
        )
    if activity.start and activity.finished_on and activity.finished_on < activity.start:
        issues.append(
            make_issue(
                "KH314",
                *at((*loc, "finished_on")),
                finished=_vn(activity.finished_on),
                start=_vn(activity.start),
            )
        )
    if activity.status is TaskStatus.DONE and activity.finished_on is None:
        issues.append(
            make_issue(
                "KH313",
                *at((*loc, "status")),
                title=activity.title,
                detail="đã hoàn thành nhưng thiếu 'finished_on'",
            )
        )
    elif activity.finished_on is not None and activity.status is not TaskStatus.DONE:
        issues.append(
            make_issue(
                "KH313",
                *at((*loc, "finished_on")),
                title=activity.title,
                detail=f"có 'finished_on' nhưng status là '{activity.status.value}'",
            )
        )
    budget = activity.budget
    if budget is not None and overspent(budget):
        assert budget.spent is not None and budget.planned is not None
        issues.append(
            make_issue(
                "KH310",
                *at((*loc, "budget", "spent")),
                spent=_money(budget.spent),
                planned=_money(budget.planned),
            )
        )
    return issues


def _plan_issues(
    progress: AnyProgress, plan: PlanView, at: Any, reported: set[str], ref: ProgressRef
) -> list[Issue]:
    if progress.unit not in plan.reporting_units:
        issue = make_issue(
            "KH303",
            *at(("unit",)),
            id=progress.unit,
            suggestion=suggestion(progress.unit, plan.reporting_units),
            known=", ".join(plan.reporting_units),
        )
        return [issue]
    return (
        _task_key_issues(progress, plan, at, progress.unit)
        + _led_task_issues(progress, plan, at, progress.unit, reported, ref)
        + _indicator_key_issues(progress, plan, at, progress.unit)
    )


def _task_key_issues(progress: AnyProgress, plan: PlanView, at: Any, unit_id: str) -> list[Issue]:
    """Every task the file reports on exists and is assigned to the unit."""
    issues = []
    assigned = plan.assigned_tasks(unit_id)
    for task_id in progress.tasks:
        key_at = at(("tasks", task_id), at_key=True)
        if task_id not in plan.tasks:
            issues.append(
                make_issue(
                    "KH304",
                    *key_at,
                    id=task_id,
                    suggestion=suggestion(task_id, plan.tasks),
                    known=", ".join(plan.tasks),
                )
            )
        elif task_id not in assigned:
            issues.append(
                make_issue(
                    "KH305",
                    *key_at,
                    id=task_id,
                    unit=unit_id,
                    assigned=", ".join(assigned) or "(không có)",
                )
            )
    return issues


def _led_task_issues(
    progress: AnyProgress,
    plan: PlanView,
    at: Any,
    unit_id: str,
    reported: set[str],
    ref: ProgressRef,
) -> list[Issue]:
    """The lead reports on every task it leads, and says something about it — except
    'not started' for a task due after the period the file covers, which is the truth."""
    issues = []
    period = plan.period_of(ref.period)
    for task_id in plan.led_tasks(unit_id):
        report = progress.tasks.get(task_id)
        due = plan.due_in(task_id, ref.year)
        later = period is not None and due is not None and due > period.end(ref.year)
        if (
            report is not None
            and report.status is TaskStatus.NOT_STARTED
            and not report.activities
            and not report.results
            and not later
        ):
            issues.append(make_issue("KH319", *at(("tasks", task_id), at_key=True), id=task_id))
        if task_id not in reported:
            issues.append(
                make_issue("KH306", *at(("tasks",), at_key=True), id=task_id, unit=unit_id)
            )
    return issues


def _indicator_key_issues(
    progress: AnyProgress, plan: PlanView, at: Any, unit_id: str
) -> list[Issue]:
    """Every indicator reported exists and belongs to a task of the unit."""
    issues = []
    assigned = plan.assigned_tasks(unit_id)
    for indicator_id in progress.indicators:
        key_at = at(("indicators", indicator_id), at_key=True)
        if indicator_id not in plan.indicators:
            issues.append(
                make_issue(
                    "KH311",
                    *key_at,
                    id=indicator_id,
                    suggestion=suggestion(indicator_id, plan.indicators),
                    known=", ".join(plan.indicators) or "(không có)",
                )
            )
        elif (task := plan.indicators[indicator_id]) in plan.tasks and task not in assigned:
            issues.append(make_issue("KH312", *key_at, id=indicator_id, unit=unit_id, task=task))
    return issues


def _vn(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def _money(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def overspent(budget: Any) -> bool:
    """A spent amount above the planned one (KH310): validate warns, and the report's
    findings name it (facts/judge.py) so it is never signed unawares."""
    return budget.planned is not None and budget.spent is not None and budget.spent > budget.planned
