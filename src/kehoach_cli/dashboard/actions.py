"""The few things to act on, each with the anchor of its detail on the page.

This is the one place the page asks "what needs doing?": it only words the findings
(facts/findings.py), the judgments the report words too: a report owed or late, a task's
verdict with the evidence it rests on, an indicator's assessment; it decides nothing.
Anchors are those the sections give their rows (`anchor_*` below), so a link always
lands on the row that shows it.
"""

from __future__ import annotations

from dataclasses import dataclass

from kehoach_cli import formatting as fmt
from kehoach_cli.facts.findings import Findings, ReportFinding, TaskFinding, TaskVerdict
from kehoach_cli.facts.labels import ASSESSMENT_LABELS, SUBMISSION_LABELS
from kehoach_cli.facts.model import SubmissionState, YearFacts
from kehoach_cli.model.progress import STATUS_LABELS


@dataclass(frozen=True)
class Action:
    """One line of "Cần xử lý": `kind` is unit, task or indicator (worst kinds first);
    `anchor` the id of the row that shows its detail."""

    kind: str
    subject: str
    words: str
    anchor: str


def anchor_unit(unit_id: str) -> str:
    return f"don-vi-{unit_id}"


def anchor_task(task_id: str) -> str:
    return f"nhiem-vu-{task_id}"


def anchor_indicator(indicator_id: str) -> str:
    return f"chi-tieu-{indicator_id}"


def _report_words(report: ReportFinding) -> str | None:
    """What a unit's report needs, from its finding: owed past the deadline (not sent, a
    draft, a file with errors) or sent late; None when nothing."""
    sub = report.submission
    if report.overdue:
        if sub.state is SubmissionState.DRAFT:
            return (
                "mới có bản nháp (chưa ghi ngày gửi), đã qua hạn nộp "
                f"{fmt.short_date(report.deadline)}"
            )
        if sub.state is SubmissionState.INVALID:
            return "tệp báo cáo có lỗi, chưa tính được; đã qua hạn nộp"
        days = f", quá hạn {sub.days_overdue} ngày" if sub.days_overdue is not None else ""
        own = " phần việc của mình" if report.receiver_own else ""
        return f"chưa gửi báo cáo{own}{days}"
    if report.late:
        return f"gửi muộn {sub.days_late} ngày"
    return None


def _unit_actions(findings: Findings) -> list[Action]:
    """Reports owed past the deadline first, then reports sent late."""
    owed = [r for r in findings.reports if r.overdue]
    late = [r for r in findings.reports if r.late]
    found = []
    for report in owed + late:
        words = _report_words(report)
        if words is not None:
            found.append(Action("unit", report.unit.label, words, anchor_unit(report.unit.id)))
    return found


def evidence(finding: TaskFinding) -> str:
    """What the verdict rests on: the lead's report (its state, the day it was sent)."""
    parts = []
    for item in finding.evidence:
        if item.field.endswith(".status") and item.unit is not None:
            parts.append(f"{item.unit.label} báo cáo {STATUS_LABELS.get(item.value, item.value)}")
    sent = f" ngày {fmt.short_date(finding.reported_on)}" if finding.reported_on else ""
    if parts:
        return f"{'; '.join(parts)}{sent}"
    if finding.status is not None:
        return f"báo cáo {STATUS_LABELS[finding.status.value]}{sent}"
    return "theo báo cáo của đơn vị chủ trì"


_TASK_WORDS = {
    TaskVerdict.OVERDUE: "quá thời hạn {due} mà chưa hoàn thành",
    TaskVerdict.DUE_PASSED_UNCONFIRMED: "đã qua thời hạn {due}, chưa xác định được đã hoàn "
    "thành đúng hạn hay chưa",
    TaskVerdict.BEHIND: "chậm tiến độ",
}


def _owed(finding: TaskFinding) -> str:
    """A task whose lead(s) owe their report: who, and what they have instead."""
    owing = [
        f"{unit.label} ({SUBMISSION_LABELS[state.value]})"
        for unit, state in finding.lead_states
        if state is not SubmissionState.PENDING
    ]
    partly = " phần việc" if finding.verdict is TaskVerdict.PARTLY_REPORTED else ""
    return f"chưa có báo cáo{partly} của đơn vị chủ trì: {', '.join(owing)}"


def _task_action(finding: TaskFinding, words: str) -> Action:
    return Action(
        "task",
        f"Nhiệm vụ {finding.task.id} {finding.task.label}",
        words,
        anchor_task(finding.task.id),
    )


def _task_actions(findings: Findings) -> list[Action]:
    """Overdue, due date passed unconfirmed, behind (with the report each rests on), then
    tasks whose lead owes its report — the report's shortcomings, in its order."""
    found = []
    for verdict in _TASK_WORDS:
        for finding in findings.judged_tasks:
            if finding.verdict is verdict:
                due = fmt.short_date(finding.due) if finding.due else ""
                words = f"{_TASK_WORDS[verdict].format(due=due)} ({evidence(finding)})"
                found.append(_task_action(finding, words))
    found += [_task_action(f, _owed(f)) for f in findings.judged_tasks if f.lead_owes_report]
    return found


def _indicator_actions(facts: YearFacts) -> list[Action]:
    return [
        Action(
            "indicator",
            f"Chỉ tiêu {ind.indicator.name}",
            ASSESSMENT_LABELS[ind.finding.assessment],
            anchor_indicator(ind.indicator.id),
        )
        for ind in facts.indicators
        if ind.finding is not None and ind.finding.shortcoming
    ]


def act_on(facts: YearFacts) -> list[Action]:
    """From the findings (facts/findings.py), the same the report words: reports owed past
    the deadline (drafts and broken files included) or sent late, tasks overdue (with the
    report they rest on), behind or past their due date unconfirmed, indicators at risk or
    missed."""
    findings = facts.judged
    return _unit_actions(findings) + _task_actions(findings) + _indicator_actions(facts)
