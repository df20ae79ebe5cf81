"""Loading a year's data for `status` and `report`: the same refusals, the same words."""

from __future__ import annotations

from datetime import date
from typing import Any

import typer

from kehoach_cli.cli.common import ExitCode, display_path, fail_usage
from kehoach_cli.cli.issue_output import write_plan_errors


def load_year_or_exit(workspace: Any, year: int, today: date) -> Any:
    """The year's StatusData; a broken plan ends the command with its located errors."""
    from kehoach_cli.status.dataset import PlanUnusable, load_status_data

    try:
        return load_status_data(workspace, year, today)
    except PlanUnusable as error:
        write_plan_errors(error.issues)
        raise typer.Exit(ExitCode.DATA_PROBLEMS) from None


def require_reporting_unit(data: Any, unit: str | None) -> None:
    """Refuse a --unit that is not one of the plan's reporting units (any text, ../ too)."""
    known = [u.id for u in data.index.reporting_units]
    if unit is not None and unit not in known:
        fail_usage(f"không có đơn vị '{unit}'. Các đơn vị: {', '.join(known)}.")


def report_skipped(data: Any) -> None:
    """One line for the files left out because they have errors."""
    if not data.skipped:
        return
    first = data.skipped[0]
    more = f" và {len(data.skipped) - 1} tệp khác" if len(data.skipped) > 1 else ""
    typer.echo(
        f"Bỏ qua {len(data.skipped)} tệp có lỗi "
        f"({display_path(first.path)}: {first.first_error}{more}); "
        "chạy 'kehoach validate' để xem chi tiết.",
        err=True,
    )
