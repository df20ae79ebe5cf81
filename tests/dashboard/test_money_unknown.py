"""The dashboard tells money nobody wrote down as unknown, never as 0: the budget table's
cells, the total's sentence and the chart's labels."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from kehoach_cli.dashboard import Provenance, render_dashboard
from tests.facts.money_cases import (
    FULLY_SPENT,
    MIXED,
    PLANNED_ONLY,
    SPENT_ZERO,
    facts_of,
    workspace,
)


def budget_section(root: Path) -> lxml.html.HtmlElement:
    html = render_dashboard(facts_of(root), Provenance("9.9.9"))
    return lxml.html.fromstring(html.decode("utf-8")).xpath("//section[@id='kinh-phi']")[0]


def words(node: lxml.html.HtmlElement) -> str:
    return " ".join(node.text_content().split())


def unit_cells(section: lxml.html.HtmlElement, unit: str) -> list[str]:
    row = section.xpath(f".//tr[@data-unit='{unit}']")[0]
    return [words(td) for td in row.xpath("./td")][2:]  # planned, spent, rate


def total_line(section: lxml.html.HtmlElement) -> str:
    return words(section.xpath(".//p[@class='total-line']")[0])


def test_planned_without_spent_reads_not_written(tmp_path: Path):
    section = budget_section(workspace(tmp_path, PLANNED_ONLY, FULLY_SPENT))
    assert unit_cells(section, "alpha") == ["100.000.000", "không ghi", "—"]
    assert unit_cells(section, "beta") == ["50.000.000", "40.000.000", "80,0%"]
    assert "Phòng Alpha — chưa ghi giải ngân" in words(section.xpath(".//svg")[0])


def test_only_planned_anywhere_has_no_disbursement_figure(tmp_path: Path):
    section = budget_section(workspace(tmp_path, PLANNED_ONLY, PLANNED_ONLY))
    assert unit_cells(section, "__total__") == ["200.000.000", "không ghi", "—"]
    assert total_line(section) == (
        "Dự toán 200.000.000 đồng, chưa có số liệu giải ngân (2 hoạt động chưa ghi số đã "
        "giải ngân), đủ mọi đơn vị."
    )


def test_a_mix_reads_at_least_without_a_rate(tmp_path: Path):
    section = budget_section(workspace(tmp_path, MIXED, FULLY_SPENT))
    assert unit_cells(section, "alpha") == ["150.000.000", "ít nhất 40.000.000", "—"]
    assert unit_cells(section, "__total__") == ["200.000.000", "ít nhất 80.000.000", "—"]
    assert total_line(section) == (
        "Giải ngân ít nhất 80.000.000 / dự toán 200.000.000 đồng (1 hoạt động chưa ghi số "
        "đã giải ngân), đủ mọi đơn vị."
    )
    task = section.xpath(".//tr[@data-task='1']")[0]
    assert [words(td) for td in task.xpath("./td")][1:4] == [
        "150.000.000",
        "ít nhất 40.000.000",
        "—",
    ]
    assert "Phòng Alpha — giải ngân chưa đủ" in words(section.xpath(".//svg")[0])


def test_spent_zero_written_stays_zero(tmp_path: Path):
    section = budget_section(workspace(tmp_path, SPENT_ZERO, FULLY_SPENT))
    assert unit_cells(section, "alpha") == ["20.000.000", "0", "0,0%"]
    assert total_line(section) == (
        "Giải ngân 40.000.000 / dự toán 70.000.000 đồng (57,1%), đủ mọi đơn vị."
    )
