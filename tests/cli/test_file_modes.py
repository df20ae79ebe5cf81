"""Files kehoach creates get the permissions any program's new file gets: 0666 less the
umask (a data repository shared by a group needs 0664 or 0644, not 0600)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.forms.filling import fill


@pytest.fixture(params=[0o022, 0o002], ids=["umask-022", "umask-002"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    previous = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_init_writes_every_file_with_the_umask_mode(cli, tmp_path: Path, umask: int):
    target = tmp_path / "kho"
    assert (
        cli("init", str(target), "--kehoach-source", "https://git.example.org/kehoach.git").code
        == 0
    )
    files = [path for path in target.rglob("*") if path.is_file() and ".git" not in path.parts]
    assert len(files) > 10
    assert {path.relative_to(target).as_posix(): _mode(path) for path in files} == {
        path.relative_to(target).as_posix(): 0o666 & ~umask for path in files
    }


def test_new_and_import_write_with_the_umask_mode(cli, workspace: Path, umask: int):
    (workspace / "data/progress/2024/qlkh.yaml").unlink()
    assert cli("new", "--unit", "qlkh", "--year", "2024", cwd=workspace).code == 0
    assert _mode(workspace / "data/progress/2024/qlkh.yaml") == 0o666 & ~umask
    (workspace / "data/progress/2024/qlkh.yaml").unlink()
    assert cli("form", "-u", "qlkh", "-y", "2024", "-o", "qlkh.xlsx", cwd=workspace).code == 0
    assert _mode(workspace / "qlkh.xlsx") == 0o666 & ~umask
    fill(workspace / "qlkh.xlsx")
    result = cli("import", "qlkh.xlsx", cwd=workspace)
    assert result.code == 0, result.stderr
    assert _mode(workspace / "data/progress/2024/qlkh.yaml") == 0o666 & ~umask


def test_import_force_keeps_the_mode_of_the_file_it_replaces(cli, workspace: Path):
    target = workspace / "data/progress/2024/qlkh.yaml"
    target.unlink()
    assert cli("form", "-u", "qlkh", "-y", "2024", "-o", "qlkh.xlsx", cwd=workspace).code == 0
    fill(workspace / "qlkh.xlsx")
    assert cli("new", "--unit", "qlkh", "--year", "2024", cwd=workspace).code == 0
    target.chmod(0o640)
    result = cli("import", "qlkh.xlsx", "--force", cwd=workspace)
    assert result.code == 0, result.stderr
    assert _mode(target) == 0o640
