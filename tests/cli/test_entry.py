from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach_cli import __version__
from kehoach_cli.cli import app as app_module
from kehoach_cli.cli.entry import main
from kehoach_cli.cli.help_text import COMMANDS, page_for
from kehoach_cli.cli.version import version_line
from tests.conftest import REPO, edit


def _help(run, path: str, capsys) -> str:
    assert run([*path.split(), "--help"]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("columns", ["60", "80", "120"])
@pytest.mark.parametrize("path", list(COMMANDS))
def test_help_without_typer_is_what_typer_prints(path, columns, capsys, monkeypatch):
    """The fast path reads the declarations (cli/help_text.py); Typer's path reads the
    Click objects. Both must give the same page for every command at every width."""
    monkeypatch.setenv("COLUMNS", columns)
    page_for(path)  # understood without Typer: the fast path is really taken
    assert _help(main, path, capsys) == _help(app_module.main, path, capsys)


def test_the_fast_path_knows_every_command_in_order():
    paths = [""]
    for command in app_module.app.registered_commands:
        paths.append(command.name)
    for group in app_module.app.registered_groups:
        paths.append(group.name)
        paths += [f"{group.name} {c.name}" for c in group.typer_instance.registered_commands]
    assert list(COMMANDS) == paths


def test_fast_paths(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == version_line() + "\n"
    assert version_line().startswith(f"kehoach {__version__}")
    assert main(["-h"]) == 0
    assert capsys.readouterr().out == _help(app_module.main, "", capsys)


def test_help_imports_neither_typer_nor_pydantic_nor_rich():
    code = (
        "import sys; from kehoach_cli.cli.entry import main\n"
        "for path in (['-h'], ['validate', '--help'], ['plan', 'render', '-h']):\n"
        "    assert main(path) == 0\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('typer', 'pydantic', 'rich')]\n"
        "assert not heavy, heavy"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, check=False, timeout=120
    )
    assert completed.returncode == 0, completed.stderr.decode()


def test_narrow_terminal_gets_a_narrower_help(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    wide = _help(main, "", capsys)
    monkeypatch.setenv("COLUMNS", "60")
    narrow = _help(main, "", capsys)
    assert "Cách dùng: kehoach" in narrow and narrow != wide  # wrapped for 60 columns
    assert max(len(line) for line in narrow.splitlines() if not line.startswith("    ")) <= 60


def test_help_after_other_arguments_is_typer_s(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["status", "--year", "2024", "--help"]) == 0
    assert capsys.readouterr().out == _help(main, "status", capsys)


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


def test_a_failing_exit_still_writes_everything_to_a_redirected_stdout(tmp_path: Path):
    """The fast exit skips interpreter teardown: stdout must be flushed on exit 1 too
    (status with a broken file shows the rest and exits 1)."""
    shutil.copytree(REPO / "data", tmp_path / "data")
    edit(tmp_path / "data/progress/2024/tdc.yaml", "progress: 100%", "progress: 150")
    completed = _run_module(
        "status", "--year", "2024", "--as-of", "2024-12-01", "--root", str(tmp_path)
    )
    assert completed.returncode == 1
    assert "Tiến độ các nhiệm vụ năm 2024" in completed.stdout.decode("utf-8")
