"""Everything the report template shows, pre-formatted as Vietnamese text. Pure.

Built from the status computations (status/views.py) so that numbers in the report and
in `kehoach status` cannot differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from kehoach_cli import formatting as fmt
from kehoach_cli.model.plan import Task
from kehoach_cli.model.progress import STATUS_LABELS, TaskReport
from kehoach_cli.status.dataset import StatusData
from kehoach_cli.status.views import (
    ASSESSMENT_LABELS,
    COMPARISON_WORDS,
    SUBMISSION_LABELS,
    Filters,
    budget_view,
    indicators_view,
    submission_of,
    tasks_view,
)

LETTERS = "abcdefghiklmnopqrstuvxy"  # Vietnamese item letters (no j, w, z)


class NothingToReport(Exception):
    """No progress file at all for the year: there is no report to write."""


@dataclass(frozen=True)
class ReportOptions:
    unit: str | None = None  # a unit's own report to the receiving unit
    report_date: date | None = None


def _attributed(text: str, source: str) -> str:
    """'- text (source).' with the text's own final full stop moved after the source."""
    text = " ".join(text.split()).rstrip(".;")
    return f"- {text} ({source})."


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?", ":", ";")) else text + "."


def _recipient_lines(items: list[str]) -> list[str]:
    return [
        f"- {item}{'.' if number == len(items) else ';'}" for number, item in enumerate(items, 1)
    ]


def _progress_phrase(report: TaskReport | None) -> str:
    if report is None:
        return "chưa báo cáo"
    return f"{STATUS_LABELS[report.status.value]}, đạt {report.progress}% kế hoạch năm"


def _activity_line(activity: Any) -> str:
    parts = []
    if activity.start or activity.due:
        start = fmt.short_date(activity.start) if activity.start else "…"
        due = fmt.short_date(activity.due) if activity.due else "…"
        parts.append(f"từ {start} đến {due}")
    if activity.finished_on:
        parts.append(f"hoàn thành ngày {fmt.short_date(activity.finished_on)}")
    else:
        parts.append(STATUS_LABELS[activity.status.value])
    if activity.budget and activity.budget.planned is not None:
        spent = activity.budget.spent or 0
        parts.append(f"kinh phí {fmt.money(spent)}/{fmt.money(activity.budget.planned)} đồng")
    line = f"+ {_sentence(activity.title)[:-1]} ({'; '.join(parts)})"
    return line + (f": {_sentence(activity.result)}" if activity.result else ".")


def build_context(data: StatusData, options: ReportOptions, generated: date) -> dict[str, Any]:
    plan, index = data.plan, data.index
    if not data.progress:
        years = ", ".join(str(y) for y in data.years_with_data()) or "chưa có"
        raise NothingToReport(
            f"Chưa có tệp tiến độ hợp lệ nào cho năm {data.year} (các năm có dữ liệu: {years})."
        )
    document, report_settings = plan.document, plan.reporting.report
    unit = index.units[options.unit] if options.unit else None
    if unit is not None and options.unit not in data.progress:
        raise NothingToReport(f"{unit.name} chưa có tệp tiến độ hợp lệ cho năm {data.year}.")
    filters = Filters(unit=options.unit)
    plan_ref = f"Kế hoạch số {document.number or ''}/{document.symbol}"
    plan_date = (
        fmt.long_date(date(document.date.year, document.date.month, document.date.day))
        if document.date.month and document.date.day
        else f"năm {document.date.year}"
    )
    issuer = document.issuing_body
    reporter = unit.name if unit else issuer
    report_date = options.report_date or generated

    task_view = tasks_view(data, filters)
    rows_by_task = {row["task"]: row for row in task_view.rows}
    selected_tasks = [index.tasks[row["task"]] for row in task_view.rows]
    receiver = index.units[plan.reporting.receiver]

    context: dict[str, Any] = {
        "year": data.year,
        "next_year": data.year + 1,
        "parent_body": (document.issuing_body if unit else document.parent_body).upper(),
        "issuing_body": (unit.name if unit else document.issuing_body).upper(),
        "number": "     ",
        "symbol": (f"BC-{unit.id.upper()}" if unit else report_settings.symbol),
        "date_line": f"{document.place}, {fmt.long_date(report_date)}",
        "doc_type": "BÁO CÁO",
        "summary": f"Kết quả thực hiện {plan_ref} năm {data.year}",
        "addressee_lines": _addressee_lines(
            [receiver.name] if unit else report_settings.addressees
        ),
        "opening": (
            f"Thực hiện {plan_ref} {plan_date} của {issuer} về {_lower_first(document.title)}; "
            f"{reporter} báo cáo kết quả thực hiện năm {data.year} như sau:"
        ),
    }
    context["direction"] = _direction(data, options, plan_ref)
    context["task_rows"] = _task_rows(task_view.rows, data)
    context["results_intro"] = _sentence(
        f"Kết quả thực hiện {sum(1 for t in selected_tasks if t.lead)} nhiệm vụ "
        "được tổng hợp tại Bảng 1 "
        "và trình bày chi tiết dưới đây"
    )
    context["results"] = _results(data, selected_tasks, rows_by_task, options)
    budget = budget_view(data, filters)
    context["budget_rows"] = [
        {
            "stt": str(number),
            "unit": row["unit_name"],
            "planned": fmt.money(row["planned"]),
            "spent": fmt.money(row["spent"]),
            "rate": fmt.percent(row["rate"], 1) if row["rate"] is not None else "—",
        }
        for number, row in enumerate(budget.rows, 1)
    ]
    total = budget.total or {}
    context["budget_total"] = {
        "stt": "",
        "unit": "Tổng cộng",
        "planned": fmt.money(total.get("planned", 0)),
        "spent": fmt.money(total.get("spent", 0)),
        "rate": fmt.percent(total["rate"], 1) if total.get("rate") is not None else "—",
    }
    context["indicator_rows"] = [
        {
            "stt": str(number),
            "name": row["name"],
            "target": f"{COMPARISON_WORDS[row['comparison']]} {fmt.decimal(row['target'])}"
            f"{row['unit_of_measure']} ({row['period']})",
            "actual": "; ".join(
                f"{y}: {fmt.decimal(v)}{row['unit_of_measure']}" for y, v in row["values"].items()
            )
            or "chưa có số liệu",
            "assessment": ASSESSMENT_LABELS[row["assessment"]],
        }
        for number, row in enumerate(indicators_view(data, filters).rows, 1)
    ]
    achievements, shortcomings, causes = _assessment(
        data, selected_tasks, rows_by_task, total, options
    )
    context.update(achievements=achievements, shortcomings=shortcomings, causes=causes)
    context["next_year_lines"] = _gathered(data, selected_tasks, "next_year", options) or [
        "- Các đơn vị tiếp tục thực hiện các nhiệm vụ được giao theo Kế hoạch."
    ]
    context["proposal_lines"] = _gathered(data, selected_tasks, "proposals", options) or [
        "- Không có đề xuất, kiến nghị."
    ]
    context["closing"] = (
        f"Trên đây là báo cáo kết quả thực hiện {plan_ref} năm {data.year} của {reporter}./."
    )
    if unit:
        recipients = [f"{receiver.name} (tổng hợp)", "Lưu: VT"]
        head = unit.head
        signer = {
            "authority": None,
            "title": head.title if head else "THỦ TRƯỞNG ĐƠN VỊ",
            "name": (head.name if head and head.name else ""),
        }
    else:
        recipients = list(report_settings.recipients)
        signer = report_settings.signer.model_dump()
    context["recipients"] = _recipient_lines(recipients)
    context["signer"] = {
        key: (value.upper() if key in ("authority", "title") and value else value)
        for key, value in signer.items()
    }
    context["appendix_title"] = (
        f"Danh sách đơn vị gửi báo cáo muộn hoặc chưa gửi báo cáo năm {data.year}"
    )
    context["late_rows"] = _late_rows(data, options)
    context["appendix_empty"] = (
        f"Tất cả các đơn vị đã gửi báo cáo đúng hạn (trước ngày {fmt.short_date(data.deadline)})."
    )
    return context


def _lower_first(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _addressee_lines(names: list[str]) -> list[str]:
    if len(names) == 1:
        return [f"Kính gửi: {names[0]}."]
    return ["Kính gửi:", *_recipient_lines(names)]


def _direction(data: StatusData, options: ReportOptions, plan_ref: str) -> list[str]:
    index = data.index
    receiver = index.units[data.plan.reporting.receiver]
    if options.unit:
        unit = index.units[options.unit]
        led = index.led_tasks(unit.id)
        cooperated = [t for t in index.assigned_tasks(unit.id) if t not in led]
        own = data.progress[unit.id]
        activities = sum(len(report.activities) for report in own.tasks.values())
        return [
            f"- {unit.name} triển khai {plan_ref} đến toàn thể công chức, viên chức, người lao "
            f"động của đơn vị; chủ trì {len(led)} nhiệm vụ ({', '.join(led) or 'không có'}) và "
            f"phối hợp {len(cooperated)} nhiệm vụ ({', '.join(cooperated) or 'không có'}).",
            f"- Xây dựng {activities} hoạt động chi tiết năm {data.year} với thời gian thực hiện "
            f"và dự toán kinh phí cụ thể; báo cáo gửi {receiver.name}.",
        ]
    led_count = sum(1 for t in index.tasks.values() if t.lead)
    leaders = {t.lead for t in index.tasks.values() if t.lead}
    units = index.reporting_units
    subs = [submission_of(data, u.id) for u in units]
    on_time = sum(s.state == "on_time" for s in subs)
    late = sum(s.state == "late" for s in subs)
    missing = len(subs) - on_time - late
    activities = sum(len(r.activities) for p in data.progress.values() for r in p.tasks.values())
    return [
        f"- Triển khai {plan_ref} đến các phòng, đơn vị; phân công {led_count} nhiệm vụ cho "
        f"{len(leaders)} đơn vị chủ trì, các đơn vị còn lại phối hợp thực hiện.",
        f"- Các đơn vị xây dựng {activities} hoạt động chi tiết năm {data.year} "
        "với thời gian thực hiện và dự toán kinh phí cụ thể.",
        f"- Đến ngày {fmt.short_date(data.as_of)}, {on_time + late}/{len(units)} đơn vị đã gửi "
        f"báo cáo về {receiver.name} ({on_time} đúng hạn, {late} muộn, {missing} chưa gửi; "
        f"hạn {fmt.short_date(data.deadline)}).",
    ]


def _task_rows(rows: list[dict[str, Any]], data: StatusData) -> list[dict[str, str]]:
    out = []
    for number, row in enumerate(rows, 1):
        notes = []
        if row["open_difficulties"]:
            notes.append(f"{row['open_difficulties']} vướng mắc")
        if row["lead_id"] and row["lead_id"] not in data.progress:
            notes.append("chủ trì chưa báo cáo")
        out.append(
            {
                "stt": str(number),
                "task": f"{row['task']}. {row['name']}",
                "lead": row["lead"] or "—",
                "progress": f"{row['progress']}%" if row["progress"] is not None else "—",
                "status": STATUS_LABELS.get(row["status"], "—") if row["status"] else "—",
                "note": "; ".join(notes),
            }
        )
    return out


def _item_numbers(tasks: list[Task], data: StatusData) -> dict[str, str]:
    """Decree 30 numbering: top tasks '1.', '2.'; their subtasks 'a)', 'b)'; deeper '-'."""
    numbers: dict[str, str] = {}
    counters: dict[str | None, int] = {}
    selected = {task.id for task in tasks}
    for task in tasks:
        parent = data.index.parent.get(task.id)
        if parent not in selected:
            parent = None
        counters[parent] = counters.get(parent, 0) + 1
        if parent is None:
            numbers[task.id] = f"{counters[parent]}."
        elif numbers[parent].endswith("."):
            numbers[task.id] = f"{LETTERS[(counters[parent] - 1) % len(LETTERS)]})"
        else:
            numbers[task.id] = "-"
    return numbers


def _results(
    data: StatusData, tasks: list[Task], rows: dict[str, dict[str, Any]], options: ReportOptions
) -> list[dict[str, Any]]:
    numbers = _item_numbers(tasks, data)
    index = data.index
    items = []
    for task in tasks:
        row = rows[task.id]
        heading = f"{numbers[task.id]} {task.title or task.name} (nhiệm vụ {task.id})"
        lines: list[str] = []
        if task.lead:
            lead = index.units[task.lead]
            lead_report = data.progress.get(task.lead, None)
            report = lead_report.tasks.get(task.id) if lead_report else None
            lines.append(f"- Đơn vị chủ trì: {lead.name}; tình trạng: {_progress_phrase(report)}.")
            if report is not None:
                if report.results:
                    lines.append(f"- Kết quả: {_sentence(report.results)}")
                lines += [_activity_line(a) for a in report.activities]
            elif task.lead not in data.progress:
                lines.append("- Đơn vị chủ trì chưa gửi báo cáo năm nay.")
            for cooperator in index.cooperators[task.id]:
                if options.unit and cooperator != options.unit and task.lead != options.unit:
                    continue
                coop_progress = data.progress.get(cooperator)
                coop_report = coop_progress.tasks.get(task.id) if coop_progress else None
                if coop_report is None:
                    continue
                text = (
                    _sentence(coop_report.results)
                    if coop_report.results
                    else _progress_phrase(coop_report) + "."
                )
                lines.append(f"- {index.units[cooperator].name} (phối hợp): {text}")
                lines += [_activity_line(a) for a in coop_report.activities]
        else:
            lines.append(
                f"- Gồm {len(task.subtasks)} nhiệm vụ cụ thể; tiến độ bình quân "
                f"{row['progress'] if row['progress'] is not None else '—'}%."
            )
        for indicator in data.plan.indicators:
            if indicator.task != task.id:
                continue
            ind_row = next(
                r for r in indicators_view(data, Filters()).rows if r["indicator"] == indicator.id
            )
            this_year = ind_row["values"].get(data.year)
            value = (
                f"{fmt.decimal(this_year)}{indicator.unit_of_measure}"
                if this_year is not None
                else "chưa có số liệu"
            )
            lines.append(
                f"- Chỉ tiêu {indicator.name}: năm {data.year} "
                f"{'đạt ' if this_year is not None else ''}{value} "
                f"(mục tiêu {COMPARISON_WORDS[indicator.comparison.value]} "
                f"{fmt.decimal(indicator.target)}{indicator.unit_of_measure} giai đoạn "
                f"{indicator.period.start} - {indicator.period.end}; "
                f"đánh giá: {ASSESSMENT_LABELS[ind_row['assessment']]})."
            )
        items.append({"heading": heading, "lines": lines})
    return items


def _assessment(
    data: StatusData,
    tasks: list[Task],
    rows: dict[str, dict[str, Any]],
    budget_total: dict[str, Any],
    options: ReportOptions,
) -> tuple[list[str], list[str], list[str]]:
    led = [t for t in tasks if t.lead]
    done = [t for t in led if rows[t.id]["status"] == "done"]
    on_track = [t for t in led if rows[t.id]["status"] == "in_progress"]
    delayed = [t for t in led if rows[t.id]["status"] == "delayed"]
    unreported = [t for t in led if rows[t.id]["status"] is None]
    achievements = [
        f"- Hoàn thành {len(done)}/{len(led)} nhiệm vụ" + (f": {_ids(done)}." if done else ".")
    ]
    if on_track:
        achievements.append(
            f"- {len(on_track)} nhiệm vụ đang thực hiện theo kế hoạch: {_ids(on_track)}."
        )
    if budget_total.get("planned"):
        achievements.append(
            f"- Giải ngân {fmt.money(budget_total['spent'])}/"
            f"{fmt.money(budget_total['planned'])} đồng "
            f"({fmt.percent(budget_total['rate'], 1)} dự toán các hoạt động)."
        )
    shortcomings = []
    if delayed:
        shortcomings.append(f"- {len(delayed)} nhiệm vụ chậm tiến độ: {_ids(delayed)}.")
    if unreported:
        shortcomings.append(
            f"- {len(unreported)} nhiệm vụ chưa có báo cáo của đơn vị chủ trì: {_ids(unreported)}."
        )
    if not options.unit:
        late = [
            data.index.units[s.unit].name
            for s in (submission_of(data, u.id) for u in data.index.reporting_units)
            if s.state != "on_time"
        ]
        if late:
            shortcomings.append(
                f"- Còn đơn vị gửi báo cáo muộn hoặc chưa gửi: {', '.join(late)} (Phụ lục)."
            )
    open_difficulties = _open_difficulties(data, tasks, options)
    if open_difficulties:
        shortcomings.append(f"- {len(open_difficulties)} khó khăn, vướng mắc chưa được giải quyết.")
    if not shortcomings:
        shortcomings = ["- Không có tồn tại, hạn chế đáng kể."]
    delayed_ids = {t.id for t in delayed}
    ordered = sorted(open_difficulties, key=lambda item: item[0] not in delayed_ids)
    causes = [_attributed(text, f"{unit}, nhiệm vụ {task_id}") for task_id, unit, text in ordered]
    return (
        achievements,
        shortcomings,
        causes or ["- Không có khó khăn, vướng mắc chưa được giải quyết."],
    )


def _ids(tasks: list[Task]) -> str:
    return ", ".join(f"{t.id} ({t.label})" for t in tasks)


def _open_difficulties(
    data: StatusData, tasks: list[Task], options: ReportOptions
) -> list[tuple[str, str, str]]:
    wanted = {t.id for t in tasks}
    found = []
    for unit_id, progress in data.progress.items():
        if options.unit and unit_id != options.unit:
            continue
        for task_id, report in progress.tasks.items():
            if task_id in wanted:
                found += [
                    (task_id, data.index.units[unit_id].label, d.text)
                    for d in report.difficulties
                    if not d.resolved
                ]
    return found


def _gathered(data: StatusData, tasks: list[Task], field: str, options: ReportOptions) -> list[str]:
    lines = []
    for task in tasks:
        for unit_id, progress in data.progress.items():
            if options.unit and unit_id != options.unit:
                continue
            report = progress.tasks.get(task.id)
            for text in getattr(report, field, []) if report else []:
                source = f"{data.index.units[unit_id].label}, nhiệm vụ {task.id}"
                lines.append(_attributed(text, source))
    return lines


def _late_rows(data: StatusData, options: ReportOptions) -> list[dict[str, str]]:
    rows = []
    for unit in data.index.reporting_units:
        if options.unit and unit.id != options.unit:
            continue
        sub = submission_of(data, unit.id)
        if sub.state == "on_time":
            continue
        rows.append(
            {
                "stt": str(len(rows) + 1),
                "unit": unit.name,
                "submitted": fmt.short_date(sub.submitted_on) if sub.submitted_on else "—",
                "state": SUBMISSION_LABELS[sub.state],
                "days": str(sub.days_late) if sub.days_late is not None else "—",
            }
        )
    return rows
