"""A deadline is a day every year has: 31/11 and 29/02 would leave a year without its
deadline (and a command computing it without a date). Validate refuses them (KH208), and
init before it writes anything."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kehoach_cli.model.plan import DayMonth


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("31/11", "31/11"),
        ("30/02", "30/02"),
        ("29/02", "29/02 (không có trong năm thường)"),
        ("29/2 năm sau", "29/02 (không có trong năm thường)"),
        ("31/4", "31/04"),
    ],
)
def test_a_day_some_year_lacks_is_told(text: str, told: str):
    deadline = DayMonth.model_validate(text)
    assert not deadline.exists_every_year()
    assert deadline.as_missing_day() == told


@pytest.mark.parametrize(
    ("text", "in_2025"),
    [("30/11", date(2025, 11, 30)), ("28/02", date(2025, 2, 28)), ("31/12", date(2025, 12, 31))],
)
def test_every_real_day_gives_each_year_its_deadline(text: str, in_2025: date):
    deadline = DayMonth.model_validate(text)
    assert deadline.exists_every_year()
    assert deadline.in_year(2025) == in_2025
    assert deadline.in_year(2024).day == in_2025.day  # a leap year too


def test_validate_refuses_29_february_where_it_stands(cli, workspace: Path):
    plan = workspace / "data/plan.yaml"
    text = plan.read_text(encoding="utf-8")
    assert 'deadline: "15/11"' in text
    plan.write_text(text.replace('deadline: "15/11"', 'deadline: "29/02"'), encoding="utf-8")
    result = cli("validate", cwd=workspace)
    assert result.code == 1
    assert "Ngày hạn báo cáo không tồn tại: 29/02 (không có trong năm thường) (KH208)" in (
        result.stderr
    )


@pytest.mark.parametrize("deadline", ["31/11", "29/02"])
def test_init_refuses_a_day_some_year_lacks(cli, tmp_path: Path, deadline: str):
    result = cli("init", "kho", "--deadline", deadline, cwd=tmp_path)
    assert result.code == 2
    assert "--deadline: ngày hạn báo cáo không tồn tại: " in result.stderr
    assert not (tmp_path / "kho").exists()
