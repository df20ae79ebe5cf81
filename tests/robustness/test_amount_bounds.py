"""Amounts are bounded where they are read, and every formatter is total over what passes:
no InvalidOperation (Decimal's 28 digits), no int-string limit (4 300 digits), anywhere."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from kehoach_cli import formatting as fmt
from kehoach_cli.model.values import MAX_MONEY, Money
from tests.conftest import edit

KHTC = "data/progress/2024/khtc.yaml"
BUDGET = "budget: {planned: 30.000.000, spent: 30.000.000}"


def money_error(value) -> dict:
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(Money).validate_python(value)
    return caught.value.errors()[0]


@pytest.mark.parametrize(
    "typed",
    [
        "1.000.000.000.000.000",  # 10^15: one digit too many
        "123456789012345678901234567890",  # 30 digits: Decimal's context has 28
        "9" * 4301,  # past Python's int-string limit
        "1" * 100_000,
        10**15,
        10**5000,
    ],
    ids=["10^15", "30 digits", "4301 digits", "100000 digits", "int 10^15", "int 10^5000"],
)
def test_money_over_fifteen_digits_is_refused_with_advice(typed):
    error = money_error(typed)
    assert error["type"] == "KH107"
    assert "số tiền quá lớn" in error["msg"]
    assert "tối đa 15 chữ số" in error["msg"]
    assert "999.999.999.999.999" in error["ctx"]["hint"]
    assert len(error["msg"]) < 120  # a pasted run of digits is not echoed whole


def test_the_largest_amount_is_accepted():
    assert TypeAdapter(Money).validate_python("999.999.999.999.999 đồng") == MAX_MONEY
    assert TypeAdapter(Money).validate_python(MAX_MONEY) == MAX_MONEY


def test_the_limit_is_exact_in_a_spreadsheet_and_in_json():
    assert len(str(MAX_MONEY)) == 15  # Excel keeps 15 significant digits
    assert float(MAX_MONEY) == MAX_MONEY  # a JSON reader's double holds it exactly


# --- formatters ---------------------------------------------------------------------------


def test_formatters_keep_their_vietnamese_forms():
    assert fmt.money(150_000_000) == "150.000.000"
    assert fmt.money(0) == "0"
    assert fmt.number(Decimal("62.85"), 1) == "62,9"  # half-up, not half-even
    assert fmt.number(62.85, 1) == "62,9"  # a float as it prints, not its binary value
    assert fmt.number(Decimal("-1234.5"), 1) == "-1.234,5"
    assert fmt.number(Decimal("-0.04"), 1) == "0,0"  # no '-0,0'
    assert fmt.decimal(Decimal("62.80")) == "62,8"
    assert fmt.decimal(Decimal(45)) == "45"
    assert fmt.decimal(Decimal("1E+3")) == "1.000"
    assert fmt.percent(Decimal("47.95"), 1) == "48,0%"


def test_formatters_are_total_over_sums_of_many_maximal_amounts():
    total = MAX_MONEY * 1_000_000  # a million activities at the limit: 21 digits
    assert fmt.money(total) == "999.999.999.999.999.000.000"
    rate = Decimal(total) * 100 / 1  # spent against a planned 1 đồng
    assert fmt.percent(rate, 1).endswith(",0%")
    assert fmt.round_half_up(Decimal(MAX_MONEY) * 10**20, 2) == Decimal(MAX_MONEY) * 10**20


def test_formatters_are_total_over_numbers_of_thousands_of_digits():
    huge = 10**5001 + 1  # str() of it raises ValueError in Python ≥ 3.11
    text = fmt.money(huge)
    assert text.startswith("1.000.000.") and text.endswith(".001")
    assert text.replace(".", "") == "1" + "0" * 5000 + "1"
    long_decimal = Decimal("1" * 50 + ".5")  # not rounded to 28 digits on the way
    assert fmt.decimal(long_decimal) == "11." + ".".join(["111"] * 16) + ",5"
    tiny = Decimal("0." + "0" * 60 + "1")
    assert fmt.decimal(tiny) == "0," + "0" * 60 + "1"
    assert fmt.number(tiny, 2) == "0,00"
    assert fmt.number(Decimal("9" * 40 + ".5"), 0) == "10" + ".000" * 13


def test_non_finite_floats_do_not_raise():
    assert fmt.number(float("inf")) == fmt.decimal(float("nan")) == "—"


@settings(max_examples=300, deadline=None)
@given(
    value=st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**20), max_value=10**20),
    digits=st.integers(0, 3),
)
def test_formatting_equals_babel_where_babel_can_format(value: Decimal, digits: int):
    """The former implementation (Babel's vi locale) for ordinary numbers, digit for digit."""
    numbers = pytest.importorskip("babel.numbers")
    rounded = fmt.round_half_up(value, digits)
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    expected = numbers.format_decimal(rounded, format=pattern, locale="vi")
    if rounded == 0:
        expected = expected.lstrip("-")  # Babel wrote '-0,0'
    assert fmt.number(value, digits) == expected


# --- end to end ---------------------------------------------------------------------------


def test_validate_locates_an_amount_too_large(workspace: Path, cli):
    edit(workspace / KHTC, BUDGET, "budget: {planned: 123456789012345678901234567890, spent: 1}")
    result = cli("validate", "--root", str(workspace))
    assert result.code == 1
    assert "khtc.yaml:20:" in result.stderr and "KH107" in result.stderr
    assert "số tiền quá lớn" in result.stderr and "999.999.999.999.999" in result.stderr
    assert "Traceback" not in result.stderr and "InvalidOperation" not in result.stderr


def test_validate_refuses_more_digits_than_python_prints(workspace: Path, cli):
    edit(workspace / KHTC, BUDGET, f"budget: {{planned: {'9' * 5000}, spent: 1}}")
    result = cli("validate", "--root", str(workspace))
    assert result.code == 1 and "số tiền quá lớn" in result.stderr
    assert "5000 chữ số" in result.stderr


def test_maximal_amounts_go_through_every_command(workspace: Path, cli, tmp_path: Path):
    """spent > planned at the limit: KH310's message, status tables, JSON, CSV and report."""
    edit(workspace / KHTC, BUDGET, "budget: {planned: 1, spent: 999.999.999.999.999}")
    root = ("--root", str(workspace))
    result = cli("validate", *root)
    assert result.code == 0, result.stderr
    assert "KH310" in result.stderr and "999.999.999.999.999" in result.stderr
    # khtc's spent: the maximal amount + 25.000.000 of its other activity (16 digits)
    result = cli("status", "--year", "2024", "--by", "budget", *root, env={"COLUMNS": "200"})
    assert result.code == 0, result.stderr
    assert "1.000.000.024.999.999" in result.stdout and "1.176.470.603,8%" in result.stdout
    result = cli("status", "--year", "2024", "--by", "budget", "--format", "csv", *root)
    assert result.code == 0 and ",1000000024999999,1176470603.8," in result.stdout
    result = cli("status", "--year", "2024", "--format", "json", *root)
    assert result.code == 0 and '"spent": 1000000024999999' in result.stdout
    json.loads(result.stdout)
    result = cli("report", "--year", "2024", "-o", str(tmp_path / "bc.docx"), *root)
    assert result.code == 0, result.stderr
