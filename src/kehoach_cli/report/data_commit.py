"""Which git commit the data came from, for the report's provenance.

Read from the repository's files, never by running git: a workspace is data that anyone
may have sent, and git runs commands named in a repository's own configuration (clean
and process filters from .gitattributes, core.fsmonitor, hooks, submodules, pagers,
external diffs). Reading is enough for what the report states:

- the commit: HEAD, then the branch it names (loose ref or packed-refs);
- whether data/ differs from it: the index against the commit's tree (staged changes),
  the work tree against the index (stat data first, the blob hash when it differs:
  git's own rule), and YAML files under data/ that the index does not know (the report
  may read them, so they count even when .gitignore hides them from git).

Whatever this reader does not understand (reftable refs, a split or sparse index, a
submodule inside data/, a damaged object) makes the answer unknown ("không rõ"), never
a guess. The reading runs in a thread started with the report, so it overlaps the
loading of the data.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import struct
import threading
import zlib
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

DATA_DIR = "data"
READ_SUFFIXES = (".yaml", ".yml")  # what the loader reads (loading/workspace.py)
_MAX_OBJECT_BYTES = 16 * 1024 * 1024  # a commit or a tree; more is not a real repository
_MAX_DELTA_DEPTH = 64
_MAX_SYMREF_DEPTH = 5


@dataclass(frozen=True)
class DataCommit:
    commit: str | None  # None outside a repository, before the first commit, or unreadable
    # data/ differs from that commit (changed, staged, added or unknown YAML files);
    # None when the repository could not be read well enough to tell ("không rõ")
    dirty: bool | None


NOT_A_REPOSITORY = DataCommit(None, False)
UNKNOWN = DataCommit(None, None)


class _Unreadable(Exception):
    """Something this reader does not understand: the answer is 'không rõ'."""


class DataCommitProbe:
    """Starts reading at construction; `result()` waits for it (at most `timeout` seconds).
    A context manager, as the former git process was; nothing is left to clean up."""

    def __init__(self, workspace_root: Path, timeout: float = 5.0) -> None:
        self._timeout = timeout
        self._answer: DataCommit = UNKNOWN
        self._thread = threading.Thread(
            target=self._run, args=(Path(workspace_root),), name="kehoach-data-commit", daemon=True
        )
        self._thread.start()

    def _run(self, root: Path) -> None:
        self._answer = read_data_commit(root)

    def __enter__(self) -> DataCommitProbe:
        return self

    def __exit__(self, *exc_info: object) -> None:
        return None

    def result(self) -> DataCommit:
        self._thread.join(self._timeout)
        return UNKNOWN if self._thread.is_alive() else self._answer


def read_data_commit(workspace_root: Path) -> DataCommit:
    """The commit and state of `workspace_root`/data, read without running anything."""
    try:
        found = _find_repository(workspace_root.resolve())
    except OSError:
        return UNKNOWN
    if found is None:
        return NOT_A_REPOSITORY
    top, git_dir = found
    try:
        repository = _Repository(git_dir)
        commit = repository.head_commit()
    except (_Unreadable, OSError, ValueError, zlib.error, struct.error):
        return UNKNOWN
    try:
        prefix = (workspace_root.resolve() / DATA_DIR).relative_to(top).as_posix()
        dirty = _data_differs(repository, top, prefix, commit)
    except (_Unreadable, OSError, ValueError, zlib.error, struct.error):
        return DataCommit(commit, None)
    return DataCommit(commit, dirty)


# --- finding the repository ---------------------------------------------------------------


def _find_repository(start: Path) -> tuple[Path, Path] | None:
    """(work tree top, git directory) of the repository holding `start`, like git does
    without GIT_DIR: the nearest `.git` upward, a folder or a 'gitdir: …' file."""
    for folder in (start, *start.parents):
        dot_git = folder / ".git"
        if dot_git.is_dir():
            return folder, dot_git
        if dot_git.is_file():
            text = dot_git.read_text(encoding="utf-8", errors="replace").strip()
            if not text.startswith("gitdir:"):
                return None
            target = Path(text.removeprefix("gitdir:").strip())
            return folder, (folder / target).resolve()
    return None


# --- objects and refs -----------------------------------------------------------------------


class _Repository:
    def __init__(self, git_dir: Path) -> None:
        self.git_dir = git_dir
        common = git_dir / "commondir"
        self.common_dir = (
            (git_dir / common.read_text(encoding="utf-8").strip()).resolve()
            if common.is_file()
            else git_dir
        )
        config = self._config_text()
        if re.search(r"^\s*refstorage\s*=\s*reftable", config, re.IGNORECASE | re.MULTILINE):
            raise _Unreadable("reftable")
        sha256 = re.search(r"^\s*objectformat\s*=\s*sha256", config, re.IGNORECASE | re.MULTILINE)
        self.hash_name = "sha256" if sha256 else "sha1"
        self.hash_size = 32 if sha256 else 20
        self.object_dirs = self._object_dirs()
        self._packs: list[_Pack] | None = None

    def _config_text(self) -> str:
        path = self.common_dir / "config"
        return path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""

    def _object_dirs(self) -> list[Path]:
        """objects/ and its alternates (objects/info/alternates), a few levels deep."""
        dirs: list[Path] = []
        pending = [self.common_dir / "objects"]
        while pending and len(dirs) < 8:
            folder = pending.pop(0)
            if folder in dirs or not folder.is_dir():
                continue
            dirs.append(folder)
            alternates = folder / "info" / "alternates"
            if alternates.is_file():
                for line in alternates.read_text(encoding="utf-8", errors="replace").splitlines():
                    line = line.strip()
                    if line and not line.startswith("#"):
                        pending.append((folder / line).resolve())
        return dirs

    # refs

    def head_commit(self) -> str | None:
        """HEAD's commit id; None on a branch with no commit yet."""
        text = (self.git_dir / "HEAD").read_text(encoding="utf-8").strip()
        for _ in range(_MAX_SYMREF_DEPTH):
            if not text.startswith("ref:"):
                return self._oid(text)
            ref = text.removeprefix("ref:").strip()
            if ".." in ref.split("/") or not ref.startswith("refs/"):
                raise _Unreadable(f"ref {ref!r}")
            loose = next(
                (d / ref for d in (self.git_dir, self.common_dir) if (d / ref).is_file()), None
            )
            if loose is not None:
                text = loose.read_text(encoding="utf-8").strip()
                continue
            return self._packed_ref(ref)
        raise _Unreadable("symbolic refs too deep")

    def _packed_ref(self, ref: str) -> str | None:
        packed = self.common_dir / "packed-refs"
        if not packed.is_file():
            return None  # unborn branch
        for line in packed.read_text(encoding="utf-8", errors="replace").splitlines():
            oid, _, name = line.partition(" ")
            if name.strip() == ref and not line.startswith(("#", "^")):
                return self._oid(oid)
        return None

    def _oid(self, text: str) -> str:
        if not re.fullmatch(rf"[0-9a-f]{{{2 * self.hash_size}}}", text):
            raise _Unreadable(f"object id {text[:80]!r}")
        return text

    # objects

    def read(self, oid: str) -> tuple[str, bytes]:
        """(type, content) of an object, loose or packed."""
        for folder in self.object_dirs:
            loose = folder / oid[:2] / oid[2:]
            if loose.is_file():
                raw = _inflate(loose.read_bytes())
                header, _, body = raw.partition(b"\0")
                kind, _, size = header.decode("ascii").partition(" ")
                if int(size) != len(body):
                    raise _Unreadable(f"object {oid} damaged")
                return kind, body
        binary = bytes.fromhex(oid)
        for pack in self.packs():
            offset = pack.find(binary)
            if offset is not None:
                return pack.read(offset, self)
        raise _Unreadable(f"object {oid} missing")

    def packs(self) -> list[_Pack]:
        if self._packs is None:
            self._packs = [
                _Pack(index, self.hash_size)
                for folder in self.object_dirs
                if (folder / "pack").is_dir()
                for index in sorted((folder / "pack").glob("*.idx"))
                if index.with_suffix(".pack").is_file()
            ]
        return self._packs

    def tree_of_commit(self, commit: str) -> str:
        kind, body = self.read(commit)
        if kind != "commit" or not body.startswith(b"tree "):
            raise _Unreadable(f"{commit} is not a commit")
        return self._oid(body[5 : 5 + 2 * self.hash_size].decode("ascii"))

    def tree_entries(self, tree: str) -> list[tuple[int, str, str]]:
        """(mode, name, oid) of a tree object."""
        kind, body = self.read(tree)
        if kind != "tree":
            raise _Unreadable(f"{tree} is not a tree")
        entries = []
        position = 0
        while position < len(body):
            space = body.index(b" ", position)
            nul = body.index(b"\0", space)
            mode = int(body[position:space], 8)
            name = body[space + 1 : nul].decode("utf-8", errors="surrogateescape")
            oid = body[nul + 1 : nul + 1 + self.hash_size].hex()
            entries.append((mode, name, oid))
            position = nul + 1 + self.hash_size
        return entries


def _inflate(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    out = inflater.decompress(data, _MAX_OBJECT_BYTES + 1)
    if len(out) > _MAX_OBJECT_BYTES:
        raise _Unreadable("object too large")
    return out


class _Pack:
    """A version 2 pack index and its pack: lookup by binary search, deltas applied."""

    _TYPES: ClassVar[dict[int, str]] = {1: "commit", 2: "tree", 3: "blob", 4: "tag"}

    def __init__(self, index: Path, hash_size: int) -> None:
        data = index.read_bytes()
        if data[:8] != b"\377tOc\0\0\0\2":
            raise _Unreadable(f"pack index {index.name} is not version 2")
        self.count = struct.unpack(">I", data[8 + 255 * 4 : 8 + 256 * 4])[0]
        self.hash_size = hash_size
        names_at = 8 + 256 * 4
        self.names = [
            data[names_at + i * hash_size : names_at + (i + 1) * hash_size]
            for i in range(self.count)
        ]
        offsets_at = names_at + self.count * (hash_size + 4)
        self.offsets = struct.unpack(
            f">{self.count}I", data[offsets_at : offsets_at + 4 * self.count]
        )
        self.large_at = offsets_at + 4 * self.count
        self.index_data = data
        self.pack_path = index.with_suffix(".pack")

    def find(self, binary: bytes) -> int | None:
        position = bisect_left(self.names, binary)
        if position < self.count and self.names[position] == binary:
            return self._offset(position)
        return None

    def _offset(self, position: int) -> int:
        offset = self.offsets[position]
        if offset & 0x80000000:
            at = self.large_at + 8 * (offset & 0x7FFFFFFF)
            return int(struct.unpack(">Q", self.index_data[at : at + 8])[0])
        return int(offset)

    def read(self, offset: int, repository: _Repository, depth: int = 0) -> tuple[str, bytes]:
        if depth > _MAX_DELTA_DEPTH:
            raise _Unreadable("delta chain too long")
        with self.pack_path.open("rb") as pack:
            pack.seek(offset)
            head = pack.read(32 + self.hash_size)
            kind = (head[0] >> 4) & 7
            position = 1
            byte = head[0]
            while byte & 0x80:
                byte = head[position]
                position += 1
            base_oid = None
            base_offset = None
            if kind == 6:  # offset delta
                distance, position = _varint(head, position)
                base_offset = offset - distance
            elif kind == 7:  # reference delta
                base_oid = head[position : position + self.hash_size].hex()
                position += self.hash_size
            elif kind not in self._TYPES:
                raise _Unreadable(f"pack entry of type {kind}")
            pack.seek(offset + position)
            inflater = zlib.decompressobj()
            chunks = []
            total = 0
            while not inflater.eof:
                block = pack.read(65536)
                if not block:
                    raise _Unreadable("pack truncated")
                piece = inflater.decompress(block, _MAX_OBJECT_BYTES + 1 - total)
                chunks.append(piece)
                total += len(piece)
                if total > _MAX_OBJECT_BYTES:
                    raise _Unreadable("object too large")
            data = b"".join(chunks)
        if kind in self._TYPES:
            return self._TYPES[kind], data
        if base_offset is not None:
            base_kind, base = self.read(base_offset, repository, depth + 1)
        else:
            assert base_oid is not None
            base_kind, base = repository.read(base_oid)
        return base_kind, _apply_delta(base, data)


def _apply_delta(base: bytes, delta: bytes) -> bytes:
    def size(position: int) -> tuple[int, int]:
        value = shift = 0
        while True:
            byte = delta[position]
            position += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return value, position

    source_size, position = size(0)
    target_size, position = size(position)
    if source_size != len(base) or target_size > _MAX_OBJECT_BYTES:
        raise _Unreadable("delta does not fit its base")
    out = bytearray()
    while position < len(delta):
        op = delta[position]
        position += 1
        if op & 0x80:  # copy from the base
            copy_offset = copy_size = 0
            for bit in range(4):
                if op & (1 << bit):
                    copy_offset |= delta[position] << (8 * bit)
                    position += 1
            for bit in range(3):
                if op & (1 << (4 + bit)):
                    copy_size |= delta[position] << (8 * bit)
                    position += 1
            copy_size = copy_size or 0x10000
            out += base[copy_offset : copy_offset + copy_size]
        elif op:  # insert literal bytes
            out += delta[position : position + op]
            position += op
        else:
            raise _Unreadable("delta opcode 0")
    if len(out) != target_size:
        raise _Unreadable("delta result has the wrong size")
    return bytes(out)


# --- the index and the work tree ----------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    path: str
    mode: int
    oid: str
    mtime: tuple[int, int]
    size: int
    stage: int
    intent_to_add: bool
    skip_worktree: bool


def _read_index(repository: _Repository) -> tuple[list[_Entry], int]:
    """Entries of the index and the index file's mtime in ns (for git's racy check)."""
    path = repository.git_dir / "index"
    if not path.is_file():
        return [], 0
    data = path.read_bytes()
    index_mtime = path.stat().st_mtime_ns
    if data[:4] != b"DIRC":
        raise _Unreadable("index signature")
    version, count = struct.unpack(">II", data[4:12])
    if version not in (2, 3, 4):
        raise _Unreadable(f"index version {version}")
    hash_size = repository.hash_size
    entries = []
    position = 12
    previous = b""
    for _ in range(count):
        start = position
        fields = struct.unpack(">10I", data[position : position + 40])
        mtime = (fields[2], fields[3])
        mode, size = fields[6], fields[9]
        position += 40
        oid = data[position : position + hash_size].hex()
        position += hash_size
        (flags,) = struct.unpack(">H", data[position : position + 2])
        position += 2
        extended = 0
        if flags & 0x4000:
            if version < 3:
                raise _Unreadable("extended flag in a version 2 index")
            (extended,) = struct.unpack(">H", data[position : position + 2])
            position += 2
        if version == 4:
            strip, position = _varint(data, position)
            end = data.index(b"\0", position)
            if strip > len(previous):
                raise _Unreadable("index path prefix")
            name = previous[: len(previous) - strip] + data[position:end]
            position = end + 1
        else:
            end = data.index(b"\0", position)
            name = data[position:end]
            position = start + ((end - start + 8) // 8) * 8  # NUL padding to 8 bytes
        previous = name
        entries.append(
            _Entry(
                path=name.decode("utf-8", errors="surrogateescape"),
                mode=mode,
                oid=oid,
                mtime=mtime,
                size=size,
                stage=(flags >> 12) & 3,
                intent_to_add=bool(extended & 0x2000),
                skip_worktree=bool(extended & 0x4000),
            )
        )
    _refuse_unread_extensions(data, position, hash_size)
    return entries, index_mtime


def _refuse_unread_extensions(data: bytes, position: int, hash_size: int) -> None:
    """A split index keeps entries in another file; a sparse one folds directories."""
    while position + 8 <= len(data) - hash_size:
        signature = data[position : position + 4]
        (length,) = struct.unpack(">I", data[position + 4 : position + 8])
        if signature in (b"link", b"sdir"):
            raise _Unreadable(f"index extension {signature.decode('ascii', 'replace')}")
        position += 8 + length


def _varint(data: bytes, position: int) -> tuple[int, int]:
    """Git's offset encoding: a pack's offset-delta distances and index v4 path prefixes."""
    byte = data[position]
    position += 1
    value = byte & 0x7F
    while byte & 0x80:
        byte = data[position]
        position += 1
        value = ((value + 1) << 7) | (byte & 0x7F)
    return value, position


def _committed_files(
    repository: _Repository, commit: str | None, prefix: str
) -> dict[str, tuple[int, str]]:
    """path → (mode, oid) of every file under `prefix` in the commit's tree."""
    if commit is None:
        return {}
    tree: str | None = repository.tree_of_commit(commit)
    for part in prefix.split("/"):
        match = [e for e in repository.tree_entries(tree) if e[1] == part] if tree else []
        if not match or match[0][0] != 0o040000:
            return {}  # no data/ in that commit
        tree = match[0][2]
    if tree is None:
        return {}
    files: dict[str, tuple[int, str]] = {}
    pending: list[tuple[str, str]] = [(prefix, tree)]
    while pending:
        folder, oid = pending.pop()
        for mode, name, child in repository.tree_entries(oid):
            if mode == 0o040000:
                pending.append((f"{folder}/{name}", child))
            else:
                files[f"{folder}/{name}"] = (mode, child)
    return files


def _blob_id(repository: _Repository, content: bytes) -> str:
    digest = hashlib.new(repository.hash_name)
    digest.update(b"blob %d\0" % len(content))
    digest.update(content)
    return digest.hexdigest()


def _work_file_matches(repository: _Repository, top: Path, entry: _Entry, racy_ns: int) -> bool:
    """git's rule: same stat data and not racily clean → unchanged; otherwise the content's
    blob id decides. A file that differs only by CRLF line ends (autocrlf on Windows)
    counts as unchanged: its YAML is the same."""
    path = top / entry.path
    try:
        info = path.lstat()
    except FileNotFoundError:
        return False
    if entry.mode == 0o120000:
        if not stat.S_ISLNK(info.st_mode):
            return False
        target = os.fsencode(os.readlink(path))
        return _blob_id(repository, target) == entry.oid
    if not stat.S_ISREG(info.st_mode):
        return False
    same_stat = (
        (int(info.st_mtime) & 0xFFFFFFFF, info.st_mtime_ns % 1_000_000_000) == entry.mtime
        and info.st_size & 0xFFFFFFFF == entry.size
        and info.st_mtime_ns < racy_ns
    )
    if same_stat:
        return True
    content = path.read_bytes()
    if _blob_id(repository, content) == entry.oid:
        return True
    return b"\r\n" in content and _blob_id(repository, content.replace(b"\r\n", b"\n")) == entry.oid


def _data_differs(repository: _Repository, top: Path, prefix: str, commit: str | None) -> bool:
    entries, index_mtime = _read_index(repository)
    inside = prefix + "/"
    staged = {}
    for entry in entries:
        if not entry.path.startswith(inside):
            continue
        if entry.stage or entry.intent_to_add:
            return True  # a merge conflict or `git add -N`
        if entry.mode in (0o040000, 0o160000):
            raise _Unreadable("a sparse directory or a submodule inside data/")
        staged[entry.path] = entry
    committed = _committed_files(repository, commit, prefix)
    if {path: (e.mode, e.oid) for path, e in staged.items()} != committed:
        return True  # staged changes (git add / git rm not yet committed)
    for entry in staged.values():
        if not entry.skip_worktree and not _work_file_matches(repository, top, entry, index_mtime):
            return True
    data_dir = top / prefix
    for folder, subfolders, files in os.walk(data_dir):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in files:
            if name.startswith(".") or not name.endswith(READ_SUFFIXES):
                continue
            relative = (Path(folder) / name).relative_to(top).as_posix()
            if relative not in staged:
                return True  # a YAML file the report may read and the commit does not have
    return False
