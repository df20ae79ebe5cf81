"""A deadline is a day every year has: 31/11 and 29/02 would leave a year without one (and
a command computing that year's deadline without a date)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from kehoach_cli.model.plan import DayMonth


@pytest.mark.parametrize("text", ["31/11", "30/02", "29/02", "31/4", "29/2 năm sau"])
def test_a_day_some_year_lacks_is_refused(text: str):
    with pytest.raises(ValidationError) as refused:
        DayMonth.model_validate(text)
    [error] = refused.value.errors()
    assert error["type"] == "KH106"
    assert "không phải ngày có ở mọi năm" in error["ctx"]["detail"]


@pytest.mark.parametrize(
    ("text", "in_2025"),
    [("30/11", date(2025, 11, 30)), ("28/02", date(2025, 2, 28)), ("31/12", date(2025, 12, 31))],
)
def test_every_real_day_gives_each_year_its_deadline(text: str, in_2025: date):
    deadline = DayMonth.model_validate(text)
    assert deadline.in_year(2025) == in_2025
    assert deadline.in_year(2024).day == in_2025.day  # a leap year too


def test_init_says_what_is_wrong_with_the_day(cli, tmp_path: Path):
    result = cli("init", "kho", "--deadline", "31/11", cwd=tmp_path)
    assert result.code == 2
    assert "--deadline: '31/11' không phải ngày có ở mọi năm (tháng 11 có 30 ngày" in result.stderr
    assert not (tmp_path / "kho").exists()
