"""Which version of the unit's file a form was made from: the form carries the file's
SHA-256 in a hidden cell of its tasks sheet (layout.SOURCE_REF), so that importing a form
older than the file (the file edited after the form was printed) is noticed."""

from __future__ import annotations

import hashlib

_PREFIX = "kehoach-nguon:"
NO_FILE = "none"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def source_mark(file_digest: str | None) -> str:
    return _PREFIX + (file_digest or NO_FILE)


def read_mark(value: object) -> str | None:
    """The digest a form records, NO_FILE when it was made with no file, None when the
    cell is not there (a form of an older version, or the cell cleared)."""
    if isinstance(value, str) and value.startswith(_PREFIX):
        return value[len(_PREFIX) :].strip() or None
    return None
