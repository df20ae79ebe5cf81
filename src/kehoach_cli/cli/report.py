"""`kehoach report`: the yearly report as a .docx ready to sign."""

from __future__ import annotations

import sys
from datetime import datetime, timezone
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
from kehoach_cli.cli.year_data import load_year_or_exit, report_skipped, require_reporting_unit
from kehoach_cli.os_errors import describe_os_error

HELP = """Tạo báo cáo năm (.docx) theo thể thức Nghị định 30/2020/NĐ-CP, từ tệp tiến độ của
mọi đơn vị: kết quả từng nhiệm vụ, bảng tiến độ, kinh phí, chỉ tiêu, đánh giá, phương
hướng, kiến nghị và phụ lục các đơn vị nộp muộn.

Mẫu Word: --template, hoặc templates/bao-cao.docx của thư mục dữ liệu, hoặc mẫu mặc
định. Tệp được ghi trọn vẹn hoặc không ghi gì (không bao giờ dở dang). Tệp tiến độ có lỗi
được bỏ qua: báo cáo vẫn được ghi, mã thoát 1.

\b
Ví dụ:
  kehoach report --year 2024                  # ghi bao-cao-2024.docx
  kehoach report --year 2024 -o bao-cao.docx
  kehoach report --year 2024 --unit phong-a   # báo cáo riêng của một đơn vị
  kehoach report --year 2024 --template mau-cua-so.docx
"""


def check_output_path(output: Path, workspace_root: Path) -> Path:
    """Refuse folders, missing parents and paths inside data/ (never touch the inputs)."""
    if output.is_dir():
        fail_usage(
            f"{display_path(output)} là một thư mục; hãy chỉ tên tệp, "
            f"ví dụ {display_path(output / 'bao-cao.docx')}."
        )
    if output.suffix.lower() != ".docx":
        fail_usage(f"tệp kết quả phải có đuôi .docx: {display_path(output)}")
    parent = output.absolute().parent
    if not parent.is_dir():
        fail_usage(f"thư mục {display_path(parent)} không tồn tại.")
    data_dir = (workspace_root / "data").resolve()
    try:
        output.absolute().resolve().relative_to(data_dir)
    except ValueError:
        return output
    fail_usage("không ghi báo cáo vào thư mục data/ (chỉ chứa dữ liệu); chọn chỗ khác với -o.")


def report(
    year: Annotated[int, typer.Option("--year", "-y", help="Năm báo cáo.", min=2000, max=2200)],
    unit: Annotated[
        str | None,
        typer.Option("--unit", "-u", help="Báo cáo riêng của đơn vị này gửi đơn vị tổng hợp."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Tệp .docx cần ghi. Mặc định: bao-cao-<năm>[-<đơn vị>].docx ở thư mục hiện tại.",
            show_default=False,
            dir_okay=True,
        ),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            help="Mẫu Word (.docx có thẻ Jinja) thay cho mẫu mặc định.",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Ngày ghi trên báo cáo và để tính hạn nộp. Mặc định: hôm nay.",
            show_default=False,
        ),
    ] = None,
    root: RootOption = None,
) -> None:
    workspace = open_workspace(root)
    today = parse_as_of(as_of)
    # An explicit -o is checked before any work; the default name contains the unit, so
    # it is made only once the unit is known to be one of the plan's.
    target = check_output_path(output, workspace.root) if output is not None else None

    from kehoach_cli.atomic import write_atomic
    from kehoach_cli.report.context import NothingToReport, ReportOptions, build_context
    from kehoach_cli.report.data_commit import DataCommitProbe
    from kehoach_cli.report.render import Provenance, TemplateProblem, render_docx, resolve_template

    typer.echo(f"Đang đọc dữ liệu năm {year}…", err=True)
    with DataCommitProbe(workspace.root) as data_commit:  # git runs while the data loads
        data = load_year_or_exit(workspace, year, today)
        require_reporting_unit(data, unit)
        if target is None:
            default_name = f"bao-cao-{year}{'-' + unit if unit else ''}.docx"
            target = check_output_path(Path(default_name), workspace.root)
        report_skipped(data)
        try:
            context = build_context(data, ReportOptions(unit=unit, report_date=today), today)
        except NothingToReport as error:
            typer.echo(f"Lỗi: {error}", err=True)
            raise typer.Exit(ExitCode.DATA_PROBLEMS) from None
        chosen_template = resolve_template(template, workspace.templates_dir)
        typer.echo("Đang tạo văn bản…", err=True)
        origin = data_commit.result()
        provenance = Provenance(
            __version__,
            datetime.now(timezone.utc).replace(microsecond=0),
            origin.commit,
            origin.dirty,
        )
        try:
            document = render_docx(chosen_template, context, provenance)
        except TemplateProblem as error:
            typer.echo(f"Lỗi trong mẫu {chosen_template}: {error}", err=True)
            for line in error.context_lines:
                typer.echo(f"    {line}", err=True)
            typer.echo("Chạy 'kehoach template check' để kiểm tra mẫu.", err=True)
            raise typer.Exit(ExitCode.DATA_PROBLEMS) from None
    try:
        write_atomic(target, document)
    except OSError as error:
        fail_usage(f"không ghi được {display_path(target)}: {describe_os_error(error)}")
    missing = context["late_rows"]
    note = f"; {len(missing)} đơn vị nộp muộn hoặc chưa nộp (xem Phụ lục)" if missing else ""
    typer.echo(f"Đã ghi {display_path(target)} ({len(document) // 1024} KB){note}.", err=True)
    sys.stdout.write(f"{target}\n")
    if data.skipped:
        typer.echo(
            f"Báo cáo thiếu dữ liệu của {len(data.skipped)} tệp có lỗi; sửa rồi tạo lại.", err=True
        )
        raise typer.Exit(ExitCode.DATA_PROBLEMS)
