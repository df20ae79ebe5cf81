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
    # task id → cooperating unit ids, groups expanded, leads and unknown ids removed
    cooperators: dict[str, list[str]] = field(default_factory=dict)
    # task id → leading unit ids: one unit, or every member of a leading group
    leads: dict[str, list[str]] = field(default_factory=dict)
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
            leads = index.expand([task.lead] if task.lead else [])
            index.leads[task.id] = leads
            index.cooperators[task.id] = [u for u in index.expand(task.cooperate) if u not in leads]
            for unit_id in leads:
                index._led.setdefault(unit_id, []).append(task.id)
            for unit_id in leads + index.cooperators[task.id]:
                assigned = index._assigned.setdefault(unit_id, [])
                if task.id not in assigned:
                    assigned.append(task.id)
        return index

    def expand(self, entries: list[str]) -> list[str]:
        """Unit ids named by `entries` (unit ids or 'group:<id>', groups nested to any
        depth), in order, once each; unknown ids and cycles are left out (the plan checks
        report them)."""
        expanded: list[str] = []
        seen_groups: set[str] = set()
        pending = list(reversed(entries))
        while pending:
            entry = pending.pop()
            if entry.startswith(GROUP_PREFIX):
                group_id = entry.removeprefix(GROUP_PREFIX)
                group = self.groups.get(group_id)
                if group is None or group_id in seen_groups:
                    continue
                seen_groups.add(group_id)
                pending.extend(reversed(group.members))
            elif entry in self.units and entry not in expanded:
                expanded.append(entry)
        return expanded

    def lead_group(self, task: Task) -> Group | None:
        """The group that leads `task`, when a group does."""
        if task.lead and task.lead.startswith(GROUP_PREFIX):
            return self.groups.get(task.lead.removeprefix(GROUP_PREFIX))
        return None

    def lead_name(self, task: Task) -> str | None:
        """How the report names the lead: the unit's name, or the group's."""
        group = self.lead_group(task)
        if group is not None:
            return group.name
        unit = self.units.get(task.lead) if task.lead else None
        return unit.name if unit else None

    @property
    def reporting_units(self) -> list[Unit]:
        return [unit for unit in self.units.values() if unit.reports]

    def assigned_tasks(self, unit_id: str) -> list[str]:
        """Task ids the unit leads or cooperates on, in plan order."""
        return list(self._assigned.get(unit_id, []))

    def led_tasks(self, unit_id: str) -> list[str]:
        return list(self._led.get(unit_id, []))
