"""Checks of what a command was asked to look at: a unit, a task, a status word."""

from __future__ import annotations

from kehoach_cli.errors import UsageProblem
from kehoach_cli.model.index import PlanIndex


def require_unit(index: PlanIndex, unit: str | None) -> None:
    """Refuse a unit that is not one of the plan's reporting units (any text, ../ too)."""
    known = [u.id for u in index.reporting_units]
    if unit is not None and unit not in known:
        raise UsageProblem(f"không có đơn vị '{unit}'. Các đơn vị: {', '.join(known)}.")


def require_task(index: PlanIndex, task: str | None) -> None:
    if task is not None and task not in index.tasks:
        raise UsageProblem(f"không có nhiệm vụ '{task}'. Các nhiệm vụ: {', '.join(index.tasks)}.")


def require_choice(option: str, value: str | None, allowed: list[str]) -> None:
    if value is not None and value not in allowed:
        raise UsageProblem(
            f"{option} '{value}' không hợp lệ. Dùng một trong: {', '.join(allowed)}."
        )
