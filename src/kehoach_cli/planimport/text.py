"""Small text helpers shared by the importer: names compared loosely, capitals turned back
into the usual Vietnamese spelling, ids made from names."""

from __future__ import annotations

import re
import unicodedata

# Words after which Vietnamese writes a proper name (a place) with capitals.
_PLACE_WORDS = ("tỉnh", "huyện", "thành phố", "thị xã", "xã", "phường", "thị trấn", "quận")
_ACRONYMS = {"UBND", "HĐND", "KH&CN", "TT&TT", "CNTT", "MTTQ", "TW", "VN"}


def ascii_fold(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def name_key(name: str) -> str:
    """How two spellings of one unit compare: case, accents' forms, 'UBND', 'và', dashes
    and the final period do not count ('Phòng Quản lý Tiêu chuẩn Đo lường và Chất lượng'
    is 'phòng Quản lý Tiêu chuẩn Đo lường Chất lượng.')."""
    text = unicodedata.normalize("NFC", name).lower().replace("uỷ", "ủy")
    text = re.sub(r"\bubnd\b", "ủy ban nhân dân", text)
    text = re.sub(r"[^\w&]+", " ", text)
    words = [w for w in text.split() if w not in ("và", "các")]
    return " ".join(words)


def is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def spelled_as_in(capitals: str, body: str) -> str | None:
    """The same words as `capitals`, spelled as the body writes them, when it does."""
    words = capitals.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(word) for word in words)
    for match in re.finditer(pattern, body, flags=re.IGNORECASE):
        if not is_capitals(match.group(0)):
            return " ".join(match.group(0).split())
    return None


def sentence_case(capitals: str) -> str:
    """'PHÁT TRIỂN HẠ TẦNG SỐ TRÊN ĐỊA BÀN TỈNH LÂM ĐỒNG GIAI ĐOẠN 2023 - 2025' → 'Phát
    triển hạ tầng số trên địa bàn tỉnh Lâm Đồng giai đoạn 2023 - 2025': the first word and
    the place names (after 'tỉnh', 'huyện' … up to a common word) capitalised."""
    words = capitals.split()
    out: list[str] = []
    in_place = False
    for position, word in enumerate(words):
        lower = word.lower()
        if in_place and (lower in _NOT_NAMES or not word[:1].isalpha()):
            in_place = False
        if word in _ACRONYMS or re.search(r"\d|/|-[A-Z]", word):
            out.append(word)
        elif position == 0 or in_place:
            out.append(lower[:1].upper() + lower[1:])
        else:
            out.append(lower)
        sofar = " ".join(out).lower()
        if any(sofar == p or sofar.endswith(" " + p) for p in _PLACE_WORDS):
            in_place = True
    return " ".join(out)


# Words that end a place name in a title ('… tỉnh Lâm Đồng giai đoạn …').
_NOT_NAMES = {
    "giai", "năm", "đến", "và", "về", "trên", "theo", "của", "tầm", "định", "thời", "trong",
    "nhằm", "để", "với", "cho", "tại", "thuộc", "từ", "sau", "trước",
}  # fmt: skip


def short_slug(name: str, taken: set[str]) -> str:
    """An id for a unit: the initials of a body's name ('Sở Thông tin và Truyền thông' →
    'stttt'), the place of a UBND ('UBND huyện Đức Trọng' → 'duc-trong'); unique."""
    folded = ascii_fold(name).lower()
    place = re.match(
        r"^(?:uy ban nhan dan|ubnd)\s+"
        r"(?:tinh|huyen|thanh pho|thi xa|xa|phuong|thi tran|quan)\s+(.+)$",
        folded,
    )
    if place:
        base = "-".join(re.findall(r"[a-z0-9]+", place.group(1)))
    else:
        words = [w for w in re.findall(r"[a-z0-9]+", folded) if w not in ("va",)]
        base = "".join(w[0] for w in words) if len(words) > 1 else "".join(words)
    base = re.sub(r"-+", "-", base).strip("-")[:36] or "don-vi"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate
