"""Deadlines in the words plans use: each year's date, never late, or kept as written."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from kehoach_cli.model.deadlines import Deadline, DeadlineKind


def deadline(text: str) -> Deadline:
    return Deadline.model_validate(text)


@pytest.mark.parametrize(
    ("text", "due_2024"),
    [
        ("Tháng 6 hằng năm", date(2024, 6, 30)),
        ("Quý III hằng năm", date(2024, 9, 30)),
        ("Trước ngày 15/12 hằng năm", date(2024, 12, 15)),
        ("Định kỳ hằng năm", date(2024, 12, 31)),
        ("Quý III/2024", date(2024, 9, 30)),
        ("Trước ngày 30/9/2024", date(2024, 9, 30)),
    ],
)
def test_a_deadline_that_names_a_date_falls_due_then(text: str, due_2024: date):
    parsed = deadline(text)
    assert parsed.text == text
    assert parsed.due_in(2024) == due_2024


def test_every_year_means_each_reported_years_date():
    assert deadline("Tháng 6 hằng năm").due_in(2025) == date(2025, 6, 30)


@pytest.mark.parametrize("text", ["Thường xuyên", "Thường xuyên, hằng năm", "Liên tục"])
def test_continuous_work_has_no_due_date(text: str):
    parsed = deadline(text)
    assert parsed.kind is DeadlineKind.CONTINUOUS and parsed.due_in(2024) is None


def test_wording_not_understood_is_kept_without_a_due_date():
    parsed = deadline("Năm 2024 và các năm tiếp theo")
    assert parsed.kind is DeadlineKind.UNREAD
    assert parsed.text == "Năm 2024 và các năm tiếp theo"
    assert parsed.due_in(2024) is None


@pytest.mark.parametrize("text", ["31/9/2024", "29/2 hằng năm", "Tháng 13 hằng năm"])
def test_a_day_that_does_not_exist_is_still_an_error(text: str):
    with pytest.raises(ValidationError, match=r"không"):
        deadline(text)
