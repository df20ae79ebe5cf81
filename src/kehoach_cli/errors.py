"""The errors the core raises for the CLI to tell the user: one hierarchy, one exit code each.

The core never prints and never exits; it raises one of these with a Vietnamese message.
The CLI boundary (cli/app.py `main`) is the one place that turns them into text on stderr
and an exit code, so no helper needs to know about Typer.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    DATA_PROBLEMS = 1  # the data has errors, or a check (deadline, --strict) failed
    USAGE = 2  # how the tool was called, or its environment (no workspace, disk full)


class KehoachError(Exception):
    """A problem to tell the user: `message` is one Vietnamese sentence without 'Lỗi: ';
    `details` are further lines (located errors, the list of valid ids)."""

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = list(details or [])


class UsageProblem(KehoachError):
    """Wrong option value, unknown unit or task, output path refused, workspace not found."""

    exit_code = ExitCode.USAGE


class DataProblem(KehoachError):
    """The data cannot give what was asked (errors in files, nothing to report)."""

    exit_code = ExitCode.DATA_PROBLEMS


# What a message quotes of the user's input (an option's value, a cell, a value in a
# file) is cut to this many characters: a 100 000-character --period must not come back
# whole in the error, and a message stays one readable line.
QUOTED_MAX_CHARS = 80


def shortened(value: object, limit: int = QUOTED_MAX_CHARS) -> str:
    """`value` as text for a message that quotes it: whole up to `limit` characters, else
    its start and end around '…' and its length, so both ends can still be recognised."""
    text = str(value)
    if len(text) <= limit:
        return text
    head = limit * 2 // 3
    tail = limit - head - 1
    return f"{text[:head]}…{text[-tail:]} ({len(text):,} ký tự)".replace(",", ".")
