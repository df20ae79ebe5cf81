from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pydantic import TypeAdapter, ValidationError

from kehoach_cli.model.values import Money, Percent, TaskId, UnitId, VnDate, VnDecimal


def ok(kind, value):
    return TypeAdapter(kind).validate_python(value)


def error_type(kind, value) -> str:
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(kind).validate_python(value)
    return caught.value.errors()[0]["type"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2024-11-10", date(2024, 11, 10)),
        ("10/11/2024", date(2024, 11, 10)),
        ("5/1/2025", date(2025, 1, 5)),
        ("05.01.2025", date(2025, 1, 5)),
        (" 2024-2-29 ", date(2024, 2, 29)),
    ],
)
def test_dates_in_the_forms_clerks_type(typed, expected):
    assert ok(VnDate, typed) == expected


@pytest.mark.parametrize(
    "typed", ["31/02/2024", "2023-02-29", "ngày 5", "2024/11/10", "", "13/13/2024"]
)
def test_impossible_or_unreadable_dates(typed):
    assert error_type(VnDate, typed) == "KH106"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("150000000", 150_000_000),
        ("150.000.000", 150_000_000),
        ("150.000.000 đồng", 150_000_000),
        ("150.000.000đ", 150_000_000),
        ("0", 0),
        (42, 42),
    ],
)
def test_money_forms(typed, expected):
    assert ok(Money, typed) == expected


@pytest.mark.parametrize(
    "typed", ["-5", "1e309", "NaN", "150tr", "1.50.000", "150.000,5", "1,234,567"]
)
def test_money_that_is_not_money(typed):
    assert error_type(Money, typed) == "KH107"


@pytest.mark.parametrize(("typed", "expected"), [("60", 60), ("60%", 60), ("100 %", 100), ("0", 0)])
def test_percent_forms(typed, expected):
    assert ok(Percent, typed) == expected


@pytest.mark.parametrize(
    ("typed", "kind"), [("150", "less_than_equal"), ("62,5", "KH105"), ("-1", "KH105")]
)
def test_percent_out_of_range_or_fractional(typed, kind):
    assert error_type(Percent, typed) == kind


def test_vietnamese_decimal_comma_and_grouping():
    assert ok(VnDecimal, "62,8") == Decimal("62.8")
    assert ok(VnDecimal, "1.234,5") == Decimal("1234.5")
    assert ok(VnDecimal, "45") == Decimal(45)
    # "45.2" would mean 452 (grouping) or 45,2: refuse rather than guess.
    assert error_type(VnDecimal, "45.2") == "KH105"


@pytest.mark.parametrize("typed", ["qlkh", "cuc-thong-ke", "a1"])
def test_unit_ids(typed):
    assert ok(UnitId, typed) == typed


@pytest.mark.parametrize("typed", ["../x", "QLKH", "qlkh/..", "-x", "x-", "phòng", "a b", ""])
def test_unit_ids_that_could_become_unsafe_paths_are_rejected(typed):
    assert error_type(UnitId, typed) == "KH108"


@pytest.mark.parametrize(
    ("typed", "valid"),
    [("1", True), ("2.10", True), ("2.1.3", True), ("2.", False), ("a", False), ("../1", False)],
)
def test_task_ids(typed, valid):
    if valid:
        assert ok(TaskId, typed) == typed
    else:
        assert error_type(TaskId, typed) == "KH108"
