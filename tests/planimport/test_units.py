"""Units read from the names a plan writes: the kind each name says (the police, the
military command, the Front, the mass organisations, schools, health bodies, companies),
whether a body outside the administration reports (it leads a task) or is an outside
partner (it only cooperates), which 'X và các Y' is one group, and the reporting periods."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from docx import Document

from kehoach_cli.loading.documents import load_yaml_bytes
from kehoach_cli.model.plan import Plan
from kehoach_cli.planimport.assignments import split_names
from kehoach_cli.planimport.reporting import read_reporting
from kehoach_cli.planimport.run import import_plan
from kehoach_cli.planimport.units import guess_kind
from kehoach_cli.report.plan_document import render_plan
from tests.conftest import REPO


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Công an xã Long Phụng", "cong_an"),
        ("Công an tỉnh", "cong_an"),
        ("Ban Chỉ huy quân sự xã", "quan_su"),
        ("Bộ Chỉ huy quân sự tỉnh", "quan_su"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam xã Long Phụng", "mat_tran"),
        ("Uỷ ban MTTQ Việt Nam huyện", "mat_tran"),
        ("Hội Liên hiệp Phụ nữ xã", "doan_the"),
        ("Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", "doan_the"),
        ("Hội Nông dân huyện", "doan_the"),
        ("Hội Cựu chiến binh xã", "doan_the"),
        ("Trường Trung học cơ sở Long Phụng", "truong_hoc"),
        ("Trạm Y tế xã Long Phụng", "y_te"),
        ("Trung tâm Y tế huyện", "y_te"),
        ("Bệnh viện Đa khoa tỉnh", "y_te"),
        ("Viễn thông Thanh Hóa", "doanh_nghiep"),
        ("Trung tâm Viễn thông Đăk R’lấp", "doanh_nghiep"),
        ("VNPT Lâm Đồng", "doanh_nghiep"),
        ("Công ty Điện lực Thanh Hóa", "doanh_nghiep"),
        ("Bưu điện tỉnh", "doanh_nghiep"),
        # what the words do not make a new kind
        ("Hội đồng nhân dân xã", "so_nganh"),
        ("Trung tâm Phục vụ hành chính công", "trung_tam"),
        ("Sở Thông tin và Truyền thông", "so_nganh"),
        ("Cục Thống kê tỉnh", "external"),
        ("Ngân hàng Nhà nước chi nhánh tỉnh", "external"),
    ],
)
def test_the_kind_a_name_says(name: str, kind: str):
    assert guess_kind(name)[0] == kind


def test_the_front_and_its_organisations_are_one_block():
    assert split_names("Ủy ban MTTQ Việt Nam xã và các đoàn thể, Trường THCS Long Phụng") == [
        "Ủy ban MTTQ Việt Nam xã và các đoàn thể",
        "Trường THCS Long Phụng",
    ]
    # … unless the plan names that Front on its own elsewhere: then it is a unit
    alone = frozenset({"ủy ban mttq việt nam xã"})
    assert split_names("Ủy ban MTTQ Việt Nam xã và các đoàn thể", alone) == [
        "Ủy ban MTTQ Việt Nam xã",
        "các đoàn thể",
    ]


def test_a_unit_and_a_group_joined_by_va_are_two_names():
    assert split_names("Sở Tài chính và các sở, ngành liên quan") == [
        "Sở Tài chính",
        "các sở, ngành liên quan",
    ]
    assert split_names("Thanh tra huyện, phòng Nội vụ và các phòng, đơn vị thuộc huyện.") == [
        "Thanh tra huyện",
        "phòng Nội vụ",
        "các phòng, đơn vị thuộc huyện",
    ]


def _write_plan(path: Path, tasks: list[str]) -> None:
    document = Document()
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = "Số: 20/KH-UBND"
    header.cell(1, 1).text = "Thanh Hóa, ngày 10 tháng 01 năm 2025"
    for text in (
        "KẾ HOẠCH",
        "Chuyển đổi số tỉnh Thanh Hóa năm 2025",
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
        "I. NHIỆM VỤ",
        *tasks,
        "II. TỔ CHỨC THỰC HIỆN",
        "Các cơ quan báo cáo kết quả về Sở Thông tin và Truyền thông theo quý (báo cáo quý "
        "II trước ngày 15/6/2025) và báo cáo năm trước ngày 10/12/2025.",
        "Trên đây là Kế hoạch chuyển đổi số tỉnh Thanh Hóa năm 2025./.",
        "Nơi nhận:",
        "- Lưu: VT.",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    ):
        document.add_paragraph(text)
    document.save(str(path))


TASKS = [
    "1. Phủ sóng di động các thôn",
    "- Cơ quan chủ trì: Sở Thông tin và Truyền thông",
    "- Cơ quan phối hợp: Viễn thông Thanh Hóa, Viettel Thanh Hóa",
    "2. Chuyển đổi số trong doanh nghiệp nhà nước",
    "- Cơ quan chủ trì: Viễn thông Thanh Hóa",
    "- Cơ quan phối hợp: Sở Tài chính và các sở, ngành liên quan",
    "3. Tuyên truyền về chuyển đổi số",
    "- Cơ quan chủ trì: Sở Thông tin và Truyền thông",
    "- Cơ quan phối hợp: Ủy ban MTTQ Việt Nam tỉnh và các đoàn thể",
]


def _draft(tmp_path: Path) -> tuple[dict, str]:
    _write_plan(tmp_path / "ke-hoach.docx", TASKS)
    imported = import_plan(tmp_path / "ke-hoach.docx", tmp_path / "plan.yaml")
    assert not [issue for issue in imported.issues if issue.is_error]
    return yaml.safe_load(imported.text), imported.text


def test_a_company_that_leads_reports_one_that_only_cooperates_is_a_partner(tmp_path: Path):
    data, text = _draft(tmp_path)
    units = {unit["name"]: unit for unit in data["units"]}
    vnpt, viettel = units["Viễn thông Thanh Hóa"], units["Viettel Thanh Hóa"]
    assert (vnpt["id"], vnpt["kind"]) == ("vnpt", "doanh_nghiep")
    assert (viettel["id"], viettel["kind"]) == ("viettel", "external")
    first = data["tasks"][0]
    assert first["cooperate"] == [vnpt["id"]]
    assert first["partners"] == [viettel["id"]]
    # each guess says why, where the reader checks it (comments wrap: compare words)
    text = " ".join(text.replace("#", " ").split())
    assert "chủ trì nhiệm vụ nên là đơn vị nộp báo cáo" in text
    assert "không chủ trì nhiệm vụ nào: ghi là cơ quan bên ngoài" in text


def test_groups_and_units_joined_by_va(tmp_path: Path):
    data, _ = _draft(tmp_path)
    names = {unit["id"]: unit["name"] for unit in data["units"]}
    names |= {f"group:{group['id']}": group["name"] for group in data["groups"]}
    second, third = data["tasks"][1], data["tasks"][2]
    assert [names[ref] for ref in second["cooperate"]] == [
        "Sở Tài chính",
        "Các sở, ngành liên quan",
    ]
    assert [names[ref] for ref in third["cooperate"]] == [
        "Ủy ban MTTQ Việt Nam tỉnh và các đoàn thể"
    ]


def test_reporting_periods_with_their_names_months_and_deadlines(tmp_path: Path):
    data, _ = _draft(tmp_path)
    assert data["reporting"]["periods"] == [
        {"id": "quy-2", "name": "quý II", "months": "4-6", "deadline": "15/6"},
        {"id": "nam", "name": "năm", "months": "1-12", "deadline": "10/12"},
    ]


@pytest.mark.parametrize(
    ("sentence", "periods"),
    [
        (
            "Báo cáo 6 tháng đầu năm trước ngày 05/6; báo cáo năm trước ngày 15/01 của năm sau.",
            [("6 tháng đầu năm", "1-6", "05/6"), ("năm", "1-12", "15/01 năm sau")],
        ),
        (
            "Báo cáo quý III năm 2025 trước ngày 15/9, báo cáo 9 tháng trước ngày 20/9 và "
            "báo cáo 6 tháng cuối năm trước ngày 5/12.",
            [("quý III", "7-9", "15/9"), ("9 tháng", "1-9", "20/9"),
             ("6 tháng cuối năm", "7-12", "5/12")],
        ),
        ("Báo cáo quý 4 trước ngày 10/12.", [("quý IV", "10-12", "10/12")]),
    ],
)  # fmt: skip
def test_the_period_each_deadline_is_for(sentence: str, periods: list[tuple[str, str, str]]):
    found = read_reporting([sentence]).periods
    assert [(p["name"], p["months"], p["deadline"]) for p in found] == periods


def test_the_commune_plan_reads_back_its_front_police_and_school(tmp_path: Path):
    source = REPO / "examples" / "xa-cai-cach-hanh-chinh" / "data" / "plan.yaml"
    plan = Plan.model_validate(load_yaml_bytes(source, source.read_bytes()).data)
    (tmp_path / "ke-hoach.docx").write_bytes(render_plan(plan))
    data = yaml.safe_load(import_plan(tmp_path / "ke-hoach.docx", tmp_path / "plan.yaml").text)
    kinds = {unit["name"]: unit["kind"] for unit in data["units"]}
    assert kinds["Ủy ban Mặt trận Tổ quốc Việt Nam xã Long Phụng"] == "mat_tran"  # it leads
    assert kinds["Công an xã Long Phụng"] == "cong_an"
    assert kinds["Trường Trung học cơ sở Long Phụng"] == "truong_hoc"
    assert kinds["Hội Liên hiệp Phụ nữ xã Long Phụng"] == "doan_the"  # it leads too
    # the block 'Ủy ban MTTQ Việt Nam xã và các đoàn thể' is the Front and the organisations
    block = next(g for g in data["groups"] if g["name"].startswith("Ủy ban MTTQ"))
    ids = {u["id"]: u["kind"] for u in data["units"]}
    assert sorted(ids[m] for m in block["members"]) == ["doan_the", "mat_tran"]
    # ids as agencies write them, the commune's name left out
    assert {"cong-an", "quan-su", "mat-tran", "hoi-phu-nu", "truong-thcs", "tram-y-te"} <= set(ids)
    # the yearly report's symbol follows the decision the plan was issued with
    assert data["reporting"]["report"]["symbol"] == "BC-UBND"
