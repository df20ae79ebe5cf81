"""`kehoach validate FILE…` (with on/off flags), what pre-commit runs, is answered without
Typer (cli/entry.py). It must be indistinguishable from Typer's command: same output,
exit code and cache."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest

import kehoach_cli
from kehoach_cli.cli import app as app_module
from kehoach_cli.cli import entry
from kehoach_cli.cli.help_text import command_flags
from kehoach_cli.cli.validate import validate as typer_validate
from kehoach_cli.cli.validate_run import run_validate
from tests.conftest import edit

QLKH = "data/progress/2024/qlkh.yaml"
TDC = "data/progress/2024/tdc.yaml"

# The cache is part of what both paths must do alike: tested as outside CI (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("private_cache_secret")


@pytest.fixture
def both(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """Run `kehoach ARGS` through the fast path and through Typer: (code, stdout, stderr)."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("KEHOACH_ROOT", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")

    def run(*args: str, cwd: Path) -> tuple[tuple[int, str, str], tuple[int, str, str]]:
        monkeypatch.chdir(cwd)
        assert entry.plain_validate_call(list(args)) is not None  # the fast path is taken
        results = []
        for main in (entry.main, app_module.main):
            capsys.readouterr()
            code = main(list(args))
            captured = capsys.readouterr()
            results.append((int(code), captured.out, captured.err))
        return results[0], results[1]

    return run


def test_valid_file(both, workspace: Path):
    fast, typer = both("validate", QLKH, cwd=workspace)
    assert fast == typer
    assert fast[0] == 0 and "Dữ liệu hợp lệ." in fast[2]


def test_file_with_errors(both, workspace: Path):
    edit(workspace / QLKH, "progress: 70%", "progress: 150")
    fast, typer = both("validate", QLKH, cwd=workspace)
    assert fast == typer
    assert fast[0] == 1 and "(KH105)" in fast[2]


def test_missing_file(both, workspace: Path):
    fast, typer = both("validate", "data/progress/2024/khong-co.yaml", cwd=workspace)
    assert fast == typer
    assert fast[0] == 2 and "Lỗi: không có tệp data/progress/2024/khong-co.yaml" in fast[2]


def test_no_workspace(both, tmp_path: Path):
    fast, typer = both("validate", "a.yaml", cwd=tmp_path)
    assert fast == typer
    assert fast[0] == 2 and "data/plan.yaml" in fast[2]


def test_github_actions(both, workspace: Path, monkeypatch: pytest.MonkeyPatch):
    edit(workspace / QLKH, "progress: 70%", "progress: 150")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    fast, typer = both("validate", QLKH, cwd=workspace)
    assert fast == typer
    assert fast[0] == 1 and fast[1].startswith(f"::error file={QLKH},line=13,col=15,title=KH105::")


def test_two_files(both, workspace: Path):
    edit(workspace / TDC, "progress: 100%", "progress: 150")
    fast, typer = both("validate", QLKH, TDC, cwd=workspace)
    assert fast == typer
    assert fast[0] == 1 and "trong 3 tệp" in fast[2]


def test_color_follows_no_color_alike(both, workspace: Path, monkeypatch: pytest.MonkeyPatch):
    edit(workspace / QLKH, "progress: 70%", "progress: 150")
    monkeypatch.delenv("NO_COLOR")
    fast, typer = both("validate", QLKH, cwd=workspace)
    assert fast == typer


def _cache(workspace: Path) -> bytes:
    return (workspace / ".kehoach-cache" / "validate.json").read_bytes()


def test_the_cache_is_written_alike(both, workspace: Path):
    """Both paths leave the same cache behind, from the same start."""
    both("validate", QLKH, cwd=workspace)  # fills the cache: fast path, then Typer's
    first = _cache(workspace)
    assert entry.main(["validate", QLKH, TDC]) == 0  # the fast path adds an entry…
    fast = _cache(workspace)
    (workspace / ".kehoach-cache" / "validate.json").write_bytes(first)
    assert app_module.main(["validate", QLKH, TDC]) == 0  # …as Typer's command does
    assert _cache(workspace) == fast != first


@pytest.mark.parametrize(
    "flags", [["--no-cache"], ["--strict"], ["--color"], ["--no-color", "--color"]]
)
def test_on_off_flags(both, workspace: Path, flags: list[str]):
    edit(workspace / QLKH, "spent: 142.300.000", "spent: 152.300.000")  # a warning
    fast, typer = both("validate", flags[0], QLKH, *flags[1:], cwd=workspace)
    assert fast == typer
    assert fast[0] == (1 if "--strict" in flags else 0)


def test_the_fast_path_passes_what_typer_would():
    """run_validate has the command's parameters, named and defaulted as declared: the
    fast path gives it the flags by their parameters' names and nothing else."""
    declared = inspect.signature(typer_validate).parameters
    shared = inspect.signature(run_validate).parameters
    assert list(shared) == list(declared)
    assert [p.default for p in shared.values()] == [p.default for p in declared.values()]


def test_the_flags_are_read_from_the_declarations():
    """Also: no parameter of validate reads an env var or runs a callback (else
    command_flags refuses), so a command line of files tells all Typer would pass."""
    assert command_flags("validate") == {
        "--strict": "strict",
        "--no-cache": "no_cache",
        "--color": "color",
        "--no-color": "no_color",
    }


@pytest.mark.parametrize(
    "args",
    [
        ["validate"],
        ["validate", "--no-cache"],
        [QLKH, "validate"],
        ["validate", QLKH, "-f", "json"],
        ["validate", QLKH, "--format=json"],
        ["validate", "--root", ".", QLKH],
        ["validate", "--no-strict", QLKH],
        ["validate", "--", QLKH],
        ["validate", "-h", QLKH],
        ["validate", "-"],
        ["validate", ""],
        ["validate", "a\0b"],
        ["status", QLKH],
    ],
)
def test_anything_else_is_typer_s(args):
    assert entry.plain_validate_call(args) is None


@pytest.mark.parametrize("variable", ["KEHOACH_ROOT", "_KEHOACH_COMPLETE"])
def test_what_typer_reads_from_the_environment_is_left_to_it(variable, monkeypatch):
    monkeypatch.setenv(variable, "")
    assert entry.plain_validate_call(["validate", QLKH]) is None


def test_a_cache_hit_imports_neither_typer_nor_pydantic_nor_yaml(workspace: Path):
    run = f"import sys; from kehoach_cli.cli.entry import main\nassert main(['validate', {QLKH!r}]) == 0\n"
    check = (
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('typer', 'pydantic', 'yaml')]\n"
        "assert not heavy, heavy"
    )
    env = {key: value for key, value in os.environ.items() if key != "KEHOACH_ROOT"}
    env["PYTHONPATH"] = str(Path(kehoach_cli.__file__).parents[1])  # this copy, from any folder
    for code in (run, run + check):  # the first run fills the cache; the second hits it
        completed = subprocess.run(
            [sys.executable, "-c", code],
            cwd=workspace,
            env=env,
            capture_output=True,
            check=False,
            timeout=120,
        )
        assert completed.returncode == 0, completed.stderr.decode()


def _run_without(workspace: Path, args: list[str], absent: tuple[str, ...]) -> str:
    """`kehoach ARGS` in a fresh process; fails if a module of `absent` (or one inside it)
    was imported."""
    code = (
        "import sys; from kehoach_cli.cli.entry import main\n"
        f"code = main({args!r})\n"
        f"heavy = [m for m in sys.modules for a in {absent!r} if m == a or m.startswith(a + '.')]\n"
        "assert not heavy, heavy\n"
        "sys.exit(code)\n"
    )
    env = {key: value for key, value in os.environ.items() if key != "KEHOACH_ROOT"}
    env["PYTHONPATH"] = str(Path(kehoach_cli.__file__).parents[1])
    env["NO_COLOR"] = "1"
    completed = subprocess.run(
        [sys.executable, "-c", code], cwd=workspace, env=env, capture_output=True, check=False,
        timeout=120,
    )  # fmt: skip
    assert completed.returncode in (0, 1), completed.stderr.decode()
    return completed.stderr.decode() + completed.stdout.decode()


def test_a_changed_file_with_the_plan_unchanged_imports_neither_typer_nor_pydantic(
    workspace: Path,
):
    """What pre-commit runs on a unit's edited report: the plan is in the cache, the file is
    read without the models, and says what the models would say."""
    _run_without(workspace, ["validate"], ())  # the cache, as after any earlier run
    edit(workspace / QLKH, "spent: 142.300.000", "spent: 152.300.000")  # a warning (KH310)
    edit(workspace / QLKH, "progress: 70%", "progress: 100%")  # and a rule's (KH309)
    said = _run_without(workspace, ["validate", QLKH], ("typer", "pydantic"))
    with_models = _run_without(workspace, ["validate", "--no-cache", QLKH], ("typer",))
    assert said == with_models
    assert "(KH310)" in said and "(KH309)" in said


def test_a_file_the_reader_leaves_goes_through_the_models(workspace: Path):
    """An error is told by the models, with their wording and place."""
    _run_without(workspace, ["validate"], ())
    edit(workspace / QLKH, "progress: 70%", "progress: 150")
    said = _run_without(workspace, ["validate", QLKH], ("typer",))
    assert said == _run_without(workspace, ["validate", "--no-cache", QLKH], ("typer",))
    assert "(KH105)" in said


def test_after_the_fast_check_a_full_run_is_served_from_the_cache(workspace: Path):
    _run_without(workspace, ["validate"], ())
    edit(workspace / QLKH, "spent: 142.300.000", "spent: 152.300.000")
    _run_without(workspace, ["validate", QLKH], ("pydantic",))
    # everything in the cache now: a full run needs neither the models nor the YAML parser
    said = _run_without(workspace, ["validate"], ("kehoach_cli.model.plan", "yaml"))
    assert said == _run_without(workspace, ["validate", "--no-cache"], ())
    assert "(KH310)" in said
