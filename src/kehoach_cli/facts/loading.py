"""The one path from a workspace to a year's data: used by status, report, the overview,
template check and the tests. Files with errors are kept aside with their located issues,
never silently dropped."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kehoach_cli.checks.plan_view import PlanView
from kehoach_cli.checks.run import check_progress_files, load_plan
from kehoach_cli.diagnostics import Issue
from kehoach_cli.errors import DataProblem, UsageProblem, shortened
from kehoach_cli.loading.workspace import Workspace, list_progress_files
from kehoach_cli.model.index import PlanIndex
from kehoach_cli.model.plan import Combine, Plan, ReportingPeriod
from kehoach_cli.model.progress import Progress


class PlanUnusable(DataProblem):
    """The plan has errors: nothing can be computed; `issues` says where."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__("data/plan.yaml có lỗi; sửa rồi chạy lại.")
        self.issues = issues


@dataclass(frozen=True)
class BrokenFile:
    """A progress file of the year that cannot be used: its errors, located."""

    path: Path
    unit: str | None
    issues: list[Issue]

    @property
    def first_error(self) -> str:
        return self.issues[0].message if self.issues else "không đọc được"


@dataclass
class YearData:
    plan: Plan
    index: PlanIndex
    year: int
    as_of: date
    period: ReportingPeriod
    # unit id → that unit's file for `year`, when it has no errors (drafts included:
    # the facts decide what counts)
    files: dict[str, Progress]
    # (year, unit) → every error-free file read for indicator histories, `year` included
    history: dict[tuple[int, str], Progress]
    broken: list[BrokenFile] = field(default_factory=list)
    years_present: set[int] = field(default_factory=set)

    @property
    def deadline(self) -> date:
        return self.period.deadline.in_year(self.year)

    @property
    def period_label(self) -> str:
        """'năm 2024', '6 tháng đầu năm 2024', 'quý I năm 2024'."""
        return period_words(self.period.name, self.year)

    def years_with_data(self) -> list[int]:
        return sorted(self.years_present)


def load_year(
    workspace: Workspace, year: int, as_of: date, period_id: str | None = None
) -> YearData:
    """The plan, one period's progress files of the year (the yearly report by default),
    and the same period's files of other years from the units that report indicators (for
    trends). Reading only these keeps status and report fast in a workspace of many years."""
    plan, plan_issues = load_plan(workspace)
    if plan is None:
        raise PlanUnusable([issue for issue in plan_issues if issue.is_error])
    period = plan.reporting.period(period_id)
    if period is None:
        known = ", ".join(p.id for p in plan.reporting.all_periods())
        raise UsageProblem(
            f"kế hoạch không có kỳ báo cáo '{shortened(period_id)}'. Các kỳ: {known}."
        )
    index = PlanIndex.build(plan)
    refs, layout_issues = list_progress_files(workspace)
    folder = None if period.whole_year else period.id
    refs = [ref for ref in refs if ref.period == folder]
    reporters = _indicator_reporters(index)
    wanted = [ref for ref in refs if ref.year == year or ref.unit in reporters]
    data = YearData(
        plan, index, year, as_of, period, {}, {}, years_present={ref.year for ref in refs}
    )
    for checked in check_progress_files(wanted, PlanView.from_index(index)):
        errors = [issue for issue in checked.issues if issue.is_error]
        if errors or checked.progress is None:
            if checked.ref.year == year:
                data.broken.append(BrokenFile(checked.ref.path, checked.ref.unit, errors))
            continue
        data.history[(checked.ref.year, checked.ref.unit)] = checked.progress
        if checked.ref.year == year:
            data.files[checked.ref.unit] = checked.progress
    misplaced: dict[Path, list[Issue]] = defaultdict(list)
    for issue in layout_issues:
        if issue.is_error and issue.file is not None:
            misplaced[issue.file].append(issue)
    data.broken += [BrokenFile(path, None, issues) for path, issues in misplaced.items()]
    return data


def _indicator_reporters(index: PlanIndex) -> set[str]:
    """Units whose other years matter: the leads of the tasks that own indicators, and
    every unit when an indicator adds up or compares several units' values."""
    if any(indicator.combine is not Combine.LEAD for indicator in index.plan.indicators):
        return {unit.id for unit in index.reporting_units}
    return {
        lead for indicator in index.plan.indicators for lead in index.leads.get(indicator.task, [])
    }


def period_words(name: str, year: int) -> str:
    """A period's name with its year, as Vietnamese says it: 'năm 2024', '6 tháng đầu năm
    2024', 'quý I năm 2024'; a name that already has a year is left as written."""
    if re.search(r"\b\d{4}\b", name):
        return name
    return f"{name} {year}" if name.endswith("năm") else f"{name} năm {year}"
