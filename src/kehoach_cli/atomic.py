"""Write a file so that readers see either the old content or the complete new one."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

# A file name is at most 255 bytes on the usual file systems (ext4, XFS, Btrfs, APFS,
# NTFS counts 255 UTF-16 units, never fewer than the UTF-8 bytes). mkstemp adds 8 random
# characters to prefix and suffix.
_NAME_MAX_BYTES = 255
_RANDOM_CHARACTERS = 8
_SUFFIX = ".tmp"


def temporary_prefix(name: str) -> str:
    """ ".<name>." for the temporary file beside `name`, with `name` cut (whole characters,
    from its end) so that the temporary name fits where any legal `name` fits."""
    room = _NAME_MAX_BYTES - _RANDOM_CHARACTERS - len(_SUFFIX) - len("..")
    name = name[:room]  # a character is at least one byte
    while len(os.fsencode(name)) > room:
        name = name[:-1]
    return f".{name}."


def _temporary_beside(path: Path) -> tuple[int, str]:
    """A new temporary file in `path`'s folder. tempfile is imported here, not at the top:
    a validate answered by its cache imports this module but writes nothing (~2 ms)."""
    import tempfile

    return tempfile.mkstemp(prefix=temporary_prefix(path.name), suffix=_SUFFIX, dir=path.parent)


def _mode_for(path: Path) -> int:
    """The replaced file's permissions, or what a normal create would give (umask)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return _created_mode()


def _created_mode() -> int:
    """0666 less the umask: what `open(path, "w")` gives a new file. mkstemp makes its file
    0600 whatever the umask, which would keep a shared data repository's files from the
    group (and from a web server publishing the dashboard)."""
    umask = os.umask(0o077)  # reading the umask means setting it; restored at once
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, flush to disk, then rename over `path`.

    A failure at any point (full disk, interruption) leaves `path` as it was and removes
    the temporary file; two concurrent writers each rename a complete file.
    """
    handle, temporary = _temporary_beside(path)
    try:
        os.chmod(temporary, _mode_for(path))
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_new(path: Path, data: bytes) -> None:
    """Create `path` with `data`, complete or not at all, and never over a file that exists
    (one saved by someone else meanwhile included): FileExistsError then.

    The content is written to a temporary file and hard-linked to `path`, which fails if
    the name is taken, at the moment of the link. Where hard links are not supported (some
    network shares, FAT), `path` is created exclusively and written in place.
    """
    handle, temporary = _temporary_beside(path)
    try:
        os.chmod(temporary, _created_mode())
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.link(temporary, path, follow_symlinks=False)
        except FileExistsError:
            raise
        except OSError:  # no hard links here: an exclusive create instead
            _write_exclusive(path, data)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _write_exclusive(path: Path, data: bytes) -> None:
    with open(path, "xb") as stream:  # O_EXCL: fails if the name exists, even as a symlink
        try:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(path)
            raise
