"""`kehoach guide`: the users' guide is reachable from kehoach itself (in a wheel it lies in
the package: tests/test_install.py; in a checkout, docs/)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import REPO


def test_guide_names_the_file_and_prints_it(cli, tmp_path: Path):
    shown = cli("guide", cwd=tmp_path)
    assert shown.code == 0
    path = Path(shown.stdout.strip())
    assert path.name == "huong-dan.md"
    assert path.read_bytes() == (REPO / "docs/huong-dan.md").read_bytes()
    printed = cli("guide", "--print", cwd=tmp_path)
    assert printed.code == 0
    assert printed.stdout == (REPO / "docs/huong-dan.md").read_text(encoding="utf-8")


def test_without_the_guide_the_user_is_told(cli, tmp_path: Path, monkeypatch):
    from kehoach_cli.cli import guide

    monkeypatch.setattr(guide, "guide_path", lambda: None)
    result = cli("guide", cwd=tmp_path)
    assert result.code == 2
    assert "không kèm hướng dẫn" in result.stderr
