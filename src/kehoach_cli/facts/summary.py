"""The facts of a whole plan period (giai đoạn 2021–2025), for the final summary report
(báo cáo tổng kết): what each year's reports said of each task, what each indicator
reached against its target, and who reported each year.

Each year is the yearly facts of that year (facts.compute), computed once and read here;
nothing is recomputed differently for the summary. A year not reached yet (after the
as-of day) is left out, so a summary written before the period ends says how far it got.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kehoach_cli.checks.run import load_plan
from kehoach_cli.errors import UsageProblem
from kehoach_cli.facts.compute import year_facts
from kehoach_cli.facts.loading import PlanUnusable, load_year
from kehoach_cli.facts.model import IndicatorFacts, YearFacts
from kehoach_cli.loading.workspace import Workspace
from kehoach_cli.model.plan import Plan, Task
from kehoach_cli.model.status import TaskStatus

_FINISHED = (TaskStatus.DONE, TaskStatus.CANCELLED)


@dataclass(frozen=True)
class TaskYear:
    """What the lead's yearly report said of a task (status None: no report counted)."""

    year: int
    status: TaskStatus | None
    progress: int | None


@dataclass(frozen=True)
class TaskOverPeriod:
    task: Task
    level: int  # 1 for a top task, 2 for its subtasks, …
    heading: bool  # a task that only groups subtasks: its years are its subtasks'
    lead_name: str | None  # the unit's or the group's name
    lead_label: str | None  # the same, short (the unit's short name) for tables
    years: tuple[TaskYear, ...]  # every year of the period reached, in order

    @property
    def last_reported(self) -> TaskYear | None:
        """The latest year whose report said something of the task."""
        return next((y for y in reversed(self.years) if y.status is not None), None)

    @property
    def done_in(self) -> int | None:
        """The first year reported done (None: never)."""
        return next((y.year for y in self.years if y.status is TaskStatus.DONE), None)

    @property
    def finished(self) -> bool:
        last = self.last_reported
        return last is not None and last.status in _FINISHED


@dataclass(frozen=True)
class YearSending:
    year: int
    sent: int  # units whose yearly report counts
    expected: int


@dataclass(frozen=True)
class PeriodSummary:
    plan: Plan
    start: int
    end: int
    as_of: date
    years: tuple[int, ...]  # the years of the period reached by `as_of`
    sending: tuple[YearSending, ...]
    tasks: tuple[TaskOverPeriod, ...]  # plan order
    indicators: tuple[IndicatorFacts, ...]  # as judged in the last year reached

    @property
    def complete(self) -> bool:
        """The whole period is reached and every unit sent its yearly report each year."""
        return self.years == tuple(range(self.start, self.end + 1)) and all(
            s.sent == s.expected for s in self.sending
        )

    @property
    def work_tasks(self) -> tuple[TaskOverPeriod, ...]:
        """The tasks that are work, not headings over subtasks."""
        return tuple(t for t in self.tasks if not t.heading)


def period_summary(workspace: Workspace, as_of: date) -> PeriodSummary:
    """The summary of the plan's period as of `as_of`; a usage problem when the plan
    states no period or the period has not begun."""
    plan, issues = load_plan(workspace)
    if plan is None:
        raise PlanUnusable([issue for issue in issues if issue.is_error])
    if plan.period is None:
        raise UsageProblem(
            "kế hoạch không ghi thời gian thực hiện ('period' trong data/plan.yaml), nên "
            "không có giai đoạn để tổng kết. Ví dụ: period: {start: 2021, end: 2025}."
        )
    start, end = plan.period.start, plan.period.end
    years = tuple(range(start, min(end, as_of.year) + 1))
    if not years:
        raise UsageProblem(
            f"giai đoạn {plan.period.span} chưa bắt đầu tính đến ngày "
            f"{as_of:%d/%m/%Y}: chưa có gì để tổng kết."
        )
    by_year = {year: year_facts(load_year(workspace, year, as_of)) for year in years}
    final = by_year[years[-1]]
    return PeriodSummary(
        plan=plan,
        start=start,
        end=end,
        as_of=as_of,
        years=years,
        sending=tuple(
            YearSending(year, len(f.counted_units), len(f.submissions))
            for year, f in by_year.items()
        ),
        tasks=tuple(_task_over_period(final, by_year, t.task.id) for t in final.tasks),
        indicators=tuple(final.indicators),
    )


def _task_over_period(
    final: YearFacts, by_year: dict[int, YearFacts], task_id: str
) -> TaskOverPeriod:
    last = final.task(task_id)
    years = []
    for year, facts in by_year.items():
        that_year = facts.task(task_id)
        reported = that_year.lead_report is not None or bool(that_year.lead_reports)
        status = that_year.status if reported or that_year.is_group else None
        years.append(TaskYear(year, status, that_year.progress if status is not None else None))
    return TaskOverPeriod(
        task=last.task,
        level=last.level,
        heading=last.is_group,
        lead_name=last.lead_name,
        lead_label=last.lead.label if last.lead else last.lead_name,
        years=tuple(years),
    )
