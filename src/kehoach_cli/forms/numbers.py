"""Numbers as clerks type them into a form in a Vietnamese or an English spreadsheet.

A spreadsheet in vi-VN reads '1.234.567' as a number and keeps '1,234,567' as text; one in
en-US does the opposite; '1 234 567' is text in both. '60%' is stored as 0.6 in a cell then
shown as a percentage. Each reading below gives the number the clerk meant, or says why it
cannot tell (an amount of '1,5' đồng; a progress of 0,6 in a cell not shown as a percent).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from kehoach_cli.errors import shortened

# Separators a spreadsheet or a keyboard may put between groups of thousands.
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_MONEY_WORDS = re.compile(r"\s*(đồng|đ|vnđ|vnd)\.?\s*\Z", re.IGNORECASE)
_GROUPED = {sep: re.compile(r"\d{1,3}(" + re.escape(sep) + r"\d{3})+\Z") for sep in ".,"}
_PLAIN = re.compile(r"\d+\Z")
_DECIMAL = {sep: re.compile(r"\d+" + re.escape(sep) + r"\d+\Z") for sep in ".,"}
_BOTH = re.compile(r"\d{1,3}(?P<g>[.,])\d{3}((?P=g)\d{3})*(?P<d>[.,])\d+\Z")


class Ambiguous(ValueError):
    """The text can be read two ways: the message names both and how to write it."""


def _digits(text: str) -> str:
    return _SPACES.sub("", text)


def read_decimal(text: str, whole: bool = False) -> Decimal | None:
    """The number a text stands for (None: not a number as people write one). `whole`: an
    amount in đồng, where a single separator before 3 digits can only group thousands."""
    raw = text.strip()
    sign = -1 if raw[:1] in "-\u2212" else 1
    body = raw[1:].strip() if sign < 0 else raw
    if re.fullmatch(r"\d{1,3}([\s\u00a0\u202f\u2009]\d{3})+", body):
        body = _digits(body)
    number = _parse(body, whole)
    return None if number is None else sign * number


def _parse(body: str, whole: bool) -> Decimal | None:
    if _PLAIN.match(body):
        return Decimal(body)
    for sep in ".,":
        grouped = _GROUPED[sep].match(body)
        if grouped and (body.count(sep) > 1 or whole):
            return Decimal(body.replace(sep, ""))
        if grouped:  # '1.234' or '1,234': a thousand and more, or a decimal of 3 places
            other = "," if sep == "." else "."
            raise Ambiguous(
                f"'{body}' có thể là {body.replace(sep, '')} hoặc {body.replace(sep, other)}"
            )  # short: one group of three digits
    both = _BOTH.match(body)
    if both and both.group("g") != both.group("d"):
        return _number(body.replace(both.group("g"), "").replace(both.group("d"), "."))
    for sep in ".,":
        if _DECIMAL[sep].match(body):
            return _number(body.replace(sep, "."))
    return None


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def amount(value: object) -> int | None:
    """An amount in đồng from a cell (None: leave it to the checks' own message)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not value.is_integer():
            shown = f"{value:g}".replace(".", ",")
            raise Ambiguous(f"{shown} có phần lẻ; số tiền tính bằng đồng")
        return int(value)
    if not isinstance(value, str):
        return None
    number = read_decimal(_MONEY_WORDS.sub("", value), whole=True)
    if number is None or number != number.to_integral_value():
        return None
    return int(number)


def percent(value: object, shown_as_percent: bool) -> int | Decimal | None:
    """A progress from 0 to 100 from a cell: 60, '60', '60%', 0.6 shown as 60%."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = Decimal(str(value))
        if shown_as_percent:
            number *= 100
        elif 0 < number < 1:
            shown = f"{value:g}".replace(".", ",")
            raise Ambiguous(f"{shown} có thể là {shown}% hoặc {value:.0%}")
        return int(number) if number == number.to_integral_value() else number
    if not isinstance(value, str):
        return None
    text = value.strip()
    marked = text.endswith("%")
    typed = read_decimal(text.removesuffix("%"))
    if typed is None:
        return None
    if not marked and 0 < typed < 1 and shown_as_percent:  # '0,6' kept as text in a % cell
        typed *= 100
    elif not marked and 0 < typed < 1:
        shown = shortened(text)
        raise Ambiguous(f"'{shown}' có thể là {shown}% hoặc {typed:.0%}")
    return int(typed) if typed == typed.to_integral_value() else typed


def vn_text(number: Decimal) -> str:
    """A decimal as the YAML files write it: '45,2', '1234'."""
    text = format(number.normalize(), "f") if number == number.to_integral_value() else str(number)
    return text.replace(".", ",")
