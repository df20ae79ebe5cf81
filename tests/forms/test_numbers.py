"""Numbers as clerks type them in a Vietnamese or an English spreadsheet (forms/numbers.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kehoach_cli.forms.numbers import Ambiguous, amount, percent, read_decimal


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("1.234.567", 1234567),
        ("1,234,567", 1234567),
        ("1 234 567", 1234567),
        ("1\u00a0234\u00a0567", 1234567),  # a no-break space, as spreadsheets group
        ("150000000", 150000000),
        ("150.000.000 đồng", 150000000),
        ("1.234", 1234),  # an amount in đồng has no decimals: one group is a thousand
        ("1,234", 1234),
        (1234567.0, 1234567),
        (1234567, 1234567),
    ],
)
def test_amounts_as_typed(typed, meant):
    assert amount(typed) == meant


def test_an_amount_with_decimals_is_said():
    with pytest.raises(Ambiguous, match="phần lẻ"):
        amount(1.234)  # '1,234' typed in vi-VN is one đồng and a fraction
    assert amount("1,5") is None  # left to the checks' own message


@pytest.mark.parametrize(
    ("typed", "percent_cell", "meant"),
    [
        (60, False, 60),
        ("60", False, 60),
        ("60%", False, 60),
        ("60 %", False, 60),
        (0.6, True, 60),  # 60% typed: stored 0.6, shown as a percent
        ("0,6", True, 60),  # kept as text in a percent cell (en-US)
        (100, False, 100),
        (0, False, 0),
    ],
)
def test_progress_as_typed(typed, percent_cell, meant):
    assert percent(typed, percent_cell) == meant


@pytest.mark.parametrize("typed", [0.6, "0,6", "0.6"])
def test_a_fraction_not_shown_as_percent_is_a_question(typed):
    with pytest.raises(Ambiguous, match="60%"):
        percent(typed, False)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("45,2", Decimal("45.2")), ("45.2", Decimal("45.2")), ("1.234,5", Decimal("1234.5"))],
)
def test_decimals_in_either_convention(typed, meant):
    assert read_decimal(typed) == meant


def test_a_single_group_of_three_is_ambiguous_for_a_decimal():
    with pytest.raises(Ambiguous, match="1234 hoặc 1,234"):
        read_decimal("1.234")
