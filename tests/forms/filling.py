"""Fill a form as a clerk would, with openpyxl (what LibreOffice or Excel would save)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

TASKS, ACTIVITIES = "Nhiệm vụ", "Hoạt động"


def task_row(sheet: Worksheet, task_id: str) -> int:
    for row in range(1, sheet.max_row + 1):
        if sheet.cell(row=row, column=1).value == task_id and sheet.cell(row, 3).value:
            return row
    raise AssertionError(task_id)


def fill(path: Path, **cells: object) -> None:
    """Fill the usual content, then the cells given as SHEET__REF=value ('t'/'a' sheets)."""
    workbook = load_workbook(path)
    tasks, activities = workbook[TASKS], workbook[ACTIVITIES]
    tasks["B6"] = date(2024, 11, 12)
    tasks["B7"] = "Trần Văn Hùng"
    row = task_row(tasks, "2.1")
    tasks[f"D{row}"] = "đang thực hiện"
    tasks[f"E{row}"] = "70"  # a number typed as text
    tasks[f"F{row}"] = "Hoàn thành khảo sát nhu cầu nhân lực."
    tasks[f"G{row}"] = "Chưa có hướng dẫn của Trung ương.\n\nThiếu kinh phí đối ứng."
    tasks[f"H{row}"] = "Đề nghị Sở Tài chính hướng dẫn nguồn kinh phí."
    other = task_row(tasks, "1")
    tasks[f"D{other}"] = "in_progress"
    tasks[f"E{other}"] = 80
    activities["A4"] = "2.1"
    activities["B4"] = "Khảo sát nhu cầu nhân lực của 150 doanh nghiệp"
    activities["C4"] = "04/03/2024"  # a date typed as text
    activities["D4"] = date(2024, 6, 28)
    activities["E4"] = date(2024, 6, 21)
    activities["F4"] = "hoàn thành"
    activities["G4"] = "150.000.000"
    activities["H4"] = 142300000
    activities["I4"] = "Báo cáo khảo sát."
    activities["A9"] = "2.1"  # after empty rows
    activities["B9"] = "Dự thảo chính sách thu hút chuyên gia"
    activities["F9"] = "đang thực hiện"
    for key, value in cells.items():
        sheet, ref = key.split("__")
        (tasks if sheet == "t" else activities)[ref] = value  # type: ignore[index]
    workbook.save(path)
