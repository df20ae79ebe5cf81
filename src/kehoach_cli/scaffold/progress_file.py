"""A new progress file for one unit and year, prefilled from the plan."""

from __future__ import annotations

from kehoach_cli.model.index import PlanIndex
from kehoach_cli.model.plan import ReportingPeriod
from kehoach_cli.model.schema import modeline

STATUS_CHOICES = "not_started | in_progress | done | delayed | cancelled"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _head(index: PlanIndex, unit_id: str, year: int, period: ReportingPeriod) -> list[str]:
    """The file's first lines: what it is, how to write values, who it goes to by when."""
    receiver = index.units[index.plan.reporting.receiver]
    deadline = period.deadline.in_year(year)
    return [
        modeline("../../.." if period.whole_year else "../../../.."),
        f"# Báo cáo tiến độ {period.name} {year} của {index.units[unit_id].name}.",
        "# Điền các mục còn trống, chạy 'kehoach validate' rồi commit.",
        f"# Ngày: {year}-11-10 hoặc 10/11/{year}. Tiền (đồng): 150.000.000. "
        "Phần trăm: 60 hoặc 60%. Số thập phân: 47,9.",
        "schema_version: 1",
        f"unit: {unit_id}",
        f"year: {year}",
        f"submitted_on:        # ngày gửi {receiver.name} "
        f"(hạn {deadline:%d/%m/%Y}); để trống khi còn là bản nháp",
        "prepared_by:         # họ và tên người lập",
        "",
        "tasks:",
    ]


QUARTERS = ("I", "II", "III", "IV")


def period_comments(period: ReportingPeriod) -> tuple[str, str]:
    """What the file's 'results' and 'next_year' hold, in the period's words: 'kết quả
    thực hiện 6 tháng đầu năm', 'nhiệm vụ 6 tháng cuối năm' (a yearly file: 'trong năm',
    'năm sau')."""
    if period.whole_year:
        return "kết quả thực hiện trong năm", "nhiệm vụ năm sau"
    months = period.months
    length = months.last - months.first + 1
    if period.next_name:
        following = period.next_name
    elif months.last == 12:
        following = "năm sau"
    elif (months.first, months.last) == (1, 6):
        following = "6 tháng cuối năm"
    elif length == 3 and months.first % 3 == 1:
        following = f"quý {QUARTERS[months.last // 3]}"
    else:
        following = "kỳ sau"
    return f"kết quả thực hiện {period.name}", f"nhiệm vụ {following}"


def progress_file_text(
    index: PlanIndex, unit_id: str, year: int, period: ReportingPeriod | None = None
) -> str:
    """YAML with every task the unit leads or cooperates on, valid as it stands.

    Status starts as not_started and progress as 0, so the file validates at once; the
    validator warns (KH319) while a led task still has no content.
    """
    plan = index.plan
    chosen = period or plan.reporting.period(None)
    assert chosen is not None  # a plan always has its yearly (or last) period
    led = set(index.led_tasks(unit_id))
    lines = _head(index, unit_id, year, chosen)
    results_words, next_words = period_comments(chosen)
    example = [
        "    # activities:",
        "    #   - title: Tên hoạt động",
        f"    #     start: 01/02/{year}",
        f"    #     due: 30/06/{year}",
        f"    #     finished_on: 25/06/{year}   # khi đã xong",
        "    #     status: done",
        "    #     budget: {planned: 100.000.000, spent: 95.000.000}",
        "    #     result: Sản phẩm, kết quả đạt được",
    ]
    for number, task_id in enumerate(index.assigned_tasks(unit_id)):
        task = index.tasks[task_id]
        role = "chủ trì" if task_id in led else "phối hợp"
        lines += [
            f"  {_quote(task_id)}:  # {role}: {task.label}",
            f"    status: not_started   # {STATUS_CHOICES}",
            "    progress: 0           # 0–100 (%); done đi cùng 100",
            "    activities: []        # các hoạt động chi tiết"
            + (", viết như mẫu dưới" if number == 0 else ", như mẫu ở nhiệm vụ đầu"),
            *(example if number == 0 else []),
            f"    results:              # {results_words}",
            "    difficulties: []      # mỗi mục: {text: ..., raised_on: ngày, resolved: false}",
            "    proposals: []         # đề xuất, kiến nghị",
            f"    next_year: []         # {next_words}",
        ]
    owned = [ind for ind in plan.indicators if ind.task in led]
    if owned:
        lines += ["", "indicators: {}        # khi có số liệu, thay bằng:", "# indicators:"]
        lines += [
            f'#   {ind.id}: {{value: "…", source: "…"}}   # {ind.name} ({ind.unit_of_measure})'
            for ind in owned
        ]
    return "\n".join(lines) + "\n"
