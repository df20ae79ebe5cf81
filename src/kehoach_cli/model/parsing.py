"""The parsers behind the field types of model/values.py, free of pydantic.

What clerks type reaches these as strings (see loading/yamlsafe.py): `10/11/2024`,
`150.000.000`, `60%`, `62,8`. A value that cannot be read raises ValueProblem, carrying the
catalogue code, message template and context that model/values.py hands to pydantic as
its error. Kept apart from pydantic so that the fast reading of a progress file
(checks/progress_reader.py) can use the very same parsers without importing it (~100 ms of
every `kehoach validate FILE`)."""

from __future__ import annotations

import calendar
import re
from datetime import date
from decimal import ROUND_FLOOR, Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from kehoach_cli.errors import shortened


class ValueProblem(ValueError):
    """A typed value its field cannot take: `code` is the catalogue code (KH1xx),
    `template` and `context` are what the issue's message is built from."""

    def __init__(self, code: str, template: str, context: dict[str, Any]) -> None:
        super().__init__(template.format(**context))
        self.code = code
        self.template = template
        self.context = context


_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_VN_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
# Vietnamese grouping uses '.', the decimal mark is ','; a bare integer needs no grouping.
_VN_NUMBER = re.compile(r"^(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d+))?$")
_MONEY_SUFFIX = re.compile(r"\s*(đồng|đ|vnđ|vnd)$", re.IGNORECASE)
UNIT_ID_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")
TASK_ID_PATTERN = re.compile(r"^\d{1,3}(?:\.\d{1,3}){0,5}$")


def _text_of(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        raise ValueProblem("KH103", "{detail}", {"detail": "cần một giá trị", "advice": ""})
    return str(value).strip()


def parse_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    return _date_from_text(_text_of(value))


@lru_cache(maxsize=8192)
def _date_from_text(text: str) -> date:
    """Cached: a corpus repeats the same few hundred dates thousands of times."""
    match = _ISO_DATE.match(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
    else:
        match = _VN_DATE.match(text)
        if not match:
            raise ValueProblem(
                "KH106", "{detail}", {"detail": f"'{shortened(text)}' không phải dạng ngày"}
            )
        day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueProblem(
            "KH106", "{detail}", {"detail": f"ngày {day}/{month}/{year} không tồn tại"}
        ) from None


def parse_vn_number(text: str) -> Decimal | None:
    """`1.234.567` → 1234567, `62,8` → 62.8, `60` → 60; None when not of that form (a
    sign included: callers that take signed numbers read it first, see _signed)."""
    match = _VN_NUMBER.match(text)
    if not match:
        return None
    whole = match.group("int").replace(".", "")
    frac = match.group("frac")
    try:
        return Decimal(f"{whole}.{frac}" if frac else whole)
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        return None


# A minus sign as typed ('-') or as Word and Excel print it ('−', U+2212).
_MINUS = ("-", "\u2212")


def _signed(text: str, plus: bool = False) -> tuple[int, str]:
    """(-1 or 1, the text after a leading minus, or plus when `plus`)."""
    if text.startswith(_MINUS):
        return -1, text[1:]
    if plus and text.startswith("+"):
        return 1, text[1:]
    return 1, text


def _looks_numeric(text: str) -> bool:
    """Digits and the marks numbers are written with (no letters): a number written in
    another convention, such as '62.8' or '1,234.5', rather than a word such as 'nhiều'."""
    return any(c.isdigit() for c in text) and all(c.isdigit() or c in ".,' +-\u2212" for c in text)


def _other_convention(text: str) -> str | None:
    """'62.8' → '62,8', '1,234.5' → '1.234,5': the number read with the marks swapped, when
    that reading is a number (the decimal point and the thousands comma of English)."""
    swapped = text.translate(str.maketrans(".,", ",."))
    return swapped if parse_vn_number(swapped) is not None else None


# The largest amount of money, in đồng: 15 digits (999.999.999.999.999, just under a
# "triệu tỷ"). A whole province's yearly budget is of the order of 10^13–10^14 đồng, one
# activity of a department far less, so a bigger amount is a typing slip (digits pasted
# twice, an account number). 15 digits is also what a spreadsheet keeps exactly (the CSV of
# `status` is opened in Excel, which holds 15 significant digits) and stays exact as a
# JSON number (2^53 ≈ 9·10^15). Sums of many such amounts are still exact Python ints.
MAX_MONEY = 10**15 - 1
_MONEY_HINT = (
    "Số tiền tính bằng đồng, tối đa 999.999.999.999.999 (15 chữ số); "
    "kiểm tra xem có gõ thừa chữ số hoặc dán nhầm số tài khoản không."
)


def _money_too_large(shown: str, digits: int) -> ValueProblem:
    if len(shown) > 24:  # a pasted run of thousands of digits stays one readable line
        shown = shown[:20] + "…"
    return ValueProblem(
        "KH107",
        "{detail}",
        {
            "detail": f"số tiền quá lớn: '{shown}' có {digits} chữ số (tối đa 15 chữ số)",
            "hint": _MONEY_HINT,
        },
    )


# An amount planned or spent is never below zero; what came back is written in words.
_NEGATIVE_MONEY_HINT = (
    "Dự toán và số đã chi là số đồng không âm, ví dụ 150.000.000; khoản thu hồi, hoàn trả "
    "hay cắt giảm ghi rõ ở 'result' của hoạt động."
)


def _negative_money(shown: str) -> ValueProblem:
    return ValueProblem(
        "KH107",
        "{detail}",
        {"detail": f"'{shown}' là số âm; số tiền không được âm", "hint": _NEGATIVE_MONEY_HINT},
    )


def parse_money(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 0:
            raise _negative_money(str(value) if value > -MAX_MONEY else "-…")
        if value > MAX_MONEY:
            # Counted without str(): Python refuses to print ints of more than 4 300 digits.
            digits = Decimal(value).adjusted() + 1
            raise _money_too_large(str(value) if digits < 100 else "…", digits)
        return value
    return _money_from_text(_text_of(value))


@lru_cache(maxsize=8192)
def _money_from_text(text: str) -> int:
    sign, unsigned = _signed(text)
    number = parse_vn_number(_MONEY_SUFFIX.sub("", unsigned).replace(" ", ""))
    if number is None:
        raise ValueProblem(
            "KH107", "{detail}", {"detail": f"'{shortened(text)}' không phải số tiền"}
        )
    if sign < 0 and number:
        raise _negative_money(text if len(text) <= 24 else text[:20] + "…")
    if number != number.to_integral_value():
        raise ValueProblem(
            "KH107",
            "{detail}",
            {"detail": f"'{shortened(text)}' có phần lẻ; số tiền tính bằng đồng"},
        )
    if number > MAX_MONEY:  # compared as a Decimal, before any conversion to int
        raise _money_too_large(text, number.adjusted() + 1)
    return int(number)


# Percent is the type of a task's progress, the one percentage clerks type.
_PROGRESS_RULE = "Tiến độ là số nguyên từ 0 đến 100 (phần trăm)"


def _number_error(detail: str, advice: str) -> ValueProblem:
    return ValueProblem("KH105", "{detail}", {"detail": detail, "advice": advice})


def _shown(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"


def parse_percent(value: Any) -> Any:
    text = _text_of(value)
    sign, unsigned = _signed(text.removesuffix("%").strip())
    number = parse_vn_number(unsigned)
    if number is None:
        wrong = "không đúng cách viết số" if _looks_numeric(unsigned) else "không phải số"
        raise _number_error(
            f"'{_shown(text)}' {wrong}",
            f"{_PROGRESS_RULE}, không có phần thập phân, ví dụ 60 hoặc 60%.",
        )
    number *= sign
    if not 0 <= number <= 100:
        wrong = "là số âm" if number < 0 else "lớn hơn 100"
        raise _number_error(
            f"tiến độ '{_shown(text)}' {wrong}", f"{_PROGRESS_RULE}, ví dụ 60 hoặc 60%."
        )
    if number != number.to_integral_value():
        low = int(number.to_integral_value(ROUND_FLOOR))
        raise _number_error(
            f"'{_shown(text)}' có phần thập phân",
            f"{_PROGRESS_RULE}, không có phần thập phân: làm tròn thành {low} hoặc {low + 1}.",
        )
    return int(number)


def parse_decimal(value: Any) -> Any:
    """A measured or target value, of either sign (a fall of 2% is -2): '62,8', '-2,5',
    '1.234,5', '45,2%'."""
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return Decimal(value)
    text = _text_of(value)
    sign, unsigned = _signed(text.removesuffix("%").strip(), plus=True)
    number = parse_vn_number(unsigned)
    if number is not None:
        return -number if sign < 0 else number
    if not _looks_numeric(unsigned):  # a word ('nhiều'): the convention is not the problem
        raise _number_error(
            f"'{_shown(text)}' không phải số", "Viết một số bằng chữ số, ví dụ 62,8 hoặc -2,5."
        )
    advice = "Dùng dấu phẩy cho phần thập phân (62,8) và dấu chấm ngăn nghìn (1.234)."
    meant = _other_convention(unsigned)
    if meant is not None:
        advice += f" Có phải ý bạn là {'-' if sign < 0 else ''}{meant}?"
    raise _number_error(f"'{_shown(text)}' không đúng cách viết số", advice)


def _id_checker(pattern: re.Pattern[str]) -> Any:
    def check(value: Any) -> Any:
        text = _text_of(value)
        if not pattern.match(text):
            raise ValueProblem("KH108", "{value}", {"value": text})
        return text

    return check


check_unit_id = _id_checker(UNIT_ID_PATTERN)
check_task_id = _id_checker(TASK_ID_PATTERN)


def is_unit_id(text: str) -> bool:
    """True when `text` is a well-formed unit id (safe to use as a file name)."""
    return bool(UNIT_ID_PATTERN.match(text))


def is_task_id(text: str) -> bool:
    return bool(TASK_ID_PATTERN.match(text))


SUPPORTED_SCHEMA_VERSIONS = (1,)


def parse_schema_version(value: Any) -> Any:
    text = _text_of(value)
    if not text.isdigit() or int(text) not in SUPPORTED_SCHEMA_VERSIONS:
        supported = ", ".join(str(v) for v in SUPPORTED_SCHEMA_VERSIONS)
        raise ValueProblem("KH110", "{value}", {"value": text, "supported": supported})
    return int(text)


def end_of_month(year: int, month: int) -> date:
    """The last day of that month (a reporting period ends there)."""
    return date(year, month, calendar.monthrange(year, month)[1])
