"""`kehoach report`: the yearly report as a .docx ready to sign."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

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
from kehoach_cli.cli.options import (
    AsOfOption,
    DocumentDateOption,
    DraftOption,
    OutputOption,
    PeriodOption,
    RequiredYearOption,
    TemplateOption,
)
from kehoach_cli.cli.output_path import check_output_path
from kehoach_cli.cli.year_data import broken_file_lines, load_year_data, report_skipped
from kehoach_cli.errors import DataProblem
from kehoach_cli.os_errors import describe_os_error

if TYPE_CHECKING:
    from kehoach_cli.facts import YearData
    from kehoach_cli.loading.workspace import Workspace
    from kehoach_cli.model.plan import ReportingPeriod

HELP = """Tạo báo cáo (.docx) năm, hoặc một kỳ khác (--period), theo thể thức Nghị định
30/2020/NĐ-CP, từ tệp tiến độ của mọi đơn vị: kết quả từng nhiệm vụ, bảng tiến độ, kinh
phí, chỉ tiêu, đánh giá, phương hướng, kiến nghị và phụ lục các đơn vị gửi muộn.

Mẫu Word: --template, hoặc templates/bao-cao.docx của thư mục dữ liệu, hoặc mẫu mặc
định. Tệp được ghi trọn vẹn hoặc không ghi gì (không bao giờ dở dang).

Chỉ báo cáo đã gửi (có submitted_on, không sau --as-of) được tính; bản nháp và đơn vị chưa
gửi được nêu rõ là chưa gửi. Khi có tệp tiến độ có lỗi, lệnh không ghi báo cáo (mã thoát 1)
trừ khi có --draft: khi đó văn bản được đánh dấu DỰ THẢO.

\b
Ví dụ:
  kehoach report --year 2024                  # ghi bao-cao-2024.docx
  kehoach report --year 2024 -o bao-cao.docx
  kehoach report --year 2024 --unit phong-a   # báo cáo riêng của một đơn vị
  kehoach report --year 2024 --template mau-cua-so.docx
  kehoach report --year 2024 --as-of 2024-11-20 --draft
  kehoach report --year 2024 --as-of 2024-11-20 --date 2024-11-25
  kehoach report --year 2024 --period 6-thang     # báo cáo 6 tháng (nếu kế hoạch có)
"""


def _template_in_use(template: Path | None, workspace: Workspace) -> Path:
    from kehoach_cli.report.render import resolve_template

    return Path(str(resolve_template(template, workspace.templates_dir)))


def report(
    year: RequiredYearOption,
    unit: Annotated[
        str | None,
        typer.Option("--unit", "-u", help="Báo cáo riêng của đơn vị này gửi đơn vị tổng hợp."),
    ] = None,
    output: OutputOption = None,
    template: TemplateOption = None,
    as_of: AsOfOption = None,
    document_date: DocumentDateOption = None,
    period: PeriodOption = None,
    draft: DraftOption = False,
    root: RootOption = None,
) -> None:
    workspace = open_workspace(root)
    today = parse_as_of(as_of)
    dated = parse_as_of(document_date, "--date") if document_date is not None else None
    # An explicit -o is checked before any work; the default name contains the unit, so
    # it is made only once the unit is known to be one of the plan's.
    keep = (_template_in_use(template, workspace),)
    target = check_output_path(output, workspace.root, keep=keep) if output is not None else None
    from kehoach_cli.facts.selection import require_unit, require_year_in_period
    from kehoach_cli.report.context import ReportOptions, build_context
    from kehoach_cli.report.data_commit import DataCommitProbe

    typer.echo(f"Đang đọc dữ liệu năm {year}…", err=True)
    with DataCommitProbe(workspace.root) as data_commit:  # git runs while the data loads
        data = load_year_data(workspace, year, today, period)
        require_year_in_period(data.plan, year, workspace.plan_path)
        require_unit(data.index, unit)
        target = target or check_output_path(
            Path(_default_name(year, unit, data.period)), workspace.root, keep=keep
        )
        _refuse_broken(data, unit, draft)
        context = build_context(data, ReportOptions(unit, dated, draft), date.today())
        typer.echo("Đang tạo văn bản…", err=True)
        document = _render(template, workspace, context, data_commit.result())
    _write(target, document)
    _tell_written(target, len(document), context)
    if data.broken:  # written as a marked draft; the data still has errors
        raise typer.Exit(ExitCode.DATA_PROBLEMS)


def _default_name(year: int, unit: str | None, period: ReportingPeriod) -> str:
    """bao-cao-2024.docx, bao-cao-2024-6-thang.docx, bao-cao-2024-6-thang-phong-a.docx"""
    parts = [str(year), *([] if period.whole_year else [period.id]), *([unit] if unit else [])]
    return f"bao-cao-{'-'.join(parts)}.docx"


def _refuse_broken(data: YearData, unit: str | None, draft: bool) -> None:
    """A report is signed: from data with errors it is written only as a marked draft."""
    broken = [b for b in data.broken if unit is None or b.unit == unit]
    if not broken:
        return
    if draft:
        report_skipped(data)
        return
    raise DataProblem(
        f"không tạo báo cáo vì {len(broken)} tệp tiến độ có lỗi (không ghi tệp nào):",
        [
            *broken_file_lines(data),
            "Sửa lỗi (chạy 'kehoach validate' để xem đủ) rồi tạo lại; hoặc thêm --draft để "
            "ghi bản DỰ THẢO thiếu dữ liệu của các tệp này.",
        ],
    )


def _render(
    template: Path | None, workspace: Workspace, context: dict[str, Any], origin: Any
) -> bytes:
    # a workspace's own template may not show draft_lines: a draft is marked anyway (in
    # the render's limits: it reads what the template made)
    from kehoach_cli.report.draft_mark import ensure_draft_marked
    from kehoach_cli.report.render import Provenance, TemplateProblem, render_docx, resolve_template

    chosen = resolve_template(template, workspace.templates_dir)
    stamp = datetime.now(UTC).replace(microsecond=0)
    try:
        return render_docx(
            chosen,
            context,
            Provenance(__version__, stamp, origin.commit, origin.dirty),
            finish=lambda document: ensure_draft_marked(document, context["draft_lines"]),
        )
    except TemplateProblem as error:
        raise DataProblem(
            f"trong mẫu {chosen}: {error}",
            [
                *(f"    {line}" for line in error.context_lines),
                "Chạy 'kehoach template check' để kiểm tra mẫu.",
            ],
        ) from None


def _write(target: Path, document: bytes) -> None:
    from kehoach_cli.atomic import write_atomic

    try:
        write_atomic(target, document)
    except OSError as error:
        fail_usage(f"không ghi được {display_path(target)}: {describe_os_error(error)}")


def _tell_written(target: Path, size: int, context: dict[str, Any]) -> None:
    missing = context["late_rows"]
    note = f"; {len(missing)} đơn vị gửi muộn hoặc chưa gửi (xem Phụ lục)" if missing else ""
    draft = " — bản DỰ THẢO, không dùng để ký" if context["draft_lines"] else ""
    typer.echo(f"Đã ghi {display_path(target)} ({size // 1024} KB){note}{draft}.", err=True)
    sys.stdout.write(f"{target}\n")
