"""Which git commit the data came from, for the report's provenance.

One `git status` started in the background as soon as the report begins, and read when
the document is ready, so that git's time overlaps with ours instead of adding to it.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

# Read-only and inert: no index refresh written into .git (optional locks off) and no
# fsmonitor hook run from a workspace's own git config.
_GIT = ["git", "--no-optional-locks", "-c", "core.fsmonitor=false"]

_STATUS_OF_DATA = ["status", "--porcelain=v2", "--branch", "--", "data"]


@dataclass(frozen=True)
class DataCommit:
    commit: str | None  # None outside a repository, before the first commit, without git
    dirty: bool  # data/ differs from that commit (changed, added or untracked files)


def parse_porcelain_v2(output: str) -> DataCommit:
    """`git status --porcelain=v2 --branch`: '# branch.oid <sha>' then one line per change."""
    commit = None
    dirty = False
    for line in output.splitlines():
        if line.startswith("# branch.oid "):
            oid = line.removeprefix("# branch.oid ").strip()
            commit = oid if oid != "(initial)" else None
        elif line and not line.startswith("#"):
            dirty = True
    return DataCommit(commit, dirty)


class DataCommitProbe:
    """Starts git at construction; `result()` waits for it (at most `timeout` seconds).
    Used as a context manager so that a run that fails early does not leave git behind."""

    def __init__(self, workspace_root: Path, timeout: float = 5.0) -> None:
        self._timeout = timeout
        try:
            self._process: subprocess.Popen[str] | None = subprocess.Popen(
                [*_GIT, "-C", str(workspace_root), *_STATUS_OF_DATA],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                encoding="utf-8",
                errors="replace",
                env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"},
            )
        except OSError:  # git not installed
            self._process = None

    def __enter__(self) -> DataCommitProbe:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.communicate()

    def result(self) -> DataCommit:
        if self._process is None:
            return DataCommit(None, False)
        try:
            output, _ = self._process.communicate(timeout=self._timeout)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.communicate()
            return DataCommit(None, False)
        if self._process.returncode != 0:  # not a repository
            return DataCommit(None, False)
        return parse_porcelain_v2(output)
