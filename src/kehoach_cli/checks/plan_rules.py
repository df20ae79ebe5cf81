"""Plan integrity: ids unique, task tree well nested, every reference resolves."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from kehoach_cli.checks.fieldpath import format_field
from kehoach_cli.checks.schema import suggestion
from kehoach_cli.diagnostics import Issue, make_issue
from kehoach_cli.loading.yamlsafe import locate
from kehoach_cli.model.index import PlanIndex
from kehoach_cli.model.plan import GROUP_PREFIX, Plan, Task

Loc = tuple[str | int, ...]


def check_plan(plan: Plan, data: Any, path: Path) -> list[Issue]:
    index = PlanIndex.build(plan)
    issues: list[Issue] = []

    def at(loc: Loc) -> tuple[Path, Any, str]:
        return path, locate(data, loc), format_field(loc)

    tasks = list(_tasks_with_loc(plan.tasks, ("tasks",), None))
    entries: list[tuple[str, str, list[tuple[str, Loc]]]] = [
        (
            "danh mục đơn vị",
            "đơn vị",
            [(u.id, ("units", i, "id")) for i, u in enumerate(plan.units)],
        ),
        ("danh mục nhóm", "nhóm", [(g.id, ("groups", i, "id")) for i, g in enumerate(plan.groups)]),
        ("cây nhiệm vụ", "nhiệm vụ", [(t.id, (*loc, "id")) for t, loc, _ in tasks]),
        (
            "danh mục chỉ tiêu",
            "chỉ tiêu",
            [(x.id, ("indicators", i, "id")) for i, x in enumerate(plan.indicators)],
        ),
    ]
    for where, what, ids in entries:
        first: dict[str, Loc] = {}
        for item_id, loc in ids:
            if item_id in first:
                line = locate(data, first[item_id])
                issues.append(
                    make_issue(
                        "KH201",
                        *at(loc),
                        id=item_id,
                        where=where,
                        what=what,
                        first_line=line.line if line else "?",
                    )
                )
            else:
                first[item_id] = loc

    known_units = ", ".join(index.units)
    reporting_units = {u.id for u in index.reporting_units}

    def unit_ref(unit_id: str, loc: Loc, role: str, *, external_ok: bool = False) -> None:
        unit = index.units.get(unit_id)
        if unit is None:
            issues.append(
                make_issue(
                    "KH203",
                    *at(loc),
                    id=unit_id,
                    suggestion=suggestion(unit_id, index.units),
                    known=known_units,
                )
            )
        elif not external_ok and unit_id not in reporting_units:
            issues.append(
                make_issue("KH207", *at(loc), id=unit_id, kind="cơ quan bên ngoài", role=role)
            )

    for group_no, group in enumerate(plan.groups):
        for member_no, member in enumerate(group.members):
            unit_ref(member, ("groups", group_no, "members", member_no), "là thành viên nhóm")

    for task, loc, parent in tasks:
        expected_depth = 1 if parent is None else parent.id.count(".") + 2
        if task.id.count(".") + 1 != expected_depth or (
            parent is not None and not task.id.startswith(parent.id + ".")
        ):
            where = f"nằm trong nhiệm vụ {parent.id}" if parent else "nằm ở cấp cao nhất"
            issues.append(make_issue("KH202", *at((*loc, "id")), id=task.id, detail=where))
        if task.lead is not None:
            unit_ref(task.lead, (*loc, "lead"), "chủ trì nhiệm vụ")
        for number, entry in enumerate(task.cooperate):
            entry_loc = (*loc, "cooperate", number)
            if entry.startswith(GROUP_PREFIX):
                group_id = entry.removeprefix(GROUP_PREFIX)
                if group_id not in index.groups:
                    issues.append(
                        make_issue(
                            "KH204",
                            *at(entry_loc),
                            id=group_id,
                            suggestion=suggestion(group_id, index.groups),
                            known=", ".join(index.groups) or "(chưa có nhóm)",
                        )
                    )
            elif entry == task.lead:
                issues.append(make_issue("KH205", *at(entry_loc), id=entry, task=task.id))
            else:
                unit_ref(entry, entry_loc, "phối hợp nhiệm vụ")
        for number, partner in enumerate(task.partners):
            unit_ref(partner, (*loc, "partners", number), "", external_ok=True)

    task_ids = ", ".join(index.tasks)
    for number, indicator in enumerate(plan.indicators):
        if indicator.task not in index.tasks:
            issues.append(
                make_issue(
                    "KH206",
                    *at(("indicators", number, "task")),
                    id=indicator.id,
                    task=indicator.task,
                    known=task_ids,
                )
            )

    reporting = plan.reporting
    for key in ("receiver", "escalation_to"):
        unit_ref(getattr(reporting, key), ("reporting", key), "nhận báo cáo")
    try:
        date(2024, reporting.deadline.month, reporting.deadline.day)  # a leap year admits 29/2
    except ValueError:
        issues.append(
            make_issue(
                "KH208",
                *at(("reporting", "deadline")),
                detail=f"{reporting.deadline.day}/{reporting.deadline.month}",
            )
        )
    return issues


def _tasks_with_loc(
    tasks: list[Task], loc: Loc, parent: Task | None
) -> Iterator[tuple[Task, Loc, Task | None]]:
    for number, task in enumerate(tasks):
        task_loc = (*loc, number)
        yield task, task_loc, parent
        yield from _tasks_with_loc(task.subtasks, (*task_loc, "subtasks"), task)
