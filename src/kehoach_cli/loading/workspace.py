"""Where the data lives: find the workspace and list its progress files safely."""

from __future__ import annotations

import errno
import os
import re
from dataclasses import dataclass
from pathlib import Path

from kehoach_cli.diagnostics import Issue, make_issue
from kehoach_cli.os_errors import describe_os_error

PLAN_FILE = Path("data") / "plan.yaml"
PROGRESS_DIR = Path("data") / "progress"
TEMPLATES_DIR = Path("templates")

_YEAR_DIR = re.compile(r"^\d{4}$")
_UNIT_FILE = re.compile(r"^([a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?)\.ya?ml$")
_PERIOD_DIR = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")  # a period id, like a unit id
YAML_SUFFIXES = (".yaml", ".yml")


class WorkspaceNotFound(Exception):
    """No folder holding data/plan.yaml was found; the message is for the user."""


@dataclass(frozen=True)
class Workspace:
    root: Path

    @property
    def plan_path(self) -> Path:
        return self.root / PLAN_FILE

    @property
    def progress_dir(self) -> Path:
        return self.root / PROGRESS_DIR

    @property
    def templates_dir(self) -> Path:
        return self.root / TEMPLATES_DIR

    def progress_path(self, year: int, unit_id: str, period: str | None = None) -> Path:
        """Path of a unit's file (in its period's folder for a period other than the
        year); callers must pass checked ids (model.values.is_unit_id)."""
        if not _UNIT_FILE.match(f"{unit_id}.yaml"):
            raise ValueError(f"mã đơn vị không hợp lệ: {unit_id!r}")
        if period is not None and not _PERIOD_DIR.match(period):
            raise ValueError(f"mã kỳ không hợp lệ: {period!r}")
        folder = self.progress_dir / f"{int(year):04d}"
        return (folder / period if period else folder) / f"{unit_id}.yaml"

    def contains(self, path: Path) -> bool:
        """True when `path`, with symlinks followed, stays inside the workspace."""
        return _inside(path, self.root)

    def holds_data(self, path: Path) -> bool:
        """True when `path`, with symlinks followed, stays inside data/: a plan or a progress
        folder linked anywhere else (the rest of the repository included) is not read."""
        return _inside(path, self.root / "data")


def find_workspace(start: Path, explicit_root: Path | None = None) -> Workspace:
    """The workspace at `explicit_root`, or the nearest folder upward holding data/plan.yaml."""
    if explicit_root is not None:
        root = explicit_root.expanduser()
        if not (root / PLAN_FILE).is_file():
            raise WorkspaceNotFound(
                f"Không thấy {PLAN_FILE.as_posix()} trong thư mục {root}: "
                "--root (hoặc KEHOACH_ROOT) phải trỏ tới thư mục chứa data/plan.yaml."
            )
        return Workspace(root.absolute())
    current = start.absolute()
    for folder in (current, *current.parents):
        if (folder / PLAN_FILE).is_file():
            return Workspace(folder)
    raise WorkspaceNotFound(
        f"Không tìm thấy {PLAN_FILE.as_posix()} trong {current} hay các thư mục cha. "
        "Chạy lệnh trong thư mục dữ liệu, hoặc chỉ rõ bằng --root THƯ_MỤC."
    )


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _link_problem(path: Path) -> Issue | None:
    """A link that cannot be followed (a loop, a missing target) as a located KH001."""
    try:
        path.resolve(strict=True)
    except FileNotFoundError:
        return None  # a dangling link: reading it says so
    except (OSError, RuntimeError) as error:
        reason = (
            describe_os_error(error)
            if isinstance(error, OSError)
            else describe_os_error(OSError(errno.ELOOP, str(error)))
        )
        return make_issue("KH001", path, reason=reason)
    return None


@dataclass(frozen=True)
class ProgressRef:
    """A progress file and what its location says: data/progress/<year>/<unit>.yaml for the
    yearly report, data/progress/<year>/<period>/<unit>.yaml for another period's (the
    plan's reporting.periods say which periods exist; the checks compare)."""

    path: Path
    year: int
    unit: str
    period: str | None = None  # None: the yearly report, straight in the year's folder


def classify_progress_path(workspace: Workspace, path: Path) -> ProgressRef | Issue:
    """Check that `path` sits where a progress file belongs; return its reference or an issue."""
    try:
        relative = path.absolute().relative_to(workspace.progress_dir.absolute())
    except ValueError:
        return make_issue("KH318", path, detail="chỉ nhận data/plan.yaml và data/progress/…")
    parts = relative.parts
    shape_ok = len(parts) == 2 or (len(parts) == 3 and _PERIOD_DIR.match(parts[1]))
    if not shape_ok or not _YEAR_DIR.match(parts[0]):
        return make_issue(
            "KH316",
            path,
            detail=f"'{relative.as_posix()}' không có dạng <năm>/<đơn vị>.yaml hoặc "
            "<năm>/<kỳ>/<đơn vị>.yaml",
        )
    match = _UNIT_FILE.match(parts[-1])
    if not match:
        return make_issue(
            "KH316", path, detail=f"tên tệp '{parts[-1]}' không phải <mã đơn vị>.yaml"
        )
    if path.is_symlink():
        problem = _link_problem(path)
        if problem is not None:
            return problem
        if not workspace.holds_data(path):
            return make_issue("KH317", path, detail=relative.as_posix())
    period = parts[1] if len(parts) == 3 else None
    return ProgressRef(path=path, year=int(parts[0]), unit=match.group(1), period=period)


def list_progress_files(
    workspace: Workspace, years: set[int] | None = None
) -> tuple[list[ProgressRef], list[Issue]]:
    """Every progress file of the workspace (sorted), and issues for misplaced ones.

    Files that are not YAML (README, .gitkeep) and hidden entries are ignored.
    """
    refs: list[ProgressRef] = []
    issues: list[Issue] = []
    base = workspace.progress_dir
    if not base.is_dir():
        return refs, issues
    if not workspace.holds_data(base):  # a link leading outside: nothing in it is read
        return refs, [make_issue("KH317", base, detail="data/progress/")]
    for year_entry in sorted(os.scandir(base), key=lambda entry: entry.name):
        if year_entry.name.startswith("."):
            continue
        year_path = Path(year_entry.path)
        if year_entry.is_symlink() and not workspace.holds_data(year_path):
            issues.append(make_issue("KH317", year_path, detail=f"{year_entry.name}/"))
            continue
        if not year_entry.is_dir():
            if year_path.suffix in YAML_SUFFIXES:
                issues.append(
                    make_issue("KH316", year_path, detail="tệp phải nằm trong thư mục năm")
                )
            continue
        if not _YEAR_DIR.match(year_entry.name):
            issues.append(
                make_issue("KH316", year_path, detail=f"thư mục '{year_entry.name}' không phải năm")
            )
            continue
        if years is not None and int(year_entry.name) not in years:
            continue
        _list_folder(workspace, year_path, refs, issues, period_folders=True)
    return refs, issues


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a link looping on itself is no folder of ours
        return False


def _list_folder(
    workspace: Workspace,
    folder: Path,
    refs: list[ProgressRef],
    issues: list[Issue],
    *,
    period_folders: bool,
) -> None:
    """The progress files of a year's folder (and of its period folders)."""
    by_unit: dict[str, ProgressRef] = {}
    for entry in sorted(os.scandir(folder), key=lambda entry: entry.name):
        entry_path = Path(entry.path)
        if entry.name.startswith("."):
            continue
        is_yaml = entry_path.suffix in YAML_SUFFIXES
        linked_folder = period_folders and entry.is_symlink() and not is_yaml
        if linked_folder and not workspace.holds_data(entry_path):
            issues.append(make_issue("KH317", entry_path, detail=f"{folder.name}/{entry.name}"))
            continue
        if period_folders and not is_yaml and _is_folder(entry):  # data/progress/<year>/<period>/
            _list_folder(workspace, entry_path, refs, issues, period_folders=False)
            continue
        if not is_yaml:
            continue
        ref = classify_progress_path(workspace, entry_path)
        if isinstance(ref, Issue):
            issues.append(ref)
            continue
        previous = by_unit.get(ref.unit)
        if previous is not None:
            issues.append(
                make_issue(
                    "KH315", entry_path, unit=ref.unit, year=ref.year, other=previous.path.name
                )
            )
            continue
        by_unit[ref.unit] = ref
        refs.append(ref)


def select_progress_files(
    workspace: Workspace, paths: list[Path] | None, years: set[int] | None = None
) -> tuple[list[ProgressRef], list[Issue]]:
    """The progress files to check: all of them (or those of `years`), or only `paths`.

    Naming the plan among `paths` selects every file: a changed plan can break any of them.
    """
    plan = workspace.plan_path.resolve()
    if paths is None or any(path.resolve() == plan for path in paths):
        return list_progress_files(workspace, years)
    refs: list[ProgressRef] = []
    issues: list[Issue] = []
    for path in paths:
        ref = classify_progress_path(workspace, path)
        if isinstance(ref, Issue):
            issues.append(ref)
        else:
            refs.append(ref)
    return refs, issues
