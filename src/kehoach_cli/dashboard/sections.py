"""The page's sections after the headline: submissions, tasks, indicators, budget. Each
reads the year's facts and writes markup; nothing here counts or decides a state."""

from __future__ import annotations

from kehoach_cli import formatting as fmt
from kehoach_cli.dashboard import charts
from kehoach_cli.dashboard.actions import anchor_indicator, anchor_task, anchor_unit
from kehoach_cli.dashboard.markup import cell, element, table, text
from kehoach_cli.facts.findings import TaskVerdict
from kehoach_cli.facts.labels import (
    ASSESSMENT_LABELS,
    COMPARISON_WORDS,
    SUBMISSION_LABELS,
    TREND_LABELS,
)
from kehoach_cli.facts.model import IndicatorFacts, TaskFacts, UnitSubmission, YearFacts
from kehoach_cli.model.progress import STATUS_LABELS, TaskStatus

UNKNOWN = "chưa rõ"
NONE = "—"


def section(key: str, title: str, content: str, intro: str = "") -> str:
    heading = element("h2", text(title), id=f"{key}-h")
    lead = element("p", text(intro), class_="intro") if intro else ""
    return element("section", heading + lead + content, id=key, aria_labelledby=f"{key}-h")


def figure(chart: charts.Chart, caption: str, below: str) -> str:
    """A chart with its caption, and the table that holds the same numbers below it."""
    drawing = element("div", chart.svg, class_="chart")
    return element(
        "figure", element("figcaption", text(caption)) + drawing + below, class_="figure"
    )


# ---------------------------------------------------------------- submissions


def _days(sub: UnitSubmission) -> str:
    if sub.days_late is not None:
        return f"muộn {sub.days_late} ngày"
    if sub.days_overdue is not None:
        return f"quá hạn {sub.days_overdue} ngày"
    if sub.days_left is not None:
        return f"còn {sub.days_left} ngày"
    return NONE


def submissions(facts: YearFacts) -> str:
    rows = [
        element(
            "tr",
            cell(text(sub.unit.label), "Đơn vị")
            + cell(text(fmt.short_date(sub.submitted_on) if sub.submitted_on else NONE), "Ngày gửi")
            + cell(
                element("span", text(SUBMISSION_LABELS[sub.state.value]), class_="state"),
                "Tình trạng",
            )
            + cell(text(_days(sub)), "Số ngày"),
            class_=f"sub-{sub.state.value}",
            data_unit=sub.unit.id,
            id=anchor_unit(sub.unit.id),
        )
        for sub in facts.submissions
    ]
    below = table(
        "Ngày gửi báo cáo của từng đơn vị",
        ["Đơn vị", "Ngày gửi", "Tình trạng", "Số ngày"],
        rows,
        class_="data stack",
    )
    caption = (
        f"Ngày gửi so với hạn nộp {fmt.short_date(facts.deadline)} "
        f"(tính đến {fmt.short_date(facts.as_of)})"
    )
    return section(
        "gui-bao-cao",
        "Gửi báo cáo",
        figure(charts.timeline(facts), caption, below),
        "Chỉ báo cáo đã gửi (có ngày gửi, không sau ngày tính) được tính; gửi đúng ngày hạn "
        "là đúng hạn. Đơn vị chưa gửi đứng ở ngày tính.",
    )


# ---------------------------------------------------------------- tasks


def task_state(task: TaskFacts) -> str:
    """The state's words; for a task without one, why (a heading, or no report yet)."""
    if task.status is not None:
        return STATUS_LABELS[task.status.value]
    if task.is_group:
        return "gồm các nhiệm vụ con"
    if task.lead_submission is not None and not task.lead_submission.counted:
        return f"chưa có báo cáo ({SUBMISSION_LABELS[task.lead_submission.value]})"
    return "chưa có báo cáo"


def progress_bar(task: TaskFacts) -> str:
    """A bar with its number beside it; the base of an average; unknown says so."""
    if task.progress is None:
        return element("span", UNKNOWN, class_="unknown")
    tone = {TaskStatus.DONE: "done", TaskStatus.DELAYED: "delayed"}.get(
        task.status or TaskStatus.IN_PROGRESS, "normal"
    )
    fill = element("span", "", style=f"width:{max(0, min(100, task.progress))}%")
    bar = element("span", fill, class_=f"bar bar-{tone}", aria_hidden="true")
    base = f" ({task.progress_base[0]}/{task.progress_base[1]})" if task.progress_base else ""
    number = element("span", text(f"{fmt.percent(task.progress)}{base}"), class_="pct")
    return element("span", bar + number, class_="progress")


def task_marks(task: TaskFacts, verdict: TaskVerdict | None) -> str:
    """Marks from the task's finding (the same verdict the headline and the report word)."""
    marks = []
    due = fmt.short_date(task.due) if task.due else ""
    if verdict is TaskVerdict.OVERDUE:
        marks.append(element("span", text(f"⚠ quá hạn {due}"), class_="mark mark-overdue"))
    elif verdict is TaskVerdict.DUE_PASSED_UNCONFIRMED:
        marks.append(element("span", text(f"⚠ đã qua hạn {due}"), class_="mark mark-overdue"))
    if task.open_difficulties:
        count = len(task.open_difficulties)
        marks.append(element("span", text(f"● {count} vướng mắc"), class_="mark mark-difficulty"))
    return " ".join(marks) or NONE


def _deadline(task: TaskFacts) -> str:
    if task.task.deadline is None:
        return NONE
    written = task.task.deadline.text
    due = task.due
    return (
        f"{written} ({fmt.short_date(due)})" if due and fmt.short_date(due) != written else written
    )


def _empty(content: str) -> str | None:
    """The class of a cell that has nothing to say (a phone leaves it out)."""
    return "empty" if content == NONE else None


def _lead(task: TaskFacts) -> str:
    if task.lead is not None:
        return task.lead.label
    return task.lead_group.name if task.lead_group else NONE


def task_row(task: TaskFacts, verdict: TaskVerdict | None = None) -> str:
    name = element("span", text(f"{task.task.id}. {task.task.label}"), class_="task-name")
    flags = " ".join(
        word
        for word, on in (
            ("overdue", verdict is TaskVerdict.OVERDUE),
            ("heading", task.is_group),
        )
        if on
    )
    return element(
        "tr",
        cell(name, "Nhiệm vụ", class_="task", style=f"--level:{task.level}")
        + cell(text(_lead(task)), "Chủ trì")
        + cell(text(task_state(task)), "Tình trạng")
        + cell(progress_bar(task), "Tiến độ")
        + cell(text(_deadline(task)), "Thời hạn", class_=_empty(_deadline(task)))
        + cell(task_marks(task, verdict), "Lưu ý", class_=_empty(task_marks(task, verdict))),
        data_task=task.task.id,
        id=anchor_task(task.task.id),
        class_=" ".join(
            part
            for part in (f"level-{task.level}", flags, task.status.value if task.status else "")
            if part
        ),
    )


def _verdicts(facts: YearFacts) -> dict[str, TaskVerdict]:
    return {finding.task.id: finding.verdict for finding in facts.judged.tasks}


def tasks(facts: YearFacts) -> str:
    below = table(
        f"Tiến độ các nhiệm vụ năm {facts.year}",
        ["Nhiệm vụ", "Chủ trì", "Tình trạng", "Tiến độ", "Thời hạn", "Lưu ý"],
        [task_row(task, _verdicts(facts).get(task.task.id)) for task in facts.tasks],
        class_="data stack tasks",
    )
    return section(
        "nhiem-vu",
        "Tiến độ nhiệm vụ",
        below,
        "Tình trạng và tiến độ theo báo cáo đã gửi của đơn vị chủ trì; nhiệm vụ có nhiệm vụ "
        "con: bình quân các nhiệm vụ con đã có báo cáo (số có báo cáo/tổng số). ⚠ quá hạn: "
        "báo cáo gửi sau thời hạn vẫn chưa hoàn thành; ⚠ đã qua hạn: chưa xác định được đã "
        "hoàn thành đúng hạn hay chưa; ●: khó khăn, vướng mắc chưa được giải quyết.",
    )


# ---------------------------------------------------------------- indicators


def _indicator_rows(ind: IndicatorFacts) -> list[str]:
    unit = ind.indicator.unit_of_measure
    rows = []
    for year, reading in ind.readings.items():
        who = reading.unit.label if reading.unit else "tổng các đơn vị"
        rows.append(
            element(
                "tr",
                cell(text(year), "Năm")
                + cell(text(fmt.quantity(reading.value, unit)), "Giá trị", class_="num")
                + cell(text(who), "Đơn vị báo cáo")
                + cell(text(reading.source or NONE), "Nguồn"),
                data_year=year,
            )
        )
    return rows


def indicator_summary(ind: IndicatorFacts) -> str:
    plan = ind.indicator
    unit = plan.unit_of_measure
    target = f"{COMPARISON_WORDS[plan.comparison.value]} {fmt.quantity(plan.target, unit)}"
    lines = [
        ("Mục tiêu", f"{target} ({plan.period.in_words})"),
        ("Đánh giá", ASSESSMENT_LABELS[ind.assessment]),
        ("Xu hướng", TREND_LABELS[ind.trend] if ind.trend else NONE),
    ]
    if ind.projection is not None:
        p = ind.projection
        lines.append(
            (
                "Ước tính",
                f"kéo dài mức thay đổi {p.from_year}–{p.to_year} "
                f"({fmt.quantity(fmt.round_half_up(p.slope, 2), unit)}/năm) đến năm "
                f"{p.end_year}: {fmt.quantity(fmt.round_half_up(p.projected, 1), unit)}",
            )
        )
    items = "".join(
        element("div", element("dt", text(k)) + element("dd", text(v))) for k, v in lines
    )
    return element("dl", items, class_="facts", data_assessment=ind.assessment)


def indicators(facts: YearFacts) -> str:
    if not facts.indicators:
        body = element("p", "Kế hoạch không đặt chỉ tiêu định lượng.", class_="calm")
        return section("chi-tieu", "Chỉ tiêu", body)
    parts = []
    for ind in facts.indicators:
        below = indicator_summary(ind) + table(
            f"Giá trị theo năm: {ind.indicator.name}",
            ["Năm", "Giá trị", "Đơn vị báo cáo", "Nguồn"],
            _indicator_rows(ind),
            numeric={1},
            class_="data",
        )
        chart = charts.indicator(ind)
        parts.append(
            element(
                "div",
                figure(chart, ind.indicator.name, below),
                class_="indicator",
                data_indicator=ind.indicator.id,
                id=anchor_indicator(ind.indicator.id),
            )
        )
    return section(
        "chi-tieu",
        "Chỉ tiêu",
        element("div", "".join(parts), class_="grid"),
        "Đường liền: số liệu đã báo cáo; gạch dài: mục tiêu; gạch ngắn: ước tính đến cuối kỳ "
        "bằng cách kéo dài mức thay đổi của hai năm có số liệu gần nhất (không phải số liệu); "
        "đường chấm đứng: năm cuối kỳ.",
    )
