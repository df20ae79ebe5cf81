"""`kehoach plan render` for a plan of another shape than the bundled one.

The plan is tests/fixtures/ubnd-tinh (a test fixture in the usual structure of a UBND tỉnh
plan, not a real document): an issuer without a parent body, free sections (MỤC TIÊU,
KINH PHÍ), bullets and nested items, a group-led task with a deadline and a product.
Checked on the document python-docx reads back.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn

from kehoach_cli.checks.run import load_plan
from kehoach_cli.loading.workspace import Workspace
from kehoach_cli.model.plan import Numbering, Paragraph, Plan
from kehoach_cli.report.blocks import HEADER_WIDTHS_MM
from kehoach_cli.report.header_text import text_width_mm
from kehoach_cli.report.plan_document import render_plan
from kehoach_cli.report.plan_outline import letter, plan_outline
from tests.conftest import FIXTURES, REPO, edit

UBND = FIXTURES / "ubnd-tinh"
MM = 56.6929  # twips per millimetre


def load(root: Path = UBND) -> Plan:
    plan, issues = load_plan(Workspace(root))
    assert plan is not None, [issue.message for issue in issues]
    return plan


@pytest.fixture(scope="module")
def document() -> Any:
    return Document(io.BytesIO(render_plan(load())))


def texts(document: Any) -> list[str]:
    return [paragraph.text for paragraph in document.paragraphs]


def between(document: Any, first: str, last: str) -> list[Any]:
    """The body paragraphs from the one reading `first` up to, not including, `last`."""
    paragraphs = list(document.paragraphs)
    start = texts(document).index(first)
    end = texts(document).index(last)
    return paragraphs[start:end]


def bold(paragraph: Any) -> bool:
    """Bold as printed: every run bold, by the run or by the paragraph's style."""
    style_bold = bool(paragraph.style.font.bold)
    runs = [run for run in paragraph.runs if run.text.strip()]
    return bool(runs) and all(run.bold or (run.bold is None and style_bold) for run in runs)


def test_the_fixture_validates_strictly(tmp_path: Path, cli: Any):
    shutil.copytree(UBND, tmp_path / "ws")
    result = cli("validate", "--strict", "--root", str(tmp_path / "ws"))
    assert result.code == 0, result.stderr
    plan = load()
    assert plan.document.parent_body is None
    assert plan.tasks[1].subtasks[0].lead == "group:cac-huyen"


# --- header ----------------------------------------------------------------------------------


def test_an_issuer_without_parent_body_is_the_only_name_whole_and_bold(document: Any):
    left = document.tables[0].cell(0, 0)
    name, rule = left.paragraphs  # no parent line, not even an empty one
    assert name.text == "ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC"  # broken after "DÂN"
    assert len(name._p.findall(".//" + qn("w:br"))) == 1
    assert all(run.bold and run.font.size.pt == 12 for run in name.runs)
    assert rule.text == "" and rule._p.find(".//" + qn("w:pBdr")) is not None
    # the line under it is a third to a half of the longest line of the name
    longest = max(text_width_mm(line) for line in name.text.split("\n"))
    indent = rule.paragraph_format.left_indent
    length_mm = HEADER_WIDTHS_MM[0] - 2 * indent.mm
    assert longest / 3 <= length_mm <= longest / 2 + 0.1


def test_a_parent_body_stands_over_the_issuer_not_bold():
    document = Document(io.BytesIO(render_plan(load(REPO))))
    parent, name, _rule = document.tables[0].cell(0, 0).paragraphs
    assert parent.text == "UBND TỈNH ĐỒNG NAI"
    assert not any(run.bold for run in parent.runs)
    assert name.text == "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    assert all(run.bold for run in name.runs)


def test_number_and_date_of_the_issuer(document: Any):
    number = document.tables[0].cell(1, 0).paragraphs[0].text
    assert number.startswith("Số:") and number.endswith("/KH-UBND")
    assert document.tables[0].cell(1, 1).text == "Bình Phước, ngày 15 tháng 3 năm 2024"


# --- body ------------------------------------------------------------------------------------


def test_the_preamble_paragraphs_in_order_before_section_one(document: Any):
    paragraphs = texts(document)
    summary = "Thực hiện chuyển đổi số trong cơ quan nhà nước tỉnh Bình Phước năm 2024"
    start = paragraphs.index(summary) + 2  # then the short line under the summary
    end = paragraphs.index("I. MỤC ĐÍCH, YÊU CẦU")
    assert [" ".join(p.split()) for p in paragraphs[start:end]] == [
        " ".join(p.split()) for p in load().document.preamble
    ]
    assert paragraphs[start].startswith("Căn cứ Luật Tổ chức chính quyền địa phương")
    assert paragraphs[end - 1].endswith("như sau:")


def test_sections_in_their_order_with_roman_numerals(document: Any):
    headings = [p.text for p in document.paragraphs if p.style.name == "KH Mục"]
    assert headings == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. MỤC TIÊU",
        "III. NHIỆM VỤ, GIẢI PHÁP",
        "IV. KINH PHÍ THỰC HIỆN",
        "V. TỔ CHỨC THỰC HIỆN",
    ]


def test_numbered_items_with_bullets_and_letters_one_level_down(document: Any):
    section = between(document, "I. MỤC ĐÍCH, YÊU CẦU", "III. NHIỆM VỤ, GIẢI PHÁP")
    assert [(p.text, bold(p)) for p in section] == [
        ("I. MỤC ĐÍCH, YÊU CẦU", True),
        ("1. Mục đích", True),  # a label alone titles the items under it
        (
            "- Nâng cao nhận thức của cán bộ, công chức, viên chức về vai trò của chuyển "
            "đổi số trong hoạt động của cơ quan nhà nước.",
            False,
        ),
        ("- Hình thành nền tảng dữ liệu dùng chung của tỉnh.", False),
        (
            "2. Yêu cầu: Phân công rõ cơ quan chủ trì, thời hạn và sản phẩm của từng nhiệm vụ.",
            False,
        ),
        ("II. MỤC TIÊU", True),
        (
            "1. Mục tiêu chung: Xây dựng chính quyền số, nâng cao hiệu quả phục vụ người dân "
            "và doanh nghiệp.",
            False,
        ),
        ("2. Mục tiêu cụ thể", True),
        ("a) 100% hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng.", False),
        ("b) 80% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình.", False),
    ]


def test_a_bullet_section_puts_plus_under_its_dashes(document: Any):
    section = between(document, "IV. KINH PHÍ THỰC HIỆN", "V. TỔ CHỨC THỰC HIỆN")
    assert [p.text for p in section[1:]] == [
        "- Kinh phí thực hiện Kế hoạch được bố trí từ các nguồn:",
        "+ Ngân sách nhà nước theo phân cấp hiện hành;",
        "+ Nguồn vốn hợp pháp khác.",
        "- Các cơ quan, đơn vị lập dự toán cùng thời điểm xây dựng dự toán ngân sách hằng năm.",
    ]


def test_the_task_tree_stands_in_its_section_with_assignment_lines(document: Any):
    section = between(document, "III. NHIỆM VỤ, GIẢI PHÁP", "IV. KINH PHÍ THỰC HIỆN")
    assert [p.text for p in section[1:]] == [
        "1. Hoàn thiện thể chế, nâng cao nhận thức về chuyển đổi số",
        "Tuyên truyền, phổ biến về chuyển đổi số trên các phương tiện thông tin đại chúng.",
        "- Cơ quan chủ trì: Sở Thông tin và Truyền thông",
        # groups named as the plan names them, set apart by ';' as their names hold commas
        "- Cơ quan phối hợp: Các sở, ban, ngành; UBND các huyện, thị xã, thành phố",
        "- Thời gian hoàn thành: Thường xuyên",
        "- Sản phẩm: Chuyên mục chuyển đổi số trên Cổng thông tin điện tử tỉnh",
        "2. Phát triển hạ tầng và dữ liệu số",
        "2.1. Rà soát, nâng cấp mạng nội bộ và đường truyền số liệu chuyên dùng tại các cơ "
        "quan cấp huyện, cấp xã.",
        "- Cơ quan chủ trì: UBND các huyện, thị xã, thành phố",  # the leading group's name
        "- Cơ quan phối hợp: Sở Thông tin và Truyền thông, Viễn thông Bình Phước",  # + partner
        "- Thời gian hoàn thành: Quý III/2024",
        "- Sản phẩm: Báo cáo kết quả rà soát, nâng cấp hạ tầng mạng",
        "2.2. Xây dựng kho dữ liệu dùng chung của tỉnh, kết nối với các cơ sở dữ liệu quốc gia.",
        "- Cơ quan chủ trì: Sở Thông tin và Truyền thông",
        "- Cơ quan phối hợp: Sở Tài chính",
        "- Thời gian hoàn thành: trước 30/9/2024",
        "- Sản phẩm: Kho dữ liệu dùng chung được đưa vào vận hành",
    ]
    titles = [p.text for p in section if bold(p)]
    assert titles == [
        "III. NHIỆM VỤ, GIẢI PHÁP",
        "1. Hoàn thiện thể chế, nâng cao nhận thức về chuyển đổi số",
        "2. Phát triển hạ tầng và dữ liệu số",
    ]


def test_closing_and_signer(document: Any):
    paragraphs = texts(document)
    assert paragraphs[-1].endswith("xem xét, quyết định./.")
    assert document.paragraphs[-1].paragraph_format.keep_with_next  # with the signer block
    signer = [p.text for p in document.tables[-1].cell(0, 1).paragraphs if p.text]
    assert signer == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"]


def all_text(document: Any) -> str:
    body = document.element.body
    return " ".join(t.text or "" for t in body.iter(qn("w:t")))


def test_no_phrase_of_the_bundled_plan(document: Any):
    text = all_text(document)
    for phrase in (
        "Đơn vị chủ trì thực hiện",  # the legacy four-key form's labels only
        "Đơn vị phối hợp",
        "Sở Khoa học",
        "SỞ KHOA HỌC",
        "Đồng Nai",
        "ĐỒNG NAI",
        "phòng, đơn vị",
        "GIÁM ĐỐC",
    ):
        assert phrase not in text, phrase


def test_a_sections_labels_word_the_assignment_lines(tmp_path: Path):
    shutil.copytree(UBND, tmp_path / "ws")
    edit(
        tmp_path / "ws/data/plan.yaml",
        "    content: tasks\n",
        "    content: tasks\n    lead_label: Chủ trì\n    deadline_label: Thời hạn\n",
    )
    lines = [p.text for p in plan_outline(load(tmp_path / "ws"))]
    assert "- Chủ trì: UBND các huyện, thị xã, thành phố" in lines
    assert "- Thời hạn: Quý III/2024" in lines
    assert not any(line.startswith("- Cơ quan chủ trì") for line in lines)


def test_a_plan_without_sections_of_tasks_prints_no_task(tmp_path: Path):
    shutil.copytree(UBND, tmp_path / "ws")
    edit(tmp_path / "ws/data/plan.yaml", "    content: tasks\n", "")
    lines = [p.text for p in plan_outline(load(tmp_path / "ws"))]
    assert "III. NHIỆM VỤ, GIẢI PHÁP" in lines
    assert not any("Quý III/2024" in line for line in lines)


# --- marks -----------------------------------------------------------------------------------


def outline_of(items: list[Paragraph], numbering: Numbering) -> list[str]:
    plan = load().model_copy(deep=True)
    plan.sections = [plan.sections[0].model_copy(update={"items": items, "numbering": numbering})]
    return [p.text for p in plan_outline(plan)][1:]


def test_marks_go_down_the_decrees_order():
    deep = Paragraph(
        label="Một",
        items=[Paragraph(text="a", items=[Paragraph(text="b", items=[Paragraph(text="c")])])],
    )
    assert outline_of([deep], Numbering.NUMBER) == ["1. Một", "a) a", "- b", "+ c"]
    assert outline_of([deep], Numbering.BULLET) == ["- Một", "+ a", "+ b", "+ c"]
    assert outline_of([deep], Numbering.NONE) == ["Một", "- a", "+ b", "+ c"]


def test_an_item_may_mark_its_own_items_otherwise():
    item = Paragraph(text="Nguồn:", numbering=Numbering.NONE, items=[Paragraph(text="x")])
    assert outline_of([item], Numbering.NUMBER) == ["1. Nguồn:", "x"]
    numbered = Paragraph(text="Bước:", numbering=Numbering.NUMBER, items=[Paragraph(text="y")])
    assert outline_of([numbered], Numbering.BULLET) == ["- Bước:", "1. y"]


def test_item_letters_are_the_vietnamese_alphabet():
    assert [letter(n) for n in range(1, 8)] == ["a", "b", "c", "d", "đ", "e", "g"]
    assert letter(24) == "aa"
