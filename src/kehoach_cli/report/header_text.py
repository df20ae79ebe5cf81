"""Line breaks for an agency's name in the header block (capitals, 12 pt, bold). Pure.

Word wraps a long name wherever the cell ends ("PHÒNG QUẢN LÝ CHUYÊN / NGÀNH"); clerks
break it by hand into balanced lines ("PHÒNG QUẢN LÝ / CHUYÊN NGÀNH"). header_name_lines
does the same: the text it returns holds "\\n" where a line should break, and docxtpl
turns each "\\n" into a line break.

Vietnamese writes every syllable apart, so a "word" here is a compound such as "khoa học"
or "Hồ Chí Minh": names are cut only between such words, found from the name's own capitals
(Phòng Quản lý Tài nguyên Nước), a few fixed units (Ủy ban nhân dân,
Trung tâm, thành phố) and the small words that stand alone (và, tỉnh, huyện, "-").

Widths are the advance widths of Times New Roman (the same as Liberation Serif, its
metric-compatible stand-in), in thousandths of an em. A Vietnamese capital is as wide as
its base letter whatever its tone mark; only the horn (Ư, Ơ) changes the width.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

# The left column of the header block (blocks.HEADER_WIDTHS_MM[0]) less the cell margins
# of the table style (108 twips on each side), less a little for renderers' rounding.
HEADER_CELL_MM = 72.0
CELL_MARGINS_MM = 2 * 108 / 56.6929
SAFETY_MM = 0.5
HEADER_NAME_PT = 12.0

_BOLD = {
    **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (
        722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944,
        722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667,
    ), strict=True)),
    "Đ": 722, "Ư": 796, "Ơ": 778,
    " ": 250, "\u00a0": 250, "-": 333, "–": 500, ",": 250, ".": 250, "(": 333, ")": 333,
    "&": 833, "/": 278, ":": 333, ";": 333, "'": 333, '"': 555,
}  # fmt: skip
_REGULAR = {
    **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (
        722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889,
        722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611,
    ), strict=True)),
    "Đ": 722, "Ư": 776, "Ơ": 722,
    " ": 250, "\u00a0": 250, "-": 333, "–": 500, ",": 250, ".": 250, "(": 333, ")": 333,
    "&": 778, "/": 278, ":": 278, ";": 278, "'": 333, '"': 408,
}  # fmt: skip
_DIGIT = 500
_OTHER = 778  # anything else: as wide as a wide capital, so that lines stay short enough
_HORN = "\u031b"
# Syllables that stand alone as a word: they never pair with their neighbour.
_SINGLES = frozenset(
    ("và", "của", "về", "cho", "với", "tại", "thuộc", "tỉnh", "huyện", "quận", "phường")
)
# Agency kinds that open a name and stand alone there ("Sở | Khoa học", "Phòng | Quản lý").
_LEADS = frozenset(("sở", "phòng", "ban", "cục", "viện", "trường", "đài", "bộ", "vụ", "hội"))
# Fixed units of several syllables, wherever they are.
_UNITS = tuple(
    unit.split()
    for unit in (
        "ủy ban nhân dân",
        "uỷ ban nhân dân",
        "việt nam",  # 'ỦY BAN MTTQ VIỆT NAM XÃ …' never breaks inside the country's name
        "mặt trận tổ quốc",
        "hội đồng nhân dân",
        "trung tâm",
        "chi cục",
        "văn phòng",
        "thanh tra",
        "bệnh viện",
        "công ty",
        "thành phố",
        "thị xã",
        "thị trấn",
        "tỉnh ủy",
        "huyện ủy",
        "thành ủy",
    )
)
_PUNCTUATION_ONLY = re.compile(r"^[\W_]+$")


def _char_width(char: str, table: dict[str, int]) -> int:
    if char in table:
        return table[char]
    if char.isdigit():
        return _DIGIT
    decomposed = unicodedata.normalize("NFD", char)
    base = decomposed[0]
    if _HORN in decomposed:
        base = unicodedata.normalize("NFC", base + _HORN)
    return table.get(base, _OTHER)


def text_width_mm(text: str, *, size_pt: float = HEADER_NAME_PT, bold: bool = True) -> float:
    """The printed width of one line of `text` in Times New Roman at `size_pt`."""
    table = _BOLD if bold else _REGULAR
    units = sum(_char_width(char, table) for char in text)
    return units / 1000 * size_pt / 72 * 25.4


def _alone(syllable: str) -> bool:
    return syllable.lower() in _SINGLES or bool(_PUNCTUATION_ONLY.match(syllable))


def _unit_at(syllables: list[str], start: int) -> int:
    lowered = [s.lower() for s in syllables]
    for unit in _UNITS:
        if lowered[start : start + len(unit)] == unit:
            return len(unit)
    return 0


def vietnamese_words(name: str) -> list[str]:
    """The name's words, each a run of syllables that a line break must not split."""
    syllables = [s for s in re.split(r"[ \t\r\n]+", name.strip()) if s]
    mixed = any(c.isupper() for c in name) and any(c.islower() for c in name)

    def capital(i: int) -> bool:  # "Khoa", not "KH&CN" nor "học"
        return syllables[i][:1].isupper() and not (len(syllables[i]) > 1 and syllables[i].isupper())

    def lower(i: int) -> bool:
        return syllables[i][:1].islower()

    def pairable(i: int) -> bool:
        return i < len(syllables) and not _alone(syllables[i]) and not _unit_at(syllables, i)

    words: list[str] = []
    i = 0
    while i < len(syllables):
        size = _unit_at(syllables, i)
        if size:
            pass
        elif (
            (i == 0 and syllables[0].lower() in _LEADS)
            or _alone(syllables[i])
            or not pairable(i + 1)
        ):
            size = 1
        elif not mixed:
            size = 2  # no capitals to go by: most Vietnamese words have two syllables
        elif capital(i) and capital(i + 1):
            # a run of capitals is a proper name ("Hồ Chí Minh"), except that its last
            # syllable opens a word with the lower-case syllable after it ("Sở Khoa học")
            end = i + 1
            while pairable(end + 1) and capital(end + 1):
                end += 1
            size = end - i if pairable(end + 1) and lower(end + 1) else end - i + 1
        elif lower(i + 1) and (capital(i) or lower(i)):
            size = 2
        else:
            size = 1
        words.append(" ".join(syllables[i : i + size]))
        i += size
    return words


def header_name_lines(
    name: str,
    *,
    size_pt: float = HEADER_NAME_PT,
    bold: bool = True,
    width_mm: float = HEADER_CELL_MM - CELL_MARGINS_MM - SAFETY_MM,
) -> str:
    """The name in capitals, with "\\n" between balanced lines that each fit `width_mm`.

    A name that fits stays on one line; otherwise the fewest lines that fit, as even as
    possible (the first line the longer on a tie). Lines break only between words
    (vietnamese_words), never inside "khoa học" or "Hồ Chí Minh"; a no-break space (U+00A0)
    holds two syllables together too, and "-" or "&" never begins a line. Measured as bold
    by default (the issuing body); pass bold=False for the parent body.
    """
    words = [word.upper() for word in vietnamese_words(name)]
    if not words:
        return ""

    def width(start: int, end: int) -> float:
        return text_width_mm(" ".join(words[start:end]), size_pt=size_pt, bold=bold)

    if width(0, len(words)) <= width_mm:
        return " ".join(words)
    allowed = [i for i in range(1, len(words)) if not _PUNCTUATION_ONLY.match(words[i])]
    for count in range(2, len(allowed) + 2):
        best: tuple[float, float, tuple[int, ...]] | None = None
        for breaks in itertools.combinations(allowed, count - 1):
            bounds = (0, *breaks, len(words))
            widths = [width(bounds[i], bounds[i + 1]) for i in range(count)]
            too_wide = [
                w > width_mm and bounds[i + 1] - bounds[i] > 1 for i, w in enumerate(widths)
            ]
            if any(too_wide):
                continue
            key = (max(widths), -widths[0], breaks)
            if best is None or key < best:
                best = key
        if best is not None:
            bounds = (0, *best[2], len(words))
            return "\n".join(" ".join(words[bounds[i] : bounds[i + 1]]) for i in range(count))
    return " ".join(words)  # nowhere to break (every word after the first is "-" or "&")
