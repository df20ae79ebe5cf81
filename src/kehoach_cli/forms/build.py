"""`kehoach form`: a unit's progress form as an .xlsx workbook, pre-filled from the plan."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from kehoach_cli.facts.compute import next_period_label
from kehoach_cli.formatting import quantity
from kehoach_cli.forms.layout import (
    ACTIVITIES_MARKER,
    ACTIVITIES_TITLE,
    ACTIVITY_COLUMNS,
    ACTIVITY_TABLE_ROW,
    EMPTY_ACTIVITY_ROWS,
    FORM_VERSION,
    HEADER_FIELDS,
    HEADER_FIRST_ROW,
    INDICATOR_COLUMNS,
    INDICATOR_TABLE_ROW,
    INDICATORS_MARKER,
    INDICATORS_TITLE,
    INSTRUCTIONS_MARKER,
    INSTRUCTIONS_TITLE,
    MARKER_COLUMN,
    SOURCE_REF,
    STATUS_WORDS,
    TASK_COLUMNS,
    TASKS_MARKER,
    TASKS_TITLE,
    Column,
    header_ref,
)
from kehoach_cli.forms.source import source_mark
from kehoach_cli.model.index import PlanIndex
from kehoach_cli.model.plan import COMPARISON_WORDS, Combine, ReportingPeriod
from kehoach_cli.model.progress import STATUS_LABELS, Activity, Progress, TaskReport
from kehoach_cli.sheets import cell_text, fit_rows, landscape_a4, text_stays_text

BOLD = Font(bold=True)
LABEL_FILL = PatternFill("solid", fgColor="DDE6F0")
INPUT_FILL = PatternFill("solid", fgColor="FFFBE6")
UNLOCKED = Protection(locked=False)
DATE_FORMAT = "DD/MM/YYYY"
MONEY_FORMAT = "#,##0"
LIST_ROWS_BELOW = 500
WRAP = Alignment(wrap_text=True, vertical="top")


def form_bytes(
    index: PlanIndex,
    unit_id: str,
    year: int,
    period: ReportingPeriod,
    existing: Progress | None = None,
    source_digest: str | None = None,
) -> bytes:
    """The workbook: instructions, the unit's tasks with its header block, activities, the
    indicators it reports (if any); filled in from the unit's `existing` report when there
    is one. `source_digest`: the hash of the unit's file the form was made from (none: no
    file), so that an import sees a file changed since (forms/source.py)."""
    workbook = Workbook()
    instructions = workbook.active
    assert instructions is not None
    instructions.title = INSTRUCTIONS_TITLE
    _instructions(instructions, index, unit_id, year, period)
    tasks = workbook.create_sheet(TASKS_TITLE)
    task_ids = index.assigned_tasks(unit_id)
    _tasks_sheet(tasks, index, unit_id, year, period, task_ids)
    activities = workbook.create_sheet(ACTIVITIES_TITLE)
    done = [] if existing is None else _activity_list(existing, task_ids)
    _activities_sheet(activities, task_ids, year, len(done))
    if existing is not None:
        _prefill(tasks, activities, existing, done)
    indicator_ids = form_indicators(index, unit_id, existing)
    if indicator_ids:
        _indicators_sheet(workbook.create_sheet(INDICATORS_TITLE), index, indicator_ids, existing)
    tasks[SOURCE_REF] = source_mark(source_digest)
    workbook.active = 1
    for sheet, width in zip(workbook.worksheets, (1, 9, 9, 6), strict=False):
        text_stays_text(sheet)
        fit_rows(sheet, 2)
        # printed: the table's columns only, never the hidden marker column beyond them
        sheet.print_area = f"A1:{get_column_letter(width)}{sheet.max_row}"
    workbook.properties.creator = "kehoach"
    workbook.properties.title = f"Biểu mẫu báo cáo tiến độ {unit_id} {year}"
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def _clean(value: Any) -> Any:
    """A text as a cell may hold it, before openpyxl sees it: openpyxl refuses control
    characters and cuts at 32,767 without a word (kehoach_cli.sheets marks the cut)."""
    return cell_text(value) if isinstance(value, str) else value


def _mark(sheet: Worksheet, marker: str) -> None:
    sheet[f"{MARKER_COLUMN}1"] = f"{marker}:{FORM_VERSION}"
    sheet.column_dimensions[MARKER_COLUMN].hidden = True


def _protect(sheet: Worksheet) -> None:
    """Labels locked, input cells (unlocked one by one) editable; no password."""
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # widths may still be changed
    sheet.protection.formatRows = False


def _instructions(
    sheet: Worksheet, index: PlanIndex, unit_id: str, year: int, period: ReportingPeriod
) -> None:
    receiver = index.units[index.plan.reporting.receiver]
    deadline = period.deadline.in_year(year)
    after = next_period_label(period, year)
    words = ", ".join(STATUS_LABELS.values())
    lines = [
        f"Biểu mẫu báo cáo tiến độ {period.name} {year} — {index.units[unit_id].name}",
        "",
        f"1. Trang '{TASKS_TITLE}': điền ngày gửi báo cáo (hạn {deadline:%d/%m/%Y}, gửi "
        f"{receiver.name}) và người lập; với mỗi nhiệm vụ, chọn tình trạng, ghi tiến độ "
        f"(0–100, ví dụ 60 hoặc 60%), kết quả, khó khăn, đề xuất, nhiệm vụ {after}. Nhiệm vụ "
        "đơn vị chưa báo cáo để trống cả dòng.",
        f"   Khó khăn, đề xuất, nhiệm vụ {after}: mỗi ý một dòng trong ô (Alt+Enter để xuống "
        "dòng).",
        f"2. Trang '{ACTIVITIES_TITLE}': mỗi hoạt động chi tiết một dòng; chọn mã nhiệm vụ, "
        "ghi tên, các ngày, tình trạng, dự toán và số đã giải ngân (đồng), kết quả. Cần thêm "
        "dòng: ghi tiếp ở các dòng bên dưới, hoặc chuột phải, Chèn dòng (Insert row).",
        f"3. Trang '{INDICATORS_TITLE}' (nếu có): giá trị đạt được của các chỉ tiêu đơn vị "
        "báo cáo (số, ví dụ 45,2 hoặc 45.2), nguồn số liệu; để trống chỉ tiêu chưa có số liệu.",
        f"4. Tình trạng chọn trong danh sách: {words}.",
        f"5. Ngày ghi dạng 15/11/{year} (ngày/tháng/năm) hoặc {year}-11-15; tiền ghi số đồng, "
        "ví dụ 150000000, 150.000.000 hoặc 150,000,000.",
        "6. Để trống ngày gửi khi báo cáo còn là bản nháp.",
        "7. Lưu tệp (Excel hoặc LibreOffice, định dạng .xlsx) rồi gửi cho cán bộ tổng hợp, "
        "hoặc chạy: kehoach import <tệp>.xlsx",
        "   kehoach kiểm tra biểu mẫu như tệp YAML; mỗi lỗi chỉ rõ trang và ô, ví dụ "
        f"'{TASKS_TITLE}'!E10.",
        "8. Không đổi thứ tự cột, không xóa dòng tiêu đề. Ô có công thức được đọc theo giá trị "
        "đã tính khi lưu.",
    ]
    for row, line in enumerate(lines, start=1):
        sheet.cell(row=row, column=1, value=line).alignment = WRAP
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.column_dimensions[
        "A"
    ].width = 110  # within the page at 100 %: Calc clips, never scales, one column wider
    _one_page_wide(sheet)
    _mark(sheet, INSTRUCTIONS_MARKER)
    _protect(sheet)


def _header_row(sheet: Worksheet, row: int, columns: list[Column]) -> None:
    for number, column in enumerate(columns, start=1):
        cell = sheet.cell(row=row, column=number, value=column.label)
        letter = get_column_letter(number)
        cell.font = BOLD
        cell.fill = LABEL_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[letter].width = column.width
    first = "B" if columns is TASK_COLUMNS else "A"
    sheet.freeze_panes = f"{first}{row + 1}"
    sheet.row_dimensions[row].height = 45  # labels of two or three lines (wrapped)
    _one_page_wide(sheet)
    sheet.print_title_rows = f"{row}:{row}"  # the labels repeated on every printed page


def _one_page_wide(sheet: Worksheet) -> None:
    """Printed on landscape A4, one page wide (a clerk prints the form to check it)."""
    landscape_a4(sheet)


def _status_list() -> DataValidation:
    words = ",".join(STATUS_WORDS)
    return DataValidation(
        type="list",
        formula1=f'"{words}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Tình trạng",
        error="Chọn một tình trạng trong danh sách.",
    )


def _input(
    sheet: Worksheet, ref: str, value: str | int | float | None = None, number_format: str = ""
) -> None:
    cell = sheet[ref]
    cell.value = _clean(value)
    cell.protection = UNLOCKED
    cell.fill = INPUT_FILL
    cell.alignment = WRAP
    if number_format:
        cell.number_format = number_format


def _header_block(
    sheet: Worksheet, index: PlanIndex, unit_id: str, year: int, period: ReportingPeriod
) -> None:
    sheet["A1"] = f"Báo cáo tiến độ {period.name} {year} — {index.units[unit_id].name}"
    sheet["A1"].font = Font(bold=True, size=13)
    shown: dict[str, str | int] = {"unit": unit_id, "year": year, "period": period.id}
    for offset, (key, label) in enumerate(HEADER_FIELDS):
        row = HEADER_FIRST_ROW + offset
        labelled = sheet.cell(row=row, column=1, value=label)
        labelled.font, labelled.alignment = BOLD, WRAP
        if key in shown:
            sheet.cell(row=row, column=2, value=shown[key])
        elif key == "submitted_on":
            _input(sheet, f"B{row}", None, DATE_FORMAT)
        else:
            _input(sheet, f"B{row}")
    sheet.cell(row=HEADER_FIRST_ROW + 2, column=3, value=period.name)


def task_table_row() -> int:
    """The row of the tasks table's labels in a fresh form."""
    return HEADER_FIRST_ROW + len(HEADER_FIELDS) + 1


def _tasks_sheet(
    sheet: Worksheet,
    index: PlanIndex,
    unit_id: str,
    year: int,
    period: ReportingPeriod,
    task_ids: list[str],
) -> None:
    _header_block(sheet, index, unit_id, year, period)
    top = task_table_row()
    _header_row(sheet, top, TASK_COLUMNS)
    # The next period's tasks: "năm 2025" in a yearly form, "6 tháng cuối năm 2024" in a
    # 6-month one (what the report's "phương hướng" section calls them).
    next_column = 1 + next(i for i, c in enumerate(TASK_COLUMNS) if c.key == "next_year")
    label = f"Nhiệm vụ {next_period_label(period, year)} (mỗi dòng một ý)"
    sheet.cell(row=top, column=next_column, value=label)
    led = set(index.led_tasks(unit_id))
    statuses = _status_list()
    sheet.add_data_validation(statuses)
    for row, task_id in enumerate(task_ids, start=top + 1):
        sheet.cell(row=row, column=1, value=task_id).number_format = "@"
        sheet.cell(row=row, column=1).alignment = WRAP
        sheet.cell(row=row, column=2, value=_clean(index.tasks[task_id].label)).alignment = WRAP
        role = sheet.cell(row=row, column=3, value="chủ trì" if task_id in led else "phối hợp")
        role.alignment = WRAP
        _input(sheet, f"D{row}")  # blank until the unit says something (issue 23)
        _input(sheet, f"E{row}")
        for letter in "FGHI":
            _input(sheet, f"{letter}{row}")
        statuses.add(f"D{row}")
    _mark(sheet, TASKS_MARKER)
    _protect(sheet)


def _activities_sheet(sheet: Worksheet, task_ids: list[str], year: int, filled: int) -> None:
    sheet["A1"] = "Các hoạt động chi tiết (mỗi hoạt động một dòng; dòng trống được bỏ qua)"
    sheet["A1"].font = Font(bold=True, size=13)
    top = ACTIVITY_TABLE_ROW
    _header_row(sheet, top, ACTIVITY_COLUMNS)
    # Only the two lists are checked as typed: a date or an amount written as the form
    # says (15/11/2024, 1.234.567) is text in a spreadsheet of the other locale, and a
    # rule would refuse it there; `kehoach import` reads and checks those.
    tasks = DataValidation(type="list", formula1='"' + ",".join(task_ids) + '"', allow_blank=True)
    statuses = _status_list()
    for validation in (tasks, statuses):
        validation.showErrorMessage = True
        sheet.add_data_validation(validation)
    last = top + filled + EMPTY_ACTIVITY_ROWS
    for row in range(top + 1, last + 1):
        _input(sheet, f"A{row}", None, "@")
        _input(sheet, f"B{row}")
        for letter in "CDE":
            _input(sheet, f"{letter}{row}", None, DATE_FORMAT)
        _input(sheet, f"F{row}")
        for letter in "GH":
            _input(sheet, f"{letter}{row}", None, MONEY_FORMAT)
        _input(sheet, f"I{row}")
    # the lists also below the prepared rows, where inserted or typed rows go
    tasks.add(f"A{top + 1}:A{last + LIST_ROWS_BELOW}")
    statuses.add(f"F{top + 1}:F{last + LIST_ROWS_BELOW}")
    for letter in "ABCDEFGHI":  # typed below the prepared rows too: unlocked columns
        sheet.column_dimensions[letter].protection = UNLOCKED
    for letter in "CDE":
        sheet.column_dimensions[letter].number_format = DATE_FORMAT
    for letter in "GH":
        sheet.column_dimensions[letter].number_format = MONEY_FORMAT
    _mark(sheet, ACTIVITIES_MARKER)
    _protect(sheet)
    sheet.protection.insertRows = False  # a unit adds rows for more activities
    sheet.protection.deleteRows = False


def _activity_list(existing: Progress, task_ids: list[str]) -> list[tuple[str, Activity]]:
    return [
        (task_id, activity)
        for task_id in task_ids
        for activity in (existing.tasks.get(task_id) or TaskReport.model_construct()).activities
    ]


def _prefill(
    tasks: Worksheet,
    activities: Worksheet,
    existing: Progress,
    done: list[tuple[str, Activity]],
) -> None:
    """The unit's report as it stands, so that the form is corrected, not retyped."""
    tasks[header_ref("submitted_on")] = existing.submitted_on
    tasks[header_ref("prepared_by")] = _clean(existing.prepared_by)
    for row in range(task_table_row() + 1, tasks.max_row + 1):
        report = existing.tasks.get(str(tasks.cell(row=row, column=1).value))
        if report is None:
            continue
        tasks[f"D{row}"] = report.status.label
        tasks[f"E{row}"] = report.progress
        tasks[f"F{row}"] = _clean(report.results)
        tasks[f"G{row}"] = _clean("\n".join(item.text for item in report.difficulties) or None)
        tasks[f"H{row}"] = _clean("\n".join(report.proposals) or None)
        tasks[f"I{row}"] = _clean("\n".join(report.next_year) or None)
    for row, (task_id, activity) in enumerate(done, start=ACTIVITY_TABLE_ROW + 1):
        budget = activity.budget
        values = [
            task_id,
            activity.title,
            activity.start,
            activity.due,
            activity.finished_on,
            activity.status.label,
            budget.planned if budget else None,
            budget.spent if budget else None,
            activity.result,
        ]
        for column, value in enumerate(values, start=1):
            activities.cell(row=row, column=column).value = _clean(value)


def form_indicators(index: PlanIndex, unit_id: str, existing: Progress | None) -> list[str]:
    """The indicators whose value from this unit counts: those of the tasks it leads, and
    those of its other tasks that add up or take the latest value of several units (a
    cooperating unit's value of a 'lead' indicator is not used); and any it already reports."""
    assigned, led = set(index.assigned_tasks(unit_id)), set(index.led_tasks(unit_id))
    reported = set(existing.indicators) if existing is not None else set()
    return [
        indicator.id
        for indicator in index.indicators.values()
        if indicator.id in reported
        or indicator.task in led
        or (indicator.task in assigned and indicator.combine is not Combine.LEAD)
    ]


def _indicators_sheet(
    sheet: Worksheet, index: PlanIndex, indicator_ids: list[str], existing: Progress | None
) -> None:
    sheet["A1"] = "Các chỉ tiêu (giá trị đạt được đến hết kỳ báo cáo; để trống nếu chưa có)"
    sheet["A1"].font = Font(bold=True, size=13)
    top = INDICATOR_TABLE_ROW
    _header_row(sheet, top, INDICATOR_COLUMNS)
    reported = existing.indicators if existing is not None else {}
    for row, indicator_id in enumerate(indicator_ids, start=top + 1):
        indicator = index.indicators[indicator_id]
        target = quantity(indicator.target, indicator.unit_of_measure)
        word = COMPARISON_WORDS[indicator.comparison.value]
        span = indicator.period.span
        sheet.cell(row=row, column=1, value=_clean(indicator_id)).number_format = "@"
        sheet.cell(row=row, column=1).alignment = WRAP
        sheet.cell(row=row, column=2, value=_clean(indicator.name)).alignment = WRAP
        sheet.cell(row=row, column=3, value=_clean(f"{word} {target} ({span})")).alignment = WRAP
        value = reported.get(indicator_id)
        _input(sheet, f"D{row}", float(value.value) if value else None)
        _input(sheet, f"E{row}", value.source if value else None)
        _input(sheet, f"F{row}", value.note if value else None)
    _mark(sheet, INDICATORS_MARKER)
    _protect(sheet)
