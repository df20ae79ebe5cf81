"""The few git operations kehoach needs, through dulwich, never by running git.

A workspace is data anyone may have sent, and git runs commands a repository's own
configuration names (hooks, clean and process filters, core.fsmonitor, pagers). dulwich
reads and writes the repository's files in Python; kehoach calls only what reads refs,
objects and the index, and porcelain's `init`, which writes a new .git and runs nothing
(hooks are only run by commit, merge and checkout, which kehoach never calls; filters only
by adding or checking out files).
"""

from __future__ import annotations

import re
from pathlib import Path

_HEX = re.compile(r"[0-9a-f]{40}([0-9a-f]{24})?")


def is_commit_id(text: str) -> bool:
    """A full commit id (SHA-1, or SHA-256 in a repository that uses it)."""
    return bool(_HEX.fullmatch(text))


def find_top(start: Path) -> Path | None:
    """The work tree holding `start` (the nearest folder upward with a .git), or None."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def head_commit(folder: Path) -> str | None:
    """The commit HEAD names in the repository holding `folder`; None outside one, before
    the first commit, or when it cannot be read."""
    from dulwich.errors import NotGitRepository
    from dulwich.repo import Repo

    try:
        with Repo.discover(str(folder)) as repository:
            return repository.head().decode("ascii")
    except (NotGitRepository, KeyError, OSError, ValueError):
        return None


def resolve(folder: Path, revision: str) -> str | None:
    """The commit `revision` (a full commit id, a tag or a branch) names in the repository
    at `folder`, or None when the repository has no such revision or cannot be read."""
    from dulwich.errors import NotGitRepository
    from dulwich.objects import Commit, Tag
    from dulwich.repo import Repo

    try:
        with Repo(str(folder)) as repository:
            if is_commit_id(revision):
                target = revision.encode("ascii")
            else:
                refs = {bytes(name): bytes(oid) for name, oid in repository.get_refs().items()}
                names = (f"refs/tags/{revision}", f"refs/heads/{revision}")
                found = next((refs[n.encode()] for n in names if n.encode() in refs), None)
                if found is None:
                    return None
                target = found
            obj = repository[target]
            for _ in range(10):  # an annotated tag names the commit (or another tag)
                if not isinstance(obj, Tag):
                    break
                obj = repository[obj.object[1]]
            return obj.id.decode("ascii") if isinstance(obj, Commit) else None
    except (NotGitRepository, KeyError, OSError, ValueError):
        return None


def init_repository(folder: Path) -> None:
    """Make `folder` a new git repository, running nothing; its first branch is named as
    the user's git configuration says (init.defaultBranch), as `git init` names it."""
    from dulwich import porcelain

    porcelain.init(str(folder)).close()


def has_tag(folder: Path, name: str) -> bool:
    """Does the repository at `folder` have the tag `name`?"""
    from dulwich.errors import NotGitRepository
    from dulwich.repo import Repo

    try:
        with Repo(str(folder)) as repository:
            return f"refs/tags/{name}".encode() in repository.get_refs()
    except (NotGitRepository, OSError, ValueError):
        return False
