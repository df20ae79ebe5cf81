"""Which git commit the data came from, for the report's provenance.

Read through dulwich, never by running git: a workspace is data that anyone may have sent,
and git runs commands named in a repository's own configuration (clean and process filters
from .gitattributes, core.fsmonitor, hooks, submodules, pagers, external diffs). dulwich
finds the repository (a `.git` folder or a linked work tree's `gitdir:` file), resolves
HEAD (loose refs, packed refs, reftable) and reads objects (loose or packed, SHA-1 or
SHA-256, alternates); kehoach calls nothing of it that runs filters or hooks (no `add`,
`status`, checkout or blob normaliser) and compares the work tree itself:

- the commit: HEAD;
- whether data/ differs from it: the index against the commit's tree (staged changes),
  the work tree against the index (stat data first, the blob hash when it differs: git's
  own rule, without filters), and YAML files under data/ that the index does not know
  (the report may read them, so they count even when .gitignore hides them from git).

The index is read entry by entry with dulwich's reader (versions 2, 3 and 4), a split
index put together with its shared file (report/git_index.py). For a sparse index (folded
folders, `sdir`), a submodule inside data/ or a damaged object, whether data/ differs is
unknown ("không rõ"), never a guess. The reading runs in a thread started with the report,
so it overlaps the loading of the data.
"""

from __future__ import annotations

import hashlib
import os
import stat
import struct
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kehoach_cli.gitrepo import is_commit_id
from kehoach_cli.report.git_index import Entry, IndexUnreadable, read_index

if TYPE_CHECKING:
    from dulwich.repo import Repo

DATA_DIR = "data"
READ_SUFFIXES = (".yaml", ".yml")  # what the loader reads (loading/workspace.py)
_TREE_MODE = 0o040000
_SUBMODULE_MODE = 0o160000
_LINK_MODE = 0o120000


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


# What reading a damaged or unfamiliar repository raises in dulwich and here: every one
# means "không rõ". (dulwich's own errors derive from Exception; listed by their base.)
_READ_ERRORS: tuple[type[BaseException], ...] = (
    _Unreadable,
    OSError,
    ValueError,
    KeyError,
    LookupError,
    AssertionError,
    struct.error,
)


def read_data_commit(workspace_root: Path) -> DataCommit:
    """The commit and state of `workspace_root`/data, read without running anything."""
    from dulwich.errors import NotGitRepository
    from dulwich.repo import Repo

    root = workspace_root.resolve()
    try:
        repository = Repo.discover(str(root))
    except NotGitRepository:
        return NOT_A_REPOSITORY
    except Exception:  # a .git it cannot open: unreadable, not absent
        return UNKNOWN
    with repository:
        try:
            commit = _head_commit(repository)
        except Exception:  # dulwich's errors (reftable, damaged refs) have no common base
            return UNKNOWN
        try:
            top = Path(repository.path).resolve()
            prefix = (root / DATA_DIR).relative_to(top).as_posix()
            dirty = _data_differs(repository, top, prefix, commit)
        except Exception:
            return DataCommit(commit, None)
    return DataCommit(commit, dirty)


def _head_commit(repository: Repo) -> str | None:
    """HEAD's commit id; None on a branch with no commit yet. A symbolic ref outside
    refs/ (`ref: ../../etc/passwd`) or a value that is not an object id is unreadable."""
    from dulwich.refs import Ref
    from dulwich.reftable import ReftableRefsContainer

    names, target = repository.refs.follow(Ref(b"HEAD"))
    for name in names[1:]:
        if not name.startswith(b"refs/") or b".." in name.split(b"/"):
            raise _Unreadable(f"ref {name[:80]!r}")
    if target is None:
        # An unborn branch, unless the refs could not be read at all: a reftable store
        # without its table list (tables.list) holds nothing, not an empty branch.
        tables = Path(repository.commondir()) / "reftable" / "tables.list"
        if isinstance(repository.refs, ReftableRefsContainer) and not tables.is_file():
            raise _Unreadable("reftable without tables.list")
        return None
    commit = target.decode("ascii", errors="replace")
    if len(commit) != repository.object_format.hex_length or not is_commit_id(commit):
        raise _Unreadable(f"HEAD {commit[:80]!r}")
    return commit


# --- the index ------------------------------------------------------------------------------


def _read_index(repository: Repo) -> tuple[list[Entry], int]:
    """Entries of the index (report/git_index.py) and the index file's mtime in ns (for
    git's racy check)."""
    path = Path(repository.index_path())
    if not path.is_file():
        return [], 0
    index_mtime = path.stat().st_mtime_ns
    try:
        return read_index(path, repository.object_format), index_mtime
    except IndexUnreadable as unreadable:
        raise _Unreadable(str(unreadable)) from None


# --- the commit's files ---------------------------------------------------------------------


def _committed_files(
    repository: Repo, commit: str | None, prefix: str
) -> dict[str, tuple[int, str]]:
    """path → (mode, oid) of every file under `prefix` in the commit's tree."""
    from dulwich.objects import Commit, Tree

    if commit is None:
        return {}
    found = repository[commit.encode("ascii")]
    if not isinstance(found, Commit):
        raise _Unreadable(f"{commit} is not a commit")
    tree_id = found.tree
    for part in prefix.split("/"):
        tree = repository[tree_id]
        if not isinstance(tree, Tree):
            raise _Unreadable("tree")
        entry = next((e for e in tree.items() if e.path == part.encode()), None)
        if entry is None or entry.mode != _TREE_MODE:
            return {}  # no data/ in that commit
        tree_id = entry.sha
    files: dict[str, tuple[int, str]] = {}
    pending = [(prefix, tree_id)]
    while pending:
        folder, oid = pending.pop()
        tree = repository[oid]
        if not isinstance(tree, Tree):
            raise _Unreadable("tree")
        for item in tree.items():
            name = f"{folder}/{item.path.decode('utf-8', errors='surrogateescape')}"
            if item.mode == _TREE_MODE:
                pending.append((name, item.sha))
            else:
                files[name] = (item.mode, item.sha.decode("ascii"))
    return files


# --- the work tree --------------------------------------------------------------------------


def _blob_id(repository: Repo, content: bytes) -> str:
    digest = hashlib.new(repository.object_format.name)
    digest.update(b"blob %d\0" % len(content))
    digest.update(content)
    return digest.hexdigest()


def _work_file_matches(repository: Repo, top: Path, entry: Entry, racy_ns: int) -> bool:
    """git's rule: same stat data and not racily clean → unchanged; otherwise the content's
    blob id decides. A file that differs only by CRLF line ends (autocrlf on Windows)
    counts as unchanged: its YAML is the same."""
    path = top / entry.path
    try:
        info = path.lstat()
    except FileNotFoundError:
        return False
    if entry.mode == _LINK_MODE:
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


def _data_differs(repository: Repo, top: Path, prefix: str, commit: str | None) -> bool:
    entries, index_mtime = _read_index(repository)
    inside = prefix + "/"
    staged = {}
    for entry in entries:
        if not entry.path.startswith(inside):
            continue
        if entry.stage or entry.intent_to_add:
            return True  # a merge conflict or `git add -N`
        if entry.mode in (_TREE_MODE, _SUBMODULE_MODE):
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
