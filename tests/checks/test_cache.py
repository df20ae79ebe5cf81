from __future__ import annotations

import json
from pathlib import Path

from kehoach_cli.checks.cache import CACHE_DIR, CACHE_FILE
from kehoach_cli.checks.validation import validate
from kehoach_cli.loading.workspace import Workspace
from tests.conftest import edit

QLKH = "data/progress/2024/qlkh.yaml"


def run(root: Path, version: str = "1.0", use_cache: bool = True):
    return validate(Workspace(root), None, version, use_cache=use_cache)


def test_second_run_reuses_every_result(workspace: Path):
    cold = run(workspace)
    warm = run(workspace)
    assert (cold.cache_hits, warm.cache_hits) == (0, 9)
    assert warm.issues == cold.issues and warm.files == cold.files == 10
    assert (workspace / CACHE_DIR / ".gitignore").read_text() == "*\n"


def test_cached_issues_equal_fresh_ones(workspace: Path):
    edit(workspace / QLKH, "spent: 142.300.000", "spent: 152.300.000")  # a warning
    cold = run(workspace)
    warm = run(workspace)
    assert [i.code for i in cold.issues] == ["KH310"]
    assert warm.issues == cold.issues and warm.cache_hits == 9


def test_a_changed_file_is_checked_again(workspace: Path):
    run(workspace)
    edit(workspace / QLKH, "spent: 142.300.000", "spent: 152.300.000")
    again = run(workspace)
    assert again.cache_hits == 8
    assert [i.code for i in again.issues] == ["KH310"]


def test_a_run_with_errors_writes_nothing(workspace: Path):
    """Bad input never causes a write: no cache is created, an existing one is untouched."""
    edit(workspace / QLKH, "progress: 70%", "progress: 150")
    first = run(workspace)
    assert [i.code for i in first.issues] == ["KH105"]
    assert not (workspace / CACHE_DIR).exists()

    edit(workspace / QLKH, "progress: 150", "progress: 70%")
    run(workspace)  # valid: the cache is written
    cache = workspace / CACHE_DIR / CACHE_FILE
    stored = (cache.read_bytes(), cache.stat().st_mtime_ns)
    edit(workspace / QLKH, "progress: 70%", "progress: 150")
    broken = run(workspace)
    assert broken.cache_hits == 8 and [i.code for i in broken.issues] == ["KH105"]
    assert (cache.read_bytes(), cache.stat().st_mtime_ns) == stored


def test_an_unchanged_run_does_not_rewrite_the_cache(workspace: Path):
    run(workspace)
    cache = workspace / CACHE_DIR / CACHE_FILE
    stored = (cache.read_bytes(), cache.stat().st_mtime_ns)
    assert run(workspace).cache_hits == 9
    assert (cache.read_bytes(), cache.stat().st_mtime_ns) == stored


def test_a_changed_plan_or_tool_version_empties_the_cache(workspace: Path):
    run(workspace)
    assert run(workspace, version="1.1").cache_hits == 0
    edit(workspace / "data/plan.yaml", 'task: "2.6"', 'task: "2"')
    changed = run(workspace, version="1.1")
    assert changed.cache_hits == 0
    assert [i.code for i in changed.issues] == ["KH312", "KH312"]


def test_no_cache_neither_reads_nor_writes(workspace: Path):
    outcome = run(workspace, use_cache=False)
    assert outcome.cache_hits == 0
    assert not (workspace / CACHE_DIR).exists()


def test_corrupt_cache_is_ignored(workspace: Path):
    run(workspace)
    cache = workspace / CACHE_DIR / CACHE_FILE
    key = json.loads(cache.read_text(encoding="utf-8"))["key"]
    for garbage in (
        "không phải JSON",
        "[]",
        json.dumps({"format": 1, "key": key, "files": []}),
        json.dumps({"format": 1, "key": key, "files": {QLKH: {"sha256": "x", "issues": 5}}}),
    ):
        cache.write_text(garbage, encoding="utf-8")
        outcome = run(workspace)
        assert outcome.issues == [] and outcome.files == 10
    # an entry whose digest matches but whose issues are malformed is recomputed
    run(workspace)
    document = json.loads(cache.read_text(encoding="utf-8"))
    document["files"][QLKH]["issues"] = [{"code": "KH105"}]
    cache.write_text(json.dumps(document), encoding="utf-8")
    assert run(workspace).issues == []


def test_unwritable_cache_is_not_fatal(workspace: Path):
    (workspace / CACHE_DIR).write_text("một tệp chắn chỗ thư mục cache", encoding="utf-8")
    outcome = run(workspace)
    assert outcome.issues == [] and outcome.files == 10
