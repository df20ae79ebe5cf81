"""Pieces shared by the commands: the --root option, workspace lookup, exit codes."""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer


class ExitCode(IntEnum):
    OK = 0
    DATA_PROBLEMS = 1
    USAGE = 2


RootOption = Annotated[
    Path | None,
    typer.Option(
        "--root",
        envvar="KEHOACH_ROOT",
        help="Thư mục dữ liệu (chứa data/plan.yaml). Mặc định: tìm từ thư mục hiện tại đi lên.",
        show_default=False,
        file_okay=False,
        metavar="THƯ_MỤC",
    ),
]


def fail_usage(message: str) -> NoReturn:
    """A problem with how the tool was called or with its environment: exit 2."""
    typer.echo(f"Lỗi: {message}", err=True)
    raise typer.Exit(ExitCode.USAGE)


def open_workspace(root: Path | None):  # type: ignore[no-untyped-def]
    from kehoach_cli.loading.workspace import WorkspaceNotFound, find_workspace

    try:
        return find_workspace(Path.cwd(), root)
    except WorkspaceNotFound as error:
        fail_usage(str(error))


def display_path(path: Path | None) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    if path is None:
        return "-"
    try:
        return path.absolute().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def parse_as_of(text: str | None) -> date:
    """--as-of in either form clerks type; today when not given."""
    if text is None:
        return date.today()
    from pydantic_core import PydanticCustomError

    from kehoach_cli.model.values import parse_date

    try:
        return parse_date(text)
    except PydanticCustomError as error:
        fail_usage(f"--as-of: {error.context.get('detail') if error.context else text}")
