"""The console entry point: answers `--version` and `--help` without importing Typer
(about 0.1 s of imports), then hands everything else to the full CLI."""

from __future__ import annotations

import os
import shutil
import sys


def main(argv: list[str] | None = None) -> int:
    # kehoach uses no pydantic plugins; looking them up scans every installed package's
    # entry points (~30 ms per run). A user's explicit setting wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    args = sys.argv[1:] if argv is None else argv
    if args in (["--version"], ["-V"]):
        from kehoach_cli import __version__

        sys.stdout.write(f"kehoach {__version__}\n")
        return _done(0, argv)
    if args in (["--help"], ["-h"]) and shutil.get_terminal_size((80, 24)).columns >= 80:
        from kehoach_cli.cli.help_text import ROOT_HELP

        sys.stdout.write(ROOT_HELP)
        return _done(0, argv)
    from kehoach_cli.cli.app import main as full_main

    return full_main(argv)


def _done(code: int, argv: list[str] | None) -> int:
    if argv is None:
        sys.exit(code)
    return code
