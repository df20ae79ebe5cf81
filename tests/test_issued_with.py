"""A plan issued with a decision ("Ban hành kèm theo Quyết định số …") has no number of its
own: every document cites it by the decision, and none ever says "số …"."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document as Docx

from kehoach_cli.model.citation import decision_citation, plan_citation
from kehoach_cli.model.plan import Document
from tests.conftest import edit

DECISION = """  number:            # văn bản chưa ghi số
  symbol: KH-SKHCN
"""
ISSUED_WITH = """  issued_with:
    number: "45"
    symbol: QĐ-SKHCN
    date: 15/3/2023
"""
CITED = (
    "Kế hoạch ban hành kèm theo Quyết định số 45/QĐ-SKHCN ngày 15 tháng 3 năm 2023 "
    "của Sở Khoa học và Công nghệ"
)


def _document(**fields: object) -> Document:
    base: dict[str, object] = {
        "type": "KẾ HOẠCH",
        "place": "Tân Hòa",
        "date": "2025",
        "issuing_body": "Ủy ban nhân dân xã Tân Hòa",
        "title": "Cải cách hành chính năm 2025",
        "preamble": "…",
        "closing": "…",
        "signer": {"title": "CHỦ TỊCH"},
    }
    return Document.model_validate(base | fields)


def test_a_plan_with_its_own_number_is_cited_by_it_and_a_blank_when_unknown():
    own = _document(number="12", symbol="KH-UBND", date="15/3/2024")
    assert plan_citation(own) == "Kế hoạch số 12/KH-UBND"
    assert plan_citation(own, full=True) == (
        "Kế hoạch số 12/KH-UBND ngày 15 tháng 3 năm 2024 của Ủy ban nhân dân xã Tân Hòa"
    )
    unnumbered = _document(symbol="KH-UBND")
    assert plan_citation(unnumbered, full=True) == (
        "Kế hoạch số …/KH-UBND năm 2025 của Ủy ban nhân dân xã Tân Hòa"
    )


def test_a_decision_without_a_number_is_cited_by_its_date_and_issuer_alone():
    plan = _document(issued_with={"date": "2025-2", "issuer": "Ủy ban nhân dân huyện Đông"})
    assert decision_citation(plan) == "Quyết định tháng 02 năm 2025 của Ủy ban nhân dân huyện Đông"
    assert "số" not in plan_citation(plan, full=True).split()


def test_a_plan_needs_a_symbol_or_a_decision():
    with pytest.raises(ValueError, match="issued_with"):
        _document()


def _text_of_docx(path: Path) -> str:
    document = Docx(io.BytesIO(path.read_bytes()))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(texts)


def test_no_document_cites_a_number_the_plan_does_not_have(workspace: Path, cli):
    edit(workspace / "data/plan.yaml", DECISION, ISSUED_WITH)
    root = ("--root", str(workspace))
    outputs: dict[str, str] = {}
    assert cli("report", "--year", "2024", "-o", str(workspace / "r.docx"), *root).code == 0
    outputs["report"] = _text_of_docx(workspace / "r.docx")
    unit = ("--unit", "qlkh", "-o", str(workspace / "u.docx"))
    assert cli("report", "--year", "2024", *unit, *root).code == 0
    outputs["unit report"] = _text_of_docx(workspace / "u.docx")
    status = cli("status", "--year", "2024", "--as-of", "2024-12-31", *root)
    assert status.code == 0, status.stderr
    outputs["status"] = status.stdout
    html = workspace / "d.html"
    assert cli("dashboard", "--year", "2024", "-o", str(html), *root).code == 0
    outputs["dashboard"] = html.read_text(encoding="utf-8")
    assert cli("plan", "render", "-o", str(workspace / "p.docx"), *root).code == 0
    outputs["plan"] = _text_of_docx(workspace / "p.docx")
    with zipfile.ZipFile(workspace / "p.docx") as archive:
        assert "Số:" not in archive.read("word/document.xml").decode()  # no number line
    for name, text in outputs.items():
        assert "số …" not in text, name
        assert "Quyết định số 45/QĐ-SKHCN" in text, name
    decision = CITED.removeprefix("Kế hoạch ban hành kèm theo ")
    assert f"(Ban hành kèm theo {decision})" in outputs["plan"].splitlines()
    assert f"Thực hiện {CITED} về" in outputs["report"]
