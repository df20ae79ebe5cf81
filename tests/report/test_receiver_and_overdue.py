"""Sentences found untrue in a user test (tests/fixtures/lam-ha, a district plan): the
receiving unit leads a task itself and has not reported; task 2 is led by the communes'
group and is past its deadline (quý II); task 3 (Phòng NV) is past 30/11 in the yearly
report, not yet in the 6-month one; the yearly files write no amount at all; in the
6-month files one commune built one activity."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from kehoach_cli.dashboard.budget import budget
from kehoach_cli.facts import load_year, year_facts
from kehoach_cli.loading.workspace import Workspace
from kehoach_cli.report.context import ReportOptions, build_context
from kehoach_cli.status.assemble import status_output
from tests.conftest import FIXTURES, REPO, edit

ROOT = FIXTURES / "lam-ha"
YEAR_END = date(2026, 12, 31)
MID_YEAR = date(2026, 7, 1)


def context(
    as_of: date = YEAR_END,
    period: str | None = None,
    unit: str | None = None,
    root: Path = ROOT,
    year: int = 2026,
) -> dict:
    data = load_year(Workspace(root), year, as_of, period)
    return build_context(data, ReportOptions(unit=unit), as_of)


# --- 1. one true category per task ----------------------------------------------------------


@pytest.mark.parametrize(("as_of", "period"), [(YEAR_END, None), (MID_YEAR, "6-thang")])
def test_an_overdue_task_is_never_said_to_be_on_schedule(as_of: date, period: str | None):
    """Overdue needs evidence: the lead's report, sent after the due date, saying not done.
    Task 3 (due 30/11) has it in the yearly report (Phòng NV, 05/12: in progress). Task 2 (a
    group of communes, due quý II) has one commune's 'done' and no report from the other:
    its state is not known as a whole, so it is said to lack reports, not to be late."""
    ctx = context(as_of, period)
    overdue_line = next((s for s in ctx["shortcomings"] if "đã quá thời hạn" in s), "")
    overdue = set(re.findall(r"(?:: |; )(\d+) \(", overdue_line))
    on_schedule = [s for s in ctx["achievements"] if "theo kế hoạch" in s]
    told = {i for s in on_schedule for i in re.findall(r"(?:: |; )(\d+) \(", s)}
    assert not overdue & told, (overdue_line, on_schedule)
    # the counts agree with Bảng 1: the overdue rows are those the overdue bullet names
    table_overdue = {r["stt"] for r in ctx["task_rows"] if "quá hạn (" in r["note"]}
    assert table_overdue == overdue
    unreported = next(s for s in ctx["shortcomings"] if "chưa đủ báo cáo" in s)
    assert "2 (" in unreported and "2" not in overdue
    if period:  # task 3 is not due until 30/11: in progress and on schedule at mid-year
        assert on_schedule == [
            "- 1 nhiệm vụ đang thực hiện theo kế hoạch: 3 (Số hóa hồ sơ, kết quả giải quyết "
            "thủ tục hành chính)."
        ]
        assert overdue == set()
    else:  # task 3 is overdue: told once, under 'tồn tại, hạn chế'
        assert on_schedule == []
        assert overdue == {"3"}


def test_a_units_own_part_done_is_not_also_overdue_in_its_own_report():
    """UBND xã Tân Hà finished its own part of task 2; the other commune has not reported:
    its own report says done, never overdue."""
    ctx = context(unit="xa-tan-ha")
    # its part is done; the task, led by the communes together, is not its to call done
    assert any(
        "Hoàn thành phần của đơn vị trong 1 nhiệm vụ do nhiều đơn vị cùng chủ trì: 2 (" in s
        for s in ctx["achievements"]
    )
    assert not any("đã hoàn thành 1 nhiệm vụ: 2 (" in s for s in ctx["achievements"])
    assert not any("quá thời hạn" in s for s in ctx["shortcomings"])
    lines = [line for item in ctx["results"] for line in item["lines"]]
    assert not any("đã quá hạn" in line for line in lines)
    assert "quá hạn" not in ctx["task_rows"][1]["note"]
    # the consolidated report says task 2 as a whole still lacks a commune's report
    assert any("chưa đủ báo cáo" in s and "2 (" in s for s in context()["shortcomings"])


# --- 2. no amount known: the total is not 0 -------------------------------------------------


def test_a_total_of_no_known_amount_is_not_zero_in_report_status_and_dashboard():
    ctx = context()
    cells = {(r["planned"], r["spent"]) for r in ctx["budget_rows"]}
    assert cells == {("chưa rõ", "chưa rõ"), ("không ghi", "không ghi")}
    total = ctx["budget_total"]
    assert total["unit"] == "Tổng cộng (chưa đủ)"
    assert (total["planned"], total["spent"], total["rate"]) == ("chưa rõ", "chưa rõ", "—")
    assert not any("Giải ngân" in s for s in ctx["achievements"])
    facts = year_facts(load_year(Workspace(ROOT), 2026, YEAR_END))
    views = {view.name: view for view in status_output(facts, None, None).views}
    status_total = views["budget"].total
    assert (status_total["planned"], status_total["spent"]) == (None, None)
    page = budget(facts)
    assert "Giải ngân 0" not in page and "dự toán 0 " not in page
    total_row = re.search(r'<tr[^>]*data-unit="__total__".*?</tr>', page, re.S)
    assert total_row is not None and ">0<" not in total_row.group(0)
    unit_row = re.search(r'<tr[^>]*data-unit="phong-noi-vu".*?</tr>', page, re.S)
    assert unit_row is not None and ">0<" not in unit_row.group(0)
    assert "không ghi" in unit_row.group(0)


def test_a_complete_year_without_amounts_says_none_was_written(tmp_path: Path):
    """Every unit has reported, none wrote an amount: 'không ghi', not 0 and not
    'chưa rõ' (nobody is missing)."""
    root = tmp_path / "ws"
    shutil.copytree(ROOT, root)
    progress = root / "data/progress/2026"
    for unit, task in (("phong-van-hoa-va-thong-tin", "1"), ("xa-dan-phuong", "2")):
        text = (progress / "phong-noi-vu.yaml").read_text(encoding="utf-8")
        (progress / f"{unit}.yaml").write_text(
            text.replace("unit: phong-noi-vu", f"unit: {unit}").split("tasks:")[0]
            + f'tasks:\n  "{task}": {{status: in_progress, progress: 50}}\n',
            encoding="utf-8",
        )
    ctx = context(root=root)
    total = ctx["budget_total"]
    assert (total["unit"], total["planned"], total["spent"]) == (
        "Tổng cộng",
        "không ghi",
        "không ghi",
    )
    facts = year_facts(load_year(Workspace(root), 2026, YEAR_END))
    assert "Các báo cáo không ghi dự toán, giải ngân." in budget(facts)
    own = context(unit="phong-noi-vu")["budget_total"]  # a unit's own: no activity at all
    assert (own["planned"], own["spent"]) == ("không ghi", "không ghi")


# --- 3. who built activities, in which period -----------------------------------------------


def test_the_activities_sentence_names_who_built_them_and_the_period():
    mid = context(MID_YEAR, "6-thang")
    assert mid["direction"][1] == (
        "- UBND xã Tân Hà xây dựng 1 hoạt động chi tiết 6 tháng đầu năm 2026 với thời gian "
        "thực hiện và dự toán kinh phí cụ thể."
    )
    own = context(MID_YEAR, "6-thang", unit="xa-tan-ha")
    assert own["direction"][1] == (
        "- Xây dựng 1 hoạt động chi tiết 6 tháng đầu năm 2026 với thời gian thực hiện và dự "
        "toán kinh phí cụ thể."
    )
    # the yearly files have no activity: no sentence about activities
    assert not any("hoạt động chi tiết" in s for s in context()["direction"])


def test_activities_of_several_units_and_without_amounts_are_told_as_they_are(tmp_path: Path):
    root = tmp_path / "ws"
    shutil.copytree(ROOT, root)
    edit(
        root / "data/progress/2026/6-thang/phong-noi-vu.yaml",
        "    activities: []\n",
        "    activities:\n      - {title: Số hóa hồ sơ năm 2025, status: in_progress}\n",
    )
    line = context(MID_YEAR, "6-thang", root=root)["direction"][1]
    assert line == (
        "- 2 đơn vị (Phòng NV, UBND xã Tân Hà) xây dựng 2 hoạt động chi tiết 6 tháng đầu năm 2026."
    )


def test_many_builders_are_counted_and_only_the_specifics_every_activity_has_are_claimed():
    """examples/huyen-chuyen-doi-so, 2023: 7 of the 8 units that reported built activities;
    every activity has dates, not every one a planned amount."""
    root = REPO / "examples/huyen-chuyen-doi-so"
    ctx = context(date(2024, 1, 1), root=root, year=2023)
    assert ctx["direction"][1] == (
        "- 7 đơn vị xây dựng 12 hoạt động chi tiết năm 2023 với thời gian thực hiện cụ thể."
    )


# --- 4. the receiving unit's own part ---------------------------------------------------------


@pytest.mark.parametrize(("as_of", "period"), [(YEAR_END, None), (MID_YEAR, "6-thang")])
def test_the_receiving_unit_is_not_said_to_owe_a_report_to_itself(as_of: date, period: str | None):
    line = context(as_of, period)["direction"][-1]
    deadline = "15/12/2026" if period is None else "15/06/2026"
    day = as_of.strftime("%d/%m/%Y")
    assert line == (
        f"- Đến ngày {day}, 2/4 đơn vị đã gửi báo cáo về Phòng Văn hóa và Thông tin "
        f"(2 đúng hạn; hạn {deadline}); chưa gửi: UBND xã Đan Phượng; Phòng VH&TT chưa có "
        "báo cáo phần việc của mình."
    )


def test_the_receiving_units_own_report_draft_then_sent(tmp_path: Path):
    root = tmp_path / "ws"
    shutil.copytree(ROOT, root)
    own = root / "data/progress/2026/phong-van-hoa-va-thong-tin.yaml"
    text = (root / "data/progress/2026/phong-noi-vu.yaml").read_text(encoding="utf-8")
    own.write_text(
        text.replace("unit: phong-noi-vu", "unit: phong-van-hoa-va-thong-tin")
        .replace("submitted_on: 05/12/2026\n", "")
        .split("tasks:")[0]
        + 'tasks:\n  "1": {status: in_progress, progress: 70}\n',
        encoding="utf-8",
    )
    assert context(root=root)["direction"][-1].endswith(
        "; chưa gửi: UBND xã Đan Phượng; Phòng VH&TT chưa có báo cáo phần việc của mình "
        "(đang soạn, chưa gửi)."
    )
    edit(own, "year: 2026\n", "year: 2026\nsubmitted_on: 18/12/2026\n")
    assert context(root=root)["direction"][-1] == (
        "- Đến ngày 31/12/2026, 3/4 đơn vị đã gửi báo cáo về Phòng Văn hóa và Thông tin "
        "(2 đúng hạn, 1 gửi muộn; hạn 15/12/2026); chưa gửi: UBND xã Đan Phượng."
    )


def test_the_shortcomings_word_the_receiving_units_part_as_section_one_does():
    """III.2 lists the units that have not sent, and the receiving unit's own part apart."""
    shortcomings = context(YEAR_END, None)["shortcomings"]
    assert "- Đơn vị chưa gửi báo cáo: UBND xã Đan Phượng (Phụ lục)." in shortcomings
    assert "- Phòng VH&TT chưa có báo cáo phần việc của mình (Phụ lục)." in shortcomings
    assert not any("chưa gửi báo cáo: Phòng VH&TT" in line for line in shortcomings)
