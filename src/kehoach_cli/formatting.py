"""Vietnamese forms of numbers and dates: 1.234.567, 62,8%, ngày 05 tháng 01 năm 2025.

Rounding is half-up. Every function is total over what the models accept and what the
commands compute from it: any finite Decimal or int, however many digits (sums of many
amounts, indicator values of thousands of digits), never rounded to Decimal's default
28 digits and never through `str(int)` (which Python refuses past 4 300 digits).
"""

from __future__ import annotations

from datetime import date
from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_UP, Context, Decimal
from functools import lru_cache

GROUP = "."  # Vietnamese: 1.234.567,8
DECIMAL_MARK = ","
NOT_A_NUMBER = "—"  # a float inf/nan (never from the models): shown as "no value"


def _exact(value: Decimal | int | float) -> Decimal:
    """A float as it prints (62.85, not its binary expansion); ints and Decimals exactly."""
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def _context(precision: int) -> Context:
    """Enough digits for the operation to be exact, and no exponent limit in the way."""
    return Context(prec=max(28, precision), rounding=ROUND_HALF_UP, Emax=MAX_EMAX, Emin=MIN_EMIN)


def round_half_up(value: Decimal | int | float, digits: int = 0) -> Decimal:
    exact = _exact(value)
    if not exact.is_finite():
        return exact
    exponent = Decimal(1).scaleb(-digits)
    # quantize refuses a result longer than the context's precision: give it room
    return exact.quantize(exponent, context=_context(exact.adjusted() + digits + 3))


@lru_cache(maxsize=16384)
def number(value: Decimal | int | float, digits: int = 0) -> str:
    """1234567 → '1.234.567'; 62.85 with one digit → '62,9'. Cached: reports repeat amounts."""
    rounded = round_half_up(value, digits)
    if not rounded.is_finite():
        return NOT_A_NUMBER
    text = format(rounded.copy_abs(), "f")  # exactly `digits` decimals after quantize
    whole, _, fraction = text.partition(".")
    head = len(whole) % 3 or 3
    groups = [whole[:head], *(whole[i : i + 3] for i in range(head, len(whole), 3))]
    grouped = GROUP.join(groups) + (DECIMAL_MARK + fraction if fraction else "")
    return "-" + grouped if rounded.is_signed() and rounded != 0 else grouped


def decimal(value: Decimal | int | float) -> str:
    """As few decimals as the value needs: 62.8 → '62,8', 45 → '45'."""
    exact = _exact(value)
    if not exact.is_finite():
        return NOT_A_NUMBER
    normalized = exact.normalize(_context(len(exact.as_tuple().digits)))
    digits = max(0, -int(normalized.as_tuple().exponent))
    return number(normalized, digits)


def percent(value: Decimal | int | float, digits: int = 0) -> str:
    return number(value, digits) + "%"


def money(value: int) -> str:
    return number(value)


def short_date(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def long_date(day: date) -> str:
    """Decree 30/2020: day < 10 and months 1–2 get a leading zero ('ngày 05 tháng 01 năm 2025')."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


# Units written against the number ("62,8%"); every other unit takes a space ("4 lớp").
GLUED_UNITS = ("%", "‰")


def quantity(value: Decimal | int, unit: str) -> str:
    """A measured value with its unit, spaced as Vietnamese writes it."""
    number = decimal(value)
    return f"{number}{unit}" if unit in GLUED_UNITS else f"{number} {unit}"


def mid_sentence(text: str) -> str:
    """A phrase the plan writes at the start of a line ("Năm 2024", "Quý II/2024",
    "Thường xuyên"), as it reads inside a sentence: "(hạn năm 2024)". Only a capitalised
    ordinary word is lowered; an abbreviation (UBND, HĐND) or a number stays as written."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[0].isupper() and first[1:].islower():
        return text[0].lower() + text[1:]
    return text


def name_separator(names: list[str]) -> str:
    """', ' between names, or '; ' when a name holds a comma itself ('Ủy ban nhân dân các
    xã, thị trấn; Công an huyện'): commas alone would run two names into one."""
    return "; " if any("," in name for name in names) else ", "


def list_names(names: list[str], notes: list[str] | None = None) -> str:
    """Names one after another, set apart as name_separator says; each with its note
    ("Sở A (đang soạn, chưa gửi)") when given: a note's commas sit inside its brackets."""
    shown = names if notes is None else [n + note for n, note in zip(names, notes, strict=True)]
    return name_separator(names).join(shown)
