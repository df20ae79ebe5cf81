"""The two examples of plans issued with a decision (examples/README of each):

- examples/xa-cai-cach-hanh-chinh: a commune's 2025 administrative reform plan issued with
  Quyết định 119/QĐ-UBND, reported for quý III and the year, carried out by units of every
  kind a commune has (police, military command, the Front, a mass organisation, a school,
  a health station, its own offices);
- examples/tinh-chuyen-doi-so-2021-2025: a provincial five-year plan issued with Quyết định
  4216/QĐ-UBND, reported every year 2021–2025, with a state company among its units and a
  final summary report of the period.

Each runs through the real CLI on a scratch copy; the documents are read back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document

from tests.conftest import REPO
from tests.test_examples import header_paragraphs, lines, signer_lines

XA = "xa-cai-cach-hanh-chinh"
TINH = "tinh-chuyen-doi-so-2021-2025"
XA_CITED = (
    "Kế hoạch ban hành kèm theo Quyết định số 119/QĐ-UBND ngày 18 tháng 7 năm 2025 của Ủy "
    "ban nhân dân xã Long Phụng"
)
# unit → (header paragraphs, signer lines) of its own yearly report
XA_UNITS = {
    "cong-an": (["CÔNG AN TỈNH QUẢNG NGÃI", "CÔNG AN XÃ LONG PHỤNG"], ["TRƯỞNG CÔNG AN"]),
    "quan-su": (
        ["UBND XÃ LONG PHỤNG", "BAN CHỈ HUY QUÂN SỰ XÃ LONG PHỤNG"],
        ["CHỈ HUY TRƯỞNG"],
    ),
    "mat-tran": (
        ["ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM XÃ LONG PHỤNG"],
        ["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"],
    ),
    "hoi-phu-nu": (
        ["ỦY BAN MTTQ VIỆT NAM XÃ LONG PHỤNG", "HỘI LIÊN HIỆP PHỤ NỮ XÃ LONG PHỤNG"],
        ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"],
    ),
    "truong-thcs": (
        ["UBND XÃ LONG PHỤNG", "TRƯỜNG TRUNG HỌC CƠ SỞ LONG PHỤNG"],
        ["HIỆU TRƯỞNG"],
    ),
    "tram-y-te": (["UBND XÃ LONG PHỤNG", "TRẠM Y TẾ XÃ LONG PHỤNG"], ["TRƯỞNG TRẠM"]),
    "trung-tam-hcc": (
        ["UBND XÃ LONG PHỤNG", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ"],
        ["GIÁM ĐỐC"],
    ),
    "phong-kinh-te": (["UBND XÃ LONG PHỤNG", "PHÒNG KINH TẾ"], ["TRƯỞNG PHÒNG"]),
    "van-phong": (["UBND XÃ LONG PHỤNG", "VĂN PHÒNG HĐND VÀ UBND XÃ"], ["CHÁNH VĂN PHÒNG"]),
}


@pytest.fixture
def workspace_of(tmp_path: Path):
    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(REPO / "examples" / name, target)
        return target

    return copy


def _docx_text(path: Path) -> str:
    return "\n".join(lines(Document(path)))


@pytest.mark.parametrize("name", [XA, TINH])
def test_the_example_validates_strictly_and_labels_its_parts(cli, workspace_of, name: str):
    root = workspace_of(name)
    result = cli("validate", "--strict", "--root", str(root))
    assert result.code == 0, result.stderr
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "tái dựng" in readme.lower() and "dữ liệu mẫu" in readme.lower()
    for progress in (root / "data/progress").rglob("*.yaml"):
        assert "DỮ LIỆU MẪU" in progress.read_text(encoding="utf-8"), progress


def test_the_communes_plan_is_cited_by_its_decision_in_every_document(
    cli, workspace_of, tmp_path: Path
):
    root = workspace_of(XA)
    where = ("--root", str(root))
    texts: dict[str, str] = {}
    for name, args in {
        "quý III": ("--year", "2025", "--period", "quy-3", "--as-of", "2025-09-30"),
        "năm": ("--year", "2025", "--as-of", "2025-12-31"),
    }.items():
        out = tmp_path / f"{name}.docx"
        assert cli("report", *args, "-o", str(out), *where).code == 0
        texts[name] = _docx_text(out)
    for unit in XA_UNITS:
        out = tmp_path / f"{unit}.docx"
        args = ("--year", "2025", "--as-of", "2025-12-31", "--unit", unit, "-o", str(out))
        assert cli("report", *args, *where).code == 0, unit
        texts[unit] = _docx_text(out)
    assert cli("plan", "render", "-o", str(tmp_path / "plan.docx"), *where).code == 0
    texts["plan"] = _docx_text(tmp_path / "plan.docx")
    status = cli("status", "--year", "2025", "--as-of", "2025-12-31", *where)
    texts["status"] = status.stdout
    assert cli("dashboard", "--year", "2025", "-o", str(tmp_path / "d.html"), *where).code == 0
    texts["dashboard"] = (tmp_path / "d.html").read_text(encoding="utf-8")
    for name, text in texts.items():
        assert "số …" not in text and "Kế hoạch số" not in text, name
    for name in ("quý III", "năm", *XA_UNITS):  # the opening cites it in full
        assert XA_CITED in " ".join(texts[name].split()), name
    # short where more follows ('…, năm 2025: …'): the decision's number identifies it
    assert "Kế hoạch ban hành kèm theo Quyết định số 119/QĐ-UBND, năm 2025" in texts["status"]
    assert "(Ban hành kèm theo Quyết định số 119/QĐ-UBND" in texts["plan"]
    assert "Số:" not in texts["plan"]


@pytest.mark.parametrize("unit", list(XA_UNITS))
def test_each_kind_of_unit_heads_and_signs_its_own_report(cli, workspace_of, tmp_path, unit):
    root = workspace_of(XA)
    out = tmp_path / "u.docx"
    args = ("--year", "2025", "--as-of", "2025-12-31", "--unit", unit, "-o", str(out))
    assert cli("report", *args, "--root", str(root)).code == 0
    document = Document(out)
    header, signer = XA_UNITS[unit]
    assert [text for text, _ in header_paragraphs(document)] == header
    assert signer_lines(document) == signer


def test_the_quarter_report_lists_who_has_not_sent(cli, workspace_of, tmp_path: Path):
    root = workspace_of(XA)
    out = tmp_path / "q3.docx"
    args = ("--year", "2025", "--period", "quy-3", "--as-of", "2025-09-30", "-o", str(out))
    assert cli("report", *args, "--root", str(root)).code == 0
    text = " ".join(_docx_text(out).split())
    assert "8/10 đơn vị đã gửi báo cáo" in text
    assert "chưa gửi: Trường THCS, Trạm Y tế (đang soạn, chưa gửi)" in text
    assert "quý III năm 2025" in text and "QUÝ IV NĂM 2025" in text


def test_the_five_year_plan_reports_every_year(cli, workspace_of, tmp_path: Path):
    root = workspace_of(TINH)
    for year in range(2021, 2026):
        out = tmp_path / f"{year}.docx"
        args = ("--year", str(year), "--as-of", f"{year}-12-31", "-o", str(out))
        assert cli("report", *args, "--root", str(root)).code == 0, year
    refused = cli("report", "--year", "2026", "--root", str(root))
    assert refused.code == 2 and "2021–2025" in refused.stderr
    # the company's own report: its name alone under its group's, its director signs
    out = tmp_path / "vnpt.docx"
    args = ("--year", "2025", "--as-of", "2025-12-31", "--unit", "vnpt", "-o", str(out))
    assert cli("report", *args, "--root", str(root)).code == 0
    document = Document(out)
    assert [t for t, _ in header_paragraphs(document)] == [
        "TẬP ĐOÀN BƯU CHÍNH VIỄN THÔNG VIỆT NAM",
        "VIỄN THÔNG THANH HÓA",
    ]
    assert signer_lines(document) == ["GIÁM ĐỐC"]


def test_the_summary_report_of_the_period(cli, workspace_of, tmp_path: Path):
    root = workspace_of(TINH)
    out = tmp_path / "tong-ket.docx"
    result = cli("summary", "--as-of", "2026-01-20", "-o", str(out), "--root", str(root))
    assert result.code == 0, result.stderr
    document = Document(out)
    text = " ".join(" ".join(lines(document)).split())
    assert "Tổng kết thực hiện Kế hoạch ban hành kèm theo Quyết định số 4216/QĐ-UBND" in text
    assert "giai đoạn 2021–2025" in text and "số …" not in text
    assert "Lưu ý: chưa đủ báo cáo năm: năm 2022 có 5/6 đơn vị gửi." in text
    assert "Kết quả đến năm 2025: đạt 2/4 chỉ tiêu; không đạt 2/4 chỉ tiêu (Bảng 1)." in text
    indicators = document.tables[1]
    assert [c.text for c in indicators.rows[0].cells] == [
        "STT", "Chỉ tiêu", "Mục tiêu", "2021", "2022", "2023", "2024", "2025", "Đánh giá",
    ]  # fmt: skip
    digital = [c.text for c in indicators.rows[4].cells]
    assert digital[1:] == [
        "Tỷ trọng kinh tế số trong GRDP của tỉnh (%)", "tối thiểu 20%",
        "6,5", "8,1", "10,2", "11,9", "13,4", "không đạt",
    ]  # fmt: skip
    tasks = document.tables[2]
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in tasks.rows[1:]}
    assert rows["2.2"][3:] == ["20", "50", "100", "100", "100", "hoàn thành"]
    # 2022: the one district that reported said done, the other sent nothing: no state
    assert rows["3.2.3"][3:] == ["100", "—", "100", "100", "100", "hoàn thành"]
    assert rows["3.2"][3:] == ["", "", "", "", "", ""]  # a heading over subtasks
    assert (
        "Nhiệm vụ 2.1 (Mạng băng rộng cáp quang đến thôn, bản) chưa hoàn thành: báo cáo năm "
        "2025: đang thực hiện, 90%." in text
    )
    assert "Chỉ tiêu “Tỷ lệ hộ gia đình có Internet cáp quang băng rộng” không đạt" in text


def test_a_summary_needs_the_plans_period(cli, workspace, tmp_path: Path):
    from tests.conftest import edit

    edit(workspace / "data/plan.yaml", "period: {start: 2023, end: 2030}\n", "")
    result = cli("summary", "-o", str(tmp_path / "t.docx"), "--root", str(workspace))
    assert result.code == 2 and "period" in result.stderr
    assert not (tmp_path / "t.docx").exists()
