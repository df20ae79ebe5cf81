"""The body of the plan document (sections I–IV) as numbered paragraphs, from plan.yaml.

Shared by `kehoach plan render` and the fidelity test: what we print is what we compare.
"""

from __future__ import annotations

from dataclasses import dataclass

from kehoach_cli.model.index import PlanIndex
from kehoach_cli.model.plan import Plan, Section, SectionContent, Task


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
    out: list[OutlineParagraph] = []
    for number, section in enumerate(plan.sections, start=1):
        out += _section(number, section)
        if section.content is SectionContent.TASKS:
            for task in plan.walk_tasks():
                out += _task(task, index, section)
    return out


def _section(number: int, section: Section) -> list[OutlineParagraph]:
    out = [OutlineParagraph(0, f"{roman(number)}. {section.heading}", bold=True)]
    for position, item in enumerate(section.items, start=1):
        label = f"{item.label}: " if item.label else ""
        out.append(OutlineParagraph(1, f"{position}. {label}{item.text or ''}"))
    return out


def _task(task: Task, index: PlanIndex, section: Section) -> list[OutlineParagraph]:
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
        lead = (wording and wording.lead) or index.lead_name(task) or task.lead
        out.append(OutlineParagraph(3, f"- {section.lead_label}: {lead}"))
    if task.cooperate or task.partners:
        cooperate = (wording and wording.cooperate) or ", ".join(
            [_unit_name(index, unit) for unit in index.cooperators[task.id]]
            + [_unit_name(index, unit) for unit in task.partners]
        )
        out.append(OutlineParagraph(3, f"- {section.cooperate_label}: {cooperate}"))
    if task.deadline:
        out.append(OutlineParagraph(3, f"- {section.deadline_label}: {task.deadline.text}"))
    if task.product:
        out.append(OutlineParagraph(3, f"- {section.product_label}: {task.product}"))
    return out


def _unit_name(index: PlanIndex, unit_id: str) -> str:
    unit = index.units.get(unit_id)
    return unit.name if unit else unit_id
