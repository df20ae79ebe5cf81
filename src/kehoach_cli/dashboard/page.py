"""The whole page: one HTML file that needs nothing else (no script, no font, no request:
its Content-Security-Policy forbids them), laid out for a phone, a projector and A4."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from markupsafe import Markup

from kehoach_cli import formatting as fmt
from kehoach_cli.dashboard.budget import budget
from kehoach_cli.dashboard.headline import headline
from kehoach_cli.dashboard.markup import element, text
from kehoach_cli.dashboard.pace import Previous
from kehoach_cli.dashboard.sections import indicators, submissions, tasks
from kehoach_cli.dashboard.style import CSS
from kehoach_cli.dashboard.template import default_template, read_template, render_page
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


def data_line(provenance: Provenance) -> str:
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


def footer_lines(facts: YearFacts, provenance: Provenance) -> list[tuple[str, str]]:
    """(kind, words) of the footer's lines: the as-of date, where the page comes from, the
    rule that only sent reports count."""
    made = f"Tạo bởi kehoach {provenance.version}"
    if provenance.generated is not None:
        made += f" lúc {provenance.generated:%H:%M} {fmt.short_date(provenance.generated.date())}"
    return [
        ("as-of", f"Số liệu tính đến {fmt.long_date(facts.as_of)}."),
        ("provenance", f"{made}; {data_line(provenance)}."),
        (
            "rule",
            "Chỉ báo cáo đã gửi (có ngày gửi, không sau ngày tính) được tính. “Chưa rõ”: "
            "đơn vị chưa gửi báo cáo, không phải số 0.",
        ),
    ]


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


NAVIGATION = [
    ("tong-quan", "Tổng quan"),
    ("gui-bao-cao", "Gửi báo cáo"),
    ("nhiem-vu", "Nhiệm vụ"),
    ("chi-tieu", "Chỉ tiêu"),
    ("kinh-phi", "Kinh phí"),
]


def head(title: str, version: str) -> Markup:
    """What must open <head>: the charset, then the policy (the template's output is
    refused without it), the viewport and the generator."""
    return Markup(
        '<meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="kehoach {text(version)}">'
    )


def page_context(
    *,
    title: str,
    facts: YearFacts,
    subtitle: str,
    navigation: list[tuple[str, str]],
    sections: list[str],
    footer_lines: list[tuple[str, str]],
    provenance: Provenance,
    notices: str = "",
) -> dict[str, Any]:
    """What a template is given. Words are plain strings (the template escapes them);
    only markup made by our own code (sections, charts, the stylesheet) is Markup."""
    document = facts.plan.document
    return {
        "head": head(title, provenance.version),
        "policy": POLICY,
        "css": Markup(CSS),
        "title": title,
        "issuer": document.issuing_body,
        "plan_title": document.title,
        "subtitle": subtitle,
        "navigation": [{"anchor": key, "name": name} for key, name in navigation],
        "notices": Markup(notices),
        "sections": [Markup(section) for section in sections],
        "footer": [{"kind": kind, "text": words} for kind, words in footer_lines],
        "year": facts.year,
        "as_of": fmt.short_date(facts.as_of),
        "version": provenance.version,
    }


def fill(context: dict[str, Any], template: str | None) -> bytes:
    """The page from `template` (its text; None: the one shipped in the package)."""
    source = read_template(default_template()) if template is None else template
    return render_page(source, context).encode("utf-8")


def render_dashboard(
    facts: YearFacts,
    provenance: Provenance,
    period: str | None = None,
    template: str | None = None,
    previous: Previous | None = None,
) -> bytes:
    """The page for `facts`, as UTF-8 bytes.

    `period` is the words of a reporting period within the year, for `--period` (issue
    13): the facts are then that period's and the title names it; None is the year.
    `template` is a template's text (None: the default); `previous` the summary of the
    period before, for the headline's change since then (None: not shown).
    """
    title = _title(facts, period)
    context = page_context(
        title=title,
        facts=facts,
        subtitle=f"Tính đến {fmt.short_date(facts.as_of)} · hạn nộp báo cáo "
        f"{fmt.short_date(facts.deadline)}",
        navigation=NAVIGATION,
        sections=[
            headline(facts, previous),
            submissions(facts),
            tasks(facts),
            indicators(facts),
            budget(facts),
        ],
        footer_lines=footer_lines(facts, provenance),
        provenance=provenance,
        notices=_notices(facts),
    )
    return fill(context, template)
