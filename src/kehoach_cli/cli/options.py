"""Options that several commands share, declared once so that each command reads as
what it does: parse options → call the core → hand the result to a renderer."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

# where the fast validate path (no Typer) finds it too; the commands import it from here
from kehoach_cli.cli.issue_output import color_choice as color_choice

YearOption = Annotated[
    int | None,
    typer.Option(
        "--year",
        "-y",
        help="Năm báo cáo. Mặc định: năm của --as-of.",
        show_default=False,
        min=2000,
        max=2200,
    ),
]
RequiredYearOption = Annotated[
    int, typer.Option("--year", "-y", help="Năm báo cáo.", min=2000, max=2200)
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Tính như vào ngày này (2024-11-16 hoặc 16/11/2024): chỉ báo cáo gửi đến ngày "
        "này được tính, hạn và số ngày tính theo ngày này. Mặc định: hôm nay.",
        show_default=False,
    ),
]
DocumentDateOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        help="Ngày ghi trên văn bản (2024-12-05 hoặc 05/12/2024), tách khỏi --as-of. Mặc "
        "định: hôm nay; báo cáo riêng của đơn vị: ngày đơn vị gửi (submitted_on), vì văn bản "
        "không thể mang ngày sau ngày đã gửi.",
        show_default=False,
    ),
]
PeriodOption = Annotated[
    str | None,
    typer.Option(
        "--period",
        "-p",
        help="Kỳ báo cáo (mã trong reporting.periods của data/plan.yaml, ví dụ 6-thang). "
        "Mặc định: báo cáo năm.",
        show_default=False,
    ),
]
TaskOption = Annotated[
    str | None, typer.Option("--task", "-t", help="Chỉ nhiệm vụ này và các nhiệm vụ con.")
]


class StatusView(str, Enum):
    task = "task"
    submission = "submission"
    indicator = "indicator"
    budget = "budget"
    unit = "unit"


class StatusFormat(str, Enum):
    """The names of status/render.py's FORMATS registry (a test keeps them equal); listed
    here so that the CLI starts without importing the renderers."""

    table = "table"
    csv = "csv"
    json = "json"
    markdown = "markdown"
    xlsx = "xlsx"


ByOption = Annotated[
    StatusView | None,
    typer.Option(
        "--by",
        help="Chỉ một bảng: task (nhiệm vụ), submission (gửi báo cáo), indicator (chỉ tiêu), "
        "budget (kinh phí), unit (đơn vị).",
        show_default=False,
    ),
]
StatusFilterOption = Annotated[
    str | None,
    typer.Option(
        "--status",
        "-s",
        help="Lọc theo tình trạng nhiệm vụ (not_started, in_progress, done, delayed, "
        "cancelled) hoặc tình trạng gửi báo cáo (on_time, late, pending, missing, draft, "
        "invalid).",
    ),
]
StatusFormatOption = Annotated[
    StatusFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="table (mặc định; chữ thường không khung khi không in ra màn hình), csv "
        "(một bảng, UTF-8 có BOM), json, markdown, xlsx (sổ Excel, mỗi bảng một trang; "
        "cần -o TỆP.xlsx).",
        show_default=False,
    ),
]
StatusOutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Ghi kết quả vào tệp này (ghi trọn vẹn hoặc không ghi) thay vì in ra; bắt buộc "
        "với --format xlsx. '-' là đầu ra chuẩn (không dùng cho xlsx khi là màn hình).",
        show_default=False,
        dir_okay=False,
    ),
]
# Two flags rather than one '--color/--no-color' declaration: the fast help path
# (cli/help_text.py) reads plain flags only. color_choice() makes them one answer.
ColorOption = Annotated[
    bool,
    typer.Option(
        "--color",
        help="Tô màu kể cả khi không in ra màn hình hoặc khi NO_COLOR được đặt (như biến "
        "môi trường FORCE_COLOR).",
    ),
]
NoColorOption = Annotated[
    bool,
    typer.Option(
        "--no-color",
        help="Không tô màu (như biến môi trường NO_COLOR). Mặc định: tô màu khi in ra màn "
        "hình, trừ khi NO_COLOR được đặt hoặc TERM=dumb; FORCE_COLOR: tô màu cả khi không "
        "in ra màn hình.",
    ),
]


CheckDeadlineOption = Annotated[
    bool,
    typer.Option(
        "--check-deadline",
        help="Mã thoát 1 nếu đã quá hạn mà còn đơn vị chưa gửi, gửi muộn hoặc tệp có lỗi (cho CI).",
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Tệp .docx cần ghi. Mặc định: bao-cao-<năm>[-<đơn vị>].docx ở thư mục hiện tại.",
        show_default=False,
        dir_okay=True,
    ),
]
TemplateOption = Annotated[
    Path | None,
    typer.Option(
        "--template",
        help="Mẫu Word (.docx có thẻ Jinja) thay cho mẫu mặc định.",
        exists=True,
        dir_okay=False,
    ),
]
DraftOption = Annotated[
    bool,
    typer.Option(
        "--draft",
        help="Vẫn ghi báo cáo khi có tệp lỗi; văn bản được đánh dấu DỰ THẢO ở trang đầu và "
        "đầu mọi trang để không ký nhầm.",
    ),
]
