"""The data a status view needs: the plan, the usable progress files, what was skipped."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kehoach_cli.checks.run import check_workspace
from kehoach_cli.diagnostics import Issue
from kehoach_cli.loading.workspace import Workspace
from kehoach_cli.model.index import PlanIndex
from kehoach_cli.model.plan import Plan
from kehoach_cli.model.progress import Progress


class PlanUnusable(Exception):
    """The plan has errors: nothing can be computed; `issues` says why."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__("kế hoạch có lỗi")
        self.issues = issues


@dataclass(frozen=True)
class SkippedFile:
    path: Path
    errors: int
    first_error: str


@dataclass
class StatusData:
    plan: Plan
    index: PlanIndex
    year: int
    as_of: date
    # unit id → that unit's file for `year` (only files without errors)
    progress: dict[str, Progress]
    # every usable file of every year, for indicator trends: (year, unit) → progress
    all_years: dict[tuple[int, str], Progress]
    # units with a file for `year` that has errors (so it is neither usable nor missing)
    invalid_units: set[str] = field(default_factory=set)
    skipped: list[SkippedFile] = field(default_factory=list)

    @property
    def deadline(self) -> date:
        rule = self.plan.reporting.deadline
        return date(self.year, rule.month, rule.day)

    def years_with_data(self) -> list[int]:
        return sorted({year for year, _ in self.all_years})


def load_status_data(workspace: Workspace, year: int, as_of: date) -> StatusData:
    """Everything usable in the workspace; files with errors are skipped and counted."""
    result = check_workspace(workspace)
    if result.plan is None or result.index is None:
        raise PlanUnusable([issue for issue in result.plan_issues if issue.is_error])
    data = StatusData(result.plan, result.index, year, as_of, {}, {})
    for checked in result.progress:
        errors = [issue for issue in checked.issues if issue.is_error]
        if errors or checked.progress is None:
            data.skipped.append(SkippedFile(checked.ref.path, len(errors), errors[0].message))
            if checked.ref.year == year:
                data.invalid_units.add(checked.ref.unit)
            continue
        data.all_years[(checked.ref.year, checked.ref.unit)] = checked.progress
        if checked.ref.year == year:
            data.progress[checked.ref.unit] = checked.progress
    misplaced = Counter(issue.file for issue in result.other_issues if issue.is_error)
    for path, count in misplaced.items():
        if path is not None:
            data.skipped.append(SkippedFile(path, count, "tệp đặt sai chỗ"))
    return data
