"""What `kehoach validate` does once its options are read: one function for both ways it
is called, Typer's command (cli/validate.py) and the fast path of `kehoach validate
FILE…` that pre-commit runs (cli/entry.py), so that the two cannot behave differently.

Typer is not imported here, nor anything that imports it; failures are raised as the
errors of kehoach_cli.errors, for the one boundary to tell (cli/boundary.py)."""

from __future__ import annotations

import os
from pathlib import Path

from kehoach_cli.cli.locations import open_workspace
from kehoach_cli.errors import ExitCode, UsageProblem


def run_validate(
    paths: list[Path] | None = None,
    root: Path | None = None,
    output_format: str | None = None,
    strict: bool = False,
    no_cache: bool = False,
    color: bool = False,
    no_color: bool = False,
) -> ExitCode:
    """Check `paths` (None: the whole workspace), print the issues in `output_format`
    (None: github under GitHub Actions, else text) and give the exit code.

    The parameters are the command's, named and defaulted as cli/validate.py declares
    them (a test keeps them so): the fast path passes the flags it reads from those
    declarations by their names, and leaves the rest at these defaults."""
    workspace = open_workspace(root)
    chosen = output_format
    if chosen is None:
        chosen = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"

    from kehoach_cli import __version__
    from kehoach_cli.checks.validation import validate as run_validation
    from kehoach_cli.cli.issue_output import color_choice, write_issues

    selected = None
    if paths:
        missing = [str(path) for path in paths if not path.exists() and not path.is_symlink()]
        if missing:
            raise UsageProblem(f"không có tệp {', '.join(missing)}")
        selected = paths
    workers = os.environ.get("KEHOACH_WORKERS", "")
    outcome = run_validation(
        workspace,
        selected,
        __version__,
        use_cache=not no_cache,
        max_workers=int(workers) if workers.isdigit() else None,
    )
    issues = outcome.issues
    if outcome.cache_note is not None:  # one quiet line: the check itself is complete
        from kehoach_cli.cli.console import say, shown

        say(f"Ghi chú: {shown(outcome.cache_note)}.")
    failed = any(issue.is_error for issue in issues) or (strict and bool(issues))
    colored = color_choice(color, no_color)
    write_issues(issues, outcome.files, chosen, ok=not failed, color=colored)
    return ExitCode.DATA_PROBLEMS if failed else ExitCode.OK
