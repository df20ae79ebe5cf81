from __future__ import annotations

from pathlib import Path

from kehoach_cli.checks import run as run_module
from kehoach_cli.checks.run import check_progress_files, load_plan
from kehoach_cli.loading.workspace import Workspace, list_progress_files
from kehoach_cli.model.index import PlanIndex
from tests.conftest import edit


def test_parallel_and_sequential_checks_agree_in_order(workspace: Path, monkeypatch):
    edit(workspace / "data/progress/2024/qlkh.yaml", "progress: 70%", "progress: 150")
    edit(workspace / "data/progress/2023/khtc.yaml", "year: 2023", "year: 2022")
    plan, _ = load_plan(Workspace(workspace))
    index = PlanIndex.build(plan)
    refs, _ = list_progress_files(Workspace(workspace))
    sequential = check_progress_files(refs, index)
    monkeypatch.setattr(run_module, "PARALLEL_MIN_FILES", 2)
    assert run_module._worker_count(len(refs)) > 1 or (run_module.os.cpu_count() or 1) == 1
    parallel = check_progress_files(refs, index)
    assert [c.ref for c in parallel] == [c.ref for c in sequential]
    assert [c.issues for c in parallel] == [c.issues for c in sequential]
    assert [c.progress for c in parallel] == [c.progress for c in sequential]


def test_small_workspaces_stay_in_one_process():
    assert run_module._worker_count(run_module.PARALLEL_MIN_FILES - 1) == 1
