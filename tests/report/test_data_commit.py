from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kehoach_cli.report.data_commit import DataCommit, DataCommitProbe, parse_porcelain_v2

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(root: Path, *args: str) -> str:
    completed = subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return completed.stdout.strip()


@pytest.fixture
def repository(workspace: Path) -> Path:
    git(workspace, "init", "-q")
    git(workspace, "add", "data")
    git(workspace, "commit", "-q", "-m", "data")
    return workspace


def test_parse_porcelain_v2():
    clean = "# branch.oid 0123abc\n# branch.head main\n"
    assert parse_porcelain_v2(clean) == DataCommit("0123abc", False)
    changed = clean + "1 .M N... 100644 100644 100644 a b data/plan.yaml\n"
    assert parse_porcelain_v2(changed) == DataCommit("0123abc", True)
    assert parse_porcelain_v2("# branch.oid (initial)\n? data/x.yaml\n") == DataCommit(None, True)


def test_clean_repository_gives_head(repository: Path):
    with DataCommitProbe(repository) as probe:
        assert probe.result() == DataCommit(git(repository, "rev-parse", "HEAD"), False)


@pytest.mark.parametrize("change", ["modified", "untracked"])
def test_changes_under_data_make_it_dirty(repository: Path, change: str):
    if change == "modified":
        with (repository / "data/plan.yaml").open("a", encoding="utf-8") as plan:
            plan.write("# sửa\n")
    else:
        (repository / "data/progress/2024/moi.yaml").write_text("unit: moi\n", encoding="utf-8")
    with DataCommitProbe(repository) as probe:
        assert probe.result().dirty


def test_changes_outside_data_do_not_count(repository: Path):
    (repository / "ghi-chu.txt").write_text("x", encoding="utf-8")
    with DataCommitProbe(repository) as probe:
        assert probe.result().dirty is False


def test_probe_writes_nothing_into_the_repository(repository: Path):
    """No index refresh: a report must not change the workspace, .git included."""
    index = repository / ".git" / "index"
    (repository / "data/plan.yaml").touch()  # stale stat data: plain `git status` would rewrite
    before = (index.read_bytes(), index.stat().st_mtime_ns)
    with DataCommitProbe(repository) as probe:
        probe.result()
    assert (index.read_bytes(), index.stat().st_mtime_ns) == before


def test_outside_a_repository(workspace: Path):
    with DataCommitProbe(workspace) as probe:
        assert probe.result() == DataCommit(None, False)


def test_without_git(workspace: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PATH", str(workspace))  # no git there
    with DataCommitProbe(workspace) as probe:
        assert probe.result() == DataCommit(None, False)
