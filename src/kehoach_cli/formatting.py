"""Vietnamese forms of numbers and dates: 1.234.567, 62,8%, ngày 05 tháng 01 năm 2025.

Rounding is half-up, done here before Babel formats (Babel rounds half-even).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

LOCALE = "vi"


@lru_cache(maxsize=1)
def _babel() -> Any:
    from babel import numbers  # imported on first use: it is slow to load

    return numbers


def round_half_up(value: Decimal | int | float, digits: int = 0) -> Decimal:
    exponent = Decimal(1).scaleb(-digits)
    return Decimal(str(value)).quantize(exponent, rounding=ROUND_HALF_UP)


@lru_cache(maxsize=16384)
def number(value: Decimal | int | float, digits: int = 0) -> str:
    """1234567 → '1.234.567'; 62.85 with one digit → '62,9'. Cached: reports repeat amounts."""
    rounded = round_half_up(value, digits)
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return str(_babel().format_decimal(rounded, format=pattern, locale=LOCALE))


def decimal(value: Decimal | int | float) -> str:
    """As few decimals as the value needs: 62.8 → '62,8', 45 → '45'."""
    normalized = Decimal(str(value)).normalize()
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
