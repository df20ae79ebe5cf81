"""A unit's progress file against the plan and against its own place in the workspace."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from kehoach_cli.checks.fieldpath import format_field
from kehoach_cli.checks.periods import period_issues
from kehoach_cli.checks.schema import suggestion
from kehoach_cli.diagnostics import Issue, make_issue
from kehoach_cli.loading.workspace import ProgressRef
from kehoach_cli.loading.yamlsafe import locate
from kehoach_cli.model.index import PlanIndex
from kehoach_cli.model.progress import (
    Activity,
    Difficulty,
    IndicatorValue,
    Progress,
    TaskReport,
    TaskStatus,
)
from kehoach_cli.model.values import Percent, UnitId, VnDate

Loc = tuple[str | int, ...]


def salvage_progress(data: Any) -> Progress | None:
    """The parts of an invalid file that validate on their own, so rules still run on them.

    A clerk should see every problem of a file in one run, not a schema error first and
    the rule problems only after fixing it. None when unit or year is unusable.
    """
    if not isinstance(data, dict):
        return None
    try:
        unit = TypeAdapter(UnitId).validate_python(data.get("unit"))
        year = TypeAdapter(int).validate_python(data.get("year"))
    except ValidationError:
        return None
    tasks: dict[str, Any] = {}
    if isinstance(data.get("tasks"), dict):
        for task_id, value in data["tasks"].items():
            report = _salvage_task(value)
            if report is not None:
                tasks[task_id] = report
    indicators: dict[str, Any] = {}
    if isinstance(data.get("indicators"), dict):
        for indicator_id, value in data["indicators"].items():
            indicator = _valid_or_none(IndicatorValue, value)
            if indicator is not None:
                indicators[indicator_id] = indicator
    try:  # kept for the date rule (KH324), which needs nothing else
        submitted_on = TypeAdapter(VnDate).validate_python(data.get("submitted_on"))
    except ValidationError:
        submitted_on = None
    return Progress.model_construct(
        schema_version=1,
        unit=unit,
        year=year,
        submitted_on=submitted_on,
        prepared_by=None,
        tasks=tasks,
        indicators=indicators,
    )


_Model = TypeVar("_Model", bound=BaseModel)


def _valid_or_none(kind: type[_Model], value: Any) -> _Model | None:
    try:
        return TypeAdapter(kind).validate_python(value)
    except ValidationError:
        return None


def _salvage_task(value: Any) -> TaskReport | None:
    """A task report whose invalid fields are None and invalid list items are None.

    List items keep their index so that issues still point at the right lines.
    """
    report = _valid_or_none(TaskReport, value)
    if report is not None or not isinstance(value, dict):
        return report
    fields: dict[str, Any] = {
        "status": _valid_or_none(TaskStatus, value.get("status")),
        "progress": _valid_or_none(Percent, value.get("progress")),
    }
    for name, kind in (("activities", Activity), ("difficulties", Difficulty)):
        items = value.get(name)
        fields[name] = (
            [_valid_or_none(kind, item) for item in items] if isinstance(items, list) else []
        )
    return TaskReport.model_construct(**fields)


def check_progress(
    progress: Progress,
    data: Any,
    ref: ProgressRef,
    index: PlanIndex | None,
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
    if index is not None:
        reported = set(progress.tasks if reported_task_ids is None else reported_task_ids)
        issues += _plan_issues(progress, index, at, reported)
        issues += period_issues(progress, data, ref, index.plan)
    return issues


def _task_report_issues(progress: Progress, at: Any) -> list[Issue]:
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
        for number, activity in enumerate(report.activities):
            if activity is not None:  # None: invalid, already reported by the schema
                issues += _activity_issues(
                    activity, (*loc, "activities", number), progress.year, at
                )
        for number, difficulty in enumerate(report.difficulties):
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


def _plan_issues(progress: Progress, index: PlanIndex, at: Any, reported: set[str]) -> list[Issue]:
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
    return (
        _task_key_issues(progress, index, at, unit.id)
        + _led_task_issues(progress, index, at, unit.id, reported)
        + _indicator_key_issues(progress, index, at, unit.id)
    )


def _task_key_issues(progress: Progress, index: PlanIndex, at: Any, unit_id: str) -> list[Issue]:
    """Every task the file reports on exists and is assigned to the unit."""
    issues = []
    assigned = index.assigned_tasks(unit_id)
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
                    unit=unit_id,
                    assigned=", ".join(assigned) or "(không có)",
                )
            )
    return issues


def _led_task_issues(
    progress: Progress, index: PlanIndex, at: Any, unit_id: str, reported: set[str]
) -> list[Issue]:
    """The lead reports on every task it leads, and says something about it."""
    issues = []
    for task_id in index.led_tasks(unit_id):
        report = progress.tasks.get(task_id)
        if (
            report is not None
            and report.status is TaskStatus.NOT_STARTED
            and not report.activities
            and not report.results
        ):
            issues.append(make_issue("KH319", *at(("tasks", task_id), at_key=True), id=task_id))
        if task_id not in reported:
            issues.append(
                make_issue("KH306", *at(("tasks",), at_key=True), id=task_id, unit=unit_id)
            )
    return issues


def _indicator_key_issues(
    progress: Progress, index: PlanIndex, at: Any, unit_id: str
) -> list[Issue]:
    """Every indicator reported exists and belongs to a task of the unit."""
    issues = []
    assigned = index.assigned_tasks(unit_id)
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
                make_issue("KH312", *key_at, id=indicator_id, unit=unit_id, task=indicator.task)
            )
    return issues


def _vn(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def _money(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")
