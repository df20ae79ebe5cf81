"""The page's charts, drawn by pygal as inline SVG.

pygal is imported on first use, so only `kehoach dashboard` pays for it. What pygal adds
for its interactive mode is removed from each chart: the <script> elements (its
configuration, and the tooltip script it would fetch) and its comments. The charts are
then static drawings that need no network and no JavaScript. Every chart is given a text
alternative (role="img", aria-label); the page puts a real table under each one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kehoach_cli import formatting as fmt

if TYPE_CHECKING:
    from kehoach_cli.facts.model import IndicatorFacts, YearFacts

# Okabe–Ito colours: told apart by people with any colour vision; never the only signal
# (every series is named in the legend and its points carry printed labels).
BLUE = "#0072B2"
SKY = "#56B4E9"
GREEN = "#009E73"
ORANGE = "#E69F00"
VERMILION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#6B6B6B"
INK = "#1A1A1A"

FONT = 'system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif'
# The drawing's own width, scaled to the page: on a 390 px phone a chart gets ~346 px, so
# 16-unit text is drawn at 16 × 346 / 440 ≈ 12.6 px (12 px at the least, checked in Chromium).
WIDTH = 440
TEXT = 16  # every text of a chart: labels, values, legend
ROW = 34  # height per unit or task in the horizontal charts


@dataclass
class Series:
    """One series as pygal takes it, with its colour (the legend keeps the order)."""

    title: str
    color: str
    values: list[Any]
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class Chart:
    """An SVG drawing and the sentence that says what it shows."""

    svg: str
    alternative: str


def _pygal() -> Any:
    import pygal  # type: ignore[import-untyped]  # ships no type information

    return pygal


def _strip_interactive(root: Any) -> Any:
    """Remove pygal's <script> elements and comments (an xml_filter of pygal)."""
    for parent in list(root.iter()):
        for child in list(parent):
            tag = child.tag
            if callable(tag) or (isinstance(tag, str) and tag.rsplit("}", 1)[-1] == "script"):
                parent.remove(child)
    return root


def _style(colors: list[str]) -> Any:
    from pygal.style import Style  # type: ignore[import-untyped]

    return Style(
        background="transparent",
        plot_background="transparent",
        foreground=INK,
        foreground_strong=INK,
        foreground_subtle="#C8C8C8",
        opacity="1",
        opacity_hover="1",
        stroke_opacity="1",
        stroke_opacity_hover="1",
        stroke_width="2.5",
        stroke_width_hover="2.5",
        transition="none",
        colors=tuple(colors),
        font_family=FONT,
        label_font_size=TEXT,
        major_label_font_size=TEXT,
        value_font_size=TEXT,
        value_label_font_size=TEXT,
        legend_font_size=TEXT,
        title_font_size=TEXT,
        no_data_font_size=TEXT,
        guide_stroke_dasharray="2,3",
        major_guide_stroke_dasharray="2,3",
    )


def _full_names(root: Any, names: dict[str, str]) -> None:
    """Give every text cut short its whole name as an SVG <title> (a tooltip, and what a
    screen reader reads); `names` maps the shown text to the whole one."""
    from pygal.etree import etree  # type: ignore[import-untyped]

    for node in list(root.iter()):
        tag = node.tag
        if isinstance(tag, str) and tag.rsplit("}", 1)[-1] == "text" and node.text in names:
            title = etree.SubElement(node, "title")
            title.text = names[node.text]


def draw(
    kind: str,
    name: str,
    series: list[Series],
    alternative: str,
    names: dict[str, str] | None = None,
    **config: Any,
) -> Chart:
    """Draw `series` with the pygal chart class `kind`; `name` makes the SVG's id (ids stay
    the same from run to run, so the page is reproducible); `names` are the whole names of
    labels shown shortened."""
    pygal = _pygal()
    settings: dict[str, Any] = {
        "style": _style([s.color for s in series]),
        "js": [],
        "disable_xml_declaration": True,
        "legend_at_bottom": True,
        "legend_at_bottom_columns": 1,
        "truncate_legend": -1,
        "truncate_label": -1,
        "width": WIDTH,
        "margin": 12,
        "spacing": 12,
        "no_data_text": "Chưa có số liệu",
    }
    chart = getattr(pygal, kind)(**(settings | config))
    chart.uuid = name
    chart.add_xml_filter(_strip_interactive)
    for one in series:
        chart.add(one.title, one.values, **one.options)
    root = chart.render_tree()
    root.set("role", "img")
    root.set("aria-label", alternative)
    for element in root.iter():  # pygal titles an untitled chart "Pygal": say what it shows
        tag = element.tag
        if isinstance(tag, str) and tag.rsplit("}", 1)[-1] == "title" and element.text == "Pygal":
            element.text = alternative
    root.set("class", "pygal-chart chart-svg")
    _full_names(root, names or {})
    from pygal.etree import etree

    return Chart(etree.tostring(root, encoding="unicode"), alternative)


# ---------------------------------------------------------------- submissions


CHAR = 0.56 * TEXT  # the width of an average character of the charts' text, in units


def _ticks(low: int, high: int, deadline: date, plot: float) -> list[dict[str, Any]]:
    """Date ticks with their year (dd/mm/yyyy: a past year never reads as time running
    backwards), the deadline among them, as many as `plot` (the plot's width in drawing
    units) holds with a whole date's width and a gap between two of them."""
    room = int(plot // (11 * CHAR + TEXT)) or 1
    step = max(1, -(-(high - low) // room))
    first = -((-low) // step) * step if low < 0 else low + (-low % step)
    return [
        {"label": fmt.short_date(deadline + timedelta(days=offset)), "value": offset}
        for offset in range(first, high + 1, step)
        if low <= offset <= high
    ]


_WAITING = {"pending": "waiting", "missing": "missing", "draft": "other", "invalid": "other"}
_SHORT = {"pending": "chưa gửi", "missing": "chưa gửi", "draft": "bản nháp", "invalid": "tệp lỗi"}


# long: one series per kind of submission, each point placed and labelled; splitting it
# would scatter the one picture over several functions.
def timeline(facts: YearFacts) -> Chart:
    """Each unit's date sent, in days from the deadline; units that have not sent stand
    at the as-of date with what they are (chưa gửi, bản nháp, tệp có lỗi)."""
    deadline, as_of, count = facts.deadline, facts.as_of, len(facts.submissions)
    today = (as_of - deadline).days
    points: dict[str, list[dict[str, Any]]] = {
        key: [] for key in ("on_time", "late", "waiting", "missing", "other")
    }
    offsets = [0, today]
    for position, sub in enumerate(facts.submissions):
        row = count - position
        if sub.counted and sub.submitted_on is not None:
            offset = (sub.submitted_on - deadline).days
            offsets.append(offset)
            late = f" (+{sub.days_late} ngày)" if sub.days_late else ""
            label = f"{sub.submitted_on:%d/%m}{late}"
            points[sub.state.value].append({"value": (offset, row), "label": label})
        else:
            label = _SHORT[sub.state.value]
            points[_WAITING[sub.state.value]].append({"value": (today, row), "label": label})
    span = max(offsets) - min(offsets)
    # room on the right for the labels printed beside the last points
    low, high = min(offsets) - max(2, span // 8), max(offsets) + max(4, span * 2 // 5)
    line = {"stroke": True, "show_dots": False, "print_labels": False}
    series = [
        Series("Đúng hạn", GREEN, points["on_time"]),
        Series("Gửi muộn", ORANGE, points["late"]),
        Series("Chưa gửi, chưa đến hạn", SKY, points["waiting"]),
        Series("Chưa gửi, quá hạn", VERMILION, points["missing"]),
        Series("Bản nháp hoặc tệp có lỗi", PURPLE, points["other"]),
    ]
    series = [s for s in series if s.values]
    series.append(
        Series(
            f"Hạn nộp {fmt.short_date(deadline)}",
            INK,
            [(0, 0.5), (0, count + 0.5)],
            {**line, "stroke_style": {"width": 2, "dasharray": "8,5"}},
        )
    )
    if today != 0:
        series.append(
            Series(
                f"Ngày tính {fmt.short_date(as_of)}",
                BLUE,
                [(today, 0.5), (today, count + 0.5)],
                {**line, "stroke_style": {"width": 2, "dasharray": "2,4"}},
            )
        )
    units = [
        {"label": _short(sub.unit.label, NAME_CHARS), "value": count - i}
        for i, sub in enumerate(facts.submissions)
    ]
    names = _cut({sub.unit.label: _short(sub.unit.label, NAME_CHARS) for sub in facts.submissions})
    sent = sum(sub.counted for sub in facts.submissions)
    alternative = (
        f"Biểu đồ ngày gửi báo cáo của {count} đơn vị so với hạn nộp "
        f"{fmt.short_date(deadline)}: {sent} đơn vị đã gửi. Số liệu chi tiết ở bảng dưới."
    )
    return draw(
        "XY",
        "gui-bao-cao",
        series,
        alternative,
        names,
        height=170 + ROW * count,
        legend_at_bottom_columns=1,
        stroke=False,
        dots_size=7,
        print_labels=True,
        xrange=(low, high),
        range=(0.5, count + 0.5),
        x_labels=_ticks(low, high, deadline, _plot_width(units)),
        y_labels=units,
        show_x_guides=True,
        show_y_guides=False,
        show_minor_x_labels=True,
    )


# ---------------------------------------------------------------- indicators


def _number(value: float) -> str:
    return fmt.decimal(fmt.round_half_up(Decimal(repr(value)), 2))


def _year_ticks(start: int, end: int) -> list[dict[str, Any]]:
    """Years on the axis: every year, or every other one on a long period; the last
    year of the period always."""
    # at the chart's width, four-digit years need room: every third one past 5 years
    span = end - start
    step = 1 if span <= 4 else 2 if span <= 8 else 3
    years = [*range(start, end + 1, step)]
    if years[-1] != end:
        years.append(end)
    return [{"label": str(year), "value": year} for year in years]


def _indicator_alternative(facts: IndicatorFacts) -> str:
    plan = facts.indicator
    unit = plan.unit_of_measure
    shown = "; ".join(f"{y}: {fmt.quantity(v, unit)}" for y, v in facts.values.items())
    projection = facts.projection
    estimate = (
        f"; ước tính năm {projection.end_year}: "
        f"{fmt.quantity(fmt.round_half_up(projection.projected, 1), unit)}"
        if projection
        else ""
    )
    return (
        f"Biểu đồ chỉ tiêu {plan.name}: giá trị theo năm ({shown or 'chưa có'}); mục tiêu "
        f"{fmt.quantity(plan.target, unit)}, cuối kỳ năm {plan.period.end}{estimate}."
    )


# long: the readings, the target line, the end of the period and the projection are four
# parts of one drawing, each with its label.
def indicator(facts: IndicatorFacts) -> Chart:
    """Yearly values (solid), the target (long dashes) across the period, the end of the
    period (a vertical line), and the projection (short dashes, called an estimate)."""
    from kehoach_cli.facts.labels import COMPARISON_WORDS

    plan = facts.indicator
    unit = plan.unit_of_measure
    values = facts.values
    start = min([plan.period.start, *values])
    end = max([plan.period.end, *values])
    target = float(plan.target)
    projection = facts.projection
    heights = [target, *(float(v) for v in values.values())]
    if projection is not None:
        heights.append(float(projection.projected))
    low, high = min(heights), max(heights)
    pad = (high - low) * 0.12 or abs(high) * 0.1 or 1.0
    low, high = low - pad, high + pad
    series = [
        Series(
            "Thực hiện",
            BLUE,
            [
                {"value": (year, float(value)), "label": fmt.quantity(value, unit)}
                for year, value in values.items()
            ],
            {"stroke_style": {"width": 3}, "dots_size": 5},
        ),
        Series(
            f"Mục tiêu: {COMPARISON_WORDS[plan.comparison.value]} "
            f"{fmt.quantity(plan.target, unit)}",
            GREEN,
            # a one-year period still gets a line to see, half a year either side
            [(start - (start == end) * 0.5, target), (end + (start == end) * 0.5, target)],
            {"show_dots": False, "stroke_style": {"width": 2.5, "dasharray": "12,6"}},
        ),
    ]
    if projection is not None:
        latest = values[projection.to_year]
        estimate = fmt.quantity(fmt.round_half_up(projection.projected, 1), unit)
        series.append(
            Series(
                f"Ước tính đến {projection.end_year} (không phải số liệu)",
                ORANGE,
                [
                    (projection.to_year, float(latest)),
                    {
                        "value": (projection.end_year, float(projection.projected)),
                        "label": f"ước tính {estimate}",
                    },
                ],
                {"dots_size": 4, "stroke_style": {"width": 2.5, "dasharray": "3,5"}},
            )
        )
    series.append(
        Series(
            f"Cuối kỳ: năm {plan.period.end}",
            GREY,
            [(plan.period.end, low), (plan.period.end, high)],
            {"show_dots": False, "stroke_style": {"width": 1.5, "dasharray": "1,3"}},
        )
    )
    return draw(
        "XY",
        f"chi-tieu-{plan.id}",
        series,
        _indicator_alternative(facts),
        height=400,
        legend_at_bottom_columns=1,
        x_labels=_year_ticks(start, end),
        # room on the right for the estimate's label printed beside its last point
        xrange=(start - 0.5, end + 0.3 + (end - start + 1) * 0.5),
        range=(low, high),
        y_labels=_round_ticks(low, high),
        print_labels=True,
        value_formatter=_number,
        show_x_guides=False,
    )


# ---------------------------------------------------------------- money


NAME_CHARS = 18  # a name beside a chart: the rest is in its <title> and in the table


def _plot_width(labels: list[dict[str, Any]]) -> float:
    """What is left of the drawing's width for the plot beside the longest axis label."""
    longest = max((len(label["label"]) for label in labels), default=0)
    return WIDTH - 2 * 12 - longest * CHAR - 2 * TEXT


def _cut(shown: dict[str, str]) -> dict[str, str]:
    """shown text → whole name, for the names that were cut."""
    return {short: whole for whole, short in shown.items() if short != whole}


def _round_ticks(low: float, high: float) -> list[float]:
    """Four to six round values between `low` and `high`: pygal's own choice on a short
    axis puts labels close enough to touch."""
    rough = (high - low) / 4 or 1.0
    power = 10 ** math.floor(math.log10(rough))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= rough)
    first = math.ceil(low / step) * step
    count = int((high - first) // step) + 1
    return [round(first + step * i, 10) for i in range(count)]


def _value_ticks(largest: float, plot: float) -> list[float]:
    """At most four round values from 0 (0, 500, 1.000, 1.500), fewer when the plot
    (its width in drawing units) has no room for them: each wide as its label and a gap."""
    if largest <= 0:
        return [0.0, 1.0]
    wide = (len(_million_label(largest * 2)) + 1) * CHAR + TEXT
    spaces = max(1, min(3, int(plot // wide) - 1))
    rough = largest / spaces
    power = 10 ** math.floor(math.log10(rough))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= rough)
    return [step * i for i in range(math.ceil(largest / step - 1e-9) + 1)]


def _short(label: str, limit: int = 26) -> str:
    """A label cut to fit beside the bars (the table below has it whole)."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _millions(amount: int) -> float:
    return amount / 1_000_000


def _million_label(value: float) -> str:
    return fmt.decimal(fmt.round_half_up(Decimal(repr(value)), 1))


def money(name: str, rows: list[tuple[str, int | None, int | None, str]], what: str) -> Chart:
    """Planned against spent, one pair of bars per row, in millions of đồng; a row whose
    amounts are not all known says why in its label: its last item, 'chưa rõ' (not
    reported), 'không ghi' (reported without amounts), or what of the spent is missing."""
    rows = rows[::-1]  # pygal draws the first bar at the bottom: the first row goes on top
    shown = {
        label: _short(label, NAME_CHARS) if not why else f"{_short(label, NAME_CHARS - 4)} — {why}"
        for label, _, _, why in rows
    }
    labels = [shown[label] for label, _, _, _ in rows]
    planned = [None if p is None else _millions(p) for _, p, _, _ in rows]
    spent = [None if s is None else _millions(s) for _, _, s, _ in rows]
    largest = max([0.0, *(v for v in planned + spent if v is not None)])
    known = sum(p is not None for _, p, _, _ in rows)
    reasons = list(dict.fromkeys(why for _, p, _, why in rows if p is None))
    rest = f", còn lại {' hoặc '.join(reasons)}" if reasons else ""
    ticks = _value_ticks(largest, _plot_width([{"label": label} for label in labels]))
    alternative = (
        f"Biểu đồ dự toán và giải ngân {what} (triệu đồng): {known}/{len(rows)} có số liệu"
        f"{rest}. Số liệu chi tiết ở bảng dưới."
    )
    return draw(
        "HorizontalBar",
        name,
        [
            Series("Dự toán", SKY, planned),
            Series("Giải ngân", BLUE, spent),
        ],
        alternative,
        {text_: f"{whole}" for whole, text_ in shown.items() if text_ != whole},
        height=150 + ROW * len(rows) * 1.4,
        x_labels=labels,
        y_labels=_value_ticks(largest, _plot_width([{"label": label} for label in labels])),
        value_formatter=_million_label,
        # the amounts are in the table under the chart: printed beside bars of a phone's
        # width they sat on the bars and on each other
        print_values=False,
        print_zeroes=True,
        show_y_guides=True,
        range=(0, max(ticks[-1], largest * 1.05) or 1),
        # room for the last tick's label, centred on the plot's right edge
        margin_right=12 + len(_million_label(ticks[-1])) * CHAR / 2,
    )


# ---------------------------------------------------------------- years


def years(rows: list[tuple[int, Decimal | None, Decimal | None]]) -> Chart:
    """Per year: the overall progress and the share of the estimate spent, in percent;
    a year without the figure has no bar (the table says 'chưa rõ')."""

    def value(number: Decimal | None, digits: int) -> float | None:
        """Rounded as the table under the chart shows it (progress 0, rate 1 decimal)."""
        return None if number is None else float(fmt.round_half_up(number, digits))

    known = [
        f"{year}: {fmt.percent(p or 0) if p is not None else 'chưa rõ'}" for year, p, _ in rows
    ]
    alternative = (
        f"Biểu đồ tiến độ chung và tỷ lệ giải ngân theo năm ({'; '.join(known)}). "
        "Số liệu chi tiết ở bảng dưới."
    )
    return draw(
        "Bar",
        "cac-nam",
        [
            Series("Tiến độ chung (%)", BLUE, [value(p, 0) for _, p, _ in rows]),
            Series("Giải ngân / dự toán (%)", ORANGE, [value(r, 1) for _, _, r in rows]),
        ],
        alternative,
        height=380,
        x_labels=[str(year) for year, _, _ in rows],
        range=(0, 110),
        y_labels=[0, 25, 50, 75, 100],
        value_formatter=_number,
        print_values=len(rows) <= 6,
        print_values_position="top",
        show_x_guides=False,
    )
