"""Values typed as Vietnamese and English users type them, parsed by LibreOffice Calc itself
in vi-VN and in en-US, import to the values meant.

What this proves: Calc's own reading of typed text in each locale is had by importing the
typed strings as CSV with the locale set in the CSV filter (the same number and date
recognition Calc applies to what is typed into a cell); each resulting cell, as Calc saved
it (a number, a percent-formatted number, a date, or text Calc would not read as a number
in that locale), is then put into a real form with openpyxl and the form imported. It
does not drive Calc's keyboard input or data-validation dialogs (the form has no number
or date rule that could refuse such input: tests/forms/test_round_trip.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kehoach_cli.model.progress import Progress
from tests.forms.calc import needs_calc, through_calc
from tests.forms.filling import ACTIVITIES, TASKS, task_row

LOCALES = {"vi-VN": 1066, "en-US": 1033}  # Windows language ids, as the CSV filter takes
TYPED = ["1.234.567", "1,234,567", "1 234 567", "60", "60%", "15/11/2024", "2024-11-15", "0,6"]


def _as_calc_reads(tmp_path: Path, language: int) -> list[tuple[object, str]]:
    source = tmp_path / "typed.csv"
    source.write_text("\n".join(TYPED) + "\n", encoding="utf-8")
    options = f"Text - txt - csv (StarCalc):9,34,76,1,,{language}"
    (saved,) = through_calc([source], tmp_path / "calc", tmp_path / "profile", options)
    sheet = load_workbook(saved).active
    assert sheet is not None
    return [(row[0].value, row[0].number_format) for row in sheet.iter_rows(max_col=1)]


@needs_calc
@pytest.mark.parametrize("locale", LOCALES)
def test_values_typed_in_calc_import_as_meant(cli, workspace: Path, tmp_path: Path, locale: str):
    read = dict(zip(TYPED, _as_calc_reads(tmp_path, LOCALES[locale]), strict=True))
    if locale == "vi-VN":  # the recognition really differs: what one reads, the other keeps
        assert read["1.234.567"][0] == 1234567 and read["1,234,567"][0] == "1,234,567"
    else:
        assert read["1,234,567"][0] == 1234567 and read["15/11/2024"][0] == "15/11/2024"
    made = cli("form", "-u", "qlkh", "-y", "2024", "-o", "f.xlsx", cwd=workspace)
    assert made.code == 0, made.stderr
    workbook = load_workbook(workspace / "f.xlsx")
    tasks, activities = workbook[TASKS], workbook[ACTIVITIES]

    def put(sheet, ref: str, typed: str) -> None:
        value, number_format = read[typed]
        sheet[ref] = value
        sheet[ref].number_format = number_format

    put(tasks, f"E{task_row(tasks, '2.1')}", "60%")
    put(tasks, f"E{task_row(tasks, '1')}", "60")
    put(tasks, f"E{task_row(tasks, '2.6')}", "0,6")
    tasks[f"E{task_row(tasks, '2.6')}"].number_format = "0%"  # 0,6 typed in a percent cell
    first = 8  # below the three activities of the file
    for number, typed in enumerate(["1.234.567", "1,234,567", "1 234 567"]):
        row = first + number
        activities[f"A{row}"], activities[f"B{row}"] = "2.1", f"Hoạt động {number}"
        activities[f"F{row}"] = "đang thực hiện"
        put(activities, f"G{row}", typed)
        put(activities, f"C{row}", "15/11/2024" if number != 2 else "2024-11-15")
    workbook.save(workspace / "f.xlsx")
    result = cli("import", "f.xlsx", cwd=workspace)
    assert result.code == 0, result.stderr
    import yaml

    text = (workspace / "data/progress/2024/qlkh.yaml").read_text(encoding="utf-8")
    report = Progress.model_validate(yaml.safe_load(text))
    assert [report.tasks[t].progress for t in ("2.1", "1", "2.6")] == [60, 60, 60]
    added = report.tasks["2.1"].activities[3:]
    assert [a.title for a in added] == ["Hoạt động 0", "Hoạt động 1", "Hoạt động 2"]
    assert all(a.budget and a.budget.planned == 1234567 for a in added)
    assert all(a.start == date(2024, 11, 15) for a in added)


@needs_calc
@pytest.mark.parametrize("locale", LOCALES)
def test_a_progress_of_0_6_not_shown_as_percent_is_a_located_question(
    cli, workspace: Path, tmp_path: Path, locale: str
):
    value, number_format = _as_calc_reads(tmp_path, LOCALES[locale])[TYPED.index("0,6")]
    made = cli("form", "-u", "qlkh", "-y", "2024", "-o", "f.xlsx", cwd=workspace)
    assert made.code == 0, made.stderr
    workbook = load_workbook(workspace / "f.xlsx")
    row = task_row(workbook[TASKS], "2.1")
    workbook[TASKS][f"E{row}"] = value
    workbook[TASKS][f"E{row}"].number_format = number_format
    workbook.save(workspace / "f.xlsx")
    before = (workspace / "data/progress/2024/qlkh.yaml").read_bytes()
    result = cli("import", "f.xlsx", cwd=workspace)
    assert result.code == 1
    assert f"'Nhiệm vụ'!E{row}: [lỗi] " in result.stderr and "60%" in result.stderr
    assert (workspace / "data/progress/2024/qlkh.yaml").read_bytes() == before
