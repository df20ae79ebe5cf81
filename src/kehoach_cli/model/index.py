"""Derived views of a plan: lookups by id and who is assigned to what. Pure, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field

from kehoach_cli.model.plan import GROUP_PREFIX, Group, Indicator, Plan, Task, Unit


@dataclass
class PlanIndex:
    plan: Plan
    units: dict[str, Unit] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    tasks: dict[str, Task] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    # task id → cooperating unit ids, groups expanded, lead and unknown ids removed
    cooperators: dict[str, list[str]] = field(default_factory=dict)
    parent: dict[str, str | None] = field(default_factory=dict)
    # unit id → task ids it leads / leads or cooperates on, in plan order
    _led: dict[str, list[str]] = field(default_factory=dict)
    _assigned: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, plan: Plan) -> PlanIndex:
        index = cls(plan)
        for unit in plan.units:
            index.units.setdefault(unit.id, unit)
        for group in plan.groups:
            index.groups.setdefault(group.id, group)
        for indicator in plan.indicators:
            index.indicators.setdefault(indicator.id, indicator)
        pending: list[tuple[Task, str | None]] = [(task, None) for task in reversed(plan.tasks)]
        while pending:
            task, parent = pending.pop()
            if task.id not in index.tasks:
                index.tasks[task.id] = task
                index.parent[task.id] = parent
            pending.extend((sub, task.id) for sub in reversed(task.subtasks))
        for task in index.tasks.values():
            index.cooperators[task.id] = index._expand(task)
            if task.lead:
                index._led.setdefault(task.lead, []).append(task.id)
            for unit_id in ([task.lead] if task.lead else []) + index.cooperators[task.id]:
                assigned = index._assigned.setdefault(unit_id, [])
                if task.id not in assigned:
                    assigned.append(task.id)
        return index

    def _expand(self, task: Task) -> list[str]:
        expanded: list[str] = []
        for entry in task.cooperate:
            if entry.startswith(GROUP_PREFIX):
                group = self.groups.get(entry.removeprefix(GROUP_PREFIX))
                members = group.members if group else []
            else:
                members = [entry]
            for member in members:
                if member != task.lead and member in self.units and member not in expanded:
                    expanded.append(member)
        return expanded

    @property
    def reporting_units(self) -> list[Unit]:
        return [unit for unit in self.units.values() if unit.reports]

    def assigned_tasks(self, unit_id: str) -> list[str]:
        """Task ids the unit leads or cooperates on, in plan order."""
        return list(self._assigned.get(unit_id, []))

    def led_tasks(self, unit_id: str) -> list[str]:
        return list(self._led.get(unit_id, []))
