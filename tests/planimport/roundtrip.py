"""What a plan and its draft must share after `plan render` → `plan import`: the words the
document prints, compared through names (ids are made again by the import)."""

from __future__ import annotations

from typing import Any

from kehoach_cli.model.index import PlanIndex
from kehoach_cli.model.plan import GROUP_PREFIX, Paragraph, Plan, Task
from kehoach_cli.report.plan_outline import assignment_lines


def _name(plan: Plan, ref: str | None) -> str | None:
    if ref is None:
        return None
    index = PlanIndex.build(plan)
    if ref.startswith(GROUP_PREFIX):
        return index.groups[ref.removeprefix(GROUP_PREFIX)].name
    return index.units[ref].name


def _items(items: list[Paragraph]) -> list[Any]:
    return [(p.label, p.text, _items(p.items)) for p in items]


def _task(plan: Plan, task: Task, unprinted: set[str]) -> dict[str, Any]:
    index = PlanIndex.build(plan)
    section = next(s for s in plan.sections if s.content is not None)
    return {
        "id": task.id,
        "title": task.title,
        "text": task.text,
        "lead": _name(plan, task.lead),
        # a group named 'Các sở, ban, ngành; UBND các huyện' is the two groups it names
        "cooperate": sorted(
            part for ref in task.cooperate for part in (_name(plan, ref) or "").split("; ")
        ),
        # partners the printed wording leaves out cannot come back from the document
        "partners": sorted(_name(plan, ref) or "" for ref in task.partners)
        if task.id not in unprinted
        else None,
        "deadline": task.deadline.text if task.deadline else None,
        "product": task.product,
        # the assignment lines exactly as printed
        "lines": assignment_lines(task, index, section),
    }


def unprinted_partners(plan: Plan) -> set[str]:
    """Tasks whose printed cooperate line is the plan's own wording (partners may be left
    out of it)."""
    return {t.id for t in plan.walk_tasks() if t.wording and t.wording.cooperate}


def printed(plan: Plan, unprinted: set[str]) -> dict[str, Any]:
    document = plan.document
    return {
        "header": (
            document.type,
            document.number,
            document.symbol,
            document.place,
            document.date,
            (document.parent_body or "").upper(),
            document.issuing_body.upper(),
            " ".join(document.title.split()),
        ),
        "preamble": [" ".join(p.split()) for p in document.preamble],
        "closing": " ".join(document.closing.split()),
        "recipients": document.recipients,
        "signer": document.signer,
        "sections": [
            (s.heading, s.numbering, s.content, _items(s.items), s.lead_label, s.cooperate_label)
            for s in plan.sections
        ],
        "tasks": [_task(plan, task, unprinted) for task in plan.walk_tasks()],
        "units": sorted(
            (_name(plan, t.lead) or "") for t in plan.walk_tasks() if t.lead is not None
        ),
        "reporting": (
            [(p.name, p.months, p.deadline) for p in plan.reporting.all_periods()],
            _name(plan, plan.reporting.receiver),
            _name(plan, plan.reporting.escalation_to),
        ),
    }
