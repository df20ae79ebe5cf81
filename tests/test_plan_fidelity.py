"""data/plan.yaml must say exactly what the plan document says (sections I–IV)."""

from __future__ import annotations

import re

from kehoach_cli.checks.run import load_plan
from kehoach_cli.loading.workspace import Workspace
from kehoach_cli.report.plan_outline import plan_outline
from tests.conftest import FIXTURES, REPO

DOCUMENT = (FIXTURES / "plan-document.txt").read_text(encoding="utf-8")


def normalise(text: str) -> str:
    return " ".join(text.split())


def document_sections() -> str:
    start = DOCUMENT.index("I. MỤC ĐÍCH, YÊU CẦU")
    end = DOCUMENT.index("Trên đây là Kế hoạch")
    return normalise(DOCUMENT[start:end])


def bundled_plan():
    plan, issues = load_plan(Workspace(REPO))
    assert plan is not None, issues
    return plan


def test_sections_one_to_four_match_word_for_word():
    rebuilt = normalise(" ".join(paragraph.text for paragraph in plan_outline(bundled_plan())))
    assert rebuilt == document_sections()


def test_every_sentence_of_the_document_is_in_the_plan_texts():
    plan = bundled_plan()
    corpus = normalise(" ".join(paragraph.text for paragraph in plan_outline(plan)))
    sentences = [s for s in re.split(r"(?<=[.;:])\s+", document_sections()) if len(s) > 3]
    assert len(sentences) > 40
    missing = [s for s in sentences if s not in corpus]
    assert missing == []


def test_heading_block_and_closing_come_from_the_document():
    plan = bundled_plan()
    doc = plan.document
    text = normalise(DOCUMENT)
    assert f"Số: /{doc.symbol}" in text
    assert f"{doc.place}, ngày tháng năm {doc.date.year}" in text
    assert normalise(doc.title) in text
    assert normalise(" ".join(doc.preamble)) in text
    assert normalise(doc.closing) in text
    assert f"{doc.signer.title} {doc.signer.name}" in text
    for recipient in doc.recipients:
        assert recipient in text
    for basis in ("1459/QĐ-UBND", "154/NQ-CP", "257-KH/TU", "24-NQ/TW"):
        assert any(basis in legal for legal in doc.legal_bases)


def test_assignments_follow_the_document():
    plan = bundled_plan()
    from kehoach_cli.model.index import PlanIndex

    index = PlanIndex.build(plan)
    names = {unit.id: unit.name for unit in plan.units}
    for task in plan.walk_tasks():
        if task.wording and task.wording.lead:
            # the lead named in the wording is the unit the id points at
            lead_name = names[task.lead].lower().replace("và ", "")
            assert lead_name in task.wording.lead.lower().replace("và ", "")
    assert index.tasks["2.6"].partners == ["cuc-thong-ke"]
    [tfp] = plan.indicators
    assert (str(tfp.target), tfp.comparison.value, tfp.period.start, tfp.period.end) == (
        "62.8",
        "about",
        2021,
        2030,
    )
    assert (plan.reporting.deadline.day, plan.reporting.deadline.month) == (15, 11)
    assert plan.reporting.receiver == plan.reporting.escalation_to == "khtc"


def test_no_name_from_the_plan_appears_in_python_code():
    plan = bundled_plan()
    names = {unit.name for unit in plan.units} | {plan.document.place, plan.document.signer.name}
    names |= {unit.id for unit in plan.units if len(unit.id) > 3}
    for source in (REPO / "src").rglob("*.py"):
        code = source.read_text(encoding="utf-8")
        for name in names:
            assert name not in code, f"{name!r} hard-coded in {source.name}"
