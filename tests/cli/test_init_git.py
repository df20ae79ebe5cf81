"""`kehoach init` makes the folder a git repository when it is not inside one, says so, and
runs nothing to do it (dulwich writes the .git; no git, no hooks, no template)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

SOURCE = "https://git.example.gov.vn/cds/kehoach.git@" + "a" * 40


def test_init_makes_a_git_repository_and_says_so(cli, tmp_path: Path):
    result = cli("init", "kho", "--kehoach-source", SOURCE, cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert "Đã tạo kho git trong 'kho' (chưa có commit nào)" in result.stderr
    head = (tmp_path / "kho/.git/HEAD").read_text(encoding="ascii")
    assert head.startswith("ref: refs/heads/")
    if shutil.which("git"):  # git itself reads it as a repository with every file untracked
        status = subprocess.run(
            ["git", "-C", str(tmp_path / "kho"), "status", "--porcelain"],
            capture_output=True, text=True, check=True,
            env={**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull},
        )  # fmt: skip
        assert "?? data/" in status.stdout


def test_inside_a_repository_no_second_one_is_made(cli, tmp_path: Path):
    assert cli("init", "ngoai", "--kehoach-source", SOURCE, cwd=tmp_path).code == 0
    inner = cli("init", "ngoai/du-lieu", "--kehoach-source", SOURCE, cwd=tmp_path)
    assert inner.code == 0, inner.stderr
    assert "kho git" not in inner.stderr
    assert not (tmp_path / "ngoai/du-lieu/.git").exists()


def test_making_the_repository_runs_nothing(cli, tmp_path: Path, monkeypatch):
    """The user's git configuration names a template with hooks and an fsmonitor: git init
    would copy the hooks; kehoach runs neither git nor anything those name."""
    marker = tmp_path / "executed"
    template = tmp_path / "template"
    (template / "hooks").mkdir(parents=True)
    for name in ("post-checkout", "post-commit", "reference-transaction"):
        hook = template / "hooks" / name
        hook.write_text(f"#!/bin/sh\ntouch '{marker}'\n", encoding="utf-8")
        hook.chmod(0o755)
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text(
        f"[init]\n\ttemplateDir = {template}\n[core]\n\tfsmonitor = touch '{marker}'\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("PATH", str(tmp_path))  # no git on the path: nothing needs it
    result = cli("init", "kho", "--kehoach-source", SOURCE, cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert (tmp_path / "kho/.git/HEAD").is_file()
    assert not marker.exists()
    assert not any((tmp_path / "kho/.git/hooks").glob("post-*"))


def test_a_repository_that_cannot_be_made_is_told(cli, tmp_path: Path, monkeypatch):
    from kehoach_cli import gitrepo

    def refuse(folder: Path) -> None:
        raise PermissionError(13, "Permission denied", str(folder / ".git"))

    monkeypatch.setattr(gitrepo, "init_repository", refuse)
    result = cli("init", "kho", "--kehoach-source", SOURCE, cwd=tmp_path)
    assert result.code == 2
    assert "không tạo được kho git" in result.stderr and "git init" in result.stderr
