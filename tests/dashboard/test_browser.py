"""The page in a real browser (Debian's chromium, headless, network cut), at a phone's and a
laptop's width: no console error, no request but the file itself, every chart drawn, no
sideways scrolling of the page; screenshots are written for a person to look at."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kehoach_cli.dashboard import Provenance, render_dashboard
from kehoach_cli.facts import load_year, year_facts
from kehoach_cli.loading.workspace import find_workspace
from tests.conftest import REPO
from tests.dashboard.browser import Browser, find_chromium

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
