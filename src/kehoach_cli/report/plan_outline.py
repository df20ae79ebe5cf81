"""The body of the plan document (sections I–IV) as numbered paragraphs, from plan.yaml.

Shared by `kehoach plan render` and the fidelity test: what we print is what we compare.
"""

from __future__ import annotations

from dataclasses import dataclass

from kehoach_cli.model.index import PlanIndex
from kehoach_cli.model.plan import Plan, Section, Task

LEAD_LABEL = "Đơn vị chủ trì thực hiện"
COOPERATE_LABEL = "Đơn vị phối hợp"


@dataclass(frozen=True)
class OutlineParagraph:
    level: int  # 0 section heading, 1 numbered item / task heading, 2 body, 3 dash line
    text: str
    bold: bool = False


def roman(number: int) -> str:
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = []
    for value, letters in numerals:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def plan_outline(plan: Plan) -> list[OutlineParagraph]:
    index = PlanIndex.build(plan)
    sections = plan.sections
    out: list[OutlineParagraph] = []
    out += _section(1, sections.purposes)
    out.append(OutlineParagraph(0, f"{roman(2)}. {sections.tasks.heading}", bold=True))
    for task in plan.walk_tasks():
        out += _task(task, index)
    out += _section(3, sections.schedule_budget)
    out += _section(4, sections.organization)
    return out


def _section(number: int, section: Section) -> list[OutlineParagraph]:
    out = [OutlineParagraph(0, f"{roman(number)}. {section.heading}", bold=True)]
    for position, item in enumerate(section.items, start=1):
        label = f"{item.label}: " if item.label else ""
        out.append(OutlineParagraph(1, f"{position}. {label}{item.text}"))
    return out


def _task(task: Task, index: PlanIndex) -> list[OutlineParagraph]:
    number = f"{task.id}."
    out: list[OutlineParagraph] = []
    body = list(task.text)
    if task.title:
        out.append(OutlineParagraph(1, f"{number} {task.title}", bold=True))
    elif body:
        out.append(OutlineParagraph(1, f"{number} {body.pop(0)}"))
    out += [OutlineParagraph(2, paragraph) for paragraph in body]
    wording = task.wording
    if task.lead:
        lead = (wording and wording.lead) or _unit_name(index, task.lead)
        out.append(OutlineParagraph(3, f"- {LEAD_LABEL}: {lead}"))
    if task.cooperate:
        cooperate = (wording and wording.cooperate) or ", ".join(
            _unit_name(index, unit) for unit in index.cooperators[task.id]
        )
        out.append(OutlineParagraph(3, f"- {COOPERATE_LABEL}: {cooperate}"))
    return out


def _unit_name(index: PlanIndex, unit_id: str) -> str:
    unit = index.units.get(unit_id)
    return unit.name if unit else unit_id
