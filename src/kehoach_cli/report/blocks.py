"""The fixed blocks of an administrative document: header, title, closing (docs/nd30.md).

Each takes plain strings, so the same code draws the Word template (strings holding
Jinja tags) and the plan document (real values).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

from kehoach_cli.report.docx_layout import (
    TEXT_WIDTH_MM,
    add_run,
    borderless_table,
    cant_split,
    format_paragraph,
    rule_paragraph,
)
from kehoach_cli.report.header_text import HEADER_CELL_MM, HEADER_NAME_PT, text_width_mm

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
# Header columns fit both header lines on one line each at 12 pt (docs/nd30.md).
# The names in the left column break into lines that fit it (header_text.py).
HEADER_WIDTHS_MM = (HEADER_CELL_MM, 93.0)
# The motto at 13 pt bold is about 60 mm wide; its line is as long as the text.
MOTTO_LINE_MM = 60.0
# The issuing body's line: a third to a half of the text (a typical name is ~57 mm).
BODY_LINE_MM = 24.0
SUMMARY_LINE_MM = 40.0
CLOSING_WIDTHS_MM = (75.0, 90.0)


def _cell_paragraph(cell: Any, first: bool) -> Any:
    return cell.paragraphs[0] if first else cell.add_paragraph()


def body_rule_mm(name_lines: str) -> float:
    """The line under the issuing body: a third to a half of its longest line (Decree 30),
    BODY_LINE_MM when that is within those bounds ("ỦY BAN NHÂN DÂN" is ~40 mm: 20 mm)."""
    longest = max((text_width_mm(line) for line in name_lines.split("\n")), default=0.0)
    return round(max(longest / 3, min(BODY_LINE_MM, longest / 2)), 1)


def header_block(
    document: Any,
    parent_body: Sequence[str],
    issuing_body: str,
    number_line: str,
    date_line: str,
    *,
    body_rule: float = BODY_LINE_MM,
) -> Any:
    """The two-column header. `parent_body` is the paragraphs above the issuing body: the
    parent body's name (not bold), none for an issuer without one (its own name is then
    the only, bold, name), or the name between template tags that drop it when empty.
    A "\n" in a name is a line break inside its paragraph."""
    table = borderless_table(document, list(HEADER_WIDTHS_MM), rows=2)
    left, right = table.rows[0].cells
    first = True
    for text in parent_body:
        paragraph = _cell_paragraph(left, first)
        format_paragraph(paragraph, align="center")
        add_run(paragraph, text, size=HEADER_NAME_PT)
        first = False
    paragraph = _cell_paragraph(left, first)
    format_paragraph(paragraph, align="center")
    add_run(paragraph, issuing_body, size=HEADER_NAME_PT, bold=True)
    rule_paragraph(left, body_rule, HEADER_WIDTHS_MM[0])

    paragraph = _cell_paragraph(right, True)
    format_paragraph(paragraph, align="center")
    add_run(paragraph, NATIONAL_TITLE, size=12, bold=True)
    paragraph = _cell_paragraph(right, False)
    format_paragraph(paragraph, align="center")
    add_run(paragraph, MOTTO, size=13, bold=True)
    rule_paragraph(right, MOTTO_LINE_MM, HEADER_WIDTHS_MM[1])

    left, right = table.rows[1].cells
    paragraph = _cell_paragraph(left, True)
    format_paragraph(paragraph, align="center", space_before=6)
    add_run(paragraph, number_line, size=13)
    paragraph = _cell_paragraph(right, True)
    format_paragraph(paragraph, align="center", space_before=6)
    add_run(paragraph, date_line, size=14, italic=True)
    return table


def title_block(
    document: Any, doc_type: str, summary_lines: list[str], *, note: str | None = None
) -> None:
    """The document's type and summary, centred and bold; `note` is the italic line under
    them ("(Ban hành kèm theo Quyết định số …)"), above the short rule."""
    paragraph = document.add_paragraph()
    format_paragraph(paragraph, align="center", space_before=18)
    add_run(paragraph, doc_type, size=14, bold=True)
    for line in summary_lines:
        paragraph = document.add_paragraph()
        format_paragraph(paragraph, align="center")
        add_run(paragraph, line, size=14, bold=True)
    if note:
        paragraph = document.add_paragraph()
        format_paragraph(paragraph, align="center")
        add_run(paragraph, note, size=14, italic=True)
    rule_paragraph(document, SUMMARY_LINE_MM, TEXT_WIDTH_MM, space_after=12)


def closing_block(
    document: Any, recipient_lines: list[str], signer_lines: list[tuple[str, bool]]
) -> Any:
    """'Nơi nhận' on the left, the signer on the right, kept on one page."""
    table = borderless_table(document, list(CLOSING_WIDTHS_MM), rows=1)
    cant_split(table.rows[0])
    left, right = table.rows[0].cells
    left.vertical_alignment = right.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    paragraph = _cell_paragraph(left, True)
    format_paragraph(paragraph, align="left")
    add_run(paragraph, "Nơi nhận:", size=12, bold=True, italic=True)
    for line in recipient_lines:
        paragraph = left.add_paragraph()
        format_paragraph(paragraph, align="left")
        add_run(paragraph, line, size=11)
    first = True
    for text, bold in signer_lines:
        paragraph = _cell_paragraph(right, first)
        format_paragraph(paragraph, align="center")
        add_run(paragraph, text, size=14, bold=bold)
        first = False
    return table
