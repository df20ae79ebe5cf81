"""Where the data is and how a path is shown to the user, without Typer: the fast path of
`kehoach validate FILE…` (cli/entry.py) needs both and must not pay for Typer's import."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kehoach_cli.errors import UsageProblem

if TYPE_CHECKING:
    from kehoach_cli.loading.workspace import Workspace

# Read by the global --root (cli/common.py); the fast validate path leaves a run that sets
# it to Typer, which makes it every command's --root.
ROOT_ENV = "KEHOACH_ROOT"


def open_workspace(root: Path | None) -> Workspace:
    from kehoach_cli.loading.workspace import WorkspaceNotFound, find_workspace

    try:
        return find_workspace(Path.cwd(), root)
    except WorkspaceNotFound as error:
        raise UsageProblem(str(error)) from None


def display_path(path: Path | None) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    if path is None:
        return "-"
    try:
        return path.absolute().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()
