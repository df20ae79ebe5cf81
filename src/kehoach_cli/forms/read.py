"""Read a filled form back: each value with the cell it came from, as clerks type them.

Sheets are found by their hidden marker (a renamed sheet keeps it), else by order. Header
fields and tables are found by their labels in column A, so rows inserted above them do
not matter; empty rows are skipped; a merged cell is read from its top-left cell; a formula
is read as the value the spreadsheet computed and saved with it.
"""

from __future__ import annotations

import io
import unicodedata
import warnings
from dataclasses import dataclass, field
from datetime import date, datetime

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from kehoach_cli.forms.bounds import MAX_COLUMNS, MAX_ROWS, Refused, check_package
from kehoach_cli.forms.layout import (
    ACTIVITIES_MARKER,
    ACTIVITY_COLUMNS,
    HEADER_FIELDS,
    INDICATOR_COLUMNS,
    INDICATORS_MARKER,
    MARKER_COLUMN,
    SOURCE_REF,
    TASK_COLUMNS,
    TASKS_MARKER,
    Column,
)
from kehoach_cli.sheets import CELL_LIMIT

Value = str | int | float | date | None
SCAN_ROWS = 60  # labels are looked for in the first rows of column A
EMPTY_RUN = 500  # a table ends after this many empty rows in a row


class FormUnreadable(Exception):
    """Not a workbook, or not a kehoach form: one Vietnamese sentence."""


@dataclass(frozen=True)
class Cell:
    sheet: str
    ref: str  # "E9"
    value: Value
    percent: bool = False  # shown as a percentage (60% typed in Excel is stored as 0.6)

    @property
    def where(self) -> str:
        return f"{quote_sheet(self.sheet)}!{self.ref}"


@dataclass
class Problem:
    where: str
    message: str
    hint: str


@dataclass
class FormData:
    header: dict[str, Cell]
    tasks: list[dict[str, Cell]]
    activities: list[dict[str, Cell]]
    tasks_sheet: str
    table_where: str  # the tasks table's label row, where a problem of the whole table goes
    problems: list[Problem] = field(default_factory=list)
    indicators: list[dict[str, Cell]] = field(default_factory=list)
    source: object = None  # the hidden cell naming the file the form was made from


def quote_sheet(title: str) -> str:
    """A sheet name as Excel writes it in a reference: 'Nhiệm vụ'!E9, Tasks!E9."""
    if title.replace("_", "").isalnum():
        return title
    return "'" + title.replace("'", "''") + "'"


def read_form(data: bytes) -> FormData:
    try:
        has_formulas = check_package(data)
    except Refused as refused:
        raise FormUnreadable(str(refused)) from None
    values = _open(data)
    formulas = _open(data, formulas=True) if has_formulas else values
    _visible_and_bounded(values)
    tasks_sheet = _find_sheet(values, TASKS_MARKER, 1)
    activities_sheet = _find_sheet(values, ACTIVITIES_MARKER, 2)
    problems: list[Problem] = []
    reader = _SheetReader(tasks_sheet, formulas[tasks_sheet.title], problems)
    header = {key: reader.cell(row, 2) for key, row in reader.header_rows().items()}
    task_top = reader.table_row()
    tasks = reader.rows(task_top, TASK_COLUMNS)
    other = _SheetReader(activities_sheet, formulas[activities_sheet.title], problems)
    activities = other.rows(other.table_row(), ACTIVITY_COLUMNS)
    where = f"{quote_sheet(tasks_sheet.title)}!A{task_top}"
    form = FormData(header, tasks, activities, tasks_sheet.title, where, problems)
    form.source = tasks_sheet[SOURCE_REF].value
    indicators_sheet = _marked_sheet(values, INDICATORS_MARKER)  # only where the unit has some
    if indicators_sheet is not None:
        third = _SheetReader(indicators_sheet, formulas[indicators_sheet.title], problems)
        label = INDICATOR_COLUMNS[0].label
        form.indicators = third.rows(third.table_row(label), INDICATOR_COLUMNS)
    return form


def _open(data: bytes, formulas: bool = False) -> Workbook:
    try:
        with warnings.catch_warnings():  # a date out of range is read as an error value
            warnings.simplefilter("ignore")
            return load_workbook(io.BytesIO(data), data_only=not formulas)
    except Exception as error:  # the library's every failure on a bad file
        # (a shared string out of range, a date of year 30000, broken XML…) is the file's
        # fault, said as one sentence; nothing has been written yet.
        raise FormUnreadable(
            f"không đọc được tệp như một bảng tính .xlsx ({type(error).__name__}: "
            f"{str(error)[:120]}); lưu lại bằng Excel hoặc LibreOffice ở định dạng .xlsx"
        ) from None


def _visible_and_bounded(workbook: Workbook) -> None:
    """No hidden sheet (what a clerk cannot see is not imported) and no sheet larger than a
    form can be."""
    for sheet in workbook.worksheets:
        if sheet.sheet_state != "visible":
            raise FormUnreadable(
                f"trang '{sheet.title}' bị ẩn; biểu mẫu không có trang ẩn: hiện trang đó (Unhide) "
                "hoặc xóa nó rồi lưu lại"
            )
        if isinstance(sheet, Worksheet) and (
            sheet.max_row > MAX_ROWS or sheet.max_column > MAX_COLUMNS
        ):
            raise FormUnreadable(
                f"trang '{sheet.title}' dùng tới dòng {sheet.max_row}, cột {sheet.max_column}; "
                f"biểu mẫu có tối đa {MAX_ROWS} dòng và {MAX_COLUMNS} cột"
            )


def _marked_sheet(workbook: Workbook, marker: str) -> Worksheet | None:
    for sheet in workbook.worksheets:
        if not isinstance(sheet, Worksheet):
            continue
        found = sheet[f"{MARKER_COLUMN}1"].value
        if isinstance(found, str) and found.startswith(marker + ":"):
            return sheet
    return None


def _find_sheet(workbook: Workbook, marker: str, position: int) -> Worksheet:
    marked = _marked_sheet(workbook, marker)
    if marked is not None:
        return marked
    sheets = [s for s in workbook.worksheets if isinstance(s, Worksheet)]
    if len(sheets) > position:  # the marker lost (copied into a new file): by order
        return sheets[position]
    raise FormUnreadable(
        "tệp không phải biểu mẫu của kehoach (thiếu trang nhiệm vụ hoặc hoạt động); "
        "tạo biểu mẫu bằng 'kehoach form'"
    )


def plain(value: object) -> Value:
    """A cell's value as kehoach reads it: text trimmed and in NFC, '' as empty."""
    if isinstance(value, str):
        text = unicodedata.normalize("NFC", value).strip()
        return text or None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | date):
        return value
    return None if value is None else str(value)


class _SheetReader:
    def __init__(self, sheet: Worksheet, formulas: Worksheet, problems: list[Problem]) -> None:
        self.sheet, self.formulas, self.problems = sheet, formulas, problems

    def cell(self, row: int, column: int) -> Cell:
        cell = self.sheet.cell(row=row, column=column)
        value = plain(cell.value)
        ref = f"{get_column_letter(column)}{row}"
        if isinstance(value, str) and len(value) > CELL_LIMIT:
            self.problems.append(
                Problem(
                    f"{quote_sheet(self.sheet.title)}!{ref}",
                    f"ô có {len(value)} ký tự, quá giới hạn {CELL_LIMIT} ký tự của một ô",
                    "Rút gọn nội dung, hoặc chia thành nhiều ý (mỗi dòng một ý).",
                )
            )
            value = value[:CELL_LIMIT]
        formula = self.formulas[ref].value
        if value is None and isinstance(formula, str) and formula.startswith("="):
            self.problems.append(
                Problem(
                    f"{quote_sheet(self.sheet.title)}!{ref}",
                    f"ô có công thức {formula} nhưng chưa có giá trị đã tính",
                    "Mở tệp bằng Excel hoặc LibreOffice rồi lưu lại (giá trị được tính "
                    "khi lưu), hoặc ghi giá trị thay cho công thức.",
                )
            )
        number_format = str(cell.number_format or "")
        return Cell(self.sheet.title, ref, value, "%" in number_format)

    def _label_rows(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for row in range(1, min(self.sheet.max_row, SCAN_ROWS) + 1):
            label = plain(self.sheet.cell(row=row, column=1).value)
            if isinstance(label, str) and label.casefold() not in found:
                found[label.casefold()] = row
        return found

    def header_rows(self) -> dict[str, int]:
        labels = self._label_rows()
        rows = {key: labels.get(label.casefold()) for key, label in HEADER_FIELDS}
        missing = [label for key, label in HEADER_FIELDS if rows[key] is None]
        if missing:
            raise FormUnreadable(
                f"trang '{self.sheet.title}' thiếu dòng {', '.join(missing)} ở cột A; "
                "đừng xóa hay sửa các nhãn của biểu mẫu"
            )
        return {key: row for key, row in rows.items() if row is not None}

    def table_row(self, label: str = TASK_COLUMNS[0].label) -> int:
        """The row of a table's labels (tasks and activities begin with "Mã nhiệm vụ")."""
        row = self._label_rows().get(label.casefold())
        if row is None:
            raise FormUnreadable(
                f"trang '{self.sheet.title}' không còn dòng tiêu đề bắt đầu bằng '{label}' ở cột A"
            )
        return row

    def rows(self, top: int, columns: list[Column]) -> list[dict[str, Cell]]:
        """The table's rows below its labels, empty ones left out."""
        found = []
        empty = 0
        for row in range(top + 1, self.sheet.max_row + 1):
            if empty >= EMPTY_RUN:  # a sheet formatted down to row 1 048 576 is not read to it
                break
            cells = {
                column.key: self.cell(row, number)
                for number, column in enumerate(columns, start=1)
                if column.key
            }
            if any(cell.value is not None for cell in cells.values()):
                found.append(cells)
                empty = 0
            else:
                empty += 1
        return found
