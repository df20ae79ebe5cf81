from __future__ import annotations

from pathlib import Path


def test_overview_of_the_workspace(cli, workspace: Path):
    result = cli(cwd=workspace)
    assert result.code == 0
    assert result.stdout.startswith("Kế hoạch số …/KH-SKHCN:")  # no number yet: for the văn thư
    assert "Năm có báo cáo tiến độ: 2023, 2024" in result.stdout
    assert "Hạn nộp tiếp theo: 15/11/" in result.stdout
    assert "kehoach report --year" in result.stdout


def test_overview_outside_a_workspace_points_to_init(cli, tmp_path: Path):
    result = cli(cwd=tmp_path)
    assert result.code == 0
    assert "kehoach init" in result.stdout


def test_overview_after_the_plan_period_has_no_deadline_and_years_outside_are_refused(
    cli, workspace: Path
):
    plan = workspace / "data/plan.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(
        text.replace("period: {start: 2023, end: 2030}", "period: {start: 2023, end: 2024}", 1),
        encoding="utf-8",
    )
    result = cli(cwd=workspace)
    assert result.code == 0, result.stderr
    assert "Kế hoạch thực hiện đến năm 2024: không còn hạn nộp báo cáo nào." in result.stdout
    assert "Hạn nộp tiếp theo" not in result.stdout
    line = next(
        n
        for n, text in enumerate(plan.read_text(encoding="utf-8").splitlines(), 1)
        if text.startswith("period:")
    )
    for command in ("status", "report"):
        refused = cli(command, "--year", "2031", cwd=workspace)
        assert refused.code == 2
        assert (
            f"năm 2031 nằm ngoài thời gian thực hiện kế hoạch (2023–2024, ghi ở data/plan.yaml:{line})"
            in refused.stderr
        )
