"""A unit's progress file against the plan and against its own place in the workspace."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from kehoach_cli.checks.fieldpath import format_field
from kehoach_cli.checks.schema import suggestion
from kehoach_cli.diagnostics import Issue, make_issue
from kehoach_cli.loading.workspace import ProgressRef
from kehoach_cli.loading.yamlsafe import locate
from kehoach_cli.model.index import PlanIndex
from kehoach_cli.model.progress import Activity, Progress, TaskStatus

Loc = tuple[str | int, ...]


def check_progress(
    progress: Progress, data: Any, ref: ProgressRef, index: PlanIndex | None
) -> list[Issue]:
    """Every rule of DESIGN.md §4 for one progress file; plan rules only when the plan loaded."""
    path = ref.path
    issues: list[Issue] = []

    def at(loc: Loc, *, at_key: bool = False) -> tuple[Path, Any, str]:
        return path, locate(data, loc, at_key=at_key), format_field(loc)

    if progress.year != ref.year:
        issues.append(make_issue("KH301", *at(("year",)), value=progress.year, expected=ref.year))
    if progress.unit != ref.unit:
        issues.append(make_issue("KH302", *at(("unit",)), value=progress.unit, expected=ref.unit))

    for task_id, report in progress.tasks.items():
        loc: Loc = ("tasks", task_id)
        done = report.status is TaskStatus.DONE
        if done != (report.progress == 100) and report.status is not TaskStatus.CANCELLED:
            issues.append(
                make_issue(
                    "KH309",
                    *at((*loc, "status")),
                    status=report.status.value,
                    progress=report.progress,
                )
            )
        for number, activity in enumerate(report.activities):
            issues += _activity_issues(activity, (*loc, "activities", number), progress.year, at)
        for number, difficulty in enumerate(report.difficulties):
            if difficulty.raised_on and difficulty.raised_on.year != progress.year:
                issues.append(
                    make_issue(
                        "KH307",
                        *at((*loc, "difficulties", number, "raised_on")),
                        value=_vn(difficulty.raised_on),
                        year=progress.year,
                    )
                )

    if index is not None:
        issues += _plan_issues(progress, index, at)
    return issues


def _activity_issues(activity: Activity, loc: Loc, year: int, at: Any) -> list[Issue]:
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
    if (
        budget
        and budget.planned is not None
        and budget.spent is not None
        and budget.spent > budget.planned
    ):
        issues.append(
            make_issue(
                "KH310",
                *at((*loc, "budget", "spent")),
                spent=_money(budget.spent),
                planned=_money(budget.planned),
            )
        )
    return issues


def _plan_issues(progress: Progress, index: PlanIndex, at: Any) -> list[Issue]:
    issues = []
    unit = index.units.get(progress.unit)
    if unit is None or not unit.reports:
        known = ", ".join(u.id for u in index.reporting_units)
        issues.append(
            make_issue(
                "KH303",
                *at(("unit",)),
                id=progress.unit,
                suggestion=suggestion(progress.unit, [u.id for u in index.reporting_units]),
                known=known,
            )
        )
        return issues
    assigned = index.assigned_tasks(unit.id)
    for task_id in progress.tasks:
        key_at = at(("tasks", task_id), at_key=True)
        if task_id not in index.tasks:
            issues.append(
                make_issue(
                    "KH304",
                    *key_at,
                    id=task_id,
                    suggestion=suggestion(task_id, index.tasks),
                    known=", ".join(index.tasks),
                )
            )
        elif task_id not in assigned:
            issues.append(
                make_issue(
                    "KH305",
                    *key_at,
                    id=task_id,
                    unit=unit.id,
                    assigned=", ".join(assigned) or "(không có)",
                )
            )
    for task_id in index.led_tasks(unit.id):
        if task_id not in progress.tasks:
            issues.append(
                make_issue("KH306", *at(("tasks",), at_key=True), id=task_id, unit=unit.id)
            )
    for indicator_id in progress.indicators:
        key_at = at(("indicators", indicator_id), at_key=True)
        indicator = index.indicators.get(indicator_id)
        if indicator is None:
            issues.append(
                make_issue(
                    "KH311",
                    *key_at,
                    id=indicator_id,
                    suggestion=suggestion(indicator_id, index.indicators),
                    known=", ".join(index.indicators) or "(không có)",
                )
            )
        elif indicator.task in index.tasks and indicator.task not in assigned:
            issues.append(
                make_issue("KH312", *key_at, id=indicator_id, unit=unit.id, task=indicator.task)
            )
    return issues


def _vn(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def _money(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")
