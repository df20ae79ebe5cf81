"""Bảng 1 (tasks), Bảng 2 (money) and Bảng 3 (indicators). Pure: cells word the facts and
the findings; unknown is 'chưa rõ' or 'không ghi', never 0."""

from __future__ import annotations

from typing import Any

from kehoach_cli import formatting as fmt
from kehoach_cli.facts.findings import AmountOutOfRange, TaskVerdict
from kehoach_cli.facts.labels import SUBMISSION_LABELS
from kehoach_cli.facts.model import BudgetLine, Money, TaskFacts
from kehoach_cli.model.progress import STATUS_LABELS, TaskReport
from kehoach_cli.report import wording as w
from kehoach_cli.report.parts.indicator_words import indicator_row
from kehoach_cli.report.parts.words import Words


def tables(words: Words) -> dict[str, Any]:
    return {
        "task_rows": _task_rows(words),
        "indicator_rows": [
            indicator_row(n, i, words) for n, i in enumerate(words.facts.indicators, 1)
        ],
        **_budget(words),
    }


def _task_rows(words: Words) -> list[dict[str, Any]]:
    rows = []
    unit = words.unit
    for t in words.facts.tasks:
        own = words.own_report(t)
        mine = unit is not None and unit in t.leads
        # a unit's own part: of another's task, or as one of a group's leads
        if (unit and not mine) or (unit and t.group_led):
            status, progress = (own.status, own.progress) if own else (None, None)
        else:
            status, progress = t.status, t.progress
        rows.append(
            {
                "stt": t.task.id,
                "task": t.task.label,
                "lead": t.lead.label if t.lead else t.lead_group.name if t.lead_group else "",
                "progress": f"{progress}%" if progress is not None else "—",
                "status": STATUS_LABELS[status.value] if status else "—",
                "note": "; ".join(_row_notes(words, t, own)),
                "is_group": t.is_group,
            }
        )
    return rows


def _row_notes(words: Words, t: TaskFacts, own: TaskReport | None) -> list[str]:
    notes = []
    unit = words.unit
    if t.progress_base and not unit:
        known, total = t.progress_base
        whose = "nhiệm vụ con" if t.is_group else "đơn vị chủ trì"
        if t.progress is not None or not known:
            notes.append(f"bình quân {known}/{total} {whose} có báo cáo")
        else:  # a mean over part of the base is not the task's progress: said as such
            missing = f" ({known}/{total} {whose})" if known < total else " của các đơn vị chủ trì"
            notes.append(
                f"chưa đủ báo cáo{missing}; bình quân phần đã báo cáo {t.progress_partial}%"
            )
    if unit and unit not in t.leads:
        # the cells are the unit's own part, beside another's name: said so, so that they
        # are not read as the task's state (which is its lead's)
        notes.append("phần phối hợp của đơn vị" + ("" if own else ", không có nội dung"))
    elif unit and t.group_led:
        notes.append("phần của đơn vị")
    elif t.lead and t.lead_submission and not t.lead_submission.counted:
        notes.append(f"chủ trì: {SUBMISSION_LABELS[t.lead_submission.value]}")
    finding = words.finding(t)
    if finding.verdict is TaskVerdict.OVERDUE and t.task.deadline:
        whose = "nhiệm vụ " if unit else ""
        notes.append(f"{whose}quá hạn ({fmt.mid_sentence(t.task.deadline.text)})")
    elif finding.verdict is TaskVerdict.DUE_PASSED_UNCONFIRMED and t.task.deadline:
        notes.append(f"đã đến hạn ({fmt.mid_sentence(t.task.deadline.text)}) sau ngày báo cáo")
    if finding.overdue_activities and not finding.finished:
        notes.append(f"{len(finding.overdue_activities)} hoạt động quá hạn")
    if t.open_difficulties:
        notes.append(f"{len(t.open_difficulties)} vướng mắc")
    return notes


def _budget(words: Words) -> dict[str, Any]:
    facts, unit = words.facts, words.unit
    rows = []
    for number, line in enumerate(facts.budget, 1):
        money = line.money
        rows.append(
            {
                "stt": line.key if unit else str(number),  # a task: its own number
                "unit": line.label,
                "planned": _planned_cell(money),
                "spent": _spent_cell(money),
                "rate": rate_cell(money),
            }
        )
    total = facts.budget_total
    notes = []
    if total.unknown_units:
        notes.append(
            f"Tổng cộng chưa gồm số liệu của {len(total.unknown_units)} đơn vị chưa gửi báo "
            f"cáo: {', '.join(u.label for u in total.unknown_units)}."
        )
    notes += _spent_missing_note(facts.budget, by_task=unit is not None)
    notes += _out_of_range_note(words.findings.amounts_out_of_range, with_unit=unit is None)
    subject = f"của {unit.name} theo nhiệm vụ" if unit else "theo đơn vị"
    return {
        "budget_title": f"Bảng 2. Kinh phí thực hiện {facts.label} {subject} (đồng)",
        "budget_label": "Nhiệm vụ" if unit else "Đơn vị",
        "budget_rows": rows,
        "budget_total": {
            "stt": "",
            "unit": "Tổng cộng" + (" (chưa đủ)" if total.unknown_units else ""),
            "planned": _total_amount(total, total.planned_given, total.planned),
            "spent": _at_least(total) + _total_amount(total, total.spent_given, total.spent),
            "rate": rate_cell(total),
        },
        "budget_notes": notes,
    }


def _out_of_range_note(amounts: list[AmountOutOfRange], with_unit: bool) -> list[str]:
    """A spent amount above the planned one is printed in a signable table: it is named
    under the table, so nobody signs it unawares."""
    if not amounts:
        return []
    items = "; ".join(
        f"{w.clean(a.activity.title).rstrip('.;:')} ("
        + (f"{a.unit.label}, " if with_unit else "")
        + f"nhiệm vụ {a.task_id}): giải ngân {fmt.money(a.spent)}/{fmt.money(a.planned)} đồng"
        for a in amounts
    )
    return [
        f"Có {len(amounts)} hoạt động ghi số giải ngân vượt dự toán, cần kiểm tra lại số "
        f"liệu: {items}."
    ]


def _planned_cell(money: Money | None) -> str:
    """A planned amount for a table cell: 'chưa rõ' when the unit has not reported,
    'không ghi' when it reported activities without amounts — never a 0 nobody wrote."""
    if money is None:
        return "chưa rõ"
    return fmt.money(money.planned) if money.planned_given else "không ghi"


def _spent_cell(money: Money | None) -> str:
    """A spent amount, as the planned one; 'ít nhất …' when some priced activity has no
    spent amount written (the sum leaves it out)."""
    if money is None:
        return "chưa rõ"
    return _at_least(money) + fmt.money(money.spent) if money.spent_given else "không ghi"


def rate_cell(money: Money | None) -> str:
    """The rate only where it is a fact (Money.rate): otherwise a dash."""
    return fmt.percent(money.rate, 1) if money and money.rate is not None else "—"


def _at_least(money: Money) -> str:
    return "ít nhất " if money.spent_partial else ""


def _total_amount(total: Money, written: bool, value: int) -> str:
    """The total's cell: the sum of the amounts written; when none was, 'chưa rõ' if some
    unit has not reported (its part may hold money), else 'không ghi' — never 0."""
    if written:
        return fmt.money(value)
    return "chưa rõ" if total.unknown_units else "không ghi"


def _spent_missing_note(lines: list[BudgetLine], by_task: bool) -> list[str]:
    """Under table 2: which rows leave out priced activities that wrote no spent amount,
    so that 'ít nhất' and the missing rates are explained, not guessed."""
    short = [(line, line.money) for line in lines if line.money and line.money.spent_missing]
    if not short:
        return []
    count = sum(money.spent_missing for _, money in short)
    names = [f"nhiệm vụ {line.key}" if by_task else line.label for line, _ in short]
    kind = "nhiệm vụ" if by_task else "đơn vị"
    if len(short) == 1:
        whose, subject = f" của {names[0]}", f"{kind} này"
    else:
        parts = "; ".join(
            f"{name}: {money.spent_missing} hoạt động"
            for name, (_, money) in zip(names, short, strict=True)
        )
        whose, subject = f" ({parts})", f"các {kind} này"
    return [
        f"Có {count} hoạt động{whose} đã ghi dự toán nhưng chưa ghi số đã giải ngân, nên "
        f"chưa tính được tỷ lệ giải ngân của {subject} và của tổng cộng."
    ]


def disbursement_line(total: Money) -> str:
    """Section III's money sentence (the plan has a planned total): the rate only when
    every priced activity's spent amount is written, 'ít nhất' when some is missing, and
    no disbursement figure at all when none was written — never a 0 nobody wrote."""
    units = (
        f"chưa gồm số liệu của {len(total.unknown_units)} đơn vị chưa gửi báo cáo"
        if total.unknown_units
        else ""
    )
    planned = fmt.money(total.planned)
    if not total.spent_given:
        partial = f" ({units})" if units else ""
        return f"- Dự toán các hoạt động {planned} đồng{partial}; chưa có số liệu giải ngân."
    if total.rate is None:
        missing = f"{total.spent_missing} hoạt động chưa ghi số đã giải ngân"
        partial = "; ".join(part for part in (missing, units) if part)
        return (
            f"- Giải ngân ít nhất {fmt.money(total.spent)}/{planned} đồng dự toán các "
            f"hoạt động ({partial})."
        )
    partial = f"; {units}" if units else ""
    return (
        f"- Giải ngân {fmt.money(total.spent)}/{planned} đồng "
        f"({fmt.percent(total.rate, 1)} dự toán các hoạt động{partial})."
    )
