"""Field types that accept what clerks type and keep one canonical form.

Every plain YAML scalar reaches the models as a string (see loading/yamlsafe.py), so
these parsers see exactly what was typed: `10/11/2024`, `150.000.000`, `60%`, `62,8`.
Errors are raised as PydanticCustomError whose type is a catalogue code, so the
translation to an Issue needs no guessing.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, PlainSerializer, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_VN_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
# Vietnamese grouping uses '.', the decimal mark is ','; a bare integer needs no grouping.
_VN_NUMBER = re.compile(r"^(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d+))?$")
_MONEY_SUFFIX = re.compile(r"\s*(đồng|đ|vnđ|vnd)$", re.IGNORECASE)
_UNIT_ID = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")
_TASK_ID = re.compile(r"^\d{1,3}(?:\.\d{1,3}){0,5}$")


def _text_of(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        raise PydanticCustomError("KH103", "{detail}", {"detail": "cần một giá trị", "advice": ""})
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
            raise PydanticCustomError(
                "KH106", "{detail}", {"detail": f"'{text}' không phải dạng ngày"}
            )
        day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise PydanticCustomError(
            "KH106", "{detail}", {"detail": f"ngày {day}/{month}/{year} không tồn tại"}
        ) from None


def parse_vn_number(text: str) -> Decimal | None:
    """`1.234.567` → 1234567, `62,8` → 62.8, `60` → 60; None when not of that form."""
    match = _VN_NUMBER.match(text)
    if not match:
        return None
    whole = match.group("int").replace(".", "")
    frac = match.group("frac")
    try:
        return Decimal(f"{whole}.{frac}" if frac else whole)
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        return None


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


def _money_too_large(shown: str, digits: int) -> PydanticCustomError:
    if len(shown) > 24:  # a pasted run of thousands of digits stays one readable line
        shown = shown[:20] + "…"
    return PydanticCustomError(
        "KH107",
        "{detail}",
        {
            "detail": f"số tiền quá lớn: '{shown}' có {digits} chữ số (tối đa 15 chữ số)",
            "hint": _MONEY_HINT,
        },
    )


def parse_money(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 0:
            shown = str(value) if value > -MAX_MONEY else "-…"
            raise PydanticCustomError("KH107", "{detail}", {"detail": f"'{shown}' là số âm"})
        if value > MAX_MONEY:
            # Counted without str(): Python refuses to print ints of more than 4 300 digits.
            digits = Decimal(value).adjusted() + 1
            raise _money_too_large(str(value) if digits < 100 else "…", digits)
        return value
    return _money_from_text(_text_of(value))


@lru_cache(maxsize=8192)
def _money_from_text(text: str) -> int:
    number = parse_vn_number(_MONEY_SUFFIX.sub("", text).replace(" ", ""))
    if number is None:
        detail = f"'{text}' là số âm" if text.startswith("-") else f"'{text}' không phải số tiền"
        raise PydanticCustomError("KH107", "{detail}", {"detail": detail})
    if number != number.to_integral_value():
        raise PydanticCustomError(
            "KH107", "{detail}", {"detail": f"'{text}' có phần lẻ; số tiền tính bằng đồng"}
        )
    if number > MAX_MONEY:  # compared as a Decimal, before any conversion to int
        raise _money_too_large(text, number.adjusted() + 1)
    return int(number)


def parse_percent(value: Any) -> Any:
    text = _text_of(value)
    number = parse_vn_number(text.removesuffix("%").strip())
    if number is None or number != number.to_integral_value():
        raise PydanticCustomError(
            "KH105",
            "{detail}",
            {
                "detail": f"'{text}' không phải số phần trăm nguyên",
                "advice": "Viết 0 đến 100, ví dụ 60 hoặc 60%.",
            },
        )
    return int(number)


def parse_decimal(value: Any) -> Any:
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return Decimal(value)
    text = _text_of(value)
    number = parse_vn_number(text.removesuffix("%").strip())
    if number is None:
        raise PydanticCustomError(
            "KH105",
            "{detail}",
            {
                "detail": f"'{text}' không phải số",
                "advice": "Dùng dấu phẩy cho phần thập phân (62,8) và dấu chấm ngăn nghìn (1.234).",
            },
        )
    return number


def _id_checker(pattern: re.Pattern[str]) -> Any:
    def check(value: Any) -> Any:
        text = _text_of(value)
        if not pattern.match(text):
            raise PydanticCustomError("KH108", "{value}", {"value": text})
        return text

    return check


# JSON Schemas describe what a clerk may type (YAML 1.2 readers see numbers as numbers and
# '150.000.000' as text), for editors and for peer tools such as check-jsonschema.
_NUMBER_TEXT = r"^(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$"
_MONEY_SCHEMA = {
    "anyOf": [
        {"type": "integer", "minimum": 0},
        {"type": "string", "pattern": r"^(\d{1,3}(\.\d{3})+|\d+)( ?([đĐ]|đồng|[vV][nN][dDđĐ]))?$"},
    ],
    "description": "Số tiền bằng đồng: 150000000 hoặc 150.000.000",
}
_PERCENT_SCHEMA = {
    "anyOf": [
        {"type": "integer", "minimum": 0, "maximum": 100},
        {"type": "string", "pattern": r"^(100|\d{1,2}) ?%?$"},
    ],
    "description": "Phần trăm 0–100: 60 hoặc 60%",
}
_DECIMAL_SCHEMA = {
    "anyOf": [
        {"type": "number"},
        {"type": "string", "pattern": _NUMBER_TEXT.replace("$", " ?%?$")},
    ],
    "description": "Số; phần thập phân dùng dấu phẩy: 62,8",
}
_DATE_SCHEMA = {
    "type": "string",
    "pattern": r"^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})$",
    "description": "Ngày: 2024-11-10 hoặc 10/11/2024",
}
_UNIT_ID_SCHEMA = {
    "type": "string",
    "pattern": _UNIT_ID.pattern,
    "description": "Mã đơn vị, ví dụ phong-a",
}
_TASK_ID_SCHEMA = {
    "type": "string",
    "pattern": _TASK_ID.pattern,
    "description": "Mã nhiệm vụ, ví dụ 2.1",
}

Money = Annotated[int, BeforeValidator(parse_money), Field(ge=0), WithJsonSchema(_MONEY_SCHEMA)]
Percent = Annotated[
    int, BeforeValidator(parse_percent), Field(ge=0, le=100), WithJsonSchema(_PERCENT_SCHEMA)
]


def _vietnamese_decimal(value: Decimal) -> str:
    return format(value, "f").replace(".", ",")


VnDecimal = Annotated[
    Decimal,
    BeforeValidator(parse_decimal),
    WithJsonSchema(_DECIMAL_SCHEMA),
    # Written back as a clerk would type it ('62,8'), so a dump loads again unchanged.
    PlainSerializer(_vietnamese_decimal, return_type=str, when_used="json"),
]
VnDate = Annotated[date, BeforeValidator(parse_date), WithJsonSchema(_DATE_SCHEMA)]
UnitId = Annotated[str, BeforeValidator(_id_checker(_UNIT_ID)), WithJsonSchema(_UNIT_ID_SCHEMA)]
TaskId = Annotated[str, BeforeValidator(_id_checker(_TASK_ID)), WithJsonSchema(_TASK_ID_SCHEMA)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def is_unit_id(text: str) -> bool:
    """True when `text` is a well-formed unit id (safe to use as a file name)."""
    return bool(_UNIT_ID.match(text))


def is_task_id(text: str) -> bool:
    return bool(_TASK_ID.match(text))


SUPPORTED_SCHEMA_VERSIONS = (1,)


def _schema_version(value: Any) -> Any:
    text = _text_of(value)
    if not text.isdigit() or int(text) not in SUPPORTED_SCHEMA_VERSIONS:
        supported = ", ".join(str(v) for v in SUPPORTED_SCHEMA_VERSIONS)
        raise PydanticCustomError("KH110", "{value}", {"value": text, "supported": supported})
    return int(text)


SchemaVersion = Annotated[
    int,
    BeforeValidator(_schema_version),
    WithJsonSchema({"type": "integer", "enum": list(SUPPORTED_SCHEMA_VERSIONS)}),
]
