"""Plan integrity: ids unique, task tree well nested, every reference resolves.

Each rule is a function registered with @plan_rule; check_plan runs them all."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kehoach_cli.checks.fieldpath import format_field
from kehoach_cli.checks.suggest import suggestion
from kehoach_cli.diagnostics import Issue, make_issue
from kehoach_cli.loading.yamlsafe import locate
from kehoach_cli.model import kinds
from kehoach_cli.model.deadlines import ACCEPTED, DeadlineKind
from kehoach_cli.model.index import PlanIndex
from kehoach_cli.model.plan import (
    GROUP_PREFIX,
    Group,
    PartialDate,
    Plan,
    ReportingPeriod,
    Task,
)

Loc = tuple[str | int, ...]


@dataclass
class _PlanCheck:
    """What every plan rule needs: the plan, its index, where things are in the file, and
    the issues found so far."""

    plan: Plan
    data: Any
    path: Path
    index: PlanIndex
    tasks: list[tuple[Task, Loc, Task | None]]
    issues: list[Issue] = field(default_factory=list)

    def at(self, loc: Loc) -> tuple[Path, Any, str]:
        return self.path, locate(self.data, loc), format_field(loc)

    def add(self, code: str, loc: Loc, **values: Any) -> None:
        self.issues.append(make_issue(code, *self.at(loc), **values))

    def unit_ref(self, unit_id: str, loc: Loc, role: str, *, external_ok: bool = False) -> None:
        unit = self.index.units.get(unit_id)
        if unit is None:
            known = ", ".join(self.index.units)
            self.add(
                "KH203",
                loc,
                id=unit_id,
                suggestion=suggestion(unit_id, self.index.units),
                known=known,
            )
        elif not external_ok and not unit.reports:
            self.add("KH207", loc, id=unit_id, kind="cơ quan bên ngoài", role=role)

    def group_ref(self, group_id: str, loc: Loc) -> None:
        groups = self.index.groups
        if group_id not in groups:
            known = ", ".join(groups) or "(chưa có nhóm)"
            self.add(
                "KH204", loc, id=group_id, suggestion=suggestion(group_id, groups), known=known
            )


PlanRule = Callable[[_PlanCheck], None]
PLAN_RULES: list[PlanRule] = []


def plan_rule(rule: PlanRule) -> PlanRule:
    """Register a rule; check_plan runs them all, in the order they are declared."""
    PLAN_RULES.append(rule)
    return rule


def check_plan(plan: Plan, data: Any, path: Path) -> list[Issue]:
    tasks = list(_tasks_with_loc(plan.tasks, ("tasks",), None))
    check = _PlanCheck(plan, data, path, PlanIndex.build(plan), tasks)
    for rule in PLAN_RULES:
        rule(check)
    return check.issues


@plan_rule
def _unique_ids(check: _PlanCheck) -> None:
    plan = check.plan
    entries: list[tuple[str, str, list[tuple[str, Loc]]]] = [
        (
            "danh mục đơn vị",
            "đơn vị",
            [(u.id, ("units", i, "id")) for i, u in enumerate(plan.units)],
        ),
        ("danh mục nhóm", "nhóm", [(g.id, ("groups", i, "id")) for i, g in enumerate(plan.groups)]),
        ("cây nhiệm vụ", "nhiệm vụ", [(t.id, (*loc, "id")) for t, loc, _ in check.tasks]),
        (
            "danh mục chỉ tiêu",
            "chỉ tiêu",
            [(x.id, ("indicators", i, "id")) for i, x in enumerate(plan.indicators)],
        ),
    ]
    for where, what, ids in entries:
        first: dict[str, Loc] = {}
        for item_id, loc in ids:
            if item_id not in first:
                first[item_id] = loc
                continue
            line = locate(check.data, first[item_id])
            first_line = line.line if line else "?"
            check.add("KH201", loc, id=item_id, where=where, what=what, first_line=first_line)


@plan_rule
def _group_members(check: _PlanCheck) -> None:
    for group_no, group in enumerate(check.plan.groups):
        for member_no, member in enumerate(group.members):
            loc = ("groups", group_no, "members", member_no)
            if member.startswith(GROUP_PREFIX):
                check.group_ref(member.removeprefix(GROUP_PREFIX), loc)
            else:
                check.unit_ref(member, loc, "là thành viên nhóm")


@plan_rule
def _group_cycles(check: _PlanCheck) -> None:
    """A group that contains itself, directly or through others, is refused at the
    member that closes the loop."""
    groups = check.index.groups
    for group_no, group in enumerate(check.plan.groups):
        for member_no, member in enumerate(group.members):
            if not member.startswith(GROUP_PREFIX):
                continue
            path = _path_back(groups, member.removeprefix(GROUP_PREFIX), group.id)
            if path is not None:
                cycle = " → ".join([group.id, *path])
                check.add(
                    "KH209", ("groups", group_no, "members", member_no), id=group.id, cycle=cycle
                )


def _path_back(groups: dict[str, Group], start: str, target: str) -> list[str] | None:
    """The chain of group ids from `start` back to `target`, if there is one."""
    pending: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while pending:
        current, path = pending.pop()
        if current == target:
            return path
        if current in seen or current not in groups:
            continue
        seen.add(current)
        for member in groups[current].members:
            if member.startswith(GROUP_PREFIX):
                inner = member.removeprefix(GROUP_PREFIX)
                pending.append((inner, [*path, inner]))
    return None


@plan_rule
def _task_tree(check: _PlanCheck) -> None:
    for task, loc, parent in check.tasks:
        expected_depth = 1 if parent is None else parent.id.count(".") + 2
        if task.id.count(".") + 1 != expected_depth or (
            parent is not None and not task.id.startswith(parent.id + ".")
        ):
            where = f"nằm trong nhiệm vụ {parent.id}" if parent else "nằm ở cấp cao nhất"
            check.add("KH202", (*loc, "id"), id=task.id, detail=where)


@plan_rule
def _task_assignments(check: _PlanCheck) -> None:
    for task, loc, _ in check.tasks:
        if task.lead is not None and task.lead.startswith(GROUP_PREFIX):
            check.group_ref(task.lead.removeprefix(GROUP_PREFIX), (*loc, "lead"))
        elif task.lead is not None:
            check.unit_ref(task.lead, (*loc, "lead"), "chủ trì nhiệm vụ")
        elif not task.subtasks:
            check.add("KH210", (*loc, "id"), id=task.id)
        for number, entry in enumerate(task.cooperate):
            entry_loc = (*loc, "cooperate", number)
            if entry.startswith(GROUP_PREFIX):
                check.group_ref(entry.removeprefix(GROUP_PREFIX), entry_loc)
            elif entry == task.lead:
                check.add("KH205", entry_loc, id=entry, task=task.id)
            else:
                check.unit_ref(entry, entry_loc, "phối hợp nhiệm vụ")
        for number, partner in enumerate(task.partners):
            check.unit_ref(partner, (*loc, "partners", number), "", external_ok=True)


@plan_rule
def _deadlines_understood(check: _PlanCheck) -> None:
    for task, loc, _ in check.tasks:
        if task.deadline is not None and task.deadline.kind is DeadlineKind.UNREAD:
            text = task.deadline.text
            check.add("KH213", (*loc, "deadline"), text=text, id=task.id, accepted=ACCEPTED)


# Abbreviations that the header of a document never prints for the body's own name: Decree
# 30 writes it in full ("ỦY BAN NHÂN DÂN / HUYỆN X"); a parent line may keep "UBND TỈNH …".
HEADER_ABBREVIATIONS = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "UBMTTQ": "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "MTTQ": "Mặt trận Tổ quốc Việt Nam",
    "BCĐ": "Ban Chỉ đạo",
    "BCHQS": "Ban Chỉ huy quân sự",
}


def full_name(name: str) -> str | None:
    """'Ủy ban nhân dân huyện X' for 'UBND huyện X'; None when no abbreviation opens it."""
    first, _, rest = name.partition(" ")
    full = HEADER_ABBREVIATIONS.get(first.rstrip("."))
    return f"{full} {rest}".strip() if full else None


@plan_rule
def _full_names_in_headers(check: _PlanCheck) -> None:
    named: list[tuple[str, Loc]] = [
        (check.plan.document.issuing_body, ("document", "issuing_body"))
    ]
    named += [
        (unit.name, ("units", n, "name")) for n, unit in enumerate(check.plan.units) if unit.reports
    ]
    for name, loc in named:
        full = full_name(name)
        if full is not None:
            check.add("KH214", loc, name=name, printed=name.upper(), full=full)


def _earliest_issue_day(day: PartialDate) -> date:
    """The first day a partial date can mean: '2024' may be any day of 2024."""
    return date(day.year, day.month or 1, day.day or 1)


@plan_rule
def _issued_before_first_deadline(check: _PlanCheck) -> None:
    """A plan issued after its own first deadline is most likely dated wrong (a skeleton
    dated this year for a plan of an earlier year): that task would never be demanded."""
    document = check.plan.document
    decision = document.issued_with
    issued = (decision.date if decision and decision.date else None) or document.date
    dated = [
        (task.deadline.due, task.id)
        for task, _, _ in check.tasks
        if task.deadline is not None and task.deadline.due is not None
    ]
    if dated and _earliest_issue_day(issued) > min(dated)[0]:
        due, task_id = min(dated)
        written = "/".join(str(part) for part in (issued.day, issued.month, issued.year) if part)
        check.add("KH215", ("document", "date"), issued=written, id=task_id, due=fmt_day(due))


def fmt_day(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


@plan_rule
def _indicator_tasks(check: _PlanCheck) -> None:
    task_ids = ", ".join(check.index.tasks)
    for number, indicator in enumerate(check.plan.indicators):
        if indicator.task not in check.index.tasks:
            loc = ("indicators", number, "task")
            check.add("KH206", loc, id=indicator.id, task=indicator.task, known=task_ids)
        # a unit's own target is judged in that unit's report: it must be one that reports
        for unit_id in indicator.unit_targets:
            check.unit_ref(
                unit_id, ("indicators", number, "unit_targets", unit_id), "nhận chỉ tiêu riêng"
            )


@plan_rule
def _unit_places(check: _PlanCheck) -> None:
    """A body that heads its own documents (a UBND) dates them at its own place: ask for
    the place when its name does not give it, rather than date a commune's report in the
    district town."""
    for number, unit in enumerate(check.plan.units):
        if unit.reports and kinds.KINDS[unit.kind].own_header and not kinds.unit_place(unit):
            check.add(
                "KH220",
                ("units", number, "place"),
                id=unit.id,
                name=unit.name,
                example="Nhân Cơ",
                plan_place=check.plan.document.place,
            )


@plan_rule
def _reporting(check: _PlanCheck) -> None:
    reporting = check.plan.reporting
    for key in ("receiver", "escalation_to"):
        check.unit_ref(getattr(reporting, key), ("reporting", key), "nhận báo cáo")
    if reporting.periods:
        where: list[tuple[Loc, ReportingPeriod]] = [
            (("reporting", "periods", n), p) for n, p in enumerate(reporting.periods)
        ]
    else:
        where = [(("reporting",), reporting.all_periods()[0])]
    seen: dict[str, Loc] = {}
    for loc, period in where:
        deadline_loc = (*loc, "deadline")
        if period.id in seen and reporting.periods:
            line = locate(check.data, seen[period.id])
            first = line.line if line else "?"
            what = "kỳ báo cáo"
            check.add(
                "KH201",
                (*loc, "id"),
                id=period.id,
                where="danh mục kỳ",
                what=what,
                first_line=first,
            )
        seen.setdefault(period.id, (*loc, "id"))
        if not period.deadline.exists_every_year():
            check.add("KH208", deadline_loc, detail=period.deadline.as_missing_day())
            continue
        _deadline_too_early(check, period, deadline_loc)


def _deadline_too_early(check: _PlanCheck, period: ReportingPeriod, loc: Loc) -> None:
    """A deadline in the same year that falls in the first half of its period is most
    likely the next year's ('15/01' for the year): a warning asking to say so."""
    if period.deadline.next_year:
        return
    start, end = period.months.start(2024), period.months.end(2024)
    due = period.deadline.in_year(2024)
    if due < start + (end - start) / 2:
        check.add(
            "KH212",
            loc,
            deadline=str(period.deadline),
            period=period.name,
            months=f"{period.months.first}-{period.months.last}",
        )


def _tasks_with_loc(
    tasks: list[Task], loc: Loc, parent: Task | None
) -> Iterator[tuple[Task, Loc, Task | None]]:
    for number, task in enumerate(tasks):
        task_loc = (*loc, number)
        yield task, task_loc, parent
        yield from _tasks_with_loc(task.subtasks, (*task_loc, "subtasks"), task)
