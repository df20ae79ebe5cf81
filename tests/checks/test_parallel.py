from __future__ import annotations

import concurrent.futures
from pathlib import Path

import pytest

from kehoach_cli.checks import run as run_module
from kehoach_cli.checks.plan_view import PlanView
from kehoach_cli.checks.run import check_progress_files, load_plan
from kehoach_cli.loading.workspace import Workspace, list_progress_files
from kehoach_cli.model.index import PlanIndex
from tests.conftest import edit

MANY = 10 * run_module.PARALLEL_MIN_FILES


def two_cores_or_more() -> bool:
    return run_module._worker_count(MANY) > 1


@pytest.fixture
def checked_inputs(workspace: Path):
    edit(workspace / "data/progress/2024/qlkh.yaml", "progress: 70%", "progress: 150")
    edit(workspace / "data/progress/2023/khtc.yaml", "year: 2023", "year: 2022")
    plan, _ = load_plan(Workspace(workspace))
    refs, _ = list_progress_files(Workspace(workspace))
    return refs, PlanView.from_index(PlanIndex.build(plan))


@pytest.fixture
def no_pool(monkeypatch):
    """Fail the test if a process pool is started."""

    class Refused:
        def __init__(self, *args, **kwargs):
            raise AssertionError("a process pool was started")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Refused)


def test_parallel_and_sequential_checks_agree_in_order(checked_inputs, monkeypatch):
    refs, index = checked_inputs
    sequential = check_progress_files(refs, index, with_digest=True)
    monkeypatch.setattr(run_module, "PARALLEL_MIN_FILES", 2)
    if not two_cores_or_more():
        pytest.skip("one core: no pool")
    for keep_models in (False, True):
        parallel = check_progress_files(refs, index, keep_models, max_workers=2, with_digest=True)
        assert [c.ref for c in parallel] == [c.ref for c in sequential]
        assert [c.issues for c in parallel] == [c.issues for c in sequential]
        assert [c.sha256 for c in parallel] == [c.sha256 for c in sequential]
        assert all(c.sha256 for c in parallel)
        expected = [c.progress for c in sequential] if keep_models else [None] * len(refs)
        assert [c.progress for c in parallel] == expected


def test_callers_wanting_models_stay_in_one_process(checked_inputs, monkeypatch, no_pool):
    """status, report and the facts loader call check_progress_files(refs, plan view) and get
    models back; sending models from workers cost more than it saved (benchmarks/run.py)."""
    refs, index = checked_inputs
    monkeypatch.setattr(run_module, "PARALLEL_MIN_FILES", 2)
    checked = check_progress_files(refs, index)
    assert [c.ref for c in checked] == refs
    usable = [c for c in checked if not c.has_errors]
    assert usable and all(c.progress is not None for c in usable)
    assert run_module._worker_count(MANY, keep_models=True) == 1


def test_kehoach_workers_1_turns_the_pool_off_for_every_caller(monkeypatch, checked_inputs):
    monkeypatch.setenv("KEHOACH_WORKERS", "1")
    assert run_module._worker_count(MANY) == 1
    assert run_module._worker_count(MANY, keep_models=True) == 1
    monkeypatch.setattr(run_module, "PARALLEL_MIN_FILES", 2)
    refs, index = checked_inputs

    class Refused:
        def __init__(self, *args, **kwargs):
            raise AssertionError("a process pool was started")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Refused)
    assert len(check_progress_files(refs, index, keep_models=False)) == len(refs)


def test_kehoach_workers_n_allows_the_pool_where_it_is_off_by_default(monkeypatch):
    if not two_cores_or_more():
        pytest.skip("one core: no pool")
    monkeypatch.setenv("KEHOACH_WORKERS", "2")
    assert run_module._worker_count(MANY, keep_models=True) == 2
    monkeypatch.setenv("KEHOACH_WORKERS", "beaucoup")  # not a number: automatic
    assert run_module._worker_count(MANY, keep_models=True) == 1
    assert run_module._worker_count(MANY) > 1


def test_small_workspaces_stay_in_one_process():
    assert run_module._worker_count(run_module.PARALLEL_MIN_FILES - 1) == 1
