"""KH324: a submitted_on after today is told by validate, and the cache never keeps a
stale answer for it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from kehoach_cli.checks.run import check_progress_files, check_workspace
from kehoach_cli.checks.validation import validate
from kehoach_cli.loading.workspace import Workspace, list_progress_files
from tests.conftest import edit

QLKH = "data/progress/2024/qlkh.yaml"
SENT = date(2026, 12, 10)  # typed for 10/11/2026


def run(root: Path, today: date):
    return validate(Workspace(root), None, "1.0", today=today)


def codes(outcome) -> list[str]:
    return [issue.code for issue in outcome.issues]


def test_a_sending_date_after_today_warns(workspace: Path):
    edit(workspace / QLKH, "submitted_on: 2024-11-12", "submitted_on: 10/12/2026")
    outcome = run(workspace, SENT - timedelta(days=30))
    [issue] = outcome.issues
    assert (issue.code, issue.severity.value, issue.field) == ("KH324", "warning", "submitted_on")
    assert issue.file == workspace / QLKH and issue.position and issue.position.line == 7
    assert issue.message == (
        "Ngày gửi 10/12/2026 ở sau hôm nay: trước ngày đó báo cáo được tính là chưa gửi"
    )
    assert "--as-of" in issue.hint and "để trống 'submitted_on'" in issue.hint


def test_sent_today_or_before_is_silent(workspace: Path):
    edit(workspace / QLKH, "submitted_on: 2024-11-12", "submitted_on: 10/12/2026")
    assert codes(run(workspace, SENT)) == []
    assert codes(run(workspace, SENT + timedelta(days=1))) == []


def test_the_warning_comes_with_the_files_other_errors(workspace: Path):
    """A file with a schema error elsewhere is still told about its date."""
    edit(workspace / QLKH, "submitted_on: 2024-11-12", "submitted_on: 10/12/2026")
    edit(workspace / QLKH, "progress: 70%", "progress: 150")
    assert sorted(codes(run(workspace, date(2026, 11, 27)))) == ["KH105", "KH324"]


def test_the_cache_holds_the_answer_only_on_its_side_of_the_date(
    workspace: Path, rechecked: list[str]
):
    edit(workspace / QLKH, "submitted_on: 2024-11-12", "submitted_on: 10/12/2026")
    day_before = SENT - timedelta(days=1)
    assert codes(run(workspace, day_before - timedelta(days=1))) == ["KH324"]
    checked = len(rechecked)
    warm = run(workspace, day_before)  # the next morning: still before, from the cache
    assert codes(warm) == ["KH324"] and warm.cache_hits == 9 and len(rechecked) == checked
    on_the_day = run(workspace, SENT)  # the date has come: checked again, no warning
    assert codes(on_the_day) == [] and on_the_day.cache_hits == 8
    assert rechecked[checked:] == ["2024/qlkh"]
    later = run(workspace, SENT + timedelta(days=3))
    assert codes(later) == [] and later.cache_hits == 9
    clock_back = run(workspace, day_before)  # a clock put back is not served "no warning"
    assert codes(clock_back) == ["KH324"] and clock_back.cache_hits == 8


def test_status_and_report_loading_is_not_told(workspace: Path):
    """check_progress_files without `today` (status, report: they judge as of --as-of)."""
    edit(workspace / QLKH, "submitted_on: 2024-11-12", "submitted_on: 10/12/2099")
    refs, _ = list_progress_files(Workspace(workspace))
    found = check_progress_files(refs, None)
    assert all(issue.code != "KH324" for checked in found for issue in checked.issues)
    everything = check_workspace(Workspace(workspace)).issues  # as validate: today
    assert [issue.code for issue in everything] == ["KH324"]
