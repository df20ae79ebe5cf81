"""`kehoach dashboard`: one HTML file to look at, for people and for the Pages site."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kehoach_cli import __version__
from kehoach_cli.cli.common import (
    ExitCode,
    RootOption,
    display_path,
    fail_usage,
    open_workspace,
    parse_as_of,
)
from kehoach_cli.cli.options import AsOfOption, PeriodOption, YearOption
from kehoach_cli.cli.output_path import check_output_path
from kehoach_cli.cli.year_data import load_year_data, report_skipped
from kehoach_cli.errors import DataProblem
from kehoach_cli.os_errors import describe_os_error

if TYPE_CHECKING:
    from kehoach_cli.loading.workspace import Workspace

HELP = """Tạo trang theo dõi (một tệp .html) để xem nhanh: số đơn vị đã gửi, đúng hạn, gửi
muộn, chưa gửi; ngày gửi của từng đơn vị so với hạn; tiến độ từng nhiệm vụ; biểu đồ chỉ
tiêu với mục tiêu và ước tính; dự toán và giải ngân theo đơn vị, theo nhiệm vụ.

Tệp mở được khi không có mạng (không tải gì từ ngoài, không có JavaScript), đọc được
trên điện thoại và máy chiếu, in ra khổ A4. Mẫu trang: --template, hoặc
templates/dashboard.html.j2 của thư mục dữ liệu, hoặc mẫu mặc định. Chỉ báo cáo đã
gửi (có submitted_on, không sau --as-of) được tính; kinh phí của đơn vị chưa gửi ghi
"chưa rõ". Tệp tiến độ có lỗi được bỏ qua và nêu trên trang (mã thoát 1).

\b
Ví dụ:
  kehoach dashboard --year 2024                  # ghi theo-doi-2024.html
  kehoach dashboard --year 2024 -o public/index.html
  kehoach dashboard --year 2024 --as-of 2024-11-20
  kehoach dashboard --years 2023-2025            # một trang cho cả ba năm
  kehoach dashboard --years all                  # cả kỳ kế hoạch
  kehoach dashboard --year 2024 --template mau-trang.html.j2
"""

PageTemplateOption = Annotated[
    Path | None,
    typer.Option(
        "--template",
        help="Mẫu trang (Jinja2, .html.j2) thay cho templates/dashboard.html.j2 của thư mục "
        "dữ liệu hoặc mẫu mặc định.",
        exists=True,
        dir_okay=False,
    ),
]
YearsOption = Annotated[
    str | None,
    typer.Option(
        "--years",
        help="Một trang cho nhiều năm: 2023-2025, hoặc 'all' cho cả kỳ kế hoạch (kế hoạch "
        "không ghi kỳ: các năm có tệp tiến độ): chỉ tiêu, hoàn thành, giải ngân theo năm.",
        show_default=False,
    ),
]
HtmlOutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Tệp .html cần ghi. Mặc định: theo-doi-<năm>.html ở thư mục hiện tại.",
        show_default=False,
        dir_okay=True,
    ),
]


def dashboard(
    year: YearOption = None,
    years: YearsOption = None,
    output: HtmlOutputOption = None,
    template: PageTemplateOption = None,
    as_of: AsOfOption = None,
    period: PeriodOption = None,
    root: RootOption = None,
) -> None:
    workspace = open_workspace(root)
    today = parse_as_of(as_of)
    chosen = year or today.year
    if years is not None and year is not None:
        fail_usage("chọn --year (một năm) hoặc --years (nhiều năm), không dùng cả hai.")
    name = f"theo-doi-{chosen}.html" if years is None else "theo-doi-cac-nam.html"
    from kehoach_cli.dashboard.template import resolve_template

    chosen_template = resolve_template(template, workspace.templates_dir)
    target = check_output_path(
        output or Path(name),
        workspace.root,
        suffixes=(".html", ".htm"),
        document="trang theo dõi",
        keep=(Path(str(chosen_template)),),
    )
    text = _template_text(chosen_template)

    if years is None:
        page, broken = _year_page(workspace, chosen, today, period, text)
    else:
        from kehoach_cli.report.data_commit import DataCommitProbe

        with DataCommitProbe(workspace.root) as probe:  # reads .git while the data loads
            page, broken = _years_page(workspace, years, today, period, text, probe)
    _write(target, page)
    typer.echo(f"Đã ghi {display_path(target)} ({len(page) // 1024} KB).", err=True)
    sys.stdout.write(f"{target}\n")
    if broken:  # shown what could be shown; the data still has problems
        raise typer.Exit(ExitCode.DATA_PROBLEMS)


def _template_text(source: Any) -> str:
    from kehoach_cli.dashboard.template import PageTemplateProblem, read_template

    try:
        return read_template(source)
    except PageTemplateProblem as error:
        fail_usage(f"mẫu trang {source}: {error}")


def _provenance(probe: Any) -> Any:
    from kehoach_cli.dashboard import Provenance

    origin = probe.result()
    stamp = datetime.now(UTC).astimezone()
    return Provenance(__version__, origin.commit, origin.dirty, stamp)


def _render(make: Any, *args: Any) -> bytes:
    """The page, or the template's problem as a data problem that names the template."""
    from kehoach_cli.dashboard.template import PageTemplateProblem

    try:
        page: bytes = make(*args)
    except PageTemplateProblem as error:
        raise DataProblem(f"mẫu trang theo dõi: {error}", []) from None
    return page


def _year_page(
    workspace: Workspace, year: int, today: date, period: str | None, text: str
) -> tuple[bytes, bool]:
    from kehoach_cli.cli import previous_period as previous
    from kehoach_cli.dashboard import render_dashboard
    from kehoach_cli.facts import year_facts
    from kehoach_cli.facts.selection import require_year_in_period
    from kehoach_cli.report.data_commit import DataCommitProbe

    # the period before, for the change since then: begun before the probe's thread starts
    # (a fork copies no thread) and, on a large workspace, in a second process while this
    # one loads the page's year; always collected, so that no process outlives the command
    before = previous.start(workspace, year - 1, today, period)
    try:
        with DataCommitProbe(workspace.root) as probe:  # reads .git while the data loads
            data = load_year_data(workspace, year, today, period)
            require_year_in_period(data.plan, year, workspace.plan_path)
            report_skipped(data)
            facts = year_facts(data)
            summary = before()
            provenance = _provenance(probe)
    finally:
        before()
    page = _render(render_dashboard, facts, provenance, facts.label, text, summary)
    return page, bool(data.broken)


def _years_page(
    workspace: Workspace, years: str, today: date, period: str | None, text: str, probe: Any
) -> tuple[bytes, bool]:
    from kehoach_cli.dashboard.years import render_years
    from kehoach_cli.facts import year_facts
    from kehoach_cli.facts.selection import require_year_in_period

    start, end = _year_range(years, workspace, today, period)
    found = []
    broken = False
    for one in range(start, end + 1):
        data = load_year_data(workspace, one, today, period)
        require_year_in_period(data.plan, one, workspace.plan_path)
        report_skipped(data)
        broken = broken or bool(data.broken)
        found.append(year_facts(data))
    return _render(render_years, found, _provenance(probe), text), broken


def _year_range(
    words: str, workspace: Workspace, today: date, period: str | None
) -> tuple[int, int]:
    """'2023-2025', '2024' or 'all' (the plan's period) as (first, last)."""
    cleaned = words.strip().lower().replace("–", "-").replace(" ", "")
    if cleaned in ("all", "tat-ca", ""):
        # the plan's period; for a plan that gives none, the years that have reports
        data = load_year_data(workspace, today.year, today, period)
        if data.plan.period is not None:
            return int(data.plan.period.start), int(data.plan.period.end)
        if not data.years_present:
            fail_usage("chưa có năm nào có tệp tiến độ: ghi --years 2023-2025.")
        return min(data.years_present), max(data.years_present)
    first, _, last = cleaned.partition("-")
    if not (first.isdigit() and (not last or last.isdigit())):
        fail_usage(f"--years '{words}' không hợp lệ: ghi như 2023-2025, hoặc all (cả kỳ).")
    start, end = int(first), int(last or first)
    if not (2000 <= start <= end <= 2200) or end - start > 30:
        fail_usage(f"--years '{words}': năm đầu phải trước năm cuối, trong khoảng 2000–2200.")
    return start, end


def _write(target: Path, page: bytes) -> None:
    from kehoach_cli.atomic import write_atomic

    try:
        write_atomic(target, page)
    except OSError as error:
        fail_usage(f"không ghi được {display_path(target)}: {describe_os_error(error)}")
