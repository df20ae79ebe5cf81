"""IV. PHƯƠNG HƯỚNG, NHIỆM VỤ and V. ĐỀ XUẤT, KIẾN NGHỊ. The units' own words, attributed;
what the report adds is worded from findings: at the plan's end it says what remains
instead of promising to go on; it forwards only the proposals its addressee can act on."""

from __future__ import annotations

from kehoach_cli.facts.findings import Proposal
from kehoach_cli.report.parts.words import Words, attributed, ids


def next_lines(words: Words) -> list[str]:
    gathered = [attributed(i, with_unit=not words.unit) for i in words.facts.next_year]
    if words.findings.plan_ends:
        return [_what_remains(words), *gathered]
    return gathered or ["- Tiếp tục thực hiện các nhiệm vụ được giao theo Kế hoạch."]


def _what_remains(words: Words) -> str:
    """The plan's last report: no promise past its period, the tasks left undone (or not
    reported done) named."""
    period = words.plan.period
    assert period is not None
    remaining = words.findings.remaining_tasks
    head = f"- Kế hoạch kết thúc năm {period.end}"
    if not remaining:
        mine = "phần việc chủ trì của đơn vị" if words.unit else "các nhiệm vụ"
        return f"{head}; {mine} đã hoàn thành."
    return (
        f"{head}; còn {len(remaining)} nhiệm vụ chưa được báo cáo hoàn thành: "
        f"{ids([t.task for t in remaining])}."
    )


def proposal_lines(words: Words) -> list[str]:
    findings = words.findings
    forwarded = [_line(words, p) for p in findings.forwarded_proposals]
    own = findings.own_proposals
    kept = []
    if own:
        reporter = words.reporter
        kept.append(
            f"- {len(own)} kiến nghị của các đơn vị gửi {reporter} hoặc các đơn vị thực hiện "
            f"Kế hoạch do {reporter} xem xét, giải quyết theo thẩm quyền, không nêu tại báo "
            "cáo này."
        )
    if forwarded or kept:
        return forwarded + kept
    if words.facts.complete:
        return ["- Không có đề xuất, kiến nghị."]
    return ["- Các báo cáo đã gửi không có đề xuất, kiến nghị."]


def _line(words: Words, proposal: Proposal) -> str:
    return attributed(proposal.item, with_unit=not words.unit)
