"""Validation for `kehoach validate`: cached results where nothing changed, a full check
of the rest; the cache is saved only after a run without errors. Importing this module
does not build the pydantic models, so a run where every file hits the cache never pays
for them (nor for the YAML parser, when the plan's bytes did not change either)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kehoach_cli.checks.cache import (
    ValidationCache,
    cache_enabled,
    digest,
    read_checked_bytes,
    tool_fingerprint,
)
from kehoach_cli.checks.plan_view import PlanView
from kehoach_cli.diagnostics import Issue, Severity
from kehoach_cli.loading.workspace import ProgressRef, Workspace, select_progress_files


@dataclass
class ValidationOutcome:
    issues: list[Issue]
    files: int
    cache_hits: int = 0
    cache_note: str | None = None  # why the cache was not used (an untrusted secret)


def _relative(workspace: Workspace, path: Path) -> str:
    try:
        return path.absolute().relative_to(workspace.root).as_posix()
    except ValueError:
        return path.as_posix()


def _names_everything(workspace: Workspace, paths: list[Path] | None) -> bool:
    """A full run (no paths, or the plan among them): select_progress_files lists all."""
    if paths is None:
        return True
    plan = workspace.plan_path.resolve()
    return any(path.resolve() == plan for path in paths)


@dataclass
class _PlanState:
    """The plan's issues and index, loaded only when something has to be checked."""

    workspace: Workspace
    data: bytes | None  # the bytes hashed for the cache (None: unreadable, no cache)
    cache: ValidationCache | None
    issues: list[Issue] | None = None
    index: Any = None
    view: PlanView | None = None
    loaded: bool = False

    def load(self) -> None:
        from kehoach_cli.checks.run import load_plan_keyed
        from kehoach_cli.model.index import PlanIndex

        plan, self.issues, key = load_plan_keyed(self.workspace, self.data)
        self.index = PlanIndex.build(plan) if plan is not None else None
        self.view = PlanView.from_index(self.index) if self.index is not None else None
        self.loaded = True
        if self.cache is not None and self.data is not None:
            # other plan data: set_plan drops the progress entries
            view = self.view.to_json() if self.view is not None else None
            self.cache.set_plan(digest(self.data), key, self.issues, view)


def _cached(
    workspace: Workspace, cache: ValidationCache | None, refs: list[ProgressRef], today: date
) -> tuple[list[Issue], list[ProgressRef], int]:
    """Issues of the files whose bytes the cache knows (and whose answer holds `today`);
    the files still to check."""
    issues: list[Issue] = []
    missed: list[ProgressRef] = []
    for ref in refs:
        relative = _relative(workspace, ref.path)
        cached = None
        if cache is not None and cache.has(relative):
            data = read_checked_bytes(ref.path)
            if data is not None:
                cached = cache.lookup(relative, digest(data), today)
        if cached is None:
            missed.append(ref)
        else:
            issues += cached
    return issues, missed, len(refs) - len(missed)


def _across_periods(refs: list[ProgressRef], plan: _PlanState) -> list[Issue]:
    """A unit's reports of several periods of a year, compared (only where a plan has
    periods other than the year, and a unit has several files of a year among `refs`:
    nothing to compare otherwise)."""
    if not any(ref.period for ref in refs):
        return []
    if len({(ref.unit, ref.year) for ref in refs}) == len(refs):
        return []
    from kehoach_cli.checks.periods import progress_going_back

    if not plan.loaded:
        plan.load()
    return progress_going_back(refs, plan.index.plan) if plan.index is not None else []


# Above this many changed files the models and the process pool are faster: the reader
# checks ~3.5 ms a file in one process, the pool ~2.3 ms after ~0.3 s of models and start
# (1 200-file corpus, 2 cores: 120 changed files 0.78 s against 0.99 s; all 1 200, 4.3 s
# against 3.0 s).
FAST_READ_MAX_FILES = 200


def _check_without_models(
    workspace: Workspace,
    cache: ValidationCache,
    plan_bytes: bytes,
    refs: list[ProgressRef],
    today: date,
) -> tuple[list[Issue], list[ProgressRef]]:
    """The plan is unchanged and its view is in the cache: check the progress files that
    the fast reader can read (checks/progress_reader.py) with the same rules, without the
    models; give their issues and the files left for the models."""
    stored = cache.plan_view(digest(plan_bytes))
    view = PlanView.from_json(stored) if stored is not None else None
    if view is None:
        return [], refs
    from kehoach_cli.checks.progress_reader import read_progress
    from kehoach_cli.checks.progress_rules import check_progress
    from kehoach_cli.loading.documents import load_yaml_bytes

    issues: list[Issue] = []
    left: list[ProgressRef] = []
    for ref in refs:
        data = read_checked_bytes(ref.path)
        loaded = load_yaml_bytes(ref.path, data) if data is not None else None
        record = read_progress(loaded.data) if loaded and loaded.readable else None
        if data is None or loaded is None or loaded.issues or record is None:
            left.append(ref)  # unreadable, a duplicate key, or not certainly valid
            continue
        found = check_progress(record, loaded.data, ref, view, today=today)
        issues += found
        cache.store(_relative(workspace, ref.path), digest(data), found, record.submitted_on, today)
    return issues, left


def _check_with_models(
    workspace: Workspace,
    plan: _PlanState,
    refs: list[ProgressRef],
    max_workers: int | None,
    today: date,
) -> list[Issue]:
    """Check `refs` through the models (on several cores when there are many), the plan
    loaded first; their issues, recorded in the cache."""
    from kehoach_cli.checks.run import check_progress_files

    if not plan.loaded:
        plan.load()
    checked = check_progress_files(
        refs, plan.view, keep_models=False, max_workers=max_workers, with_digest=True, today=today
    )
    issues: list[Issue] = []
    for ref, result in zip(refs, checked, strict=True):
        issues += result.issues
        # Keyed by the digest of the bytes the checker parsed: a file that changed after
        # the lookup in the cache is recorded as what was actually checked.
        if plan.cache is not None and result.sha256 is not None:
            relative = _relative(workspace, ref.path)
            plan.cache.store(relative, result.sha256, result.issues, result.submitted_on, today)
    return issues


def validate(
    workspace: Workspace,
    paths: Iterable[Path] | None = None,
    tool_version: str = "",
    use_cache: bool = True,
    max_workers: int | None = None,
    today: date | None = None,
) -> ValidationOutcome:
    """`today` (None: the machine's date, as `--as-of` of status and report defaults to)
    is the day a submitted_on must not be after (KH324)."""
    today = date.today() if today is None else today
    chosen = list(paths) if paths is not None else None
    refs, layout_issues = select_progress_files(workspace, chosen)
    plan_bytes = read_checked_bytes(workspace.plan_path)
    cache = None
    if use_cache and plan_bytes is not None and cache_enabled():
        cache = ValidationCache.open(workspace.root, tool_fingerprint(tool_version))
    plan = _PlanState(workspace, plan_bytes, cache)
    if cache is not None and plan_bytes is not None:
        # The plan's issues come from the cache only for the very bytes they were found in;
        # after a plan edit its data decides whether the progress entries still hold.
        known = cache.plan_issues(digest(plan_bytes))
        if known is None:
            plan.load()
        else:
            plan.issues = known[0]

    cached_issues, missed, hits = _cached(workspace, cache, refs, today)
    issues = [*layout_issues, *cached_issues]
    if (
        cache is not None
        and plan_bytes is not None
        and not plan.loaded  # the plan's bytes are the cache's: its view may be there
        and 0 < len(missed) <= FAST_READ_MAX_FILES
    ):
        found, missed = _check_without_models(workspace, cache, plan_bytes, missed, today)
        issues += found
    if missed or plan.issues is None:
        issues += _check_with_models(workspace, plan, missed, max_workers, today)
    issues += plan.issues or []
    issues += _across_periods(refs, plan)
    # A run that finds errors leaves the workspace exactly as it was, cache included:
    # bad input must never cause a write. Results read from the cache still count.
    if cache is not None and not any(issue.severity is Severity.ERROR for issue in issues):
        cache.save(full_run=_names_everything(workspace, chosen))
    return ValidationOutcome(
        sorted(issues, key=Issue.sort_key),
        1 + len(refs),
        hits,
        cache.note if cache is not None else None,
    )
