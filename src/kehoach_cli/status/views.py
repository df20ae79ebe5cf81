"""The five status views, computed from StatusData. Pure: no printing, no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from kehoach_cli.model.plan import Comparison, Indicator, Task
from kehoach_cli.model.progress import Progress, TaskReport, TaskStatus
from kehoach_cli.status.dataset import StatusData
from kehoach_cli.status.table import Column, View

VIEW_NAMES = ("task", "submission", "indicator", "budget", "unit")

SUBMISSION_LABELS = {
    "on_time": "đúng hạn",
    "late": "nộp muộn",
    "pending": "chưa nộp",
    "missing": "chưa nộp, quá hạn",
    "invalid": "tệp có lỗi",
}
ASSESSMENT_LABELS = {
    "met": "đạt",
    "on_track": "đúng hướng",
    "at_risk": "có nguy cơ không đạt",
    "missed": "không đạt",
    "no_data": "chưa đủ số liệu",
}
TREND_LABELS = {"up": "tăng", "down": "giảm", "flat": "không đổi"}
# "khoảng X" is met within this share of X.
ABOUT_TOLERANCE = Decimal("0.05")


@dataclass(frozen=True)
class Filters:
    unit: str | None = None
    task: str | None = None
    status: str | None = None


# --- submissions --------------------------------------------------------------------


@dataclass(frozen=True)
class Submission:
    unit: str
    state: str
    submitted_on: date | None
    days_left: int | None
    days_late: int | None


def submission_of(data: StatusData, unit_id: str) -> Submission:
    """On time / late / pending / missing / invalid, relative to the deadline and `as_of`.

    The deadline day itself counts as on time. A submission dated after `as_of` has not
    happened yet as of that day, so `--as-of` can replay any past day.
    """
    deadline, as_of = data.deadline, data.as_of
    progress = data.progress.get(unit_id)
    submitted = progress.submitted_on if progress else None
    if submitted is not None and submitted <= as_of:
        if submitted <= deadline:
            return Submission(unit_id, "on_time", submitted, None, None)
        return Submission(unit_id, "late", submitted, None, (submitted - deadline).days)
    if unit_id in data.invalid_units:
        state = "invalid"
    else:
        state = "pending" if as_of <= deadline else "missing"
    if as_of <= deadline:
        return Submission(unit_id, state, None, (deadline - as_of).days, None)
    return Submission(unit_id, state, None, None, (as_of - deadline).days)


def submissions_view(data: StatusData, filters: Filters) -> View:
    rows = []
    for unit in data.index.reporting_units:
        if filters.unit and unit.id != filters.unit:
            continue
        sub = submission_of(data, unit.id)
        if filters.status and filters.status in SUBMISSION_LABELS and sub.state != filters.status:
            continue
        rows.append(
            {
                "unit": unit.id,
                "unit_name": unit.label,
                "submitted_on": sub.submitted_on,
                "state": sub.state,
                "days_left": sub.days_left,
                "days_late": sub.days_late,
            }
        )
    deadline = data.deadline
    return View(
        "submission",
        f"Tình hình nộp báo cáo năm {data.year} "
        f"(hạn {deadline:%d/%m/%Y}, tính đến {data.as_of:%d/%m/%Y})",
        [
            Column("unit", "Mã"),
            Column("unit_name", "Đơn vị"),
            Column("submitted_on", "Ngày nộp", "date"),
            Column("state", "Tình trạng", "submission"),
            Column("days_left", "Còn (ngày)", "int", numeric=True),
            Column("days_late", "Quá hạn (ngày)", "int", numeric=True),
        ],
        rows,
    )


# --- tasks ----------------------------------------------------------------------------


@dataclass
class _TaskTotals:
    activities_done: int = 0
    activities_total: int = 0
    planned: int = 0
    spent: int = 0
    open_difficulties: int = 0

    def add(self, report: TaskReport) -> None:
        for activity in report.activities:
            self.activities_total += 1
            self.activities_done += activity.status is TaskStatus.DONE
            if activity.budget:
                self.planned += activity.budget.planned or 0
                self.spent += activity.budget.spent or 0
        self.open_difficulties += sum(not d.resolved for d in report.difficulties)


def _reports_by_task(data: StatusData) -> dict[str, list[tuple[str, TaskReport]]]:
    reports: dict[str, list[tuple[str, TaskReport]]] = {task_id: [] for task_id in data.index.tasks}
    for unit_id, progress in data.progress.items():
        for task_id, report in progress.tasks.items():
            if task_id in reports:
                reports[task_id].append((unit_id, report))
    return reports


def _descendants(task: Task) -> list[Task]:
    out, pending = [], list(task.subtasks)
    while pending:
        current = pending.pop(0)
        out.append(current)
        pending.extend(current.subtasks)
    return out


def _selected_tasks(data: StatusData, filters: Filters) -> list[Task]:
    tasks = data.plan.walk_tasks()
    if filters.task:
        root = data.index.tasks[filters.task]
        wanted = {root.id, *(t.id for t in _descendants(root))}
        tasks = [t for t in tasks if t.id in wanted]
    if filters.unit:
        assigned = set(data.index.assigned_tasks(filters.unit))
        tasks = [t for t in tasks if t.id in assigned]
    return tasks


def tasks_view(data: StatusData, filters: Filters) -> View:
    reports = _reports_by_task(data)
    index = data.index
    rows: list[dict[str, Any]] = []
    for task in _selected_tasks(data, filters):
        totals = _TaskTotals()
        members = [task, *_descendants(task)]
        for member in members:
            for _, report in reports[member.id]:
                totals.add(report)
        lead_report = next((r for unit, r in reports[task.id] if unit == task.lead), None)
        status = lead_report.status.value if lead_report else None
        progress: int | None = lead_report.progress if lead_report else None
        if task.lead is None and task.subtasks:  # a grouping task: mean of its subtasks
            known = [
                r.progress for sub in task.subtasks for u, r in reports[sub.id] if u == sub.lead
            ]
            progress = round(sum(known) / len(known)) if known else None
        if filters.status and filters.status not in SUBMISSION_LABELS and status != filters.status:
            continue
        expected = index.cooperators[task.id]
        reported = sum(1 for unit, _ in reports[task.id] if unit in expected)
        lead = index.units.get(task.lead) if task.lead else None
        rows.append(
            {
                "task": task.id,
                "name": task.label,
                "level": task.id.count("."),
                "lead": lead.label if lead else None,
                "lead_id": task.lead,
                "cooperators_reported": reported if task.lead else None,
                "cooperators_expected": len(expected) if task.lead else None,
                "status": status,
                "progress": progress,
                "activities_done": totals.activities_done,
                "activities_total": totals.activities_total,
                "planned": totals.planned,
                "spent": totals.spent,
                "open_difficulties": totals.open_difficulties,
            }
        )
    return View(
        "task",
        f"Tiến độ các nhiệm vụ năm {data.year}",
        [
            Column("task", "NV"),
            Column("name", "Nhiệm vụ"),
            Column("lead", "Chủ trì"),
            Column("cooperators", "Phối hợp", "ratio", numeric=True),
            Column("status", "Tình trạng", "status"),
            Column("progress", "Tiến độ", "bar", numeric=True),
            Column("activities", "HĐ xong", "ratio", numeric=True),
            Column("planned", "Dự toán (đ)", "money", numeric=True),
            Column("spent", "Đã chi (đ)", "money", numeric=True),
            Column("open_difficulties", "Vướng mắc", "int", numeric=True),
        ],
        rows,
        notes=[
            "HĐ xong: số hoạt động đã hoàn thành / tổng số; "
            "Phối hợp: số đơn vị phối hợp đã báo cáo / số được giao."
        ],
    )


# --- indicators -----------------------------------------------------------------------


def _meets(indicator: Indicator, value: Decimal) -> bool:
    target = indicator.target
    if indicator.comparison is Comparison.AT_MOST:
        return value <= target
    if indicator.comparison is Comparison.ABOUT:
        return value >= target - abs(target) * ABOUT_TOLERANCE
    return value >= target


def assess(indicator: Indicator, values: dict[int, Decimal], year: int) -> tuple[str | None, str]:
    """(trend, assessment) for the values reported up to `year`.

    Met when the latest value reaches the target; otherwise the last two values are
    extended in a straight line to the end of the period: reaching the target there is
    "on track", not reaching it "at risk"; after the period it is "missed".
    """
    years = sorted(y for y in values if y <= year)
    if not years:
        return None, "no_data"
    latest_year, latest = years[-1], values[years[-1]]
    trend = None
    slope = Decimal(0)
    if len(years) >= 2:
        previous_year = years[-2]
        slope = (latest - values[previous_year]) / (latest_year - previous_year)
        trend = "up" if slope > 0 else "down" if slope < 0 else "flat"
    if _meets(indicator, latest):
        return trend, "met"
    if year >= indicator.period.end:
        return trend, "missed"
    if trend is None:
        return trend, "no_data"
    projected = latest + slope * (indicator.period.end - latest_year)
    return trend, "on_track" if _meets(indicator, projected) else "at_risk"


def _indicator_values(data: StatusData, indicator: Indicator) -> dict[int, Decimal]:
    owner = data.index.tasks[indicator.task].lead if indicator.task in data.index.tasks else None
    values: dict[int, Decimal] = {}
    for (year, unit), progress in sorted(data.all_years.items()):
        reported = progress.indicators.get(indicator.id)
        if reported is not None and (year not in values or unit == owner):
            values[year] = reported.value
    return values


COMPARISON_WORDS = {"about": "khoảng", "at_least": "tối thiểu", "at_most": "tối đa"}


def indicators_view(data: StatusData, filters: Filters) -> View:
    rows = []
    selected = {t.id for t in _selected_tasks(data, filters)}
    for indicator in data.plan.indicators:
        if (filters.unit or filters.task) and indicator.task not in selected:
            continue
        values = {y: v for y, v in _indicator_values(data, indicator).items() if y <= data.year}
        trend, assessment = assess(indicator, values, data.year)
        latest_year = max(values) if values else None
        rows.append(
            {
                "indicator": indicator.id,
                "name": indicator.name,
                "comparison": indicator.comparison.value,
                "target": indicator.target,
                "unit_of_measure": indicator.unit_of_measure,
                "period": f"{indicator.period.start}–{indicator.period.end}",
                "values": dict(sorted(values.items())),
                "latest": values[latest_year] if latest_year else None,
                "trend": trend,
                "assessment": assessment,
            }
        )
    return View(
        "indicator",
        f"Chỉ tiêu (số liệu đến năm {data.year})",
        [
            Column("indicator", "Mã"),
            Column("name", "Chỉ tiêu"),
            Column("target", "Mục tiêu", "target"),
            Column("period", "Giai đoạn"),
            Column("values", "Thực hiện theo năm", "values"),
            Column("trend", "Xu hướng", "trend"),
            Column("assessment", "Đánh giá", "assessment"),
        ],
        rows,
    )


# --- budget ---------------------------------------------------------------------------


def _rate(spent: int, planned: int) -> Decimal | None:
    return Decimal(spent) * 100 / planned if planned else None


def budget_view(data: StatusData, filters: Filters) -> View:
    selected = {t.id for t in _selected_tasks(data, Filters(task=filters.task))}
    rows = []
    total_planned = total_spent = 0
    for unit in data.index.reporting_units:
        if filters.unit and unit.id != filters.unit:
            continue
        progress = data.progress.get(unit.id)
        planned = spent = count = 0
        for task_id, report in progress.tasks.items() if progress else ():
            if task_id not in selected:
                continue
            for activity in report.activities:
                count += 1
                if activity.budget:
                    planned += activity.budget.planned or 0
                    spent += activity.budget.spent or 0
        total_planned += planned
        total_spent += spent
        rows.append(
            {
                "unit": unit.id,
                "unit_name": unit.label,
                "submission": submission_of(data, unit.id).state,
                "activities": count,
                "planned": planned,
                "spent": spent,
                "rate": _rate(spent, planned),
            }
        )
    total = {
        "unit": "",
        "unit_name": "Tổng cộng",
        "activities": sum(r["activities"] for r in rows),
        "planned": total_planned,
        "spent": total_spent,
        "rate": _rate(total_spent, total_planned),
    }
    return View(
        "budget",
        f"Kinh phí năm {data.year} theo đơn vị",
        [
            Column("unit", "Mã"),
            Column("unit_name", "Đơn vị"),
            Column("activities", "Hoạt động", "int", numeric=True),
            Column("planned", "Dự toán (đ)", "money", numeric=True),
            Column("spent", "Giải ngân (đ)", "money", numeric=True),
            Column("rate", "Tỷ lệ", "percent", numeric=True),
            Column("submission", "Báo cáo", "submission"),
        ],
        rows,
        total,
    )


# --- units ----------------------------------------------------------------------------


def _task_states(progress: Progress | None, task_ids: list[str]) -> list[dict[str, Any]]:
    states = []
    for task_id in task_ids:
        report = progress.tasks.get(task_id) if progress else None
        states.append(
            {
                "task": task_id,
                "status": report.status.value if report else None,
                "progress": report.progress if report else None,
            }
        )
    return states


def units_view(data: StatusData, filters: Filters) -> View:
    rows = []
    for unit in data.index.reporting_units:
        if filters.unit and unit.id != filters.unit:
            continue
        progress = data.progress.get(unit.id)
        led = data.index.led_tasks(unit.id)
        cooperated = [t for t in data.index.assigned_tasks(unit.id) if t not in led]
        if filters.task:
            wanted = {t.id for t in _selected_tasks(data, Filters(task=filters.task))}
            led = [t for t in led if t in wanted]
            cooperated = [t for t in cooperated if t in wanted]
        led_states = _task_states(progress, led)
        if (
            filters.status
            and filters.status not in SUBMISSION_LABELS
            and not any(
                s["status"] == filters.status
                for s in led_states + _task_states(progress, cooperated)
            )
        ):
            continue
        open_difficulties = sum(
            not d.resolved
            for r in (progress.tasks.values() if progress else ())
            for d in r.difficulties
        )
        rows.append(
            {
                "unit": unit.id,
                "unit_name": unit.label,
                "submission": submission_of(data, unit.id).state,
                "led": led_states,
                "cooperated": _task_states(progress, cooperated),
                "open_difficulties": open_difficulties,
            }
        )
    return View(
        "unit",
        f"Các đơn vị năm {data.year}",
        [
            Column("unit", "Mã"),
            Column("unit_name", "Đơn vị"),
            Column("submission", "Báo cáo", "submission"),
            Column("led", "Chủ trì", "task_states"),
            Column("cooperated", "Phối hợp", "task_states"),
            Column("open_difficulties", "Vướng mắc", "int", numeric=True),
        ],
        rows,
    )


BUILDERS = {
    "task": tasks_view,
    "submission": submissions_view,
    "indicator": indicators_view,
    "budget": budget_view,
    "unit": units_view,
}


def build_view(name: str, data: StatusData, filters: Filters) -> View:
    return BUILDERS[name](data, filters)


@dataclass(frozen=True)
class Attention:
    """What every view points out: units late or missing, tasks delayed."""

    late_units: list[dict[str, Any]]
    delayed_tasks: list[dict[str, Any]]

    def lines(self) -> list[str]:
        out = []
        if self.late_units:
            units = "; ".join(
                f"{u['unit_name']} ({SUBMISSION_LABELS[u['state']]})" for u in self.late_units
            )
            out.append(f"Cần chú ý: báo cáo: {units}.")
        if self.delayed_tasks:
            tasks = "; ".join(f"{t['task']} {t['name']} ({t['lead']})" for t in self.delayed_tasks)
            out.append(f"Cần chú ý: nhiệm vụ chậm tiến độ: {tasks}.")
        return out


def attention(data: StatusData) -> Attention:
    late = []
    for unit in data.index.reporting_units:
        sub = submission_of(data, unit.id)
        if sub.state in ("late", "missing", "invalid"):
            late.append({"unit": unit.id, "unit_name": unit.label, "state": sub.state})
    delayed = []
    for task in data.plan.walk_tasks():
        lead_progress = data.progress.get(task.lead) if task.lead else None
        report = lead_progress.tasks.get(task.id) if lead_progress else None
        if report is not None and report.status is TaskStatus.DELAYED:
            lead = data.index.units[task.lead].label if task.lead else ""
            delayed.append({"task": task.id, "name": task.label, "lead": lead})
    return Attention(late, delayed)


def deadline_failures(data: StatusData) -> list[Submission]:
    """Units that are late or missing once the deadline has passed (as of `as_of`)."""
    if data.as_of <= data.deadline:
        return []
    return [
        sub
        for sub in (submission_of(data, unit.id) for unit in data.index.reporting_units)
        if sub.state in ("late", "missing", "invalid")
    ]
