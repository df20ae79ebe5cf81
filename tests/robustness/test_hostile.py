"""No input makes kehoach crash, lose data, run away or execute anything (issue: robustness).

Each hostile case goes through validate, status and report. validate answers with the
expected code (located where a location exists); status and report skip a bad progress
file, show or write what they can and exit 1; they stop with a clear message when the plan
itself is unusable. Nothing in the workspace is created or changed, the validation
cache included; only an accepted input (exit 0) may leave the cache that `validate`
keeps in `.kehoach-cache/` (git-ignored) for its next run.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kehoach_cli.checks.cache import CACHE_DIR
from tests.conftest import REPO
from tests.robustness.cases import CASES, MARKER, PROGRESS, Case, snapshot

VIETNAMESE = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I
)


@pytest.fixture
def damaged(request, tmp_path: Path, monkeypatch):
    case: Case = request.param
    root = tmp_path / "ws"
    shutil.copytree(REPO / "data", root / "data")
    case.damage(root)
    monkeypatch.chdir(root)
    before = snapshot(root)
    yield case, root
    after = snapshot(root)
    if case.validate_exit == 0:  # accepted input: validate may leave its cache, nothing else
        after = {path: value for path, value in after.items() if not path.startswith(CACHE_DIR)}
    assert after == before, "the workspace was changed"
    assert not (root / MARKER).exists() and not (tmp_path / MARKER).exists(), "code was executed"


def ids(cases):
    return [case.name for case in cases]


def assert_clean_failure(result) -> None:
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream
        assert "Lỗi không mong đợi" not in stream


@pytest.mark.parametrize("damaged", CASES, ids=ids(CASES), indirect=True)
def test_validate(cli, damaged):
    case, root = damaged
    result = cli("validate", cwd=root)
    assert_clean_failure(result)
    assert result.code == case.validate_exit, result.stderr
    if case.validate_exit == 0:
        assert "Dữ liệu hợp lệ" in result.stderr
        return
    assert VIETNAMESE.search(result.stderr)
    if case.code is None:
        return
    errors = [line for line in result.stderr.splitlines() if "[lỗi]" in line]
    assert any(f"({case.code})" in line for line in errors), result.stderr
    if case.single:
        assert len(errors) == 1, result.stderr
    line = next(line for line in errors if f"({case.code})" in line)
    target = "data/plan.yaml" if case.in_plan else PROGRESS
    if case.located:
        assert re.match(rf"^{re.escape(target)}:\d+:\d+: ", line), line
    else:
        assert line.startswith(target), line


PROGRESS_CASES = [case for case in CASES if not case.in_plan]
PLAN_CASES = [case for case in CASES if case.in_plan]


@pytest.mark.parametrize("damaged", PROGRESS_CASES, ids=ids(PROGRESS_CASES), indirect=True)
def test_status_skips_a_bad_progress_file_and_report_refuses_it(cli, damaged, tmp_path_factory):
    case, root = damaged
    status = cli("status", "--year", "2024", "--as-of", "2024-12-01", cwd=root)
    assert_clean_failure(status)
    assert status.code == case.validate_exit  # shows the rest, exits 1 for the bad file
    if case.validate_exit:
        assert "Bỏ qua 1 tệp" in status.stderr and "kehoach validate" in status.stderr
    out = tmp_path_factory.mktemp("out") / "bc.docx"
    args = ("report", "--year", "2024", "--as-of", "2024-12-01", "-o", str(out))
    report = cli(*args, cwd=root)
    assert_clean_failure(report)
    assert report.code == case.validate_exit
    if case.validate_exit:  # a signed document never comes from data with errors
        assert not out.exists() and "--draft" in report.stderr
        report = cli(*args, "--draft", cwd=root)
        assert_clean_failure(report)
        assert report.code == 1 and "DỰ THẢO" in report.stderr
    assert out.stat().st_size > 20_000


@pytest.mark.parametrize("damaged", PLAN_CASES, ids=ids(PLAN_CASES), indirect=True)
def test_status_and_report_stop_on_an_unusable_plan(cli, damaged, tmp_path_factory):
    case, root = damaged
    out = tmp_path_factory.mktemp("out") / "bc.docx"
    for args in (("status", "--year", "2024"), ("report", "--year", "2024", "-o", str(out))):
        result = cli(*args, cwd=root)
        assert_clean_failure(result)
        assert result.code == case.validate_exit
        assert "data/plan.yaml" in result.stderr
        if case.validate_exit == 1 and case.code:  # the plan's own error, as validate gives it
            assert f"({case.code})" in result.stderr, result.stderr
            if case.located:
                assert re.search(r"^data/plan\.yaml:\d+:\d+: \[lỗi\]", result.stderr, re.M)
    assert not out.exists()


def test_there_are_at_least_forty_cases():
    assert len(CASES) >= 40
