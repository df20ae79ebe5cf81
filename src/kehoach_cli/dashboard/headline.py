"""The top of the page: the numbers a director reads first, and what needs attention."""

from __future__ import annotations

from dataclasses import dataclass

from kehoach_cli import formatting as fmt
from kehoach_cli.dashboard.markup import element, text
from kehoach_cli.facts.labels import ASSESSMENT_LABELS
from kehoach_cli.facts.model import SubmissionState, YearFacts
from kehoach_cli.model.progress import TaskStatus

ATTENTION_SHOWN = 6  # lines; the rest is counted ("… và 4 việc khác")


@dataclass(frozen=True)
class Figure:
    """One headline number: `key` names it for tests and styles, `tone` is its signal
    (ok, warn, bad, info), always with a word, never by colour alone."""

    key: str
    label: str
    value: str
    note: str
    tone: str


def counts(facts: YearFacts) -> dict[str, int]:
    """How many units are in each state, as the headline counts them."""
    states = [sub.state for sub in facts.submissions]
    return {
        "expected": len(states),
        "reported": sum(state.counted for state in states),
        "on_time": states.count(SubmissionState.ON_TIME),
        "late": states.count(SubmissionState.LATE),
        "not_sent": states.count(SubmissionState.PENDING) + states.count(SubmissionState.MISSING),
        "overdue": states.count(SubmissionState.MISSING),
        "draft_or_broken": states.count(SubmissionState.DRAFT)
        + states.count(SubmissionState.INVALID),
    }


def deadline_words(facts: YearFacts) -> tuple[str, str]:
    """(value, note) for the deadline card: days left, today, or days since."""
    days = (facts.deadline - facts.as_of).days
    if days > 0:
        return f"{days} ngày", "còn lại đến hạn"
    if days == 0:
        return "hôm nay", "là ngày hạn nộp"
    return f"{-days} ngày", "đã qua hạn"


def figures(facts: YearFacts) -> list[Figure]:
    found = counts(facts)
    expected = found["expected"]
    passed = facts.as_of > facts.deadline
    value, note = deadline_words(facts)
    return [
        Figure(
            "reported",
            "Đã gửi báo cáo",
            f"{found['reported']}/{expected}",
            "đơn vị",
            "ok" if found["reported"] == expected else "info",
        ),
        Figure("on_time", "Đúng hạn", str(found["on_time"]), "đơn vị", "ok"),
        Figure("late", "Gửi muộn", str(found["late"]), "đơn vị", "warn" if found["late"] else "ok"),
        Figure(
            "not_sent",
            "Chưa gửi",
            str(found["not_sent"]),
            "đơn vị, đã quá hạn" if passed and found["not_sent"] else "đơn vị",
            "bad" if passed and found["not_sent"] else "info" if found["not_sent"] else "ok",
        ),
        Figure(
            "draft_or_broken",
            "Bản nháp, tệp lỗi",
            str(found["draft_or_broken"]),
            "không được tính",
            "warn" if found["draft_or_broken"] else "ok",
        ),
        Figure(
            "deadline",
            f"Hạn nộp {fmt.short_date(facts.deadline)}",
            value,
            note,
            "bad" if passed and found["not_sent"] else "info",
        ),
    ]


SYMBOLS = {"ok": "✓", "warn": "!", "bad": "✗", "info": "i"}


def figure_markup(figure: Figure) -> str:
    symbol = element("span", SYMBOLS[figure.tone], class_="symbol", aria_hidden="true")
    return element(
        "div",
        element("dt", symbol + text(figure.label))
        + element("dd", text(figure.value), class_="value")
        + element("dd", text(figure.note), class_="note"),
        class_=f"card tone-{figure.tone}",
        data_key=figure.key,
    )


def attention(facts: YearFacts) -> list[str]:
    """What needs doing, worst first: units late or not sent after the deadline, tasks
    overdue or delayed, indicators at risk, open difficulties."""
    lines = []
    for sub in facts.submissions:
        if sub.state is SubmissionState.MISSING:
            days = f" {sub.days_overdue} ngày" if sub.days_overdue is not None else ""
            lines.append(f"{sub.unit.label}: chưa gửi báo cáo, quá hạn{days}.")
        elif sub.state is SubmissionState.INVALID:
            lines.append(f"{sub.unit.label}: tệp báo cáo có lỗi, chưa tính được.")
    for task in facts.tasks:
        if task.overdue and task.due is not None:
            lines.append(
                f"Nhiệm vụ {task.task.id} {task.task.label}: quá hạn "
                f"{fmt.short_date(task.due)} mà chưa hoàn thành."
            )
        elif task.status is TaskStatus.DELAYED:
            lines.append(f"Nhiệm vụ {task.task.id} {task.task.label}: chậm tiến độ.")
    for ind in facts.indicators:
        if ind.assessment in ("at_risk", "missed"):
            lines.append(f"Chỉ tiêu {ind.indicator.name}: {ASSESSMENT_LABELS[ind.assessment]}.")
    for sub in facts.submissions:
        if sub.state is SubmissionState.LATE:
            lines.append(f"{sub.unit.label}: gửi muộn {sub.days_late} ngày.")
    if facts.difficulties:
        lines.append(f"{len(facts.difficulties)} khó khăn, vướng mắc chưa được giải quyết.")
    return lines


def headline(facts: YearFacts) -> str:
    cards = element("dl", "".join(figure_markup(f) for f in figures(facts)), class_="cards")
    found = attention(facts)
    shown = found[:ATTENTION_SHOWN]
    if len(found) > ATTENTION_SHOWN:
        shown.append(f"… và {len(found) - ATTENTION_SHOWN} việc khác (xem các mục dưới).")
    if shown:
        items = "".join(element("li", text(line)) for line in shown)
        notes = element("h3", "Cần chú ý") + element("ul", items, class_="attention")
    elif facts.complete:
        notes = element("p", "Không có việc quá hạn hay chậm tiến độ.", class_="calm")
    else:  # silence about units that have not sent is not good news
        waiting = len(facts.uncounted)
        notes = element(
            "p",
            text(
                "Trong các báo cáo đã gửi không có việc quá hạn hay chậm tiến độ; "
                f"còn {waiting} đơn vị chưa có báo cáo được tính."
            ),
            class_="calm",
        )
    return element(
        "section",
        element("h2", "Tổng quan", id="tong-quan-h") + cards + notes,
        id="tong-quan",
        aria_labelledby="tong-quan-h",
    )
