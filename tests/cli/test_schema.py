"""The committed JSON Schemas are current, and a peer tool accepts the bundled data with them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kehoach_cli.model.schema import json_schemas, schema_text
from tests.conftest import REPO, edit


def test_committed_schemas_equal_the_generated_ones():
    for name, schema in json_schemas().items():
        committed = (REPO / "schemas" / name).read_text(encoding="utf-8")
        assert committed == schema_text(schema), f"run: kehoach schema  ({name} is stale)"


def test_schema_command_writes_both_files(cli, tmp_path: Path):
    result = cli("schema", "-o", str(tmp_path / "out"), cwd=tmp_path)
    assert result.code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "plan.schema.json",
        "progress.schema.json",
    ]


def check_jsonschema(schema: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_jsonschema_accepts_every_bundled_file():
    progress = sorted((REPO / "data" / "progress").rglob("*.yaml"))
    assert len(progress) == 9
    result = check_jsonschema(REPO / "schemas/progress.schema.json", *progress)
    assert result.returncode == 0, result.stdout + result.stderr
    result = check_jsonschema(REPO / "schemas/plan.schema.json", REPO / "data/plan.yaml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_jsonschema_rejects_what_kehoach_rejects(workspace: Path):
    target = workspace / "data/progress/2024/qlkh.yaml"
    edit(target, "progress: 70%", "progress: 150")
    edit(
        target,
        "status: in_progress\n    progress: 150",
        "stauts: in_progress\n    status: in_progress\n    progress: 150",
    )
    result = check_jsonschema(REPO / "schemas/progress.schema.json", target)
    assert result.returncode == 1
    assert "stauts" in result.stdout
