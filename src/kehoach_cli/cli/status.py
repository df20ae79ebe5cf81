"""`kehoach status`: who has reported and how the tasks stand, for people and for CI."""

from __future__ import annotations

import os
import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from kehoach_cli.cli.common import ExitCode, RootOption, open_workspace, parse_as_of
from kehoach_cli.cli.year_data import load_year_data, report_skipped

if TYPE_CHECKING:
    from kehoach_cli.status.render import Terminal


class StatusView(str, Enum):
    task = "task"
    submission = "submission"
    indicator = "indicator"
    budget = "budget"
    unit = "unit"


class StatusFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    markdown = "markdown"


HELP = """Xem tình hình thực hiện kế hoạch trong một năm: nhiệm vụ, tình hình nộp báo cáo,
chỉ tiêu, kinh phí và từng đơn vị. Không có --by: bản tóm tắt mọi mục.

Tệp tiến độ có lỗi được bỏ qua (có thông báo, mã thoát 1); chạy 'kehoach validate' để
xem chi tiết.
Hạn nộp lấy từ data/plan.yaml; nộp đúng ngày hạn vẫn là đúng hạn.

\b
Ví dụ:
  kehoach status --year 2024
  kehoach status --year 2024 --by submission
  kehoach status --year 2024 --by task --status delayed
  kehoach status --year 2024 --by budget --format csv > kinh-phi-2024.csv
  kehoach status --year 2024 --format json
  kehoach status --year 2024 --check-deadline --as-of 2024-11-16   # cho CI
"""


def status(
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            "-y",
            help="Năm báo cáo. Mặc định: năm của --as-of.",
            show_default=False,
            min=2000,
            max=2200,
        ),
    ] = None,
    by: Annotated[
        StatusView | None,
        typer.Option(
            "--by",
            help="Chỉ một bảng: task (nhiệm vụ), submission (nộp báo cáo), indicator "
            "(chỉ tiêu), budget (kinh phí), unit (đơn vị).",
            show_default=False,
        ),
    ] = None,
    unit: Annotated[
        str | None, typer.Option("--unit", "-u", help="Chỉ đơn vị này (mã đơn vị).")
    ] = None,
    task: Annotated[
        str | None, typer.Option("--task", "-t", help="Chỉ nhiệm vụ này và các nhiệm vụ con.")
    ] = None,
    status_filter: Annotated[
        str | None,
        typer.Option(
            "--status",
            "-s",
            help="Lọc theo tình trạng nhiệm vụ (not_started, in_progress, done, delayed, "
            "cancelled) hoặc tình trạng gửi báo cáo (on_time, late, pending, missing, "
            "draft, invalid).",
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Tính hạn và số ngày theo ngày này (2024-11-16 hoặc 16/11/2024). "
            "Mặc định: hôm nay.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        StatusFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="table (mặc định; chữ thường không khung khi không in ra màn hình), csv "
            "(UTF-8 có BOM, mở bằng Excel), json, markdown.",
            show_default=False,
        ),
    ] = None,
    check_deadline: Annotated[
        bool,
        typer.Option(
            "--check-deadline",
            help="Mã thoát 1 nếu đã quá hạn mà còn đơn vị chưa nộp hoặc nộp muộn (cho CI).",
        ),
    ] = False,
    root: RootOption = None,
) -> None:
    workspace = open_workspace(root)
    today = parse_as_of(as_of)
    from kehoach_cli.facts import year_facts
    from kehoach_cli.facts.selection import require_choice, require_task, require_unit
    from kehoach_cli.status.assemble import deadline_check, status_output
    from kehoach_cli.status.render import FORMATS
    from kehoach_cli.status.views import STATUS_FILTERS

    data = load_year_data(workspace, year or today.year, today)
    require_unit(data.index, unit)
    require_task(data.index, task)
    require_choice("--status", status_filter, list(STATUS_FILTERS))
    report_skipped(data)
    facts = year_facts(data, unit=unit, task=task)
    if check_deadline:
        lines, failed = deadline_check(facts)
        typer.echo("\n".join(lines))
        raise typer.Exit(ExitCode.DATA_PROBLEMS if failed else ExitCode.OK)
    chosen = output_format.value if output_format else "table"
    if chosen == "csv" and by is None:
        typer.echo(
            "CSV chỉ chứa một bảng: đang in bảng nhiệm vụ; dùng --by để chọn bảng khác.", err=True
        )
    view = by.value if by else ("task" if chosen == "csv" else None)
    if not facts.counted_units:
        years = ", ".join(str(y) for y in facts.years_present) or "chưa có"
        typer.echo(
            f"Chưa có báo cáo đã gửi nào cho năm {facts.year} (các năm có dữ liệu: {years}).",
            err=True,
        )
    output = status_output(facts, view, status_filter)
    sys.stdout.buffer.write(FORMATS[chosen](output, _terminal()))
    if data.broken:  # shown what could be shown; the data still has problems
        raise typer.Exit(ExitCode.DATA_PROBLEMS)


def _terminal() -> Terminal:
    from kehoach_cli.status.render import Terminal

    interactive = sys.stdout.isatty() and os.environ.get("TERM") != "dumb"
    width = None if interactive else int(os.environ.get("COLUMNS", "100") or 100)
    return Terminal(interactive, width)
