from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kehoach_cli.facts import load_year as load_status_data
from kehoach_cli.loading.workspace import Workspace
from kehoach_cli.report.context import NothingToReport, ReportOptions, build_context
from tests.conftest import REPO


def context(
    root: Path = REPO, year: int = 2024, unit: str | None = None, as_of: date = date(2024, 12, 1)
):
    data = load_status_data(Workspace(root), year, as_of)
    return build_context(data, ReportOptions(unit=unit), as_of)


def test_consolidated_report_structure():
    ctx = context()
    # the plan has no number yet: cited as 'số …/' everywhere, for the văn thư to fill in
    assert ctx["summary"] == "Kết quả thực hiện Kế hoạch số …/KH-SKHCN năm 2024"
    assert ctx["opening"].startswith(
        "Thực hiện Kế hoạch số …/KH-SKHCN năm 2023 của Sở Khoa học và Công nghệ"
    )
    assert "số /" not in " ".join(
        [ctx["summary"], ctx["opening"], *ctx["direction"], ctx["closing"]]
    )
    assert ctx["opening"].endswith("báo cáo kết quả thực hiện năm 2024 như sau:")
    headings = [item["heading"] for item in ctx["results"]]
    assert headings[0].startswith("1. Đẩy mạnh công tác thông tin")
    assert headings[1].startswith("2. Phát triển khoa học")
    assert [h.split(")")[0] for h in headings[2:]] == [
        "a",
        "b",
        "c",
        "d",
        "đ",
        "e",
    ]  # Vietnamese letters: no f
    assert ctx["closing"].endswith("./.")
    # one numbering scheme: the plan's own task numbers
    assert [row["stt"] for row in ctx["task_rows"]] == ["1", "2", *(f"2.{n}" for n in range(1, 7))]
    assert [row["is_group"] for row in ctx["task_rows"]].count(True) == 1
    assert ctx["budget_total"]["planned"] == "1.805.000.000"
    assert ctx["indicator_rows"][0]["actual"] == "2023: 45,2%; 2024: 47,9% (sơ bộ)"
    assert ctx["late_rows"] == [
        {
            "stt": "1",
            "unit": "Thanh tra Sở",
            "submitted": "20/11/2024",
            "state": "gửi muộn",
            "days": "5",
        }
    ]
    assert any("chậm tiến độ: 2.4" in line for line in ctx["shortcomings"])
    assert ctx["recipients"][-1] == "- Lưu: VT, KHTC."
    assert ctx["signer"] == {"authority": None, "title": "GIÁM ĐỐC", "name": "Lại Thế Thông"}


def test_lead_results_cooperators_activities_and_indicator_in_task_items():
    items = {
        item["heading"].split("(nhiệm\u00a0vụ\u00a0")[1].rstrip(")"): item["lines"]
        for item in context()["results"]
    }
    lines = items["2.6"]
    assert (
        lines[0]
        == "- Đơn vị chủ trì: Phòng Kế hoạch Tài chính; tình trạng: đang thực hiện, đạt 50% kế hoạch năm."
    )
    assert any(line.startswith("+ Thống nhất với Cục Thống kê tỉnh") for line in lines)
    assert any(line.startswith("- Phòng Quản lý Khoa học (phối hợp):") for line in lines)
    [indicator] = [line for line in lines if line.startswith("- Chỉ tiêu")]
    assert "năm 2024 là 47,9% (nguồn: Cục Thống kê tỉnh, số liệu sơ bộ;" in indicator
    assert "khoảng 62,8%" in indicator and "(ước tính: nếu giữ mức tăng bình quân" in indicator


def test_a_year_with_missing_units_still_reports_and_says_so(workspace: Path):
    (workspace / "data/progress/2024/qlkh.yaml").unlink()
    ctx = context(workspace)
    lines = next(
        item["lines"] for item in ctx["results"] if "(nhiệm\u00a0vụ\u00a02.1)" in item["heading"]
    )
    assert lines[0].endswith("chưa có báo cáo năm 2024 (chưa gửi, quá hạn).")
    assert any(
        row["unit"] == "Phòng Quản lý Khoa học"
        and row["state"] == "chưa gửi, quá hạn 16 ngày"
        and row["days"] == "—"  # not late: not sent at all
        for row in ctx["late_rows"]
    )


def test_a_year_without_any_progress_file_is_an_error():
    with pytest.raises(NothingToReport) as caught:
        context(year=2030, as_of=date(2030, 12, 1))
    assert "2023, 2024" in str(caught.value)


def test_unit_report_is_addressed_to_the_receiving_unit_and_signed_by_the_head():
    ctx = context(unit="qlcn")
    assert ctx["issuing_body"] == "PHÒNG QUẢN LÝ\nCHUYÊN NGÀNH"  # broken between words
    assert ctx["parent_body"] == "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    assert ctx["addressee_lines"] == ["Kính gửi: Phòng Kế hoạch Tài chính."]
    assert ctx["symbol"] == "BC-QLCN"
    assert ctx["signer"]["title"] == "TRƯỞNG PHÒNG" and ctx["signer"]["name"] == ""
    listed = [row["stt"] for row in ctx["task_rows"]]
    assert "2.4" in listed and "2.2" in listed and "2.1" not in listed
    assert ctx["late_rows"] == []
    assert ctx["direction"][0] == (
        "- Phòng Quản lý chuyên ngành được giao chủ trì 2 nhiệm vụ (2.2, 2.4) và phối hợp "
        "4 nhiệm vụ (1, 2.3, 2.5, 2.6) theo Kế hoạch số …/KH-SKHCN."
    )


def test_unit_without_a_file_cannot_have_its_own_report(workspace: Path):
    (workspace / "data/progress/2024/tdc.yaml").unlink()
    with pytest.raises(NothingToReport):
        context(workspace, unit="tdc")
