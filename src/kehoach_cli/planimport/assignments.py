"""Who leads, who cooperates, by when and with what product, from the words plans use:
labelled lines ('- Đơn vị chủ trì: …', '- Thời gian hoàn thành: …') and sentences
('Sở A chủ trì, phối hợp với B …', 'giao Sở A chủ trì …')."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kehoach_cli.planimport.text import name_key

_LABELS: list[tuple[str, re.Pattern[str]]] = [
    (
        "lead",
        re.compile(
            r"^((?:Đơn vị|Cơ quan|Cơ quan, đơn vị)\s+(?:chủ trì|thực hiện|chịu trách nhiệm)"
            r"(?:\s+thực hiện)?|Chủ trì(?:\s+thực hiện)?|Đơn vị chủ trì thực hiện)\s*:\s*(.+)$",
            re.IGNORECASE,
        ),
    ),
    (
        "cooperate",
        re.compile(
            r"^((?:Đơn vị|Cơ quan|Cơ quan, đơn vị)\s+phối hợp(?:\s+thực hiện)?|"
            r"Phối hợp(?:\s+thực hiện)?)\s*:\s*(.+)$",
            re.IGNORECASE,
        ),
    ),
    (
        "deadline",
        re.compile(
            r"^(Thời gian hoàn thành|Thời gian thực hiện|Thời hạn hoàn thành|Thời hạn|"
            r"Tiến độ(?: thực hiện| hoàn thành)?|Thời gian)\s*:\s*(.+)$",
            re.IGNORECASE,
        ),
    ),
    (
        "product",
        re.compile(r"^(Sản phẩm(?: đầu ra)?|Kết quả(?: đầu ra)?)\s*:\s*(.+)$", re.IGNORECASE),
    ),
]

# A body that can lead: the words a unit's name starts with.
UNIT_HEAD = (
    r"(?:Sở|Phòng|phòng|Ban|Trung tâm|UBND|Ủy ban|Uỷ ban|Văn phòng|Thanh tra|Công an|"
    r"Bộ Chỉ huy|Đài|Báo|Liên đoàn|Hội|Tỉnh đoàn|Huyện đoàn|Cục|Chi cục|Kho bạc|Ngân hàng|"
    r"Bảo hiểm|Đoàn|Viện|Trường|Bệnh viện|Hạt|Đội|Các|các)"
)
_VERBS = (
    r"tổ chức|thực hiện|triển khai|xây dựng|tham mưu|rà soát|hướng dẫn|theo dõi|nghiên cứu|"
    r"đề xuất|tiếp tục|chỉ đạo|kiểm tra|đôn đốc|trình|tổng hợp|hoàn thiện|cập nhật|đánh giá|"
    r"quản lý|đẩy mạnh|bố trí|lập|ban hành|phát triển|tuyên truyền|đầu tư|vận hành|nâng cấp"
)
_INLINE = re.compile(
    r"(?:^|[(;:.]\s*|\b[Gg]iao\s+)(?P<lead>" + UNIT_HEAD + r"[^;()]{2,90}?)\s+chủ trì"
    r"(?:,?\s*(?:và\s+)?phối hợp(?:\s+với)?\s+(?P<coop>[^;()]+?))?"
    r"(?=\s+(?:" + _VERBS + r")\b|\s*[;.)]|\s*$|\s*,\s*(?:" + _VERBS + r")\b)"
)
_INLINE_DEADLINE = re.compile(
    r"(?:hoàn thành|thời gian|thời hạn)[^;().]{0,20}?\b(?P<when>(?:trước ngày\s+|trong\s+)?"
    r"(?:quý\s+[IV1-4]+/\d{4}|tháng\s+\d{1,2}/\d{4}|\d{1,2}/\d{1,2}/\d{4}|năm\s+\d{4}))",
    re.IGNORECASE,
)


@dataclass
class Assignment:
    field: str  # lead, cooperate, deadline, product
    label: str  # the label as written ('Đơn vị chủ trì thực hiện')
    value: str  # the value as written


def labelled(text: str) -> Assignment | None:
    """A labelled assignment line ('- Đơn vị phối hợp: …'), its mark already removed."""
    stripped = re.sub(r"^[-–+•]\s*", "", text.strip())
    for name, pattern in _LABELS:
        match = pattern.match(stripped)
        if match:
            return Assignment(name, match.group(1), match.group(2).strip())
    return None


@dataclass
class Inline:
    lead: str
    cooperate: str | None
    deadline: str | None


_BRACKETS = re.compile(r"\(([^()]*chủ trì\s*:[^()]*)\)", re.IGNORECASE)


def inline(text: str) -> Inline | None:
    """'Sở A chủ trì, phối hợp với B, C tổ chức …' → lead 'Sở A', cooperate 'B, C'; or the
    labels in brackets: '(Cơ quan chủ trì: Sở A; cơ quan phối hợp: B; thời gian: 2022)'."""
    bracket = _BRACKETS.search(text)
    if bracket:
        found = {}
        for part in bracket.group(1).split(";"):
            assignment = labelled(part.strip()[:1].upper() + part.strip()[1:])
            if assignment:
                found[assignment.field] = assignment.value
        if "lead" in found:
            return Inline(found["lead"], found.get("cooperate"), found.get("deadline"))
    match = _INLINE.search(text)
    if not match:
        return None
    lead = re.sub(r"^(?:giao|Giao)\s+", "", match.group("lead")).strip()
    deadline = _INLINE_DEADLINE.search(text)
    return Inline(lead, match.group("coop"), deadline.group("when") if deadline else None)


# Words after a comma that go on with a plural name ('các sở, ban, ngành').
_PLURAL_TAIL = re.compile(
    r"^(ban|ngành|đơn vị|thị xã|thành phố|thị trấn|phường|xã|thành|thị|địa phương|đoàn thể|"
    r"cơ quan|huyện|quận|trung tâm|doanh nghiệp|tổ chức)\b",
    re.IGNORECASE,
)


def split_names(text: str, named_alone: frozenset[str] = frozenset()) -> list[str]:
    """'Thanh tra huyện, phòng Nội vụ và các phòng, đơn vị thuộc huyện.' → ['Thanh tra
    huyện', 'phòng Nội vụ', 'các phòng, đơn vị thuộc huyện']: commas, ';' and 'và' between names,
    never inside a plural name, nor inside 'Ủy ban MTTQ xã và các đoàn thể' (one block)
    unless the plan names that Front on its own (`named_alone`: name_key of such names)."""
    text = text.strip().rstrip(".;,")
    separator = ";" if ";" in text else ","
    parts = [p.strip() for p in text.split(separator) if p.strip()]
    if separator == ",":
        merged: list[str] = []
        for part in parts:
            # 'các sở, ban, ngành'; 'Sở Văn hóa, Thể thao và Du lịch'; 'Trung tâm Giám
            # sát, điều hành đô thị thông minh': one name each
            if merged and (
                (_is_plural(merged[-1]) and _PLURAL_TAIL.match(part))
                or (merged[-1].startswith("Sở ") and not _UNIT_START.match(part))
                or (part[:1].islower() and not _UNIT_START.match(part))
            ):
                merged[-1] += ", " + part
            else:
                merged.append(part)
        parts = merged
    out: list[str] = []
    for part in parts:
        # 'Văn phòng HĐND và UBND huyện' is one office
        pieces = (
            [part]
            if part.startswith("Văn phòng") or _front_block(part, named_alone)
            else re.split(r"\s+và\s+(?=" + UNIT_HEAD + r"\b)", part)
        )
        out += [piece.strip().rstrip(".") for piece in pieces if piece.strip()]
    return [re.sub(r"^(?:và|với)\s+", "", name) for name in out]


# 'Ủy ban MTTQ Việt Nam xã và các đoàn thể': the Front and the mass organisations that are
# its members, named as one block the way agencies write it — not the Front, then a group.
_FRONT_BLOCK = re.compile(
    r"^(?P<front>(?:Ủy ban|Uỷ ban|UB)\s*(?:Mặt trận|MTTQ)[^,;]*?|(?:Mặt trận|MTTQ)[^,;]*?)"
    r"\s+và\s+các\s+(?:đoàn thể|tổ chức chính trị|hội|tổ chức thành viên)",
    re.IGNORECASE,
)


def _front_block(name: str, named_alone: frozenset[str]) -> bool:
    match = _FRONT_BLOCK.match(name)
    return match is not None and name_key(match.group("front")) not in named_alone


_UNIT_START = re.compile(
    UNIT_HEAD + r"\b|(?:Viễn thông|Viettel|VNPT|Bưu điện|Công ty|Tập đoàn|Mặt trận|Tòa án|"
    r"Viện kiểm sát|Chi nhánh|Quỹ|Tổng công ty|Hiệp hội|Liên minh|Thủ trưởng|Cảng vụ)\b"
)


def _is_plural(name: str) -> bool:
    return bool(re.search(r"(^|\s)các\s", name, re.IGNORECASE)) or name.lower().startswith("các")
