"""Validation for `kehoach validate`: cached results where nothing changed, a full check
of the rest; the cache is saved only after a run without errors. Importing this module
does not build the pydantic models, so a run where every file hits the cache never pays
for them (nor for the YAML parser, when the plan's bytes did not change either)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kehoach_cli.checks.cache import (
    ValidationCache,
    cache_enabled,
    digest,
    read_checked_bytes,
    tool_fingerprint,
)
from kehoach_cli.diagnostics import Issue, Severity
from kehoach_cli.loading.workspace import ProgressRef, Workspace, select_progress_files


@dataclass
class ValidationOutcome:
    issues: list[Issue]
    files: int
    cache_hits: int = 0


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


def validate(
    workspace: Workspace,
    paths: Iterable[Path] | None = None,
    tool_version: str = "",
    use_cache: bool = True,
    max_workers: int | None = None,
) -> ValidationOutcome:
    chosen = list(paths) if paths is not None else None
    refs, layout_issues = select_progress_files(workspace, chosen)
    plan_bytes = read_checked_bytes(workspace.plan_path)
    cache = None
    if use_cache and plan_bytes is not None and cache_enabled():
        cache = ValidationCache.open(workspace.root, tool_fingerprint(tool_version))

    # The plan's issues come from the cache only for the very bytes they were found in.
    plan_digest = digest(plan_bytes) if plan_bytes is not None else ""
    known_plan = cache.plan_issues(plan_digest) if cache is not None else None
    plan_issues = known_plan[0] if known_plan else None
    index = None
    loaded_plan = False

    def load_plan_now() -> None:
        nonlocal plan_issues, index, loaded_plan
        from kehoach_cli.checks.run import load_plan_keyed
        from kehoach_cli.model.index import PlanIndex

        plan, plan_issues, key = load_plan_keyed(workspace, plan_bytes)
        index = PlanIndex.build(plan) if plan is not None else None
        loaded_plan = True
        if cache is not None:
            cache.set_plan(plan_digest, key, plan_issues)  # other plan data: entries dropped

    if cache is not None and known_plan is None:
        load_plan_now()  # a plan edit: its data decides whether the entries still hold

    issues: list[Issue] = list(layout_issues)
    missed: list[ProgressRef] = []
    hits = 0
    for ref in refs:
        relative = _relative(workspace, ref.path)
        cached = None
        if cache is not None and cache.has(relative):
            data = read_checked_bytes(ref.path)
            if data is not None:
                cached = cache.lookup(relative, digest(data))
        if cached is None:
            missed.append(ref)
        else:
            issues += cached
            hits += 1

    if missed or plan_issues is None:
        from kehoach_cli.checks.run import check_progress_files

        if not loaded_plan:
            load_plan_now()
        checked = check_progress_files(
            missed, index, keep_models=False, max_workers=max_workers, with_digest=True
        )
        for ref, result in zip(missed, checked, strict=True):
            issues += result.issues
            # Keyed by the digest of the bytes the checker parsed: a file that changed
            # after the lookup above is recorded as what was actually checked.
            if cache is not None and result.sha256 is not None:
                cache.store(_relative(workspace, ref.path), result.sha256, result.issues)
    issues += plan_issues or []
    # A run that finds errors leaves the workspace exactly as it was, cache included:
    # bad input must never cause a write. Results read from the cache still count.
    if cache is not None and not any(issue.severity is Severity.ERROR for issue in issues):
        cache.save(full_run=_names_everything(workspace, chosen))
    return ValidationOutcome(sorted(issues, key=Issue.sort_key), 1 + len(refs), hits)
