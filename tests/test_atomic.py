from __future__ import annotations

import os
from pathlib import Path

import pytest

from kehoach_cli.atomic import write_atomic


def test_replaces_whole_file_and_keeps_its_permissions(tmp_path: Path):
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert os.listdir(tmp_path) == ["a.docx"]


def test_new_file_gets_normal_permissions(tmp_path: Path):
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "b.docx", b"x")
    finally:
        os.umask(umask)
    assert (tmp_path / "b.docx").stat().st_mode & 0o777 == 0o644


def test_failure_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch):
    target = tmp_path / "c.docx"
    target.write_bytes(b"old")

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["c.docx"]


def test_write_new_gets_the_umask_mode_not_the_temporary_files(tmp_path: Path):
    """mkstemp makes 0600 files; a new file must get 0666 less the umask, as open() gives."""
    from kehoach_cli.atomic import write_new

    for umask, expected in ((0o022, 0o644), (0o002, 0o664), (0o077, 0o600)):
        previous = os.umask(umask)
        try:
            write_new(tmp_path / f"{umask:o}.yaml", b"x")
        finally:
            os.umask(previous)
        assert (tmp_path / f"{umask:o}.yaml").stat().st_mode & 0o777 == expected
