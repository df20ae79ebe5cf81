"""Task deadlines as plans write them: "Quý III/2024", "trước 30/9/2024", "Tháng 6/2024",
"6 tháng đầu năm", "Năm 2025", "Hằng năm", "Tháng 6 hằng năm", "Thường xuyên".

The text is kept word for word (the plan document prints it); a due date is derived where
the wording names one, so that a task can be judged late. A deadline that names no year
("Hằng năm", "6 tháng đầu năm") falls due every year; "Thường xuyên" never does.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from enum import Enum
from typing import Any, ClassVar

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from kehoach_cli.errors import shortened
from kehoach_cli.model.base import StrictModel

ACCEPTED = (
    "30/9/2024, trước 30/9/2024, Tháng 6/2024, Quý III/2024, 6 tháng đầu năm 2024, "
    "Năm 2025, 2024 - 2025, Hằng năm, Tháng 6 hằng năm, Quý III hằng năm, 30/9 hằng năm, "
    "6 tháng đầu năm (hằng năm), Hằng quý, Thường xuyên"
)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR = r"(?:/|\s+năm\s+|\s+)(\d{4})"
_EACH_YEAR = r"\s+(?:hằng|hàng)\s+năm$"
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?:trước\s+)?(?:ngày\s+)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$"), "day"),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), "iso"),
    (
        re.compile(r"^(?:trước\s+)?ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})$"),
        "day",
    ),
    (re.compile(r"^(?:trong\s+)?tháng\s+(\d{1,2})" + _YEAR + "$"), "month"),
    (re.compile(r"^(?:trong\s+)?quý\s+(i{1,3}|iv|[1-4])" + _YEAR + "$"), "quarter"),
    (re.compile(r"^6\s+tháng\s+(đầu|cuối)\s+năm" + _YEAR + "$"), "half"),
    (re.compile(r"^(?:trong\s+)?(?:năm\s+)?(\d{4})$"), "year"),
    (re.compile(r"^(?:giai\s+đoạn\s+)?(?:năm\s+)?(\d{4})\s*[-–]\s*(\d{4})$"), "span"),
    (re.compile(r"^6\s+tháng\s+(đầu|cuối)\s+năm(?:\s+\(?hằng\s+năm\)?)?$"), "yearly_half"),
    (re.compile(r"^(?:trong\s+)?tháng\s+(\d{1,2})" + _EACH_YEAR), "yearly_month"),
    (re.compile(r"^(?:trong\s+)?quý\s+(i{1,3}|iv|[1-4])" + _EACH_YEAR), "yearly_quarter"),
    (re.compile(r"^(?:trước\s+)?(?:ngày\s+)?(\d{1,2})[/.-](\d{1,2})" + _EACH_YEAR), "yearly_day"),
    (re.compile(r"^(?:định\s+kỳ\s+)?(?:hằng|hàng)\s+năm$"), "yearly"),
    (re.compile(r"^(?:hằng|hàng)\s+(?:quý|tháng)$"), "recurring"),
    (re.compile(r"^(?:thường\s+xuyên|liên\s+tục)(?:[,;]?" + _EACH_YEAR + ")?$"), "continuous"),
]


class DeadlineKind(str, Enum):
    ONCE = "once"  # a date: the task is due then
    YEARLY = "yearly"  # due each year by `day_month` (its year's report judges it)
    RECURRING = "recurring"  # each quarter or month: no single due date
    CONTINUOUS = "continuous"  # "Thường xuyên": never late by date
    UNREAD = "unread"  # wording not understood: kept as written, no due date (KH213 warns)


class Deadline(StrictModel):
    """A task's deadline, as written and as understood."""

    json_alternatives: ClassVar[list[dict[str, Any]]] = [{"type": "string", "minLength": 1}]

    text: str = Field(description="Thời hạn đúng như văn bản ghi, ví dụ 'Quý III/2024'")
    kind: DeadlineKind
    due: date | None = None  # ONCE: the day it falls due
    day_month: tuple[int, int] | None = None  # YEARLY: (day, month) of each year

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if isinstance(value, str):
            return parse_deadline(value)
        return value

    def due_in(self, year: int) -> date | None:
        """When the task falls due for the report of `year` (None: not by a date)."""
        if self.kind is DeadlineKind.ONCE:
            return self.due
        if self.kind is DeadlineKind.YEARLY and self.day_month:
            day, month = self.day_month
            return date(year, month, day)
        return None


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _invalid(text: str, detail: str) -> PydanticCustomError:
    return PydanticCustomError(
        "KH111",
        "{detail}",
        {"detail": f"'{shortened(text)}': {detail}", "advice": f"Viết như: {ACCEPTED}."},
    )


def parse_deadline(text: str) -> dict[str, Any]:
    """The fields of a Deadline for `text`. Wording not understood is kept as written with
    no due date (validate warns, KH213: the official text is never refused); a date that
    does not exist (31/9/2024) is a KH111 error."""
    written = " ".join(str(text).split())
    key = written.lower().rstrip(".")
    for pattern, form in _PATTERNS:
        match = pattern.match(key)
        if match:
            return {"text": written, **_understood(form, match.groups(), written)}
    return {"text": written, "kind": DeadlineKind.UNREAD}


def _understood(form: str, parts: tuple[str, ...], written: str) -> dict[str, Any]:
    once = DeadlineKind.ONCE
    if form == "span" and int(parts[1]) < int(parts[0]):
        raise _invalid(written, f"năm kết thúc {parts[1]} trước năm bắt đầu {parts[0]}")
    try:
        if form == "day":
            day, month, year = (int(p) for p in parts)
            return {"kind": once, "due": date(year, month, day)}
        if form == "iso":
            year, month, day = (int(p) for p in parts)
            return {"kind": once, "due": date(year, month, day)}
        if form == "month":
            return {"kind": once, "due": _last_day(int(parts[1]), int(parts[0]))}
        if form == "quarter":
            quarter = _ROMAN[parts[0].upper()]
            return {"kind": once, "due": _last_day(int(parts[1]), quarter * 3)}
        if form == "half":
            month = 6 if parts[0] == "đầu" else 12
            return {"kind": once, "due": _last_day(int(parts[1]), month)}
        if form == "year":
            return {"kind": once, "due": date(int(parts[0]), 12, 31)}
        if form == "span":
            return {"kind": once, "due": date(int(parts[1]), 12, 31)}
    except ValueError:
        raise _invalid(written, "ngày tháng không tồn tại") from None
    if form in ("yearly_month", "yearly_quarter"):
        month = int(parts[0]) if form == "yearly_month" else _ROMAN[parts[0].upper()] * 3
        if not 1 <= month <= 12:
            raise _invalid(written, f"không có tháng {month}")
        # the month's last day in a common year, so that every year has it (no 29/02)
        return {"kind": DeadlineKind.YEARLY, "day_month": (_last_day(2023, month).day, month)}
    if form == "yearly_day":
        day, month = int(parts[0]), int(parts[1])
        try:
            date(2023, month, day)  # a common year: a day that every year has
        except ValueError:
            raise _invalid(written, "ngày không có trong mọi năm") from None
        return {"kind": DeadlineKind.YEARLY, "day_month": (day, month)}
    if form == "yearly_half":
        return {
            "kind": DeadlineKind.YEARLY,
            "day_month": (30, 6) if parts[0] == "đầu" else (31, 12),
        }
    if form == "yearly":
        return {"kind": DeadlineKind.YEARLY, "day_month": (31, 12)}
    if form == "recurring":
        return {"kind": DeadlineKind.RECURRING}
    return {"kind": DeadlineKind.CONTINUOUS}
