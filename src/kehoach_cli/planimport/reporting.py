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


# The period a deadline is for: the nearest period words before it ('báo cáo quý III
# trước ngày 15/9', 'báo cáo 6 tháng đầu năm trước ngày 05/6', 'báo cáo năm trước …').
_PERIOD_WORDS = re.compile(
    r"(?P<half>(?:6|sáu) tháng(?: (?P<end>đầu|cuối) năm)?)|(?P<nine>(?:9|chín) tháng)|"
    r"quý\s+(?P<quarter>IV|I{1,3}|[1-4])\b|(?P<quarterly>quý)|(?P<year>năm)(?!\s+\d{4})",
    re.IGNORECASE,
)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def _period(before: str, deadline: str, position: int) -> dict[str, str]:
    found = list(_PERIOD_WORDS.finditer(before))
    words = found[-1] if found else None
    period_id, name, months = "nam", "năm", "1-12"
    if words is not None and words.group("half"):
        late = (words.group("end") or "").lower() == "cuối"
        period_id, name, months = (
            ("6-thang-cuoi", "6 tháng cuối năm", "7-12")
            if late
            else ("6-thang", "6 tháng đầu năm", "1-6")
        )
    elif words is not None and words.group("nine"):
        period_id, name, months = "9-thang", "9 tháng", "1-9"
    elif words is not None and words.group("quarter"):
        quarter = words.group("quarter").upper()
        number = _ROMAN.get(quarter) or int(quarter)
        roman = next(r for r, n in _ROMAN.items() if n == number)
        period_id, name, months = f"quy-{number}", f"quý {roman}", f"{3 * number - 2}-{3 * number}"
    elif words is not None and words.group("quarterly"):
        # 'báo cáo quý' with no number: which quarter the deadline is for is not written
        period_id, name, months = f"quy-{position + 1}", "quý", "1-3"
    return {"id": period_id, "name": name, "months": months, "deadline": deadline}
