from __future__ import annotations

import json
import shutil
import subprocess
import sys

from kehoach_cli import __version__
from kehoach_cli.cli.entry import main
from kehoach_cli.cli.help_text import ROOT_HELP, render_root_help
from tests.conftest import REPO


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


def _run_module(*args: str, **kwargs) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "kehoach_cli", *args],
        capture_output=True,
        check=False,
        timeout=120,
        **kwargs,
    )


def test_process_exit_keeps_all_output_and_the_exit_code(tmp_path):
    """The process ends with os._exit (no teardown): buffered output must still arrive."""
    whole = _run_module("status", "--year", "2024", "--format", "json", "--root", str(REPO))
    assert whole.returncode == 0, whole.stderr.decode()
    assert json.loads(whole.stdout)["year"] == 2024  # all of a ~20 KB document, flushed

    workspace = tmp_path / "ws"
    shutil.copytree(REPO / "data", workspace / "data")
    (workspace / "data/progress/2024/qlkh.yaml").write_text("- a list\n", encoding="utf-8")
    damaged = _run_module("validate", "--format", "json", cwd=workspace)
    assert damaged.returncode == 1
    assert json.loads(damaged.stdout)["errors"] == 1


def test_reader_that_goes_away_is_not_an_error():
    """`kehoach status … | head`: a pipe closed before the output is written ends the run
    quietly, with no traceback and no "Exception ignored" from the final flush."""
    process = subprocess.Popen(
        [sys.executable, "-m", "kehoach_cli", "status", "--year", "2024", "--format", "json"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before kehoach has written anything
    errors = process.stderr.read().decode()
    assert process.wait(timeout=120) == 1  # Click's answer to a closed pipe; not "unexpected"
    assert "Traceback" not in errors and "Exception" not in errors, errors


def test_a_profiler_still_gets_its_results(tmp_path):
    """Under cProfile (or coverage) the process exits normally, so their output is written."""
    stats = tmp_path / "kehoach.prof"
    completed = subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(stats), "-m", "kehoach_cli", "--version"],
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert stats.stat().st_size > 0
