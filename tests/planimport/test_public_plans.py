"""Three public plans of other shapes (tests/fixtures/plan-import/SOURCES.md says what of
each is verbatim and what is reconstructed): the import gets at least 90% of their tasks,
leads and deadlines right, against hand-checked lists. The README states the figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.planimport.measure import Score, measure

PLANS = sorted((FIXTURES / "plan-import").glob("*.expected.yaml"))


@pytest.mark.parametrize("expected", PLANS, ids=lambda p: p.name.split(".")[0])
def test_each_public_plan_is_read_at_least_ninety_percent_right(expected: Path, tmp_path: Path):
    score = measure(expected.with_name(expected.name.replace(".expected.yaml", ".txt")), tmp_path)
    assert score.share >= 0.9, score


def test_the_plans_together(tmp_path: Path):
    scores: list[Score] = [
        measure(p.with_name(p.name.replace(".expected.yaml", ".txt")), tmp_path) for p in PLANS
    ]
    assert len(scores) >= 3
    right = sum(s.tasks[0] + s.leads[0] + s.deadlines[0] for s in scores)
    total = sum(s.tasks[1] + s.leads[1] + s.deadlines[1] for s in scores)
    assert total >= 60  # tasks, leads and deadlines of three real plans
    assert right / total >= 0.9


def test_one_of_them_keeps_its_tasks_in_a_table_in_an_appendix():
    texts = [
        p.with_name(p.name.replace(".expected.yaml", ".txt")).read_text("utf-8") for p in PLANS
    ]
    assert any("PHỤ LỤC" in text and "| STT |" in text for text in texts)
