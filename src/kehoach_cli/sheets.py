"""What kehoach writes into any workbook (forms, status exports): text stays text (never a
formula) within Excel's cell limit, and sheets print readably on A4 (landscape, one page wide
at a readable scale, rows tall enough for their wrapped text)."""

from __future__ import annotations

import math
from typing import Any

from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

CELL_LIMIT = 32_767  # characters Excel keeps in one cell; LibreOffice and openpyxl follow it
CUT_MARK = " […bị cắt: quá 32.767 ký tự…]"


def cell_text(text: str) -> str:
    """The characters XML can carry, cut with a visible mark at the cell limit."""
    clean = "".join(c for c in text if c >= " " or c in "\n\t")
    if len(clean) <= CELL_LIMIT:
        return clean
    return clean[: CELL_LIMIT - len(CUT_MARK)] + CUT_MARK


def text_stays_text(sheet: Worksheet) -> None:
    """Every text of `sheet` a text cell within the limit: the workbook holds no formula,
    whatever a plan, a unit's file or a clerk's text says."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                put(cell, cell.value)


def put(cell: Any, value: object) -> None:
    """Set a cell; a text is a text cell, so that '=WEBSERVICE(…)' from a plan or a clerk's
    file stays words on the sheet and no spreadsheet computes it."""
    if isinstance(value, str):
        cell.value = cell_text(value)
        cell.data_type = "s"
        if value.startswith(("=", "+", "@")):  # stays text when someone edits it, too
            cell.quotePrefix = True
    else:
        cell.value = value


LINE_POINTS = 15.0  # one line of 11 pt text
MAX_ROW_POINTS = 409.0  # Excel's tallest row


# Characters of column width that one landscape A4 page holds at 82 % (11 pt printed at 9):
# LibreOffice prints 112 characters of width across the page at 100 % (measured on its
# PDF of a form); 112 / 0.82 = 136, less a margin. Excel's characters are narrower: more room there.
PAGE_WIDTH = 132


def shrink_to_page(sheet: Worksheet, letters: list[str], minimum: float = 20) -> None:
    """Narrow the columns `letters` (the wrapped text ones), each to no less than
    `minimum`, until all columns together fit PAGE_WIDTH; their rows then grow instead
    (fit_rows), so that fitting one page wide keeps the text readable."""
    widths = {
        letter: float(dimension.width or 8.43)
        for letter, dimension in sheet.column_dimensions.items()
        if not dimension.hidden
    }
    excess = sum(widths.values()) - PAGE_WIDTH
    room = sum(max(widths.get(letter, 0.0) - minimum, 0.0) for letter in letters)
    if excess <= 0 or room <= 0:
        return
    share = min(excess / room, 1.0)
    for letter in letters:
        width = widths.get(letter, 0.0)
        if width > minimum:
            sheet.column_dimensions[letter].width = round(width - (width - minimum) * share, 1)


def landscape_a4(sheet: Worksheet) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    sheet.print_options.gridLines = True  # the table's lines on paper, as on screen


def lines_in(text: str, width: float) -> int:
    """The lines a wrapped text takes in a column `width` characters wide (a little less
    fits than the width says: words wrap whole; measured on Calc's PDF of a form)."""
    usable = max(width - 2.0, 1.0)
    return sum(max(1, math.ceil(len(line) / usable)) for line in text.split("\n"))


def fit_rows(sheet: Worksheet, first_row: int) -> None:
    """Each row from `first_row` on as tall as its longest wrapped text."""
    for number, row in enumerate(sheet.iter_rows(min_row=first_row), start=first_row):
        tallest = 1
        for cell in row:
            if not isinstance(cell.value, str) or not cell.alignment.wrap_text:
                continue
            width = sheet.column_dimensions[cell.column_letter].width or 8.43
            tallest = max(tallest, lines_in(cell.value, width))
        if tallest > 1:
            height = min(tallest * LINE_POINTS + 3, MAX_ROW_POINTS)
            sheet.row_dimensions[number].height = height
