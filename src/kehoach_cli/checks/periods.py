"""A unit's later report of a year does not go back on an earlier one without saying so
(progress going backwards is a warning that names both places). The checks of one file
against the plan's periods are in checks/period_rules.py."""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kehoach_cli.checks.fieldpath import format_field
from kehoach_cli.checks.schema import validate_data
from kehoach_cli.diagnostics import Issue, make_issue
from kehoach_cli.loading.documents import load_yaml_bytes
from kehoach_cli.loading.workspace import ProgressRef
from kehoach_cli.loading.yamlsafe import locate
from kehoach_cli.model.plan import Plan, ReportingPeriod
from kehoach_cli.model.progress import Progress


def period_of(ref: ProgressRef, plan: Plan) -> ReportingPeriod | None:
    """The plan's period a file belongs to by its folder (None: no such period)."""
    for period in plan.reporting.all_periods():
        if (ref.period is None and period.whole_year) or period.id == ref.period:
            return period
    return None


@dataclass(frozen=True)
class _Sent:
    period: ReportingPeriod
    progress: Progress
    data: Any
    path: Path


def progress_going_back(
    refs: list[ProgressRef], plan: Plan, unwritten: dict[Path, bytes] | None = None
) -> list[Issue]:
    """For each unit and year with reports of several periods, a task whose progress is
    lower in a later report than in an earlier one (warning KH321, at the later value).
    `unwritten`: the content of files not on disk yet (a form being imported)."""
    contents = unwritten or {}
    by_unit_year: dict[tuple[str, int], list[ProgressRef]] = defaultdict(list)
    for ref in refs:
        by_unit_year[(ref.unit, ref.year)].append(ref)
    issues: list[Issue] = []
    for group in by_unit_year.values():
        if len(group) < 2:
            continue
        loaded = (_load(ref, plan, contents.get(ref.path)) for ref in group)
        reports = [sent for sent in loaded if sent is not None]
        reports.sort(key=lambda sent: (sent.period.months.last, sent.period.months.first))
        for earlier, later in itertools.pairwise(reports):
            issues += _compare(earlier, later)
    return issues


def _load(ref: ProgressRef, plan: Plan, data: bytes | None) -> _Sent | None:
    period = period_of(ref, plan)
    loaded = load_yaml_bytes(ref.path, data)
    if period is None or not loaded.readable:
        return None
    progress, _ = validate_data(Progress, loaded.data, ref.path)
    return _Sent(period, progress, loaded.data, ref.path) if progress is not None else None


def _compare(earlier: _Sent, later: _Sent) -> list[Issue]:
    issues = []
    for task_id, report in later.progress.tasks.items():
        before = earlier.progress.tasks.get(task_id)
        if before is None or report.progress >= before.progress:
            continue
        loc = ("tasks", task_id, "progress")
        where = locate(earlier.data, loc)
        issues.append(
            make_issue(
                "KH321",
                later.path,
                locate(later.data, loc),
                format_field(loc),
                id=task_id,
                later=report.progress,
                later_period=later.period.name,
                earlier=before.progress,
                earlier_period=earlier.period.name,
                earlier_at=f"{earlier.path.parent.name}/{earlier.path.name}:"
                f"{where.line if where else '?'}",
            )
        )
    return issues
