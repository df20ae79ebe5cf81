"""Report, status (json and xlsx) and the findings agree on every count and list: who has
sent, who is late, who owes a report, which tasks are overdue or delayed, each task's
progress. They word one set of findings; none of them decides on its own."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from kehoach_cli.facts import load_year, year_facts
from kehoach_cli.loading.workspace import Workspace
from kehoach_cli.report.context import ReportOptions, build_context
from tests.conftest import FIXTURES, REPO

CASES = [
    (REPO, 2024, date(2024, 11, 12), None),
    (REPO, 2024, date(2024, 11, 25), None),
    (REPO / "examples/huyen-chuyen-doi-so", 2023, date(2023, 12, 2), None),
    (REPO / "examples/huyen-chuyen-doi-so", 2023, date(2023, 12, 15), None),
    (REPO / "examples/ubnd-tinh-ha-tang-so", 2024, date(2024, 6, 15), "6-thang"),
    (REPO / "examples/ubnd-tinh-ha-tang-so", 2024, date(2025, 2, 1), None),
    (FIXTURES / "lam-ha", 2026, date(2026, 12, 31), None),
]
IDS = [f"{root.name}-{year}-{as_of}-{period or 'nam'}" for root, year, as_of, period in CASES]


def _ids_in(lines: list[str], marker: str) -> set[str]:
    line = next((s for s in lines if marker in s), "")
    return set(re.findall(r"(?:: |; )([\d.]+) \(", line))


def _names_after(lines: list[str], marker: str) -> list[str]:
    line = next((s for s in lines if s.startswith(marker)), "")
    if not line:
        return []
    names = re.sub(r" \([^)]*\)", "", line.removeprefix(marker).removesuffix(" (Phụ lục)."))
    return names.split(", ")


@pytest.mark.parametrize(("root", "year", "as_of", "period"), CASES, ids=IDS)
def test_report_status_json_and_xlsx_agree(cli, root: Path, year, as_of, period, tmp_path):
    data = load_year(Workspace(root), year, as_of, period)
    facts = year_facts(data)
    ctx = build_context(data, ReportOptions(), as_of)
    args = ["status", "--year", str(year), "--as-of", as_of.isoformat(), "--root", str(root)]
    args += ["--period", period] if period else []
    result = cli(*args, "--format", "json")
    assert result.code == 0, result.stderr
    status = json.loads(result.stdout)

    # who has sent: section I and status' counts
    sent = re.search(r"(\d+)/(\d+) đơn vị đã gửi", " ".join(ctx["direction"]))
    reported = (status["units_reported"], status["units_expected"])
    if sent:
        assert (int(sent.group(1)), int(sent.group(2))) == reported
    # who is late, who owes a report: section III and status' 'Cần chú ý'
    attention = status["attention"]
    labels = {u["unit_name"] for u in attention["late_units"] if u["state"] == "late"}
    assert set(_names_after(ctx["shortcomings"], "- Đơn vị gửi báo cáo muộn: ")) == labels
    owed = {u["unit_name"] for u in attention["late_units"] if u["state"] != "late"}
    receiver = facts.index.units[facts.plan.reporting.receiver].label
    told = set(_names_after(ctx["shortcomings"], "- Đơn vị chưa gửi báo cáo: "))
    if any(s.startswith(f"- {receiver} chưa có báo cáo phần việc") for s in ctx["shortcomings"]):
        told.add(receiver)
    assert told == owed
    # tasks: overdue and delayed, in section III, Bảng 1, status' attention and task rows
    rows = {r["task"]: r for r in status["views"]["task"]["rows"]}
    overdue = {t["task"] for t in attention["overdue_tasks"]}
    assert _ids_in(ctx["shortcomings"], "đã quá thời hạn") == overdue
    assert {k for k, r in rows.items() if r["overdue"]} == overdue
    assert {r["stt"] for r in ctx["task_rows"] if "quá hạn (" in r["note"]} == overdue
    delayed = {t["task"] for t in attention["delayed_tasks"]}
    assert _ids_in(ctx["shortcomings"], "chậm tiến độ") == delayed
    assert {k for k, r in rows.items() if r["verdict"] == "behind"} == delayed
    # progress, rounded once, the same in Bảng 1 and status
    for row in ctx["task_rows"]:
        value = rows[row["stt"]]["progress"]
        assert row["progress"] == (f"{value}%" if value is not None else "—"), row

    # the xlsx export carries the same progress values
    out = tmp_path / "status.xlsx"
    result = cli(*args, "--format", "xlsx", "-o", str(out))
    assert result.code == 0, result.stderr
    book = openpyxl.load_workbook(io.BytesIO(out.read_bytes()), read_only=True)
    sheet = next(ws for ws in book.worksheets if "nhiệm vụ" in ws.title.lower())
    table = list(sheet.iter_rows(values_only=True))
    header_at = next(i for i, r in enumerate(table) if r and "NV" in r)
    header = list(table[header_at])
    task_col, progress_col = header.index("NV"), header.index("Tiến độ")
    xlsx = {str(r[task_col]): r[progress_col] for r in table[header_at + 1 :] if r[task_col]}
    for task_id, row in rows.items():  # a percent cell holds the fraction
        cell = xlsx[task_id]
        assert (round(cell * 100) if cell is not None else None) == row["progress"], task_id


# --- the document's date -------------------------------------------------------------------

HUYEN = REPO / "examples/huyen-chuyen-doi-so"


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["--unit", "kien-duc"], 0, "Kiến Đức, ngày 04 tháng 12 năm 2023"),  # the sending day
        (["--unit", "kien-duc", "--date", "01/12/2023"], 0, "Kiến Đức, ngày 01 tháng 12 năm 2023"),
        (["--unit", "kien-duc", "--date", "15/12/2023"], 2, "sau ngày Ủy ban nhân dân thị trấn"),
        (["--unit", "kien-duc", "--date", "20/05/2023"], 2, "26/05/2023"),  # an activity's end
        (["--date", "01/12/2023"], 2, "trước ngày số liệu 15/12/2023"),
        (["--date", "20/12/2023"], 0, "Đăk R’lấp, ngày 20 tháng 12 năm 2023"),
    ],
)
def test_the_document_date_never_contradicts_what_it_states(cli, tmp_path, args, code, said):
    from docx import Document

    out = tmp_path / "r.docx"
    result = cli(
        "report", "--year", "2023", "--as-of", "2023-12-15", "--root", str(HUYEN), *args,
        "-o", str(out),
    )  # fmt: skip
    assert result.code == code, result.stderr
    if code:
        assert said in result.stderr and not out.exists()
        return
    assert Document(str(out)).tables[0].cell(1, 1).text == said


def test_a_late_units_own_sending_is_never_called_on_time():
    """Xã Kiến Thành sent on 08/12/2023 (deadline 05/12): every line of its own report that
    tells its sending says late, including the appendix's sentence a template may show."""
    data = load_year(Workspace(HUYEN), 2023, date(2023, 12, 15))
    ctx = build_context(data, ReportOptions(unit="kien-thanh"), date(2023, 12, 15))
    told = [*ctx["direction"], ctx["appendix_empty"]]
    assert any("muộn 3 ngày" in line for line in told), told
    assert not any("đúng hạn" in line for line in told), told


def test_a_units_cooperation_row_says_its_figures_are_the_units_own_part():
    """Thọ Xuân cooperates on 2.1, which VNPT leads and reported in progress at 90%: the row
    of Thọ Xuân's own report shows Thọ Xuân's part, and says so."""
    root = REPO / "examples/tinh-chuyen-doi-so-2021-2025"
    data = load_year(Workspace(root), 2025, date(2026, 1, 20))
    ctx = build_context(data, ReportOptions(unit="tho-xuan"), date(2026, 1, 20))
    row = next(r for r in ctx["task_rows"] if r["stt"] == "2.1")
    assert row["lead"] == "VNPT Thanh Hóa"
    assert row["note"].startswith("phần phối hợp của đơn vị")
    whole = build_context(data, ReportOptions(), date(2026, 1, 20))
    lead_row = next(r for r in whole["task_rows"] if r["stt"] == "2.1")
    assert lead_row["progress"] != row["progress"]  # the task's own state is the lead's
