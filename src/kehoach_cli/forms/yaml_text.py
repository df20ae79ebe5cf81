"""The progress YAML a filled form stands for, laid out as `kehoach new` lays out a file,
with the cell every value came from (by field path and by line) to locate problems."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from kehoach_cli.checks.fieldpath import format_field
from kehoach_cli.forms.layout import AMOUNT_KEYS, DATE_KEYS, TEXT_LISTS, status_code
from kehoach_cli.forms.read import Cell, FormData, Problem, Value
from kehoach_cli.model.index import PlanIndex
from kehoach_cli.model.plan import ReportingPeriod
from kehoach_cli.model.progress import Difficulty
from kehoach_cli.model.schema import modeline
from kehoach_cli.model.values import is_unit_id

EXCEL_EPOCH = date(1899, 12, 30)
_NUMERAL = re.compile(r"[0-9][0-9.,/%-]*\Z")  # a YAML plain scalar that stays this text


@dataclass
class FormYaml:
    lines: list[str] = field(default_factory=list)
    by_field: dict[str, str] = field(default_factory=dict)  # field path → "Sheet!Cell"
    by_line: dict[int, str] = field(default_factory=dict)  # 1-based line → "Sheet!Cell"

    def add(
        self, line: str, loc: tuple[str | int, ...] | None = None, cell: Cell | None = None
    ) -> None:
        self.lines.append(line)
        if cell is not None:
            self.by_line[len(self.lines)] = cell.where
            if loc is not None:
                self.by_field.setdefault(format_field(loc), cell.where)

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's); line separators escaped so
    that every value stays on its own line."""
    return (
        json.dumps(text, ensure_ascii=False)
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _number(value: float, percent: bool = False) -> str:
    if percent:
        value = round(value * 100, 6)
    if float(value).is_integer():
        return str(int(value))
    return str(value).replace(".", ",")


def scalar(kind: str, cell: Cell) -> str:
    """The YAML text of a cell's value; what the model cannot read stays as typed (quoted),
    so that the checks reject it with their own message."""
    value: Value = cell.value
    if isinstance(value, str):
        code = status_code(value) if kind == "status" else None
        if code is None and kind in ("date", "money", "progress") and _NUMERAL.match(value):
            code = value  # "15/11/2024", "150.000.000", "70%" read as `kehoach new` writes them
        return code if code is not None else quoted(value)
    if kind in ("date", "status", "text") and isinstance(value, int | float):
        if kind == "date":  # a date cell that lost its format: the serial number
            return (EXCEL_EPOCH + timedelta(days=int(value))).isoformat()
        return quoted(_number(value))
    if isinstance(value, date):
        return value.isoformat() if kind == "date" else quoted(f"{value:%d/%m/%Y}")
    if isinstance(value, int | float):
        return _number(value, cell.percent and kind == "progress")
    return '""'


def id_text(cell: Cell) -> str | None:
    value = cell.value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return None if value is None else str(value)


# (task id, a difficulty's text) → the difficulty as the unit's file records it: the form has
# no cells for when it was raised or whether it is resolved, so these are kept from the file.
Details = dict[tuple[str, str], Difficulty]


def form_yaml(
    form: FormData,
    index: PlanIndex,
    unit_id: str,
    year: int,
    period: ReportingPeriod,
    details: Details | None = None,
) -> FormYaml:
    out = FormYaml()
    header = form.header
    out.add(modeline("../../.." if period.whole_year else "../../../.."))
    out.add(f"# Báo cáo tiến độ {period.name} {year} của {index.units[unit_id].name}.")
    out.add("# Nhập từ biểu mẫu Excel bằng 'kehoach import'; sửa tiếp ở đây hoặc trong biểu mẫu.")
    out.add("schema_version: 1")
    out.add(f"unit: {unit_id}", ("unit",), header["unit"])
    out.add(f"year: {year}", ("year",), header["year"])
    for key, kind in (("submitted_on", "date"), ("prepared_by", "text")):
        cell = header[key]
        value = "" if cell.value is None else " " + scalar(kind, cell)
        out.add(f"{key}:{value}", (key,), cell)
    out.add("")
    out.by_field.setdefault("tasks", form.table_where)
    out.by_field.setdefault("", header["unit"].where)
    activities = _activities_by_task(form)
    led = set(index.led_tasks(unit_id))
    reported = [row for row in form.tasks if _said(row, activities)]
    out.add("tasks:" if reported else "tasks: {}")
    for row in form.tasks:
        _task(out, row, activities, led, index, details or {})
    _indicators(out, form, index)
    return out


def _indicators(out: FormYaml, form: FormData, index: PlanIndex) -> None:
    """The indicators with something filled in; a row left empty is no report."""
    rows = filled_indicators(form)
    if not rows:
        return
    out.add("")
    out.add("indicators:")
    for row in rows:
        indicator_id = id_text(row["id"])
        if indicator_id is None:
            message = "dòng chỉ tiêu không có mã chỉ tiêu"
            form.problems.append(Problem(row["id"].where, message, _INDICATOR_HINT))
            continue
        known = index.indicators.get(indicator_id)
        comment = f"  # {known.name} ({known.unit_of_measure})" if known is not None else ""
        key = indicator_id if is_unit_id(indicator_id) else quoted(indicator_id)
        loc: tuple[str | int, ...] = ("indicators", indicator_id)
        out.add(f"  {key}:{comment}", loc, row["id"])
        for name in _READING:
            cell = row[name]
            if cell.value is None:
                out.by_field.setdefault(format_field((*loc, name)), cell.where)
                continue
            value = cell.value
            if name == "value" and isinstance(value, int | float):
                text = quoted(_number(value, cell.percent))  # '45,2' as a clerk writes it
            else:
                text = scalar("text", cell)
            out.add(f"    {name}: {text}", (*loc, name), cell)


_READING = ("value", "source", "note")


def filled_indicators(form: FormData) -> list[dict[str, Cell]]:
    return [row for row in form.indicators if any(row[k].value is not None for k in _READING)]


_INDICATOR_HINT = "Không sửa cột mã chỉ tiêu; tạo lại biểu mẫu bằng 'kehoach form' nếu cần."


def _activities_by_task(form: FormData) -> dict[str, list[dict[str, Cell]]]:
    known = {id_text(row["id"]) for row in form.tasks}
    grouped: dict[str, list[dict[str, Cell]]] = {}
    for row in form.activities:
        task = id_text(row["task"])
        if task is None:
            form.problems.append(
                Problem(row["task"].where, "hoạt động chưa có mã nhiệm vụ", _TASK_HINT)
            )
        elif task not in known:
            message = f"mã nhiệm vụ '{task}' không có trong trang '{form.tasks_sheet}'"
            form.problems.append(Problem(row["task"].where, message, _TASK_HINT))
        else:
            grouped.setdefault(task, []).append(row)
    return grouped


_TASK_HINT = "Chọn mã trong danh sách thả xuống: các nhiệm vụ đơn vị chủ trì hoặc phối hợp."


def _said(row: dict[str, Cell], activities: dict[str, list[dict[str, Cell]]]) -> bool:
    """Whether the unit wrote anything on a task's row or under it."""
    task_id = id_text(row["id"])
    filled = any(cell.value is not None for key, cell in row.items() if key != "id")
    return task_id is not None and (filled or bool(activities.get(task_id)))


def _task(
    out: FormYaml,
    row: dict[str, Cell],
    activities: dict[str, list[dict[str, Cell]]],
    led: set[str],
    index: PlanIndex,
    details: Details,
) -> None:
    task_id = id_text(row["id"])
    if task_id is None:
        return
    if not _said(row, activities):
        return  # a row left blank: the unit does not report on the task
    task = index.tasks.get(task_id)
    role = "chủ trì" if task_id in led else "phối hợp"
    comment = f"  # {role}: {task.label}" if task is not None else ""
    loc: tuple[str | int, ...] = ("tasks", task_id)
    out.add(f"  {quoted(task_id)}:{comment}", loc, row["id"])
    for key in ("status", "progress"):
        if row[key].value is not None:
            out.add(f"    {key}: {scalar(key, row[key])}", (*loc, key), row[key])
        else:
            out.by_field.setdefault(format_field((*loc, key)), row[key].where)
    rows = activities.get(task_id, [])
    out.add("    activities:" + ("" if rows else " []"))
    for number, activity in enumerate(rows):
        _activity(out, (*loc, "activities", number), activity)
    results = row["results"]
    out.add(
        "    results:" + ("" if results.value is None else " " + scalar("text", results)),
        (*loc, "results"),
        results,
    )
    for key in TEXT_LISTS:
        _text_list(out, (*loc, key), row[key], details)


def _activity(out: FormYaml, loc: tuple[str | int, ...], row: dict[str, Cell]) -> None:
    out.by_field.setdefault(format_field(loc), row["task"].where)
    first = True
    for key in ("title", *DATE_KEYS, "status"):
        cell = row[key]
        if cell.value is None:
            out.by_field.setdefault(format_field((*loc, key)), cell.where)
            continue
        kind = "date" if key in DATE_KEYS else key if key == "status" else "text"
        lead = "      - " if first else "        "
        out.add(f"{lead}{key}: {scalar(kind, cell)}", (*loc, key), cell)
        first = False
    if first:  # no title, no date, no status: the list item still begins here
        out.add("      - {}", loc, row["task"])
    amounts = [key for key in AMOUNT_KEYS if row[key].value is not None]
    if amounts:
        parts = ", ".join(f"{key}: {scalar('money', row[key])}" for key in amounts)
        out.add(f"        budget: {{{parts}}}", (*loc, "budget"), row[amounts[0]])
        for key in amounts:
            out.by_field.setdefault(format_field((*loc, "budget", key)), row[key].where)
    if row["result"].value is not None:
        text = scalar("text", row["result"])
        out.add(f"        result: {text}", (*loc, "result"), row["result"])


def text_lines(cell: Cell) -> list[str]:
    """The items of a "one per line" cell."""
    value = cell.value
    items = [] if value is None else [line.strip() for line in str(value).splitlines()]
    return [item for item in items if item]


def _text_list(out: FormYaml, loc: tuple[str | int, ...], cell: Cell, details: Details) -> None:
    items = text_lines(cell)
    key = str(loc[-1])
    out.by_field.setdefault(format_field(loc), cell.where)
    if not items:
        out.add(f"    {key}: []", loc, cell)
        return
    out.add(f"    {key}:", loc, cell)
    for number, item in enumerate(items):
        prefix = "- text: " if key == "difficulties" else "- "
        out.add(f"      {prefix}{quoted(item)}", (*loc, number), cell)
        kept = details.get((str(loc[1]), item)) if key == "difficulties" else None
        if kept is not None and kept.raised_on is not None:
            out.add(f"        raised_on: {kept.raised_on.isoformat()}", (*loc, number), cell)
        if kept is not None and kept.resolved:
            out.add("        resolved: true", (*loc, number), cell)
