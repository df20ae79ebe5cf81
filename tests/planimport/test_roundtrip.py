"""`plan render` then `plan import` gives the plan back: header, preamble, sections and their
items, tasks with their leads, cooperating units, deadlines and products, reporting and the
signer — for the bundled plan and every example (ids are made anew: compared by name)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach_cli.loading.documents import load_yaml_bytes
from kehoach_cli.model.plan import Plan
from kehoach_cli.planimport.run import import_plan
from kehoach_cli.report.plan_document import render_plan
from tests.conftest import REPO
from tests.planimport.roundtrip import printed, unprinted_partners

PLANS = [REPO / "data" / "plan.yaml", *sorted((REPO / "examples").glob("*/data/plan.yaml"))]


def load(path: Path) -> Plan:
    return Plan.model_validate(load_yaml_bytes(path, path.read_bytes()).data)


@pytest.mark.parametrize("source", PLANS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_render_then_import_gives_the_plan_back(source: Path, tmp_path: Path):
    plan = load(source)
    document = tmp_path / "ke-hoach.docx"
    document.write_bytes(render_plan(plan))
    target = tmp_path / "plan.yaml"
    imported = import_plan(document, target)
    target.write_text(imported.text, encoding="utf-8")

    assert not [issue for issue in imported.issues if issue.is_error]
    back = load(target)
    hidden = unprinted_partners(plan)
    want, got = printed(plan, hidden), printed(back, hidden)
    for key in want:
        assert got[key] == want[key], key


def test_there_are_examples():
    assert len(PLANS) >= 3
