"""The document's head: the issuing body's lines, number, place and date, title, whom it
is sent to, the opening sentence, and the draft mark. Pure."""

from __future__ import annotations

from typing import Any

from kehoach_cli import formatting as fmt
from kehoach_cli.facts.labels import SUBMISSION_LABELS
from kehoach_cli.model import kinds
from kehoach_cli.model.citation import plan_citation
from kehoach_cli.model.plan import Plan
from kehoach_cli.report import wording as w
from kehoach_cli.report.header_text import header_name_lines
from kehoach_cli.report.parts.words import Words


def plan_reference(plan: Plan) -> str:
    """'Kế hoạch số 12/KH-UBND'; a plan without its number yet: 'Kế hoạch số …/KH-UBND';
    a plan issued with a decision: 'Kế hoạch ban hành kèm theo Quyết định số …' (never
    'số …' of its own): model/citation.py."""
    return plan_citation(plan.document)


def head(words: Words) -> dict[str, Any]:
    facts, unit, plan = words.facts, words.unit, words.plan
    document, settings = plan.document, plan.reporting.report
    return {
        "year": facts.year,
        "next_year": facts.year + 1,
        "period_label": facts.label,
        "parent_body": _header_lines(
            kinds.unit_parent(unit, document.issuing_body) if unit else document.parent_body or "",
            bold=False,
        ),
        "issuing_body": _header_lines(words.reporter),
        "number": "     ",
        "symbol": kinds.unit_symbol(unit) if unit else settings.symbol,
        "date_line": f"{_place(words)}, {fmt.long_date(words.report_date)}",
        "doc_type": "BÁO CÁO",
        "summary": f"Kết quả thực hiện {words.plan_ref} {facts.label}",
        "addressee_lines": addressee_lines([words.upward] if unit else settings.addressees),
        "opening": (
            f"Thực hiện {plan_citation(document, full=True)} "
            f"về {w.lower_first(document.title)}; {words.reporter} báo cáo kết quả thực hiện "
            f"{facts.label} như sau:"
        ),
        "draft_lines": _draft_lines(words),
    }


def _place(words: Words) -> str:
    """The place of the date line: the unit's own (a commune's report is dated where the
    commune sits, not in the district town), else the plan's."""
    if words.unit is not None:
        return kinds.unit_place(words.unit) or words.plan.document.place
    return words.plan.document.place


def _draft_lines(words: Words) -> list[str]:
    if not words.draft:
        return []
    lines = ["DỰ THẢO — KHÔNG DÙNG ĐỂ KÝ BAN HÀNH"]
    gaps = [
        f"{s.unit.label} ({SUBMISSION_LABELS[s.state.value]})"
        for s in words.facts.submissions
        if not s.counted
    ]
    if gaps:
        lines.append("Thiếu dữ liệu của: " + "; ".join(gaps) + ".")
    return lines


def addressee_lines(names: list[str]) -> list[str]:
    if len(names) == 1:
        return [f"Kính gửi: {names[0]}."]
    return ["Kính gửi:", *recipient_lines(names)]


def recipient_lines(items: list[str]) -> list[str]:
    return [
        f"- {item}{'.' if number == len(items) else ';'}" for number, item in enumerate(items, 1)
    ]


def _header_lines(name: str, bold: bool = True) -> str:
    """A name for the header block, broken into lines that fit; '' stays ''."""
    return header_name_lines(name, bold=bold) if name else ""
