"""From the year's facts to what `kehoach status` shows, and the CI deadline check."""

from __future__ import annotations

from kehoach_cli import formatting as fmt
from kehoach_cli.facts.labels import SUBMISSION_LABELS
from kehoach_cli.facts.model import SubmissionState, YearFacts
from kehoach_cli.model.citation import plan_citation
from kehoach_cli.status.render import StatusOutput
from kehoach_cli.status.views import (
    VIEW_NAMES,
    attention,
    attention_lines,
    build_view,
    deadline_failures,
)


def status_output(
    facts: YearFacts, by: str | None, status: str | None, output_format: str = "table"
) -> StatusOutput:
    notices = []
    if output_format == "csv" and by is None:  # a CSV file holds one table
        notices.append("CSV chỉ chứa một bảng: đang in bảng nhiệm vụ; dùng --by để chọn bảng khác.")
        by = "task"
    if not facts.counted_units:
        years = ", ".join(str(y) for y in facts.years_present) or "chưa có"
        notices.append(
            f"Chưa có báo cáo đã gửi nào cho {facts.label} (các năm có dữ liệu: {years})."
        )
    notices += _indicator_conflicts(facts)
    names = [by] if by else list(VIEW_NAMES)
    found = attention(facts)
    document = facts.plan.document
    sent = len(facts.counted_units)
    heading = (
        f"{plan_citation(document)}, "
        f"{facts.label}: {sent}/{len(facts.submissions)} đơn vị đã gửi báo cáo; "
        f"hạn nộp {fmt.short_date(facts.deadline)}, tính đến {fmt.short_date(facts.as_of)}."
    )
    return StatusOutput(
        views=[build_view(name, facts, status) for name in names],
        heading=heading,
        alerts=attention_lines(found),
        meta={
            "year": facts.year,
            "as_of": facts.as_of,
            "deadline": facts.deadline,
            "units_expected": len(facts.submissions),
            "units_reported": sent,
            "attention": found,
        },
        overview=by is None,
        notices=notices,
    )


def _indicator_conflicts(facts: YearFacts) -> list[str]:
    """Units that reported different values where one is taken: say which and why."""
    lines = []
    for ind in facts.indicators:
        unit = ind.indicator.unit_of_measure
        for year, found in ind.conflicts.items():
            chosen = ind.readings[year]
            values = "; ".join(
                f"{r.unit.label if r.unit else ''}: {fmt.quantity(r.value, unit)}" for r in found
            )
            who = chosen.unit.label if chosen.unit else ""
            lines.append(
                f"Chỉ tiêu '{ind.indicator.name}' năm {year}: các đơn vị báo cáo khác nhau "
                f"({values}); dùng giá trị của {who} (combine: {ind.indicator.combine.value})."
            )
    return lines


def deadline_check(facts: YearFacts) -> tuple[list[str], bool]:
    """Lines for CI and whether the check failed (late, not sent or broken after the
    deadline)."""
    deadline = fmt.short_date(facts.deadline)
    if facts.as_of <= facts.deadline:
        waiting = [s.unit.label for s in facts.submissions if not s.counted]
        days = (facts.deadline - facts.as_of).days
        return [
            f"Hạn nộp báo cáo {facts.label} ({deadline}) chưa qua (còn {days} ngày). "
            f"Chưa gửi: {', '.join(waiting) or 'không'}."
        ], False
    failures = deadline_failures(facts)
    if not failures:
        return [f"Mọi đơn vị đã gửi báo cáo {facts.label} đúng hạn {deadline}."], False
    lines = [f"Hạn nộp báo cáo {facts.label} ({deadline}) đã qua; {len(failures)} đơn vị chưa đạt:"]
    for sub in failures:
        detail = SUBMISSION_LABELS[sub.state.value]
        if sub.state is SubmissionState.LATE and sub.submitted_on:
            detail += f" {sub.days_late} ngày (gửi {fmt.short_date(sub.submitted_on)})"
        elif sub.days_overdue is not None:
            overdue = "" if sub.state is SubmissionState.MISSING else ", quá hạn"
            detail += f"{overdue} {sub.days_overdue} ngày"
        lines.append(f"  - {sub.unit.label} ({sub.unit.id}): {detail}")
    return lines, True


def github_annotations(lines: list[str]) -> list[str]:
    """The deadline check's findings as GitHub Actions annotations (one per unit)."""
    head, *units = lines
    return [f"::error title=Hạn nộp báo cáo::{line.strip(' -')}" for line in units] or [
        f"::notice title=Hạn nộp báo cáo::{head}"
    ]
