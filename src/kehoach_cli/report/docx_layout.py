"""python-docx helpers for the Decree 30/2020 layout (see docs/nd30.md): page, fonts, tables.

python-docx has no API for several of these (theme fonts, table borders, fields), so the
XML is edited directly where needed, in the order the OOXML schema requires.
"""

from __future__ import annotations

import itertools
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips

FONT = "Times New Roman"
LANGUAGE = "vi-VN"
# Page margins (mm), inside the Decree's ranges: top/bottom 20–25, left 30–35, right 15–20.
MARGINS = {"top": 20, "bottom": 20, "left": 30, "right": 15}
HEADER_DISTANCE_MM = 10
HEADER_PT = 13
TWIPS_PER_MM = 1440 / 25.4
BODY_PT = 14
FIRST_LINE_INDENT_MM = 12.7
TEXT_WIDTH_MM = 210 - MARGINS["left"] - MARGINS["right"]
_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
ALIGNMENTS = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


def _use_times_new_roman(fonts: Any) -> None:
    """All four rFonts slots, and no theme attributes (they win over w:ascii in Word)."""
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    for attribute in _THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)


def setup_page(section: Any) -> None:
    """A4 portrait with the Decree's margins; page number from page 2 (titlePg)."""
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(MARGINS["top"]), Mm(MARGINS["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS["left"]), Mm(MARGINS["right"])
    section.header_distance = section.footer_distance = Mm(HEADER_DISTANCE_MM)
    section.different_first_page_header_footer = True


def set_fonts(element: Any, size_pt: float | None = None) -> None:
    """Times New Roman in all four rFonts slots of an rPr-holding element; no theme fonts."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    _use_times_new_roman(fonts)
    if size_pt is not None:
        for tag in ("w:sz", "w:szCs"):
            size = rpr.find(qn(tag))
            if size is None:
                size = OxmlElement(tag)
                rpr.append(size)
            size.set(qn("w:val"), str(int(size_pt * 2)))


def normalise_styles(document: Any) -> None:
    """Make Times New Roman and Vietnamese the document-wide defaults.

    The default python-docx template uses theme fonts (Calibri/Cambria), which win over
    w:ascii; every style and the document defaults lose their theme attributes here.
    """
    styles_element = document.styles.element
    defaults = styles_element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    _use_times_new_roman(fonts)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for slot in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(slot), LANGUAGE)
    for element in styles_element.iter(qn("w:rFonts")):
        _use_times_new_roman(element)
    for element in styles_element.iter(qn("w:color")):  # headings are blue by default
        element.set(qn("w:val"), "000000")
        for attribute in ("w:themeColor", "w:themeShade", "w:themeTint"):
            element.attrib.pop(qn(attribute), None)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    set_fonts(normal.element, BODY_PT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0


def format_paragraph(
    paragraph: Any,  # a paragraph or a paragraph style: both have paragraph_format
    *,
    align: str = "justify",
    first_line_indent: bool = False,
    space_before: float = 0,
    space_after: float = 0,
    line_spacing: float = 1.0,
    keep_with_next: bool = False,
) -> None:
    fmt = paragraph.paragraph_format
    fmt.alignment = ALIGNMENTS[align]
    fmt.first_line_indent = Mm(FIRST_LINE_INDENT_MM) if first_line_indent else None
    fmt.space_before, fmt.space_after = Pt(space_before), Pt(space_after)
    fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    fmt.line_spacing = line_spacing
    fmt.keep_with_next = keep_with_next


def add_run(
    paragraph: Any,
    text: str,
    *,
    size: float = BODY_PT,
    bold: bool = False,
    italic: bool = False,
) -> Any:
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.size = Pt(size)
    set_fonts(run._r, size)
    return run


def borderless_table(document_or_cell: Any, widths_mm: list[float], rows: int = 1) -> Any:
    """A fixed-layout table with no borders, for the header and closing blocks."""
    table = document_or_cell.add_table(rows=rows, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    _insert_before(tbl_pr, borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    _insert_before(tbl_pr, layout, "w:tblCellMar", "w:tblLook")
    set_column_widths(table, widths_mm)
    return table


def grid_table(document: Any, widths_mm: list[float], rows: int) -> Any:
    table = document.add_table(rows=rows, cols=len(widths_mm))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    _insert_before(table._tbl.tblPr, layout, "w:tblCellMar", "w:tblLook")
    set_column_widths(table, widths_mm)
    return table


def column_twips(widths_mm: list[float]) -> list[int]:
    """Column widths in twips whose sum never exceeds the sum of the widths in mm
    (each column's edge is rounded down, so rounding cannot push a table into the margin)."""
    edges, total = [0], 0.0
    for width in widths_mm:
        total += width
        edges.append(int(total * TWIPS_PER_MM))
    return [right - left for left, right in itertools.pairwise(edges)]


def set_column_widths(table: Any, widths_mm: list[float]) -> None:
    twips = column_twips(widths_mm)
    grid = table._tbl.tblGrid
    for column, width in zip(grid.findall(qn("w:gridCol")), twips, strict=True):
        column.set(qn("w:w"), str(width))
    for row in table.rows:
        for cell, width in zip(row.cells, twips, strict=True):
            cell.width = Twips(width)


def table_indent(table: Any, indent_mm: float) -> None:
    indent = OxmlElement("w:tblInd")
    indent.set(qn("w:w"), str(int(Mm(indent_mm).twips)))
    indent.set(qn("w:type"), "dxa")
    _insert_before(
        table._tbl.tblPr,
        indent,
        "w:tblBorders",
        "w:shd",
        "w:tblLayout",
        "w:tblCellMar",
        "w:tblLook",
    )


def _row_flag(row: Any, tag: str) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn(tag)) is None:
        tr_pr.append(OxmlElement(tag))


def cant_split(row: Any) -> None:
    """The row is never cut across two pages."""
    _row_flag(row, "w:cantSplit")


def repeat_header(row: Any) -> None:
    """The row is repeated at the top of every page the table runs onto."""
    _row_flag(row, "w:tblHeader")


def keep_row_with_next(row: Any) -> None:
    """Keep-with-next on every paragraph of the row: Word (and LibreOffice) then keep the
    row on the same page as the next row, or as the paragraph after the table."""
    for cell in row.cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True


def rule_paragraph(container: Any, line_mm: float, box_mm: float, space_after: float = 0) -> Any:
    """An empty paragraph whose bottom border is a centred solid line `line_mm` long."""
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    side = max(0.0, (box_mm - line_mm) / 2)
    fmt.left_indent = fmt.right_indent = Mm(side)
    fmt.space_before, fmt.space_after = Pt(0), Pt(space_after)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(2)
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    _insert_before(p_pr, borders, "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr")
    return paragraph


def add_page_number_field(paragraph: Any, size: float = 13) -> None:
    """A PAGE field as raw runs (python-docx has no field API)."""

    def run_with(child: Any) -> None:
        run = paragraph.add_run()
        set_fonts(run._r, size)
        run._r.append(child)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    run_with(instruction)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    result = paragraph.add_run("2")
    set_fonts(result._r, size)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def setup_headers(section: Any, document: Any) -> None:
    """Page number centred in the top margin from page 2; empty header on page 1."""
    header_style = document.styles["Header"]
    header_style.font.size = Pt(HEADER_PT)
    set_fonts(header_style.element, HEADER_PT)
    section.header.is_linked_to_previous = False
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_page_number_field(paragraph)
    section.first_page_header.is_linked_to_previous = False
    section.first_page_header.paragraphs[0].text = ""


def add_header_lines(section: Any, lines: list[tuple[str, bool]], align: str = "right") -> None:
    """Paragraphs put above the existing content of both headers of the section (page 1
    and the following pages): (text, bold) pairs, e.g. a draft marker between docxtpl
    paragraph tags."""
    for header in (section.first_page_header, section.header):
        anchor = header.paragraphs[0]
        for text, bold in lines:
            paragraph = anchor.insert_paragraph_before()
            paragraph.alignment = ALIGNMENTS[align]
            add_run(paragraph, text, size=HEADER_PT, bold=bold)


def new_page_section(document: Any) -> Any:
    """A new section on a new page. Word ends the previous section with an empty paragraph
    holding its properties; made 1 pt high here, so that when the content before it (the
    signer block) fills its page to the bottom, no blank page is left behind."""
    from docx.enum.section import WD_SECTION
    from docx.text.paragraph import Paragraph

    section = document.add_section(WD_SECTION.NEW_PAGE)
    holder = document.element.body.findall(qn("w:p"))[-1]
    properties = holder.find(qn("w:pPr")).find(qn("w:sectPr"))
    fmt = Paragraph(holder, document._body).paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(1)
    mark = OxmlElement("w:rPr")  # the paragraph mark's size sets the empty line's height
    for tag in ("w:sz", "w:szCs"):
        size = OxmlElement(tag)
        size.set(qn("w:val"), "2")
        mark.append(size)
    properties.addprevious(mark)
    return section


def restart_page_numbers(section: Any, start: int = 1) -> None:
    sect_pr = section._sectPr
    number_type = sect_pr.find(qn("w:pgNumType"))
    if number_type is None:
        number_type = OxmlElement("w:pgNumType")
        _insert_before(
            sect_pr,
            number_type,
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
        )
    number_type.set(qn("w:start"), str(start))


def _insert_before(parent: Any, child: Any, *successors: str) -> None:
    """Insert `child` before the first existing successor tag (schema order), else append."""
    for tag in successors:
        found = parent.find(qn(tag))
        if found is not None:
            found.addprevious(child)
            return
    parent.append(child)
