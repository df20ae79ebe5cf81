"""`kehoach template check`: is a Word template usable for the report?"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from kehoach_cli.cli.common import ExitCode, RootOption, open_workspace
from kehoach_cli.cli.vietnamese import VietnameseCommand, VietnameseGroup

template_app = typer.Typer(
    cls=VietnameseGroup,
    help="Mẫu Word của báo cáo.\n\n\b\nVí dụ:\n  kehoach template check templates/bao-cao.docx",
    no_args_is_help=True,
    rich_markup_mode=None,
)

CHECK_HELP = """Kiểm tra mẫu Word: các biến và bộ lọc mà mẫu dùng nhưng báo cáo không cung cấp,
lỗi cú pháp Jinja (kèm đoạn văn bản quanh lỗi), rồi thử tạo báo cáo bằng dữ liệu thật
của năm gần nhất. Mã thoát 1 khi mẫu có vấn đề.

\b
Ví dụ:
  kehoach template check                           # mẫu đang dùng
  kehoach template check templates/bao-cao.docx
  kehoach template check mau-moi.docx --year 2024
"""


@template_app.command("check", cls=VietnameseCommand, help=CHECK_HELP)
def check(
    file: Annotated[
        Path | None,
        typer.Argument(
            help="Mẫu cần kiểm tra. Mặc định: mẫu mà 'kehoach report' sẽ dùng.",
            metavar="TỆP",
            exists=True,
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", "-y", help="Năm dữ liệu để thử. Mặc định: năm mới nhất.")
    ] = None,
    root: RootOption = None,
) -> None:
    workspace = open_workspace(root)
    from kehoach_cli.report.context import NothingToReport, ReportOptions, build_context
    from kehoach_cli.report.render import resolve_template
    from kehoach_cli.report.template_check import check_template
    from kehoach_cli.status.dataset import PlanUnusable, load_status_data

    template = resolve_template(file, workspace.templates_dir)
    context = None
    trial = ""
    try:
        probe = load_status_data(workspace, year or date.today().year, date.today())
        chosen = year or max(probe.years_with_data(), default=probe.year)
        data = probe if chosen == probe.year else load_status_data(workspace, chosen, date.today())
        context = build_context(data, ReportOptions(), date.today())
        trial = f"năm {chosen}"
    except (PlanUnusable, NothingToReport) as error:
        typer.echo(f"Không thử tạo báo cáo được ({error}); chỉ kiểm tra cú pháp.", err=True)

    result = check_template(template, context)
    typer.echo(f"Mẫu: {template}")
    if result.syntax_error:
        typer.echo(f"  [lỗi] {result.syntax_error}")
        for line in result.syntax_error.context_lines:
            typer.echo(f"      {line}")
    for name in sorted(result.unknown_variables):
        typer.echo(f"  [lỗi] biến '{name}' không có trong dữ liệu báo cáo")
    for name in sorted(result.unknown_filters):
        typer.echo(f"  [lỗi] bộ lọc '{name}' không có")
    for name in sorted(result.unknown_tests):
        typer.echo(f"  [lỗi] phép thử '{name}' không có")
    if result.render_error:
        typer.echo(f"  [lỗi] thử tạo báo cáo {trial}: {result.render_error}")
        for line in result.render_error.context_lines:
            typer.echo(f"      {line}")
    if context is not None and not result.unknown_variables:
        provided = ", ".join(sorted(context))
        typer.echo(f"  Biến có sẵn: {provided}")
    if result.ok:
        done = f"; thử tạo báo cáo {trial} thành công" if context is not None else ""
        typer.echo(f"Mẫu dùng được: {len(result.variables)} biến{done}.")
        raise typer.Exit(ExitCode.OK)
    typer.echo("Mẫu có vấn đề; sửa trong Word rồi chạy lại lệnh này.")
    raise typer.Exit(ExitCode.DATA_PROBLEMS)
