"""How an indicator reads in a task's lines and in Bảng 3: its figure with what it covers
and whether the sum is complete, its target of the same scope, and the finding's
judgment with its reason. Pure."""

from __future__ import annotations

from decimal import Decimal

from kehoach_cli import formatting as fmt
from kehoach_cli.facts.findings import IndicatorFinding, NotJudged
from kehoach_cli.facts.labels import ASSESSMENT_LABELS, COMPARISON_WORDS
from kehoach_cli.facts.model import IndicatorFacts
from kehoach_cli.model.plan import Indicator
from kehoach_cli.report import wording as w
from kehoach_cli.report.parts.words import Words


def indicator_line(words: Words, ind: IndicatorFacts) -> str:
    indicator = ind.indicator
    unit = indicator.unit_of_measure
    year = words.facts.year
    reading = ind.readings.get(year)
    covers = ind.covers.get(year, words.label)
    if reading is None:
        value = f"chưa có số liệu {covers}"
    else:
        value = f"{covers} là {w.quantity(reading.value, unit)}"
        gaps = ind.missing.get(year, [])
        if reading.parts:
            parts = "; ".join(
                f"{r.unit.label if r.unit else ''} {w.quantity(r.value, unit)}"
                for r in reading.parts
            )
            count = len(reading.parts)
            of = f"{count}/{count + len(gaps)}" if gaps else str(count)
            unknown = f"; chưa có số liệu của {', '.join(u.label for u in gaps)}" if gaps else ""
            value += f" (tổng của {of} đơn vị: {parts}{unknown})"
        qualifier = _source_note(reading.source, reading.note)
        if qualifier:
            value += f" ({qualifier})"
        differing = ind.conflicts.get(year)
        if differing and reading.unit:
            others = "; ".join(
                f"{r.unit.label if r.unit else ''} {w.quantity(r.value, unit)}"
                for r in differing
                if r is not reading
            )
            value += f"; các đơn vị khác báo cáo: {others}"
    return (
        f"- Chỉ tiêu {w.lower_first(indicator.name)}: {value}; {_target_words(words, ind)}; "
        f"đánh giá: {assessment_phrase(words, ind)}."
    )


def _scoped_target(words: Words, ind: IndicatorFacts) -> tuple[str, str | None]:
    """(the target the figure is set against, its scope): a unit's own when the plan gives
    one ('own'); the whole plan's, said to be so beside a unit's share ('whole'); else the
    plan's, plainly (None)."""
    indicator, finding = ind.indicator, ind.finding
    if words.unit is not None and words.unit.id in indicator.unit_targets:
        return target(indicator, indicator.unit_targets[words.unit.id]), "own"
    if finding is not None and finding.not_judged is NotJudged.UNIT_SHARE:
        return target(indicator), "whole"
    return target(indicator), None


def _target_words(words: Words, ind: IndicatorFacts) -> str:
    amount, scope = _scoped_target(words, ind)
    head = {"own": "mục tiêu giao cho đơn vị", "whole": "mục tiêu chung của Kế hoạch"}
    return f"{head.get(scope or '', 'mục tiêu')} {amount} {period_words(ind.indicator)}"


def indicator_row(number: int, ind: IndicatorFacts, words: Words) -> dict[str, str]:
    indicator = ind.indicator
    cells = []
    for year, r in ind.readings.items():
        covers = ind.covers.get(year, str(year))
        # a yearly figure is headed by its year alone; a part-year one by what it covers
        head = str(year) if covers == f"năm {year}" else covers
        cell = f"{head}: {w.quantity(r.value, indicator.unit_of_measure)}"
        if _is_preliminary(r.source, r.note):
            cell += " (sơ bộ)"
        gaps = ind.missing.get(year, [])
        if gaps:
            cell += f" (tổng của {len(r.parts)}/{len(r.parts) + len(gaps)} đơn vị, chưa đủ)"
        cells.append(cell)
    return {
        "stt": str(number),
        "name": indicator.name,
        "target": _target_cell(ind, words),
        "actual": "; ".join(cells) or "chưa có số liệu",
        "assessment": _assessment_cell(ind),
    }


def _target_cell(ind: IndicatorFacts, words: Words) -> str:
    """The target the row's verdict is against, with its scope when it is not the plain
    one."""
    amount, scope = _scoped_target(words, ind)
    tail = {"own": ", giao cho đơn vị", "whole": ", toàn Kế hoạch"}.get(scope or "", "")
    return f"{amount} ({ind.indicator.period.span}{tail})"


_REASONS = {
    NotJudged.PART_YEAR: "số liệu {covers}, mục tiêu tính cho {span}",
    NotJudged.UNIT_SHARE: "số liệu của riêng đơn vị; Kế hoạch không giao chỉ tiêu riêng cho đơn vị",
    NotJudged.NOT_LEAD: "số liệu của đơn vị; chỉ tiêu do đơn vị chủ trì nhiệm vụ theo dõi",
    NotJudged.PARTIAL_SUM: "chưa đủ số liệu của các đơn vị",
}


def _reason(words_label: str, ind: IndicatorFacts, finding: IndicatorFinding) -> str:
    assert finding.not_judged is not None
    template = _REASONS.get(finding.not_judged, "")
    return template.format(covers=words_label, span=period_words(ind.indicator))


def assessment_phrase(words: Words, ind: IndicatorFacts) -> str:
    finding = ind.finding
    if finding is not None and finding.not_judged is not None:
        covers = ind.covers.get(words.facts.year, words.label)
        return f"{ASSESSMENT_LABELS['not_judged']} ({_reason(covers, ind, finding)})"
    label = ASSESSMENT_LABELS[ind.assessment]
    p = ind.projection
    if p is None:
        return label
    unit = ind.indicator.unit_of_measure
    step = "điểm phần trăm" if unit == "%" else unit
    change = "tăng" if p.slope > 0 else "giảm" if p.slope < 0 else "không đổi"
    amount = fmt.decimal(fmt.round_half_up(abs(p.slope), 2))
    pace = f"mức {change} bình quân {amount} {step}/năm" if p.slope else "mức không đổi"
    return (
        f"{label.removesuffix(' (ước tính)')} (ước tính: nếu giữ {pace} như {p.from_year} - "
        f"{p.to_year} thì năm {p.end_year} đạt khoảng "
        f"{w.quantity(fmt.round_half_up(p.projected, 1), unit)})"
    )


_SHORT_REASONS = {
    NotJudged.PART_YEAR: "số liệu chưa đủ năm",
    NotJudged.UNIT_SHARE: "phần của đơn vị",
    NotJudged.NOT_LEAD: "số liệu của đơn vị",
    NotJudged.PARTIAL_SUM: "chưa đủ đơn vị",
}


def _assessment_cell(ind: IndicatorFacts) -> str:
    finding = ind.finding
    if finding is not None and finding.not_judged is not None:
        return f"{ASSESSMENT_LABELS['not_judged']} ({_SHORT_REASONS[finding.not_judged]})"
    return ASSESSMENT_LABELS[ind.assessment]


def target(indicator: Indicator, value: Decimal | None = None) -> str:
    """'tối thiểu 52 tổ': the plan's target, or the one given (a unit's own)."""
    amount = indicator.target if value is None else value
    return (
        f"{COMPARISON_WORDS[indicator.comparison.value]} "
        f"{w.quantity(amount, indicator.unit_of_measure)}"
    )


def period_words(indicator: Indicator) -> str:
    start, end = indicator.period.start, indicator.period.end
    return f"năm {start}" if start == end else f"giai đoạn {start} - {end}"


_PRELIMINARY = ("sơ bộ", "ước tính", "ước đạt", "dự kiến")


def _is_preliminary(source: str | None, note: str | None) -> bool:
    text = f"{source or ''} {note or ''}".lower()
    return any(word in text for word in _PRELIMINARY)


def _source_note(source: str | None, note: str | None) -> str:
    """'nguồn: <cơ quan>, số liệu sơ bộ; <ghi chú>' — a source's own bracket becomes a
    comma, so the sentence never has brackets inside brackets."""
    parts = []
    if source:
        cleaned = w.clean(source)
        if cleaned.endswith(")") and "(" in cleaned:
            head, _, inner = cleaned[:-1].partition("(")
            cleaned = f"{head.strip()}, {inner.strip()}"
        parts.append(f"nguồn: {cleaned}")
    if note:
        parts.append(w.lower_first(w.clean(note)).rstrip("."))
    return "; ".join(parts)
