from __future__ import annotations

from pathlib import Path

import yaml

from kehoach_cli.checks.run import check_workspace
from kehoach_cli.loading.workspace import Workspace


def test_new_file_lists_every_assigned_task_and_validates(cli, workspace: Path):
    result = cli("new", "--unit", "khtc", "--year", "2025", cwd=workspace)
    assert result.code == 0, result.stderr
    target = workspace / "data/progress/2025/khtc.yaml"
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../schemas/progress.schema.json")
    assert '"2.6":  # chủ trì: Đóng góp của TFP vào tăng trưởng kinh tế' in text
    assert '"2.1":  # phối hợp:' in text
    assert "not_started | in_progress | done | delayed | cancelled" in text
    data = yaml.safe_load(text)
    assert list(data["tasks"]) == ["1", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6"]
    issues = [i for i in check_workspace(Workspace(workspace)).issues if i.file == target]
    assert [(i.code, i.severity.value) for i in issues] == [
        ("KH319", "warning")
    ]  # only the led task
    assert cli("validate", cwd=workspace).code == 0


def test_new_refuses_to_overwrite(cli, workspace: Path):
    target = workspace / "data/progress/2024/qlkh.yaml"
    before = target.read_bytes()
    result = cli("new", "--unit", "qlkh", "--year", "2024", cwd=workspace)
    assert result.code == 2 and "không ghi đè" in result.stderr
    assert target.read_bytes() == before


def test_unknown_or_unsafe_unit_lists_the_known_ones(cli, workspace: Path):
    for unit in ("phong-moi", "../../etc/x", "cuc-thong-ke"):
        result = cli("new", "--unit", unit, "--year", "2025", cwd=workspace)
        assert result.code == 2
        assert "qlkh" in result.stderr and "Thanh tra Sở" in result.stderr
    assert not (workspace / "data/progress/2025").exists()


def test_new_for_a_period_goes_in_its_folder_and_names_its_deadline(cli, tmp_path: Path):
    import shutil

    from tests.conftest import FIXTURES

    root = tmp_path / "ws"
    shutil.copytree(FIXTURES / "periods", root)
    result = cli("new", "-u", "so-b", "-y", "2025", "--period", "6-thang", "--root", str(root))
    assert result.code == 0, result.stderr
    created = root / "data/progress/2025/6-thang/so-b.yaml"
    text = created.read_text(encoding="utf-8")
    assert "$schema=../../../../schemas/progress.schema.json" in text
    assert "# Báo cáo tiến độ 6 tháng đầu năm 2025 của Sở B." in text
    assert "(hạn 05/06/2025)" in text
    yearly = cli("new", "-u", "so-b", "-y", "2025", "--root", str(root))
    assert yearly.code == 0 and "(hạn 15/01/2026)" in (
        root / "data/progress/2025/so-b.yaml"
    ).read_text(encoding="utf-8")
    assert cli("validate", "--root", str(root), "--no-cache").code == 0
    outside = cli("new", "-u", "so-b", "-y", "2031", "--root", str(root))
    assert (
        outside.code == 2
        and "năm 2031 nằm ngoài thời gian thực hiện kế hoạch (2024–2025" in outside.stderr
    )
    unknown = cli("new", "-u", "so-b", "-y", "2025", "--period", "quy-9", "--root", str(root))
    assert unknown.code == 2 and "kế hoạch không có kỳ báo cáo 'quy-9'" in unknown.stderr
