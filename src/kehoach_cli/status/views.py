"""The five status tables, read off the year's facts. Pure: no printing, no I/O, and no
computation of its own — every number comes from facts/."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kehoach_cli import formatting as fmt
from kehoach_cli.facts.findings import TaskVerdict
from kehoach_cli.facts.labels import SUBMISSION_LABELS
from kehoach_cli.facts.model import (
    Money,
    TaskFacts,
    UnitSubmission,
    YearFacts,
)
from kehoach_cli.model.progress import STATUS_LABELS
from kehoach_cli.status.table import Column, View

VIEW_NAMES = ("task", "submission", "indicator", "budget", "unit")
STATUS_FILTERS = (*STATUS_LABELS, *SUBMISSION_LABELS)


def _is_submission_filter(value: str | None) -> bool:
    return value is not None and value in SUBMISSION_LABELS


def submissions_view(facts: YearFacts, status: str | None = None) -> View:
    rows = [
        {
            "unit": sub.unit.id,
            "unit_name": sub.unit.label,
            "submitted_on": sub.submitted_on,
            "state": sub.state.value,
            "days_left": sub.days_left,
            "days_late": sub.days_late,
            "days_overdue": sub.days_overdue,
        }
        for sub in facts.submissions
        if not _is_submission_filter(status) or sub.state.value == status
    ]
    return View(
        "submission",
        f"Tình hình gửi báo cáo {facts.label} "
        f"(hạn {facts.deadline:%d/%m/%Y}, tính đến {facts.as_of:%d/%m/%Y})",
        [
            Column("unit", "Mã"),
            Column("unit_name", "Đơn vị"),
            Column("submitted_on", "Ngày gửi", "date"),
            Column("state", "Tình trạng", "submission"),
            Column("days_left", "Còn (ngày)", "int", numeric=True),
            Column("days_late", "Gửi muộn (ngày)", "int", numeric=True),
            Column("days_overdue", "Quá hạn (ngày)", "int", numeric=True),
        ],
        rows,
        notes=[
            "Gửi muộn: ngày gửi trừ hạn nộp. Quá hạn: số ngày từ hạn nộp đến ngày tính, "
            "với đơn vị chưa gửi (chỉ trong kỳ báo cáo hiện hành)."
        ],
    )


def _task_row(facts: YearFacts, t: TaskFacts) -> dict[str, Any]:
    return {
        "task": t.task.id,
        "name": t.task.label,
        "level": t.level,
        "lead": _lead_label(t) or None,
        "lead_id": t.lead.id if t.lead else (t.task.lead or None),
        "cooperators_reported": len(t.cooperators_reported) if t.leads else None,
        "cooperators_expected": len(t.cooperators_expected) if t.leads else None,
        "deadline": t.task.deadline.text if t.task.deadline else None,
        "due": t.due,
        "overdue": t.overdue,
        # the judgment the report words (facts/findings.py): one vocabulary everywhere
        "verdict": facts.judged.task(t.task.id).verdict.value,
        "status": t.status.value if t.status else None,
        "progress": t.progress,
        "progress_partial": t.progress_partial if t.progress is None else None,
        "progress_known": t.progress_base[0] if t.progress_base else None,
        "progress_of": t.progress_base[1] if t.progress_base else None,
        "activities_done": t.activities_done,
        "activities_total": len(t.activities),
        **_amounts(t.money),
        "open_difficulties": len(t.open_difficulties),
    }


def _amounts(money: Money | None) -> dict[str, Any]:
    """A row's planned and spent amounts: one nobody wrote is None ('—' in a table, empty
    in CSV, null in JSON), never 0; `spent_missing` counts the priced activities whose
    spent amount is not written, which the spent sum leaves out."""
    if money is None:
        return {"planned": None, "spent": None, "spent_missing": None}
    return {
        "planned": money.planned if money.planned_given else None,
        "spent": money.spent if money.spent_given else None,
        "spent_missing": money.spent_missing,
    }


# Shown only when some row leaves out a spent amount, so that a spreadsheet carries it
# beside the number it qualifies (a floor, not the amount).
SPENT_MISSING = Column("spent_missing", "HĐ chưa ghi giải ngân", "int", numeric=True)
SPENT_FLOOR = (
    "Số ghi “ít nhất …”: chưa gồm các hoạt động đã ghi dự toán nhưng chưa ghi số đã giải ngân."
)
RATE_UNKNOWN = " Các dòng này chưa tính được tỷ lệ giải ngân."
SPENT_MISSING_NOTE = (
    "HĐ chưa ghi giải ngân: số hoạt động đã ghi dự toán nhưng chưa ghi số đã giải ngân."
)


def _spent_notes(rows: list[dict[str, Any]], rate: str = "") -> dict[str, str]:
    """The notes of the spent columns, only when some row's spent sum is a floor."""
    if not _spent_missing(rows):
        return {}
    return {"spent": SPENT_FLOOR + rate, "spent_missing": SPENT_MISSING_NOTE}


def _spent_missing(rows: list[dict[str, Any]]) -> bool:
    return any(row.get("spent_missing") for row in rows)


def _lead_label(t: TaskFacts) -> str:
    """The lead's short name for tables; a leading group's name."""
    if t.lead is not None:
        return t.lead.label
    return t.lead_group.name if t.lead_group else ""


def tasks_view(facts: YearFacts, status: str | None = None) -> View:
    rows = [
        _task_row(facts, t)
        for t in facts.tasks
        if status is None
        or _is_submission_filter(status)
        or (t.status is not None and t.status.value == status)
    ]
    own = f" (phần của {facts.scope.label})" if facts.scope else ""
    return View(
        "task",
        f"Tiến độ các nhiệm vụ {facts.label}",
        [
            Column("task", "NV"),
            Column("name", "Nhiệm vụ"),
            Column("lead", "Chủ trì"),
            Column("cooperators", "Phối hợp", "ratio", numeric=True),
            Column("status", "Tình trạng", "status"),
            Column("progress", "Tiến độ", "bar", numeric=True),
            Column("deadline", "Thời hạn", "deadline"),
            Column("activities", "HĐ xong" + own, "ratio", numeric=True),
            Column("planned", "Dự toán (đ)" + own, "money", numeric=True),
            Column("spent", "Đã chi (đ)" + own, "spent", numeric=True),
            *([SPENT_MISSING] if _spent_missing(rows) else []),
            Column("open_difficulties", "Vướng mắc" + own, "int", numeric=True),
        ],
        rows,
        notes=[
            "Tình trạng, tiến độ: theo báo cáo của đơn vị chủ trì đã gửi; nhiệm vụ có nhiệm vụ "
            "con, hoặc do một nhóm đơn vị chủ trì: bình quân các phần đã báo cáo (số có báo "
            "cáo/tổng số). Chỉ tính báo cáo đã gửi."
        ],
        column_notes={
            "cooperators": "Phối hợp: số đơn vị phối hợp đã báo cáo/số được giao.",
            "deadline": "Thời hạn có dấu ! là đã quá hạn mà chưa hoàn thành.",
            "activities": "HĐ xong: số hoạt động đã hoàn thành/tổng số.",
            **_spent_notes(rows),
        },
    )


def indicators_view(facts: YearFacts, status: str | None = None) -> View:
    rows = []
    for ind in facts.indicators:
        indicator = ind.indicator
        latest = max(ind.readings) if ind.readings else None
        rows.append(
            {
                "indicator": indicator.id,
                "name": indicator.name,
                "comparison": indicator.comparison.value,
                "target": indicator.target,
                "unit_of_measure": indicator.unit_of_measure,
                "period": indicator.period.span,
                "values": ind.values,
                "latest": ind.readings[latest].value if latest else None,
                "trend": ind.trend,
                "assessment": ind.assessment,
            }
        )
    return View(
        "indicator",
        f"Chỉ tiêu (số liệu đến {facts.label})",
        [
            Column("indicator", "Mã"),
            Column("name", "Chỉ tiêu"),
            Column("target", "Mục tiêu", "target"),
            Column("period", "Giai đoạn"),
            # a period's page holds that period's figure of each year, not the year's
            Column("values", _values_heading(facts), "values"),
            Column("trend", "Xu hướng", "trend"),
            Column("assessment", "Đánh giá", "assessment"),
        ],
        rows,
        notes=_indicator_notes(facts),
    )


def _values_heading(facts: YearFacts) -> str:
    """'Thực hiện theo năm'; on a period's page 'Thực hiện (quý III)': its figures are that
    period's of each year, not the year's."""
    if not facts.part_year:
        return "Thực hiện theo năm"
    period = facts.label.rsplit(" năm ", 1)[0] if " năm " in facts.label else facts.label
    return f"Thực hiện ({period})"


def _indicator_notes(facts: YearFacts) -> list[str]:
    """How a value came about where several units reported it, and what is estimated."""
    notes = []
    for ind in facts.indicators:
        found = ind.breakdown.get(facts.year, [])
        if len(found) < 2 and not ind.missing.get(facts.year):
            continue
        unit = ind.indicator.unit_of_measure
        parts = "; ".join(
            f"{r.unit.label if r.unit else ''}: {fmt.quantity(r.value, unit)}" for r in found
        )
        how = {
            "sum": "tổng",
            "lead": "giá trị của đơn vị chủ trì",
            "latest": "giá trị gửi sau cùng",
        }
        line = (
            f"{ind.indicator.name} năm {facts.year}: {how[ind.indicator.combine.value]} ({parts})"
        )
        gaps = ind.missing.get(facts.year)
        if gaps:
            line += f"; chưa có số liệu của {', '.join(u.label for u in gaps)}"
        notes.append(line + ".")
    if any(ind.projection for ind in facts.indicators):
        notes.append(
            "Đánh giá trước khi hết giai đoạn là ước tính: kéo dài mức thay đổi giữa hai năm "
            "có số liệu gần nhất đến năm cuối giai đoạn."
        )
    return notes


def budget_view(facts: YearFacts, status: str | None = None) -> View:
    rows = []
    for line in facts.budget:
        money = line.money
        rows.append(
            {
                "unit": line.key,
                "unit_name": line.label,
                "submission": line.submission.value if line.submission else None,
                "activities": money.activities if money else None,
                **_amounts(money),
                "rate": money.rate if money else None,  # None unless every spent is known
            }
        )
    total = facts.budget_total
    notes = []
    if total.unknown_units:
        names = fmt.list_names([unit.label for unit in total.unknown_units])
        notes.append(
            f"Tổng cộng chưa gồm {len(total.unknown_units)} đơn vị chưa có báo cáo đã gửi: "
            f"{names} (—: chưa rõ)."
        )
    by_task = facts.scope is not None
    return View(
        "budget",
        f"Kinh phí {facts.label} "
        + (f"của {facts.scope.label} theo nhiệm vụ" if facts.scope else "theo đơn vị"),
        [
            Column("unit", "NV" if by_task else "Mã"),
            Column("unit_name", "Nhiệm vụ" if by_task else "Đơn vị"),
            Column("activities", "Hoạt động", "int", numeric=True),
            Column("planned", "Dự toán (đ)", "money", numeric=True),
            Column("spent", "Giải ngân (đ)", "spent", numeric=True),
            Column("rate", "Tỷ lệ", "percent", numeric=True),
            *([SPENT_MISSING] if _spent_missing(rows) else []),
            *([] if by_task else [Column("submission", "Báo cáo", "submission")]),
        ],
        rows,
        {
            "unit": "",
            "unit_name": "Tổng cộng" + (" (chưa đủ)" if total.unknown_units else ""),
            "activities": total.activities,
            **_amounts(total),
            "rate": total.rate,
        },
        notes,
        column_notes=_spent_notes(rows, RATE_UNKNOWN),
    )


def _states(facts: YearFacts, unit_id: str, task_ids: list[str]) -> list[dict[str, Any]]:
    """The unit's own report on each task (None: no report on it that counts)."""
    out = []
    for task_facts in facts.tasks:
        if task_facts.task.id not in task_ids:
            continue
        mine = next((c.report for c in task_facts.contributions if c.unit.id == unit_id), None)
        out.append(
            {
                "task": task_facts.task.id,
                "status": mine.status.value if mine else None,
                "progress": mine.progress if mine else None,
            }
        )
    return out


def units_view(facts: YearFacts, status: str | None = None) -> View:
    rows = []
    index = facts.index
    for sub in facts.submissions:
        unit_id = sub.unit.id
        led = index.led_tasks(unit_id)
        cooperated = [t for t in index.assigned_tasks(unit_id) if t not in led]
        led_states = _states(facts, unit_id, led)
        coop_states = _states(facts, unit_id, cooperated)
        if (
            status is not None
            and not _is_submission_filter(status)
            and not any(s["status"] == status for s in led_states + coop_states)
        ):
            continue
        if _is_submission_filter(status) and sub.state.value != status:
            continue
        rows.append(
            {
                "unit": unit_id,
                "unit_name": sub.unit.label,
                "submission": sub.state.value,
                "led": led_states,
                "cooperated": coop_states,
                "open_difficulties": sum(1 for d in facts.difficulties if d.unit.id == unit_id),
            }
        )
    return View(
        "unit",
        f"Các đơn vị {facts.label}",
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


BUILDERS: dict[str, Callable[[YearFacts, str | None], View]] = {
    "task": tasks_view,
    "submission": submissions_view,
    "indicator": indicators_view,
    "budget": budget_view,
    "unit": units_view,
}


def build_view(name: str, facts: YearFacts, status: str | None = None) -> View:
    return BUILDERS[name](facts, status)


def attention(facts: YearFacts) -> dict[str, list[dict[str, str]]]:
    """What every view points out, read off the findings (the report's section III says
    the same): units late, or owing their report once the deadline has passed (drafts and
    files with errors included); tasks their lead reports as delayed; tasks past their due
    date that a report sent after it says are not done; tasks whose lead owes a report."""
    findings = facts.judged
    late = [
        {"unit": r.unit.id, "unit_name": r.unit.label, "state": r.state.value}
        for r in findings.reports
        if r.shortcoming
    ]
    delayed = [
        {"task": f.task.id, "name": f.task.label, "lead": _lead_label(facts.task(f.task.id))}
        for f in findings.tasks_with(TaskVerdict.BEHIND)
    ]
    overdue = [
        {
            "task": f.task.id,
            "name": f.task.label,
            "deadline": f.task.deadline.text if f.task.deadline else "",
        }
        for f in findings.tasks_with(TaskVerdict.OVERDUE)
    ]
    return {"late_units": late, "delayed_tasks": delayed, "overdue_tasks": overdue}


def attention_lines(found: dict[str, list[dict[str, str]]]) -> list[str]:
    out = []
    if found["late_units"]:
        units = "; ".join(
            f"{u['unit_name']} ({SUBMISSION_LABELS[u['state']]})" for u in found["late_units"]
        )
        out.append(f"Cần chú ý: báo cáo: {units}.")
    if found["delayed_tasks"]:
        tasks = "; ".join(f"{t['task']} {t['name']} ({t['lead']})" for t in found["delayed_tasks"])
        out.append(f"Cần chú ý: nhiệm vụ chậm tiến độ: {tasks}.")
    if found["overdue_tasks"]:
        tasks = "; ".join(
            f"{t['task']} {t['name']} (hạn {fmt.mid_sentence(t['deadline'])})"
            for t in found["overdue_tasks"]
        )
        out.append(f"Cần chú ý: nhiệm vụ quá thời hạn hoàn thành: {tasks}.")
    return out


def deadline_failures(facts: YearFacts) -> list[UnitSubmission]:
    """Units late, not sent or broken once the deadline has passed (as of `as_of`): the
    reports the findings hold to be shortcomings."""
    return [r.submission for r in facts.judged.reports if r.shortcoming]
