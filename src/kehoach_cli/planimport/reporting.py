"""The reporting clause: periods and their deadlines, the unit that receives the reports
and the one told of difficulties ('báo cáo … về Phòng KHTC trước ngày 15/11 hằng năm')."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_DEADLINE = re.compile(
    r"(?P<before>[^.;]{0,80}?)trước ngày\s+(?P<day>\d{1,2})\s*/\s*(?P<month>\d{1,2})"
    r"(?P<after>(?:\s*(?:của\s+)?năm\s+sau|\s*năm\s+kế\s+tiếp)?)",
    re.IGNORECASE,
)
_RECEIVER = re.compile(
    r"(?:gửi\s+về|gửi|về)\s+(?P<name>(?:Sở|Phòng|phòng|Văn phòng|Ban|Trung tâm|UBND|Ủy ban|"
    r"Thanh tra)[^,;.()]*?)(?=\s+(?:trước|để|qua|định kỳ|chậm nhất|theo|tổng hợp)\b|[,;:.()]|$)"
)


@dataclass
class ReportingDraft:
    periods: list[dict[str, str]] = field(default_factory=list)  # id, name, months, deadline
    receiver: str | None = None  # as written
    escalation_to: str | None = None
    sentence: str | None = None
    escalation_sentence: str | None = None


def read_reporting(paragraphs: list[str]) -> ReportingDraft:
    draft = ReportingDraft()
    for paragraph in paragraphs:
        lowered = paragraph.lower()
        if "khó khăn" in lowered and "vướng mắc" in lowered and draft.escalation_to is None:
            receiver = _RECEIVER.search(paragraph)
            if receiver:
                draft.escalation_to = receiver.group("name").strip()
                draft.escalation_sentence = paragraph
        if "báo cáo" not in lowered or "trước ngày" not in lowered:
            continue
        receiver = _RECEIVER.search(paragraph)
        if draft.periods and (draft.receiver or not receiver):
            continue  # a clause naming where reports go wins over one that does not
        draft.periods = []
        for match in _DEADLINE.finditer(paragraph):
            before = match.group("before").lower()
            deadline = f"{match.group('day')}/{match.group('month')}"
            if match.group("after").strip():
                deadline += " năm sau"
            draft.periods.append(_period(before, deadline, len(draft.periods)))
        if receiver:
            draft.receiver = receiver.group("name").strip()
        draft.sentence = paragraph
    return draft


def _period(before: str, deadline: str, position: int) -> dict[str, str]:
    if "6 tháng" in before or "sáu tháng" in before:
        return {"id": "6-thang", "name": "6 tháng đầu năm", "months": "1-6", "deadline": deadline}
    if "quý" in before:
        return {"id": f"quy-{position + 1}", "name": "quý", "months": "1-3", "deadline": deadline}
    return {"id": "nam", "name": "năm", "months": "1-12", "deadline": deadline}
