"""Pieces shared by the commands: the --root option, workspace lookup, exit codes."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from kehoach_cli.cli.locations import ROOT_ENV, display_path, open_workspace
from kehoach_cli.errors import ExitCode, UsageProblem

# re-exported for the commands (locations.py holds what the fast validate path needs)
__all__ = ["ROOT_ENV", "ExitCode", "UsageProblem", "display_path", "open_workspace"]

_ROOT_HELP = "Thư mục dữ liệu (chứa data/plan.yaml). Mặc định: tìm từ thư mục hiện tại đi lên."

# `kehoach --root X status` and `kehoach status --root X` both work: the global option
# (which also reads KEHOACH_ROOT) becomes the default of every command's own --root (see
# app.root_callback), and a command's own --root wins. So only the global one reads the
# environment: otherwise KEHOACH_ROOT would beat an explicit global --root.
GlobalRootOption = Annotated[
    Path | None,
    typer.Option(
        "--root",
        envvar=ROOT_ENV,
        help=_ROOT_HELP,
        show_default=False,
        file_okay=False,
        metavar="THƯ_MỤC",
    ),
]
RootOption = Annotated[
    Path | None,
    typer.Option(
        "--root",
        help=_ROOT_HELP.replace(". Mặc định", f" (hoặc biến môi trường {ROOT_ENV}). Mặc định"),
        show_default=False,
        file_okay=False,
        metavar="THƯ_MỤC",
    ),
]


def defaults_for_subcommands(group: Any, values: dict[str, Any]) -> dict[str, Any]:
    """A Click default_map giving `values` to every command below `group` that has
    parameters of those names (nested groups included)."""
    defaults: dict[str, Any] = {}
    for name, command in getattr(group, "commands", {}).items():
        if hasattr(command, "commands"):
            defaults[name] = defaults_for_subcommands(command, values)
        else:
            names = {parameter.name for parameter in command.params}
            defaults[name] = {key: value for key, value in values.items() if key in names}
    return defaults


def fail_usage(message: str) -> NoReturn:
    """A problem with how the tool was called or with its environment: exit 2 (told by
    the CLI boundary, cli/app.py)."""
    raise UsageProblem(message)


def parse_as_of(text: str | None, option: str = "--as-of") -> date:
    """--as-of (or another date option) in either form clerks type; today when not given."""
    if text is None:
        return date.today()
    from kehoach_cli.model.parsing import ValueProblem, parse_date

    try:
        day: date = parse_date(text)
        return day
    except ValueProblem as error:
        detail = error.context.get("detail", text)
        raise UsageProblem(f"{option}: {detail}; viết ví dụ 01/12/2024 hoặc 2024-12-01.") from None
