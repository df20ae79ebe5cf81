"""Shared fixtures: a scratch copy of the bundled workspace and a CLI runner."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from kehoach_cli.cli.app import main

# CI judges a submission on the same examples every time (a property test that finds a new
# case fails locally first, where it can be looked at); a developer's run explores.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

# pytest-xdist starts its workers with COLUMNS=80 and LINES=24 (the controller's terminal);
# a plain run has neither. Output laid out for a width must not depend on how the tests
# were started: every test begins without them (a test that wants a width sets it).
for _name in ("COLUMNS", "LINES"):
    os.environ.pop(_name, None)

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A copy of the bundled data: tests may damage it freely."""
    shutil.copytree(REPO / "data", tmp_path / "data")
    return tmp_path


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace `old` by `new` in a file, insisting that `old` occurs exactly `count` times."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == count, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@dataclass
class CliResult:
    code: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """Run `kehoach ARGS` in-process through the real entry point (error boundary included)."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("KEHOACH_ROOT", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")

    def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> CliResult:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return CliResult(int(code), captured.out, captured.err)

    return run


@pytest.fixture
def private_cache_secret(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> Path:
    """A machine secret of its own for the validation cache (never the real
    ~/.cache/kehoach), and the environment of a run outside CI, whatever this one is: the
    cache is off in CI (checks/cache.py), and these tests are about the cache."""
    home = tmp_path_factory.mktemp("xdg-cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    for name in ("CI", "KEHOACH_CACHE", "KEHOACH_WORKERS"):
        monkeypatch.delenv(name, raising=False)
    return home / "kehoach" / "secret"
