"""The parts of an invalid progress file that validate on their own, so that the rules
still run on them (checks/run.py)."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from kehoach_cli.model.progress import (
    Activity,
    Difficulty,
    IndicatorValue,
    Progress,
    TaskReport,
    TaskStatus,
)
from kehoach_cli.model.values import Percent, UnitId, VnDate


def salvage_progress(data: Any) -> Progress | None:
    """The parts of an invalid file that validate on their own, so rules still run on them.

    A clerk should see every problem of a file in one run, not a schema error first and
    the rule problems only after fixing it. None when unit or year is unusable.
    """
    if not isinstance(data, dict):
        return None
    try:
        unit = TypeAdapter(UnitId).validate_python(data.get("unit"))
        year = TypeAdapter(int).validate_python(data.get("year"))
    except ValidationError:
        return None
    tasks: dict[str, Any] = {}
    if isinstance(data.get("tasks"), dict):
        for task_id, value in data["tasks"].items():
            report = _salvage_task(value)
            if report is not None:
                tasks[task_id] = report
    indicators: dict[str, Any] = {}
    if isinstance(data.get("indicators"), dict):
        for indicator_id, value in data["indicators"].items():
            indicator = _valid_or_none(IndicatorValue, value)
            if indicator is not None:
                indicators[indicator_id] = indicator
    try:  # kept for the date rule (KH324), which needs nothing else
        submitted_on = TypeAdapter(VnDate).validate_python(data.get("submitted_on"))
    except ValidationError:
        submitted_on = None
    return Progress.model_construct(
        schema_version=1,
        unit=unit,
        year=year,
        submitted_on=submitted_on,
        prepared_by=None,
        tasks=tasks,
        indicators=indicators,
    )


_Model = TypeVar("_Model", bound=BaseModel)


def _valid_or_none(kind: type[_Model], value: Any) -> _Model | None:
    try:
        return TypeAdapter(kind).validate_python(value)
    except ValidationError:
        return None


def _salvage_task(value: Any) -> TaskReport | None:
    """A task report whose invalid fields are None and invalid list items are None.

    List items keep their index so that issues still point at the right lines.
    """
    report = _valid_or_none(TaskReport, value)
    if report is not None or not isinstance(value, dict):
        return report
    fields: dict[str, Any] = {
        "status": _valid_or_none(TaskStatus, value.get("status")),
        "progress": _valid_or_none(Percent, value.get("progress")),
    }
    for name, kind in (("activities", Activity), ("difficulties", Difficulty)):
        items = value.get(name)
        fields[name] = (
            [_valid_or_none(kind, item) for item in items] if isinstance(items, list) else []
        )
    return TaskReport.model_construct(**fields)
