"""The final summary report of a plan period (BÁO CÁO tổng kết … giai đoạn 2021–2025),
from facts.summary, in the Decree 30 layout of the other documents.

It says what was reached over the period against each target (indicators: the value of
each year, the last one against the target) and how each task ended (the lead's status of
each year, and the last), then what is left undone. Every number is a fact of the yearly
reports; a year without a report is said to have none, never counted as nothing done.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import Any

from kehoach_cli import formatting as fmt
from kehoach_cli.facts.labels import ASSESSMENT_LABELS, COMPARISON_WORDS
from kehoach_cli.facts.model import IndicatorFacts
from kehoach_cli.facts.summary import PeriodSummary, TaskOverPeriod
from kehoach_cli.model.citation import plan_citation
from kehoach_cli.model.status import STATUS_LABELS, TaskStatus
from kehoach_cli.report import styles
from kehoach_cli.report.blocks import body_rule_mm, closing_block, header_block, title_block
from kehoach_cli.report.docx_layout import TEXT_WIDTH_MM, grid_table, repeat_header
from kehoach_cli.report.header_text import header_name_lines

NONE = "—"  # a cell with nothing reported
BLANK = "     "


@dataclass(frozen=True)
class SummaryOptions:
    report_date: date


def summary_title(summary: PeriodSummary) -> str:
    """'Tổng kết thực hiện Kế hoạch số …/KH-UBND giai đoạn 2021–2025'."""
    return (
        f"Tổng kết thực hiện {plan_citation(summary.plan.document)} "
        f"giai đoạn {summary.start}–{summary.end}"
    )


def render_summary(summary: PeriodSummary, options: SummaryOptions) -> bytes:
    buffer = io.BytesIO()
    build_summary_document(summary, options).save(buffer)
    return buffer.getvalue()


def build_summary_document(summary: PeriodSummary, options: SummaryOptions) -> Any:
    plan = summary.plan
    document, settings = plan.document, plan.reporting.report
    docx = styles.new_document()
    parent = [header_name_lines(document.parent_body, bold=False)] if document.parent_body else []
    issuer = header_name_lines(document.issuing_body)
    header_block(
        docx,
        parent,
        issuer,
        f"Số: {BLANK}/{settings.symbol}",
        f"{document.place}, {fmt.long_date(options.report_date)}",
        body_rule=body_rule_mm(issuer),
    )
    title_block(docx, "BÁO CÁO", [summary_title(summary)])
    for line in _addressee_lines(settings.addressees):
        docx.add_paragraph(line, style=styles.ADDRESSEE)
    _body(docx, opening(summary))
    if not summary.complete:
        _body(docx, gaps_sentence(summary))
    _section(docx, "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")
    _body(docx, indicators_sentence(summary))
    if summary.indicators:
        _indicator_table(docx, summary)
    _section(docx, "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ")
    _body(docx, tasks_sentence(summary))
    _task_table(docx, summary)
    _section(docx, "III. TỒN TẠI, HẠN CHẾ")
    for line in shortcomings(summary):
        _body(docx, line)
    closing = docx.add_paragraph(
        f"Trên đây là báo cáo tổng kết thực hiện {plan_citation(document)} giai đoạn "
        f"{summary.start}–{summary.end} của {document.issuing_body}./.",
        style=styles.BODY,
    )
    closing.paragraph_format.keep_with_next = True
    recipients = list(settings.recipients)
    signer = settings.signer
    signer_lines = [(line.upper(), True) for line in (signer.authority, signer.title) if line]
    signer_lines += [("", False)] * 4 + [(signer.name or "", True)]
    closing_block(docx, _recipient_lines(recipients), signer_lines)
    return docx


# --- sentences (pure: tested on their own) ----------------------------------------------------


def opening(summary: PeriodSummary) -> str:
    document = summary.plan.document
    title = " ".join(document.title.split())
    return (
        f"Thực hiện {plan_citation(document, full=True)} về {title[:1].lower() + title[1:]}; "
        f"{document.issuing_body} báo cáo tổng kết kết quả thực hiện giai đoạn "
        f"{summary.start}–{summary.end} như sau:"
    )


def gaps_sentence(summary: PeriodSummary) -> str:
    """Why the summary is not final: years not reached yet, reports not sent."""
    parts = []
    if summary.years[-1] < summary.end:
        parts.append(
            f"số liệu tính đến ngày {fmt.short_date(summary.as_of)}, giai đoạn chưa kết thúc"
        )
    missing = [s for s in summary.sending if s.sent < s.expected]
    if missing:
        parts.append(
            "chưa đủ báo cáo năm: "
            + "; ".join(f"năm {s.year} có {s.sent}/{s.expected} đơn vị gửi" for s in missing)
        )
    return "Lưu ý: " + "; ".join(parts) + "."


def indicators_sentence(summary: PeriodSummary) -> str:
    indicators = summary.indicators
    if not indicators:
        return "Kế hoạch không đặt chỉ tiêu định lượng."
    counts: dict[str, list[str]] = {}
    for facts in indicators:
        counts.setdefault(facts.assessment, []).append(facts.indicator.name)
    parts = [
        f"{ASSESSMENT_LABELS[key]} {len(names)}/{len(indicators)} chỉ tiêu"
        for key, names in counts.items()
    ]
    return f"Kết quả đến năm {summary.years[-1]}: " + "; ".join(parts) + " (Bảng 1)."


def tasks_sentence(summary: PeriodSummary) -> str:
    tasks = summary.work_tasks
    done = [t for t in tasks if t.last_reported and t.last_reported.status is TaskStatus.DONE]
    cancelled = [
        t for t in tasks if t.last_reported and t.last_reported.status is TaskStatus.CANCELLED
    ]
    silent = [t for t in tasks if t.last_reported is None]
    going = [t for t in tasks if t not in done and t not in cancelled and t not in silent]
    parts = [f"hoàn thành {len(done)} nhiệm vụ"]
    if going:
        parts.append(f"đang thực hiện hoặc chậm {len(going)} nhiệm vụ ({_ids(going)})")
    if cancelled:
        parts.append(f"dừng thực hiện {len(cancelled)} nhiệm vụ ({_ids(cancelled)})")
    if silent:
        parts.append(f"chưa có báo cáo {len(silent)} nhiệm vụ ({_ids(silent)})")
    return (
        f"Trong {len(tasks)} nhiệm vụ của kế hoạch, theo báo cáo năm của đơn vị chủ trì: "
        + "; ".join(parts)
        + " (Bảng 2)."
    )


def shortcomings(summary: PeriodSummary) -> list[str]:
    lines = [
        f"- Nhiệm vụ {t.task.id} ({t.task.label}) chưa hoàn thành: {_last_words(t)}."
        for t in summary.work_tasks
        if not t.finished
    ]
    lines += [
        f"- Chỉ tiêu \u201c{f.indicator.name}\u201d {ASSESSMENT_LABELS[f.assessment]}: "
        f"{_reached(f)}, mục tiêu {_target(f)}."
        for f in summary.indicators
        if f.assessment != "met"
    ]
    return lines or ["- Các nhiệm vụ đã hoàn thành, các chỉ tiêu đều đạt."]


def _ids(tasks: list[TaskOverPeriod]) -> str:
    return ", ".join(t.task.id for t in tasks)


def _last_words(task: TaskOverPeriod) -> str:
    last = task.last_reported
    if last is None or last.status is None:
        return "chưa có báo cáo của đơn vị chủ trì"
    progress = f", {last.progress}%" if last.progress is not None else ""
    return f"báo cáo năm {last.year}: {STATUS_LABELS[last.status.value]}{progress}"


def _target(facts: IndicatorFacts) -> str:
    indicator = facts.indicator
    words = COMPARISON_WORDS[indicator.comparison.value]
    return f"{words} {fmt.quantity(indicator.target, indicator.unit_of_measure)}"


def _reached(facts: IndicatorFacts) -> str:
    if not facts.readings:
        return "chưa có số liệu"
    year = max(facts.readings)
    value = facts.readings[year].value
    return f"năm {year} đạt {fmt.quantity(value, facts.indicator.unit_of_measure)}"


# --- tables ---------------------------------------------------------------------------------


# A year's column holds "2021" in bold and "100" or "13,4" on one line (12 pt, with the
# cells' margins); the unit of measure is said once, beside the indicator's name.
YEAR_MM = 12.5
UNREAD = "…"  # a task with a status but not enough reports to give its progress


def _indicator_table(docx: Any, summary: PeriodSummary) -> None:
    years = [YEAR_MM] * len(summary.years)
    widths = [13.0, 0.0, 24.0, *years, 23.5]
    widths[1] = TEXT_WIDTH_MM - sum(widths)
    headers = ["STT", "Chỉ tiêu", "Mục tiêu", *(str(y) for y in summary.years), "Đánh giá"]
    rows = []
    for number, facts in enumerate(summary.indicators, 1):
        indicator = facts.indicator
        cells = [
            fmt.decimal(facts.readings[y].value) if y in facts.readings else NONE
            for y in summary.years
        ]
        rows.append(
            [
                str(number),
                f"{indicator.name} ({indicator.unit_of_measure})",
                _target(facts),
                *cells,
                ASSESSMENT_LABELS[facts.assessment],
            ]
        )
    span = f"{summary.start}–{summary.end}"
    _caption(docx, f"Bảng 1. Kết quả thực hiện các chỉ tiêu giai đoạn {span}")
    _grid(docx, widths, headers, rows)


def _task_table(docx: Any, summary: PeriodSummary) -> None:
    years = [YEAR_MM] * len(summary.years)
    widths = [15.0, 0.0, 26.0, *years, 21.0]
    widths[1] = TEXT_WIDTH_MM - sum(widths)
    headers = ["TT", "Nhiệm vụ", "Đơn vị chủ trì", *(str(y) for y in summary.years), "Cuối kỳ"]
    rows = []
    for t in summary.tasks:
        # a heading over subtasks has no status of its own: its rows below say it
        cells = ["" if t.heading else _year_cell(y.status, y.progress) for y in t.years]
        last = t.last_reported
        final = (
            ""
            if t.heading
            else (STATUS_LABELS[last.status.value] if last and last.status else "chưa có báo cáo")
        )
        rows.append([t.task.id, t.task.label, t.lead_label or "", *cells, final])
    _caption(docx, "Bảng 2. Tiến độ các nhiệm vụ qua từng năm (%, theo báo cáo của đơn vị chủ trì)")
    _grid(docx, widths, headers, rows)
    if any(c == UNREAD for row in rows for c in row):
        docx.add_paragraph(
            f"{UNREAD}: đơn vị chủ trì chưa gửi đủ báo cáo năm đó để tính tiến độ; "
            f"{NONE}: chưa có báo cáo.",
            style=styles.NOTE,
        )


def _year_cell(status: TaskStatus | None, progress: int | None) -> str:
    if status is None:
        return NONE
    if status is TaskStatus.CANCELLED:
        return "dừng"
    return str(progress) if progress is not None else UNREAD


def _grid(docx: Any, widths: list[float], headers: list[str], rows: list[list[str]]) -> None:
    table = grid_table(docx, widths, rows=1 + len(rows))
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.paragraphs[0].text = text
        cell.paragraphs[0].style = docx.styles[styles.TABLE_HEAD]
    repeat_header(table.rows[0])
    for row, values in zip(table.rows[1:], rows, strict=True):
        for column, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            cell.paragraphs[0].text = text
            style = styles.TABLE_TEXT if column in (1, 2) else styles.TABLE_CENTER
            cell.paragraphs[0].style = docx.styles[style]


# --- paragraphs ------------------------------------------------------------------------------


def _section(docx: Any, text: str) -> None:
    docx.add_paragraph(text, style=styles.SECTION)


def _body(docx: Any, text: str) -> None:
    docx.add_paragraph(text, style=styles.BODY)


def _caption(docx: Any, text: str) -> None:
    docx.add_paragraph(text, style=styles.CAPTION)


def _addressee_lines(names: list[str]) -> list[str]:
    if len(names) == 1:
        return [f"Kính gửi: {names[0]}."]
    return ["Kính gửi:", *_recipient_lines(names)]


def _recipient_lines(items: list[str]) -> list[str]:
    return [f"- {item}{'.' if n == len(items) else ';'}" for n, item in enumerate(items, 1)]
