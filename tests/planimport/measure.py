"""How much of a plan the import gets right, against a hand-checked list of its tasks
(`<fixture>.expected.yaml`): tasks found (id and title), leads, deadlines."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kehoach_cli.loading.documents import load_yaml_bytes
from kehoach_cli.model.deadlines import parse_deadline
from kehoach_cli.model.plan import GROUP_PREFIX, Plan
from kehoach_cli.planimport.run import import_plan
from kehoach_cli.planimport.text import name_key


@dataclass
class Score:
    tasks: tuple[int, int]  # right, expected
    leads: tuple[int, int]
    deadlines: tuple[int, int]

    @property
    def share(self) -> float:
        right = self.tasks[0] + self.leads[0] + self.deadlines[0]
        total = self.tasks[1] + self.leads[1] + self.deadlines[1]
        return right / total


def _when(text: str | None) -> Any:
    if text is None:
        return None
    parsed = parse_deadline(text.removeprefix("trong ").removeprefix("Trong "))
    return (parsed["kind"], parsed.get("due"), parsed.get("day_month"))


def measure(source: Path, scratch: Path) -> Score:
    target = scratch / f"{source.stem}.yaml"
    target.write_text(import_plan(source, target).text, encoding="utf-8")
    data = load_yaml_bytes(target, target.read_bytes()).data
    # the one place a draft may leave empty (marked): a plan ending on a numbered item
    data["document"]["closing"] = data["document"]["closing"] or "…"
    plan = Plan.model_validate(data)
    names = {unit.id: unit.name for unit in plan.units}
    names |= {f"{GROUP_PREFIX}{group.id}": group.name for group in plan.groups}
    got = {task.id: task for task in plan.walk_tasks()}
    expected = yaml.safe_load(source.with_suffix(".expected.yaml").read_text("utf-8"))["tasks"]
    tasks = leads = deadlines = 0
    lead_total = deadline_total = 0
    for want in expected:
        task = got.get(want["id"])
        if task is not None and (task.title or None) == want.get("title"):
            tasks += 1
        if "lead" in want:
            lead_total += 1
            lead = names.get(task.lead or "") if task else None
            leads += bool(lead and name_key(lead) == name_key(want["lead"]))
        if "deadline" in want:
            deadline_total += 1
            written = task.deadline.text if task and task.deadline else None
            deadlines += bool(written) and _when(written) == _when(str(want["deadline"]))
    return Score((tasks, len(expected)), (leads, lead_total), (deadlines, deadline_total))
