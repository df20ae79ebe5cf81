"""The report tells money nobody wrote down as unknown, never as 0: table 2's cells, the
note under it and section III's sentence, for the consolidated report and a unit's own —
in the context and in the rendered .docx."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document

from kehoach_cli.report.context import ReportOptions, build_context
from kehoach_cli.report.render import default_template, render_docx
from tests.facts.money_cases import (
    AS_OF,
    FULLY_SPENT,
    MIXED,
    PLANNED_ONLY,
    SPENT_ZERO,
    data_of,
    workspace,
)


def context(root: Path, unit: str | None = None) -> dict:
    return build_context(data_of(root), ReportOptions(unit=unit), AS_OF)


def money_lines(ctx: dict) -> list[str]:
    return [line for line in ctx["achievements"] if "giải ngân" in line.lower()]


def cells(row: dict) -> tuple[str, str, str]:
    return row["planned"], row["spent"], row["rate"]


def test_planned_without_spent_reads_not_written_and_has_no_rate(tmp_path: Path):
    root = workspace(tmp_path, PLANNED_ONLY, FULLY_SPENT)
    ctx = context(root)
    alpha, beta = ctx["budget_rows"]
    assert cells(alpha) == ("100.000.000", "không ghi", "—")  # was '0', '0,0%'
    assert cells(beta) == ("50.000.000", "40.000.000", "80,0%")
    assert cells(ctx["budget_total"]) == ("150.000.000", "ít nhất 40.000.000", "—")
    own = context(root, unit="alpha")
    assert cells(own["budget_total"]) == ("100.000.000", "không ghi", "—")
    assert money_lines(own) == [
        "- Dự toán các hoạt động 100.000.000 đồng; chưa có số liệu giải ngân."
    ]


def test_a_mix_is_told_as_a_floor_with_what_it_leaves_out(tmp_path: Path):
    ctx = context(workspace(tmp_path, MIXED, FULLY_SPENT))
    assert cells(ctx["budget_rows"][0]) == ("150.000.000", "ít nhất 40.000.000", "—")
    assert cells(ctx["budget_total"]) == ("200.000.000", "ít nhất 80.000.000", "—")
    assert ctx["budget_notes"] == [
        "Có 1 hoạt động của Phòng Alpha đã ghi dự toán nhưng chưa ghi số đã giải ngân, nên "
        "chưa tính được tỷ lệ giải ngân của đơn vị này và của tổng cộng."
    ]
    assert money_lines(ctx) == [
        "- Giải ngân ít nhất 80.000.000/200.000.000 đồng dự toán các hoạt động "
        "(1 hoạt động chưa ghi số đã giải ngân)."
    ]


def test_several_rows_leaving_out_spent_are_each_named(tmp_path: Path):
    ctx = context(workspace(tmp_path, MIXED, [*PLANNED_ONLY, *PLANNED_ONLY]))
    assert ctx["budget_notes"] == [
        "Có 3 hoạt động (Phòng Alpha: 1 hoạt động; Phòng Beta: 2 hoạt động) đã ghi dự toán "
        "nhưng chưa ghi số đã giải ngân, nên chưa tính được tỷ lệ giải ngân của các đơn vị "
        "này và của tổng cộng."
    ]


def test_a_units_own_report_names_the_task(tmp_path: Path):
    ctx = context(workspace(tmp_path, MIXED, FULLY_SPENT), unit="alpha")
    assert cells(ctx["budget_rows"][0]) == ("150.000.000", "ít nhất 40.000.000", "—")
    assert ctx["budget_notes"] == [
        "Có 1 hoạt động của nhiệm vụ 1 đã ghi dự toán nhưng chưa ghi số đã giải ngân, nên "
        "chưa tính được tỷ lệ giải ngân của nhiệm vụ này và của tổng cộng."
    ]


def test_spent_zero_written_stays_zero(tmp_path: Path):
    ctx = context(workspace(tmp_path, SPENT_ZERO, FULLY_SPENT))
    assert cells(ctx["budget_rows"][0]) == ("20.000.000", "0", "0,0%")
    assert cells(ctx["budget_total"]) == ("70.000.000", "40.000.000", "57,1%")
    assert ctx["budget_notes"] == []
    assert money_lines(ctx) == [
        "- Giải ngân 40.000.000/70.000.000 đồng (57,1% dự toán các hoạt động)."
    ]


def test_the_docx_says_it_as_the_context_does(tmp_path: Path):
    ctx = context(workspace(tmp_path, MIXED, FULLY_SPENT))
    document = Document(io.BytesIO(render_docx(default_template(), ctx)))
    paragraphs = [p.text for p in document.paragraphs]
    assert money_lines(ctx)[0] in paragraphs
    assert ctx["budget_notes"][0] in paragraphs
    rows = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    assert ["1", "Phòng Alpha", "150.000.000", "ít nhất 40.000.000", "—"] in rows
    assert ["", "Tổng cộng", "200.000.000", "ít nhất 80.000.000", "—"] in rows
    assert not any(cell in ("0", "0,0%") for row in rows for cell in row)  # never a 0 unwritten
