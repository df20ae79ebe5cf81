"""A content-hash cache of validation results, so that re-validating is nearly free.

One JSON file in `.kehoach-cache/` of the workspace (with its own .gitignore). An entry is
reused only when the file's bytes, the plan's bytes and the tool version are all the same
as when it was computed. It is written only when its content changes, and (see
checks/validation.py) only by a run that found no errors. A missing, corrupt or
unwritable cache is ignored: validation then simply runs in full. JSON, not pickle: a
cache file from elsewhere must not be able to run code.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kehoach_cli.atomic import write_atomic
from kehoach_cli.diagnostics import Issue, Position, Severity

CACHE_DIR = ".kehoach-cache"
CACHE_FILE = "validate.json"
FORMAT = 1


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def issue_to_entry(issue: Issue, root: Path) -> dict[str, Any]:
    file = None
    if issue.file is not None:
        try:
            file = issue.file.absolute().relative_to(root).as_posix()
        except ValueError:
            file = str(issue.file)
    position = list(issue.position) if issue.position else None
    return {
        "code": issue.code,
        "severity": issue.severity.value,
        "file": file,
        "position": position,
        "field": issue.field,
        "message": issue.message,
        "hint": issue.hint,
    }


def issue_from_entry(entry: dict[str, Any], root: Path) -> Issue:
    position = entry["position"]
    return Issue(
        code=str(entry["code"]),
        severity=Severity(entry["severity"]),
        file=(root / entry["file"]) if entry["file"] is not None else None,
        position=Position(int(position[0]), int(position[1])) if position else None,
        field=str(entry["field"]),
        message=str(entry["message"]),
        hint=str(entry["hint"]),
    )


@dataclass
class ValidationCache:
    root: Path
    key: str  # tool version + plan digest: any change empties the cache
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    fresh: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def path(self) -> Path:
        return self.root / CACHE_DIR / CACHE_FILE

    @classmethod
    def open(cls, root: Path, tool_version: str, plan_bytes: bytes) -> ValidationCache:
        cache = cls(root, f"{tool_version}:{digest(plan_bytes)}")
        try:
            stored = json.loads(cache.path.read_text(encoding="utf-8"))
            if stored.get("format") == FORMAT and stored.get("key") == cache.key:
                entries = stored.get("files")
                if isinstance(entries, dict):
                    cache.entries = entries
        except (OSError, ValueError, AttributeError):
            pass  # no cache yet, or an unreadable one: start afresh
        return cache

    def lookup(self, relative: str, file_digest: str) -> list[Issue] | None:
        entry = self.entries.get(relative)
        if not isinstance(entry, dict) or entry.get("sha256") != file_digest:
            return None
        try:
            issues = [issue_from_entry(item, self.root) for item in entry["issues"]]
        except (KeyError, TypeError, ValueError, IndexError):
            return None
        self.fresh[relative] = entry
        return issues

    def store(self, relative: str, file_digest: str, issues: list[Issue]) -> None:
        self.fresh[relative] = {
            "sha256": file_digest,
            "issues": [issue_to_entry(issue, self.root) for issue in issues],
        }

    def save(self) -> None:
        """Keep only the entries of this run; never fail the command over the cache.
        Nothing is written when the run found exactly what was stored."""
        if self.fresh == self.entries:
            return
        document = {"format": FORMAT, "key": self.key, "files": self.fresh}
        try:
            folder = self.path.parent
            folder.mkdir(exist_ok=True)
            ignore = folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("*\n", encoding="utf-8")
            write_atomic(self.path, json.dumps(document, ensure_ascii=False).encode("utf-8"))
        except OSError:
            pass
