"""The document's head: issuing body and parent body, number and symbol, place and date,
the type and the title; a plan issued with a decision ("ban hành kèm theo Quyết định …")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach_cli.planimport.source import Block
from kehoach_cli.planimport.text import is_capitals

TYPES = ("KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "CHƯƠNG TRÌNH", "ĐỀ ÁN", "PHƯƠNG ÁN")
_NUMBER = re.compile(r"^Số\s*:?\s*([0-9]*)\s*[…. ]*/\s*([A-ZĐ0-9][\w\-/.Đ]*)", re.IGNORECASE)
_DATE = re.compile(
    r"^(?P<place>[^,]{2,40}),\s*ngày\s*(?P<day>\d{1,2})?[\s….]*tháng\s*(?P<month>\d{1,2})?"
    r"[\s….]*năm\s*(?P<year>\d{4})",
    re.IGNORECASE,
)
_NATIONAL = re.compile(r"^(CỘNG HÒA|CỘNG HOÀ|Độc lập)", re.IGNORECASE)
_NATIONAL_LINES = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
_ATTACHED = re.compile(
    r"^\(?\s*(?:Ban hành\s+)?kèm theo\s+(?P<decision>(?P<kind>Quyết định|Nghị quyết)\s+số\s+"
    r"(?P<number>\d+)/(?P<symbol>[\w\-/Đ]+)\s+ngày\s+(?P<date>[^)]*?)"
    r"(?:\s+của\s+(?P<issuer>[^)]+?))?)\s*\)?\.?$",
    re.IGNORECASE,
)
PREAMBLE_START = re.compile(
    r"^(Căn cứ|Thực hiện|Triển khai|Theo|Để|Nhằm|Trên cơ sở|Xét|Kính gửi|Nhằm)\b"
)
SECTION = re.compile(r"^(?:PHẦN\s+)?([IVXLC]+)[.:]\s*(.+)$")
_NAME_START = re.compile(
    r"^(ỦY BAN|UỶ BAN|UBND|SỞ|PHÒNG|BAN|TRUNG TÂM|VĂN PHÒNG|THANH TRA|HỘI ĐỒNG|BỘ|CỤC|"
    r"CHI CỤC|BAN CHỈ ĐẠO)\b"
)


@dataclass
class Header:
    doc_type: str = "KẾ HOẠCH"
    names: list[str] = field(default_factory=list)  # parent body, then issuing body
    number: str | None = None
    symbol: str | None = None
    place: str | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    title: str = ""
    title_capitals: bool = False
    attached_to: dict[str, str] | None = None  # the decision that issued the plan
    decision_text: list[str] = field(default_factory=list)  # that decision, verbatim
    body_start: int = 0  # the first block after the title
    found: list[str] = field(default_factory=list)  # what the head held, for the summary


def read_header(blocks: list[Block]) -> Header:
    header = Header()
    type_at = _type_index(blocks)
    head = blocks[:type_at] if type_at is not None else []
    _head_lines(header, head)
    if type_at is None:
        header.body_start = _first_section_or_preamble(blocks)
        return header
    header.doc_type = blocks[type_at].text.strip().upper()
    if header.doc_type.startswith("QUYẾT ĐỊNH"):
        plan_at = _attached_plan(blocks, type_at)
        if plan_at is not None:
            header.decision_text = [b.text for b in blocks[type_at:plan_at]]
            type_at = plan_at
            header.doc_type = blocks[plan_at].text.strip().upper()
    position = _title(header, blocks, type_at + 1)
    header.body_start = position
    return header


def _type_index(blocks: list[Block]) -> int | None:
    for position, block in enumerate(blocks[:80]):
        text = block.text.strip().upper()
        if text in TYPES or text == "QUYẾT ĐỊNH":
            return position
    return None


def _attached_plan(blocks: list[Block], start: int) -> int | None:
    """Where the plan attached to a decision begins: its type line, with 'kèm theo' below."""
    for position in range(start + 1, len(blocks)):
        if blocks[position].text.strip().upper() in TYPES:
            following = blocks[position + 1 : position + 8]
            if any(_ATTACHED.match(b.text) for b in following):
                return position
    return None


def _rejoined(head: list[Block]) -> list[str]:
    """The head's lines, with those a web page broke joined again: 'Số:' / '4291/KH-UBND',
    'Phú' / 'Thọ, ngày 23 tháng 9 năm 2021'."""
    lines = [block.text.strip() for block in head if not block.cells]
    out: list[str] = []
    position = 0
    while position < len(lines):
        text = lines[position]
        if position + 1 < len(lines):
            joined = f"{text} {lines[position + 1]}"
            broken = not (_NUMBER.match(text) or _DATE.match(text))
            if broken and (_NUMBER.match(joined) or _DATE.match(joined)):
                out.append(joined)
                position += 2
                continue
        out.append(text)
        position += 1
    return out


def _head_lines(header: Header, head: list[Block]) -> None:
    names: list[str] = []
    for text in _rejoined(head):
        number = _NUMBER.match(text)
        date = _DATE.match(text)
        if number:
            header.number = number.group(1) or None
            header.symbol = number.group(2).rstrip(".")
            header.found.append("số, ký hiệu")
        elif date:
            header.place = " ".join(date.group("place").split())
            header.day = int(date.group("day")) if date.group("day") else None
            header.month = int(date.group("month")) if date.group("month") else None
            header.year = int(date.group("year"))
            header.found.append("địa danh, ngày tháng")
        elif _NATIONAL.match(text) or not re.search(r"\w", text):
            continue
        elif any(text.upper() in line for line in _NATIONAL_LINES):
            continue  # 'CỘNG' / 'HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' broken over lines
        elif (
            names
            and is_capitals(text)
            and (not _NAME_START.match(text.upper()) or len(names[-1].split()) == 1)
        ):
            names[-1] += " " + text  # 'ỦY BAN NHÂN DÂN' / 'TỈNH LÂM ĐỒNG': one name
        else:
            names.append(text)
    header.names = names[-2:]
    if names:
        header.found.append("tên cơ quan")


def _title(header: Header, blocks: list[Block], start: int) -> int:
    """The title: the first block after the type, and those that go on with it (bold in a
    .docx, capitals in text), but never a preamble, a section or the 'kèm theo' line."""
    parts: list[str] = []
    position = start
    while position < len(blocks):
        block = blocks[position]
        text = block.text.strip()
        attached = _ATTACHED.match(text)
        if attached:
            header.attached_to = {k: v for k, v in attached.groupdict().items() if v}
            header.found.append("quyết định ban hành")
            position += 1
            continue
        if re.fullmatch(r"[-_=.\s]*", text):
            position += 1
            continue
        if parts and (PREAMBLE_START.match(text) or SECTION.match(text) or block.cells):
            break
        if parts and not (block.bold or (is_capitals(text) and header.title_capitals)):
            break
        if not parts:
            header.title_capitals = is_capitals(text)
        parts.append(text)
        position += 1
    header.title = " ".join(parts)
    return position


def _first_section_or_preamble(blocks: list[Block]) -> int:
    for position, block in enumerate(blocks):
        if PREAMBLE_START.match(block.text) or SECTION.match(block.text):
            return position
    return 0
