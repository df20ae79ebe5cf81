"""`kehoach dashboard`: one HTML file to look at, for people and for the Pages site."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from kehoach_cli import __version__
from kehoach_cli.cli.common import (
    ExitCode,
    RootOption,
    display_path,
    fail_usage,
    open_workspace,
    parse_as_of,
)
from kehoach_cli.cli.options import AsOfOption, PeriodOption, YearOption
from kehoach_cli.cli.output_path import check_output_path
from kehoach_cli.cli.year_data import load_year_data, report_skipped
from kehoach_cli.os_errors import describe_os_error

HELP = """Tạo trang theo dõi (một tệp .html) để xem nhanh: số đơn vị đã gửi, đúng hạn, gửi
muộn, chưa gửi; ngày gửi của từng đơn vị so với hạn; tiến độ từng nhiệm vụ; biểu đồ chỉ
tiêu với mục tiêu và ước tính; dự toán và giải ngân theo đơn vị, theo nhiệm vụ.

Tệp mở được khi không có mạng (không tải gì từ ngoài, không có JavaScript), đọc được
trên điện thoại và máy chiếu, in ra khổ A4 ngang. Chỉ báo cáo đã gửi (có submitted_on,
không sau --as-of) được tính; kinh phí của đơn vị chưa gửi ghi "chưa rõ". Tệp tiến độ có
lỗi được bỏ qua và nêu trên trang (mã thoát 1).

\b
Ví dụ:
  kehoach dashboard --year 2024                  # ghi theo-doi-2024.html
  kehoach dashboard --year 2024 -o public/index.html
  kehoach dashboard --year 2024 --as-of 2024-11-20
"""

HtmlOutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Tệp .html cần ghi. Mặc định: theo-doi-<năm>.html ở thư mục hiện tại.",
        show_default=False,
        dir_okay=True,
    ),
]


def dashboard(
    year: YearOption = None,
    output: HtmlOutputOption = None,
    as_of: AsOfOption = None,
    period: PeriodOption = None,
    root: RootOption = None,
) -> None:
    workspace = open_workspace(root)
    today = parse_as_of(as_of)
    chosen = year or today.year
    target = check_output_path(
        output or Path(f"theo-doi-{chosen}.html"),
        workspace.root,
        suffixes=(".html", ".htm"),
        document="trang theo dõi",
    )
    from kehoach_cli.dashboard import Provenance, render_dashboard
    from kehoach_cli.facts import year_facts
    from kehoach_cli.facts.selection import require_year_in_period
    from kehoach_cli.report.data_commit import DataCommitProbe

    with DataCommitProbe(workspace.root) as probe:  # reads .git while the data loads
        data = load_year_data(workspace, chosen, today, period)
        require_year_in_period(data.plan, chosen, workspace.plan_path)
        report_skipped(data)
        facts = year_facts(data)
        origin = probe.result()
    stamp = datetime.now(UTC).astimezone()
    provenance = Provenance(__version__, origin.commit, origin.dirty, stamp)
    page = render_dashboard(facts, provenance, facts.label)
    _write(target, page)
    typer.echo(f"Đã ghi {display_path(target)} ({len(page) // 1024} KB).", err=True)
    sys.stdout.write(f"{target}\n")
    if data.broken:  # shown what could be shown; the data still has problems
        raise typer.Exit(ExitCode.DATA_PROBLEMS)


def _write(target: Path, page: bytes) -> None:
    from kehoach_cli.atomic import write_atomic

    try:
        write_atomic(target, page)
    except OSError as error:
        fail_usage(f"không ghi được {display_path(target)}: {describe_os_error(error)}")
