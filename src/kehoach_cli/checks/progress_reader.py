"""A progress file read without pydantic, when it is certainly valid.

`kehoach validate FILE` is what pre-commit runs on every commit that touches a unit's
report. Importing pydantic and building the models costs ~150 ms, ten times Python's own
start; the rules themselves take a few milliseconds. So when the plan is unchanged (its
view is in validate's cache, checks/plan_view.py), a changed progress file is read here
into plain records and the same rules run on them (checks/progress_rules.py).

This reader decides only the easy case. It gives records when every key and value is one
the models take, read by the models' own parsers (model/parsing.py), with the values the
models would hold; for anything else — an unknown key, a value a parser refuses, a form
the models take only by coercion (a quoted "true", a year written "2.024") — it gives
None, and the file goes through the models, which report the problem with its place and
wording. It never reports anything itself, so it cannot word a problem differently.
tests/checks/test_progress_reader.py holds the records equal to the models, field for
field, on every progress file of the tests and on generated ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kehoach_cli.model.parsing import (
    ValueProblem,
    check_task_id,
    check_unit_id,
    parse_date,
    parse_decimal,
    parse_money,
    parse_percent,
    parse_schema_version,
)
from kehoach_cli.model.status import TaskStatus

if TYPE_CHECKING:  # what the rules read: a model, or the record read here in its place
    from typing import TypeAlias

    from kehoach_cli.model.progress import Activity, Difficulty, Progress

    AnyProgress: TypeAlias = "Progress | ProgressRecord"
    AnyActivity: TypeAlias = "Activity | ActivityRecord"
    AnyDifficulty: TypeAlias = "Difficulty | DifficultyRecord"


class _NotCertain(Exception):
    """The models must decide this file."""


@dataclass(frozen=True, slots=True)
class BudgetRecord:
    planned: int | None = None
    spent: int | None = None


@dataclass(frozen=True, slots=True)
class ActivityRecord:
    title: str
    status: TaskStatus
    start: date | None = None
    due: date | None = None
    finished_on: date | None = None
    budget: BudgetRecord | None = None
    result: str | None = None


@dataclass(frozen=True, slots=True)
class DifficultyRecord:
    text: str
    raised_on: date | None = None
    resolved: bool = False


@dataclass(frozen=True, slots=True)
class TaskReportRecord:
    status: TaskStatus
    progress: int
    activities: list[ActivityRecord] = field(default_factory=list)
    results: str | None = None
    difficulties: list[DifficultyRecord] = field(default_factory=list)
    proposals: list[str] = field(default_factory=list)
    next_year: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class IndicatorValueRecord:
    value: Decimal
    source: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class ProgressRecord:
    schema_version: int
    unit: str
    year: int
    submitted_on: date | None = None
    prepared_by: str | None = None
    tasks: dict[str, TaskReportRecord] = field(default_factory=dict)
    indicators: dict[str, IndicatorValueRecord] = field(default_factory=dict)


def read_progress(data: Any) -> ProgressRecord | None:
    """The records of a parsed progress file (loading/yamlsafe.py), or None when the models
    must decide it."""
    try:
        return _progress(data)
    except (_NotCertain, ValueProblem):
        return None


# --- values ----------------------------------------------------------------------------


def _text(value: Any) -> str:
    """model/values.Text: a string, stripped, not empty."""
    if not isinstance(value, str) or not value.strip():
        raise _NotCertain
    return value.strip()


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise _NotCertain
    return value


def _optional(read: Any, value: Any) -> Any:
    return None if value is None else read(value)


def _status(value: Any) -> TaskStatus:
    if not isinstance(value, str):
        raise _NotCertain
    try:
        return TaskStatus(value)
    except ValueError:
        raise _NotCertain from None


def _year(value: Any) -> int:
    """Four digits from 2000 to 2200: the only form read here (the models also coerce)."""
    if not (isinstance(value, str) and len(value) == 4 and value.isascii() and value.isdigit()):
        raise _NotCertain
    year = int(value)
    if not 2000 <= year <= 2200:
        raise _NotCertain
    return year


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):  # YAML's true/false; a quoted "yes" goes to the models
        raise _NotCertain
    return value


def _list(read: Any, value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise _NotCertain
    return [read(item) for item in value]


def _keyed(check_key: Any, read: Any, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _NotCertain
    out = {}
    for key, item in value.items():
        if not isinstance(key, str) or check_key(key) != key:
            raise _NotCertain  # a key the models would rewrite (spaces around it)
        out[key] = read(item)
    return out


def _fields(value: Any, required: tuple[str, ...], optional: tuple[str, ...]) -> dict[str, Any]:
    """A mapping with every required key and no key the model lacks."""
    if not isinstance(value, dict):
        raise _NotCertain
    keys = value.keys()
    if not set(required) <= keys or not keys <= {*required, *optional}:
        raise _NotCertain
    return value


# --- the models' shapes (model/progress.py) ------------------------------------------------


def _budget(value: Any) -> BudgetRecord:
    data = _fields(value, (), ("planned", "spent"))
    return BudgetRecord(
        planned=_optional(parse_money, data.get("planned")),
        spent=_optional(parse_money, data.get("spent")),
    )


def _activity(value: Any) -> ActivityRecord:
    data = _fields(value, ("title", "status"), ("start", "due", "finished_on", "budget", "result"))
    return ActivityRecord(
        title=_text(data["title"]),
        status=_status(data["status"]),
        start=_optional(parse_date, data.get("start")),
        due=_optional(parse_date, data.get("due")),
        finished_on=_optional(parse_date, data.get("finished_on")),
        budget=_optional(_budget, data.get("budget")),
        result=_optional(_string, data.get("result")),
    )


def _difficulty(value: Any) -> DifficultyRecord:
    data = _fields(value, ("text",), ("raised_on", "resolved"))
    return DifficultyRecord(
        text=_text(data["text"]),
        raised_on=_optional(parse_date, data.get("raised_on")),
        resolved=_flag(data["resolved"]) if "resolved" in data else False,
    )


def _task_report(value: Any) -> TaskReportRecord:
    data = _fields(
        value,
        ("status", "progress"),
        ("activities", "results", "difficulties", "proposals", "next_year"),
    )
    return TaskReportRecord(
        status=_status(data["status"]),
        progress=parse_percent(data["progress"]),
        activities=_list(_activity, data["activities"]) if "activities" in data else [],
        results=_optional(_string, data.get("results")),
        difficulties=_list(_difficulty, data["difficulties"]) if "difficulties" in data else [],
        proposals=_list(_text, data["proposals"]) if "proposals" in data else [],
        next_year=_list(_text, data["next_year"]) if "next_year" in data else [],
    )


def _indicator_value(value: Any) -> IndicatorValueRecord:
    data = _fields(value, ("value",), ("source", "note"))
    return IndicatorValueRecord(
        value=parse_decimal(data["value"]),
        source=_optional(_text, data.get("source")),
        note=_optional(_string, data.get("note")),
    )


def _progress(value: Any) -> ProgressRecord:
    data = _fields(
        value,
        ("schema_version", "unit", "year"),
        ("submitted_on", "prepared_by", "tasks", "indicators"),
    )
    return ProgressRecord(
        schema_version=parse_schema_version(data["schema_version"]),
        unit=_id(check_unit_id, data["unit"]),
        year=_year(data["year"]),
        submitted_on=_optional(parse_date, data.get("submitted_on")),
        prepared_by=_optional(_text, data.get("prepared_by")),
        tasks=_keyed(check_task_id, _task_report, data["tasks"]) if "tasks" in data else {},
        indicators=(
            _keyed(check_unit_id, _indicator_value, data["indicators"])
            if "indicators" in data
            else {}
        ),
    )


def _id(check: Any, value: Any) -> str:
    text: str = check(value)
    return text
