"""The console entry point: answers `--version`, `kehoach [<command>] --help` and
`kehoach validate FILE…` (what pre-commit runs) without importing Typer (0.05 s of
imports, and 0.1 s more for the pydantic that Typer checks option values with), then
hands everything else to the full CLI."""

from __future__ import annotations

import gc
import os
import sys

TYPE_CHECKING = False  # typing is not imported at run time: --version and --help need none
if TYPE_CHECKING:
    from typing import Any

# Collect cycles 300 times less often: start-up allocates ~10^6 long-lived objects
# (pydantic's schemas, Typer, lxml) and the default thresholds re-scan them dozens of
# times, 0.1–0.2 s per run. Our data is acyclic, so memory stays the same (measured:
# validate on 1,200 files peaks at 41 MB either way). The setting mypy uses.
GC_THRESHOLDS = (200_000, 30, 30)

# Set by a shell asking Typer to complete the command line (prog name "kehoach").
COMPLETION_VARIABLE = "_KEHOACH_COMPLETE"


def main(argv: list[str] | None = None) -> int:
    if argv is None:  # a real process, not a call from Python (tests keep their settings)
        gc.set_threshold(*GC_THRESHOLDS)
    # kehoach uses no pydantic plugins; looking them up scans every installed package's
    # entry points (~30 ms per run). A user's explicit setting wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from kehoach_cli.cli import console

    if argv is None:  # a real process: any encoding, a full disk, a closed stdout (console.py)
        refused = console.prepare_streams()
        if refused is not None:
            return _done(refused, argv)
    console.sane_columns()
    args = sys.argv[1:] if argv is None else argv
    page = _page_without_typer(args)
    if page is not None:
        try:
            sys.stdout.write(page)
        except console.OutputError as error:
            console.say(console.describe_output_error(error))
            return _done(2, argv)
        return _done(0, argv)
    validated = _validate_without_typer(args)
    if validated is not None:
        return _done(validated, argv)
    from kehoach_cli.cli.app import main as full_main

    return _done(full_main(args), argv)


def _page_without_typer(args: list[str]) -> str | None:
    """What `--version` and `<command> --help` print, when Typer is not needed for it."""
    if args in (["--version"], ["-V"]):
        from kehoach_cli.cli.version import version_line

        return version_line() + "\n"
    if args and args[-1] in ("--help", "-h"):
        return _help_without_typer(args[:-1])
    return None


def _help_without_typer(path: list[str]) -> str | None:
    """The help page of a command, read from its declarations (cli/help_text.py); None
    when the arguments are more than a command's name or the page needs Typer."""
    from kehoach_cli.cli import help_text

    if " ".join(path) not in help_text.COMMANDS or any(word.startswith("-") for word in path):
        return None
    try:
        return help_text.render(help_text.page_for(" ".join(path)), help_text.terminal_width())
    except help_text.Unsupported:
        return None


def _validate_without_typer(args: list[str]) -> int | None:
    """`kehoach validate FILE…` run as Typer's command runs it (the same function, inside
    the same error boundary); None when Typer must read the command line."""
    call = plain_validate_call(args)
    if call is None:
        return None
    from pathlib import Path

    from kehoach_cli.cli.boundary import run_guarded
    from kehoach_cli.cli.validate_run import run_validate

    files, flags = call
    return run_guarded(lambda: run_validate([Path(file) for file in files], **flags), args)


def plain_validate_call(args: list[str]) -> tuple[list[str], dict[str, Any]] | None:
    """The files of `kehoach validate FILE…` and the on/off flags given with them (by the
    names of the command's parameters), when Typer would read nothing else from the
    command line or the environment: no option with a value (those stay at the
    command's defaults), no KEHOACH_ROOT (the global --root), no shell-completion
    request, and no file Typer would refuse (an empty name, a NUL, an existing file it
    may not read). The flags are read from the command's declarations (help_text)."""
    if len(args) < 2 or args[0] != "validate":
        return None
    from kehoach_cli.cli.locations import ROOT_ENV

    if ROOT_ENV in os.environ or COMPLETION_VARIABLE in os.environ:
        return None
    files = [arg for arg in args[1:] if not arg.startswith("-")]
    if not files or not _plain_files(files):
        return None
    given = [arg for arg in args[1:] if arg.startswith("-")]
    flags: dict[str, Any] = {}
    if given:
        declared = _declared_flags("validate")
        if declared is None or not set(given) <= declared.keys():
            return None
        flags = {declared[flag]: True for flag in given}
    return files, flags


def _plain_files(files: list[str]) -> bool:
    for file in files:
        if not file or "\0" in file:
            return False
        if os.path.exists(file) and not os.access(file, os.R_OK):
            return False
    return True


def _declared_flags(command: str) -> dict[str, str] | None:
    from kehoach_cli.cli import help_text

    try:
        return help_text.command_flags(command)
    except help_text.Unsupported:
        return None


def _done(code: int, argv: list[str] | None) -> int:
    if argv is not None:  # called from Python (tests, embedding): just return
        return code
    from kehoach_cli.cli.console import flush_streams

    # Always flush (os._exit below drops whatever is buffered); a failed last write is
    # told and turns a success into a failure, never hides an earlier failure's code.
    flushed = flush_streams()
    code = code or flushed or 0
    if _observed():
        sys.exit(code)  # a profiler or coverage writes its results at exit: let it
    _exit_without_teardown(code)
    return code  # not reached


def _observed() -> bool:
    """Is a profiler, debugger or coverage watching this process?"""
    if sys.getprofile() is not None or sys.gettrace() is not None or "coverage" in sys.modules:
        return True
    monitoring = getattr(sys, "monitoring", None)  # 3.12+: cProfile registers a tool here
    return monitoring is not None and any(monitoring.get_tool(tool) for tool in range(6))


def _exit_without_teardown(code: int) -> None:
    """End the process (its output flushed by _done), skipping interpreter teardown.

    Tearing down the ~1,500 modules and objects that pydantic, lxml and docx leave
    behind took 0.15–0.2 s of every run (measured: `kehoach report` 1.0 s → 0.8 s).
    Nothing of ours relies on teardown: files are written, fsynced and closed by
    write_atomic, process pools are shut down by their `with` blocks, and the
    validation cache is written before the command returns.
    """
    os._exit(code)
