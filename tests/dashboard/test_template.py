"""The page's Jinja2 template: shipped, replaced by a workspace's copy or --template, sandboxed
and autoescaped; a template whose page could run code or fetch anything is refused and
nothing is written. And the page across years (--years)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import lxml.html
import pytest

from kehoach_cli.dashboard import Provenance, render_dashboard
from kehoach_cli.dashboard.pace import overall
from kehoach_cli.dashboard.template import (
    TEMPLATE_NAME,
    PageTemplateProblem,
    default_template,
    read_template,
)
from kehoach_cli.facts import load_year, year_facts
from kehoach_cli.loading.workspace import find_workspace
from tests.conftest import REPO

DEFAULT = read_template(default_template())
ARGS = ("dashboard", "--year", "2024", "--as-of", "2024-12-01")


def facts_2024():
    return year_facts(load_year(find_workspace(REPO, REPO), 2024, date(2024, 12, 1)))


def test_the_repository_copy_is_the_shipped_template():
    assert (REPO / "templates" / TEMPLATE_NAME).read_text(encoding="utf-8") == DEFAULT


def test_a_workspace_copy_then_the_option_replace_it(cli, workspace: Path, tmp_path: Path):
    (workspace / "templates").mkdir()
    own = DEFAULT.replace("</style>", "header{background:#123456}</style>")
    (workspace / "templates" / TEMPLATE_NAME).write_text(own, encoding="utf-8")
    target = tmp_path / "a.html"
    made = cli(*ARGS, "--root", str(workspace), "-o", str(target))
    assert made.code == 0, made.stderr
    assert "header{background:#123456}" in target.read_text(encoding="utf-8")
    other = tmp_path / "khac.html.j2"
    other.write_text(DEFAULT.replace("<main>", '<main class="so-rieng">'), encoding="utf-8")
    made = cli(*ARGS, "--root", str(workspace), "-o", str(target), "--template", str(other))
    assert made.code == 0, made.stderr
    page = target.read_text(encoding="utf-8")
    assert '<main class="so-rieng">' in page and "#123456" not in page


def test_the_data_is_escaped():
    facts = facts_2024()
    facts.plan.document.title = '<img src=x onerror="alert(1)"> & "trích"'
    page = render_dashboard(facts, Provenance("9.9.9")).decode("utf-8")
    assert "<img" not in page and "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in page


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (("</body>", "<script>alert(1)</script></body>"), "thẻ <script>"),
        (("<main>", '<main onclick="x()">'), "thuộc tính onclick"),
        (("</style>", "@import 'https://example.invalid/a.css';</style>"), "@import"),
        (("<main>", '<main><img src="https://example.invalid/a.png">'), 'src="https://'),
        (("{{ head }}", ""), "thiếu {{ head }}"),
        (("<main>", "<main>{{ ''.__class__.__mro__ }}"), "__class__"),
        (("<main>", "<main>{{ 'a' * 100000000 }}"), "quá dài"),
        (("<main>", "<main>{{ 9 ** 999999 }}"), "lũy thừa"),
        (("<main>", "<main>{{ chua_co }}"), "chua_co"),
        (("<main>", "<main>{% if %}"), "dòng"),
    ],
)
def test_a_template_that_could_run_code_or_fetch_is_refused(change, words):
    template = DEFAULT.replace(*change)
    assert template != DEFAULT
    with pytest.raises(PageTemplateProblem) as raised:
        render_dashboard(facts_2024(), Provenance("9.9.9"), None, template)
    assert words in str(raised.value)


def test_the_command_refuses_a_bad_template_and_writes_nothing(cli, workspace, tmp_path):
    bad = tmp_path / "xau.html.j2"
    bad.write_text(DEFAULT.replace("</body>", "<script>x()</script></body>"), encoding="utf-8")
    target = tmp_path / "a.html"
    made = cli(*ARGS, "--root", str(workspace), "-o", str(target), "--template", str(bad))
    assert made.code == 1 and "mẫu trang theo dõi" in made.stderr and "<script>" in made.stderr
    assert not target.exists()
    binary = tmp_path / "nhi-phan.html.j2"
    binary.write_bytes(b"\xff\xfe\x00")
    made = cli(*ARGS, "--root", str(workspace), "-o", str(target), "--template", str(binary))
    assert made.code == 2 and "UTF-8" in made.stderr and not target.exists()


def test_the_page_across_years(cli, tmp_path: Path):
    target = tmp_path / "cac-nam.html"
    made = cli(
        "dashboard",
        "--years",
        "2023-2024",
        "--as-of",
        "2024-12-01",
        "--root",
        str(REPO),
        "-o",
        str(target),
    )
    assert made.code == 0, made.stderr
    page = lxml.html.fromstring(target.read_text(encoding="utf-8"))
    rows = page.xpath("//section[@id='cac-nam']//tbody/tr")
    assert [row.get("data-year") for row in rows] == ["2023", "2024"]
    for row in rows:
        year = int(row.get("data-year"))
        facts = year_facts(load_year(find_workspace(REPO, REPO), year, date(2024, 12, 1)))
        cells = [" ".join(td.text_content().split()) for td in row.xpath("./td")]
        assert cells[1] == f"{len(facts.counted_units)}/{len(facts.submissions)}"
        found = overall(facts)
        assert cells[3] == f"{found.done}/{found.tasks}"
    assert page.xpath("//section[@id='chi-tieu']//svg")
    both = cli("dashboard", "--year", "2024", "--years", "all", "--root", str(REPO))
    assert both.code == 2 and "--years" in both.stderr
    wrong = cli("dashboard", "--years", "sau-nam", "--root", str(REPO), "-o", str(target))
    assert wrong.code == 2 and "2023-2025" in wrong.stderr


def test_the_change_since_the_year_before(cli, tmp_path: Path):
    from kehoach_cli.cli import previous_period as previous
    from kehoach_cli.dashboard.pace import summarize

    workspace = find_workspace(REPO, REPO)
    before = summarize(year_facts(load_year(workspace, 2023, date(2024, 12, 1))))
    # in a forked process (as for a large workspace) the summary is the same
    forked = previous._fork(workspace, 2023, date(2024, 12, 1), None)
    assert forked is not None and forked() == before
    assert previous.start(workspace, 2022, date(2024, 12, 1), None)() is None  # no files
    target = tmp_path / "p.html"
    made = cli(*ARGS, "--root", str(REPO), "-o", str(target))
    assert made.code == 0, made.stderr
    page = lxml.html.fromstring(target.read_text(encoding="utf-8"))
    card = page.xpath("//div[@data-key='change']")[0]
    assert " ".join(card.xpath("./dt")[0].text_content().split()).endswith("So với năm 2023")
    now = overall(facts_2024())
    assert before.overall.progress is not None and now.progress is not None
    note = card.xpath("./dd[@class='note']")[0].text_content()
    # 2023 has progress for 3 of its 7 tasks: a mean over those is not comparable with
    # 2024's over all 7, so no change of progress is claimed
    assert not before.overall.complete and now.complete
    assert "tiến độ: chưa đủ số liệu để so sánh" in note
    assert f"tiến độ {round(before.overall.progress)}% →" not in note
    assert f"đã gửi {before.sent}/{before.expected} → 6/6" in note
