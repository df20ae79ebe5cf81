"""A progress file of a period speaks of that period; an honest 'not started' for a task
due after the period is not asked to be filled in (KH319)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import FIXTURES


def _periods_workspace(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "periods", tmp_path / "ws")
    return tmp_path / "ws"


def test_a_six_month_file_speaks_of_six_months(cli, tmp_path: Path):
    root = _periods_workspace(tmp_path)
    target = root / "data/progress/2025/6-thang/so-a.yaml"
    args = ("new", "--unit", "so-a", "--year", "2025", "--period", "6-thang", "--root", str(root))
    assert cli(*args).code == 0
    text = target.read_text(encoding="utf-8")
    assert "# kết quả thực hiện 6 tháng đầu năm" in text
    assert "# nhiệm vụ 6 tháng cuối năm" in text
    assert "trong năm" not in text and "năm sau" not in text
    yearly = root / "data/progress/2025/so-a.yaml"
    assert cli("new", "--unit", "so-a", "--year", "2025", "--root", str(root)).code == 0
    assert "# nhiệm vụ năm sau" in yearly.read_text(encoding="utf-8")


def test_not_started_is_honest_for_a_task_due_after_the_period(cli, tmp_path: Path):
    """Task 1 is due in Quý III/2024: not started in the first six months is the truth; in
    the yearly file the same silence is still warned about."""
    root = _periods_workspace(tmp_path)
    (root / "data/progress/2024/6-thang/so-a.yaml").unlink()
    args = ("--unit", "so-a", "--year", "2024", "--root", str(root))
    assert cli("new", *args, "--period", "6-thang").code == 0
    checked = cli("validate", "--root", str(root))
    assert "6-thang/so-a.yaml" not in checked.stderr, checked.stderr
    (root / "data/progress/2024/so-a.yaml").unlink()
    assert cli("new", *args).code == 0
    checked = cli("validate", "--root", str(root))
    assert "2024/so-a.yaml" in checked.stderr and "(KH319)" in checked.stderr
