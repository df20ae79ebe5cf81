"""Pydantic models for the plan and the progress files. No I/O here."""

from kehoach_cli.model.plan import Group, Indicator, Plan, Task, Unit, UnitKind
from kehoach_cli.model.progress import (
    Activity,
    ActivityStatus,
    Budget,
    Difficulty,
    IndicatorValue,
    Progress,
    TaskReport,
    TaskStatus,
)

SCHEMA_VERSION = 1

__all__ = [
    "SCHEMA_VERSION",
    "Activity",
    "ActivityStatus",
    "Budget",
    "Difficulty",
    "Group",
    "Indicator",
    "IndicatorValue",
    "Plan",
    "Progress",
    "Task",
    "TaskReport",
    "TaskStatus",
    "Unit",
    "UnitKind",
]
