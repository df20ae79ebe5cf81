"""Checks of what a command was asked to look at: a unit, a task, a status word."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kehoach_cli.errors import UsageProblem, shortened
from kehoach_cli.model.index import PlanIndex
from kehoach_cli.model.plan import Plan


def require_unit(index: PlanIndex, unit: str | None) -> None:
    """Refuse a unit that is not one of the plan's reporting units (any text, ../ too)."""
    known = [u.id for u in index.reporting_units]
    if unit is not None and unit not in known:
        raise UsageProblem(f"không có đơn vị '{shortened(unit)}'. Các đơn vị: {', '.join(known)}.")


def require_task(index: PlanIndex, task: str | None) -> None:
    if task is not None and task not in index.tasks:
        raise UsageProblem(
            f"không có nhiệm vụ '{shortened(task)}'. Các nhiệm vụ: {', '.join(index.tasks)}."
        )


def require_choice(option: str, value: str | None, allowed: list[str]) -> None:
    if value is not None and value not in allowed:
        raise UsageProblem(
            f"{option} '{shortened(value)}' không hợp lệ. Dùng một trong: {', '.join(allowed)}."
        )


def require_year_in_period(plan: Plan, year: int, plan_path: Path) -> None:
    """A year outside the plan's period has nothing to report: refuse it, saying where
    the period is written."""
    period = plan.period
    if period is None or year in period:
        return
    where = f"data/{plan_path.name}:{_line_of('period', plan_path)}" if plan_path.exists() else ""
    choose = (
        f"Kế hoạch chỉ thực hiện trong năm {period.start}."
        if period.start == period.end
        else f"Chọn một năm từ {period.start} đến {period.end}."
    )
    raise UsageProblem(
        f"năm {year} nằm ngoài thời gian thực hiện kế hoạch ({period.span}"
        + (f", ghi ở {where}" if where else "")
        + f"). {choose}"
    )


def _line_of(key: str, path: Path) -> int:
    """The line of a top-level key in a YAML file (1 when not found)."""
    prefix = f"{key}:"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith(prefix):
            return number
    return 1


def _earliest_issue(plan: Plan) -> date:
    """The earliest day the plan can have been issued, from as much of its date as it
    gives (only a year: 1 January)."""
    issued = plan.document.date
    try:
        return date(issued.year, issued.month or 1, issued.day or 1)
    except ValueError:  # a day the month does not have: the month's first
        return date(issued.year, issued.month or 1, 1)


def deadline_to_check(plan: Plan, today: date) -> tuple[int, str] | None:
    """(year, period id) of the report whose deadline passed most recently — last year's
    yearly report in January when its deadline is '15/01 năm sau' — or None when no
    deadline has passed yet (a new plan). A deadline before the plan was issued is not
    owed (a plan issued in September has no report of the first six months to chase)."""
    earliest_issue = _earliest_issue(plan)
    passed = [
        (due, year, period.id)
        for period in plan.reporting.all_periods()
        for year in (today.year - 2, today.year - 1, today.year)
        if (due := period.deadline.in_year(year)) < today
        and due >= earliest_issue
        and (plan.period is None or year in plan.period)
    ]
    if not passed:
        return None
    _, year, period_id = max(passed)
    return year, period_id
