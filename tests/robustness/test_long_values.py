"""A value the user typed or a file held is quoted shortened in every message: a
100 000-character --period once came back whole in the error."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from kehoach_cli.errors import QUOTED_MAX_CHARS, shortened
from tests.conftest import edit
from tests.forms.filling import TASKS

HUGE = "x" * 50_000 + "ĐUÔI" + "y" * 50_000  # 100 004 characters


def test_shortened_keeps_both_ends_and_says_the_length():
    assert shortened("6-thang") == "6-thang"
    short = shortened("a" * 100 + "z")
    assert short.startswith("a" * 40) and "…" in short and short.endswith("z (101 ký tự)")
    assert len(shortened(HUGE)) < QUOTED_MAX_CHARS + 20
    assert "(100.004 ký tự)" in shortened(HUGE)


def assert_short(result, words: str) -> None:
    assert result.code in (1, 2) and "Traceback" not in result.stderr
    assert words in result.stderr
    assert "x" * (QUOTED_MAX_CHARS + 1) not in result.stderr + result.stdout
    assert " ký tự)" in result.stderr  # its length (a cell holds at most 32 767)
    assert len(result.stderr) < 2000


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--year", "2024", "--period", HUGE],
        ["status", "--year", "2024", "--period", HUGE],
        ["new", "--unit", "qlkh", "--year", "2024", "--period", HUGE],
        ["form", "--unit", "qlkh", "--year", "2024", "--period", HUGE],
        ["report", "--year", "2024", "--unit", HUGE],
        ["status", "--year", "2024", "--task", HUGE],
        ["new", "--unit", HUGE, "--year", "2024"],
    ],
    ids=lambda args: " ".join(a if len(a) < 20 else "HUGE" for a in args),
)
def test_a_huge_option_value_is_quoted_shortened(cli, workspace: Path, args: list[str]):
    result = cli(*args, "--root", str(workspace))
    assert_short(result, "không có")


def test_a_huge_period_cell_of_a_form_is_quoted_shortened(cli, workspace: Path):
    made = cli("form", "-u", "qlkh", "-y", "2024", "-o", "f.xlsx", cwd=workspace)
    assert made.code == 0, made.stderr
    workbook = load_workbook(workspace / "f.xlsx")
    workbook[TASKS]["B5"] = HUGE  # the period's cell
    workbook.save(workspace / "f.xlsx")
    result = cli("import", "f.xlsx", cwd=workspace)
    assert_short(result, "kỳ báo cáo")


def test_a_huge_value_in_a_data_file_is_quoted_shortened(cli, workspace: Path):
    edit(workspace / "data/progress/2024/qlkh.yaml", "submitted_on: ", f"submitted_on: {HUGE} #")
    result = cli("validate", "--root", str(workspace))
    assert_short(result, "qlkh.yaml")
