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


@pytest.mark.parametrize("name", ["a" * 250 + ".docx", "bá" * 83 + ".docx", "x" * 255])
def test_a_legal_long_name_is_written(tmp_path: Path, name: str):
    """The temporary file's name (the target's, plus a prefix and a random suffix) once
    went over 255 bytes for a legal 250-byte target name."""
    assert len(os.fsencode(name)) <= 255
    target = tmp_path / name
    write_atomic(target, b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == [name]


def test_the_temporary_name_keeps_whole_characters():
    from kehoach_cli.atomic import temporary_prefix

    prefix = temporary_prefix("ệ" * 100)  # 3 bytes each: 300 bytes
    assert set(prefix.strip(".")) == {"ệ"}
    assert len(os.fsencode(prefix)) + 8 + len(".tmp") <= 255
    assert temporary_prefix("bao-cao.docx") == ".bao-cao.docx."


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
