"""The few things to act on, each with the anchor of its detail on the page.

This is the one place the page asks "what needs doing?": it only words the facts' states
(a unit's submission state and days, a task's `overdue` with the lead's own report as its
evidence, an indicator's assessment); it decides nothing. Anchors are those the sections
give their rows (`anchor_*` below), so a link always lands on the row that shows it.
"""

from __future__ import annotations

from dataclasses import dataclass

from kehoach_cli import formatting as fmt
from kehoach_cli.facts.labels import ASSESSMENT_LABELS
from kehoach_cli.facts.model import SubmissionState, TaskFacts, YearFacts
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


def _unit_actions(facts: YearFacts) -> list[Action]:
    """Units past the deadline without a report that counts (a draft or a broken file
    past the deadline is not a report), then units that sent late."""
    found = []
    passed = facts.as_of > facts.deadline
    for sub in facts.submissions:
        days = (facts.as_of - facts.deadline).days
        overdue = f", quá hạn {sub.days_overdue} ngày" if sub.days_overdue is not None else ""
        if sub.state is SubmissionState.MISSING:
            words = f"chưa gửi báo cáo{overdue}"
        elif sub.state is SubmissionState.DRAFT and passed:
            words = f"mới có bản nháp (chưa ghi ngày gửi), đã qua hạn {days} ngày"
        elif sub.state is SubmissionState.INVALID:
            words = "tệp báo cáo có lỗi, chưa tính được"
        else:
            continue
        found.append(Action("unit", sub.unit.label, words, anchor_unit(sub.unit.id)))
    for sub in facts.submissions:
        if sub.state is SubmissionState.LATE:
            found.append(
                Action(
                    "unit",
                    sub.unit.label,
                    f"gửi muộn {sub.days_late} ngày",
                    anchor_unit(sub.unit.id),
                )
            )
    return found


def evidence(task: TaskFacts) -> str:
    """What the overdue mark rests on: the lead's own report, or that there is none."""
    report = task.lead_report
    if report is not None and task.lead is not None:
        return (
            f"{task.lead.label} báo cáo {STATUS_LABELS[report.status.value]}, "
            f"{fmt.percent(report.progress)}"
        )
    if task.progress is not None and task.progress_base is not None:
        done, total = task.progress_base
        return f"bình quân {fmt.percent(task.progress)} ({done}/{total} phần có báo cáo)"
    return "chưa có báo cáo của đơn vị chủ trì"


def _task_actions(facts: YearFacts) -> list[Action]:
    return [
        Action(
            "task",
            f"Nhiệm vụ {task.task.id} {task.task.label}",
            f"quá thời hạn {fmt.short_date(task.due)} mà chưa hoàn thành ({evidence(task)})",
            anchor_task(task.task.id),
        )
        for task in facts.tasks
        if task.overdue and task.due is not None
    ]


def _indicator_actions(facts: YearFacts) -> list[Action]:
    return [
        Action(
            "indicator",
            f"Chỉ tiêu {ind.indicator.name}",
            ASSESSMENT_LABELS[ind.assessment],
            anchor_indicator(ind.indicator.id),
        )
        for ind in facts.indicators
        if ind.assessment in ("at_risk", "missed")
    ]


def act_on(facts: YearFacts) -> list[Action]:
    """Units (not sent past the deadline, drafts past it included; broken; late), tasks
    overdue with their evidence, indicators at risk or missed."""
    return _unit_actions(facts) + _task_actions(facts) + _indicator_actions(facts)
