"""`kehoach plan render`: the plan document rebuilt from data/plan.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kehoach_cli.cli.common import RootOption, display_path, open_workspace
from kehoach_cli.cli.vietnamese import VietnameseCommand, VietnameseGroup
from kehoach_cli.errors import DataProblem, UsageProblem
from kehoach_cli.os_errors import describe_os_error

plan_app = typer.Typer(
    cls=VietnameseGroup,
    help=(
        "Làm việc với kế hoạch (data/plan.yaml).\n\n\b\nVí dụ:\n"
        "  kehoach plan render -o ke-hoach.docx\n"
        "  kehoach plan import ke-hoach-goc.docx"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)

RENDER_HELP = """Dựng lại văn bản kế hoạch (KẾ HOẠCH, .docx) từ data/plan.yaml theo thể thức
Nghị định 30/2020/NĐ-CP, để đối chiếu với văn bản gốc hoặc in lại.

\b
Ví dụ:
  kehoach plan render                  # ghi ke-hoach.docx
  kehoach plan render -o ban-in.docx
"""


@plan_app.command("render", cls=VietnameseCommand, help=RENDER_HELP)
def render(
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="Tệp .docx cần ghi."),
    ] = Path("ke-hoach.docx"),
    root: RootOption = None,
) -> None:
    workspace = open_workspace(root)
    from kehoach_cli.atomic import write_atomic
    from kehoach_cli.checks.run import load_plan
    from kehoach_cli.cli.output_path import check_output_path
    from kehoach_cli.report.plan_document import render_plan

    target = check_output_path(output, workspace.root, document="kế hoạch")
    plan, _issues = load_plan(workspace)
    if plan is None:
        raise DataProblem("data/plan.yaml có lỗi. Chạy 'kehoach validate' để sửa.")
    try:
        write_atomic(target, render_plan(plan))
    except OSError as error:
        raise UsageProblem(
            f"không ghi được {display_path(target)}: {describe_os_error(error)}"
        ) from None
    typer.echo(f"Đã ghi {display_path(target)}.", err=True)


IMPORT_HELP = """Lập bản nháp data/plan.yaml từ văn bản kế hoạch đã ban hành (.docx, .txt hoặc
PDF có lớp chữ): phần đầu, phần mở đầu, các mục, nhiệm vụ với đơn vị chủ trì, phối hợp,
thời hạn, sản phẩm (cả bảng nhiệm vụ ở Phụ lục), đơn vị, chế độ báo cáo, người ký, nơi
nhận. Chỗ nào đoán đều có ghi chú '# KIỂM TRA: …'; tóm tắt in ra màn hình.

\b
Ví dụ:
  kehoach plan import ke-hoach.docx               # ghi data/plan.yaml
  kehoach plan import ke-hoach.pdf -o nhap.yaml
  kehoach plan import ke-hoach.docx --force       # ghi đè data/plan.yaml đã có
"""


@plan_app.command("import", cls=VietnameseCommand, help=IMPORT_HELP)
def import_(
    source: Annotated[
        Path, typer.Argument(help="Văn bản kế hoạch: .docx, .txt hoặc .pdf.", metavar="TỆP")
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="Tệp plan.yaml cần ghi."),
    ] = Path("data/plan.yaml"),
    force: Annotated[bool, typer.Option("--force", help="Ghi đè tệp đã có.")] = False,
    root: RootOption = None,
) -> None:
    from kehoach_cli.atomic import write_atomic
    from kehoach_cli.planimport.run import import_plan
    from kehoach_cli.planimport.source import ImportProblem

    # with --root (or KEHOACH_ROOT), -o is inside that workspace
    target = _import_target(root / output if root and not output.is_absolute() else output, force)
    try:
        imported = import_plan(source, target)
    except ImportProblem as problem:
        raise UsageProblem(str(problem)) from None
    try:
        if not target.parent.exists():
            target.parent.mkdir()
        write_atomic(target, imported.text.encode("utf-8"))
    except OSError as error:
        raise UsageProblem(
            f"không ghi được {display_path(target)}: {describe_os_error(error)}"
        ) from None
    typer.echo(f"Đã ghi {display_path(target)}.", err=True)
    for line in imported.summary:
        typer.echo(line, err=True)


def _import_target(output: Path, force: bool) -> Path:
    if output.suffix.lower() not in (".yaml", ".yml"):
        raise UsageProblem(f"tệp kết quả phải có đuôi .yaml: {display_path(output)}")
    if output.is_dir():
        raise UsageProblem(f"{display_path(output)} là một thư mục; hãy chỉ tên tệp.")
    if output.exists() and not force:
        raise UsageProblem(
            f"{display_path(output)} đã có; không ghi đè. Chọn tên khác với -o, hoặc thêm "
            "--force để ghi đè."
        )
    if not output.absolute().parent.parent.is_dir():
        raise UsageProblem(f"thư mục {display_path(output.absolute().parent)} không tồn tại.")
    return output
