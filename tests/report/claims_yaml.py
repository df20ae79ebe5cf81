"""What the YAML files say, read directly with PyYAML: the independent side of the claim
tests (issue 21). Nothing here imports kehoach's models or facts, so a test comparing a
report with these answers does not share the code's mistakes.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

FINISHED = ("done", "cancelled")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def task_due(text: str | None, year: int) -> date | None:
    """The last day a plan's deadline words allow, by their plain reading; None for work
    with no end ("Thường xuyên", "Hằng quý")."""
    if not text:
        return None
    words = str(text).strip()
    if m := re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", words):
        return date(int(m[3]), int(m[2]), int(m[1]))
    if m := re.search(r"(?i)quý\s+(I{1,3}|IV)/(\d{4})", words):
        return _month_end(int(m[2]), 3 * _ROMAN[m[1].upper()])
    if m := re.search(r"(?i)tháng\s+(\d{1,2})/(\d{4})", words):
        return _month_end(int(m[2]), int(m[1]))
    if m := re.search(r"(?i)6 tháng đầu năm (\d{4})", words):
        return date(int(m[1]), 6, 30)
    if m := re.search(r"(?i)6 tháng cuối năm (\d{4})", words):
        return date(int(m[1]), 12, 31)
    if m := re.fullmatch(r"(?i)(?:năm\s+)?(\d{4})(?:\s*-\s*(\d{4}))?", words):
        return date(int(m[2] or m[1]), 12, 31)
    if re.fullmatch(r"(?i)hằng năm", words):
        return date(year, 12, 31)
    return None


@dataclass(frozen=True)
class Task:
    id: str
    lead: str | None
    cooperate: tuple[str, ...]
    deadline: str | None
    subtasks: tuple[str, ...]


@dataclass
class Plan:
    root: Path
    raw: dict[str, Any]
    units: dict[str, dict[str, Any]] = field(default_factory=dict)
    groups: dict[str, list[str]] = field(default_factory=dict)
    tasks: dict[str, Task] = field(default_factory=dict)

    def expand(self, ref: str) -> list[str]:
        """Unit ids of a unit or group reference (groups may nest)."""
        if ref.startswith("group:"):
            out: list[str] = []
            for member in self.groups[ref[len("group:") :]]:
                out += [u for u in self.expand(member) if u not in out]
            return out
        return [ref]

    def names(self, unit: str) -> list[str]:
        """The ways a report may name a unit: its full name and its short name."""
        raw = self.units[unit]
        return [n for n in (raw.get("name"), raw.get("short_name")) if n]

    @property
    def reporting_units(self) -> list[str]:
        return [u for u, raw in self.units.items() if raw.get("kind") != "external"]

    @property
    def leaves(self) -> list[Task]:
        return [t for t in self.tasks.values() if not t.subtasks]

    def leads(self, task: Task) -> list[str]:
        return self.expand(task.lead) if task.lead else []

    def cooperators(self, task: Task) -> list[str]:
        out: list[str] = []
        for ref in task.cooperate:
            out += [u for u in self.expand(ref) if u not in out]
        return [u for u in out if u not in self.leads(task)]

    def deadline_for(self, year: int, period: str | None) -> date:
        """The day a unit's report of this period is due."""
        reporting = self.raw["reporting"]
        if period is None and "deadline" in reporting:
            return _day_month(str(reporting["deadline"]), year)
        for entry in reporting.get("periods", []):
            whole = str(entry.get("months")) == "1-12"
            if entry["id"] == period or (period is None and whole):
                return _day_month(str(entry["deadline"]), year)
        raise AssertionError(f"no deadline for period {period}")

    @property
    def period_ids(self) -> list[str | None]:
        ids: list[str | None] = [None]
        for entry in self.raw["reporting"].get("periods", []):
            if str(entry.get("months")) != "1-12":
                ids.append(entry["id"])
        return ids


def _day_month(text: str, year: int) -> date:
    m = re.match(r"(\d{1,2})/(\d{1,2})", text)
    assert m, text
    next_year = "năm sau" in text
    return date(year + (1 if next_year else 0), int(m[2]), int(m[1]))


def _collect(plan: Plan, items: list[dict[str, Any]]) -> None:
    for raw in items:
        subtasks = raw.get("subtasks") or []
        plan.tasks[str(raw["id"])] = Task(
            id=str(raw["id"]),
            lead=raw.get("lead"),
            cooperate=tuple(raw.get("cooperate") or ()),
            deadline=None if raw.get("deadline") is None else str(raw["deadline"]),
            subtasks=tuple(str(s["id"]) for s in subtasks),
        )
        _collect(plan, subtasks)


@cache
def read_plan(root: Path) -> Plan:
    raw = yaml.safe_load((root / "data" / "plan.yaml").read_text(encoding="utf-8"))
    plan = Plan(root, raw)
    plan.units = {u["id"]: u for u in raw["units"]}
    plan.groups = {g["id"]: list(g["members"]) for g in raw.get("groups") or []}
    _collect(plan, raw["tasks"])
    return plan


@dataclass(frozen=True)
class Progress:
    unit: str
    submitted_on: date | None
    raw: dict[str, Any]

    def task(self, task_id: str) -> dict[str, Any] | None:
        tasks = self.raw.get("tasks") or {}
        entry = tasks.get(task_id)
        return entry if isinstance(entry, dict) else None


def a_date(value: Any) -> date | None:
    """A date as the files write it: YAML's 2024-11-14, or 14/11/2024 (a string)."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and (m := re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", value)):
        return date(int(m[3]), int(m[2]), int(m[1]))
    return None


@cache
def read_progress(root: Path, year: int, period: str | None) -> dict[str, Progress]:
    folder = root / "data" / "progress" / str(year)
    if period is not None:
        folder = folder / period
    found: dict[str, Progress] = {}
    for path in sorted(folder.glob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        found[str(raw.get("unit", path.stem))] = Progress(
            str(raw.get("unit", path.stem)), a_date(raw.get("submitted_on")), raw
        )
    return found


def sent_by(root: Path, year: int, period: str | None, as_of: date) -> dict[str, Progress]:
    """The files counted on `as_of`: sent (submitted_on written) on or before that day."""
    return {
        unit: p
        for unit, p in read_progress(root, year, period).items()
        if p.submitted_on is not None and p.submitted_on <= as_of
    }


def leaf_ids_and_lead_count(plan: Plan) -> tuple[int, int]:
    """N tasks assigned (leaves: a parent only groups its subtasks) and M leads (a group
    leading a task together is one lead, not one per member)."""
    leads = {t.lead for t in plan.leaves if t.lead}
    return len(plan.leaves), len(leads)


def lead_groups(plan: Plan) -> dict[str, tuple[str, int, int]]:
    """Each group that leads tasks together: its name, its number of members and of the
    tasks it leads."""
    out: dict[str, tuple[str, int, int]] = {}
    for task in plan.leaves:
        if task.lead and task.lead.startswith("group:"):
            gid = task.lead[len("group:") :]
            name = next(g["name"] for g in plan.raw["groups"] if g["id"] == gid)
            _, members, tasks = out.get(gid, (name, len(plan.expand(task.lead)), 0))
            out[gid] = (name, members, tasks + 1)
    return out


def assignment_sentence_is_true(plan: Plan, line: str) -> bool | None:
    """'phân công N nhiệm vụ cho M đơn vị chủ trì …': None if the line has no such
    sentence. N counts the tasks a unit is given (a parent only groups its subtasks, it is
    not one more task). M counts lead units; a group leading a task together is either one
    of the M, or named after them with its members and tasks ('… và <group> (4 đơn vị,
    cùng chủ trì 2 nhiệm vụ)'); never each member as a lead of its own."""
    said = re.search(r"phân công (\d+) nhiệm vụ cho (\d+) (.*)", line)
    if said is None:
        return None
    tasks, entries = leaf_ids_and_lead_count(plan)
    groups = lead_groups(plan)
    if int(said[1]) != tasks:
        return False
    if int(said[2]) == entries:
        return True
    if int(said[2]) != entries - len(groups):
        return False
    rest = said[3]
    return all(
        re.search(rf"{re.escape(name)} \({members} đơn vị, cùng chủ trì {count} nhiệm vụ\)", rest)
        is not None
        for name, members, count in groups.values()
    )
