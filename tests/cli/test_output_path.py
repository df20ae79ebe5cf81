"""Every command that writes a document refuses the same bad targets, and names its own
document in the message (one check in cli/output_path.py serves report, plan and
dashboard)."""

from __future__ import annotations

from pathlib import Path

import pytest

WRITERS = [
    (("report", "--year", "2024", "--as-of", "2024-12-01"), ".docx", "báo cáo"),
    (("plan", "render"), ".docx", "kế hoạch"),
    (("dashboard", "--year", "2024", "--as-of", "2024-12-01"), ".html", "trang theo dõi"),
]


@pytest.mark.parametrize(("command", "suffix", "document"), WRITERS)
def test_a_document_is_never_written_into_data(
    cli, workspace: Path, command: tuple[str, ...], suffix: str, document: str
):
    before = sorted(p.relative_to(workspace) for p in (workspace / "data").rglob("*"))
    result = cli(*command, "-o", f"data/ra{suffix}", cwd=workspace)
    assert result.code == 2
    assert f"không ghi {document} vào thư mục data/" in result.stderr
    assert sorted(p.relative_to(workspace) for p in (workspace / "data").rglob("*")) == before


@pytest.mark.parametrize(("command", "suffix", "document"), WRITERS)
def test_folders_missing_parents_and_other_suffixes_are_refused(
    cli, workspace: Path, command: tuple[str, ...], suffix: str, document: str
):
    folder = cli(*command, "-o", ".", cwd=workspace)
    assert folder.code == 2 and "là một thư mục" in folder.stderr
    assert f"{suffix}." in folder.stderr  # the example name has the right suffix
    missing = cli(*command, "-o", f"khong-co/ra{suffix}", cwd=workspace)
    assert missing.code == 2 and "không tồn tại" in missing.stderr
    other = cli(*command, "-o", "ra.txt", cwd=workspace)
    assert other.code == 2 and f"phải có đuôi {suffix}" in other.stderr
    assert not (workspace / "ra.txt").exists()
