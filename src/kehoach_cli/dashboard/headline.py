"""The top of the page: the numbers a director reads first, and what needs attention."""

from __future__ import annotations

from kehoach_cli import formatting as fmt
from kehoach_cli.dashboard.actions import act_on
from kehoach_cli.dashboard.markup import element, text
from kehoach_cli.dashboard.pace import Previous, pace_figures
from kehoach_cli.dashboard.tiles import Figure, figure_markup
from kehoach_cli.facts.model import SubmissionState, YearFacts

ATTENTION_SHOWN = 8  # lines; the rest is counted ("… và 4 việc khác")


def counts(facts: YearFacts) -> dict[str, int]:
    """How many units are in each state, as the headline counts them. 'Chưa gửi' is every
    unit without a report that counts (drafts and broken files too), as the report says."""
    states = [sub.state for sub in facts.submissions]
    return {
        "expected": len(states),
        "reported": sum(state.counted for state in states),
        "on_time": states.count(SubmissionState.ON_TIME),
        "late": states.count(SubmissionState.LATE),
        "not_sent": sum(not state.counted for state in states),
        "overdue": states.count(SubmissionState.MISSING),
        "draft": states.count(SubmissionState.DRAFT),
        "broken": states.count(SubmissionState.INVALID),
    }


def deadline_words(facts: YearFacts) -> tuple[str, str]:
    """(value, note) for the deadline card: days left, today, or days since."""
    days = (facts.deadline - facts.as_of).days
    if days > 0:
        return f"{days} ngày", "còn lại đến hạn"
    if days == 0:
        return "hôm nay", "là ngày hạn nộp"
    return f"{-days} ngày", "đã qua hạn"


def _not_sent_note(found: dict[str, int], passed: bool) -> str:
    parts = [
        f"{found[key]} {word}"
        for key, word in (("draft", "bản nháp"), ("broken", "tệp có lỗi"))
        if found[key]
    ]
    note = "đơn vị, đã quá hạn" if passed and found["not_sent"] else "đơn vị"
    return f"{note} (trong đó {', '.join(parts)})" if parts else note


def report_figures(facts: YearFacts) -> list[Figure]:
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
            _not_sent_note(found, passed),
            "bad" if passed and found["not_sent"] else "info" if found["not_sent"] else "ok",
        ),
        Figure(
            "deadline",
            f"Hạn nộp {fmt.short_date(facts.deadline)}",
            value,
            note,
            "bad" if passed and found["not_sent"] else "info",
        ),
    ]


def figures(facts: YearFacts, previous: Previous | None = None) -> list[Figure]:
    """The plan against time first (progress, time gone, money, change), then reports."""
    return pace_figures(facts, previous) + report_figures(facts)


def attention_markup(facts: YearFacts) -> str:
    found = act_on(facts)
    shown = found[:ATTENTION_SHOWN]
    if shown:
        items = "".join(
            element(
                "li",
                element("a", text(action.subject), href=f"#{action.anchor}")
                + text(f": {action.words}."),
                data_kind=action.kind,
            )
            for action in shown
        )
        rest = len(found) - len(shown)
        more = (
            element("p", text(f"… và {rest} việc khác (xem các mục dưới)."), class_="calm")
            if rest
            else ""
        )
        return element("h3", "Cần xử lý") + element("ul", items, class_="attention") + more
    if facts.complete:
        return element("p", "Không có việc quá hạn hay chậm tiến độ.", class_="calm")
    # silence about units that have not sent is not good news
    waiting = len(facts.uncounted)
    return element(
        "p",
        text(
            "Trong các báo cáo đã gửi không có việc quá hạn hay chậm tiến độ; "
            f"còn {waiting} đơn vị chưa có báo cáo được tính."
        ),
        class_="calm",
    )


def headline(facts: YearFacts, previous: Previous | None = None) -> str:
    pace = element(
        "dl", "".join(figure_markup(f) for f in pace_figures(facts, previous)), class_="cards pace"
    )
    reports = element(
        "dl", "".join(figure_markup(f) for f in report_figures(facts)), class_="cards reports"
    )
    return element(
        "section",
        element("h2", "Tổng quan", id="tong-quan-h")
        + pace
        + attention_markup(facts)
        + element("h3", text(f"Báo cáo {facts.label or f'năm {facts.year}'}"))
        + reports,
        id="tong-quan",
        aria_labelledby="tong-quan-h",
    )
