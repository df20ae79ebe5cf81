from __future__ import annotations

from kehoach_cli import __version__
from kehoach_cli.cli.entry import main
from kehoach_cli.cli.help_text import ROOT_HELP, render_root_help


def test_pre_rendered_help_is_what_typer_prints():
    assert render_root_help() == ROOT_HELP, "run: python -m kehoach_cli.cli.help_text"


def test_fast_paths(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"kehoach {__version__}\n"
    assert main(["-h"]) == 0
    assert capsys.readouterr().out == ROOT_HELP


def test_narrow_terminal_gets_typer_help(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "Cách dùng: kehoach" in out and out != ROOT_HELP  # wrapped for 60 columns


def test_everything_else_goes_to_the_full_cli(capsys):
    assert main(["validate", "--root", "/nonexistent-kehoach-root"]) == 2
    assert "data/plan.yaml" in capsys.readouterr().err
