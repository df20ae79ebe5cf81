"""Small text helpers shared by the importer: names compared loosely, capitals turned back
into the usual Vietnamese spelling, ids made from names."""

from __future__ import annotations

import re
import unicodedata

# Words after which Vietnamese writes a proper name (a place) with capitals.
_ACRONYMS = {"UBND", "HĐND", "KH&CN", "TT&TT", "CNTT", "MTTQ", "TW", "VN"}


def ascii_fold(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def name_key(name: str) -> str:
    """How two spellings of one unit compare: case, accents' forms, 'UBND', 'và', dashes
    and the final period do not count ('Phòng Văn hóa và Thông tin' is 'phòng Văn hóa
    Thông tin.')."""
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


_PLACE_NAME = re.compile(
    r"\b(?:tỉnh|huyện|thành phố|thị xã|xã|phường|thị trấn|quận)\s+"
    r"((?:[A-ZĐÀ-Ỹ][\w’']*)(?:\s+[A-ZĐÀ-Ỹ][\w’']*)*)"
)


def place_names(body: str) -> list[str]:
    """Proper names the body writes after 'tỉnh', 'huyện' …: 'Lâm Đồng', 'Thừa Thiên Huế'."""
    found: list[str] = []
    for match in _PLACE_NAME.finditer(body):
        name = match.group(1)
        if not is_capitals(name) and name not in found:
            found.append(name)
    return found


def restore_case(capitals: str, body: str, names: list[str]) -> str:
    """A title or name written in capitals, as the body would write it: the longest run of
    its first words that the body spells (4 words or more), the rest in lower case with the
    document's proper names ('Lâm Đồng') and acronyms kept; the first letter up."""
    words = capitals.split()
    head: list[str] = []
    for count in range(len(words), 3, -1):
        found = spelled_as_in(" ".join(words[:count]), body)
        if found:
            head, words = found.split(), words[count:]
            break
    rest = " ".join(
        word if word in _ACRONYMS or re.search(r"\d|/|-[A-ZĐ]", word) else word.lower()
        for word in words
    )
    for name in sorted(names, key=len, reverse=True):
        rest = re.sub(
            r"(?<!\w)" + re.escape(name.lower()) + r"(?!\w)", name, rest, flags=re.IGNORECASE
        )
    text = " ".join(part for part in (" ".join(head), rest) if part)
    return text[:1].upper() + text[1:]


def short_slug(name: str, taken: set[str], base: str | None = None) -> str:
    """An id for a unit: `base` when given, else the initials of a body's name ('Sở Thông
    tin và Truyền thông' → 'stttt'), the place of a UBND ('UBND huyện Đức Trọng' →
    'duc-trong'); unique."""
    if base:
        return _unique(base, taken)
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
    return _unique(re.sub(r"-+", "-", base).strip("-")[:36] or "don-vi", taken)


def _unique(base: str, taken: set[str]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate
