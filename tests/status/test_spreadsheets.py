"""Status in spreadsheets (issue 15, point 1): the xlsx workbook opened with openpyxl
(typed cells, formats, frozen headers, properties) and the CSV as LibreOffice reads it."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kehoach_cli import __version__
from kehoach_cli.status.render import render_csv, spreadsheet_text
from kehoach_cli.status.table import Column, View

ARGS = ("status", "--year", "2024", "--as-of", "2024-12-01")
SHEETS = ["Nhiệm vụ", "Gửi báo cáo", "Chỉ tiêu", "Kinh phí", "Đơn vị"]


def _rows(sheet) -> list[list]:
    return [list(row) for row in sheet.iter_rows(min_row=2)]


def _column(sheet, header: str) -> int:
    headers = [cell.value for cell in sheet[2]]
    return headers.index(header) + 1


@pytest.fixture
def workbook(cli, workspace: Path):
    result = cli(*ARGS, "--format", "xlsx", "-o", "tinh-hinh.xlsx", cwd=workspace)
    assert result.code == 0, result.stderr
    assert result.stdout == "" and "Đã ghi tinh-hinh.xlsx" in result.stderr
    return load_workbook(workspace / "tinh-hinh.xlsx")


def test_a_sheet_per_view_with_frozen_headers_and_widths(workbook):
    assert workbook.sheetnames == SHEETS
    for sheet in workbook:
        assert sheet.freeze_panes == "A3"  # title and header rows stay in view
        assert sheet["A1"].font.b and sheet["A2"].font.b
        assert sheet.auto_filter.ref.startswith("A2:")
        widths = [sheet.column_dimensions[c].width for c in "AB"]
        assert all(5 < width <= 60 for width in widths)
    assert workbook["Nhiệm vụ"]["A1"].value == "Tiến độ các nhiệm vụ năm 2024"


def test_task_cells_are_typed(workbook):
    sheet = workbook["Nhiệm vụ"]
    ids = {sheet.cell(row=r, column=1).value: r for r in range(3, sheet.max_row + 1)}
    row = ids["2.1"]  # text: never the number 2.1
    cell = sheet.cell(row=row, column=1)
    assert (cell.data_type, cell.number_format) == ("s", "@")
    assert sheet.cell(row=row, column=1).alignment.indent == 1  # a subtask, indented
    done = sheet.cell(row=row, column=_column(sheet, "HĐ xong: đã xong"))
    total = sheet.cell(row=row, column=_column(sheet, "HĐ xong: tổng"))
    assert (done.value, total.value) == (2, 3) and done.data_type == "n"
    coop = sheet.cell(row=row, column=_column(sheet, "Phối hợp: đã báo cáo"))
    assert coop.value == 2 and coop.number_format == "#,##0"
    progress = sheet.cell(row=row, column=_column(sheet, "Tiến độ"))
    assert (progress.value, progress.number_format) == (0.7, "0%")
    planned = sheet.cell(row=row, column=_column(sheet, "Dự toán (đ)"))
    assert (planned.value, planned.number_format) == (310_000_000, "#,##0")
    assert isinstance(planned.value, int)


def test_dates_percents_and_totals(workbook):
    submissions = workbook["Gửi báo cáo"]
    cell = submissions.cell(row=3, column=_column(submissions, "Ngày gửi"))
    assert cell.is_date and cell.value == datetime(2024, 11, 8)
    assert cell.number_format == "dd/mm/yyyy"
    budget = workbook["Kinh phí"]
    rate = budget.cell(row=3, column=_column(budget, "Tỷ lệ"))
    assert rate.number_format == "0.0%" and rate.value == pytest.approx(154_450_000 / 220_000_000)
    last = budget.max_row
    while budget.cell(row=last, column=2).value != "Tổng cộng":
        last -= 1  # the notes are below the table
    planned = _column(budget, "Dự toán (đ)")
    total = budget.cell(row=last, column=planned)
    assert total.font.b and total.value == sum(
        budget.cell(row=r, column=planned).value for r in range(3, last)
    )


def test_properties_say_when_and_by_what(workbook):
    properties = workbook.properties
    assert properties.creator == f"kehoach {__version__}"
    assert "tính đến 01/12/2024" in properties.subject
    custom = {p.name: p.value for p in workbook.custom_doc_props.props}
    assert custom["Tính đến"] == datetime(2024, 12, 1)
    assert custom["Năm"] == 2024


def test_one_view_with_by_and_the_alerts_below_it(cli, workspace: Path):
    result = cli(*ARGS, "--by", "budget", "--format", "xlsx", "-o", "kp.xlsx", cwd=workspace)
    assert result.code == 0, result.stderr
    book = load_workbook(workspace / "kp.xlsx")
    assert book.sheetnames == ["Kinh phí"]
    texts = [c.value for c in book["Kinh phí"]["A"] if isinstance(c.value, str)]
    assert any(text.startswith("Cần chú ý: báo cáo: Thanh tra Sở") for text in texts)


def test_data_that_looks_like_a_formula_is_text_in_the_workbook(cli, workspace: Path):
    from tests.conftest import edit

    edit(workspace / "data/plan.yaml", "short_name: Phòng QLKH", "short_name: '=1+1'")
    assert (
        cli(*ARGS, "--by", "budget", "--format", "xlsx", "-o", "kp.xlsx", cwd=workspace).code == 0
    )
    sheet = load_workbook(workspace / "kp.xlsx")["Kinh phí"]
    cells = [c for c in sheet["B"] if c.value == "=1+1"]
    assert cells and all(c.data_type == "s" for c in cells)


# ------------------------------------------------------------------ CSV


def test_csv_splits_ratios_and_keeps_ids_as_text(cli, workspace: Path):
    result = cli(*ARGS, "--by", "task", "--format", "csv", cwd=workspace)
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    header = rows[0]
    assert header[3:5] == ["Phối hợp: đã báo cáo", "Phối hợp: tổng"]
    assert header[8:10] == ["HĐ xong: đã xong", "HĐ xong: tổng"]
    task = {row[0]: row for row in rows[1:]}['="2.1"']
    assert task[3:5] == ["2", "3"] and task[8:10] == ["2", "3"]
    assert "/" not in "".join(row[3] + row[4] + row[8] + row[9] for row in rows[1:])


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("2.10", '="2.10"'),
        ("12/2024", '="12/2024"'),
        ("1-2", '="1-2"'),
        ("2024", '="2024"'),
        ("qlkh", "qlkh"),
        ("Quý IV/2024", "Quý IV/2024"),
        ("-2", "'-2"),  # a formula's start: the apostrophe, as before
        ("=1+1", "'=1+1"),
    ],
)
def test_spreadsheet_text(text: str, written: str):
    assert spreadsheet_text(text) == written


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


def _convert(csv_path: Path, tmp_path: Path) -> Path:
    """The CSV as LibreOffice Calc opens it (UTF-8 picked, as the guide says; English
    number format), saved as xlsx."""
    profile = (tmp_path / "lo-profile").as_uri()
    command = [
        _soffice(), f"-env:UserInstallation={profile}", "--headless",
        "--infilter=CSV:44,34,76,1,,1033", "--convert-to", "xlsx",
        "--outdir", str(tmp_path / "out"), str(csv_path),
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    converted = tmp_path / "out" / (csv_path.stem + ".xlsx")
    if not converted.exists():
        if "could not be loaded" in result.stderr:
            pytest.skip("this LibreOffice has no Calc (install libreoffice-calc)")
        pytest.fail(f"soffice did not convert: {result.stdout}{result.stderr}")
    return converted


@pytest.mark.parametrize("view", ["task", "unit", "budget"])
def test_libreoffice_keeps_ids_ratios_and_vietnamese(cli, workspace: Path, tmp_path, view):
    result = cli(*ARGS, "--by", view, "--format", "csv", cwd=workspace)
    path = tmp_path / f"{view}.csv"
    path.write_bytes(result.stdout.encode("utf-8"))
    sheet = load_workbook(_convert(path, tmp_path), data_only=True).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    expected = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert rows[0] == expected[0]  # Vietnamese headers intact
    first = [row[0] for row in rows[1:]]
    if view == "task":
        assert {"2.1", "2.4", "1"} <= set(first)  # text ids, never 2.1 the number
        assert all(isinstance(value, str) for value in first)
        task = next(row for row in rows if row[0] == "2.1")
        assert task[3:5] == [2, 3] and task[8:10] == [2, 3]  # numbers, never dates
        assert task[1] == "Chính sách trọng dụng trí thức, thu hút nhân lực KH&CN"
    elif view == "unit":
        assert "Phòng QLKH" in [row[1] for row in rows]
        assert any("2.1 đang thực hiện 70%" in str(row[3]) for row in rows)
    else:
        total = next(row for row in rows if row[1] == "Tổng cộng")
        assert isinstance(total[3], int | float) and isinstance(total[5], float)


def test_render_csv_of_a_ratio_without_a_total_is_empty():
    columns = [Column("task", "NV"), Column("activities", "HĐ xong", "ratio", numeric=True)]
    rows = [{"task": "2.10", "activities_done": None, "activities_total": None}]
    lines = render_csv(View("task", "T", columns, rows)).lstrip("\ufeff").splitlines()
    assert lines == ["NV,HĐ xong: đã xong,HĐ xong: tổng", '"=""2.10""",,']
