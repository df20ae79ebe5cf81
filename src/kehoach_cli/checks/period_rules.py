"""A progress file against the plan's years and reporting periods: its year is one of the
plan's, its folder is one of its periods, what it says was done falls within the period.
Read from the plan's view (checks/plan_view.py), without pydantic."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kehoach_cli.checks.fieldpath import format_field
from kehoach_cli.checks.plan_view import PlanView
from kehoach_cli.diagnostics import Issue, make_issue
from kehoach_cli.loading.workspace import ProgressRef
from kehoach_cli.loading.yamlsafe import locate

if TYPE_CHECKING:
    from kehoach_cli.checks.progress_reader import AnyActivity, AnyDifficulty, AnyProgress


def period_issues(
    progress: AnyProgress, data: Any, ref: ProgressRef, plan: PlanView
) -> list[Issue]:
    """The file's year is in the plan's period; its period exists; what it says was done
    falls within the period."""
    outside = []
    if not plan.has_year(ref.year):
        where_year = locate(data, ("year",))
        outside = [
            make_issue("KH323", ref.path, where_year, "year", year=ref.year, span=plan.years_span)
        ]
    period = plan.period_of(ref.period)
    if period is None:
        known = ", ".join("thư mục năm" if p.whole_year else f"{p.id}/" for p in plan.periods)
        where = f"kỳ '{ref.period}'" if ref.period else "kỳ báo cáo năm (thư mục năm)"
        return [*outside, make_issue("KH322", ref.path, where=where, known=known)]
    if period.whole_year:
        return outside  # the dates within the year are checked by KH307
    end = period.end(ref.year)
    issues = list(outside)
    for task_id, report in progress.tasks.items():
        activities: Sequence[AnyActivity | None] = report.activities
        difficulties: Sequence[AnyDifficulty | None] = report.difficulties
        dated = [
            (("tasks", task_id, "activities", n, "finished_on"), a.finished_on)
            for n, a in enumerate(activities)
            if a is not None
        ]
        dated += [
            (("tasks", task_id, "difficulties", n, "raised_on"), d.raised_on)
            for n, d in enumerate(difficulties)
            if d is not None
        ]
        for loc, day in dated:
            if day is not None and day > end:
                issues.append(
                    make_issue(
                        "KH320",
                        ref.path,
                        locate(data, loc),
                        format_field(loc),
                        value=f"{day:%d/%m/%Y}",
                        period=f"{period.name} {ref.year}",
                        end=f"{end:%d/%m/%Y}",
                    )
                )
    return issues
