"""The page in a real browser (Debian's chromium, headless, network cut), at a phone's and a
laptop's width: no console error, no request but the file itself, every chart drawn, no
sideways scrolling of the page; screenshots are written for a person to look at."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from kehoach_cli.dashboard import Provenance, render_dashboard
from kehoach_cli.dashboard.template import default_template, read_template
from kehoach_cli.facts import load_year, year_facts
from kehoach_cli.loading.workspace import find_workspace
from tests.conftest import REPO
from tests.dashboard.browser import Browser, find_chromium, pdf_pages

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium (/usr/bin/chromium): install Debian's 'chromium' package to run the "
    "browser test (CI installs it)",
)
WIDTHS = (390, 1280)


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM is not None
    with Browser(CHROMIUM) as opened:
        yield opened


def _page(root: Path, year: int, as_of: date, target: Path) -> Path:
    facts = year_facts(load_year(find_workspace(root, root), year, as_of))
    target.write_bytes(render_dashboard(facts, Provenance("test", None, None)))
    return target


def default_template_text() -> str:
    return read_template(default_template())


def _check(browser: Browser, page: Path, shots: Path, charts: int) -> None:
    for width in WIDTHS:
        shot = shots / f"{page.stem}-{width}.png"
        visit = browser.visit(page, width, shot)
        assert visit.console == [], visit.console
        assert visit.requests == [page.resolve().as_uri()]  # the file, and nothing else
        assert len(visit.marks) == charts
        for chart in visit.marks:
            assert chart["drawn"] > 0 and chart["series_drawn"] == chart["series"] > 0, chart
            assert chart["width"] > 200 and chart["height"] > 100, chart
        assert visit.content_width <= visit.page_width  # nothing sticks out sideways
        assert len(visit.texts) == charts
        for chart in visit.texts:  # every label readable: none on another, none under 12 px
            assert chart["overlaps"] == [], (width, chart["id"], chart["overlaps"])
            assert chart["smallest"] >= 12, (width, chart["id"], chart["smallest"])
        assert shot.stat().st_size > 20_000
        print(f"screenshot: {shot}")


@pytest.mark.parametrize(
    ("year", "as_of", "charts"),
    [(2024, date(2024, 12, 1), 4), (2024, date(2024, 11, 10), 4), (2023, date(2023, 12, 31), 4)],
)
def test_bundled_years_in_chromium(browser, tmp_path: Path, year: int, as_of: date, charts: int):
    page = _page(REPO, year, as_of, tmp_path / f"theo-doi-{year}-{as_of:%m%d}.html")
    _check(browser, page, tmp_path, charts)


@pytest.mark.parametrize(
    ("name", "year"), [("ubnd-tinh-ha-tang-so", 2024), ("huyen-chuyen-doi-so", 2023)]
)
def test_examples_in_chromium(browser, tmp_path: Path, name: str, year: int):
    root = REPO / "examples" / name
    facts = year_facts(load_year(find_workspace(root, root), year, date(year, 12, 31)))
    page = _page(root, year, date(year, 12, 31), tmp_path / f"theo-doi-{name}.html")
    _check(browser, page, tmp_path, 3 + len(facts.indicators))


def test_ubnd_plan_in_chromium(browser, ubnd_workspace: Path, tmp_path: Path):
    page = _page(ubnd_workspace, 2024, date(2024, 12, 10), tmp_path / "theo-doi-ubnd.html")
    _check(browser, page, tmp_path, 3)  # no indicator in this plan


def test_the_browser_check_sees_requests_and_errors(browser, tmp_path: Path):
    """The checks above would fail for a page that fetches or errs: shown on a bad page."""
    page = tmp_path / "bad.html"
    page.write_text(
        '<!doctype html><html><body><img src="https://example.invalid/a.png">'
        '<script>console.error("hỏng")</script></body></html>',
        encoding="utf-8",
    )
    visit = browser.visit(page, 390)
    assert "https://example.invalid/a.png" in visit.requests
    assert any("hỏng" in line for line in visit.console)


def test_the_bundled_year_prints_on_at_most_four_a4_pages(browser, tmp_path: Path):
    page = _page(REPO, 2024, date(2024, 12, 1), tmp_path / "theo-doi-2024.html")
    pdf = browser.print_pdf(page)
    (tmp_path / "theo-doi-2024.pdf").write_bytes(pdf)
    pages = pdf_pages(pdf)
    assert 1 <= pages <= 4, pages
    # A4 portrait (595 × 842 points), as the page's @page asks
    assert re.search(rb"/MediaBox\s*\[\s*0 0 59[45]\.\d* 84[12]\.\d*\s*\]", pdf)
    if shutil.which("pdfinfo"):  # the count agrees with poppler's where it is installed
        info = subprocess.run(
            ["pdfinfo", str(tmp_path / "theo-doi-2024.pdf")], capture_output=True, text=True
        )
        assert f"Pages:           {pages}" in info.stdout


def test_overlapping_labels_are_seen(browser, tmp_path: Path):
    """The overlap check fails for a chart whose texts touch: shown on a made-up one."""
    page = tmp_path / "overlap.html"
    page.write_text(
        '<!doctype html><html><body><svg class="chart-svg" id="x" viewBox="0 0 200 100" '
        'width="200"><text x="10" y="50" font-size="16">1.200</text>'
        '<text x="30" y="50" font-size="16">1.600</text></svg></body></html>',
        encoding="utf-8",
    )
    visit = browser.visit(page, 390)
    assert visit.texts[0]["overlaps"] == [["1.200", "1.600"]]


def test_a_restyled_template_changes_the_page(browser, tmp_path: Path):
    facts = year_facts(load_year(find_workspace(REPO, REPO), 2024, date(2024, 12, 1)))
    default = render_dashboard(facts, Provenance("test", None, None)).decode("utf-8")
    restyled = default_template_text().replace(
        "</style>", "header{background:rgb(122, 31, 31)}</style>"
    )
    pages = {}
    for name, html in (
        ("mac-dinh", default),
        ("rieng", render_dashboard(facts, Provenance("test", None, None), None, restyled).decode()),
    ):
        pages[name] = tmp_path / f"{name}.html"
        pages[name].write_text(html, encoding="utf-8")
    colours = {
        name: browser.style_of(page, "header", "background-color") for name, page in pages.items()
    }
    assert colours["rieng"] == "rgb(122, 31, 31)"
    assert colours["mac-dinh"] != colours["rieng"]


def test_the_page_across_years_in_chromium(browser, tmp_path: Path):
    from kehoach_cli.dashboard.years import render_years

    root = REPO / "examples" / "ubnd-tinh-ha-tang-so"
    workspace = find_workspace(root, root)
    years = [year_facts(load_year(workspace, y, date(2025, 12, 31))) for y in (2023, 2024, 2025)]
    page = tmp_path / "theo-doi-cac-nam.html"
    page.write_bytes(render_years(years, Provenance("test", None, None), None))
    _check(browser, page, tmp_path, 1 + len(years[-1].indicators))
