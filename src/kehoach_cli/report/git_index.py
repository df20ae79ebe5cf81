"""git's index (the staging area) as a list of entries, read without running git.

Each entry is read by dulwich's reader (index versions 2, 3 and 4). A split index (`git
update-index --split-index`, or core.splitIndex) keeps most entries in a shared file,
`sharedindex.<id>` beside the index, and only the changes in the index itself; dulwich does
not put the two together, so this module does, by git's index-format: the `link`
extension names the shared file and holds two EWAH bitmaps over its entries, the entries
deleted and the entries replaced (by this file's first entries, in order, whose names may
be left empty); the rest of this file's entries are added. A sparse index (`sdir`: whole
folders folded into one entry) is refused: its entries are not files.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

if TYPE_CHECKING:
    from dulwich.object_format import ObjectFormat

_INTENT_TO_ADD = 0x2000  # extended flags (git's index-format)
_SKIP_WORKTREE = 0x4000
_MAX_SHARED_DEPTH = 1  # a shared index never links to another


class IndexUnreadable(Exception):
    """What this reader does not understand (the caller's answer is "không rõ")."""


@dataclass(frozen=True)
class Entry:
    path: str
    mode: int
    oid: str
    mtime: tuple[int, int]
    size: int
    stage: int
    intent_to_add: bool
    skip_worktree: bool


def read_index(path: Path, object_format: ObjectFormat) -> list[Entry]:
    """The entries of the index at `path`, sorted by path and stage, a split index's shared
    entries included; [] when there is no index."""
    if not path.is_file():
        return []
    entries, link = _read_file(path, object_format)
    if link is None:
        return entries
    return _merged(path.parent, link, entries, object_format)


def _read_file(path: Path, object_format: ObjectFormat) -> tuple[list[Entry], bytes | None]:
    """One index file's entries, and its `link` extension's data (None: not split)."""
    from dulwich.index import read_cache_entry, read_index_header

    entries = []
    with path.open("rb") as stream:
        version, count = read_index_header(stream)
        previous = b""
        for _ in range(count):
            raw = read_cache_entry(stream, version, previous, object_format)
            previous = raw.name
            mtime: Any = raw.mtime
            entries.append(
                Entry(
                    path=raw.name.decode("utf-8", errors="surrogateescape"),
                    mode=raw.mode,
                    oid=raw.sha.decode("ascii"),
                    mtime=(int(mtime[0]), int(mtime[1])),
                    size=raw.size,
                    stage=raw.stage().value,
                    intent_to_add=bool(raw.extended_flags & _INTENT_TO_ADD),
                    skip_worktree=bool(raw.extended_flags & _SKIP_WORKTREE),
                )
            )
        link = _extensions(stream, object_format.oid_length)
    return entries, link


def _extensions(stream: BinaryIO, oid_length: int) -> bytes | None:
    """The `link` extension's data, if any; a sparse index is refused."""
    rest = stream.read()
    position, link = 0, None
    while position + 8 <= len(rest) - oid_length:
        signature = rest[position : position + 4]
        (length,) = struct.unpack(">I", rest[position + 4 : position + 8])
        data = rest[position + 8 : position + 8 + length]
        if signature == b"sdir":
            raise IndexUnreadable("a sparse index")
        if signature == b"link":
            link = data
        position += 8 + length
    return link


def _merged(
    folder: Path, link: bytes, own: list[Entry], object_format: ObjectFormat
) -> list[Entry]:
    """A split index's entries: the shared file's, less the deleted, the replaced ones
    taken from `own` in order, then the rest of `own` added."""
    oid_length = object_format.oid_length
    shared_id = link[:oid_length].hex()
    if set(shared_id) == {"0"}:
        return own  # git writes a null id when nothing is shared yet
    deleted, position = _ewah_bits(link, oid_length)
    replaced, _ = _ewah_bits(link, position)
    shared_path = folder / f"sharedindex.{shared_id}"
    if not shared_path.is_file():
        raise IndexUnreadable(f"{shared_path.name} is missing")
    shared, nested = _read_file(shared_path, object_format)
    if nested is not None:
        raise IndexUnreadable("a shared index that links to another")
    result = []
    pending = iter(own)
    for number, entry in enumerate(shared):
        if number in deleted:
            continue
        if number in replaced:
            replacement = next(pending, None)
            if replacement is None:
                raise IndexUnreadable("fewer replacing entries than the bitmap says")
            result.append(replace(replacement, path=replacement.path or entry.path))
            continue
        result.append(entry)
    result.extend(pending)
    return sorted(result, key=lambda e: (e.path.encode("utf-8", "surrogateescape"), e.stage))


def _ewah_bits(data: bytes, position: int) -> tuple[set[int], int]:
    """The positions set in the EWAH bitmap at `position` (git's ewah/ewah_io.c: the bit
    count, the word count, the 64-bit words, the last marker's index), and where the bitmap
    ends. Each marker word: bit 0 the value of a run, bits 1–32 the run's length in words,
    bits 33–63 the number of literal words that follow it."""
    try:
        _bits, words = struct.unpack(">II", data[position : position + 8])
        body = struct.unpack(f">{words}Q", data[position + 8 : position + 8 + 8 * words])
    except struct.error:
        raise IndexUnreadable("a damaged bitmap in the split index") from None
    end = position + 8 + 8 * words + 4
    if end > len(data):
        raise IndexUnreadable("a damaged bitmap in the split index")
    found: set[int] = set()
    index, base = 0, 0
    while index < len(body):
        marker = body[index]
        index += 1
        run_bit, run_words, literals = marker & 1, (marker >> 1) & 0xFFFFFFFF, marker >> 33
        if run_bit:
            found.update(range(base, base + 64 * run_words))
        base += 64 * run_words
        for literal in body[index : index + literals]:
            found.update(base + bit for bit in range(64) if literal >> bit & 1)
            base += 64
        index += literals
    return found, end
