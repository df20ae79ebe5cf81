"""Validate positioned YAML data against a pydantic model; errors become located Issues."""

from __future__ import annotations

import types
import typing
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from kehoach_cli.checks.fieldpath import format_field
from kehoach_cli.checks.suggest import suggestion
from kehoach_cli.diagnostics import CATALOGUE, Issue, make_issue
from kehoach_cli.loading.yamlsafe import locate
from kehoach_cli.model.progress import STATUS_LABELS

ModelT = TypeVar("ModelT", bound=BaseModel)

_KEY_MARK = "[key]"


def validate_data(model: type[ModelT], data: Any, path: Path) -> tuple[ModelT | None, list[Issue]]:
    """The model built from `data`, or None and every schema problem found."""
    if not isinstance(data, dict):
        if data is None:
            what = "rỗng (hoặc chỉ có chú thích)"
        elif isinstance(data, list):  # the loader's PositionedList included
            what = "là một danh sách"
        else:
            what = "chỉ có một giá trị"
        return None, [make_issue("KH012", path, getattr(data, "start", None), what=what)]
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        issues = [_translate(model, data, path, item) for item in error.errors(include_url=False)]
        return None, _dedupe(issues)


def _dedupe(issues: list[Issue]) -> list[Issue]:
    seen: set[tuple[Any, ...]] = set()
    out = []
    for issue in issues:
        key = (issue.code, issue.position, issue.field)
        if key not in seen:
            seen.add(key)
            out.append(issue)
    return out


def _translate(model: type[BaseModel], data: Any, path: Path, error: Any) -> Issue:
    kind: str = error["type"]
    raw_loc = tuple(error["loc"])
    at_key = _KEY_MARK in raw_loc
    loc = tuple(step for step in raw_loc if step != _KEY_MARK)
    ctx = error.get("ctx") or {}
    value = error.get("input")
    field = format_field(loc)
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _allowed_keys(model, loc[:-1])
        return make_issue(
            "KH101",
            path,
            locate(data, loc, at_key=True),
            field,
            key=key,
            suggestion=suggestion(key, allowed),
            allowed=", ".join(allowed) or "(không có)",
        )
    if kind == "missing":
        return make_issue("KH102", path, locate(data, loc[:-1]), field, key=str(loc[-1]))
    position = locate(data, loc, at_key=at_key)
    if isinstance(value, (dict, list)) and kind not in _CONTAINER_KINDS:
        # `status: [done]` or `progress: {a: 1}`: say so, rather than print Python's repr
        shape = "một danh sách" if isinstance(value, list) else "một bảng khóa: giá trị"
        return make_issue(
            "KH103",
            path,
            position,
            field,
            detail=f"cần một giá trị, không phải {shape}",
            advice="Viết giá trị ngay sau dấu ':' trên cùng dòng, không dùng '- ' hay '{…}'.",
        )
    if kind in CATALOGUE:  # raised by our own validators (model/values.py)
        values = {"detail": "", "advice": "", "value": _show(value), **ctx}
        return make_issue(kind, path, position, field, **values)
    if kind in ("enum", "literal_error"):
        allowed = _enum_values(model, loc)
        listed = ", ".join(
            f"{v} ({STATUS_LABELS[v]})" if v in STATUS_LABELS else v for v in allowed
        )
        issue = make_issue("KH104", path, position, field, value=_show(value), allowed=listed)
        hint = issue.hint
        close = suggestion(_show(value), allowed)
        if close:
            hint = f"Có phải ý bạn là '{close.split(chr(39))[1]}'? " + hint
        return make_issue(
            "KH104", path, position, field, hint=hint, value=_show(value), allowed=listed
        )
    code, detail, advice = _generic(kind, ctx, value)
    if kind in _BOUNDS:
        advice = _range_advice(model, loc) or advice
    return make_issue(code, path, position, field, detail=detail, advice=advice)


# Errors about the kind of container itself (a list where a mapping belongs, …): their
# messages never show the value, so a list or mapping as input is expected there.
_CONTAINER_KINDS = frozenset(
    ("list_type", "dict_type", "model_type", "model_attributes_type", "too_short", "too_long")
)


def _show(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "danh sách" if isinstance(value, list) else "bảng khóa: giá trị"
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


_TYPE_DETAILS = {
    "string_type": (
        "cần văn bản",
        "Nếu giá trị là true/false hay để trống, đặt văn bản trong dấu nháy kép.",
    ),
    "list_type": ("cần một danh sách", "Mỗi mục một dòng bắt đầu bằng '- '."),
    "dict_type": ("cần một bảng khóa: giá trị", "Xuống dòng và thụt lề các khóa con."),
    "model_type": ("cần một bảng khóa: giá trị", "Xuống dòng và thụt lề các khóa con."),
    "model_attributes_type": ("cần một bảng khóa: giá trị", "Xuống dòng và thụt lề các khóa con."),
    "bool_parsing": ("cần true hoặc false", ""),
    "bool_type": ("cần true hoặc false", ""),
}


_BOUNDS = {
    "greater_than_equal": ("ge", "≥"),
    "less_than_equal": ("le", "≤"),
    "greater_than": ("gt", ">"),
    "less_than": ("lt", "<"),
}


def _range_advice(model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    """'Viết một số từ 2000 đến 2200.': both bounds of the field, read from its declaration
    (pydantic names only the bound that was crossed); '' when they cannot be read."""
    owner = _model_at(model, loc[:-1]) if loc else None
    if not (isinstance(owner, type) and issubclass(owner, BaseModel)):
        return ""
    info = owner.model_fields.get(str(loc[-1]))
    if info is None:
        return ""
    low = next((m.ge for m in info.metadata if hasattr(m, "ge")), None)
    high = next((m.le for m in info.metadata if hasattr(m, "le")), None)
    if low is not None and high is not None:
        return f"Viết một số từ {low} đến {high}."
    if low is not None:
        return f"Viết một số từ {low} trở lên."
    if high is not None:
        return f"Viết một số không quá {high}."
    return ""


def _generic(kind: str, ctx: dict[str, Any], value: Any) -> tuple[str, str, str]:
    shown = _show(value)
    if kind in _TYPE_DETAILS:
        detail, hint = _TYPE_DETAILS[kind]
        return "KH103", detail, hint
    if kind in ("int_parsing", "int_type", "int_from_float", "decimal_parsing", "decimal_type"):
        return "KH105", f"'{shown}' không phải số nguyên", "Viết số không có chữ, ví dụ 2024."
    if kind in _BOUNDS:
        name, sign = _BOUNDS[kind]
        return (
            "KH105",
            f"{shown} phải {sign} {ctx.get(name)}",
            "Sửa lại số cho đúng khoảng cho phép.",
        )
    if kind in ("date_parsing", "date_type", "date_from_datetime_parsing"):
        return "KH106", f"'{shown}' không phải ngày", ""
    if kind == "string_too_short":
        return "KH109", "không được để trống", "Điền nội dung hoặc xóa cả dòng nếu không bắt buộc."
    return "KH109", f"'{shown}' ({kind})", ""


def _unwrap(annotation: Any) -> Any:
    """Strip Optional/Annotated/list/dict down to the model or enum inside, if any."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            inner = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            annotation = inner[0] if len(inner) == 1 else annotation
            if len(inner) != 1:
                return annotation
        else:
            return annotation


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> Any:
    current: Any = model
    for step in loc:
        current = _unwrap(current)
        origin = typing.get_origin(current)
        if origin is list:
            current = typing.get_args(current)[0]
            continue
        if origin is dict:
            current = typing.get_args(current)[1]
            continue
        if (
            isinstance(current, type)
            and issubclass(current, BaseModel)
            and step in current.model_fields
        ):
            current = current.model_fields[step].annotation
            continue
        return None
    return _unwrap(current)


def _allowed_keys(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    target = _model_at(model, loc)
    if isinstance(target, type) and issubclass(target, BaseModel):
        return list(target.model_fields)
    return []


def _enum_values(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    target = _model_at(model, loc)
    if isinstance(target, type) and issubclass(target, Enum):
        return [member.value for member in target]
    if typing.get_origin(target) is typing.Literal:
        return [str(arg) for arg in typing.get_args(target)]
    return []
