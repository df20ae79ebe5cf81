"""Loading a year's facts for `status` and `report`: the same refusals, the same words."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import typer

from kehoach_cli.cli.common import display_path
from kehoach_cli.errors import DataProblem

if TYPE_CHECKING:
    from kehoach_cli.facts import YearData
    from kehoach_cli.loading.workspace import Workspace


def load_year_data(
    workspace: Workspace, year: int, as_of: date, period: str | None = None
) -> YearData:
    """The year's data; a broken plan ends the command with its first located errors."""
    from kehoach_cli.cli.issue_output import format_text
    from kehoach_cli.facts import PlanUnusable, load_year

    try:
        return load_year(workspace, year, as_of, period)
    except PlanUnusable as error:
        shown = 3
        lines = [format_text(issue, False) for issue in error.issues[:shown]]
        if len(error.issues) > shown:
            lines.append(f"… và {len(error.issues) - shown} lỗi khác.")
        lines.append("Sửa rồi chạy lại; 'kehoach validate' liệt kê đủ mọi lỗi.")
        raise DataProblem("data/plan.yaml có lỗi nên không tính được tiến độ:", lines) from None


def broken_file_lines(data: YearData, shown: int = 5) -> list[str]:
    """The located errors of the year's unusable files, for the user to fix."""
    from kehoach_cli.cli.issue_output import format_text

    lines: list[str] = []
    for broken in data.broken:
        for issue in broken.issues[:2]:
            lines.append(format_text(issue, False))
        if len(broken.issues) > 2:
            lines.append(f"    … và {len(broken.issues) - 2} lỗi khác trong tệp này.")
    more = len(lines) - shown
    return lines[:shown] + ([f"… và {more} dòng nữa."] if more > 0 else [])


def report_skipped(data: YearData) -> None:
    """One line for the files left out because they have errors."""
    if not data.broken:
        return
    first = data.broken[0]
    more = f" và {len(data.broken) - 1} tệp khác" if len(data.broken) > 1 else ""
    typer.echo(
        f"Bỏ qua {len(data.broken)} tệp có lỗi "
        f"({display_path(first.path)}: {first.first_error}{more}); "
        "chạy 'kehoach validate' để xem chi tiết.",
        err=True,
    )
