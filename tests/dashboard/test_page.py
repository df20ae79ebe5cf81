"""The dashboard page, parsed: every section's numbers are the fact model's, for the bundled
years (2024 before and after its deadline, 2023) and for a UBND tỉnh plan."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import lxml.html
import pytest

from kehoach_cli import formatting as fmt
from kehoach_cli.dashboard import Provenance, render_dashboard
from kehoach_cli.dashboard.budget import task_money
from kehoach_cli.facts import SubmissionState, YearFacts, load_year, year_facts
from kehoach_cli.facts.findings import TaskVerdict
from kehoach_cli.facts.labels import ASSESSMENT_LABELS, SUBMISSION_LABELS
from kehoach_cli.facts.model import Money
from kehoach_cli.loading.workspace import find_workspace
from kehoach_cli.model.progress import STATUS_LABELS
from tests.conftest import REPO

CASES = {
    "2024-after": (REPO, 2024, date(2024, 12, 1)),
    "2024-before": (REPO, 2024, date(2024, 11, 10)),
    "2024-deadline-day": (REPO, 2024, date(2024, 11, 15)),
    "2023": (REPO, 2023, date(2023, 12, 31)),
    "example-ubnd-tinh": (REPO / "examples" / "ubnd-tinh-ha-tang-so", 2024, date(2024, 12, 31)),
    "example-huyen": (REPO / "examples" / "huyen-chuyen-doi-so", 2023, date(2023, 12, 31)),
}


def facts_of(root: Path, year: int, as_of: date) -> YearFacts:
    return year_facts(load_year(find_workspace(root, root), year, as_of))


def page_of(facts: YearFacts) -> lxml.html.HtmlElement:
    html = render_dashboard(facts, Provenance("9.9.9", "0123456789abcdef" * 2 + "01234567"))
    return lxml.html.fromstring(html.decode("utf-8"))


def words(node: lxml.html.HtmlElement) -> str:
    return " ".join(node.text_content().split())


def cells(row: lxml.html.HtmlElement) -> list[str]:
    return [words(td) for td in row.xpath("./td")]


def check_headline(page: lxml.html.HtmlElement, facts: YearFacts) -> None:
    states = [s.state for s in facts.submissions]
    card = {
        node.get("data-key"): words(node.xpath("./dd[@class='value']")[0])
        for node in page.xpath("//section[@id='tong-quan']//div[@data-key]")
    }
    assert card["reported"] == f"{len(facts.counted_units)}/{len(facts.submissions)}"
    assert card["on_time"] == str(states.count(SubmissionState.ON_TIME))
    assert card["late"] == str(states.count(SubmissionState.LATE))
    # 'Chưa gửi' is every unit without a report that counts, as the report says (drafts
    # and broken files included, and named in the card's note)
    not_sent = sum(not s.counted for s in facts.submissions)
    assert card["not_sent"] == str(not_sent)
    note = words(page.xpath("//div[@data-key='not_sent']/dd[@class='note']")[0])
    drafts = states.count(SubmissionState.DRAFT)
    assert (f"{drafts} bản nháp" in note) == bool(drafts)
    check_pace(card, facts)
    days = (facts.deadline - facts.as_of).days
    assert card["deadline"] == ("hôm nay" if days == 0 else f"{abs(days)} ngày")
    label = words(page.xpath("//div[@data-key='deadline']/dt")[0])
    assert fmt.short_date(facts.deadline) in label


def check_pace(card: dict[str, str], facts: YearFacts) -> None:
    """Progress and money against time, recomputed here from the task facts."""
    work = [t for t in facts.tasks if t.subtask_ids == [] or t.leads]
    known = [t.progress for t in work if t.progress is not None]
    if known:  # one rounding, of the exact mean
        mean = sum(known) / len(known)
        assert card["progress"] == fmt.percent(fmt.round_half_up(Decimal(str(mean)), 0))
    else:
        assert card["progress"] == "chưa rõ"
    total = facts.budget_total
    if total.rate is not None:
        assert card["disbursed"] == fmt.percent(total.rate, 1)
    else:
        assert card["disbursed"] in ("chưa rõ", "không ghi", "—")
    year_days = 366 if facts.year % 4 == 0 else 365
    gone = min(max((facts.as_of - date(facts.year, 1, 1)).days + 1, 0), year_days)
    if facts.plan.period is None:
        assert card["elapsed"] == fmt.percent(fmt.round_half_up(Decimal(gone * 100) / year_days, 0))


def check_submissions(page: lxml.html.HtmlElement, facts: YearFacts) -> None:
    rows = page.xpath("//section[@id='gui-bao-cao']//tbody/tr")
    assert [row.get("data-unit") for row in rows] == [s.unit.id for s in facts.submissions]
    for row, sub in zip(rows, facts.submissions, strict=True):
        unit, sent, state, days = cells(row)
        assert unit == sub.unit.label
        assert sent == (fmt.short_date(sub.submitted_on) if sub.submitted_on else "—")
        assert state == SUBMISSION_LABELS[sub.state.value]
        if sub.days_late is not None:
            assert days == f"muộn {sub.days_late} ngày"
        elif sub.days_overdue is not None:
            assert days == f"quá hạn {sub.days_overdue} ngày"
        elif sub.days_left is not None:
            assert days == f"còn {sub.days_left} ngày"
    svg = page.xpath("//section[@id='gui-bao-cao']//svg")[0]
    dots = svg.xpath(".//*[contains(@class,'series')]//circle")
    assert len(dots) == len(facts.submissions)  # one dot per unit, sent or not


def check_tasks(page: lxml.html.HtmlElement, facts: YearFacts) -> None:
    rows = page.xpath("//section[@id='nhiem-vu']//tbody/tr")
    assert [row.get("data-task") for row in rows] == [t.task.id for t in facts.tasks]
    for row, task in zip(rows, facts.tasks, strict=True):
        name, _lead, state, progress, deadline, marks = cells(row)
        assert name.startswith(f"{task.task.id}. {task.task.label}")
        if task.status is not None:
            assert state == STATUS_LABELS[task.status.value]
        else:
            assert state in ("gồm các nhiệm vụ con", "chưa có báo cáo") or state.startswith(
                "chưa có báo cáo ("
            )
        if task.progress is None:
            assert progress == "chưa rõ"
        else:
            base = (
                f" ({task.progress_base[0]}/{task.progress_base[1]})" if task.progress_base else ""
            )
            assert progress == f"{task.progress}%{base}"
            width = row.xpath(".//span[contains(@class,'bar')]/span/@style")[0]
            assert width == f"width:{task.progress}%"
        verdict = facts.judged.task(task.task.id).verdict
        assert ("⚠ quá hạn" in marks) == (verdict is TaskVerdict.OVERDUE)
        assert ("⚠ đã qua hạn" in marks) == (verdict is TaskVerdict.DUE_PASSED_UNCONFIRMED)
        if task.open_difficulties:
            assert f"{len(task.open_difficulties)} vướng mắc" in marks
        else:
            assert "vướng mắc" not in marks
        if task.task.deadline is not None:
            assert deadline.startswith(task.task.deadline.text)
        if task.due is not None:
            assert fmt.short_date(task.due) in deadline or task.due.strftime("%d/%m/%Y") in deadline


def check_indicators(page: lxml.html.HtmlElement, facts: YearFacts) -> None:
    blocks = page.xpath("//section[@id='chi-tieu']//div[@data-indicator]")
    assert [b.get("data-indicator") for b in blocks] == [i.indicator.id for i in facts.indicators]
    for block, ind in zip(blocks, facts.indicators, strict=True):
        unit = ind.indicator.unit_of_measure
        rows = block.xpath(".//tbody/tr")
        assert [int(r.get("data-year")) for r in rows] == list(ind.readings)
        for row, (_, reading) in zip(rows, ind.readings.items(), strict=True):
            assert cells(row)[1] == fmt.quantity(reading.value, unit)
        summary = words(block.xpath(".//dl[@class='facts']")[0])
        assert ASSESSMENT_LABELS[ind.assessment] in summary
        assert fmt.quantity(ind.indicator.target, unit) in summary
        svg = block.xpath(".//svg")[0]
        legend = words(svg)
        assert "Mục tiêu" in legend and f"Cuối kỳ: năm {ind.indicator.period.end}" in legend
        if ind.projection is not None:
            estimate = fmt.quantity(fmt.round_half_up(ind.projection.projected, 1), unit)
            assert f"ước tính {estimate}" in legend and "Ước tính đến" in legend
            assert estimate in summary
            # the third series is the estimate: drawn, and dashed by the chart's own style
            assert svg.xpath(".//g[contains(@class,'serie-2')]/path[contains(@class,'line')]")
            style = "".join(svg.xpath(".//style/text()"))
            assert re.search(r"\.series\.serie-2\{[^}]*stroke-dasharray:3,5", style)
        else:
            assert "ước tính" not in legend


def spent_shown(money: Money) -> str:
    """A spent cell as the page must show it: 'ít nhất' when some priced activity has no
    spent amount written (the sum is a floor), 'không ghi' when none was written."""
    if not money.spent_given:
        return "không ghi"
    return ("ít nhất " if money.spent_missing else "") + fmt.money(money.spent)


def check_budget(page: lxml.html.HtmlElement, facts: YearFacts) -> None:
    section = page.xpath("//section[@id='kinh-phi']")[0]
    tables = section.xpath(".//table")
    by_unit = tables[0].xpath(".//tbody/tr")
    assert [r.get("data-unit") for r in by_unit] == [
        *(line.key for line in facts.budget),
        "__total__",
    ]
    for row, line in zip(by_unit, facts.budget, strict=False):
        _, _, planned, spent, rate = cells(row)
        if line.money is None:
            assert planned == spent == "chưa rõ"  # unknown, never 0
        elif not line.money.given:
            assert planned == spent == "không ghi"  # no amount written, never 0
        else:
            assert planned == fmt.money(line.money.planned)
            assert spent == spent_shown(line.money)
            if line.money.spent_missing:  # no rate over a floor
                assert rate == "—"
    total = cells(by_unit[-1])
    if facts.budget_total.given:
        assert total[2] == fmt.money(facts.budget_total.planned)
        assert total[3] == spent_shown(facts.budget_total)
    else:  # nothing written: unknown when units are missing, else 'không ghi'
        blank = "chưa rõ" if facts.budget_total.unknown_units else "không ghi"
        assert total[2] == total[3] == blank
    if facts.budget_total.unknown_units:
        assert f"chưa gồm {len(facts.budget_total.unknown_units)} đơn vị" in total[1]
    by_task = tables[1].xpath(".//tbody/tr")
    for row, found in zip(by_task, task_money(facts), strict=True):
        assert row.get("data-task") == found.task.task.id
        _, planned, spent, _, _ = cells(row)
        if found.money is None or (not found.money.given and found.missing):
            assert planned == spent == "chưa rõ"
        elif not found.money.given:
            assert planned == spent == "không ghi"
        else:
            assert (planned, spent) == (fmt.money(found.money.planned), spent_shown(found.money))
    svg_text = words(section.xpath(".//svg")[0])
    for line in facts.budget:
        if line.money is None:
            assert "chưa rõ" in svg_text  # the bar that is not drawn says why


def check_footer(page: lxml.html.HtmlElement, facts: YearFacts) -> None:
    footer = words(page.xpath("//footer")[0])
    assert fmt.long_date(facts.as_of) in footer
    assert "kehoach 9.9.9" in footer and "commit 0123456789ab" in footer


def check_self_contained(html: str) -> None:
    """Nothing to fetch, nothing to run: no script, no external reference, the policy."""
    assert "<script" not in html.lower()
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    for url in re.findall(r"""(?:href|src|xlink:href)\s*=\s*["']([^"']+)""", html):
        assert url.startswith("#"), url
    assert "@import" not in html and "url(" not in html


@pytest.mark.parametrize("case", CASES)
def test_bundled_years(case: str):
    root, year, as_of = CASES[case]
    facts = facts_of(root, year, as_of)
    html = render_dashboard(facts, Provenance("9.9.9", "0123456789abcdef" * 2 + "01234567"))
    page = lxml.html.fromstring(html.decode("utf-8"))
    check_self_contained(html.decode("utf-8"))
    for check in (
        check_headline,
        check_submissions,
        check_tasks,
        check_indicators,
        check_budget,
        check_footer,
    ):
        check(page, facts)


def test_before_the_deadline_nobody_is_overdue():
    facts = facts_of(REPO, 2024, date(2024, 11, 10))
    page = page_of(facts)
    card = page.xpath("//div[@data-key='deadline']")[0]
    assert [words(dd) for dd in card.xpath("./dd")] == ["5 ngày", "còn lại đến hạn"]
    assert not page.xpath("//ul[@class='attention']")
    calm = words(page.xpath("//section[@id='tong-quan']//p[@class='calm']")[0])
    assert calm.endswith("còn 4 đơn vị chưa có báo cáo được tính.")  # silence is not good news
    assert {s.state for s in facts.submissions} == {
        SubmissionState.ON_TIME,
        SubmissionState.PENDING,
    }


def test_ubnd_plan(ubnd_workspace: Path):
    facts = facts_of(ubnd_workspace, 2024, date(2024, 12, 10))
    states = {s.unit.id: s.state.value for s in facts.submissions}
    assert states == {
        "stttt": "on_time",
        "snv": "missing",
        "stc": "on_time",
        "dong-xoai": "late",
        "binh-long": "draft",
        "dong-phu": "invalid",
    }
    # 2.2: its lead said 'delayed' on 25/11, after its due date 30/9: overdue. 2.1 (due
    # quý III, led by the districts): one says done, the others sent nothing usable — not
    # known to be late, only not fully reported
    assert [t.task.id for t in facts.tasks if t.overdue] == ["2.2"]
    html = render_dashboard(facts, Provenance("9.9.9", None, None)).decode("utf-8")
    check_self_contained(html)
    page = lxml.html.fromstring(html)
    for check in (check_headline, check_submissions, check_tasks, check_indicators, check_budget):
        check(page, facts)
    assert "Kế hoạch không đặt chỉ tiêu định lượng." in words(page)
    notice = words(page.xpath("//p[@class='notice']")[0])
    assert "data/progress/2024/dong-phu.yaml" in notice and str(ubnd_workspace) not in html
    attention = words(page.xpath("//ul[@class='attention']")[0])
    assert "Sở Nội vụ: chưa gửi báo cáo, quá hạn 10 ngày." in attention
    # the findings' verdicts, with the report each rests on
    assert (
        "Nhiệm vụ 2.2 Kho dữ liệu dùng chung: quá thời hạn 30/09/2024 mà chưa hoàn thành "
        "(Sở TT&TT báo cáo chậm tiến độ ngày 25/11/2024)" in attention
    )
    assert (
        "Nhiệm vụ 2.1 Rà soát hạ tầng mạng cấp huyện: chưa có báo cáo phần việc của đơn vị "
        "chủ trì: UBND thị xã Bình Long (bản nháp, chưa gửi), UBND huyện Đồng Phú (tệp có lỗi)"
        in attention
    )
    # a draft past the deadline is not a report: it needs acting on (issue 21, pattern 17)
    assert "UBND thị xã Bình Long: mới có bản nháp (chưa ghi ngày gửi), đã qua hạn nộp" in attention
    # each line links to the row that shows its detail
    for link in page.xpath("//ul[@class='attention']//a"):
        target = page.xpath(f"//*[@id='{link.get('href')[1:]}']")
        assert len(target) == 1 and target[0].tag in ("tr", "div"), link.get("href")
    assert [a.get("href") for a in page.xpath("//ul[@class='attention']//a")][:3] == [
        "#don-vi-snv",
        "#don-vi-binh-long",
        "#don-vi-dong-phu",
    ]
    assert "dữ liệu: không rõ commit" in words(page.xpath("//footer")[0])


def test_charts_have_text_alternatives_and_tables():
    page = page_of(facts_of(REPO, 2024, date(2024, 12, 1)))
    figures = page.xpath("//figure")
    assert len(figures) == 4
    for figure in figures:
        svg = figure.xpath(".//svg")[0]
        assert svg.get("role") == "img" and len(svg.get("aria-label")) > 40
        assert figure.xpath(".//table/caption")  # the numbers, as a real table
        assert figure.xpath("./figcaption")


def test_the_page_is_the_same_from_run_to_run():
    facts = facts_of(REPO, 2024, date(2024, 12, 1))
    provenance = Provenance("9.9.9", None, False)
    assert render_dashboard(facts, provenance) == render_dashboard(facts, provenance)


def test_command(cli, workspace: Path, tmp_path: Path):
    target = tmp_path / "out" / "trang.html"
    target.parent.mkdir()
    result = cli(
        "dashboard",
        "--year",
        "2024",
        "--as-of",
        "2024-12-01",
        "-o",
        str(target),
        "--root",
        str(workspace),
    )
    assert result.code == 0, result.stderr
    assert result.stdout.strip() == str(target)
    assert "Đã ghi" in result.stderr
    page = lxml.html.fromstring(target.read_text(encoding="utf-8"))
    assert words(page.xpath("//div[@data-key='reported']/dd")[0]) == "6/6"
    assert "dữ liệu: ngoài git" in words(page.xpath("//footer")[0])


def test_command_refuses_bad_outputs(cli, workspace: Path, tmp_path: Path):
    root = ["--root", str(workspace)]
    wrong = cli("dashboard", "--year", "2024", "-o", str(tmp_path / "a.docx"), *root)
    assert wrong.code == 2 and "đuôi .html" in wrong.stderr
    inside = cli("dashboard", "--year", "2024", "-o", str(workspace / "data" / "a.html"), *root)
    assert inside.code == 2 and "data/" in inside.stderr
    missing = cli("dashboard", "--year", "2024", "-o", str(tmp_path / "no" / "a.html"), *root)
    assert missing.code == 2 and "không tồn tại" in missing.stderr
    assert not list(tmp_path.rglob("*.html"))


def test_command_with_a_broken_file_writes_the_page_and_exits_1(
    cli, ubnd_workspace: Path, tmp_path: Path
):
    target = tmp_path / "ubnd.html"
    result = cli(
        "dashboard",
        "--year",
        "2024",
        "--as-of",
        "2024-12-10",
        "-o",
        str(target),
        "--root",
        str(ubnd_workspace),
    )
    assert result.code == 1
    assert "Bỏ qua 1 tệp có lỗi" in result.stderr
    assert "tệp có lỗi" in target.read_text(encoding="utf-8")


def test_only_the_dashboard_imports_the_chart_library():
    code = (
        "import sys\n"
        "from kehoach_cli.cli.entry import main\n"
        "import kehoach_cli.cli.app, kehoach_cli.dashboard\n"
        "assert 'pygal' not in sys.modules, 'pygal imported without drawing'\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    assert completed.returncode == 0, completed.stderr.decode()


def test_a_one_year_indicator_reads_as_its_year(cli, tmp_path):
    """'tối thiểu 25 tổ (năm 2026)', never '(giai đoạn 2026–2026)'."""
    from tests.conftest import REPO

    page = tmp_path / "p.html"
    root = str(REPO / "tests/fixtures/lam-ha")
    made = cli(
        "dashboard", "--year", "2026", "--as-of", "2026-12-31", "--root", root, "-o", str(page)
    )
    assert made.code == 0, made.stderr
    html = page.read_text(encoding="utf-8")
    assert "(năm 2026)" in html and "2026–2026" not in html
