from __future__ import annotations

import io

from docx import Document

from kehoach_cli.report.draft_mark import ensure_draft_marked

LINES = ["DỰ THẢO — KHÔNG DÙNG ĐỂ KÝ BAN HÀNH", "Thiếu dữ liệu của: Phòng A (chưa gửi)."]


def _docx(*paragraphs: str) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _paragraphs(data: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(data)).paragraphs]


def test_a_template_without_draft_lines_gets_them_at_the_top():
    marked = ensure_draft_marked(_docx("BÁO CÁO", "Nội dung."), LINES)
    assert _paragraphs(marked)[:3] == [*LINES, "BÁO CÁO"]
    assert Document(io.BytesIO(marked)).paragraphs[0].runs[0].bold


def test_a_template_that_shows_them_is_left_alone_and_no_draft_is_untouched():
    shown = _docx("BÁO CÁO", LINES[0], "Nội dung.")
    assert ensure_draft_marked(shown, LINES) == shown
    plain = _docx("BÁO CÁO")
    assert ensure_draft_marked(plain, []) == plain
