"""`kehoach plan render` gives back the plan document: sections I–IV word for word."""

from __future__ import annotations

import io

from docx import Document

from kehoach_cli.checks.run import load_plan
from kehoach_cli.loading.workspace import Workspace
from kehoach_cli.report.plan_document import date_line, render_plan
from tests.conftest import REPO
from tests.test_plan_fidelity import document_sections, normalise


def rendered_text() -> list[str]:
    plan, _ = load_plan(Workspace(REPO))
    assert plan is not None
    document = Document(io.BytesIO(render_plan(plan)))
    return [paragraph.text for paragraph in document.paragraphs]


def test_sections_one_to_four_match_the_original_word_for_word():
    text = normalise(" ".join(rendered_text()))
    start = text.index("I. MỤC ĐÍCH, YÊU CẦU")
    end = text.index("Trên đây là Kế hoạch")
    assert text[start:end].strip() == document_sections()


def test_title_preamble_and_closing_are_there():
    paragraphs = rendered_text()
    assert "KẾ HOẠCH" in paragraphs
    assert any(p.startswith("Thực hiện Chương trình hành động") for p in paragraphs)
    assert paragraphs[-1].endswith("của Sở Khoa học và Công nghệ./.") or any(
        p.endswith("Sở Khoa học và Công nghệ./.") for p in paragraphs
    )


def test_partial_date_leaves_blanks_for_the_clerk():
    plan, _ = load_plan(Workspace(REPO))
    assert plan is not None
    line = date_line(plan)
    assert line.startswith("Đồng Nai, ngày ") and line.endswith(" năm 2023")
    assert "tháng" in line
