"""`kehoach template check`: is a Word template usable for the report?"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kehoach_cli.cli.common import RootOption, open_workspace
from kehoach_cli.cli.console import shown
from kehoach_cli.cli.vietnamese import VietnameseCommand, VietnameseGroup
from kehoach_cli.errors import ExitCode

if TYPE_CHECKING:
    from kehoach_cli.loading.workspace import Workspace
    from kehoach_cli.report.template_check import TemplateReport

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
    from kehoach_cli.report.render import resolve_template
    from kehoach_cli.report.template_check import check_template

    template = resolve_template(file, workspace.templates_dir)
    context, trial = _trial_context(workspace, year)
    result = check_template(template, context)
    typer.echo("\n".join(_result_lines(template, result, context, trial)))
    raise typer.Exit(ExitCode.OK if result.ok else ExitCode.DATA_PROBLEMS)


def _trial_context(workspace: Workspace, year: int | None) -> tuple[dict[str, Any] | None, str]:
    """A real report context to try the template on: the given year, else the latest."""
    from kehoach_cli.facts import PlanUnusable, load_year
    from kehoach_cli.report.context import NothingToReport, ReportOptions, build_context

    today = date.today()
    try:
        probe = load_year(workspace, year or today.year, today)
        chosen = year or max(probe.years_with_data(), default=probe.year)
        data = probe if chosen == probe.year else load_year(workspace, chosen, today)
        return build_context(data, ReportOptions(), today), f"năm {chosen}"
    except (PlanUnusable, NothingToReport) as error:
        typer.echo(f"Không thử tạo báo cáo được ({error}); chỉ kiểm tra cú pháp.", err=True)
        return None, ""


def _result_lines(
    template: Any, result: TemplateReport, context: dict[str, Any] | None, trial: str
) -> list[str]:
    lines = [f"Mẫu: {template}"]
    if result.syntax_error:
        lines.append(f"  [lỗi] {result.syntax_error}")
        lines += [f"      {line}" for line in result.syntax_error.context_lines]
    lines += [
        f"  [lỗi] biến '{n}' không có trong dữ liệu báo cáo"
        for n in sorted(result.unknown_variables)
    ]
    lines += [f"  [lỗi] bộ lọc '{n}' không có" for n in sorted(result.unknown_filters)]
    lines += [f"  [lỗi] phép thử '{n}' không có" for n in sorted(result.unknown_tests)]
    if result.render_error:
        lines.append(f"  [lỗi] thử tạo báo cáo {trial}: {result.render_error}")
        lines += [f"      {line}" for line in result.render_error.context_lines]
    for link in result.external_links:  # Word would fetch these when the report is opened
        lines.append(
            f"  [thông tin] liên kết ra ngoài {link.kind} → {shown(link.target)} "
            f"({link.part}): {link.fate}"
        )
    if context is not None and not result.unknown_variables:
        lines.append(f"  Biến có sẵn: {', '.join(sorted(context))}")
    if result.ok:
        done = f"; thử tạo báo cáo {trial} thành công" if context is not None else ""
        lines.append(f"Mẫu dùng được: {len(result.variables)} biến{done}.")
    else:
        lines.append("Mẫu có vấn đề; sửa trong Word rồi chạy lại lệnh này.")
    return lines
