"""JSON Schemas (draft 2020-12) of the YAML files, for editors and peer tools.

Besides the Vietnamese titles and descriptions of the models, each schema carries the
Vietnamese texts VS Code's YAML extension (Red Hat's yaml-language-server) shows:

- `markdownDescription` on hover: the field's description and the forms a value may take
  (dates, money, percents, numbers, ids, deadlines);
- `patternErrorMessage` and `errorMessage` as the message of a value that does not match
  (a pattern, a type or an enumeration); `enumDescriptions` for the values of an
  enumeration (hover and completion).

These are VS Code's extensions to JSON Schema, which the YAML extension reads; ajv-errors'
`errorMessage` *object* (messages per keyword) is not read by it, so it is not used. Other
validators (check-jsonschema) ignore the extra keywords. What a schema cannot say (a
missing key, an unknown key) stays in the extension's own words; `kehoach validate` says
it in Vietnamese.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, TypeAdapter

from kehoach_cli.model.deadlines import ACCEPTED
from kehoach_cli.model.plan import DayMonth, MonthRange, PartialDate, Plan
from kehoach_cli.model.progress import STATUS_LABELS, Progress
from kehoach_cli.model.titles import (
    ENUM_ERROR,
    ENUM_TEXTS,
    FIELD_TITLES,
    MODEL_TITLES,
    PROPERTY_TITLES,
    VALUE_FORMS,
)
from kehoach_cli.model.values import Money, Percent, TaskId, UnitId, VnDate, VnDecimal

SCHEMA_FILES: dict[str, type[BaseModel]] = {
    "plan.schema.json": Plan,
    "progress.schema.json": Progress,
}
DRAFT = "https://json-schema.org/draft/2020-12/schema"

# Models whose plain-text form is a value of one of VALUE_FORMS.
_KIND_OF_DEF = {
    "PartialDate": "partial_date",
    "DayMonth": "day_month",
    "MonthRange": "month_range",
    "Deadline": "deadline",
}


def _patterns(schema: Any) -> list[str]:
    if isinstance(schema, dict):
        own = [schema["pattern"]] if isinstance(schema.get("pattern"), str) else []
        return own + [p for value in schema.values() for p in _patterns(value)]
    if isinstance(schema, list):
        return [p for value in schema for p in _patterns(value)]
    return []


def _kind_by_pattern() -> dict[str, str]:
    """Pattern → kind of value, read from the types themselves (never copied)."""
    kinds: dict[str, str] = {}
    types: dict[str, Any] = {
        "date": VnDate,
        "money": Money,
        "percent": Percent,
        "decimal": VnDecimal,
        "unit_id": UnitId,
        "task_id": TaskId,
    }
    for kind, annotated in types.items():
        for pattern in _patterns(TypeAdapter(annotated).json_schema()):
            kinds[pattern] = kind
    for model in (PartialDate, DayMonth, MonthRange):
        for pattern in _patterns(model.json_alternatives):
            kinds[pattern] = _KIND_OF_DEF[model.__name__]
    return kinds


def _forms(kind: str) -> tuple[str, str]:
    accepted, error = VALUE_FORMS[kind]
    return accepted.format(accepted=ACCEPTED), error


def _markdown(text: str) -> str:
    """Plain text as Markdown (the characters Markdown would take for syntax escaped)."""
    return "".join("\\" + c if c in "\\`*_[]<>" else c for c in text)


class _Hints:
    def __init__(self, schema: dict[str, Any]) -> None:
        self.defs: dict[str, Any] = schema.get("$defs", {})
        self.kinds = _kind_by_pattern()

    def kind_of(self, node: Any, depth: int = 0) -> str | None:
        """The kind of value a property holds: its pattern, a $ref to a model written as
        text, or either inside anyOf (`X | None`)."""
        if not isinstance(node, dict) or depth > 3:
            return None
        if node.get("pattern") in self.kinds:
            return self.kinds[node["pattern"]]
        ref = node.get("$ref", "")
        if ref.startswith("#/$defs/") and ref.removeprefix("#/$defs/") in _KIND_OF_DEF:
            return _KIND_OF_DEF[ref.removeprefix("#/$defs/")]
        for alternative in node.get("anyOf", []):
            kind = self.kind_of(alternative, depth + 1)
            if kind:
                return kind
        return None

    def values(self, node: Any) -> None:
        """Messages on every node that checks a clerk's value against a pattern; the other
        alternatives of the same anyOf (the number beside the text) say the same."""
        if isinstance(node, list):
            for item in node:
                self.values(item)
            return
        if not isinstance(node, dict):
            return
        kind = self.kinds.get(node.get("pattern", ""))
        if kind:
            accepted, error = _forms(kind)
            node["patternErrorMessage"] = error
            node["errorMessage"] = error
            if "description" not in node:
                node["markdownDescription"] = accepted
        alternatives = node.get("anyOf")
        if isinstance(alternatives, list):
            kinds = {self.kinds.get(a.get("pattern", ""), "") for a in alternatives} - {""}
            if len(kinds) == 1:
                error = _forms(kinds.pop())[1]
                for alternative in alternatives:
                    if alternative.get("type") not in ("null", "object", None):
                        alternative.setdefault("errorMessage", error)
        for value in node.values():
            self.values(value)

    def properties(self, model: str, node: dict[str, Any]) -> None:
        for name, prop in node.get("properties", {}).items():
            if not isinstance(prop, dict):
                continue
            title = PROPERTY_TITLES.get((model, name))
            if title:
                prop["title"] = title
            kind = self.kind_of(prop)
            if kind:
                said = prop.get("description") or prop.get("title") or ""
                accepted = _forms(kind)[0]
                prop["markdownDescription"] = f"{_markdown(said)}\n\n{accepted}".strip()

    def enum(self, name: str, node: dict[str, Any]) -> None:
        title, words = ENUM_TEXTS.get(name, (None, {}))
        if name == "TaskStatus":
            words = STATUS_LABELS
        if title:
            node["title"] = title
            node.pop("description", None)  # an enum's docstring is for developers
        values = [str(v) for v in node["enum"]]
        if words:
            node["enumDescriptions"] = [words.get(v, "") for v in values]
        listed = "; ".join(f"{v} = {words[v]}" if v in words else v for v in values)
        node["errorMessage"] = ENUM_ERROR.format(values=listed)


def _vietnamese_hints(schema: dict[str, Any]) -> None:
    hints = _Hints(schema)
    hints.values(schema)
    hints.properties("", schema)
    for name, definition in hints.defs.items():
        if "enum" in definition:
            hints.enum(name, definition)
            continue
        if definition.get("title") == name and name in MODEL_TITLES:
            definition["title"] = MODEL_TITLES[name]
        hints.properties(name, definition)
        for prop_name, prop in definition.get("properties", {}).items():
            if prop.get("title") == prop_name and prop_name in FIELD_TITLES:
                prop["title"] = FIELD_TITLES[prop_name]
    sections = schema.get("properties", {}).get("sections", {})
    if sections.get("title") == "Sections":
        sections["title"] = FIELD_TITLES["sections"]
    version = schema.get("properties", {}).get("schema_version", {})
    if "enum" in version:
        listed = ", ".join(str(v) for v in version["enum"])
        version["errorMessage"] = f"Phiên bản lược đồ không được hỗ trợ. Chỉ nhận: {listed}."


def json_schemas() -> dict[str, dict[str, Any]]:
    """File name → schema document."""
    out = {}
    for name, model in SCHEMA_FILES.items():
        schema = model.model_json_schema()
        _vietnamese_hints(schema)
        out[name] = {"$schema": DRAFT, **schema}
    return out


def schema_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


# Where a data file's modeline finds the schema, relative to the workspace root.
SCHEMA_DIR = "schemas"


def modeline(relative_to_root: str) -> str:
    """The yaml-language-server comment for a file `relative_to_root` deep (e.g. '../../..')."""
    return f"# yaml-language-server: $schema={relative_to_root}/{SCHEMA_DIR}/progress.schema.json"
