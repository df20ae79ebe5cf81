"""JSON Schemas (draft 2020-12) of the YAML files, for editors and peer tools."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from kehoach_cli.model.plan import Plan
from kehoach_cli.model.progress import Progress

SCHEMA_FILES: dict[str, type[BaseModel]] = {
    "plan.schema.json": Plan,
    "progress.schema.json": Progress,
}
DRAFT = "https://json-schema.org/draft/2020-12/schema"


def json_schemas() -> dict[str, dict[str, Any]]:
    """File name → schema document."""
    out = {}
    for name, model in SCHEMA_FILES.items():
        schema = model.model_json_schema()
        out[name] = {"$schema": DRAFT, **schema}
    return out


def schema_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


# Where a data file's modeline finds the schema, relative to the workspace root.
SCHEMA_DIR = "schemas"


def modeline(relative_to_root: str) -> str:
    """The yaml-language-server comment for a file `relative_to_root` deep (e.g. '../../..')."""
    return f"# yaml-language-server: $schema={relative_to_root}/{SCHEMA_DIR}/progress.schema.json"
