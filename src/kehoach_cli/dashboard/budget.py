"""Budget: planned against spent, per unit and per task. Money is known only from reports
that count: a unit that has not sent is 'chưa rõ', never 0, a report that writes no
amount is 'không ghi', never 0, and a task's sum says which of its units it leaves out."""

from __future__ import annotations

from dataclasses import dataclass

from kehoach_cli import formatting as fmt
from kehoach_cli.dashboard import charts
from kehoach_cli.dashboard.markup import cell, element, table, text
from kehoach_cli.dashboard.sections import NONE, UNKNOWN, figure, section
from kehoach_cli.facts.labels import SUBMISSION_LABELS
from kehoach_cli.facts.model import BudgetLine, Money, TaskFacts, YearFacts
from kehoach_cli.model.plan import Unit


@dataclass(frozen=True)
class TaskMoney:
    """A task's money as far as it is known: None when none of the units that work on
    it (its subtasks' too) has a report that counts; `missing` are those that have not."""

    task: TaskFacts
    money: Money | None
    missing: tuple[Unit, ...]


def _units_of(task: TaskFacts, by_id: dict[str, TaskFacts]) -> list[Unit]:
    """Leads and cooperating units of the task and of its subtasks, in plan order."""
    found: dict[str, Unit] = {}
    pending = [task]
    while pending:
        current = pending.pop(0)
        for unit in [*current.leads, *current.cooperators_expected]:
            found.setdefault(unit.id, unit)
        pending += [by_id[child] for child in current.subtask_ids if child in by_id]
    return list(found.values())


def task_money(facts: YearFacts) -> list[TaskMoney]:
    counted = {unit.id for unit in facts.counted_units}
    by_id = {task.task.id: task for task in facts.tasks}
    found = []
    for task in facts.tasks:
        units = _units_of(task, by_id)
        missing = tuple(unit for unit in units if unit.id not in counted)
        known = len(missing) < len(units)
        found.append(TaskMoney(task, task.money if known else None, missing))
    return found


NOT_GIVEN = "không ghi"
AT_LEAST = "ít nhất "


def _blank(money: Money | None, partial: bool = False) -> str | None:
    """What stands instead of the amounts, or None when some amount was written: 'chưa
    rõ' when nobody reported (or, for a sum that leaves units out, nobody wrote an amount),
    'không ghi' when the reports wrote none."""
    if money is None:
        return UNKNOWN
    if not money.given:
        return _unwritten(partial)
    return None


def _unwritten(partial: bool) -> str:
    """One amount nobody wrote: unknown when the sum leaves units out, else not given."""
    return UNKNOWN if partial else NOT_GIVEN


def _amounts(money: Money | None, partial: bool = False) -> tuple[int | None, int | None, str]:
    """(planned, spent, why) for a chart's row: an amount nobody wrote has no bar, and the
    label says why (also when the spent bar is only a floor)."""
    why = _blank(money, partial)
    if money is None or why is not None:
        return None, None, why or UNKNOWN
    planned = money.planned if money.planned_given else None
    spent = money.spent if money.spent_given else None
    if planned is None:
        why = "không ghi dự toán"
    elif spent is None:
        why = "chưa ghi giải ngân"
    elif money.spent_partial:
        why = "giải ngân chưa đủ"
    return planned, spent, why or ""


def _spent_text(money: Money, partial: bool) -> str:
    """The spent cell: 'ít nhất …' when some priced activity has no spent amount written."""
    if not money.spent_given:
        return _unwritten(partial)
    return (AT_LEAST if money.spent_partial else "") + fmt.money(money.spent)


def _money_cells(money: Money | None, partial: bool = False) -> str:
    why = _blank(money, partial)
    if money is None or why is not None:
        planned = spent = why or UNKNOWN
        rate = UNKNOWN if money is None else NONE
    else:
        planned = fmt.money(money.planned) if money.planned_given else _unwritten(partial)
        spent = _spent_text(money, partial)
        rate = NONE if money.rate is None else fmt.percent(money.rate, 1)
    return (
        cell(text(planned), "Dự toán (đ)", class_="num")
        + cell(text(spent), "Giải ngân (đ)", class_="num")
        + cell(text(rate), "Tỷ lệ", class_="num")
    )


def _unit_row(line: BudgetLine) -> str:
    state = SUBMISSION_LABELS[line.submission.value] if line.submission else NONE
    return element(
        "tr",
        cell(text(line.label), "Đơn vị") + cell(text(state), "Báo cáo") + _money_cells(line.money),
        data_unit=line.key,
        class_="unknown-row" if line.money is None else None,
    )


def _total_row(total: Money) -> str:
    note = f"chưa gồm {len(total.unknown_units)} đơn vị" if total.unknown_units else "đủ"
    return element(
        "tr",
        cell(element("strong", "Tổng cộng"), "Đơn vị")
        + cell(text(note), "Báo cáo")
        + _money_cells(total, partial=bool(total.unknown_units)),
        class_="total",
        data_unit="__total__",
    )


def _task_row(found: TaskMoney) -> str:
    task = found.task
    note = NONE
    if found.money is None:
        note = "chưa đơn vị nào gửi báo cáo"
    elif found.missing:
        note = "chưa gồm " + fmt.list_names([unit.label for unit in found.missing])
    name = element("span", text(f"{task.task.id}. {task.task.label}"), class_="task-name")
    return element(
        "tr",
        cell(name, "Nhiệm vụ", class_="task", style=f"--level:{task.level}")
        + _money_cells(found.money, partial=bool(found.missing))
        + cell(text(note), "Ghi chú"),
        data_task=task.task.id,
        class_="unknown-row" if found.money is None else None,
    )


def _total_sentence(total: Money) -> str:
    names = fmt.list_names([unit.label for unit in total.unknown_units])
    left_out = (
        f"chưa gồm {len(total.unknown_units)} đơn vị chưa có báo cáo được tính ({names}): "
        "phần của các đơn vị này chưa rõ, không phải 0."
    )
    if not total.given:
        if not total.unknown_units:
            return "Các báo cáo không ghi dự toán, giải ngân."
        return f"Chưa rõ dự toán, giải ngân: các báo cáo đã gửi không ghi số tiền; {left_out}"
    amounts = _total_amounts(total)
    if not total.unknown_units:
        return f"{amounts}, đủ mọi đơn vị."
    return f"{amounts} từ các báo cáo đã gửi; {left_out}"


def _total_amounts(total: Money) -> str:
    """'Giải ngân … / dự toán … đồng (…)': only the amounts written, a floor said as one
    ('ít nhất'), and no figure where none was written — never a 0 nobody wrote."""
    missing = f"{total.spent_missing} hoạt động chưa ghi số đã giải ngân"
    if not total.planned_given:
        return f"Giải ngân {fmt.money(total.spent)} đồng; các báo cáo không ghi dự toán"
    planned = fmt.money(total.planned)
    if not total.spent_given:
        return f"Dự toán {planned} đồng, chưa có số liệu giải ngân ({missing})"
    if total.spent_partial:
        return f"Giải ngân ít nhất {fmt.money(total.spent)} / dự toán {planned} đồng ({missing})"
    rate = f" ({fmt.percent(total.rate, 1)})" if total.rate is not None else ""
    return f"Giải ngân {fmt.money(total.spent)} / dự toán {planned} đồng{rate}"


def budget(facts: YearFacts) -> str:
    units = figure(
        charts.money(
            "kinh-phi-don-vi",
            [(line.label, *_amounts(line.money)) for line in facts.budget],
            "theo đơn vị",
        ),
        "Dự toán và giải ngân theo đơn vị (triệu đồng)",
        table(
            f"Kinh phí năm {facts.year} theo đơn vị (đồng)",
            ["Đơn vị", "Báo cáo", "Dự toán (đ)", "Giải ngân (đ)", "Tỷ lệ"],
            [*(_unit_row(line) for line in facts.budget), _total_row(facts.budget_total)],
            numeric={2, 3, 4},
            class_="data stack",
        ),
    )
    by_task = task_money(facts)
    top = [found for found in by_task if found.task.level == 0]
    tasks = figure(
        charts.money(
            "kinh-phi-nhiem-vu",
            [
                (f"{f.task.task.id}. {f.task.task.label}", *_amounts(f.money, bool(f.missing)))
                for f in top
            ],
            "theo nhiệm vụ",
        ),
        "Dự toán và giải ngân theo nhiệm vụ (triệu đồng; nhiệm vụ cấp 1, gồm nhiệm vụ con)",
        table(
            f"Kinh phí năm {facts.year} theo nhiệm vụ (đồng)",
            ["Nhiệm vụ", "Dự toán (đ)", "Giải ngân (đ)", "Tỷ lệ", "Ghi chú"],
            [_task_row(found) for found in by_task],
            numeric={1, 2, 3},
            class_="data stack",
        ),
    )
    total = element("p", text(_total_sentence(facts.budget_total)), class_="total-line")
    return section("kinh-phi", "Kinh phí", total + element("div", units + tasks, class_="grid"))
