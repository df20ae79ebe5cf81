from __future__ import annotations

from pathlib import Path

import yaml


def test_init_creates_a_repository_that_validates(cli, tmp_path: Path):
    result = cli("init", "kho", cwd=tmp_path)
    assert result.code == 0, result.stderr
    root = tmp_path / "kho"
    for name in (
        "data/plan.yaml",
        "data/progress/.gitkeep",
        "templates/bao-cao.docx",
        "schemas/plan.schema.json",
        "schemas/progress.schema.json",
        ".pre-commit-config.yaml",
        ".github/workflows/kehoach.yml",
        ".gitlab-ci.yml",
        ".editorconfig",
        ".gitattributes",
        "README.md",
    ):
        assert (root / name).exists(), name
    assert cli("validate", "--strict", cwd=root).code == 0
    workflow = yaml.safe_load((root / ".github/workflows/kehoach.yml").read_text(encoding="utf-8"))
    steps = " ".join(step.get("run", "") for step in workflow["jobs"]["kiem-tra"]["steps"])
    assert "kehoach validate" in steps and "--check-deadline" in steps
    gitlab = yaml.safe_load((root / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert any("kehoach status --check-deadline" in line for line in gitlab["kiem-tra"]["script"])
    hooks = yaml.safe_load((root / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks["repos"][0]["hooks"][0]["id"] == "kehoach-validate"
    assert "Việc thường làm" in (root / "README.md").read_text(encoding="utf-8")


def test_init_refuses_a_non_empty_folder_and_force_keeps_existing_files(cli, tmp_path: Path):
    (tmp_path / "ghi-chu.txt").write_text("của tôi", encoding="utf-8")
    (tmp_path / "README.md").write_text("README riêng", encoding="utf-8")
    refused = cli("init", ".", cwd=tmp_path)
    assert refused.code == 2 and "--force" in refused.stderr
    assert not (tmp_path / "data").exists()
    forced = cli("init", ".", "--force", cwd=tmp_path)
    assert forced.code == 0 and "Giữ nguyên 1 tệp" in forced.stderr
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "README riêng"
    assert (tmp_path / "data/plan.yaml").exists()
