"""What the form writes into a cell: text stays text (never a formula), within Excel's limit."""

from __future__ import annotations

from typing import Any

CELL_LIMIT = 32_767  # characters Excel keeps in one cell; LibreOffice and openpyxl follow it
CUT_MARK = " […bị cắt: quá 32.767 ký tự…]"


def cell_text(text: str) -> str:
    """The characters XML can carry, cut with a visible mark at the cell limit."""
    clean = "".join(c for c in text if c >= " " or c in "\n\t")
    if len(clean) <= CELL_LIMIT:
        return clean
    return clean[: CELL_LIMIT - len(CUT_MARK)] + CUT_MARK


def put(cell: Any, value: object) -> None:
    """Set a cell; a text is a text cell, so that '=WEBSERVICE(…)' from a plan or a clerk's
    file stays words on the sheet and no spreadsheet computes it."""
    if isinstance(value, str):
        cell.value = cell_text(value)
        cell.data_type = "s"
    else:
        cell.value = value
