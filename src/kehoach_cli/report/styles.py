"""Named paragraph styles of the generated documents, so clerks can restyle them in Word."""

from __future__ import annotations

from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

from kehoach_cli.report.docx_layout import (
    BODY_PT,
    format_paragraph,
    normalise_styles,
    set_fonts,
    setup_headers,
    setup_page,
)

BODY = "KH Nội dung"
SECTION = "KH Mục"  # I., II. … capitals, bold
ITEM = "KH Tiểu mục"  # 1., a) … bold
TABLE_TEXT = "KH Bảng"
TABLE_HEAD = "KH Bảng tiêu đề"
TABLE_NUMBER = "KH Bảng số"
CAPTION = "KH Tên bảng"
ADDRESSEE = "KH Kính gửi"
NOTE = "KH Chú thích"
TABLE_CENTER = "KH Bảng giữa"
TABLE_GROUP = "KH Bảng nhóm"  # a row that only groups the rows under it, bold
DRAFT = "KH Dự thảo"  # the draft marker on page 1


def new_document() -> Any:
    """An empty A4 document with the Decree's fonts, margins, page numbers and our styles."""
    from docx import Document

    document = Document()
    normalise_styles(document)
    add_styles(document)
    section = document.sections[0]
    setup_page(section)
    setup_headers(section, document)
    return document


def add_styles(document: Any) -> None:
    _style(document, BODY, BODY_PT, first_line=True, after=6, spacing=1.15)
    _style(document, SECTION, BODY_PT, bold=True, first_line=True, before=6, after=6, keep=True)
    _style(
        document,
        ITEM,
        BODY_PT,
        bold=True,
        first_line=True,
        before=6,
        after=6,
        spacing=1.15,
        keep=True,
    )
    _style(document, TABLE_TEXT, 12, align="left")
    _style(document, TABLE_HEAD, 12, bold=True, align="center")
    _style(document, TABLE_NUMBER, 12, align="right")
    _style(document, CAPTION, 13, bold=True, align="center", before=6, after=6, keep=True)
    _style(document, ADDRESSEE, BODY_PT, align="center", after=6)
    _style(document, NOTE, BODY_PT, italic=True, align="center", after=6)
    _style(document, TABLE_CENTER, 12, align="center")
    _style(document, TABLE_GROUP, 12, bold=True, align="left")
    _style(document, DRAFT, 13, bold=True, align="center", before=12, after=0)


def _style(
    document: Any,
    name: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    first_line: bool = False,
    align: str = "justify",
    before: float = 0,
    after: float = 0,
    spacing: float = 1.0,
    keep: bool = False,
) -> None:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    set_fonts(style.element, size)
    # a style has the same paragraph_format as a paragraph
    format_paragraph(
        style,
        align=align,
        first_line_indent=first_line,
        space_before=before,
        space_after=after,
        line_spacing=spacing,
        keep_with_next=keep,
    )
    style.paragraph_format.widow_control = True
