"""`kehoach new`: a unit's progress file for a year, prefilled from the plan."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kehoach_cli.cli.common import RootOption, display_path, open_workspace
from kehoach_cli.cli.options import PeriodOption
from kehoach_cli.errors import DataProblem, UsageProblem, shortened
from kehoach_cli.os_errors import describe_os_error

if TYPE_CHECKING:
    from kehoach_cli.loading.workspace import Workspace
    from kehoach_cli.model.index import PlanIndex
    from kehoach_cli.model.plan import Plan, ReportingPeriod

HELP = """Tạo tệp báo cáo tiến độ data/progress/<năm>/<đơn vị>.yaml với mọi nhiệm vụ đơn vị chủ
trì hoặc phối hợp (tên nhiệm vụ ghi ở chú thích), các trường cần điền kèm chú thích về giá
trị cho phép. Không ghi đè tệp đã có.

\b
Ví dụ:
  kehoach new --unit phong-a --year 2025
  kehoach new -u phong-a -y 2025 && kehoach validate
  kehoach new -u phong-a -y 2025 --period 6-thang   # báo cáo 6 tháng (nếu kế hoạch có kỳ này)
"""


def new(
    unit: Annotated[
        str, typer.Option("--unit", "-u", help="Mã đơn vị (xem data/plan.yaml, mục units).")
    ],
    year: Annotated[int, typer.Option("--year", "-y", help="Năm báo cáo.", min=2000, max=2200)],
    period: PeriodOption = None,
    root: RootOption = None,
) -> None:
    workspace = open_workspace(root)
    from kehoach_cli.facts.selection import require_year_in_period
    from kehoach_cli.scaffold.progress_file import progress_file_text

    index = _plan_index(workspace)
    require_year_in_period(index.plan, year, workspace.plan_path)
    chosen = _period(index.plan, period)
    reporting = {u.id: u for u in index.reporting_units}
    if unit not in reporting:
        known = [f"  {u.id:<14} {u.name}" for u in reporting.values()]
        raise UsageProblem(f"không có đơn vị báo cáo '{shortened(unit)}'. Các đơn vị:", known)
    folder = None if chosen.whole_year else chosen.id  # checked ids from the plan
    target = workspace.progress_path(year, unit, folder)
    _refuse_existing(target)
    _create(target, progress_file_text(index, unit, year, chosen).encode("utf-8"))
    tasks = index.assigned_tasks(unit)
    typer.echo(
        f"Đã tạo {display_path(target)} với {len(tasks)} nhiệm vụ ({', '.join(tasks)}). "
        "Điền nội dung rồi chạy 'kehoach validate'.",
        err=True,
    )
    typer.echo(display_path(target))


def _plan_index(workspace: Workspace) -> PlanIndex:
    from kehoach_cli.checks.run import load_plan
    from kehoach_cli.model.index import PlanIndex

    plan, _ = load_plan(workspace)
    if plan is None:
        raise DataProblem("data/plan.yaml có lỗi. Chạy 'kehoach validate' để sửa.")
    return PlanIndex.build(plan)


def _period(plan: Plan, period_id: str | None) -> ReportingPeriod:
    chosen = plan.reporting.period(period_id)
    if chosen is None:
        known = ", ".join(p.id for p in plan.reporting.all_periods())
        raise UsageProblem(
            f"kế hoạch không có kỳ báo cáo '{shortened(period_id)}'. Các kỳ: {known}."
        )
    return chosen


def _refuse_existing(target: Path) -> None:
    """The unit's file of that year, as <unit>.yaml or <unit>.yml (a dangling link counts)."""
    for path in (target, target.with_suffix(".yml")):
        if path.exists() or path.is_symlink():
            raise UsageProblem(
                f"{display_path(path)} đã có; kehoach không ghi đè. Mở tệp đó để sửa."
            )


def _create(target: Path, content: bytes) -> None:
    """Create the file, never over one that appeared meanwhile (the clerk saved it)."""
    from kehoach_cli.atomic import write_new

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_new(target, content)
    except FileExistsError:  # saved by someone else between the check and the write
        _refuse_existing(target)
        raise
    except OSError as error:
        raise UsageProblem(
            f"không ghi được {display_path(target)}: {describe_os_error(error)}"
        ) from None
