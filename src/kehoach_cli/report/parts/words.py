"""What every part of the report reads: the facts, the findings and who writes to whom,
plus the small phrases several parts share. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kehoach_cli import formatting as fmt
from kehoach_cli.facts.findings import Findings, TaskFinding
from kehoach_cli.facts.model import (
    Attributed,
    SubmissionState,
    TaskFacts,
    UnitSubmission,
    YearFacts,
)
from kehoach_cli.model.index import PlanIndex
from kehoach_cli.model.plan import Plan, Task, Unit
from kehoach_cli.model.progress import STATUS_LABELS, TaskReport, TaskStatus
from kehoach_cli.report import wording as w

NBSP = "\u00a0"


@dataclass(frozen=True)
class Words:
    facts: YearFacts
    findings: Findings
    plan: Plan
    index: PlanIndex
    unit: Unit | None  # a unit's own report; None: the consolidated one
    receiver: Unit
    plan_ref: str  # "Kế hoạch số 12/KH-UBND"
    report_date: date
    draft: bool

    @property
    def reporter(self) -> str:
        return self.unit.name if self.unit else self.plan.document.issuing_body

    @property
    def receiver_own(self) -> bool:
        """The receiving unit's own report: it sends nothing to itself."""
        return self.unit is not None and self.unit.id == self.receiver.id

    @property
    def upward(self) -> str:
        """Where a unit's own report goes: the receiving unit, or for the receiving unit
        itself, the plan's issuer."""
        return self.plan.document.issuing_body if self.receiver_own else self.receiver.name

    @property
    def label(self) -> str:
        return self.facts.label

    def own_report(self, t: TaskFacts) -> TaskReport | None:
        """The report the row speaks of: the lead's (consolidated) or the unit's own."""
        if self.unit is None:
            return t.lead_report
        return next((c.report for c in t.contributions if c.unit.id == self.unit.id), None)

    def finding(self, t: TaskFacts) -> TaskFinding:
        return self.findings.task(t.task.id)

    def progress_phrase(self, report: TaskReport) -> str:
        """'đang thực hiện, đạt 60% kế hoạch năm' in a yearly report. A part-year report's
        progress is not a share of the year's plan, and 'not started' has no percentage."""
        status = STATUS_LABELS[report.status.value]
        if report.status is TaskStatus.NOT_STARTED and report.progress == 0:
            return status
        if self.facts.part_year:
            return f"{status}, tiến độ {report.progress}%"
        return f"{status}, đạt {report.progress}% kế hoạch năm"


def state_note(sub: UnitSubmission) -> str:
    if sub.state is SubmissionState.DRAFT:
        return " (đang soạn, chưa gửi)"
    if sub.state is SubmissionState.INVALID:
        return " (tệp báo cáo có lỗi)"
    return ""


def days_note(sub: UnitSubmission) -> str:
    if sub.days_overdue is not None:
        if sub.state in (SubmissionState.DRAFT, SubmissionState.INVALID):
            return f", quá hạn {sub.days_overdue} ngày"
        return f" {sub.days_overdue} ngày"
    if sub.days_left == 0:
        return " (hôm nay là hạn nộp)"
    if sub.days_left is not None:
        return f" (còn {sub.days_left} ngày đến hạn)"
    return ""


def attributed(item: Attributed, *, with_unit: bool) -> str:
    """'- text (unit, nhiệm vụ 2.1).' with the text's own final stop moved after it."""
    text = w.clean(item.text).rstrip(".;")
    source = (
        f"{item.unit.label}, nhiệm vụ {item.task_id}" if with_unit else f"nhiệm vụ {item.task_id}"
    )
    return f"- {text} ({source})."


def ids(tasks: list[Task]) -> str:
    return "; ".join(f"{t.id} ({t.label})" for t in tasks)


def short_date(day: date | None) -> str:
    return fmt.short_date(day) if day else "—"
