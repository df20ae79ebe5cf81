"""The data shipped in this repository is sample data and must validate clean."""

from __future__ import annotations

from kehoach_cli.checks.run import check_workspace
from kehoach_cli.loading.workspace import Workspace, list_progress_files
from tests.conftest import REPO


def test_all_bundled_data_validates_clean():
    result = check_workspace(Workspace(REPO))
    assert result.plan is not None
    assert result.issues == []
    assert result.files_checked >= 10


def test_every_reporting_unit_reported_for_2024_and_three_for_2023():
    result = check_workspace(Workspace(REPO))
    assert result.index is not None
    reporting = {unit.id for unit in result.index.reporting_units}
    refs, _ = list_progress_files(Workspace(REPO))
    assert {ref.unit for ref in refs if ref.year == 2024} == reporting
    assert len({ref.unit for ref in refs if ref.year == 2023}) >= 3


def test_sample_files_are_labelled_as_sample_data():
    for path in (REPO / "data" / "progress").rglob("*.yaml"):
        head = path.read_text(encoding="utf-8")[:400]
        assert "DỮ LIỆU MẪU" in head, path


def test_2024_has_a_late_unit_and_a_delayed_task():
    result = check_workspace(Workspace(REPO), years={2024})
    assert result.plan is not None
    deadline = result.plan.reporting.deadline
    progress = result.usable_progress(2024)
    late = [
        p.unit
        for p in progress
        if p.submitted_on
        and (p.submitted_on.month, p.submitted_on.day) > (deadline.month, deadline.day)
    ]
    delayed = [
        task_id
        for p in progress
        for task_id, report in p.tasks.items()
        if report.status.value == "delayed"
    ]
    assert late and delayed
    assert any(p.indicators.get("tfp") for p in progress)


def test_the_bundled_plan_refuses_a_year_outside_its_period(cli, workspace):
    result = cli("new", "--unit", "qlkh", "--year", "2049", "--root", str(workspace))
    assert result.code == 2
    assert "năm 2049 nằm ngoài thời gian thực hiện kế hoạch (2023–2030" in result.stderr
