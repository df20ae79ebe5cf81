"""`kehoach summary`: the final summary report of the plan period (báo cáo tổng kết)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kehoach_cli.cli.common import RootOption, display_path, fail_usage, open_workspace, parse_as_of
from kehoach_cli.cli.options import AsOfOption
from kehoach_cli.cli.output_path import check_output_path
from kehoach_cli.os_errors import describe_os_error

HELP = """Tạo báo cáo tổng kết (.docx) cả giai đoạn thực hiện kế hoạch (period trong
data/plan.yaml, ví dụ 2021–2025): kết quả từng chỉ tiêu qua các năm so với mục tiêu, tiến
độ từng nhiệm vụ qua báo cáo năm của đơn vị chủ trì, những việc chưa hoàn thành.

Chỉ dùng báo cáo năm đã gửi (có submitted_on, không sau --as-of). Năm chưa có báo cáo ghi
"—", không tính là không làm gì; báo cáo viết trước khi giai đoạn kết thúc hoặc khi còn đơn
vị chưa gửi thì nói rõ ở đầu.

\b
Ví dụ:
  kehoach summary                          # ghi bao-cao-tong-ket-<năm đầu>-<năm cuối>.docx
  kehoach summary -o tong-ket.docx --as-of 2026-01-20
"""


SummaryOutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Tệp .docx cần ghi. Mặc định: bao-cao-tong-ket-<năm đầu>-<năm cuối>.docx ở thư "
        "mục hiện tại.",
        show_default=False,
        dir_okay=True,
    ),
]


def summary(
    output: SummaryOutputOption = None, as_of: AsOfOption = None, root: RootOption = None
) -> None:
    workspace = open_workspace(root)
    today = parse_as_of(as_of)
    target = check_output_path(output, workspace.root) if output is not None else None
    from kehoach_cli.facts.summary import period_summary
    from kehoach_cli.report.summary_report import SummaryOptions, render_summary

    typer.echo("Đang đọc báo cáo năm của cả giai đoạn…", err=True)
    found = period_summary(workspace, today)
    target = target or check_output_path(
        Path(f"bao-cao-tong-ket-{found.start}-{found.end}.docx"), workspace.root
    )
    document = render_summary(found, SummaryOptions(report_date=today))
    from kehoach_cli.atomic import write_atomic

    try:
        write_atomic(target, document)
    except OSError as error:
        fail_usage(f"không ghi được {display_path(target)}: {describe_os_error(error)}")
    typer.echo(f"Đã ghi {display_path(target)} ({len(document) // 1024} KB).", err=True)
    sys.stdout.write(f"{target}\n")
