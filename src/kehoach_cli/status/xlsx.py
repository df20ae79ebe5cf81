"""Status views as an Excel workbook (`kehoach status --format xlsx -o FILE.xlsx`).

One sheet per view: its title on row 1, the headers on row 2 (both frozen, with a filter),
then the rows, the total in bold and the view's notes below. Cells are typed, so that a
spreadsheet sums and sorts them without retyping:

- ids and every other text are text cells (a task '2.10' stays 2.10; a name starting with
  '=' is text, never a formula), with the text format '@' so that an edit keeps them text;
- counts and amounts are numbers with the format '#,##0', percents are fractions (0.702)
  with '0.0%', dates are dates with 'dd/mm/yyyy';
- a ratio (2/4) is two numeric columns ('…: đã xong', '…: tổng').

Number formats in a workbook are written with ',' for grouping and '.' for decimals, and
Excel and LibreOffice show them with the separators of the reader's locale: under a
Vietnamese locale (vi-VN) 1234567 shows as 1.234.567 and 70.2% as 70,2%; under an English
one as 1,234,567 and 70.2%. A literal format (forcing '.') would show wrong numbers to the
second reader and break the first one's formulas, so the locale's own grouping is used.

The as-of date, the plan and the tool's version are in the file's properties (File → Info /
Properties): title, subject, description, creator 'kehoach <version>', and the custom
properties 'Tính đến' (a date) and 'Năm'.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kehoach_cli import __version__
from kehoach_cli.status.render import NONE, cell_text, flat_columns
from kehoach_cli.status.table import Column, View

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from kehoach_cli.status.render import StatusOutput

SHEET_NAMES = {
    "task": "Nhiệm vụ",
    "submission": "Gửi báo cáo",
    "indicator": "Chỉ tiêu",
    "budget": "Kinh phí",
    "unit": "Đơn vị",
}
INTEGER = "#,##0"
PERCENT = "0.0%"
WHOLE_PERCENT = "0%"
DATE = "dd/mm/yyyy"
TEXT = "@"
HEADER_ROW = 2  # row 1: the view's title
MIN_WIDTH = 6
MAX_WIDTH = 60
WRAPPED = ("name", "unit_name", "led", "cooperated", "values", "target")


def render_xlsx(output: StatusOutput) -> bytes:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    from kehoach_cli.sheets import fit_rows, landscape_a4, shrink_to_page, text_stays_text

    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    for number, view in enumerate(output.views):
        sheet = workbook.create_sheet(SHEET_NAMES.get(view.name, view.name)[:31])
        notes = ([*output.alerts] if number == 0 else []) + view.notes_for()
        _fill(sheet, view, notes)
        text_stays_text(sheet)  # a name or a note starting with '=' is words, not a formula
        landscape_a4(sheet)
        sheet.print_title_rows = f"1:{HEADER_ROW}"  # the title and the headers on every page
        columns = flat_columns(view)
        wrapped = [get_column_letter(n) for n, c in enumerate(columns, 1) if c.key in WRAPPED]
        shrink_to_page(sheet, wrapped, minimum=12)
        fit_rows(sheet, HEADER_ROW)
        _notes_across(sheet, len(columns), len(notes))
    _properties(workbook, output)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _notes_across(sheet: Worksheet, width: int, count: int) -> None:
    """The view's notes (the last `count` rows) each across the table's width, wrapped, so
    that a long sentence prints whole instead of running off the page."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    from kehoach_cli.sheets import LINE_POINTS, lines_in

    total = sum(
        float(sheet.column_dimensions[get_column_letter(n)].width or 8.43)
        for n in range(1, width + 1)
    )
    for row in range(sheet.max_row - count + 1, sheet.max_row + 1):
        cell = sheet.cell(row=row, column=1)
        if not isinstance(cell.value, str) or width < 2:
            continue
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.row_dimensions[row].height = lines_in(cell.value, total) * LINE_POINTS + 3


def _properties(workbook: Any, output: StatusOutput) -> None:
    from openpyxl.packaging.custom import DateTimeProperty, IntProperty

    as_of = output.meta.get("as_of")
    properties = workbook.properties
    properties.title = output.views[0].title if len(output.views) == 1 else output.heading
    properties.subject = output.heading
    properties.creator = f"kehoach {__version__}"
    properties.lastModifiedBy = properties.creator
    properties.description = "\n".join([output.heading, *output.alerts])
    properties.keywords = "kehoach; tình hình thực hiện kế hoạch"
    if isinstance(as_of, date):
        stamp = datetime(as_of.year, as_of.month, as_of.day)
        workbook.custom_doc_props.append(DateTimeProperty(name="Tính đến", value=stamp))
    if isinstance(output.meta.get("year"), int):
        workbook.custom_doc_props.append(IntProperty(name="Năm", value=output.meta["year"]))


def _fill(sheet: Worksheet, view: View, notes: list[str]) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    columns = flat_columns(view)
    sheet.cell(row=1, column=1, value=_text(view.title)).font = Font(bold=True, size=12)
    for index, column in enumerate(columns, start=1):
        header = sheet.cell(row=HEADER_ROW, column=index, value=column.header)
        header.font = Font(bold=True)
        header.alignment = Alignment(wrap_text=True, vertical="top")
    rows = view.rows + ([view.total] if view.total else [])
    for offset, row in enumerate(rows, start=HEADER_ROW + 1):
        is_total = row is view.total
        for index, column in enumerate(columns, start=1):
            if is_total and column.key not in row:
                continue
            _put(sheet.cell(row=offset, column=index), column, row)
            if is_total:
                sheet.cell(row=offset, column=index).font = Font(bold=True)
        if view.name == "task" and not is_total and row.get("level"):
            sheet.cell(row=offset, column=1).alignment = Alignment(
                indent=row["level"], vertical="top"
            )
    last = HEADER_ROW + len(rows)
    for number, note in enumerate(notes, start=last + 2):
        sheet.cell(row=number, column=1, value=_text(note))
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(columns))}{last}"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _width(column, rows)


def _put(cell: Any, column: Column, row: dict[str, Any]) -> None:
    """One typed cell (module docstring)."""
    from openpyxl.styles import Alignment

    value, number_format = _typed(column, row)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl reads '=…' as a formula: data is text
    cell.number_format = number_format
    # top-aligned, so that a row grown for a wrapped name reads as one line of the table
    cell.alignment = Alignment(wrap_text=column.key in WRAPPED, vertical="top")


def _typed(column: Column, row: dict[str, Any]) -> tuple[Any, str]:
    value = row.get(column.key)
    kind = column.kind
    if kind in ("int", "money", "spent"):
        return _number(value), INTEGER
    if kind == "percent":
        return (None if value is None else float(Decimal(value) / 100)), PERCENT
    if kind == "bar":
        return (None if value is None else float(Decimal(value) / 100)), WHOLE_PERCENT
    if kind == "date":
        return (value if isinstance(value, date) else None), DATE
    text = cell_text(column, row)
    return (None if text == NONE else _text(text)), TEXT


def _number(value: Any) -> int | float | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return int(value) if isinstance(value, int) else float(value)


def _text(text: str) -> str:
    """Text as a cell holds it: the control characters XML cannot carry dropped, cut with a
    visible mark at Excel's 32,767 characters."""
    from kehoach_cli.sheets import cell_text

    return cell_text(text)


def _width(column: Column, rows: list[dict[str, Any]]) -> float:
    """Wide enough for the longest cell (numbers and dates as the formats show them, at
    most 18), never narrower than a header's longest word; long text wraps at 60."""
    longest_word = max((len(word) for word in column.header.split()), default=4)
    cells = [cell_text(column, row) for row in rows if column.key in row]
    widest = max((len(text) for text in cells), default=0)
    if column.kind in ("percent", "bar"):  # a number shown '70,2%' (not the text's bar)
        widest = 6
    elif column.numeric or column.kind == "date":
        widest = min(widest, 18) + 1
    return float(max(MIN_WIDTH, min(max(widest, longest_word) + 2, MAX_WIDTH)))
