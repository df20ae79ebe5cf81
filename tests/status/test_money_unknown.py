"""Status tells money nobody wrote down as unknown, never as 0: '—' in a table, an empty
cell in CSV and xlsx, null in JSON; a spent sum that leaves out priced activities reads
'ít nhất …' beside the count it leaves out, and has no rate. Numbers stay numbers."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from openpyxl import load_workbook

from kehoach_cli.status.assemble import status_output
from kehoach_cli.status.render import FORMATS, Terminal
from kehoach_cli.status.views import budget_view, tasks_view
from tests.facts.money_cases import (
    FULLY_SPENT,
    MIXED,
    PLANNED_ONLY,
    SPENT_ZERO,
    facts_of,
    workspace,
)

MISSING = "HĐ chưa ghi giải ngân"


def rendered(root: Path, name: str, by: str | None = "budget") -> bytes:
    output = status_output(facts_of(root), by, None, name)
    return FORMATS[name](output, Terminal(interactive=False, width=200))


def csv_rows(root: Path, by: str = "budget") -> dict[str, dict[str, str]]:
    text = rendered(root, "csv", by).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    key = "Đơn vị" if by == "budget" else "Nhiệm vụ"
    return {row[key]: row for row in rows}


def test_planned_without_spent_is_null_not_zero(tmp_path: Path):
    root = workspace(tmp_path, PLANNED_ONLY, FULLY_SPENT)
    alpha = budget_view(facts_of(root)).rows[0]
    assert (alpha["planned"], alpha["spent"], alpha["rate"]) == (100_000_000, None, None)
    assert alpha["spent_missing"] == 1
    document = json.loads(rendered(root, "json"))
    row = document["views"]["budget"]["rows"][0]
    assert (row["spent"], row["rate"], row["spent_missing"]) == (None, None, 1)
    cells = csv_rows(root)["Phòng Alpha"]
    assert (cells["Dự toán (đ)"], cells["Giải ngân (đ)"], cells["Tỷ lệ"]) == ("100000000", "", "")
    assert cells[MISSING] == "1"


def test_a_mix_reads_at_least_and_keeps_numbers_numeric(tmp_path: Path):
    root = workspace(tmp_path, MIXED, FULLY_SPENT)
    view = budget_view(facts_of(root))
    assert (view.total["spent"], view.total["rate"], view.total["spent_missing"]) == (
        80_000_000,
        None,
        1,
    )
    cells = csv_rows(root)
    assert (cells["Phòng Alpha"]["Giải ngân (đ)"], cells["Phòng Alpha"]["Tỷ lệ"]) == (
        "40000000",
        "",
    )
    assert cells["Phòng Beta"]["Tỷ lệ"] == "80.0" and cells["Phòng Beta"][MISSING] == "0"
    assert cells["Tổng cộng"][MISSING] == "1"
    table = rendered(root, "table").decode("utf-8")
    assert "ít nhất 40.000.000" in table and "ít nhất 80.000.000" in table
    assert "Số ghi “ít nhất …”: chưa gồm các hoạt động đã ghi dự toán" in table
    assert "Các dòng này chưa tính được tỷ lệ giải ngân." in table
    markdown = rendered(root, "markdown").decode("utf-8")
    assert "| 150.000.000 | ít nhất 40.000.000 | — |" in markdown


def test_the_xlsx_keeps_the_floor_a_number(tmp_path: Path):
    root = workspace(tmp_path, MIXED, FULLY_SPENT)
    sheet = load_workbook(io.BytesIO(rendered(root, "xlsx", None)))["Kinh phí"]
    headers = [cell.value for cell in sheet[2]]
    alpha = {h: c.value for h, c in zip(headers, sheet[3], strict=True)}
    assert (alpha["Giải ngân (đ)"], alpha["Tỷ lệ"], alpha[MISSING]) == (40_000_000, None, 1)


def test_the_task_table_never_shows_an_unwritten_zero(tmp_path: Path):
    root = workspace(tmp_path, MIXED, FULLY_SPENT)
    rows = {row["task"]: row for row in tasks_view(facts_of(root)).rows}
    assert (rows["1"]["planned"], rows["1"]["spent"], rows["1"]["spent_missing"]) == (
        150_000_000,
        40_000_000,
        1,
    )
    # 2.2: reported without any activity — nothing written, not 0 đồng
    assert (rows["2.2"]["planned"], rows["2.2"]["spent"]) == (None, None)
    cells = csv_rows(root, "task")
    assert (cells["Việc 2.2"]["Dự toán (đ)"], cells["Việc 2.2"]["Đã chi (đ)"]) == ("", "")
    assert cells["Nhiệm vụ một"][MISSING] == "1"


def test_no_column_of_missing_spent_when_every_spent_is_written(tmp_path: Path):
    root = workspace(tmp_path, SPENT_ZERO, FULLY_SPENT)
    view = budget_view(facts_of(root))
    assert "spent_missing" not in [column.key for column in view.columns]
    alpha = csv_rows(root)["Phòng Alpha"]
    assert (alpha["Giải ngân (đ)"], alpha["Tỷ lệ"]) == ("0", "0.0")  # written 0 stays 0
