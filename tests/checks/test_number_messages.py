"""Number errors found by the schema say what is wrong, with the field's whole range."""

from __future__ import annotations

from pathlib import Path

from kehoach_cli.checks.run import check_workspace
from kehoach_cli.loading.workspace import Workspace
from tests.conftest import edit

QLKH = "data/progress/2024/qlkh.yaml"


def test_a_range_hint_names_the_range(workspace: Path):
    edit(workspace / QLKH, "year: 2024", "year: 2300")
    issues = check_workspace(Workspace(workspace), paths=[workspace / QLKH]).issues
    [year] = [issue for issue in issues if issue.field == "year" and issue.code == "KH105"]
    assert year.message == "Số không hợp lệ: 2300 phải ≤ 2200"
    assert year.hint == "Viết một số từ 2000 đến 2200."
