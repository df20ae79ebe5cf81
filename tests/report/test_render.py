from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from docx import Document

from kehoach_cli.facts import load_year as load_status_data
from kehoach_cli.loading.workspace import Workspace
from kehoach_cli.report.context import ReportOptions, build_context
from kehoach_cli.report.render import (
    Provenance,
    TemplateProblem,
    default_template,
    render_docx,
    resolve_template,
)
from tests.conftest import edit
from tests.report.docx_xml import Docx


def context_for(root: Path, year: int = 2024, unit: str | None = None):
    data = load_status_data(Workspace(root), year, date(2024, 12, 1))
    return build_context(data, ReportOptions(unit=unit), date(2024, 12, 1))


def all_text(data: bytes) -> str:
    return "".join(Docx(data).xml("word/document.xml").itertext())


def test_xml_special_characters_appear_verbatim(workspace: Path):
    nasty = "R&D <x> \"trích\" 'đơn' & <b>đậm</b> ]]> {{ 7*7 }}"
    edit(
        workspace / "data/progress/2024/tdc.yaml",
        "results: Góp ý dự thảo chính sách thu hút nhân lực về tiêu chuẩn, đo lường, chất lượng.",
        "results: " + json.dumps(nasty, ensure_ascii=False),
    )
    text = all_text(render_docx(default_template(), context_for(workspace)))
    assert nasty in text
    assert "Trên đây là báo cáo" in text  # nothing after the value was swallowed


def test_sandbox_blocks_python_internals(tmp_path: Path, workspace: Path):
    template = tmp_path / "evil.docx"
    document = Document()
    document.add_paragraph("{{ ''.__class__.__mro__[1].__subclasses__() }}")
    document.save(template)
    with pytest.raises(TemplateProblem) as caught:
        render_docx(template, context_for(workspace))
    assert "SecurityError" in str(caught.value) or "unsafe" in str(caught.value)


def test_undefined_variable_is_an_error_not_an_empty_string(tmp_path: Path, workspace: Path):
    template = tmp_path / "typo.docx"
    document = Document()
    document.add_paragraph("Năm {{ yaer }}")
    document.save(template)
    with pytest.raises(TemplateProblem) as caught:
        render_docx(template, context_for(workspace))
    assert "yaer" in str(caught.value)


def test_provenance_in_document_properties(workspace: Path):
    when = datetime(2024, 12, 1, 9, 30, 0, tzinfo=UTC)
    data = render_docx(
        default_template(),
        context_for(workspace),
        Provenance("9.9.9", when, "abcdef1234567890", True),
    )
    properties = Document(io.BytesIO(data)).core_properties
    assert properties.author == "kehoach 9.9.9"
    assert "abcdef123456" in properties.comments and "chưa commit" in properties.comments
    assert properties.created == when
    assert properties.language == "vi-VN"


def test_template_resolution_order(tmp_path: Path):
    assert resolve_template(None, tmp_path) == default_template()
    (tmp_path / "bao-cao.docx").write_bytes(b"x")
    assert resolve_template(None, tmp_path) == tmp_path / "bao-cao.docx"
    explicit = tmp_path / "khac.docx"
    assert resolve_template(explicit, tmp_path) == explicit


def test_provenance_says_when_the_repository_could_not_be_read():
    when = datetime(2024, 12, 1, 9, 30, 0, tzinfo=UTC)
    assert "không rõ có thay đổi" in Provenance("1", when, "abcdef1234567890", None).describe()
    assert "commit không rõ" in Provenance("1", when, None, None).describe()
    assert "dữ liệu" not in Provenance("1", when, None, False).describe()  # not a repository
