"""The bundled plan's original text imports with every task, lead and cooperating unit
right: compared with data/plan.yaml, hand-made from that text."""

from __future__ import annotations

from pathlib import Path

from kehoach_cli.loading.documents import load_yaml_bytes
from kehoach_cli.model.plan import GROUP_PREFIX, Plan
from kehoach_cli.planimport.run import import_plan
from tests.conftest import FIXTURES, REPO


def load(path: Path) -> Plan:
    return Plan.model_validate(load_yaml_bytes(path, path.read_bytes()).data)


def assignments(plan: Plan) -> list[tuple[str, str | None, str | None, list[str], list[str]]]:
    names = {unit.id: unit.name for unit in plan.units}
    names |= {f"{GROUP_PREFIX}{group.id}": group.name for group in plan.groups}
    return [
        (
            task.id,
            task.title,
            names.get(task.lead or "", task.lead),
            sorted(names[ref].lower() for ref in task.cooperate),
            task.text,
        )
        for task in plan.walk_tasks()
    ]


def test_the_original_text_gives_every_task_lead_and_cooperating_unit(tmp_path: Path):
    target = tmp_path / "plan.yaml"
    imported = import_plan(FIXTURES / "plan-document.txt", target)
    target.write_text(imported.text, encoding="utf-8")
    assert not [issue for issue in imported.issues if issue.is_error]
    want = assignments(load(REPO / "data" / "plan.yaml"))
    got = assignments(load(target))
    assert [row[0] for row in got] == [row[0] for row in want]
    for mine, theirs in zip(got, want, strict=True):
        task_id, title, lead, cooperate, text = theirs
        assert mine[1] == title, task_id
        # the document spells one office two ways ('… Đo lường và Chất lượng'); the
        # import keeps the first spelling it meets as the unit's name
        assert (mine[2] or "").replace(" và Chất", " Chất") == (lead or "").replace(
            " và Chất", " Chất"
        ), task_id
        assert mine[3] == cooperate, task_id
        assert mine[4] == text, task_id


def test_the_original_text_gives_reporting_and_the_signer(tmp_path: Path):
    target = tmp_path / "plan.yaml"
    target.write_text(import_plan(FIXTURES / "plan-document.txt", target).text, "utf-8")
    plan = load(target)
    bundled = load(REPO / "data" / "plan.yaml")
    names = {unit.id: unit.name for unit in plan.units}
    assert plan.reporting.deadline == bundled.reporting.deadline
    assert names[plan.reporting.receiver] == "Phòng Kế hoạch Tài chính"
    assert plan.document.signer == bundled.document.signer
    assert plan.document.recipients == bundled.document.recipients
    assert plan.document.drafting_note == bundled.document.drafting_note
    assert plan.document.symbol == bundled.document.symbol
    assert plan.document.issuing_body == bundled.document.issuing_body
    assert [s.heading for s in plan.sections] == [s.heading for s in bundled.sections]
