"""`kehoach status`: who has reported and how the tasks stand, for people and for CI."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from kehoach_cli.cli.common import ExitCode, RootOption, open_workspace, parse_as_of
from kehoach_cli.cli.options import (
    AsOfOption,
    ByOption,
    CheckDeadlineOption,
    StatusFilterOption,
    StatusFormatOption,
    TaskOption,
    YearOption,
)
from kehoach_cli.cli.year_data import load_year_data, report_skipped

if TYPE_CHECKING:
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
  kehoach status --year 2024 --check-deadline --as-of 2024-11-16   # cho CI
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
    output_format: StatusFormatOption = None,
    check_deadline: CheckDeadlineOption = False,
    root: RootOption = None,
) -> None:
    workspace = open_workspace(root)
    today = parse_as_of(as_of)
    from kehoach_cli.facts import year_facts
    from kehoach_cli.facts.selection import (
        require_choice,
        require_task,
        require_unit,
        require_year_in_period,
    )
    from kehoach_cli.status.assemble import deadline_check, status_output
    from kehoach_cli.status.render import FORMATS
    from kehoach_cli.status.views import STATUS_FILTERS

    data = load_year_data(workspace, year or today.year, today)
    require_year_in_period(data.plan, data.year, workspace.plan_path)
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
    output = status_output(facts, by.value if by else None, status_filter, chosen)
    for notice in output.notices:
        typer.echo(notice, err=True)
    sys.stdout.buffer.write(FORMATS[chosen](output, _terminal()))
    if data.broken:  # shown what could be shown; the data still has problems
        raise typer.Exit(ExitCode.DATA_PROBLEMS)


def _terminal() -> Terminal:
    from kehoach_cli.status.render import Terminal

    interactive = sys.stdout.isatty() and os.environ.get("TERM") != "dumb"
    width = None if interactive else int(os.environ.get("COLUMNS", "100") or 100)
    return Terminal(interactive, width)
