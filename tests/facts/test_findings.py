"""The findings' rules (facts/judge.py), each on the smallest edit of a real workspace
that changes the judgment: the rule holds on one side of the edge and not on the other."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kehoach_cli.facts import load_year, year_facts
from kehoach_cli.facts.findings import IndicatorBasis, NotJudged, TaskVerdict
from kehoach_cli.loading.workspace import Workspace
from tests.conftest import FIXTURES, REPO, edit

HUYEN = REPO / "examples/huyen-chuyen-doi-so"
LAM_DONG = REPO / "examples/ubnd-tinh-ha-tang-so"
LAM_HA = FIXTURES / "lam-ha"


def facts_of(root: Path, year: int, as_of: date, unit: str | None = None, period=None):
    return year_facts(load_year(Workspace(root), year, as_of, period), unit=unit)


@pytest.fixture
def huyen(tmp_path: Path) -> Path:
    root = tmp_path / "huyen"
    shutil.copytree(HUYEN, root)
    return root


# --- reports -------------------------------------------------------------------------------


def test_a_report_not_yet_due_is_never_a_shortcoming_and_one_owed_is():
    before = facts_of(HUYEN, 2023, date(2023, 12, 2)).judged
    assert before.not_yet_due and not before.overdue_reports
    assert not [r for r in before.reports if r.shortcoming]
    after = facts_of(HUYEN, 2023, date(2023, 12, 15)).judged
    assert [r.unit.id for r in after.overdue_reports] == ["quang-tin"]
    assert [r.unit.id for r in after.late_reports] == ["kien-thanh"]


def test_a_draft_past_the_deadline_is_owed(huyen: Path):
    edit(huyen / "data/progress/2023/kien-duc.yaml", "submitted_on: 2023-12-04\n", "")
    findings = facts_of(huyen, 2023, date(2023, 12, 15)).judged
    owed = {r.unit.id: r.state.value for r in findings.overdue_reports}
    assert owed["kien-duc"] == "draft"


# --- tasks ---------------------------------------------------------------------------------


def test_overdue_needs_a_report_sent_after_the_due_date_saying_not_done():
    """3.3 (due 30/9/2023): Văn phòng reported 'delayed' on 05/12 — overdue, with its
    evidence. Before its report, the same task has only 'no report'."""
    found = facts_of(HUYEN, 2023, date(2023, 12, 15)).judged.task("3.3")
    assert found.verdict is TaskVerdict.OVERDUE
    assert {(e.field, e.value) for e in found.evidence} >= {
        ("tasks.3.3.status", "delayed"),
        ("submitted_on", "2023-12-05"),
    }
    early = facts_of(HUYEN, 2023, date(2023, 12, 2)).judged.task("3.3")
    assert early.verdict is TaskVerdict.NO_REPORT
    assert not early.lead_owes_report  # its report is not due until 05/12


def test_a_due_date_passed_after_the_report_is_not_called_overdue(huyen: Path):
    """Nhiệm vụ 6 (Tháng 11/2023): its lead reported 'in progress' on a day before the due
    date: when the due date passes nobody has said it is late."""
    progress = huyen / "data/progress/2023/tckh.yaml"
    edit(progress, "submitted_on: 2023-12-05", "submitted_on: 2023-11-20")
    edit(
        progress, "    status: done\n    progress: 100", "    status: in_progress\n    progress: 90"
    )
    found = facts_of(huyen, 2023, date(2023, 12, 15)).judged.task("6")
    assert found.verdict is TaskVerdict.DUE_PASSED_UNCONFIRMED
    assert found.reported_on == date(2023, 11, 20)


def test_a_unit_never_judges_the_tasks_it_cooperates_on():
    own = facts_of(HUYEN, 2023, date(2023, 12, 15), unit="kien-duc").judged
    roles = {f.task.id: (f.role.value, f.verdict) for f in own.tasks}
    assert roles["3.3"] == ("cooperate", TaskVerdict.CONTRIBUTED)
    assert roles["5"] == ("cooperate", TaskVerdict.NO_CONTENT)
    assert not own.tasks_with(TaskVerdict.OVERDUE)


def test_a_report_of_a_period_speaks_no_later_than_the_period_end():
    """The 6-month report read years later still speaks for June: a task due at the end of
    2025 is not 'past its due date' in it."""
    findings = facts_of(LAM_DONG, 2024, date(2026, 12, 7), period="6-thang").judged
    assert findings.task("3.3").verdict is TaskVerdict.ON_SCHEDULE
    assert findings.task("7").verdict is TaskVerdict.OVERDUE  # Quý IV/2023, said not started


def test_an_activity_past_its_own_due_date_makes_its_task_not_on_schedule():
    findings = facts_of(LAM_DONG, 2024, date(2024, 6, 15), period="6-thang").judged
    found = findings.task("3.1")
    assert [a.title for a in found.overdue_activities] == [
        "Rà soát vùng lõm sóng tại các xã Đạm Bri, Lộc Châu"
    ]
    assert found.verdict is TaskVerdict.UNDER_WAY
    assert any(s.kind == "overdue_activities" for s in findings.shortcomings)


def test_a_group_with_a_member_silent_is_partly_reported():
    found = facts_of(LAM_HA, 2026, date(2026, 12, 31)).judged.task("2")
    assert found.verdict is TaskVerdict.PARTLY_REPORTED
    assert [u.id for u, _ in found.lead_states] == ["xa-dan-phuong"]


def test_progress_of_a_parent_is_the_exact_mean_rounded_once(huyen: Path):
    """Subtasks at 85 %, 85 % and a group of (90 + 80 + 70) / 3 = 80 %: exact mean 83,33…
    → 83 %; with a subtask at 0 and another at 1 the exact mean rounds differently from the
    mean of rounded means."""
    facts = facts_of(huyen, 2023, date(2026, 12, 7))
    parent = facts.task("3")
    subs = [facts.task(i) for i in ("3.1", "3.2", "3.3")]
    if parent.progress is not None:
        exact = sum(Decimal(s.progress_partial or 0) for s in subs) / 3
        assert abs(Decimal(parent.progress) - exact) <= Decimal(1)


def test_a_parent_is_not_given_the_progress_of_part_of_its_base():
    facts = facts_of(HUYEN, 2023, date(2023, 12, 15))
    parent = facts.task("3")  # 3.2 is led by four communes, one has not reported
    assert parent.progress is None and parent.progress_partial is not None


# --- indicators ----------------------------------------------------------------------------


def test_a_units_share_of_a_sum_is_not_judged_against_the_whole_target(huyen: Path):
    own = facts_of(HUYEN, 2023, date(2023, 12, 15), unit="kien-duc")
    ind = own.indicators[0]
    assert ind.assessment == "not_judged"
    assert ind.finding is not None and ind.finding.not_judged is NotJudged.UNIT_SHARE
    # the plan gives the commune its own target: judged against it (10 of at least 13)
    plan = huyen / "data/plan.yaml"
    text = plan.read_text(encoding="utf-8")
    assert "combine: sum" in text
    edit(plan, "combine: sum", "combine: sum\n    unit_targets: {kien-duc: 13}")
    judged = facts_of(huyen, 2023, date(2023, 12, 15), unit="kien-duc").indicators[0]
    assert judged.finding is not None and judged.finding.target == Decimal(13)
    assert judged.assessment == "missed"
    edit(plan, "unit_targets: {kien-duc: 13}", "unit_targets: {kien-duc: 10}")
    met = facts_of(huyen, 2023, date(2023, 12, 15), unit="kien-duc").indicators[0]
    assert met.assessment == "met"


def test_a_part_year_figure_is_never_judged_against_a_yearly_target():
    facts = facts_of(LAM_DONG, 2024, date(2024, 6, 15), period="6-thang")
    for ind in facts.indicators:
        assert ind.finding is not None
        assert ind.finding.basis is IndicatorBasis.PART_YEAR
        assert ind.assessment in ("not_judged", "no_data")
        assert all(label.startswith("6 tháng đầu năm") for label in ind.covers.values())


def test_a_partial_sum_is_not_judged():
    facts = facts_of(LAM_DONG, 2024, date(2025, 2, 1))
    summed = next(i for i in facts.indicators if i.indicator.combine.value == "sum")
    assert summed.finding is not None
    assert [u.id for u in summed.finding.missing] == ["duc-trong"]
    assert summed.finding.not_judged is NotJudged.PARTIAL_SUM


# --- money, proposals, the plan's end ------------------------------------------------------


def test_a_spent_amount_above_the_planned_one_is_found(huyen: Path):
    progress = huyen / "data/progress/2023/noi-vu.yaml"
    edit(progress, "spent: 38.500.000", "spent: 385.000.000")
    found = facts_of(huyen, 2023, date(2023, 12, 15)).judged.amounts_out_of_range
    assert [(a.unit.id, a.spent, a.planned) for a in found] == [("noi-vu", 385_000_000, 40_000_000)]


def test_proposals_to_the_reporter_or_its_units_are_not_forwarded():
    findings = facts_of(LAM_DONG, 2024, date(2025, 2, 1)).judged
    kept = {p.item.text.split()[2] for p in findings.own_proposals}
    assert kept == {"UBND", "Sở"}  # 'Đề nghị UBND tỉnh …', 'Đề nghị Sở TT&TT/Tài chính …'
    assert [p.item.unit.id for p in findings.forwarded_proposals] == ["lam-ha"]
    # a unit's own report sends all of its proposals to its receiving unit
    own = facts_of(LAM_DONG, 2024, date(2025, 2, 1), unit="stttt").judged
    assert own.proposals and not own.own_proposals


def test_the_plan_ends_only_in_its_last_year_and_last_period():
    assert facts_of(HUYEN, 2023, date(2023, 12, 15)).judged.plan_ends  # period 2023–2023
    assert not facts_of(LAM_DONG, 2024, date(2025, 2, 1)).judged.plan_ends  # ends 2025


def test_a_unit_target_names_a_unit_that_reports(cli, huyen: Path):
    edit(
        huyen / "data/plan.yaml",
        "combine: sum",
        "combine: sum\n    unit_targets: {kien-duc: 13, kien-dc: 10, vnpt: 2}",
    )
    result = cli("validate", "--root", str(huyen))
    assert result.code == 1
    assert "indicators[1].unit_targets.kien-dc" in result.stderr and "(KH203)" in result.stderr
    assert "có phải ý bạn là 'kien-duc'" in result.stderr
    assert "'vnpt' là cơ quan bên ngoài, không thể nhận chỉ tiêu riêng (KH207)" in result.stderr
