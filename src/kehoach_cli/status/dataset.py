"""The data a status view needs: the plan, the usable progress files, what was skipped."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kehoach_cli.checks.run import check_progress_files, load_plan
from kehoach_cli.diagnostics import Issue
from kehoach_cli.loading.workspace import Workspace, list_progress_files
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
    # every year that has progress files, valid or not
    years_present: set[int] = field(default_factory=set)

    @property
    def deadline(self) -> date:
        rule = self.plan.reporting.deadline
        return date(self.year, rule.month, rule.day)

    def years_with_data(self) -> list[int]:
        return sorted(self.years_present | {year for year, _ in self.all_years})


def load_status_data(workspace: Workspace, year: int, as_of: date) -> StatusData:
    """The year's progress files, and the other years' files of the units that report
    indicators (for trends). Files with errors are skipped and counted, never fatal.

    Reading only these keeps status and report fast in a workspace of many years.
    """
    plan, plan_issues = load_plan(workspace)
    if plan is None:
        raise PlanUnusable([issue for issue in plan_issues if issue.is_error])
    index = PlanIndex.build(plan)
    refs, layout_issues = list_progress_files(workspace)
    owners = {
        index.tasks[indicator.task].lead
        for indicator in plan.indicators
        if indicator.task in index.tasks and index.tasks[indicator.task].lead
    }
    wanted = [ref for ref in refs if ref.year == year or ref.unit in owners]
    data = StatusData(plan, index, year, as_of, {}, {}, years_present={ref.year for ref in refs})
    for checked in check_progress_files(wanted, index):
        errors = [issue for issue in checked.issues if issue.is_error]
        if errors or checked.progress is None:
            reason = errors[0].message if errors else "không đọc được"
            if checked.ref.year == year:
                data.skipped.append(SkippedFile(checked.ref.path, len(errors), reason))
                data.invalid_units.add(checked.ref.unit)
            continue
        data.all_years[(checked.ref.year, checked.ref.unit)] = checked.progress
        if checked.ref.year == year:
            data.progress[checked.ref.unit] = checked.progress
    misplaced = Counter(issue.file for issue in layout_issues if issue.is_error)
    for path, count in misplaced.items():
        if path is not None:
            data.skipped.append(SkippedFile(path, count, "tệp đặt sai chỗ"))
    return data
