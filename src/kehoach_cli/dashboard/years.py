"""One page across several years of the plan (`kehoach dashboard --years 2023-2025`): per
year the reports sent, the overall progress with its base, the tasks done and the money
spent against the estimate; then the indicators over the years. Each year's figures are
that year's facts, as its own page shows them."""

from __future__ import annotations

from decimal import Decimal

from kehoach_cli import formatting as fmt
from kehoach_cli.dashboard import charts
from kehoach_cli.dashboard.markup import cell, element, table, text
from kehoach_cli.dashboard.pace import money_words, overall
from kehoach_cli.dashboard.page import Provenance, data_line, fill, page_context
from kehoach_cli.dashboard.sections import figure, indicators, section
from kehoach_cli.facts.model import YearFacts

NAVIGATION = [("cac-nam", "Theo năm"), ("chi-tieu", "Chỉ tiêu")]


def _row(facts: YearFacts) -> str:
    found = overall(facts)
    progress = (
        f"{fmt.percent(fmt.round_half_up(found.progress, 0))} ({found.reported}/{found.tasks})"
        if found.progress is not None
        else "chưa rõ"
    )
    rate, money = money_words(facts.budget_total, len(facts.counted_units))
    sent = f"{len(facts.counted_units)}/{len(facts.submissions)}"
    return element(
        "tr",
        cell(text(facts.year), "Năm")
        + cell(text(sent), "Đã gửi báo cáo", class_="num")
        + cell(text(progress), "Tiến độ chung", class_="num")
        + cell(text(f"{found.done}/{found.tasks}"), "Nhiệm vụ hoàn thành", class_="num")
        + cell(text(rate), "Giải ngân / dự toán", class_="num")
        + cell(text(money), "Kinh phí"),
        data_year=facts.year,
    )


def _chart_rows(years: list[YearFacts]) -> list[tuple[int, Decimal | None, Decimal | None]]:
    return [(f.year, overall(f).progress, f.budget_total.rate) for f in years]


def across_years(years: list[YearFacts]) -> str:
    below = table(
        "Tiến độ, hoàn thành và giải ngân theo năm",
        [
            "Năm",
            "Đã gửi báo cáo",
            "Tiến độ chung",
            "Nhiệm vụ hoàn thành",
            "Giải ngân / dự toán",
            "Kinh phí",
        ],
        [_row(facts) for facts in years],
        numeric={1, 2, 3, 4},
        class_="data stack",
    )
    drawing = figure(
        charts.years(_chart_rows(years)),
        "Tiến độ chung và tỷ lệ giải ngân theo năm (%)",
        below,
    )
    return section(
        "cac-nam",
        "Theo năm",
        drawing,
        "Mỗi năm theo báo cáo đã gửi của năm đó, tính đến cùng một ngày. Tiến độ chung: "
        "bình quân tiến độ các nhiệm vụ có báo cáo (số có báo cáo/tổng số); giải ngân chỉ "
        "nêu tỷ lệ khi mọi khoản đều có số.",
    )


def render_years(years: list[YearFacts], provenance: Provenance, template: str | None) -> bytes:
    """The page for `years` (each year's facts, in order), as UTF-8 bytes."""
    last = years[-1]
    document = last.plan.document
    span = f"{years[0].year}–{last.year}" if len(years) > 1 else f"năm {last.year}"
    name = f"{document.type.capitalize()} số {document.number or '…'}/{document.symbol}"
    title = f"Theo dõi thực hiện {name} — các năm {span}"
    context = page_context(
        title=title,
        facts=last,
        subtitle=f"Tính đến {fmt.short_date(last.as_of)}",
        navigation=NAVIGATION,
        sections=[across_years(years), indicators(last)],
        footer_lines=[
            ("as-of", f"Số liệu tính đến {fmt.long_date(last.as_of)}."),
            ("provenance", f"Tạo bởi kehoach {provenance.version}; {data_line(provenance)}."),
            ("rule", "Chỉ báo cáo đã gửi được tính. “Chưa rõ”: chưa có số liệu, không phải 0."),
        ],
        provenance=provenance,
    )
    return fill(context, template)
