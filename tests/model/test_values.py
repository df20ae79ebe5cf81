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


@pytest.mark.parametrize("typed", ["150", "62,5", "-1", "101%"])
def test_percent_out_of_range_or_fractional(typed):
    # 150 was pydantic's less_than_equal, whose hint did not say the range; now KH105 as well
    assert error_type(Percent, typed) == "KH105"


def error(kind, value) -> tuple[str, str, str]:
    """(type, detail, advice or hint) of the first error."""
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(kind).validate_python(value)
    first = caught.value.errors()[0]
    ctx = first.get("ctx") or {}
    return first["type"], ctx.get("detail", ""), ctx.get("advice", ctx.get("hint", ""))


@pytest.mark.parametrize(
    ("typed", "detail", "advice"),
    [
        ("150", "tiến độ '150' lớn hơn 100", "từ 0 đến 100"),
        ("-5", "tiến độ '-5' là số âm", "từ 0 đến 100"),
        ("100,5", "tiến độ '100,5' lớn hơn 100", "từ 0 đến 100"),
        ("70,5", "'70,5' có phần thập phân", "không có phần thập phân: làm tròn thành 70 hoặc 71"),
        ("nhiều", "'nhiều' không phải số", "từ 0 đến 100"),
        ("70.5", "'70.5' không đúng cách viết số", "không có phần thập phân"),
    ],
)
def test_percent_errors_say_what_is_wrong_and_the_range(typed, detail, advice):
    kind, said, hint = error(Percent, typed)
    assert (kind, said) == ("KH105", detail)
    assert advice in hint and "Tiến độ là số nguyên từ 0 đến 100" in hint


def test_money_refused_below_zero_says_so():
    for typed in ("-150.000.000", "-5", "\u22125 đồng", -5):
        kind, detail, hint = error(Money, typed)
        assert kind == "KH107" and detail.endswith("là số âm; số tiền không được âm"), detail
        assert "không âm" in hint
    # a minus before something that is not an amount is not "a negative number"
    assert error(Money, "-abc")[1] == "'-abc' không phải số tiền"
    assert ok(Money, "-0") == 0


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("-3", Decimal(-3)),
        ("-2,5", Decimal("-2.5")),
        ("\u22122,5", Decimal("-2.5")),  # the minus sign Word and Excel print
        ("+1,5", Decimal("1.5")),
        ("-1.234,5", Decimal("-1234.5")),
        ("-4%", Decimal(-4)),
        ("-0", Decimal(0)),
        (-3, Decimal(-3)),
    ],
)
def test_decimal_values_may_be_negative(typed, expected):
    """A fall of 2%, a negative growth rate: indicator values and targets of either sign."""
    assert ok(VnDecimal, typed) == expected


def test_a_word_is_not_told_about_the_decimal_convention():
    kind, detail, advice = error(VnDecimal, "nhiều")
    assert (kind, detail) == ("KH105", "'nhiều' không phải số")
    assert "dấu phẩy" not in advice and "-2,5" in advice


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("62.8", "62,8"), ("1,234.5", "1.234,5"), ("-62.8", "-62,8"), ("1.234.5", None)],
)
def test_a_number_in_another_convention_is_told_the_convention(typed, meant):
    kind, detail, advice = error(VnDecimal, typed)
    assert (kind, detail) == ("KH105", f"'{typed}' không đúng cách viết số")
    assert advice.startswith("Dùng dấu phẩy cho phần thập phân (62,8)")
    assert (f"Có phải ý bạn là {meant}?" in advice) if meant else "Có phải" not in advice


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
