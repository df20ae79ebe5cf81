"""PDF: through pdftotext -layout when installed, else pypdf; a PDF without a text layer
(a scan) is told apart. bundled-plan.pdf is `plan render` of the bundled plan, printed to
PDF by LibreOffice."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kehoach_cli.loading.documents import load_yaml_bytes
from kehoach_cli.model.plan import Plan
from kehoach_cli.planimport import source
from kehoach_cli.planimport.run import import_plan
from kehoach_cli.planimport.source import ImportProblem
from tests.conftest import FIXTURES, REPO
from tests.planimport.roundtrip import printed, unprinted_partners

PDF = FIXTURES / "plan-import" / "bundled-plan.pdf"


def load(path: Path) -> Plan:
    return Plan.model_validate(load_yaml_bytes(path, path.read_bytes()).data)


def imported(tmp_path: Path) -> Plan:
    target = tmp_path / "plan.yaml"
    result = import_plan(PDF, target)
    assert not [issue for issue in result.issues if issue.is_error]
    target.write_text(result.text, encoding="utf-8")
    return load(target)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing")
def test_a_rendered_plan_printed_to_pdf_imports_back(tmp_path: Path):
    plan = load(REPO / "data" / "plan.yaml")
    hidden = unprinted_partners(plan)
    want, got = printed(plan, hidden), printed(imported(tmp_path), hidden)
    for key in want:
        assert got[key] == want[key], key


def test_without_pdftotext_pypdf_reads_the_tasks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(source.shutil, "which", lambda name: None)
    plan = load(REPO / "data" / "plan.yaml")
    hidden = unprinted_partners(plan)
    want, got = printed(plan, hidden), printed(imported(tmp_path), hidden)
    assert [(t["id"], t["lead"], t["cooperate"]) for t in got["tasks"]] == [
        (t["id"], t["lead"], t["cooperate"]) for t in want["tasks"]
    ]
    assert got["header"] == want["header"]


def test_a_pdf_without_text_is_named_a_scan(tmp_path: Path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    scan = tmp_path / "ban-quet.pdf"
    with scan.open("wb") as stream:
        writer.write(stream)
    with pytest.raises(ImportProblem, match="không có lớp chữ"):
        import_plan(scan, tmp_path / "plan.yaml")


def test_a_broken_pdf_is_a_located_message(tmp_path: Path):
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(ImportProblem, match=r"hong\.pdf"):
        import_plan(broken, tmp_path / "plan.yaml")
