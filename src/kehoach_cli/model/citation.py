"""How every document cites the plan: "Kế hoạch số 12/KH-UBND ngày 15 tháng 3 năm 2024 của
UBND tỉnh …", or for a plan issued with a decision (most commune and district plans) "Kế
hoạch ban hành kèm theo Quyết định số 45/QĐ-UBND ngày … của Ủy ban nhân dân xã …".

One function, used by the report, the unit reports, status, the dashboard and the rendered
plan, so that no document cites a number the plan does not have: a plan issued with a
decision is never "Kế hoạch số …"."""

from __future__ import annotations

from datetime import date

from kehoach_cli import formatting as fmt
from kehoach_cli.model.plan import Document, PartialDate

# The blank a văn thư fills in by hand when the plan's own number is not known yet.
NUMBER_BLANK = "…"


def date_words(day: PartialDate) -> str:
    """'ngày 15 tháng 3 năm 2024', 'tháng 3 năm 2024' or 'năm 2024': as much as is known."""
    if day.month and day.day:
        return fmt.long_date(date(day.year, day.month, day.day))
    if day.month:
        return (
            f"tháng {day.month:02d} năm {day.year}"
            if day.month < 3
            else (f"tháng {day.month} năm {day.year}")
        )
    return f"năm {day.year}"


def decision_citation(document: Document, *, full: bool = True) -> str | None:
    """'Quyết định số 45/QĐ-UBND ngày 15 tháng 3 năm 2025 của Ủy ban nhân dân xã …' for a
    plan issued with a decision (None otherwise); short, 'Quyết định số 45/QĐ-UBND' — the
    number identifies it. A decision without a number is cited by its date (and issuer),
    never as 'số …'."""
    decision = document.issued_with
    if decision is None:
        return None
    words = [decision.type[:1].upper() + decision.type[1:]]
    if decision.number:
        words.append(
            f"số {decision.number}/{decision.symbol}"
            if decision.symbol
            else f"số {decision.number}"
        )
    if full or not decision.number:
        words.append(date_words(decision.date or document.date))
    if full:
        words.append(f"của {decision.issuer or document.issuing_body}")
    return " ".join(words)


def plan_citation(document: Document, *, full: bool = False) -> str:
    """The plan as a sentence names it. Short: 'Kế hoạch số 12/KH-UBND' (the blank '…'
    where its own number is still to be written), 'Kế hoạch ban hành kèm theo Quyết định số
    45/QĐ-UBND'. Full: with the date and the issuer, as the opening sentence of a report
    cites it: 'Kế hoạch số 12/KH-UBND ngày … của …'. A short citation stays short so that
    what follows it ('năm 2025 của …') is not read as part of the decision."""
    kind = document.type.capitalize()
    decision = decision_citation(document, full=full)
    if decision is not None:
        return f"{kind} ban hành kèm theo {decision}"
    ref = f"{kind} số {document.number or NUMBER_BLANK}/{document.symbol}"
    if full:
        ref += f" {date_words(document.date)} của {document.issuing_body}"
    return ref


def issued_with_line(document: Document) -> str | None:
    """The line under the title of the rendered plan: '(Ban hành kèm theo Quyết định số …
    ngày … của …)'; None for a plan with its own number."""
    decision = decision_citation(document)
    return None if decision is None else f"(Ban hành kèm theo {decision})"
