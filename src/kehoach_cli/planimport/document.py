"""The `document` part of the draft: issuer and parent body, number, place and date, title,
legal bases, preamble, closing, recipients and signer — each guess noted."""

from __future__ import annotations

import re
from typing import Any

from kehoach_cli.planimport.header import PREAMBLE_START, Header
from kehoach_cli.planimport.outline import Body
from kehoach_cli.planimport.text import is_capitals, place_names, restore_case
from kehoach_cli.planimport.yaml_text import Noted

_REFERENCE = re.compile(
    r"(?:Luật\s+[^;,]+?\s+ngày\s+[\d/]+|(?:Nghị quyết|Nghị định|Quyết định|Kế hoạch|Thông tư|"
    r"Chỉ thị|Công văn|[Vv]ăn bản|Chương trình|Kết luận|Hướng dẫn)\s+(?:số\s+)?\d+[\w/\-Đ]*"
    r"(?:\s+ngày\s+\d{1,2}(?:/\d{1,2}/\d{4}|\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?"
    r"(?:\s+của\s+(?:Thủ tướng Chính phủ|Chính phủ|Bộ Chính trị|[^,;]+?)"
    r"(?=\s+(?:về|phê duyệt|ban hành|quy định|hướng dẫn|thực hiện|triển khai|và)\b|[,;.]|$))?)"
)


def document_data(header: Header, body: Body, everything: str) -> dict[str, Any]:
    parent, issuer = _names(header, body, everything)
    preamble = [block.text for block in body.preamble]
    # a plan issued with a decision is signed under the decision
    signer_lines = body.signer or _decision_signer(header.decision_text)
    signer = _signer(signer_lines, issuer.value if isinstance(issuer, Noted) else issuer)
    decision = _issued_with(header)
    issuer_name = issuer.value if isinstance(issuer, Noted) else issuer
    document: dict[str, Any] = {"type": header.doc_type}
    if decision is None:
        document["number"] = header.number
        document["symbol"] = header.symbol or Noted(
            "", ["không thấy ký hiệu văn bản (dòng 'Số: …/…')"]
        )
    document["place"] = header.place or _place_of(issuer_name)
    document["date"] = _date(header) if header.year or decision is None else decision["date"]
    if parent is not None:
        document["parent_body"] = parent
    document["issuing_body"] = issuer
    if decision is not None:
        document["issued_with"] = Noted(
            decision,
            ["kế hoạch ban hành kèm theo quyết định: trích dẫn theo quyết định, không có số riêng"],
        )
    title = header.title
    if header.title_capitals:
        title = restore_case(title, everything, _names_known(header, everything))
        document["title"] = Noted(
            title, ["trích yếu viết hoa trong văn bản: đã đổi sang chữ thường, kiểm tra tên riêng"]
        )
    else:
        document["title"] = title or Noted("", ["không thấy trích yếu"])
    references = _references(preamble)
    if references:
        document["legal_bases"] = Noted(
            references, ["danh sách văn bản căn cứ trích tự động từ phần mở đầu (để tra cứu)"]
        )
    document["preamble"] = preamble[0] if len(preamble) == 1 else preamble
    if body.closing is not None:
        document["closing"] = body.closing.text
    else:
        document["closing"] = Noted(
            "",
            [
                "không thấy đoạn kết riêng ('Trên đây là …', hoặc đoạn không đánh số có './.' "
                "ở cuối): ghi đoạn kết vào đây"
            ],
        )
    document["recipients"] = body.recipients
    document["signer"] = signer
    if body.drafting_note:
        document["drafting_note"] = body.drafting_note
    return document


def document_notes(header: Header) -> list[str]:
    notes: list[str] = []
    if header.attached_to:
        decision = header.attached_to.get("decision", "")
        notes.append(
            f"kế hoạch ban hành kèm theo {decision}; số, ký hiệu và ngày ở phần đầu là của văn "
            "bản ban hành"
        )
    if header.decision_text:
        lines = header.decision_text[:60]
        notes.append("văn bản ban hành (nguyên văn, không thuộc kế hoạch): " + " / ".join(lines))
    return notes


def _names(header: Header, body: Body, everything: str) -> tuple[Any, Any]:
    known = _names_known(header, everything)
    names = [
        restore_case(name, everything, known) if is_capitals(name) else name
        for name in header.names
    ]
    if len(names) >= 2:
        return names[0], names[1]
    if len(names) == 1:
        issuer = names[0]
        if header.place and re.fullmatch(r"(?i)(ủy|uỷ) ban nhân dân", issuer):
            return None, Noted(f"Ủy ban nhân dân tỉnh {header.place}", ["cấp (tỉnh) là đoán"])
        return None, issuer
    found = _issuer_from_preamble(body)
    if found is None:
        return None, Noted("", ["không thấy tên cơ quan ban hành ở phần đầu văn bản"])
    issuer = found
    parent = None
    if not issuer.lower().startswith(("ủy ban", "uỷ ban", "ubnd")) and header.place:
        parent = Noted(
            f"UBND tỉnh {header.place}",
            ["văn bản không ghi phần tên cơ quan: cơ quan chủ quản là đoán theo địa danh"],
        )
    return parent, Noted(
        issuer, ["văn bản không ghi phần tên cơ quan: tên cơ quan ban hành đọc từ đoạn mở đầu"]
    )


def _names_known(header: Header, everything: str) -> list[str]:
    """Proper names to keep when capitals are turned to lower case: the place of the date
    line and the places the body names ('tỉnh Lâm Đồng')."""
    return [*([header.place] if header.place else []), *place_names(everything)]


def _issuer_from_preamble(body: Body) -> str | None:
    for block in body.preamble:
        match = re.search(
            r"(?:^|[;,]\s*)((?:Sở|Ủy ban nhân dân|UBND|Phòng|Ban|Trung tâm)[^;,]{3,80}?)\s+"
            r"(?:ban hành|xây dựng)\s+(?:Kế hoạch|kế hoạch)",
            block.text,
        )
        if match:
            return match.group(1).strip()
    return None


def _issued_with(header: Header) -> dict[str, Any] | None:
    """'(Ban hành kèm theo Quyết định số 119/QĐ-UBND ngày 18 tháng 7 năm 2025 của …)' as
    the plan's `issued_with`: the plan is cited by that decision."""
    found = header.attached_to
    if not found or not found.get("number"):
        return None
    decision: dict[str, Any] = {}
    kind = found.get("kind", "Quyết định")
    if kind.lower() != "quyết định":
        decision["type"] = kind
    decision["number"] = found["number"]
    if found.get("symbol"):
        decision["symbol"] = found["symbol"]
    day = _date_words(found.get("date", ""))
    if day:
        decision["date"] = day
    if found.get("issuer"):
        decision["issuer"] = " ".join(found["issuer"].split())
    return decision


def _date_words(text: str) -> str | None:
    """'18 tháng 7 năm 2025' or '18/7/2025' → '18/7/2025'."""
    words = re.search(r"(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", text)
    if words:
        return f"{int(words.group(1))}/{int(words.group(2))}/{words.group(3)}"
    numbers = re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if numbers:
        return f"{int(numbers.group(1))}/{int(numbers.group(2))}/{numbers.group(3)}"
    return None


_BODY_PLACE = re.compile(
    r"^(?:(?:ủy|uỷ) ban nhân dân|ubnd|hội đồng nhân dân)\s+"
    r"(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn)\s+(.+)$",
    re.IGNORECASE,
)


def _place_of(issuer: str | None) -> Any:
    """A plan attached to a decision has no date line of its own: its place is where its
    issuer sits, which a UBND's name gives ('Ủy ban nhân dân xã Long Phụng' → Long Phụng)."""
    match = _BODY_PLACE.match(" ".join((issuer or "").split()))
    if match:
        return Noted(match.group(1), ["địa danh lấy từ tên cơ quan ban hành: kiểm tra"])
    return Noted("", ["không thấy địa danh (dòng '…, ngày … tháng …')"])


def _date(header: Header) -> Any:
    if header.year is None:
        return Noted("", ["không thấy ngày ban hành"])
    if header.day and header.month:
        return f"{header.year}-{header.month:02d}-{header.day:02d}"
    if header.month:
        return f"{header.year}-{header.month}"
    return Noted(str(header.year), ["văn bản chỉ ghi năm ('ngày … tháng … năm …')"])


def _decision_signer(lines: list[str]) -> list[str]:
    """The signer's lines at the end of the issuing decision: from its authority line."""
    for position, line in enumerate(lines):
        if re.match(r"^(KT|TM|Q|TL|TUQ)\.", line):
            return [text for text in lines[position:] if not text.startswith("-")]
    return []


def _signer(lines: list[str], issuer: str | None) -> Any:
    authorities = [line for line in lines if re.match(r"^(KT|TM|Q|TL|TUQ)\.", line)]
    authority: Any = authorities[-1] if authorities else None
    if len(authorities) > 1:  # 'TM. ỦY BAN NHÂN DÂN' above 'KT. CHỦ TỊCH'
        authority = Noted(
            authority, ["văn bản ghi thêm dòng thẩm quyền: " + "; ".join(authorities[:-1])]
        )
    rest = [line for line in lines if line not in authorities]
    title = next((line for line in rest if is_capitals(line)), None)
    name = next((line for line in reversed(rest) if not is_capitals(line)), None)
    signer: dict[str, Any] = {}
    if authority:
        signer["authority"] = authority
    if title:
        signer["title"] = title
    else:
        guess = "CHỦ TỊCH" if issuer and "nhân dân" in issuer.lower() else "GIÁM ĐỐC"
        signer["title"] = Noted(guess, ["không thấy chức vụ người ký: đoán theo cơ quan"])
    if name:
        signer["name"] = name
    return signer


def _references(preamble: list[str]) -> list[str]:
    found: list[str] = []
    for text in preamble:
        if not PREAMBLE_START.match(text):
            continue
        for match in _REFERENCE.finditer(text):
            reference = " ".join(match.group(0).split())
            if reference not in found:
                found.append(reference)
    return found


def plan_period(text: str) -> dict[str, int] | None:
    match = re.search(r"giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})", text, re.IGNORECASE)
    if match and int(match.group(1)) <= int(match.group(2)):
        return {"start": int(match.group(1)), "end": int(match.group(2))}
    match = re.search(r"\bnăm\s+(\d{4})\s*$", text.split(".")[0].strip(), re.IGNORECASE)
    if match:
        return {"start": int(match.group(1)), "end": int(match.group(1))}
    return None
