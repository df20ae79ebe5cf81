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
        "  kehoach plan render -o ke-hoach.docx"
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
