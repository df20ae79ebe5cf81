"""Colour by the conventions, for every command that colours (cli/color.py): the command
line first, then NO_COLOR (no-color.org) and FORCE_COLOR (force-color.org), then the
terminal. Here output goes to a pipe (pytest's capture), where the default is no colour."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach_cli.cli.color import wanted
from tests.conftest import edit

QLKH = "data/progress/2024/qlkh.yaml"
STATUS = ("status", "--year", "2024", "--as-of", "2024-12-01", "--by", "task")


class _Terminal:
    def isatty(self) -> bool:
        return True


class _Pipe:
    def isatty(self) -> bool:
        return False


@pytest.mark.parametrize(
    ("env", "choice", "on_terminal", "in_pipe"),
    [
        ({}, None, True, False),
        ({"NO_COLOR": "1"}, None, False, False),
        ({"NO_COLOR": ""}, None, True, False),  # set but empty: as if unset
        ({"FORCE_COLOR": "0"}, None, True, True),  # any value that is not empty forces
        ({"FORCE_COLOR": ""}, None, True, False),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, None, False, False),
        ({"TERM": "dumb"}, None, False, False),
        ({"TERM": "dumb", "FORCE_COLOR": "1"}, None, True, True),
        ({"NO_COLOR": "1"}, True, True, True),  # the command line wins
        ({"FORCE_COLOR": "1"}, False, False, False),
    ],
)
def test_the_rule(monkeypatch: pytest.MonkeyPatch, env, choice, on_terminal, in_pipe):
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert wanted(_Terminal(), choice) is on_terminal  # type: ignore[arg-type]
    assert wanted(_Pipe(), choice) is in_pipe  # type: ignore[arg-type]


@pytest.fixture
def broken(workspace: Path) -> Path:
    edit(workspace / QLKH, "progress: 70", "progress: 150")
    return workspace


@pytest.mark.parametrize(
    ("env", "args", "colored"),
    [
        ({}, [], False),  # a pipe: no colour
        ({"FORCE_COLOR": "1"}, [], True),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, [], False),
        ({"FORCE_COLOR": "1"}, ["--no-color"], False),
        ({"NO_COLOR": "1"}, ["--color"], True),
    ],
)
def test_validate_and_status(cli, broken: Path, env, args, colored, monkeypatch):
    monkeypatch.delenv("NO_COLOR")  # the cli fixture's default
    validated = cli("validate", *args, cwd=broken, env=env)
    assert validated.code == 1
    assert ("\x1b[" in validated.stderr) is colored
    status = cli(*STATUS, *args, cwd=broken, env=env)
    assert status.code == 1, status.stderr  # one file skipped for its error
    assert ("\x1b[" in status.stdout) is colored
    assert "Tiến độ các nhiệm vụ" in status.stdout
    if colored:  # a pipe keeps its plain layout: no boxes, no padding at line ends
        assert "╭" not in status.stdout
        assert all(line == line.rstrip() for line in status.stdout.splitlines())


@pytest.mark.parametrize(("flag", "colored"), [("--color", True), ("--no-color", False)])
def test_before_the_command(cli, broken: Path, flag, colored, monkeypatch):
    """`kehoach --color status …` as `kehoach status --color …`; the other commands write
    no colour at all (their messages are shown escaped, cli/boundary.py)."""
    monkeypatch.setenv("NO_COLOR" if colored else "FORCE_COLOR", "1")
    validated = cli(flag, "validate", cwd=broken)
    assert ("\x1b[" in validated.stderr) is colored
    status = cli(flag, *STATUS, cwd=broken)
    assert ("\x1b[" in status.stdout) is colored
    # The next run without the flag does not inherit it.
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert "\x1b[" not in cli("validate", cwd=broken).stderr
