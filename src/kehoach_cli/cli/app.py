"""The `kehoach` command: global options, the command list, and the words for Typer's own
errors at the error boundary (cli/boundary.py)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from kehoach_cli.cli import dashboard as dashboard_command
from kehoach_cli.cli import form as form_command
from kehoach_cli.cli import guide as guide_command
from kehoach_cli.cli import import_form as import_command
from kehoach_cli.cli import init as init_command
from kehoach_cli.cli import new as new_command
from kehoach_cli.cli import report as report_command
from kehoach_cli.cli import schema as schema_command
from kehoach_cli.cli import status as status_command
from kehoach_cli.cli import summary as summary_command
from kehoach_cli.cli import validate as validate_command
from kehoach_cli.cli.boundary import interrupted, run_guarded, tell
from kehoach_cli.cli.color import set_global_choice
from kehoach_cli.cli.common import GlobalRootOption, defaults_for_subcommands
from kehoach_cli.cli.console import sane_columns
from kehoach_cli.cli.options import ColorOption, NoColorOption
from kehoach_cli.cli.plan import plan_app
from kehoach_cli.cli.template import template_app
from kehoach_cli.cli.vietnamese import VietnameseCommand, VietnameseGroup, describe_usage_error
from kehoach_cli.errors import ExitCode

APP_HELP = """Theo dõi và báo cáo thực hiện kế hoạch từ các tệp YAML trong git.

\b
Thư mục dữ liệu:
  data/plan.yaml                      kế hoạch (nhiệm vụ, đơn vị, chỉ tiêu)
  data/progress/<năm>/<đơn vị>.yaml   báo cáo tiến độ của từng đơn vị, mỗi năm một tệp

\b
Ví dụ:
  kehoach validate                    kiểm tra toàn bộ dữ liệu
  kehoach validate data/progress/2024/<mã-đơn-vị>.yaml
  kehoach status --year 2024          ai đã nộp báo cáo, nhiệm vụ đến đâu
  kehoach report --year 2024          báo cáo năm (.docx) để trình ký
  kehoach summary                     báo cáo tổng kết cả giai đoạn (.docx)
  kehoach template check              kiểm tra mẫu Word của báo cáo
  kehoach plan render                 dựng lại văn bản kế hoạch từ plan.yaml
  kehoach plan import ke-hoach.docx   lập bản nháp plan.yaml từ văn bản đã ban hành
"""

app = typer.Typer(
    cls=VietnameseGroup,
    help=APP_HELP,
    rich_markup_mode=None,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(value: bool) -> None:
    if value:
        from kehoach_cli.cli.version import version_line

        typer.echo(version_line())
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root_callback(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_print_version,
            is_eager=True,
            help="In phiên bản rồi thoát.",
        ),
    ] = False,
    root: GlobalRootOption = None,
    debug: Annotated[
        bool,
        typer.Option("--debug", help="In chi tiết kỹ thuật (traceback) khi có lỗi không mong đợi."),
    ] = False,
    color: ColorOption = False,
    no_color: NoColorOption = False,
) -> None:
    # Every invocation sets it (an earlier in-process run's choice must not linger).
    set_global_choice(False if no_color else True if color else None)
    if root is not None:  # `kehoach --root X status`: X is status's --root unless it has one
        ctx.default_map = defaults_for_subcommands(ctx.command, {"root": root})
    if ctx.invoked_subcommand is None:
        from datetime import date

        from kehoach_cli.cli.overview import overview_text

        typer.echo(overview_text(root, date.today()))


app.command("init", cls=VietnameseCommand, help=init_command.HELP)(init_command.init)
app.command("new", cls=VietnameseCommand, help=new_command.HELP)(new_command.new)
app.command("form", cls=VietnameseCommand, help=form_command.HELP)(form_command.form)
app.command("import", cls=VietnameseCommand, help=import_command.HELP)(import_command.import_form)
app.command("validate", cls=VietnameseCommand, help=validate_command.HELP)(
    validate_command.validate
)
app.command("status", cls=VietnameseCommand, help=status_command.HELP)(status_command.status)
app.command("report", cls=VietnameseCommand, help=report_command.HELP)(report_command.report)
app.command("summary", cls=VietnameseCommand, help=summary_command.HELP)(summary_command.summary)
app.command("dashboard", cls=VietnameseCommand, help=dashboard_command.HELP)(
    dashboard_command.dashboard
)
app.command("schema", cls=VietnameseCommand, help=schema_command.HELP)(schema_command.schema)
app.command("guide", cls=VietnameseCommand, help=guide_command.HELP)(guide_command.guide)
app.add_typer(plan_app, name="plan")
app.add_typer(template_app, name="template")


def main(argv: list[str] | None = None) -> int:
    """Run the CLI inside the one error boundary (cli/boundary.py), which also tells
    Typer's own errors here."""
    args = sys.argv[1:] if argv is None else argv
    sane_columns()
    code = run_guarded(lambda: _invoke(args), args, _tell_typer_error)
    if argv is None:
        sys.exit(code)
    return code


def _invoke(args: list[str]) -> int:
    result = app(args=args, prog_name="kehoach", standalone_mode=False)
    return int(result) if isinstance(result, int) else ExitCode.OK


def _tell_typer_error(error: Exception) -> int | None:
    """Typer's errors (its bundled Click's, reached through the public base classes): a
    usage error carries its context, for the `<command> --help` hint. All are usage
    problems; an abort is an interruption. None: not Typer's."""
    if isinstance(error, typer.Abort):
        return interrupted()
    if not isinstance(error, typer.TyperException):
        return None
    if not hasattr(error, "ctx"):  # not about the command line (Typer could not open a file)
        return tell(error.format_message(), [], ExitCode.USAGE)
    command = error.ctx.command_path if error.ctx is not None else "kehoach"
    return tell(describe_usage_error(error), [f"Xem hướng dẫn: {command} --help"], ExitCode.USAGE)
