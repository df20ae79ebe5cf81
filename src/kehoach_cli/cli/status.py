"""`kehoach status`: who has reported and how the tasks stand, for people and for CI."""

from __future__ import annotations

import os
import sys
from enum import Enum
from typing import Annotated

import typer

from kehoach_cli.cli.common import (
    ExitCode,
    RootOption,
    fail_usage,
    open_workspace,
    parse_as_of,
)
from kehoach_cli.cli.year_data import load_year_or_exit, report_skipped, require_reporting_unit


class StatusView(str, Enum):
    task = "task"
    submission = "submission"
    indicator = "indicator"
    budget = "budget"
    unit = "unit"


class StatusFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    markdown = "markdown"


HELP = """Xem tình hình thực hiện kế hoạch trong một năm: nhiệm vụ, tình hình nộp báo cáo,
chỉ tiêu, kinh phí và từng đơn vị. Không có --by: bản tóm tắt mọi mục.

Tệp tiến độ có lỗi được bỏ qua (có thông báo, mã thoát 1); chạy 'kehoach validate' để
xem chi tiết.
Hạn nộp lấy từ data/plan.yaml; nộp đúng ngày hạn vẫn là đúng hạn.

\b
Ví dụ:
  kehoach status --year 2024
  kehoach status --year 2024 --by submission
  kehoach status --year 2024 --by task --status delayed
  kehoach status --year 2024 --by budget --format csv > kinh-phi-2024.csv
  kehoach status --year 2024 --format json
  kehoach status --year 2024 --check-deadline --as-of 2024-11-16   # cho CI
"""


def status(
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            "-y",
            help="Năm báo cáo. Mặc định: năm của --as-of.",
            show_default=False,
            min=2000,
            max=2200,
        ),
    ] = None,
    by: Annotated[
        StatusView | None,
        typer.Option(
            "--by",
            help="Chỉ một bảng: task (nhiệm vụ), submission (nộp báo cáo), indicator "
            "(chỉ tiêu), budget (kinh phí), unit (đơn vị).",
            show_default=False,
        ),
    ] = None,
    unit: Annotated[
        str | None, typer.Option("--unit", "-u", help="Chỉ đơn vị này (mã đơn vị).")
    ] = None,
    task: Annotated[
        str | None, typer.Option("--task", "-t", help="Chỉ nhiệm vụ này và các nhiệm vụ con.")
    ] = None,
    status_filter: Annotated[
        str | None,
        typer.Option(
            "--status",
            "-s",
            help="Lọc theo tình trạng nhiệm vụ (not_started, in_progress, done, delayed, "
            "cancelled) hoặc tình trạng nộp (on_time, late, pending, missing, invalid).",
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Tính hạn và số ngày theo ngày này (2024-11-16 hoặc 16/11/2024). "
            "Mặc định: hôm nay.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        StatusFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="table (mặc định; chữ thường không khung khi không in ra màn hình), csv "
            "(UTF-8 có BOM, mở bằng Excel), json, markdown.",
            show_default=False,
        ),
    ] = None,
    check_deadline: Annotated[
        bool,
        typer.Option(
            "--check-deadline",
            help="Mã thoát 1 nếu đã quá hạn mà còn đơn vị chưa nộp hoặc nộp muộn (cho CI).",
        ),
    ] = False,
    root: RootOption = None,
) -> None:
    workspace = open_workspace(root)
    today = parse_as_of(as_of)
    chosen_year = year or today.year

    from kehoach_cli.model.progress import STATUS_LABELS
    from kehoach_cli.status.views import (
        SUBMISSION_LABELS,
        VIEW_NAMES,
        Filters,
        attention,
        build_view,
    )

    data = load_year_or_exit(workspace, chosen_year, today)
    require_reporting_unit(data, unit)
    if task is not None and task not in data.index.tasks:
        fail_usage(f"không có nhiệm vụ '{task}'. Các nhiệm vụ: {', '.join(data.index.tasks)}.")
    allowed_status = [*STATUS_LABELS, *SUBMISSION_LABELS]
    if status_filter is not None and status_filter not in allowed_status:
        fail_usage(
            f"--status '{status_filter}' không hợp lệ. Dùng một trong: {', '.join(allowed_status)}."
        )

    report_skipped(data)
    if check_deadline:
        raise typer.Exit(_check_deadline(data))

    filters = Filters(unit=unit, task=task, status=status_filter)
    names = [by.value] if by else list(VIEW_NAMES)
    chosen = output_format.value if output_format else "table"
    if chosen == "csv" and by is None:
        typer.echo(
            "CSV chỉ chứa một bảng: đang in bảng nhiệm vụ; dùng --by để chọn bảng khác.", err=True
        )
        names = ["task"]
    views = [build_view(name, data, filters) for name in names]
    alerts = attention(data)
    if by is not None:
        views[0].notes.extend(alerts.lines())
    if not data.progress:
        years = ", ".join(str(y) for y in data.years_with_data()) or "chưa có"
        typer.echo(
            f"Chưa có tệp tiến độ hợp lệ nào cho năm {chosen_year} (các năm có dữ liệu: {years}).",
            err=True,
        )

    from kehoach_cli.cli import status_render as render

    document = data.plan.document
    number = f"{document.number or ''}/{document.symbol}"
    heading = f"{document.type.capitalize()} số {number}, năm {chosen_year}"
    overview_heading = (
        f"{heading}: {len(data.progress)}/{len(data.index.reporting_units)} đơn vị "
        "có báo cáo hợp lệ; "
        f"hạn nộp {data.deadline:%d/%m/%Y}, tính đến {today:%d/%m/%Y}."
    )
    if chosen == "json":
        meta = {
            "year": chosen_year,
            "as_of": today,
            "deadline": data.deadline,
            "attention": {
                "late_units": alerts.late_units,
                "delayed_tasks": alerts.delayed_tasks,
            },
        }
        sys.stdout.write(render.render_json(views, meta))
    elif chosen == "csv":
        sys.stdout.buffer.write(render.render_csv(views[0]).encode("utf-8"))
    elif chosen == "markdown":
        sys.stdout.write(render.render_markdown(views, heading, alerts.lines()))
    else:
        interactive = sys.stdout.isatty() and os.environ.get("TERM") != "dumb"
        width = None if interactive else int(os.environ.get("COLUMNS", "100") or 100)
        sys.stdout.write(
            render.render_rich(
                views,
                boxed=interactive,
                compact=by is None,
                width=width,
                heading="\n".join([overview_heading, *alerts.lines()]) if by is None else "",
            )
        )
    if data.skipped:  # shown what could be shown; the data still has problems
        raise typer.Exit(ExitCode.DATA_PROBLEMS)


def _check_deadline(data) -> int:  # type: ignore[no-untyped-def]
    from kehoach_cli import formatting as fmt
    from kehoach_cli.status.views import SUBMISSION_LABELS, deadline_failures, submission_of

    deadline = fmt.short_date(data.deadline)
    if data.as_of <= data.deadline:
        waiting = [
            u.label
            for u in data.index.reporting_units
            if submission_of(data, u.id).state != "on_time"
        ]
        days = (data.deadline - data.as_of).days
        typer.echo(
            f"Hạn nộp {deadline} chưa qua (còn {days} ngày). "
            f"Chưa nộp: {', '.join(waiting) or 'không'}."
        )
        return ExitCode.OK
    failures = deadline_failures(data)
    if not failures:
        typer.echo(f"Mọi đơn vị đã nộp báo cáo năm {data.year} đúng hạn {deadline}.")
        return ExitCode.OK
    typer.echo(f"Hạn nộp {deadline} đã qua; {len(failures)} đơn vị chưa đạt:")
    for sub in failures:
        unit = data.index.units[sub.unit]
        detail = SUBMISSION_LABELS[sub.state]
        if sub.state == "late":
            detail += f" {sub.days_late} ngày (nộp {fmt.short_date(sub.submitted_on)})"
        else:
            detail += f", quá hạn {sub.days_late} ngày"
        typer.echo(f"  - {unit.label} ({unit.id}): {detail}")
    return ExitCode.DATA_PROBLEMS
