from __future__ import annotations

from pathlib import Path


def test_overview_of_the_workspace(cli, workspace: Path):
    result = cli(cwd=workspace)
    assert result.code == 0
    assert result.stdout.startswith("Kế hoạch số /KH-SKHCN:")
    assert "Năm có báo cáo tiến độ: 2023, 2024" in result.stdout
    assert "Hạn nộp tiếp theo: 15/11/" in result.stdout
    assert "kehoach report --year" in result.stdout


def test_overview_outside_a_workspace_points_to_init(cli, tmp_path: Path):
    result = cli(cwd=tmp_path)
    assert result.code == 0
    assert "kehoach init" in result.stdout
