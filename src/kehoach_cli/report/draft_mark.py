"""A draft must look like one on its first page, whatever the template.

The default template shows `draft_lines` before the title; a workspace's own template may
predate them or leave them out. Then the lines are put at the top of the body here, so a
report written with --draft can never look signable.
"""

from __future__ import annotations

import io
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor

from kehoach_cli.report.docx_layout import set_fonts

# How far into the body the mark must appear to be on the first page.
FIRST_PAGE_PARAGRAPHS = 12
RED = RGBColor(0xC0, 0x00, 0x00)


def _opening_text(document: Any) -> str:
    body = document.element.body
    texts = []
    for element in list(body.iterchildren())[:FIRST_PAGE_PARAGRAPHS]:
        texts.append("".join(node.text or "" for node in element.iter() if node.tag.endswith("}t")))
    return " ".join(texts)


def ensure_draft_marked(document_bytes: bytes, lines: list[str]) -> bytes:
    """The rendered .docx with `lines` at the top of its first page, unless it has them."""
    from docx import Document

    if not lines:
        return document_bytes
    document = Document(io.BytesIO(document_bytes))
    if lines[0] in _opening_text(document):
        return document_bytes
    first = document.element.body[0]
    for text in lines:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold = True
        run.font.size = Pt(13)
        run.font.color.rgb = RED
        set_fonts(run._r)
        first.addprevious(paragraph._p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
