"""The form's numbers read as the clerk meant them (forms/numbers.py), before the YAML is
built: an amount becomes whole đồng, a progress 0–100, an indicator's value '45,2'; what
can be read two ways is a problem located at its cell, with the way to write it."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from kehoach_cli.forms.numbers import Ambiguous, amount, percent, read_decimal, vn_text
from kehoach_cli.forms.read import Cell, FormData, Problem

_AMOUNT_HINT = "Ghi số đồng bằng chữ số, ví dụ 1234567 hoặc 1.234.567."
_PERCENT_HINT = "Ghi tiến độ là số từ 0 đến 100, ví dụ 60 hoặc 60%."
_DECIMAL_HINT = "Ghi rõ: 1234 (không ngăn nghìn) hoặc 1,234 (phần thập phân dùng dấu phẩy)."


def read_numbers(form: FormData) -> None:
    """Replace the number cells' values in `form` by the numbers they stand for."""
    for row in form.tasks:
        row["progress"] = _progress(row["progress"], form.problems)
    for row in form.activities:
        for key in ("planned", "spent"):
            row[key] = _amount(row[key], form.problems)
    for row in form.indicators:
        row["value"] = _decimal(row["value"], form.problems)


def _progress(cell: Cell, problems: list[Problem]) -> Cell:
    try:
        number = percent(cell.value, cell.percent)
    except Ambiguous as error:
        problems.append(Problem(cell.where, str(error), _PERCENT_HINT))
        return cell
    if number is None:
        return cell
    value = int(number) if isinstance(number, int) else float(number)
    return replace(cell, value=value, percent=False)


def _amount(cell: Cell, problems: list[Problem]) -> Cell:
    try:
        number = amount(cell.value)
    except Ambiguous as error:
        problems.append(Problem(cell.where, str(error), _AMOUNT_HINT))
        return cell
    return cell if number is None else replace(cell, value=number)


def _decimal(cell: Cell, problems: list[Problem]) -> Cell:
    if not isinstance(cell.value, str):
        return cell
    text = cell.value.strip()
    marked = text.endswith("%")
    try:
        number = read_decimal(text.removesuffix("%"))
    except Ambiguous as error:
        problems.append(Problem(cell.where, str(error), _DECIMAL_HINT))
        return cell
    if number is None:
        return cell
    return replace(cell, value=vn_text(Decimal(number)) + ("%" if marked else ""))
