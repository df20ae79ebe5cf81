"""Whether a command's output gets colour: one rule for every command.

The conventions: the command line first (`--color` / `--no-color`, given to the command or
before it: `kehoach --no-color report …`); then NO_COLOR set and not empty turns colour off
(no-color.org), FORCE_COLOR set and not empty turns it on even into a pipe or a file
(force-color.org; NO_COLOR wins when both are set); TERM=dumb turns it off; else colour
goes to a terminal only.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing is not imported at run time (cli/entry.py's fast paths)
if TYPE_CHECKING:
    from typing import TextIO

# `kehoach --color …` / `kehoach --no-color …`: the choice given before the command, for
# the commands that have no such option of their own (set by the root callback, cli/app.py).
_given_before_the_command: bool | None = None


def choose(color: bool, no_color: bool) -> bool | None:
    """--no-color wins over --color; neither: None (the environment and the terminal
    decide). Given before the command as well, the command's own flags win."""
    if no_color:
        return False
    if color:
        return True
    return _given_before_the_command


def set_global_choice(choice: bool | None) -> None:
    global _given_before_the_command
    _given_before_the_command = choice


def wanted(stream: TextIO, choice: bool | None = None) -> bool:
    """Colour on `stream`, by the rule of the module docstring."""
    if choice is None:
        choice = _given_before_the_command
    if choice is not None:
        return choice
    environment = environment_choice()
    if environment is not None:
        return environment
    return terminal(stream)


def environment_choice() -> bool | None:
    """NO_COLOR (off) or FORCE_COLOR (on), when either is set and not empty."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return None


def terminal(stream: TextIO) -> bool:
    """A terminal that can show colour (not TERM=dumb)."""
    if os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty is not None and isatty())
