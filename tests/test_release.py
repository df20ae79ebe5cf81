"""One version everywhere: the package and the changelog's newest section; and every
pre-commit `rev:` the project shows (README, the hook file) is a commit, never a tag (a clone
of the project may carry no tags)."""

from __future__ import annotations

import re

import yaml

import kehoach_cli
from tests.conftest import REPO

VERSION = kehoach_cli.__version__


def _changelog_versions() -> list[str]:
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    return re.findall(r"^## (\d+\.\d+\.\d+) — \d{2}/\d{2}/\d{4}$", text, flags=re.MULTILINE)


def test_the_changelog_starts_with_this_version_and_keeps_the_older_ones():
    versions = _changelog_versions()
    assert versions[0] == VERSION
    assert "0.1.0" in versions
    as_numbers = [tuple(int(part) for part in v.split(".")) for v in versions]
    assert as_numbers == sorted(as_numbers, reverse=True)  # newest first, no duplicate
    assert len(set(versions)) == len(versions)


def test_every_pre_commit_rev_shown_is_a_commit_not_a_tag():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    hooks = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    revs = re.findall(r"^\s*#?\s*rev: (\S+)", readme + "\n" + hooks, flags=re.MULTILINE)
    assert len(revs) >= 2
    assert set(revs) == {"<commit>"}
    assert [hook["id"] for hook in yaml.safe_load(hooks)] == ["kehoach-validate"]
