"""Status views as rich tables, plain text, CSV, JSON or Markdown, and the registry that
picks one by name. A new format (xlsx, html) is one function registered here."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from kehoach_cli import formatting as fmt
from kehoach_cli.facts.labels import (
    ASSESSMENT_LABELS,
    COMPARISON_WORDS,
    SUBMISSION_LABELS,
    TREND_LABELS,
)
from kehoach_cli.model.progress import STATUS_LABELS
from kehoach_cli.status.table import Column, View

STATUS_STYLES = {
    "done": "green",
    "in_progress": "cyan",
    "delayed": "bold red",
    "not_started": "dim",
    "cancelled": "dim",
}
SUBMISSION_STYLES = {
    "on_time": "green",
    "late": "bold yellow",
    "pending": "cyan",
    "missing": "bold red",
    "draft": "bold yellow",
    "invalid": "bold red",
}
ASSESSMENT_STYLES = {
    "met": "green",
    "on_track": "cyan",
    "at_risk": "bold red",
    "missed": "bold red",
}
TREND_ARROWS = {"up": "↑", "down": "↓", "flat": "→"}
RATIOS = {
    "cooperators": ("cooperators_reported", "cooperators_expected"),
    "activities": ("activities_done", "activities_total"),
}
# Columns kept in the overview, so that all views fit a 100-column terminal.
COMPACT = {
    "task": ["task", "name", "status", "progress", "activities", "open_difficulties"],
    "submission": ["unit_name", "submitted_on", "state", "days_left", "days_late", "days_overdue"],
    "indicator": ["name", "target", "values", "assessment"],
    "budget": ["unit_name", "planned", "spent", "rate", "submission"],
    "unit": ["unit_name", "submission", "led", "open_difficulties"],
}

# Columns given up first when a full view is wider than the terminal.
DROP_ORDER = {
    "task": [
        "spent_missing",
        "spent",
        "cooperators",
        "planned",
        "deadline",
        "open_difficulties",
        "activities",
        "lead",
    ],
    "submission": ["unit", "days_left", "days_overdue"],
    "indicator": ["indicator", "period", "trend"],
    "budget": ["unit", "activities", "spent_missing"],
    "unit": ["unit", "cooperated"],
}
NO_WRAP = ("bar", "money", "spent", "date", "int", "ratio", "percent", "status", "submission")
NARROWEST_TEXT = 20

NONE = "—"


def _label(mapping: dict[str, str], value: Any) -> str:
    return mapping.get(value, NONE) if value is not None else NONE


def cell_text(column: Column, row: dict[str, Any], *, styled: bool = False) -> str:
    """The text of one cell; with `styled`, rich markup for colour and bars."""
    kind = column.kind
    value = row.get(column.key)

    def style(text: str, name: str | None) -> str:
        return f"[{name}]{text}[/]" if styled and name else text

    if kind == "ratio":
        done_key, total_key = RATIOS[column.key]
        if row.get(total_key) is None:
            return NONE
        return f"{row.get(done_key)}/{row.get(total_key)}"
    if value is None:
        return NONE
    if kind == "int":
        return fmt.number(value)
    if kind == "money":
        return fmt.money(value)
    if kind == "spent":  # the sum leaves out priced activities with no spent amount
        return ("ít nhất " if row.get("spent_missing") else "") + fmt.money(value)
    if kind == "percent":
        return fmt.percent(value, 1)
    if kind == "date":
        return fmt.short_date(value)
    if kind == "status":
        return style(_label(STATUS_LABELS, value), STATUS_STYLES.get(value))
    if kind == "submission":
        return style(_label(SUBMISSION_LABELS, value), SUBMISSION_STYLES.get(value))
    if kind == "assessment":
        return style(_label(ASSESSMENT_LABELS, value), ASSESSMENT_STYLES.get(value))
    if kind == "trend":
        return f"{TREND_ARROWS[value]} {TREND_LABELS[value]}"
    if kind == "bar":
        base = (
            f" ({row['progress_known']}/{row['progress_of']})"
            if row.get("progress_of") is not None
            else ""
        )
        if not styled:
            return f"{value}%{base}"
        filled = round(value / 10)
        return f"[green]{'█' * filled}[/][dim]{'░' * (10 - filled)}[/] {value:>3}%{base}"
    if kind == "target":
        word = COMPARISON_WORDS.get(row["comparison"], "")
        return _data(f"{word} {fmt.quantity(value, row['unit_of_measure'])}".strip(), styled)
    if kind == "deadline":
        return f"{value} !" if row.get("overdue") else str(value)
    if kind == "values":
        unit = row.get("unit_of_measure", "")
        text = "; ".join(f"{year}: {fmt.quantity(v, unit)}" for year, v in value.items())
        return _data(text, styled) or NONE
    if kind == "task_states":
        return _task_states(column, value, style)
    return _data(str(value), styled)


def _data(text: str, styled: bool) -> str:
    """Data inside rich markup is escaped: a name holding '[/]' or '[link=…]' is text."""
    if not styled:
        return text
    from rich.markup import escape

    return escape(text)


def _task_states(column: Column, states: list[dict[str, Any]], style: Any) -> str:
    parts = []
    for state in states:
        if column.key == "cooperated" and state["status"] is None:
            continue  # cooperating units report only where they contributed
        label = _label(STATUS_LABELS, state["status"]) if state["status"] else "chưa báo cáo"
        percent = f" {state['progress']}%" if state["progress"] is not None else ""
        parts.append(f"{state['task']} {style(label, STATUS_STYLES.get(state['status']))}{percent}")
    return "; ".join(parts) or NONE


def _columns(view: View, compact: bool) -> list[Column]:
    if not compact:
        return view.columns
    keep = COMPACT[view.name]
    return [c for c in view.columns if c.key in keep]


def _min_width(column: Column, cells: list[str]) -> int:
    from rich.cells import cell_len

    words = [cell_len(word) for text in [column.header, *cells] for word in text.split()]
    longest_word = max(words, default=1)
    if column.kind in NO_WRAP:  # rich does not wrap these, header included
        return max([cell_len(column.header)] + [cell_len(c) for c in cells])
    widest = max((cell_len(c) for c in cells), default=1)
    return max(longest_word, min(widest, NARROWEST_TEXT))


def _fit(view: View, columns: list[Column], width: int, boxed: bool) -> tuple[list[Column], bool]:
    """Drop low-priority columns until the table's minimum width fits `width`."""
    rows = view.rows + ([view.total] if view.total else [])
    minimum = {c.key: _min_width(c, [cell_text(c, r) for r in rows]) for c in columns}
    kept = list(columns)
    dropped = False
    for key in DROP_ORDER.get(view.name, []):
        needed = sum(minimum[c.key] + 2 for c in kept) + (len(kept) + 1 if boxed else 0)
        if needed <= width:
            break
        if any(c.key == key for c in kept):
            kept = [c for c in kept if c.key != key]
            dropped = True
    return kept, dropped


def render_rich(
    views: list[View],
    *,
    boxed: bool,
    compact: bool,
    width: int | None,
    heading: str = "",
    color: bool | None = None,
) -> str:
    """`boxed`: a terminal's layout (boxes, bars); `color` (default: as `boxed`): escape
    codes at all — off, none is written, not even bold (NO_COLOR, --no-color); on without
    a terminal (--color, FORCE_COLOR into a pipe): the plain layout, styled."""
    from rich.console import Console

    color = boxed if color is None else color
    styled = boxed or color
    console = Console(
        file=io.StringIO(),
        width=width,
        color_system="auto" if color else None,
        force_terminal=boxed or color,
        no_color=not color,
        highlight=False,
        emoji=False,
    )
    if heading:
        console.print(heading, style="bold" if styled else None, markup=False)
        console.print()
    for number, view in enumerate(views):
        if number:
            console.print()
        table, shown = _rich_table(view, compact, console.width, boxed, styled)
        console.print(table)
        for note in view.notes_for(shown):
            console.print(
                note,
                style="bold yellow" if styled and note.startswith("Cần chú ý") else None,
                markup=False,
            )
    text: str = console.file.getvalue()  # type: ignore[attr-defined]
    if not boxed:  # plain text for files and pipes: no padding at line ends
        text = "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
    return text.lstrip("\n")


def _rich_table(
    view: View, compact: bool, width: int, boxed: bool, styled: bool
) -> tuple[Any, list[str]]:
    """The table, and the keys of the columns it shows."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=Text(view.title),  # data (a plan's name): never markup
        title_justify="left",
        box=box.ROUNDED if boxed else None,
        show_edge=boxed,
        pad_edge=boxed,
        header_style="bold" if styled else "",
        title_style="bold" if styled else "",
    )
    columns, dropped = _fit(view, _columns(view, compact), width, boxed)
    for column in columns:
        table.add_column(
            column.header,
            justify="right" if column.numeric else "left",
            no_wrap=column.kind in NO_WRAP,
            overflow="fold",
        )
    if dropped and not compact:
        view.notes.append("(Màn hình hẹp nên bớt cột; dùng --format json hoặc csv để xem đủ.)")
    for row in view.rows:
        cells = [cell_text(column, row, styled=styled) for column in columns]
        if view.name == "task":  # the task tree, indented by level
            cells[0] = "  " * row.get("level", 0) + cells[0]
        table.add_row(*_cells(cells, styled))
    if view.total:
        total = [
            cell_text(c, view.total, styled=styled) if c.key in view.total else "" for c in columns
        ]
        table.add_row(*_cells(total, styled), style="bold" if styled else None)
    return table, [column.key for column in columns]


def _cells(cells: list[str], styled: bool) -> list[Any]:
    """Styled cells are markup with their data escaped (cell_text); plain ones are text."""
    if styled:
        return list(cells)
    from rich.text import Text

    return [Text(cell) for cell in cells]


def _plain_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(fmt.round_half_up(value, 2))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_value(v) for v in value]
    return value


LABELS_BY_KIND = {
    "status": STATUS_LABELS,
    "submission": SUBMISSION_LABELS,
    "assessment": ASSESSMENT_LABELS,
    "trend": TREND_LABELS,
}


def _json_row(view: View, row: dict[str, Any]) -> dict[str, Any]:
    out = {key: _plain_value(value) for key, value in row.items()}
    for column in view.columns:
        labels = LABELS_BY_KIND.get(column.kind)
        if labels is not None and column.key in row:
            out[f"{column.key}_label"] = labels.get(row[column.key]) if row[column.key] else None
    return out


def render_json(views: list[View], meta: dict[str, Any]) -> str:
    document = {
        **{key: _plain_value(value) for key, value in meta.items()},
        "views": {
            view.name: {
                "title": view.title,
                "rows": [_json_row(view, row) for row in view.rows],
                **({"total": _json_row(view, view.total)} if view.total else {}),
            }
            for view in views
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _csv_value(column: Column, row: dict[str, Any]) -> Any:
    value = row.get(column.key)
    if column.kind in ("int", "money", "spent") and value is not None:
        return value
    if column.kind == "percent" and value is not None:
        return f"{fmt.round_half_up(value, 1)}"
    if column.kind == "bar":
        return "" if value is None else value
    if column.kind == "date" and value is not None:
        return value.isoformat()
    text = cell_text(column, row)
    return "" if text == NONE else spreadsheet_text(text)


# A cell a spreadsheet would read as a formula (=HYPERLINK(…), +, -, @) or whose first
# character it drops (tab, CR): the usual rule is a leading apostrophe, which Excel and
# LibreOffice show as text. Only text cells: numbers (a negative amount) stay numbers.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# A text cell a spreadsheet would read as a number or a date: task '2.10' (→ 2.1), a
# deadline '12/2024', '1-2' (→ 1 February). Only digits and the signs numbers and dates
# are written with; written as the formula ="2.10", which Excel and LibreOffice show as the
# text 2.10 (an apostrophe would stay visible: '2.10). Nothing else is ever a formula: the
# content is checked to hold no quote, and text starting like a formula gets the apostrophe.
_READ_AS_NUMBER = re.compile(r"[\d.,:/ +\-%]*\d[\d.,:/ +\-%eE]*")


def spreadsheet_text(text: str) -> str:
    if text.startswith(_FORMULA_START):
        return "'" + text
    if _READ_AS_NUMBER.fullmatch(text):
        return f'="{text}"'
    return text


# A ratio (2/4) in a spreadsheet: two numeric columns, named by what the first counts.
RATIO_PARTS = {"cooperators": "đã báo cáo", "activities": "đã xong"}


def flat_columns(view: View) -> list[Column]:
    """The view's columns for a spreadsheet: each ratio split into its two numbers
    ('HĐ xong: đã xong', 'HĐ xong: tổng'), which a spreadsheet can add up and never
    reads as a date."""
    out = []
    for column in view.columns:
        if column.kind != "ratio":
            out.append(column)
            continue
        done, total = RATIOS[column.key]
        out += [
            Column(done, f"{column.header}: {RATIO_PARTS[column.key]}", "int", numeric=True),
            Column(total, f"{column.header}: tổng", "int", numeric=True),
        ]
    return out


def render_csv(view: View) -> str:
    """UTF-8 with BOM so that Excel shows Vietnamese; numbers unformatted, dates ISO,
    ratios as two numbers, text a spreadsheet would reinterpret kept as text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    columns = flat_columns(view)
    writer.writerow([column.header for column in columns])
    rows = view.rows + ([view.total] if view.total else [])
    for row in rows:
        writer.writerow([_csv_value(column, row) for column in columns])
    return "\ufeff" + buffer.getvalue()


def render_markdown(views: list[View], heading: str, alerts: list[str] | None = None) -> str:
    lines = [f"# {heading}", ""]
    if alerts:
        lines += [*(f"> {alert}" for alert in alerts), ""]
    for view in views:
        lines += [f"## {view.title}", ""]
        lines.append("| " + " | ".join(c.header for c in view.columns) + " |")
        lines.append("|" + "|".join("---:" if c.numeric else "---" for c in view.columns) + "|")
        rows = view.rows + ([view.total] if view.total else [])
        for row in rows:
            cells = [cell_text(c, row).replace("|", "\\|") for c in view.columns]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


# --- the registry ---------------------------------------------------------------------


@dataclass(frozen=True)
class StatusOutput:
    """What a status format renders: the views, already built from the facts."""

    views: list[View]
    heading: str  # one line naming the plan, year and counts
    alerts: list[str]  # "Cần chú ý: …" lines
    meta: dict[str, Any]  # year, as_of, deadline … for machine formats
    overview: bool  # every view at once (no --by): compact tables
    notices: list[str] = field(default_factory=list)  # for stderr: what was chosen and why


@dataclass(frozen=True)
class Terminal:
    interactive: bool  # a real terminal: boxes and bars
    width: int | None
    color: bool | None = None  # escape codes; None: as `interactive` (NO_COLOR decided by the CLI)


Renderer = Callable[[StatusOutput, Terminal], bytes]
FORMATS: dict[str, Renderer] = {}
# Formats that are files, not text: written only with -o, never to a terminal.
BINARY_FORMATS = frozenset({"xlsx"})


def register(name: str) -> Callable[[Renderer], Renderer]:
    def add(renderer: Renderer) -> Renderer:
        FORMATS[name] = renderer
        return renderer

    return add


@register("table")
def _table(output: StatusOutput, terminal: Terminal) -> bytes:
    views = output.views
    if not output.overview:
        views[0].notes.extend(output.alerts)
    heading = "\n".join([output.heading, *output.alerts]) if output.overview else ""
    text = render_rich(
        views,
        boxed=terminal.interactive,
        compact=output.overview,
        width=terminal.width,
        heading=heading,
        color=terminal.color,
    )
    return text.encode("utf-8")


@register("csv")
def _csv(output: StatusOutput, terminal: Terminal) -> bytes:
    return render_csv(output.views[0]).encode("utf-8")


@register("json")
def _json(output: StatusOutput, terminal: Terminal) -> bytes:
    return render_json(output.views, output.meta).encode("utf-8")


@register("markdown")
def _markdown(output: StatusOutput, terminal: Terminal) -> bytes:
    return render_markdown(output.views, output.heading, output.alerts).encode("utf-8")


@register("xlsx")
def _xlsx(output: StatusOutput, terminal: Terminal) -> bytes:
    from kehoach_cli.status.xlsx import render_xlsx

    return render_xlsx(output)
