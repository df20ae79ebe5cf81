"""`kehoach status`: who has reported and how the tasks stand, for people and for CI."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from kehoach_cli.cli.common import (
    ExitCode,
    RootOption,
    display_path,
    fail_usage,
    open_workspace,
    parse_as_of,
)
from kehoach_cli.cli.console import shown
from kehoach_cli.cli.options import (
    AsOfOption,
    ByOption,
    CheckDeadlineOption,
    ColorOption,
    NoColorOption,
    PeriodOption,
    StatusFilterOption,
    StatusFormatOption,
    StatusOutputOption,
    TaskOption,
    YearOption,
    color_choice,
)
from kehoach_cli.cli.year_data import load_year_data, report_skipped

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from kehoach_cli.loading.workspace import Workspace
    from kehoach_cli.status.render import Terminal


HELP = """Xem tình hình thực hiện kế hoạch trong một năm: nhiệm vụ, tình hình gửi báo cáo,
chỉ tiêu, kinh phí và từng đơn vị. Không có --by: bản tóm tắt mọi mục.

Chỉ báo cáo đã gửi (có submitted_on, không sau --as-of) được tính; bản nháp được ghi là
"bản nháp, chưa gửi". Tệp tiến độ có lỗi được bỏ qua (có thông báo, mã thoát 1); chạy
'kehoach validate' để xem chi tiết. Hạn nộp lấy từ data/plan.yaml; gửi đúng ngày hạn vẫn
là đúng hạn. Với --unit: nhiệm vụ đơn vị chủ trì hoặc phối hợp, và chỉ phần của đơn vị.

\b
Ví dụ:
  kehoach status --year 2024
  kehoach status --year 2024 --by submission
  kehoach status --year 2024 --by task --status delayed
  kehoach status --year 2024 --by budget --format csv > kinh-phi-2024.csv
  kehoach status --year 2024 --format json
  kehoach status --year 2024 --format xlsx -o tinh-hinh-2024.xlsx   # sổ Excel, mọi bảng
  kehoach status --year 2024 --check-deadline --as-of 2024-11-16   # cho CI
  kehoach status --year 2024 --period 6-thang       # kỳ báo cáo 6 tháng (nếu kế hoạch có)
"""


def status(
    year: YearOption = None,
    by: ByOption = None,
    unit: Annotated[
        str | None, typer.Option("--unit", "-u", help="Chỉ phần của đơn vị này.")
    ] = None,
    task: TaskOption = None,
    status_filter: StatusFilterOption = None,
    as_of: AsOfOption = None,
    period: PeriodOption = None,
    output_format: StatusFormatOption = None,
    output_file: StatusOutputOption = None,
    color: ColorOption = False,
    no_color: NoColorOption = False,
    check_deadline: CheckDeadlineOption = False,
    root: RootOption = None,
) -> None:
    chosen = _chosen_format(output_format.value if output_format else "table", output_file)
    workspace = open_workspace(root)
    today = parse_as_of(as_of)
    if check_deadline:
        raise typer.Exit(_check_deadline(workspace, year, period, today))
    from kehoach_cli.facts import year_facts
    from kehoach_cli.facts.selection import (
        require_choice,
        require_task,
        require_unit,
        require_year_in_period,
    )
    from kehoach_cli.status.assemble import status_output
    from kehoach_cli.status.render import FORMATS
    from kehoach_cli.status.views import STATUS_FILTERS

    data = load_year_data(workspace, year or today.year, today, period)
    require_year_in_period(data.plan, data.year, workspace.plan_path)
    require_unit(data.index, unit)
    require_task(data.index, task)
    require_choice("--status", status_filter, list(STATUS_FILTERS))
    report_skipped(data)
    facts = year_facts(data, unit=unit, task=task)
    output = status_output(facts, by.value if by else None, status_filter, chosen)
    for notice in output.notices:
        typer.echo(shown(notice), err=True)
    _emit(FORMATS[chosen](output, _terminal(color_choice(color, no_color))), output_file)
    if data.broken:  # shown what could be shown; the data still has problems
        raise typer.Exit(ExitCode.DATA_PROBLEMS)


def _check_deadline(workspace: Workspace, year: int | None, period: str | None, today: date) -> int:
    """For CI: exit 1 when a deadline has passed with units late, not sent or broken.
    Without --year and --period, the report whose deadline passed most recently."""
    from kehoach_cli.checks.run import load_plan
    from kehoach_cli.facts import year_facts
    from kehoach_cli.facts.selection import deadline_to_check
    from kehoach_cli.status.assemble import deadline_check, github_annotations

    if year is None and period is None:
        plan, _ = load_plan(workspace)
        chosen = deadline_to_check(plan, today) if plan is not None else (today.year, None)
        if chosen is None:
            typer.echo("Chưa có hạn nộp báo cáo nào đã qua.")
            return ExitCode.OK
        year, period = chosen
    data = load_year_data(workspace, year or today.year, today, period)
    report_skipped(data)
    lines, failed = deadline_check(year_facts(data))
    typer.echo("\n".join(lines))
    if os.environ.get("GITHUB_ACTIONS") == "true":
        typer.echo("\n".join(github_annotations(lines)))
    return ExitCode.DATA_PROBLEMS if failed else ExitCode.OK


def _terminal(color: bool | None) -> Terminal:
    """Boxes on a terminal; colour by cli/color.py's rule (there by default)."""
    from kehoach_cli.cli.color import terminal, wanted
    from kehoach_cli.status.render import Terminal

    interactive = terminal(sys.stdout)
    columns = os.environ.get("COLUMNS", "")
    width = None if interactive else (int(columns) if columns.isdigit() and columns != "0" else 100)
    return Terminal(interactive, width, wanted(sys.stdout, color))


def _to_stdout(target: Path | None) -> bool:
    return target is None or str(target) == "-"


def _chosen_format(name: str, target: Path | None) -> str:
    """The format's name; a workbook is a file: refused without -o, or to a terminal."""
    from kehoach_cli.status.render import BINARY_FORMATS

    if name in BINARY_FORMATS and target is None:
        fail_usage(f"--format {name} ghi một tệp: thêm -o TỆP.{name} (ví dụ -o tinh-hinh.{name}).")
    if name in BINARY_FORMATS and _to_stdout(target) and sys.stdout.isatty():
        fail_usage(f"không in tệp {name} ra màn hình: dùng -o TỆP.{name}.")
    if target is not None and not _to_stdout(target) and target.exists() and not target.is_file():
        fail_usage(f"{display_path(target)} không phải là một tệp thường: chọn tên tệp khác.")
    return name


def _emit(data: bytes, target: Path | None) -> None:
    """On stdout, or into the -o file, complete or not at all (the old one kept)."""
    if _to_stdout(target):
        sys.stdout.buffer.write(data)
        return
    assert target is not None
    from kehoach_cli.atomic import write_atomic
    from kehoach_cli.os_errors import describe_os_error

    try:
        write_atomic(target, data)
    except OSError as error:
        fail_usage(f"không ghi được {display_path(target)}: {describe_os_error(error)}")
    typer.echo(f"Đã ghi {display_path(target)} ({max(1, len(data) // 1024)} KB).", err=True)
