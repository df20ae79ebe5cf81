"""An independent claim checker over every report of the bundled data and both examples
(issue 21): every year with progress files, every period, the consolidated report and
every unit's own, as of days before, on and after each deadline and long after.

What each report says is read from its template context, flattened to lines of text (a
table row: its cells joined by " | "); what is true is read from the YAML files directly
with PyYAML (tests/report/claims_yaml.py), never through kehoach's models or facts. Each
test checks one kind of claim over all reports and lists every report and sentence that
breaks it. Contexts are built in-process (no .docx is rendered): the sweep takes seconds.
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from kehoach_cli.cli.app import main
from kehoach_cli.facts import load_year
from kehoach_cli.loading.workspace import Workspace
from kehoach_cli.report.context import NothingToReport, ReportOptions, build_context
from tests.conftest import FIXTURES
from tests.report.claims_support import BUNDLED, HUYEN, TINH
from tests.report.claims_yaml import (
    FINISHED,
    Plan,
    Progress,
    a_date,
    assignment_sentence_is_true,
    leaf_ids_and_lead_count,
    read_plan,
    read_progress,
    sent_by,
    task_due,
)

WORKSPACES = {
    "data": BUNDLED,
    "huyen": HUYEN,
    "tinh": TINH,
    "lam-ha": FIXTURES / "lam-ha",
    "periods": FIXTURES / "periods",
}


@dataclass(frozen=True)
class Case:
    workspace: str
    year: int
    period: str | None
    as_of: date
    unit: str | None

    @property
    def root(self) -> Path:
        return WORKSPACES[self.workspace]

    @property
    def plan(self) -> Plan:
        return read_plan(self.root)

    @property
    def deadline(self) -> date:
        return self.plan.deadline_for(self.year, self.period)

    @property
    def sent(self) -> dict[str, Progress]:
        return sent_by(self.root, self.year, self.period, self.as_of)

    def __str__(self) -> str:
        return (
            f"{self.workspace} {self.year} {self.period or 'năm'} "
            f"{self.unit or 'tổng hợp'} as-of {self.as_of}"
        )


def _as_of_days(root: Path, year: int, period: str | None) -> list[date]:
    deadline = read_plan(root).deadline_for(year, period)
    sent = [p.submitted_on for p in read_progress(root, year, period).values() if p.submitted_on]
    days = {deadline - timedelta(days=4), deadline, deadline + timedelta(days=1)}
    days |= {max(sent, default=deadline) + timedelta(days=1), date(deadline.year + 2, 1, 31)}
    return sorted(days)


def _years(root: Path) -> list[int]:
    return sorted(int(p.name) for p in (root / "data" / "progress").iterdir() if p.name.isdigit())


def _cases() -> list[Case]:
    cases = []
    for name, root in WORKSPACES.items():
        plan = read_plan(root)
        for year in _years(root):
            for period in plan.period_ids:
                if not read_progress(root, year, period):
                    continue
                for as_of in _as_of_days(root, year, period):
                    for unit in [None, *plan.reporting_units]:
                        cases.append(Case(name, year, period, as_of, unit))
    return cases


@cache
def _data(root: Path, year: int, period: str | None, as_of: date) -> Any:
    return load_year(Workspace(root), year, as_of, period)


@cache
def _lines(case: Case) -> tuple[tuple[str, str], ...] | None:
    """(key of the context, line) in the context's order; None: nothing to report."""
    data = _data(case.root, case.year, case.period, case.as_of)
    try:
        context = build_context(data, ReportOptions(unit=case.unit), case.as_of)
    except NothingToReport:
        return None
    if context.get("late_rows"):  # the template shows this sentence only without late rows
        context = {k: v for k, v in context.items() if k != "appendix_empty"}
    return tuple(_flatten(context, ""))


def _flatten(value: Any, key: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield key, value.replace("\u00a0", " ")
    elif isinstance(value, dict):
        cells = [v for v in value.values() if not isinstance(v, bool | type(None))]
        if cells and all(isinstance(v, str) for v in cells):  # a table row
            yield key, " | ".join(c.replace("\u00a0", " ") for c in cells)
        else:
            for k, v in value.items():
                yield from _flatten(v, key or k)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _flatten(item, key)


CASES = _cases()
REPORTS = [c for c in CASES if _lines(c) is not None]


def test_the_sweep_covers_every_workspace_period_scope_and_as_of_position():
    assert {c.workspace for c in REPORTS} == set(WORKSPACES)
    assert {(c.workspace, c.period) for c in REPORTS} >= {("tinh", "6-thang"), ("tinh", None)}
    assert any(c.unit is None for c in REPORTS) and any(c.unit for c in REPORTS)
    positions = {(c.as_of > c.deadline) - (c.as_of < c.deadline) for c in REPORTS}
    assert positions == {-1, 0, 1}
    assert len(REPORTS) > 100


def _report(violations: list[str]) -> None:
    shown = "\n".join(violations[:40])
    more = f"\n… and {len(violations) - 40} more" if len(violations) > 40 else ""
    assert not violations, f"{len(violations)} false claims:\n{shown}{more}"


def _unit_by_name(plan: Plan) -> dict[str, str]:
    return {name: unit for unit in plan.units for name in plan.names(unit)}


DAY = r"(\d{2}/\d{2}/\d{4})"


def _bare(line: str) -> str:
    """A sentence without its parentheses ('Xã A (đang soạn, chưa gửi), Xã B (Phụ lục)')."""
    return re.sub(r" \([^()]*\)", "", line)


def _day(text: str) -> date:
    d, m, y = text.split("/")
    return date(int(y), int(m), int(d))


# --- who sent, when ---------------------------------------------------------------------------


def _check_every_unit_said_to_have_sent_did_so_by_the_as_of_day_on_time_or_late_as_said(
    cases: list[Case],
) -> list[str]:
    violations: list[str] = []
    for case in cases:
        plan, sent, deadline = case.plan, case.sent, case.deadline
        units = _unit_by_name(plan)
        for _, line in _lines(case) or ():
            cells = line.split(" | ")
            # appendix rows: STT | unit | sent on | state | days late
            named = [units[c] for c in cells if c in units]
            if len(cells) >= 4 and named and re.fullmatch(DAY + "|—", cells[2]):
                unit = named[0]
                if cells[2] == "—":
                    if unit in sent:
                        violations.append(f"{case}: {line!r}: sent on {sent[unit].submitted_on}")
                    continue
                day = _day(cells[2])
                truth = sent.get(unit)
                if truth is None or truth.submitted_on != day:
                    violations.append(f"{case}: {line!r}: file says {truth and truth.submitted_on}")
                elif ("muộn" in cells[3]) != (day > deadline):
                    violations.append(f"{case}: {line!r}: deadline {deadline}")
                elif day > deadline and cells[4].strip() != str((day - deadline).days):
                    violations.append(f"{case}: {line!r}: {(day - deadline).days} days late")
            # sentences: 'chưa gửi: A, B' / 'Đơn vị gửi báo cáo muộn: A, B'
            for listed in re.findall(r"chưa gửi(?: báo cáo)?: (.+?)(?:;|\.$|$)", _bare(line)):
                for name in listed.split(", "):
                    if name.strip() in units and units[name.strip()] in sent:
                        violations.append(f"{case}: {line!r}: {name} sent")
            for listed in re.findall(r"gửi báo cáo muộn: (.+?)(?:;|\.$|$)", _bare(line)):
                for name in listed.split(", "):
                    unit = units.get(name.strip())
                    day = sent[unit].submitted_on if unit in sent else None
                    if day is None or day <= deadline:
                        violations.append(f"{case}: {line!r}: {name} sent {day}")
            m = re.search(r"(\d+)/(\d+) đơn vị đã gửi báo cáo", line)
            if m and (int(m[1]), int(m[2])) != (len(sent), len(plan.reporting_units)):
                violations.append(f"{case}: {line!r}: {len(sent)}/{len(plan.reporting_units)}")
            # a unit's own: 'gửi báo cáo … ngày DD/MM/YYYY (đúng hạn …)' / '…, gửi muộn'
            if case.unit and (
                m := re.search(
                    r"gửi báo cáo[^0-9]*ngày " + DAY + r"[ ,(]*(đúng hạn|gửi muộn|muộn)?", line
                )
            ):
                day = _day(m[1])
                truth = sent.get(case.unit)
                if truth is None or truth.submitted_on != day:
                    violations.append(f"{case}: {line!r}: file says {truth and truth.submitted_on}")
                elif m[2] and (m[2] == "đúng hạn") != (day <= deadline):
                    violations.append(f"{case}: {line!r}: deadline {deadline}")
    return violations


def test_every_unit_said_to_have_sent_did_so_by_the_as_of_day_on_time_or_late_as_said():
    _report(
        _check_every_unit_said_to_have_sent_did_so_by_the_as_of_day_on_time_or_late_as_said(REPORTS)
    )


# --- overdue ----------------------------------------------------------------------------------

# not the task: the lead's report overdue, or activities overdue (checked on their own)
_REPORT_OVERDUE = re.compile(r"chưa gửi,? quá hạn(?: \d+ ngày)?|\d+ hoạt động quá hạn")


def _says_overdue(text: str) -> bool:
    text = _REPORT_OVERDUE.sub("", text)
    return "quá hạn" in text or "quá thời hạn" in text


def _called_overdue(case: Case) -> dict[str, str]:
    """Task id → the line calling it overdue: Bảng 1 rows, section II's account of a task,
    and sentences listing tasks as 'ID (name)'."""
    names = {
        t: {v for v in (raw.get("name"), raw.get("title")) if v}
        for t, raw in _raw_tasks(case.root).items()
    }
    found: dict[str, str] = {}
    current: str | None = None
    for _, line in _lines(case) or ():
        if m := re.search(r"\(nhiệm vụ ([\d.]+)\)$", line):
            current = m[1]
            continue
        cells = line.split(" | ")
        if len(cells) >= 5 and cells[0] in names and cells[1] in names[cells[0]]:
            if _says_overdue(" | ".join(cells[2:])):
                found.setdefault(cells[0], line)
            continue
        if " | " in line:
            continue
        if "hoạt động quá hạn" in line:  # activities: checked on their own
            continue
        if "quá thời hạn" in line or "quá hạn" in line:
            ids = set(re.findall(r"(?:: |; |, )(\d+(?:\.\d+)*) \(", line))
            if ids:
                for task_id in ids:
                    found.setdefault(task_id, line)
            elif current and not line.startswith("+") and _says_overdue(line):
                found.setdefault(current, line)
        if line[:3] in ("I. ", "II.", "III", "IV.", "V. ") or line.startswith("Bảng"):
            current = None
    return found


@cache
def _raw_tasks(root: Path) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}

    def walk(items: list[dict[str, Any]]) -> None:
        for raw in items:
            out[str(raw["id"])] = raw
            walk(raw.get("subtasks") or [])

    walk(read_plan(root).raw["tasks"])
    return out


def _leaves_under(plan: Plan, task_id: str) -> list[str]:
    task = plan.tasks[task_id]
    if not task.subtasks:
        return [task_id]
    return [leaf for s in task.subtasks for leaf in _leaves_under(plan, s)]


def _overdue_evidence(case: Case, task_id: str) -> bool:
    """A lead's file sent by the as-of day says the task is not done, and the task's
    deadline was before the day that file was sent."""
    plan, sent = case.plan, case.sent
    for leaf in _leaves_under(plan, task_id):
        due = task_due(plan.tasks[leaf].deadline, case.year)
        for unit in plan.leads(plan.tasks[leaf]):
            entry = sent[unit].task(leaf) if unit in sent else None
            if entry is None or due is None or entry.get("status") in FINISHED:
                continue
            if due < sent[unit].submitted_on:  # type: ignore[operator]
                return True
    return False


def _check_no_task_is_called_overdue_without_its_leads_report_saying_so(
    cases: list[Case],
) -> list[str]:
    violations: list[str] = []
    for case in cases:
        for task_id, line in _called_overdue(case).items():
            if task_id not in case.plan.tasks:
                continue
            if not _overdue_evidence(case, task_id):
                violations.append(f"{case}: task {task_id}: {line!r}")
            elif case.unit and case.unit not in {
                u
                for leaf in _leaves_under(case.plan, task_id)
                for u in case.plan.leads(case.plan.tasks[leaf])
            }:
                violations.append(f"{case}: task {task_id} only cooperated on: {line!r}")
    return violations


def test_no_task_is_called_overdue_without_its_leads_report_saying_so():
    _report(_check_no_task_is_called_overdue_without_its_leads_report_saying_so(REPORTS))


def _late_activities(progress: Progress, task_id: str) -> int:
    """Activities of a task past their end on the day the file was sent, and not done."""
    entry = progress.task(task_id) or {}
    return sum(
        1
        for a in entry.get("activities") or []
        if (due := a_date(a.get("due"))) is not None
        and due < progress.submitted_on  # type: ignore[operator]
        and a.get("status") not in FINISHED
    )


def _check_activities_said_overdue_are_past_their_end_and_not_done_in_the_files(
    cases: list[Case],
) -> list[str]:
    violations: list[str] = []
    checked = 0
    for case in cases:
        plan, sent = case.plan, case.sent
        for _, line in _lines(case) or ():
            cells = line.split(" | ")
            m = re.search(r"(\d+) hoạt động quá hạn", line)
            if m and " | " not in line:  # 'N hoạt động quá hạn …, thuộc K nhiệm vụ: ID (…)'
                checked += 1
                ids = re.findall(r"(?:: |; )(\d+(?:\.\d+)*) \(", line)
                late = {i: sum(_late_activities(p, i) for p in sent.values()) for i in ids}
                if not ids or not all(late.values()) or int(m[1]) > sum(late.values()):
                    violations.append(f"{case}: {line!r}: files: {late}")
                continue
            if not m or len(cells) < 5 or cells[0] not in plan.tasks:
                continue
            checked += 1
            task = plan.tasks[cells[0]]
            own = [case.unit] if case.unit else plan.leads(task)
            least = sum(_late_activities(sent[u], task.id) for u in own if u in sent)
            most = sum(_late_activities(p, task.id) for p in sent.values())
            if not least <= int(m[1]) <= most:
                violations.append(f"{case}: {line!r}: files: {least}..{most}")
    if not checked:
        violations.append("no claim of this kind found")
    return violations


def test_activities_said_overdue_are_past_their_end_and_not_done_in_the_files():
    _report(_check_activities_said_overdue_are_past_their_end_and_not_done_in_the_files(REPORTS))


# --- shortcomings -----------------------------------------------------------------------------


def _check_no_unit_not_yet_due_is_listed_as_a_shortcoming(cases: list[Case]) -> list[str]:
    violations: list[str] = []
    checked = 0
    for case in cases:
        if case.as_of > case.deadline:
            continue
        shortcomings = [line for key, line in _lines(case) or () if "shortcoming" in key]
        checked += bool(shortcomings)
        for unit in case.plan.reporting_units:
            if unit in case.sent:
                continue
            for name in case.plan.names(unit):
                for line in shortcomings:
                    if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", line):
                        violations.append(f"{case}: {name} (not yet due): {line!r}")
    if not checked:
        violations.append("no 'Tồn tại, hạn chế' lines under a 'shortcomings' key")
    return violations


def test_no_unit_not_yet_due_is_listed_as_a_shortcoming():
    _report(_check_no_unit_not_yet_due_is_listed_as_a_shortcoming(REPORTS))


def _check_no_significant_shortcoming_is_never_said_beside_a_shown_one(
    cases: list[Case],
) -> list[str]:
    violations: list[str] = []
    for case in cases:
        text = "\n".join(line for _, line in _lines(case) or ())
        if "Không có tồn tại, hạn chế đáng kể" not in text:
            continue
        for shown in ("gửi muộn", "không đạt", "không có nội dung", "quá hạn"):
            if shown in text:
                violations.append(f"{case}: 'Không có tồn tại…' beside '{shown}'")
    return violations


def test_no_significant_shortcoming_is_never_said_beside_a_shown_one():
    _report(_check_no_significant_shortcoming_is_never_said_beside_a_shown_one(REPORTS))


# --- numbers of tasks and units ---------------------------------------------------------------


def _own_tasks(plan: Plan, unit: str) -> tuple[set[str], set[str]]:
    led = {t.id for t in plan.leaves if unit in plan.leads(t)}
    helped = {t.id for t in plan.leaves if unit in plan.cooperators(t)} - led
    return led, helped


def _check_numbers_of_tasks_and_units_in_sentences_match_the_plan(cases: list[Case]) -> list[str]:
    violations: list[str] = []
    for case in cases:
        plan = case.plan
        tasks, leads = leaf_ids_and_lead_count(plan)
        for _, line in _lines(case) or ():
            if assignment_sentence_is_true(plan, line) is False:
                violations.append(f"{case}: {line!r}: {tasks} tasks, {leads} lead entries")
            if case.unit and (m := re.search(r"chủ trì (\d+) nhiệm vụ \(([^)]*)\)", line)):
                led, _ = _own_tasks(plan, case.unit)
                ids = set(m[2].split(", "))
                if int(m[1]) != len(led) or ids != led:
                    violations.append(f"{case}: {line!r}: leads {sorted(led)}")
            if case.unit and (m := re.search(r"phối hợp (\d+) nhiệm vụ \(([^)]*)\)", line)):
                _, helped = _own_tasks(plan, case.unit)
                ids = set(m[2].split(", "))
                if int(m[1]) != len(helped) or ids != helped:
                    violations.append(f"{case}: {line!r}: cooperates on {sorted(helped)}")
            if m := re.search(r"^Kết quả thực hiện (\d+) nhiệm vụ", line):
                if case.unit:
                    led, helped = _own_tasks(plan, case.unit)
                    expected = len(led | helped)
                else:
                    expected = tasks
                if int(m[1]) != expected:
                    violations.append(f"{case}: {line!r}: {expected} tasks")
            if m := re.search(r"(?:(\d+) đơn vị )?xây dựng (\d+) hoạt động", line):
                files = [case.sent[case.unit]] if case.unit else list(case.sent.values())
                per_unit = [len(_activities(f)) for f in files]
                units = sum(1 for n in per_unit if n)
                if int(m[2]) != sum(per_unit) or (m[1] and int(m[1]) != units):
                    violations.append(
                        f"{case}: {line!r}: {units} units, {sum(per_unit)} activities"
                    )
    return violations


def test_numbers_of_tasks_and_units_in_sentences_match_the_plan():
    _report(_check_numbers_of_tasks_and_units_in_sentences_match_the_plan(REPORTS))


# --- money ------------------------------------------------------------------------------------


def _activities(progress: Progress) -> list[dict[str, Any]]:
    return [
        a
        for entry in (progress.raw.get("tasks") or {}).values()
        if isinstance(entry, dict)
        for a in entry.get("activities") or []
    ]


def _amount(value: Any) -> int | None:
    if value is None:
        return None
    return int(str(value).replace(".", ""))


def _vnd(text: str) -> int:
    return int(text.replace(".", ""))


def _check_money_sums_match_the_files(cases: list[Case]) -> list[str]:
    violations: list[str] = []
    checked = 0
    for case in cases:
        files = [case.sent[case.unit]] if case.unit else list(case.sent.values())
        budgets = [a.get("budget") or {} for f in files for a in _activities(f)]
        planned = sum(_amount(b.get("planned")) or 0 for b in budgets)
        spent = sum(_amount(b.get("spent")) or 0 for b in budgets)
        for _, line in _lines(case) or ():
            said: tuple[str, str] | None = None
            if m := re.search(r"Giải ngân (?:ít nhất )?([\d.]+)/([\d.]+) đồng", line):
                said = (m[1], m[2])
            cells = line.split(" | ")
            if len(cells) >= 4 and cells[1].startswith("Tổng cộng"):  # Bảng 2: planned, spent
                p = re.fullmatch(r"[\d.]+", cells[2])
                s = re.fullmatch(r"(?:ít nhất )?([\d.]+)", cells[3])
                said = (s[1], p[0]) if p and s else None
            if said:
                checked += 1
                if (_vnd(said[0]), _vnd(said[1])) != (spent, planned):
                    violations.append(f"{case}: {line!r}: files: spent {spent}, planned {planned}")
    if not checked:
        violations.append("no claim of this kind found")
    return violations


def test_money_sums_match_the_files():
    _report(_check_money_sums_match_the_files(REPORTS))


# --- the date of a unit's report --------------------------------------------------------------


def _date_line(case: Case) -> tuple[str, date] | None:
    for _, line in _lines(case) or ():
        if m := re.search(r", ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})$", line):
            return line, date(int(m[3]), int(m[2]), int(m[1]))
    return None


def _check_a_units_report_is_not_dated_after_it_was_sent(cases: list[Case]) -> list[str]:
    violations: list[str] = []
    for case in cases:
        if case.unit is None:
            continue
        found = _date_line(case)
        sent = case.sent[case.unit].submitted_on
        if found is None:
            violations.append(f"{case}: no date line")
        elif sent is None or found[1] > sent:
            violations.append(f"{case}: {found[0]!r}: sent {sent}")
    return violations


def _check_a_units_report_is_not_dated_before_the_work_it_states(cases: list[Case]) -> list[str]:
    """A document dated D cannot tell work finished after D as done."""
    violations: list[str] = []
    for case in cases:
        found = _date_line(case) if case.unit else None
        if found is None:
            continue
        finished = [a_date(a.get("finished_on")) for a in _activities(case.sent[case.unit])]
        latest = max((d for d in finished if d), default=None)
        if latest and found[1] < latest:
            violations.append(f"{case}: {found[0]!r}: its file says work finished {latest}")
    return violations


def test_a_units_report_is_not_dated_before_the_work_it_states():
    _report(_check_a_units_report_is_not_dated_before_the_work_it_states(REPORTS))


def test_a_units_report_is_not_dated_after_it_was_sent():
    _report(_check_a_units_report_is_not_dated_after_it_was_sent(REPORTS))


@pytest.mark.parametrize("workspace", sorted(WORKSPACES))
def test_each_workspace_has_reports_in_the_sweep(workspace: str):
    assert any(c.workspace == workspace for c in REPORTS)


# --- indicators ---------------------------------------------------------------------------------

_VERDICT = re.compile(
    r"(?i)đánh giá: (?:không đạt|đạt|có nguy cơ)|\| (?:không đạt|đạt|có nguy cơ[^|]*)$"
)
_PARTIAL = re.compile(r"\d+/\d+|\d+ đơn vị|chưa đủ|chưa có số liệu|chưa gồm|một phần|tạm tính")


def _check_indicator_claims(cases: list[Case]) -> list[str]:
    """No verdict on a part-year figure, nor on a unit's share of a summed indicator the
    plan gives the unit no target of; a sum missing some of its units is called partial."""
    violations: list[str] = []
    for case in cases:
        plan, sent = case.plan, case.sent
        for raw in plan.raw.get("indicators") or []:
            lines = [line for _, line in _lines(case) or () if raw["name"] in line]
            summed = raw.get("combine") == "sum"
            share = (
                case.unit is not None
                and summed
                and case.unit not in (raw.get("unit_targets") or {})
            )
            for line in lines:
                if _VERDICT.search(line) and (case.period is not None or share):
                    why = "a part-year figure" if case.period else "a unit's share"
                    violations.append(f"{case}: {line!r}: a verdict on {why}")
            task = plan.tasks.get(str(raw.get("task")))
            members = plan.leads(task) if task else []
            values = [
                u
                for u in members
                if u in sent and raw["id"] in (sent[u].raw.get("indicators") or {})
            ]
            if case.unit is None and summed and values and len(values) < len(members):
                total = sum(
                    float(str(sent[u].raw["indicators"][raw["id"]]["value"]).replace(",", "."))
                    for u in values
                )
                figure = f"{total:g}".replace(".", ",")
                for line in lines:
                    cells = [
                        c
                        for c in line.split(" | ")
                        if re.search(rf"(?<![\d,]){figure}(?![\d,])", c)
                    ]
                    part = cells[0] if " | " in line and cells else line
                    if re.search(rf"(?<![\d,]){figure}(?![\d,])", part) and not _PARTIAL.search(
                        part.split("mục tiêu")[0]
                    ):
                        violations.append(
                            f"{case}: {line!r}: the total of {len(values)}/{len(members)} units"
                        )
    return violations


def test_indicator_claims_keep_to_their_scope_and_basis():
    _report(_check_indicator_claims(REPORTS))


# --- the checkers themselves catch false claims -------------------------------------------------

_AT_DEADLINE = Case("huyen", 2023, None, date(2023, 12, 5), None)  # Kiến Thành, Quảng Tín not due
_UNIT_AFTER = Case("huyen", 2023, None, date(2023, 12, 9), "kien-duc")  # sent 04/12/2023
_UNIT_EARLY = Case("huyen", 2023, None, date(2023, 12, 31), "nhan-co")  # finished 12/06/2023
_PLANTED = {
    _AT_DEADLINE: [
        ("late_rows", "1 | Ủy ban nhân dân xã Kiến Thành | 08/12/2023 | gửi muộn | 3"),
        ("direction", "- Triển khai Kế hoạch; phân công 9 nhiệm vụ cho 9 đơn vị chủ trì."),
        (
            "task_rows",
            "5 | Bồi dưỡng kỹ năng số | Phòng Nội vụ | 80% | đang thực hiện | 2 hoạt động quá hạn",
        ),
        ("achievements", "- Giải ngân 1.000/2.000 đồng (50,0% dự toán các hoạt động)."),
        ("shortcomings", "- 1 nhiệm vụ đã quá thời hạn: 7 (Theo dõi, đôn đốc, tổng hợp báo cáo)."),
        ("shortcomings", "- Đơn vị chưa gửi báo cáo: Xã Kiến Thành (Phụ lục)."),
        ("shortcomings", "- Không có tồn tại, hạn chế đáng kể."),
    ],
    _UNIT_AFTER: [
        ("date_line", "Kiến Đức, ngày 09 tháng 12 năm 2023"),
        (
            "indicator_rows",
            "1 | Số Tổ công nghệ số cộng đồng được thành lập ở các xã, thị trấn | "
            "tối thiểu 52 tổ (2023) | 2023: 10 tổ | không đạt",
        ),
    ],
    _UNIT_EARLY: [("date_line", "Nhân Cơ, ngày 01 tháng 05 năm 2023")],
}
_CHECKS = [
    _check_every_unit_said_to_have_sent_did_so_by_the_as_of_day_on_time_or_late_as_said,
    _check_no_task_is_called_overdue_without_its_leads_report_saying_so,
    _check_activities_said_overdue_are_past_their_end_and_not_done_in_the_files,
    _check_no_unit_not_yet_due_is_listed_as_a_shortcoming,
    _check_no_significant_shortcoming_is_never_said_beside_a_shown_one,
    _check_numbers_of_tasks_and_units_in_sentences_match_the_plan,
    _check_money_sums_match_the_files,
    _check_a_units_report_is_not_dated_after_it_was_sent,
    _check_a_units_report_is_not_dated_before_the_work_it_states,
    _check_indicator_claims,
]


@pytest.mark.parametrize("check", _CHECKS, ids=lambda c: c.__name__[len("_check_") :][:40])
def test_each_checker_finds_a_planted_false_claim(check: Any, monkeypatch: pytest.MonkeyPatch):
    """The sweep passing means something only if each checker can fail: one false line
    of its kind, planted in a real report, is found."""
    real = _lines
    cases = [_AT_DEADLINE, _UNIT_AFTER, _UNIT_EARLY]
    assert all(real(case) is not None for case in cases)
    assert not check(cases)  # the real reports hold
    monkeypatch.setattr(
        sys.modules[__name__],
        "_lines",
        lambda case: (*_PLANTED.get(case, []), *(real(case) or ())),
    )
    assert check(cases)


# --- the dashboard counts as the report -------------------------------------------------------


def _card(page: str, label: str) -> str | None:
    symbol = r"(?:<span[^>]*>[^<]*</span>)?"
    found = re.search(rf"<dt[^>]*>{symbol}{re.escape(label)}</dt>\s*<dd[^>]*>([^<]*)<", page)
    return found[1].strip() if found else None


def test_the_dashboard_and_the_report_count_units_as_the_files_say(tmp_path: Path):
    """Every consolidated case: sent K/T, on time, late and not sent (a draft has not been
    sent) in the report's sentence and on the dashboard's cards, against the files; after
    the deadline every unit not sent is in the dashboard's 'Cần chú ý' (issue 21, 17)."""
    violations: list[str] = []
    for case in [c for c in REPORTS if c.unit is None]:
        plan, sent, deadline = case.plan, case.sent, case.deadline
        total = len(plan.reporting_units)
        on_time = sum(1 for p in sent.values() if p.submitted_on <= deadline)  # type: ignore[operator]
        truth = {
            "Đã gửi báo cáo": f"{len(sent)}/{total}",
            "Đúng hạn": str(on_time),
            "Gửi muộn": str(len(sent) - on_time),
            "Chưa gửi": str(total - len(sent)),
        }
        target = tmp_path / f"{case.workspace}-{case.year}-{case.period}-{case.as_of}.html"
        args = ["dashboard", "--root", str(case.root), "--year", str(case.year)]
        args += ["--as-of", case.as_of.isoformat(), "-o", str(target)]
        args += ["--period", case.period] if case.period else []
        assert main(args) == 0, args
        page = target.read_text(encoding="utf-8")
        for label, value in truth.items():
            if _card(page, label) != value:
                violations.append(
                    f"{case}: dashboard '{label}' {_card(page, label)}, files {value}"
                )
        found = re.search(r"<ul class=\"attention\"[^>]*>(.*?)</ul>", page, re.S)
        attention = html.unescape(found[1]) if found else ""
        for unit in plan.reporting_units:  # not sent after the deadline: needs attention
            overdue = case.as_of > deadline and unit not in sent
            if overdue and not any(n in attention for n in plan.names(unit)):
                violations.append(f"{case}: {unit} not sent, not in 'Cần chú ý'")
        text = "\n".join(_bare(line) for _, line in _lines(case) or ())
        said = re.search(r"(\d+)/(\d+) đơn vị đã gửi", text)
        if said is None or f"{said[1]}/{said[2]}" != truth["Đã gửi báo cáo"]:
            violations.append(f"{case}: report {said and said[0]}, files {truth['Đã gửi báo cáo']}")
        listed = re.search(r"chưa gửi: (.+?)(?:;|\.$)", text, re.M)
        count = len(listed[1].split(", ")) if listed else 0
        count += "chưa có báo cáo phần việc của mình" in text  # the receiver, told apart
        if str(count) != truth["Chưa gửi"]:
            violations.append(f"{case}: report lists {count} not sent, files {truth['Chưa gửi']}")
    _report(violations)
