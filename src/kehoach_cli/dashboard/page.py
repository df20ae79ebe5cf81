"""The whole page: one HTML file that needs nothing else (no script, no font, no request:
its Content-Security-Policy forbids them), laid out for a phone, a projector and A4."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kehoach_cli import formatting as fmt
from kehoach_cli.dashboard.budget import budget
from kehoach_cli.dashboard.headline import headline
from kehoach_cli.dashboard.markup import element, text
from kehoach_cli.dashboard.sections import indicators, submissions, tasks
from kehoach_cli.dashboard.style import CSS
from kehoach_cli.facts.model import YearFacts
from kehoach_cli.model.citation import plan_citation

# Nothing may be fetched: no script at all, styles only from this file, images only
# inline. A chart that tried to load anything would be refused and show in the console.
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'"


@dataclass(frozen=True)
class Provenance:
    """Where the page comes from, for its footer. `commit` is the data repository's
    commit (None: not a repository, or unreadable); `dirty` whether data/ differs from it
    (None: could not tell)."""

    version: str
    commit: str | None = None
    dirty: bool | None = False
    generated: datetime | None = None


def _title(facts: YearFacts, period: str | None) -> str:
    document = facts.plan.document
    name = plan_citation(document)
    return f"Theo dõi thực hiện {name} — {period or f'năm {facts.year}'}"


def _data_line(provenance: Provenance) -> str:
    if provenance.commit is None:
        return "dữ liệu: không rõ commit" if provenance.dirty is None else "dữ liệu: ngoài git"
    state = {
        True: " (thư mục data/ có thay đổi chưa commit)",
        False: "",
        None: " (không rõ có thay đổi chưa commit)",
    }[provenance.dirty]
    return f"dữ liệu: commit {provenance.commit[:12]}{state}"


def _shown_path(path: Path) -> str:
    """A broken file as the data repository names it (data/…), never a machine's path."""
    parts = path.parts
    if "data" in parts:
        start = len(parts) - 1 - parts[::-1].index("data")
        return "/".join(parts[start:])
    return path.name


def footer(facts: YearFacts, provenance: Provenance) -> str:
    made = f"Tạo bởi kehoach {provenance.version}"
    if provenance.generated is not None:
        made += f" lúc {provenance.generated:%H:%M} {fmt.short_date(provenance.generated.date())}"
    lines = [
        element("p", text(f"Số liệu tính đến {fmt.long_date(facts.as_of)}."), class_="as-of"),
        element("p", text(f"{made}; {_data_line(provenance)}."), class_="provenance"),
        element(
            "p",
            "Chỉ báo cáo đã gửi (có ngày gửi, không sau ngày tính) được tính. “Chưa rõ”: "
            "đơn vị chưa gửi báo cáo, không phải số 0.",
        ),
    ]
    return element("footer", "".join(lines))


def _notices(facts: YearFacts) -> str:
    if not facts.broken_files:
        return ""
    names = ", ".join(_shown_path(path) for path in facts.broken_files)
    return element(
        "p",
        text(
            f"⚠ {len(facts.broken_files)} tệp tiến độ có lỗi không được tính: {names}. "
            "Chạy 'kehoach validate' để xem và sửa."
        ),
        class_="notice",
        role="note",
    )


def _navigation() -> str:
    links = [
        ("tong-quan", "Tổng quan"),
        ("gui-bao-cao", "Gửi báo cáo"),
        ("nhiem-vu", "Nhiệm vụ"),
        ("chi-tieu", "Chỉ tiêu"),
        ("kinh-phi", "Kinh phí"),
    ]
    items = "".join(element("li", element("a", text(name), href=f"#{key}")) for key, name in links)
    return element("nav", element("ul", items), aria_label="Các mục")


def render_dashboard(facts: YearFacts, provenance: Provenance, period: str | None = None) -> bytes:
    """The page for `facts`, as UTF-8 bytes.

    `period` is the words of a reporting period within the year, for `--period` (issue
    13): the facts are then that period's and the title names it; None is the year.
    """
    title = _title(facts, period)
    document = facts.plan.document
    header = element(
        "header",
        element("p", text(document.issuing_body), class_="issuer")
        + element("h1", text(title))
        + element("p", text(document.title), class_="plan-title")
        + element(
            "p",
            text(
                f"Tính đến {fmt.short_date(facts.as_of)} · hạn nộp báo cáo "
                f"{fmt.short_date(facts.deadline)}"
            ),
            class_="as-of",
        ),
    )
    body = (
        header
        + _navigation()
        + element(
            "main",
            _notices(facts)
            + headline(facts)
            + submissions(facts)
            + tasks(facts)
            + indicators(facts)
            + budget(facts),
        )
        + footer(facts, provenance)
    )
    head = (
        '<meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="kehoach {text(provenance.version)}">'
        + element("title", text(title))
        + element("style", CSS)
    )
    page = f'<!doctype html>\n<html lang="vi"><head>{head}</head><body>{body}</body></html>\n'
    return page.encode("utf-8")
