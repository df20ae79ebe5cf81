"""Check a whole workspace (or some of its files) and gather every issue of the run."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kehoach_cli.checks.cache import digest, plan_data_key, read_checked_bytes
from kehoach_cli.checks.plan_rules import check_plan
from kehoach_cli.checks.plan_view import PlanView
from kehoach_cli.checks.progress_rules import check_progress
from kehoach_cli.checks.salvage import salvage_progress
from kehoach_cli.checks.schema import validate_data
from kehoach_cli.diagnostics import Issue, make_issue
from kehoach_cli.loading.documents import load_yaml_bytes
from kehoach_cli.loading.workspace import ProgressRef, Workspace, select_progress_files
from kehoach_cli.model.index import PlanIndex
from kehoach_cli.model.plan import Plan
from kehoach_cli.model.progress import Progress


@dataclass
class CheckedProgress:
    ref: ProgressRef
    progress: Progress | None
    issues: list[Issue]
    # sha256 of the exact bytes that were parsed (asked for by validate's cache); None when
    # not asked, or when the file could not be read whole (not regular, too big, error)
    sha256: str | None = None
    # the file's valid submitted_on, kept when `progress` is not (the cache needs it: the
    # answer of the date rule KH324 holds only on one side of that date)
    submitted_on: date | None = None

    @property
    def has_errors(self) -> bool:
        return any(issue.is_error for issue in self.issues)


@dataclass
class CheckResult:
    workspace: Workspace
    plan: Plan | None
    index: PlanIndex | None
    plan_issues: list[Issue] = field(default_factory=list)
    progress: list[CheckedProgress] = field(default_factory=list)
    other_issues: list[Issue] = field(default_factory=list)

    @property
    def issues(self) -> list[Issue]:
        every = [*self.plan_issues, *self.other_issues]
        for checked in self.progress:
            every += checked.issues
        return sorted(every, key=Issue.sort_key)

    @property
    def files_checked(self) -> int:
        return 1 + len(self.progress)

    def usable_progress(self, year: int | None = None) -> list[Progress]:
        """Progress models without errors (warnings allowed), optionally for one year."""
        return [
            checked.progress
            for checked in self.progress
            if checked.progress is not None
            and not checked.has_errors
            and (year is None or checked.ref.year == year)
        ]


def load_plan(workspace: Workspace) -> tuple[Plan | None, list[Issue]]:
    plan, issues, _ = load_plan_keyed(workspace)
    return plan, issues


def load_plan_keyed(
    workspace: Workspace, data: bytes | None = None
) -> tuple[Plan | None, list[Issue], str]:
    """The plan (None when it has errors), its issues, and the key of what progress checks
    read from it (checks/cache.plan_data_key), from `data` when given (validate's cache
    hashed exactly these bytes) or from the file."""
    if not workspace.holds_data(workspace.plan_path):  # a link leading outside: never read
        issue = make_issue("KH317", workspace.plan_path, detail="data/plan.yaml")
        return None, [issue], plan_data_key(None, usable=False)
    loaded = load_yaml_bytes(workspace.plan_path, data)
    if not loaded.readable:
        return None, loaded.issues, plan_data_key(None, usable=False)
    plan, issues = validate_data(Plan, loaded.data, workspace.plan_path)
    issues = loaded.issues + issues
    if plan is not None:
        issues += check_plan(plan, loaded.data, workspace.plan_path)
    if any(issue.is_error for issue in issues):
        return None, issues, plan_data_key(None, usable=False)
    return plan, issues, plan_data_key(loaded.data, usable=True)


def check_progress_file(
    ref: ProgressRef,
    plan: PlanView | None,
    keep_model: bool = True,
    *,
    with_digest: bool = False,
    today: date | None = None,
) -> CheckedProgress:
    """Load and check one progress file. Without `keep_model` only the issues are kept
    (what validate needs; cheaper to send back from a worker process). With `with_digest`
    the result carries the sha256 of the bytes that were parsed, for the cache. With
    `today`, a submitted_on after it is reported (KH324)."""
    data = read_checked_bytes(ref.path)
    checked = check_progress_bytes(ref, plan, data, today=today)
    if with_digest and data is not None:
        checked.sha256 = digest(data)
    if not keep_model:
        checked.progress = None
    return checked


def check_progress_bytes(
    ref: ProgressRef, plan: PlanView | None, data: bytes | None, *, today: date | None = None
) -> CheckedProgress:
    """Check a progress file's bytes as validate does (`data` None: read the file) — for
    content not written yet, such as a form being imported."""
    loaded = load_yaml_bytes(ref.path, data)
    if not loaded.readable:
        return CheckedProgress(ref, None, loaded.issues)
    progress, issues = validate_data(Progress, loaded.data, ref.path)
    issues = loaded.issues + issues
    submitted_on = None
    if progress is not None:
        issues += check_progress(progress, loaded.data, ref, plan, today=today)
        submitted_on = progress.submitted_on
    else:
        partial = salvage_progress(loaded.data)
        if partial is not None:
            present = [key for key in loaded.data.get("tasks") or {} if isinstance(key, str)]
            rule_issues = check_progress(partial, loaded.data, ref, plan, present, today=today)
            flagged = {(issue.position, issue.field) for issue in issues}
            issues += [i for i in rule_issues if (i.position, i.field) not in flagged]
            submitted_on = partial.submitted_on
    return CheckedProgress(ref, progress, issues, submitted_on=submitted_on)


# Below this many files one process is faster than starting workers.
PARALLEL_MIN_FILES = 48


def _check_chunk(
    job: tuple[list[ProgressRef], PlanView | None, bool, bool, date | None],
) -> list[CheckedProgress]:
    refs, plan, keep_models, with_digest, today = job
    return [
        check_progress_file(ref, plan, keep_models, with_digest=with_digest, today=today)
        for ref in refs
    ]


def configured_workers() -> int | None:
    """KEHOACH_WORKERS: 1 (or 0) keeps every command in one process; N > 1 allows N
    workers, also where the pool is off by default; unset or not a number: automatic."""
    setting = os.environ.get("KEHOACH_WORKERS", "").strip()
    return int(setting) if setting.isdigit() else None


def _worker_count(files: int, max_workers: int | None = None, keep_models: bool = False) -> int:
    """How many processes to check `files` files with.

    The pool pays only when the workers send back issues (validate: 0.5-0.65x the time
    on 2 free cores); sending whole models back (status, report) leaves it at break-even
    (0.89-1.09x one process in benchmarks/run.py, "pool" rows) for more CPU, below what
    a pool must save to be worth it there (a fifth of the time, POOL_PAYS), so that is
    done only when KEHOACH_WORKERS asks."""
    if max_workers is None:
        max_workers = configured_workers()
    if files < PARALLEL_MIN_FILES:
        return 1
    if max_workers is not None and max_workers <= 1:
        return 1
    if keep_models and max_workers is None:
        return 1
    import multiprocessing  # only where a pool may start: ~5 ms of every one-file run

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    limit = max_workers if max_workers is not None else 8
    return max(1, min(cpus, limit, files // (PARALLEL_MIN_FILES // 2)))


def check_progress_files(
    refs: list[ProgressRef],
    plan: PlanView | None,
    keep_models: bool = True,
    max_workers: int | None = None,
    *,
    with_digest: bool = False,
    today: date | None = None,
) -> list[CheckedProgress]:
    """Check files in order; with `keep_models=False` on several cores when there are many.

    `max_workers` None means KEHOACH_WORKERS, else automatic. Workers are forked (they
    inherit the loaded code and models); where fork is not available, or a pool cannot be
    started, the files are checked in this process. `today`: see check_progress_file
    (status and report leave it out: they judge as of --as-of, and read no warnings).
    """
    workers = _worker_count(len(refs), max_workers, keep_models)
    if workers > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor  # only when it pays
        from concurrent.futures.process import BrokenProcessPool

        size = -(-len(refs) // (workers * 4))
        jobs = [
            (refs[i : i + size], plan, keep_models, with_digest, today)
            for i in range(0, len(refs), size)
        ]
        try:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                return [checked for chunk in pool.map(_check_chunk, jobs) for checked in chunk]
        except (OSError, BrokenProcessPool):
            pass
    return [
        check_progress_file(ref, plan, keep_models, with_digest=with_digest, today=today)
        for ref in refs
    ]


def check_workspace(
    workspace: Workspace,
    paths: Iterable[Path] | None = None,
    years: set[int] | None = None,
    keep_models: bool = True,
    today: date | None = None,
) -> CheckResult:
    """Check the plan and the progress files (all, those of `years`, or only `paths`), as
    validate does: the date rule (KH324) against `today` (None: the machine's date).

    The plan is always loaded: progress files are judged against it. When it has errors,
    progress files still get their own checks, without the cross-file ones. When `paths`
    names the plan itself, every progress file is checked.
    """
    plan, plan_issues = load_plan(workspace)
    index = PlanIndex.build(plan) if plan is not None else None
    result = CheckResult(workspace, plan, index, plan_issues)
    refs, result.other_issues = select_progress_files(
        workspace, list(paths) if paths is not None else None, years
    )
    view = PlanView.from_index(index) if index is not None else None
    result.progress = check_progress_files(
        refs, view, keep_models, today=date.today() if today is None else today
    )
    if plan is not None and any(ref.period for ref in refs):
        from kehoach_cli.checks.periods import progress_going_back

        result.other_issues += progress_going_back(refs, plan)
    return result
