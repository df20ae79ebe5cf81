"""Field types that accept what clerks type and keep one canonical form.

Every plain YAML scalar reaches the models as a string (see loading/yamlsafe.py), so the
parsers (model/parsing.py) see exactly what was typed: `10/11/2024`, `150.000.000`, `60%`,
`62,8`. Their ValueProblem becomes a PydanticCustomError whose type is the catalogue code,
so the translation to an Issue needs no guessing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, PlainSerializer, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from kehoach_cli.model.parsing import (
    MAX_MONEY,
    SUPPORTED_SCHEMA_VERSIONS,
    TASK_ID_PATTERN,
    UNIT_ID_PATTERN,
    ValueProblem,
    check_task_id,
    check_unit_id,
    is_task_id,
    is_unit_id,
    parse_date,
    parse_decimal,
    parse_money,
    parse_percent,
    parse_schema_version,
    parse_vn_number,
)

__all__ = [
    "MAX_MONEY",
    "SUPPORTED_SCHEMA_VERSIONS",
    "Money",
    "Percent",
    "SchemaVersion",
    "TaskId",
    "Text",
    "UnitId",
    "VnDate",
    "VnDecimal",
    "is_task_id",
    "is_unit_id",
    "parse_date",
    "parse_vn_number",
]


def _reported(parse: Callable[[Any], Any]) -> BeforeValidator:
    """`parse` as pydantic's before-validator: its ValueProblem as pydantic's error."""

    def validate(value: Any) -> Any:
        try:
            return parse(value)
        except ValueProblem as problem:
            raise PydanticCustomError(problem.code, problem.template, problem.context) from None

    return BeforeValidator(validate)


# JSON Schemas describe what a clerk may type (YAML 1.2 readers see numbers as numbers and
# '150.000.000' as text), for editors and for peer tools such as check-jsonschema.
_NUMBER_TEXT = r"^(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$"
_MONEY_SCHEMA = {
    "anyOf": [
        {"type": "integer", "minimum": 0},
        {"type": "string", "pattern": r"^(\d{1,3}(\.\d{3})+|\d+)( ?([đĐ]|đồng|[vV][nN][dDđĐ]))?$"},
    ],
    "description": "Số tiền bằng đồng: 150000000 hoặc 150.000.000",
}
_PERCENT_SCHEMA = {
    "anyOf": [
        {"type": "integer", "minimum": 0, "maximum": 100},
        {"type": "string", "pattern": r"^(100|\d{1,2}) ?%?$"},
    ],
    "description": "Phần trăm 0–100: 60 hoặc 60%",
}
_DECIMAL_SCHEMA = {
    "anyOf": [
        {"type": "number"},
        {"type": "string", "pattern": "^[-\u2212+]?" + _NUMBER_TEXT[1:].replace("$", " ?%?$")},
    ],
    "description": "Số; phần thập phân dùng dấu phẩy: 62,8; số âm có dấu trừ: -2,5",
}
_DATE_SCHEMA = {
    "type": "string",
    "pattern": r"^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})$",
    "description": "Ngày: 2024-11-10 hoặc 10/11/2024",
}
_UNIT_ID_SCHEMA = {
    "type": "string",
    "pattern": UNIT_ID_PATTERN.pattern,
    "description": "Mã đơn vị, ví dụ phong-a",
}
_TASK_ID_SCHEMA = {
    "type": "string",
    "pattern": TASK_ID_PATTERN.pattern,
    "description": "Mã nhiệm vụ, ví dụ 2.1",
}

Money = Annotated[int, _reported(parse_money), Field(ge=0), WithJsonSchema(_MONEY_SCHEMA)]
Percent = Annotated[
    int, _reported(parse_percent), Field(ge=0, le=100), WithJsonSchema(_PERCENT_SCHEMA)
]


def _vietnamese_decimal(value: Decimal) -> str:
    return format(value, "f").replace(".", ",")


VnDecimal = Annotated[
    Decimal,
    _reported(parse_decimal),
    WithJsonSchema(_DECIMAL_SCHEMA),
    # Written back as a clerk would type it ('62,8'), so a dump loads again unchanged.
    PlainSerializer(_vietnamese_decimal, return_type=str, when_used="json"),
]
VnDate = Annotated[date, _reported(parse_date), WithJsonSchema(_DATE_SCHEMA)]
UnitId = Annotated[str, _reported(check_unit_id), WithJsonSchema(_UNIT_ID_SCHEMA)]
TaskId = Annotated[str, _reported(check_task_id), WithJsonSchema(_TASK_ID_SCHEMA)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


SchemaVersion = Annotated[
    int,
    _reported(parse_schema_version),
    WithJsonSchema({"type": "integer", "enum": list(SUPPORTED_SCHEMA_VERSIONS)}),
]
