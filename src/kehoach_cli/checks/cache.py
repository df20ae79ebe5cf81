"""A cache of validation results that cannot lie, so that re-validating is nearly free.

One file, `.kehoach-cache/validate.json` in the workspace (with its own .gitignore):

- a progress file's entry holds the issues found in the exact bytes that were checked
  (the checker hashes what it parsed, not a second read), under the file's relative path;
- every progress entry is valid only for the *plan data* it was checked against: a digest
  of the loaded plan (canonical JSON of the parsed values, in file order), so a comment or
  layout edit of plan.yaml keeps them; progress issues never carry plan positions;
- the plan's own issues carry plan.yaml line numbers, so they are keyed by the plan's bytes;
  beside them, the plan's view (checks/plan_view.py: what the progress checks read from
  it), so that a changed progress file is checked without loading the plan's models;
- one check depends on the day it runs (KH324: submitted_on after today), so a progress
  entry also holds the file's submitted_on and which side of it the check ran on, and
  holds only on that side (see `_dated` below);
- the whole file is keyed by a fingerprint of the tool: its version, the source of the
  package, the Python and dependency installs;
- the file is signed (HMAC-SHA256) with a per-machine secret kept outside the workspace
  (`$XDG_CACHE_HOME/kehoach/secret` or `~/.cache/kehoach/secret`): a cache committed to
  git, copied from another machine or written by hand never verifies and is ignored;
  the secret is trusted only when this user owns it and others can neither read nor
  write it (one planted in a shared cache folder is not): otherwise the cache is not used
  and `note` says why, once.

It is ignored when it is not a regular file of sane size (a symlink, a FIFO, > 50 MB),
when it does not verify or parse, when the folder is a symlink, and in CI (`CI` set)
unless `KEHOACH_CACHE=1`; `KEHOACH_CACHE=0` turns it off everywhere. It is written only by a
run that found no errors (checks/validation.py), only when its content changes, never
through a symlink. A run naming some files keeps the entries of the others; only a full
run drops the entries of files that are gone. JSON, not pickle: reading it runs no code.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import stat
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kehoach_cli.atomic import write_atomic
from kehoach_cli.diagnostics import Issue, Position, Severity
from kehoach_cli.loading.text import MAX_FILE_BYTES

CACHE_DIR = ".kehoach-cache"
CACHE_FILE = "validate.json"
FORMAT = 5  # 3: entries hold their submitted_on (KH324); 4: the plan's view (plan_view.py);
# 5: the view holds the tasks' due dates (KH319)
MAGIC = b"kehoach-cache"
MAX_CACHE_BYTES = 50 * 1024 * 1024
SECRET_BYTES = 32

_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
)

_DATA_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_checked_bytes(path: Path) -> bytes | None:
    """A data file's bytes read once through one descriptor, when it is a regular file
    within the size cap; None otherwise (load_yaml_file then says why). A FIFO put in its
    place does not block the open. The checker parses and hashes these same bytes."""
    return _read_regular(path, _DATA_FLAGS, MAX_FILE_BYTES)


def _read_regular(path: Path, flags: int, cap: int) -> bytes | None:
    """The bytes of `path` through one descriptor when it is a regular file of at most
    `cap` bytes; None for anything else (FIFO, device, too large, unreadable)."""
    try:
        handle = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_size > cap:
            return None
        with os.fdopen(os.dup(handle), "rb") as stream:
            data = stream.read(cap + 1)
    except OSError:
        return None
    finally:
        os.close(handle)
    return data if len(data) <= cap else None


def tracked_by_git(root: Path) -> bool:
    """Is the cache file listed in the workspace's git index? Read from .git/index
    without running git (its paths are stored whole up to index version 3; a version-4
    index compresses them, so there the answer is "yes" to stay on the safe side)."""
    index = root / ".git" / "index"
    data = _read_regular(index, _READ_FLAGS, 256 * 1024 * 1024)
    if data is None or len(data) < 12 or data[:4] != b"DIRC":
        return False
    if int.from_bytes(data[4:8], "big") >= 4:
        return True
    return f"{CACHE_DIR}/{CACHE_FILE}".encode() + b"\x00" in data


def cache_enabled(environ: Any = os.environ) -> bool:
    """Off in CI (a clean clone must be judged in full) unless KEHOACH_CACHE=1."""
    setting = environ.get("KEHOACH_CACHE", "").strip().lower()
    if setting in ("0", "false", "no", "off"):
        return False
    if setting in ("1", "true", "yes", "on"):
        return True
    return environ.get("CI", "").strip().lower() in ("", "0", "false", "no")


# --- what the results depend on besides the files: the tool itself ---------------------


def _package_sources() -> list[Path]:
    package = Path(__file__).resolve().parents[1]
    found: list[Path] = []
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith((".", "__")))
        found += [Path(folder) / name for name in sorted(names) if name.endswith(".py")]
    return found


def _installed(module: str) -> str:
    """Where a dependency is installed and its files' size and time, without importing it
    (importlib.metadata costs ~50 ms): an upgrade or reinstall changes them."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return f"{module}:?"
    if spec is None or not spec.origin:
        return f"{module}:?"
    parts = [module, spec.origin]
    folder = Path(spec.origin).parent
    for name in sorted(os.listdir(folder)) if spec.submodule_search_locations else []:
        if name.startswith(("version", "_version", "__init__", "_pydantic_core", "_yaml")):
            with contextlib.suppress(OSError):
                info = (folder / name).stat()
                parts.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
    return "|".join(parts)


def tool_fingerprint(version: str) -> str:
    """Everything of the tool that can change a result: a development edit of a rule
    (same version number) or a pydantic upgrade invalidates the cache."""
    hasher = hashlib.sha256(f"{FORMAT}\0{version}\0{sys.version}\0".encode())
    for source in _package_sources():
        with contextlib.suppress(OSError):
            hasher.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    for module in ("pydantic", "pydantic_core", "yaml"):
        hasher.update(_installed(module).encode() + b"\0")
    return hasher.hexdigest()


def plan_data_key(data: Any, usable: bool) -> str:
    """What the progress checks read from the plan: its parsed values (not its bytes, so
    comments and layout do not count), or the fact that it could not be used."""
    if not usable:
        return "unusable"
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=repr)
    return digest(text.encode("utf-8"))


# --- the per-machine secret -------------------------------------------------------------


def secret_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME", "")
    folder = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return folder / "kehoach" / "secret"


class UntrustedSecret(Exception):
    """The secret's file is someone else's or others can read or write it: a cache signed
    with it proves nothing. The message says so in Vietnamese, for a quiet note."""


def _current_user() -> int | None:
    geteuid = getattr(os, "geteuid", None)  # not on Windows, where a profile is private
    return geteuid() if geteuid is not None else None


def _check_owner(path: Path, info: os.stat_result) -> None:
    """A secret is trusted only when this user owns it and nobody else may read or write
    it: in a shared cache folder another user could plant one (mode 644) and then sign
    any cache they like for this user's workspaces."""
    user = _current_user()
    if user is None:
        return
    if info.st_uid != user:
        raise UntrustedSecret(
            f"bỏ qua bộ nhớ đệm: tệp bí mật {path} thuộc người dùng khác (uid {info.st_uid}); "
            "đặt XDG_CACHE_HOME là một thư mục riêng của bạn"
        )
    if info.st_mode & 0o077:
        raise UntrustedSecret(
            f"bỏ qua bộ nhớ đệm: người khác đọc hoặc ghi được tệp bí mật {path} "
            f"(quyền {info.st_mode & 0o777:o}); xóa tệp này để kehoach tạo lại (quyền 600)"
        )


def _read_secret(path: Path) -> bytes | None:
    """The secret's bytes; None when there is no usable file; UntrustedSecret when there
    is one that others could know."""
    try:
        handle = os.open(path, _READ_FLAGS)
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            return None
        _check_owner(path, info)
        if info.st_size != SECRET_BYTES:
            return None
        data = os.read(handle, SECRET_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(handle)
    return data if len(data) == SECRET_BYTES else None


def load_secret(root: Path, create: bool) -> bytes | None:
    """The machine's secret, created on first use (mode 600); None when there is none and
    none can be made, or when it would live inside the workspace (it would be committed).
    Raises UntrustedSecret for a secret that is not this user's alone (never replaced:
    it may be another user's, or the user's own in a folder they chose)."""
    path = secret_path()
    try:
        path.absolute().relative_to(root.absolute())
        return None
    except ValueError:
        pass
    secret = _read_secret(path)
    if secret is not None or not create:
        return secret
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = path.with_name(f".secret.{os.getpid()}.tmp")
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        handle = os.open(temporary, flags, 0o600)
        try:
            os.write(handle, os.urandom(SECRET_BYTES))
        finally:
            os.close(handle)
        try:
            os.link(temporary, path)  # atomic: the first writer wins, others read its secret
        except FileExistsError:
            pass
        finally:
            os.unlink(temporary)
    except OSError:
        return None
    return _read_secret(path)


def _sign(secret: bytes, body: bytes) -> bytes:
    return hmac.new(secret, body, hashlib.sha256).hexdigest().encode("ascii")


# --- issues <-> JSON --------------------------------------------------------------------


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


def _issues_from(entry: Any, root: Path) -> list[Issue] | None:
    try:
        return [issue_from_entry(item, root) for item in entry["issues"]]
    except (KeyError, TypeError, ValueError, IndexError):
        return None


# The answer for a file depends on the day only through KH324 (submitted_on after today),
# and only through which side of its submitted_on the day falls: the message names the
# date, never today. So an entry records that date and the side it was checked on, and
# holds on every day of that side: a file checked the day before its submitted_on warns
# from the cache until that date, and is checked again on it (the warning then goes, and
# the new entry holds from then on; a clock put back is checked again too). Keying the
# whole cache by the day would recheck every file each morning; leaving such files out of
# the cache would still need their date to know that a stored "no warning" is not stale.


def _dated(submitted_on: date | None, today: date | None) -> dict[str, Any] | None:
    """The entry's date condition: None when the answer does not depend on the day."""
    if submitted_on is None or today is None:
        return None
    return {"submitted_on": submitted_on.isoformat(), "before": today < submitted_on}


def _holds_on(entry: dict[str, Any], today: date) -> bool:
    if "dated" not in entry:
        return False  # written before the date rule existed
    dated = entry["dated"]
    if dated is None:
        return True
    try:
        return (today < date.fromisoformat(dated["submitted_on"])) == bool(dated["before"])
    except (KeyError, TypeError, ValueError):
        return False


def _safe_folder(folder: Path) -> bool:
    """The cache folder exists as a real folder (not a symlink to somewhere else)."""
    try:
        return stat.S_ISDIR(os.lstat(folder).st_mode)
    except OSError:
        return False


def _read_cache_file(path: Path) -> bytes | None:
    """The cache's bytes when it is a regular file (no symlink, FIFO, device) ≤ 50 MB."""
    if not _safe_folder(path.parent):
        return None
    return _read_regular(path, _READ_FLAGS, MAX_CACHE_BYTES)


@dataclass
class ValidationCache:
    root: Path
    tool: str  # tool_fingerprint(): a different tool empties the cache
    plan: dict[str, Any] = field(default_factory=dict)  # sha256 (bytes), key (data), issues
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)  # as read, verified
    fresh: dict[str, dict[str, Any]] = field(default_factory=dict)  # seen or made this run
    stored: dict[str, Any] | None = None  # the verified document, to skip identical writes
    note: str | None = None  # why the cache was not used, told once (an untrusted secret)

    @property
    def path(self) -> Path:
        return self.root / CACHE_DIR / CACHE_FILE

    @classmethod
    def open(cls, root: Path, tool: str) -> ValidationCache:
        cache = cls(root, tool)
        if tracked_by_git(root):
            return cache  # a cache in the repository is someone's, not this machine's
        raw = _read_cache_file(cache.path)
        secret = cache._secret(create=False) if raw else None
        if raw is None or secret is None:
            return cache
        header, _, body = raw.partition(b"\n")
        parts = header.split(b" ")
        if len(parts) != 3 or parts[0] != MAGIC or parts[1] != str(FORMAT).encode():
            return cache
        if not hmac.compare_digest(parts[2], _sign(secret, body)):
            return cache  # forged, committed, copied or damaged: never trusted
        try:
            stored = json.loads(body)
        except (ValueError, RecursionError):
            return cache
        if not isinstance(stored, dict) or stored.get("tool") != tool:
            return cache
        plan, files = stored.get("plan"), stored.get("files")
        if isinstance(plan, dict) and isinstance(files, dict):
            cache.plan, cache.entries, cache.stored = plan, files, stored
        return cache

    def _secret(self, create: bool) -> bytes | None:
        try:
            return load_secret(self.root, create)
        except UntrustedSecret as refusal:
            self.note = str(refusal)
            return None

    # The plan: its issues by its bytes; the progress entries by its data.

    def plan_issues(self, plan_digest: str) -> tuple[list[Issue], str] | None:
        """The plan's issues and data key, if these exact plan bytes were checked."""
        if self.plan.get("sha256") != plan_digest or not isinstance(self.plan.get("key"), str):
            return None
        issues = _issues_from(self.plan, self.root)
        return None if issues is None else (issues, self.plan["key"])

    def plan_view(self, plan_digest: str) -> dict[str, Any] | None:
        """The plan's view as stored with its issues (None: not for these bytes, or the
        plan had errors and the progress checks run without it)."""
        if self.plan.get("sha256") != plan_digest:
            return None
        view = self.plan.get("view")
        return view if isinstance(view, dict) else None

    def set_plan(
        self, plan_digest: str, key: str, issues: list[Issue], view: dict[str, Any] | None = None
    ) -> None:
        if self.plan.get("key") != key:
            self.entries = {}  # checked against other plan data: none of them holds
        self.plan = {
            "sha256": plan_digest,
            "key": key,
            "issues": [issue_to_entry(issue, self.root) for issue in issues],
            "view": view,
        }

    def has(self, relative: str) -> bool:
        return relative in self.entries

    def lookup(self, relative: str, file_digest: str, today: date) -> list[Issue] | None:
        entry = self.entries.get(relative)
        if not isinstance(entry, dict) or entry.get("sha256") != file_digest:
            return None
        if not _holds_on(entry, today):
            return None
        issues = _issues_from(entry, self.root)
        if issues is not None:
            self.fresh[relative] = entry
        return issues

    def store(
        self,
        relative: str,
        file_digest: str,
        issues: list[Issue],
        submitted_on: date | None = None,
        today: date | None = None,
    ) -> None:
        """Record `issues` for the file whose checked bytes have `file_digest`, found on
        `today` in a file sent on `submitted_on` (see `_holds_on`)."""
        self.fresh[relative] = {
            "sha256": file_digest,
            "issues": [issue_to_entry(issue, self.root) for issue in issues],
            "dated": _dated(submitted_on, today),
        }

    def save(self, full_run: bool = True) -> None:
        """Write the entries of this run, plus (when only some files were named) the other
        stored ones; never fail the command over the cache, never write through a symlink.
        Nothing is written when the content would be what was read."""
        if not self.plan:
            return
        files = dict(self.fresh) if full_run else {**self.entries, **self.fresh}
        document = {"tool": self.tool, "plan": self.plan, "files": files}
        if document == self.stored:
            return
        folder = self.path.parent
        try:
            folder.mkdir(exist_ok=True)
            if not _safe_folder(folder):
                return
            with contextlib.suppress(FileNotFoundError):
                if not stat.S_ISREG(os.lstat(self.path).st_mode):
                    return  # a symlink, FIFO or folder in its place: leave it alone
            secret = self._secret(create=True)
            if secret is None:
                return
            body = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
            header = b" ".join((MAGIC, str(FORMAT).encode(), _sign(secret, body)))
            ignore = folder / ".gitignore"
            if not os.path.lexists(ignore):
                flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
                handle = os.open(ignore, flags, 0o644)
                try:
                    os.write(handle, b"*\n")
                finally:
                    os.close(handle)
            write_atomic(self.path, header + b"\n" + body)
        except OSError:
            pass
