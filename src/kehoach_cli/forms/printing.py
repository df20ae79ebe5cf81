"""How a form's sheet prints on A4: landscape, one page wide at a scale that keeps the text
readable (the columns are sized for it), the table's labels repeated on every page, and
rows tall enough for their wrapped text (Excel never grows a row it did not size itself)."""

from __future__ import annotations

import math

from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

LINE_POINTS = 15.0  # one line of 11 pt text
MAX_ROW_POINTS = 409.0  # Excel's tallest row


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
    fits than the width says: Vietnamese letters with marks are wider than '0')."""
    usable = max(width - 1.5, 1.0) / 1.1
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
