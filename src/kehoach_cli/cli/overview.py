"""What `kehoach` alone prints: the workspace at a glance and the main commands."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kehoach_cli.model.citation import plan_citation

if TYPE_CHECKING:
    from kehoach_cli.facts import YearData

COMMANDS = """\
Lệnh chính:
  kehoach new --unit <mã> --year <năm>   tạo tệp báo cáo tiến độ của đơn vị
  kehoach validate                       kiểm tra dữ liệu (dùng trước khi commit)
  kehoach status --year <năm>            ai đã nộp, nhiệm vụ đến đâu
  kehoach report --year <năm>            báo cáo năm (.docx) để trình ký
  kehoach init <thư mục>                 tạo kho dữ liệu mới
Xem thêm: kehoach --help, kehoach <lệnh> --help"""


def overview_text(root: Path | None, today: date) -> str:
    from kehoach_cli.facts import PlanUnusable, load_year
    from kehoach_cli.loading.workspace import WorkspaceNotFound, find_workspace

    try:
        workspace = find_workspace(Path.cwd(), root)
    except WorkspaceNotFound:
        return (
            "kehoach: theo dõi và báo cáo thực hiện kế hoạch từ các tệp YAML trong git.\n"
            "Thư mục này chưa phải kho dữ liệu (không có data/plan.yaml). "
            "Tạo kho mới bằng 'kehoach init <thư mục>'.\n\n" + COMMANDS
        )
    try:
        data = load_year(workspace, today.year, today)
    except PlanUnusable:
        return "data/plan.yaml có lỗi: chạy 'kehoach validate' để xem và sửa.\n\n" + COMMANDS
    if today > data.deadline:
        data = load_year(workspace, today.year + 1, today)
    document = data.plan.document
    years = ", ".join(str(year) for year in data.years_with_data()) or "chưa có"
    title = " ".join(document.title.split())
    if len(title) > 90:
        title = title[:89].rsplit(" ", 1)[0] + " …"
    lines = [
        f"{plan_citation(document)}: {title}",
        f"Thư mục dữ liệu: {workspace.root}",
        f"Năm có báo cáo tiến độ: {years}",
        _next_deadline(data, today),
        "",
        COMMANDS,
    ]
    return "\n".join(lines)


def _next_deadline(data: YearData, today: date) -> str:
    """The next deadline and who has not sent yet; after the plan's last year, none."""
    from kehoach_cli import formatting as fmt
    from kehoach_cli.facts import year_facts

    period = data.plan.period
    if period is not None and data.year > period.end:
        return f"Kế hoạch thực hiện đến năm {period.end}: không còn hạn nộp báo cáo nào."
    waiting = [s.unit.label for s in year_facts(data).uncounted]
    days = (data.deadline - today).days
    return (
        f"Hạn nộp tiếp theo: {fmt.short_date(data.deadline)} (còn {days} ngày); "
        f"chưa gửi báo cáo năm {data.year}: {', '.join(waiting) or 'không còn đơn vị nào'}."
    )
