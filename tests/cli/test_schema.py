"""The committed JSON Schemas are current, and a peer tool accepts the bundled data with them."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from kehoach_cli.model.plan import DayMonth, MonthRange, PartialDate
from kehoach_cli.model.schema import json_schemas, schema_text
from kehoach_cli.model.titles import VALUE_FORMS
from kehoach_cli.model.values import Money, Percent, TaskId, UnitId, VnDate, VnDecimal
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


def test_check_jsonschema_accepts_every_example():
    plans = sorted((REPO / "examples").glob("*/data/plan.yaml"))
    progress = sorted((REPO / "examples").glob("*/data/progress/**/*.yaml"))
    assert len(plans) >= 2 and len(progress) > len(plans)
    result = check_jsonschema(REPO / "schemas/progress.schema.json", *progress)
    assert result.returncode == 0, result.stdout + result.stderr
    result = check_jsonschema(REPO / "schemas/plan.schema.json", *plans)
    assert result.returncode == 0, result.stdout + result.stderr


def _nodes(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value)


def _vietnamese(text: str) -> bool:
    return any(
        letter in text
        for letter in "àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ"
    )


def test_editor_messages_and_hovers_are_vietnamese():
    """VS Code's YAML extension shows `patternErrorMessage`/`errorMessage` for a value that
    does not match and `markdownDescription` on hover: every pattern, enumeration and title
    speaks Vietnamese."""
    for name, schema in json_schemas().items():
        nodes = list(_nodes(schema))
        patterned = [n for n in nodes if isinstance(n.get("pattern"), str)]
        enums = [n for n in nodes if "enum" in n and "type" in n]
        assert patterned and enums, name
        for node in patterned:
            assert _vietnamese(node.get("patternErrorMessage", "")), (name, node)
        for node in enums:
            assert _vietnamese(node.get("errorMessage", "")), (name, node)
        for node in nodes:
            for key in ("title", "description", "markdownDescription", "errorMessage"):
                text = node.get(key)
                if isinstance(text, str) and key != "title":
                    assert _vietnamese(text) or text.isdigit(), (name, key, text)
                if key == "title" and isinstance(text, str):
                    assert not text.isascii() or text in {"Mã"}, (name, text)


HOVERED = {
    # schema file, $defs model (or "" for the root), property: words the hover must show
    ("progress.schema.json", "", "submitted_on"): "`10/11/2024`",
    ("progress.schema.json", "Budget", "planned"): "`150.000.000`",
    ("progress.schema.json", "TaskReport", "progress"): "`60%`",
    ("progress.schema.json", "IndicatorValue", "value"): "`62,8`",
    ("progress.schema.json", "", "unit"): "`phong-a`",
    ("plan.schema.json", "Task", "id"): "`2.10`",
    ("plan.schema.json", "Task", "deadline"): "Quý III/2024",
    ("plan.schema.json", "Reporting", "deadline"): "`15/01 năm sau`",
    ("plan.schema.json", "ReportingPeriod", "months"): "`1-6`",
    ("plan.schema.json", "Document", "date"): "`2024-11`",
}


def test_hovers_show_the_accepted_forms():
    schemas = json_schemas()
    for (name, model, prop), words in HOVERED.items():
        schema = schemas[name]
        owner = schema["$defs"][model] if model else schema
        assert words in owner["properties"][prop]["markdownDescription"], (name, model, prop)


def test_the_forms_the_hovers_show_are_accepted_by_the_schema_and_by_kehoach():
    """Each example in backquotes is what a clerk may type: the schema's pattern (the
    editor) and kehoach's own parser (validate) both take it."""
    parsers: dict[str, Any] = {
        "date": TypeAdapter(VnDate).validate_python,
        "money": TypeAdapter(Money).validate_python,
        "percent": TypeAdapter(Percent).validate_python,
        "decimal": TypeAdapter(VnDecimal).validate_python,
        "unit_id": TypeAdapter(UnitId).validate_python,
        "task_id": TypeAdapter(TaskId).validate_python,
        "partial_date": PartialDate.model_validate,
        "day_month": DayMonth.model_validate,
        "month_range": MonthRange.model_validate,
    }
    not_values = {"a-z", "-", "62.8"}  # the letters allowed, and a form the text warns against
    patterns = {
        kind: [re.compile(p) for p in patterns_of]
        for kind, patterns_of in _patterns_by_kind().items()
    }
    for kind, parse in parsers.items():
        examples = [
            e for e in re.findall(r"`([^`]+)`", VALUE_FORMS[kind][0]) if e not in not_values
        ]
        assert examples, kind
        for example in examples:
            parse(example)
            assert any(p.search(example) for p in patterns[kind]), (kind, example)
    with pytest.raises(ValidationError):
        parsers["decimal"]("62.8")


def _patterns_by_kind() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for schema in json_schemas().values():
        for node in _nodes(schema):
            message = node.get("patternErrorMessage")
            if message:
                [kind] = [k for k, (_, error) in VALUE_FORMS.items() if error == message]
                found.setdefault(kind, []).append(node["pattern"])
    return found
