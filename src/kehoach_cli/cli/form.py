"""`kehoach form`: a unit's progress form as an Excel workbook (.xlsx), to fill and import."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kehoach_cli.cli.common import RootOption, display_path, open_workspace
from kehoach_cli.cli.options import PeriodOption
from kehoach_cli.errors import UsageProblem
from kehoach_cli.os_errors import describe_os_error

HELP = """Tạo biểu mẫu Excel (.xlsx) báo cáo tiến độ của một đơn vị: trang hướng dẫn, trang
nhiệm vụ đơn vị chủ trì hoặc phối hợp (tình trạng chọn trong danh sách, tiến độ 0–100,
kết quả, khó khăn, đề xuất, nhiệm vụ năm sau) và trang hoạt động chi tiết. Điền xong, nhập
lại bằng 'kehoach import'.

\b
Ví dụ:
  kehoach form --unit phong-a --year 2025                 # bieu-mau-phong-a-2025.xlsx
  kehoach form -u phong-a -y 2025 -o /tmp/phong-a.xlsx
  kehoach form -u phong-a -y 2025 --period 6-thang        # báo cáo 6 tháng (nếu kế hoạch có kỳ này)
"""


def form(
    unit: Annotated[
        str, typer.Option("--unit", "-u", help="Mã đơn vị (xem data/plan.yaml, mục units).")
    ],
    year: Annotated[int, typer.Option("--year", "-y", help="Năm báo cáo.", min=2000, max=2200)],
    period: PeriodOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Tệp .xlsx cần ghi. Mặc định: bieu-mau-<đơn vị>-<năm>[-<kỳ>].xlsx ở thư mục "
            "hiện tại.",
            show_default=False,
        ),
    ] = None,
    root: RootOption = None,
) -> None:
    workspace = open_workspace(root)
    from kehoach_cli.atomic import write_atomic
    from kehoach_cli.facts.selection import require_year_in_period
    from kehoach_cli.forms.importing import choose_period, plan_index, require_unit, unit_form

    index = plan_index(workspace)
    require_year_in_period(index.plan, year, workspace.plan_path)
    chosen = choose_period(index, period)
    require_unit(index, unit)
    suffix = "" if chosen.whole_year else f"-{chosen.id}"
    target = output or Path(f"bieu-mau-{unit}-{year}{suffix}.xlsx")
    if target.suffix.lower() != ".xlsx" or target.is_dir():
        raise UsageProblem(f"tệp biểu mẫu phải là một tệp .xlsx: {display_path(target)}")
    try:
        data, existing, source = unit_form(workspace, index, unit, year, chosen)
        write_atomic(target, data)
    except OSError as error:
        raise UsageProblem(
            f"không ghi được {display_path(target)}: {describe_os_error(error)}"
        ) from None
    tasks = index.assigned_tasks(unit)
    typer.echo(f"Đã tạo biểu mẫu với {len(tasks)} nhiệm vụ ({', '.join(tasks)}).", err=True)
    if source is not None:
        filled = "đã điền sẵn nội dung của" if existing else "không điền sẵn được vì có lỗi:"
        typer.echo(f"Biểu mẫu {filled} {display_path(source)}.", err=True)
    typer.echo(display_path(target))
