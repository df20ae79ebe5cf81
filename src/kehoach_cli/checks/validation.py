"""Validation for `kehoach validate`: cached results where nothing changed, a full check
of the rest; the cache is saved only after a run without errors. Importing this module
does not build the pydantic models, so a run where every file hits the cache never pays
for them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kehoach_cli.checks.cache import ValidationCache, digest
from kehoach_cli.diagnostics import Issue, Severity
from kehoach_cli.loading.text import MAX_FILE_BYTES
from kehoach_cli.loading.workspace import ProgressRef, Workspace, select_progress_files

PLAN_KEY = "data/plan.yaml"


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


def _read_for_digest(path: Path) -> bytes | None:
    """Bytes to hash, or None when the file is unreadable or too big (no caching then)."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
            return None
        return path.read_bytes()
    except OSError:
        return None


def validate(
    workspace: Workspace,
    paths: Iterable[Path] | None = None,
    tool_version: str = "",
    use_cache: bool = True,
    max_workers: int | None = None,
) -> ValidationOutcome:
    plan_path = workspace.plan_path
    refs, layout_issues = select_progress_files(
        workspace, list(paths) if paths is not None else None
    )

    plan_bytes = _read_for_digest(plan_path)
    cache = None
    if use_cache and plan_bytes is not None:
        cache = ValidationCache.open(workspace.root, tool_version, plan_bytes)

    issues: list[Issue] = list(layout_issues)
    missed: list[tuple[ProgressRef, str | None]] = []
    hits = 0
    plan_issues = cache.lookup(PLAN_KEY, digest(plan_bytes)) if cache and plan_bytes else None
    for ref in refs:
        data = _read_for_digest(ref.path) if cache is not None else None
        file_digest = digest(data) if data is not None else None
        cached = (
            cache.lookup(_relative(workspace, ref.path), file_digest)
            if cache and file_digest
            else None
        )
        if cached is None:
            missed.append((ref, file_digest))
        else:
            issues += cached
            hits += 1

    if plan_issues is None or missed:
        from kehoach_cli.checks.run import check_progress_files, load_plan
        from kehoach_cli.model.index import PlanIndex

        plan, fresh_plan_issues = load_plan(workspace)
        plan_issues = fresh_plan_issues
        index = PlanIndex.build(plan) if plan is not None else None
        checked = check_progress_files(
            [ref for ref, _ in missed], index, keep_models=False, max_workers=max_workers
        )
        for (ref, file_digest), result in zip(missed, checked, strict=True):
            issues += result.issues
            if cache is not None and file_digest is not None:
                cache.store(_relative(workspace, ref.path), file_digest, result.issues)
        if cache is not None and plan_bytes is not None:
            cache.store(PLAN_KEY, digest(plan_bytes), plan_issues)
    issues += plan_issues
    # A run that finds errors leaves the workspace exactly as it was, cache included:
    # bad input must never cause a write. Results read from the cache still count.
    if cache is not None and not any(issue.severity is Severity.ERROR for issue in issues):
        cache.save()
    return ValidationOutcome(sorted(issues, key=Issue.sort_key), 1 + len(refs), hits)
