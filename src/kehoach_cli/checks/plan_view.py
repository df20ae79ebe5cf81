"""What the checks of a progress file read from the plan, and nothing more.

The progress rules (checks/progress_rules.py) judge a unit's file against the plan: who
reports, which tasks exist and whom they are assigned to, which indicators exist, the
plan's years and reporting periods. They read it from this view, not from the pydantic
models, for one reason: the view is plain data, so validate's cache (checks/cache.py)
keeps it beside the plan's issues, and `kehoach validate FILE` on a changed progress
file, with the plan unchanged, checks it without building the plan's models — without
importing pydantic at all (checks/progress_reader.py). One set of rules, whichever way
the view was made: from the plan (`from_index`) or from the cache (`from_json`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from kehoach_cli.model.parsing import end_of_month

if TYPE_CHECKING:
    from kehoach_cli.model.index import PlanIndex
    from kehoach_cli.model.plan import Task


@dataclass(frozen=True)
class PeriodView:
    """A reporting period: its id (the folder), its name in sentences, its months."""

    id: str
    name: str
    first_month: int
    last_month: int

    @property
    def whole_year(self) -> bool:
        return self.first_month == 1 and self.last_month == 12

    def end(self, year: int) -> date:
        return end_of_month(year, self.last_month)


@dataclass(frozen=True)
class PlanView:
    reporting_units: tuple[str, ...]  # ids of the units that send reports, plan order
    tasks: tuple[str, ...]  # every task id, subtasks included, plan order
    assigned: dict[str, tuple[str, ...]]  # unit id → tasks it leads or cooperates on
    led: dict[str, tuple[str, ...]]  # unit id → tasks it leads (alone or in a group)
    indicators: dict[str, str | None]  # indicator id → the task it belongs to
    years: tuple[int, int] | None  # the plan's first and last year, when it says
    years_span: str  # how a sentence names those years ("2023–2025", "năm 2023")
    periods: tuple[PeriodView, ...]  # the reporting periods (a plan with one deadline: year)
    # task id → its due date: "2024-09-30" once, "--09-30" each year (tasks without one absent)
    due: dict[str, str]

    @classmethod
    def from_index(cls, index: PlanIndex) -> PlanView:
        plan = index.plan
        units = index.units
        return cls(
            reporting_units=tuple(unit.id for unit in index.reporting_units),
            tasks=tuple(index.tasks),
            assigned={unit: tuple(index.assigned_tasks(unit)) for unit in units},
            led={unit: tuple(index.led_tasks(unit)) for unit in units},
            indicators={key: indicator.task for key, indicator in index.indicators.items()},
            years=(plan.period.start, plan.period.end) if plan.period else None,
            years_span=plan.period.span if plan.period else "",
            periods=tuple(
                PeriodView(period.id, period.name, period.months.first, period.months.last)
                for period in plan.reporting.all_periods()
            ),
            due={task.id: due for task in plan.walk_tasks() if (due := _due_text(task))},
        )

    def has_year(self, year: int) -> bool:
        return self.years is None or self.years[0] <= year <= self.years[1]

    def assigned_tasks(self, unit_id: str) -> tuple[str, ...]:
        return self.assigned.get(unit_id, ())

    def led_tasks(self, unit_id: str) -> tuple[str, ...]:
        return self.led.get(unit_id, ())

    def due_in(self, task_id: str, year: int) -> date | None:
        """When the task falls due for the report of `year` (None: not by a date)."""
        text = self.due.get(task_id)
        if text is None:
            return None
        if text.startswith("--"):
            month, day = text[2:].split("-")
            return date(year, int(month), int(day))
        return date.fromisoformat(text)

    def period_of(self, period_id: str | None) -> PeriodView | None:
        """The period of a file's folder: the yearly one for a year folder (None: the plan
        has no such period)."""
        for period in self.periods:
            if (period_id is None and period.whole_year) or period.id == period_id:
                return period
        return None

    # --- kept in validate's cache -------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "reporting_units": list(self.reporting_units),
            "tasks": list(self.tasks),
            "assigned": {unit: list(ids) for unit, ids in self.assigned.items()},
            "led": {unit: list(ids) for unit, ids in self.led.items()},
            "indicators": self.indicators,
            "years": list(self.years) if self.years else None,
            "years_span": self.years_span,
            "periods": [
                [period.id, period.name, period.first_month, period.last_month]
                for period in self.periods
            ],
            "due": self.due,
        }

    @classmethod
    def from_json(cls, stored: Any) -> PlanView | None:
        """The view `to_json` wrote; None for anything else (the cache is signed, but a
        reader of stored data still takes only the shape it wrote)."""
        try:
            years = stored["years"]
            view = cls(
                reporting_units=_strings(stored["reporting_units"]),
                tasks=_strings(stored["tasks"]),
                assigned={_string(k): _strings(v) for k, v in stored["assigned"].items()},
                led={_string(k): _strings(v) for k, v in stored["led"].items()},
                indicators={
                    _string(k): None if v is None else _string(v)
                    for k, v in stored["indicators"].items()
                },
                years=None if years is None else (_int(years[0]), _int(years[1])),
                years_span=_string(stored["years_span"]),
                periods=tuple(
                    PeriodView(_string(i), _string(n), _int(first), _int(last))
                    for i, n, first, last in stored["periods"]
                ),
                due={_string(k): _string(v) for k, v in stored["due"].items()},
            )
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            return None
        return view


def _due_text(task: Task) -> str | None:
    deadline = task.deadline
    if deadline is None:
        return None
    if deadline.due is not None:
        return deadline.due.isoformat()
    if deadline.day_month is not None:
        day, month = deadline.day_month
        return f"--{month:02d}-{day:02d}"
    return None


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def _strings(values: Any) -> tuple[str, ...]:
    if not isinstance(values, list):
        raise TypeError(values)
    return tuple(_string(value) for value in values)


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(value)
    return value
