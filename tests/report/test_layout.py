"""The generated report follows Decree 30/2020 (ND30.md), checked on the XML."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from kehoach_cli.loading.workspace import Workspace
from kehoach_cli.report.context import ReportOptions, build_context
from kehoach_cli.report.render import default_template, render_docx
from kehoach_cli.status.dataset import load_status_data
from tests.conftest import REPO
from tests.report.docx_xml import Docx, body_paragraphs, paragraph_text, q, run_props

MM = 56.6929  # twips per millimetre


@pytest.fixture(scope="module")
def report() -> Docx:
    data = load_status_data(Workspace(REPO), 2024, date(2025, 1, 5))
    context = build_context(data, ReportOptions(report_date=date(2025, 1, 5)), date(2025, 1, 5))
    return Docx(render_docx(default_template(), context))


def test_a4_portrait_with_margins_in_the_decrees_ranges(report: Docx):
    document = report.xml("word/document.xml")
    sections = list(document.iter(q("sectPr")))
    assert sections
    for section in sections:
        size = section.find(q("pgSz"))
        assert (int(size.get(q("w"))), int(size.get(q("h")))) == (11906, 16838)
        assert size.get(q("orient")) in (None, "portrait")
        margins = section.find(q("pgMar"))
        in_mm = {
            side: int(margins.get(q(side))) / MM for side in ("top", "bottom", "left", "right")
        }
        assert 20 <= round(in_mm["top"]) <= 25 and 20 <= round(in_mm["bottom"]) <= 25
        assert 30 <= round(in_mm["left"]) <= 35 and 15 <= round(in_mm["right"]) <= 20


def test_times_new_roman_in_all_four_slots_no_theme_fonts_vietnamese(report: Docx):
    styles = report.xml("word/styles.xml")
    defaults = styles.find(q("docDefaults")).find(q("rPrDefault")).find(q("rPr"))
    fonts = defaults.find(q("rFonts"))
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        assert fonts.get(q(slot)) == "Times New Roman"
    assert defaults.find(q("lang")).get(q("val")) == "vi-VN"
    parts = ["word/styles.xml", "word/document.xml", *report.parts("word/header")]
    for part in parts:
        for element in report.xml(part).iter(q("rFonts")):
            assert not any(key.endswith("Theme") or key.endswith("theme") for key in element), part
            if element.get(q("ascii")):
                assert element.get(q("ascii")) == "Times New Roman"


def header_table(report: Docx):
    return report.xml("word/document.xml").find(q("body")).find(q("tbl"))


def cell_paragraphs(cell):
    return [p for p in cell.iter(q("p"))]


def first_run(paragraph):
    return run_props(paragraph.find(q("r")))


def test_header_block(report: Docx):
    table = header_table(report)
    borders = table.find(q("tblPr")).find(q("tblBorders"))
    assert all(edge.get(q("val")) == "nil" for edge in borders)
    # borders come before tblLook in the schema order
    names = [child.tag for child in table.find(q("tblPr"))]
    assert names.index(q("tblBorders")) < names.index(q("tblLook"))
    rows = table.findall(q("tr"))
    left, right = rows[0].findall(q("tc"))
    parent, body, rule = cell_paragraphs(left)
    assert paragraph_text(parent) == "UBND TỈNH ĐỒNG NAI"
    assert first_run(parent) == {"bold": False, "italic": False, "size": 12}
    assert paragraph_text(body) == "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    assert first_run(body)["bold"] and first_run(body)["size"] == 12
    national, motto, motto_rule = cell_paragraphs(right)
    assert paragraph_text(national) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert first_run(national)["bold"] and first_run(national)["size"] == 12
    assert paragraph_text(motto) == "Độc lập - Tự do - Hạnh phúc"
    assert first_run(motto)["bold"] and first_run(motto)["size"] == 13
    # the issuing body's line is a third to a half of its ~57 mm text; the motto's ~60 mm
    for line, cell, shortest, longest in ((rule, left, 19, 29), (motto_rule, right, 55, 65)):
        border = line.find(q("pPr")).find(q("pBdr")).find(q("bottom"))
        assert border.get(q("val")) == "single"
        indent = line.find(q("pPr")).find(q("ind"))
        assert indent.get(q("left")) == indent.get(q("right"))  # centred
        width = int(cell.find(q("tcPr")).find(q("tcW")).get(q("w")))
        length_mm = (width - 2 * int(indent.get(q("left")))) / MM
        assert shortest <= length_mm <= longest
    number, place_date = (cell_paragraphs(cell)[0] for cell in rows[1].findall(q("tc")))
    assert re.fullmatch(r"Số: +/BC-SKHCN", paragraph_text(number))
    assert first_run(number) == {"bold": False, "italic": False, "size": 13}
    assert paragraph_text(place_date) == "Đồng Nai, ngày 05 tháng 01 năm 2025"
    assert first_run(place_date)["italic"] and 13 <= first_run(place_date)["size"] <= 14


def test_title_addressee_and_body(report: Docx):
    document = report.xml("word/document.xml")
    paragraphs = body_paragraphs(document)
    texts = [paragraph_text(p) for p in paragraphs]
    title = paragraphs[texts.index("BÁO CÁO")]
    assert first_run(title)["bold"] and first_run(title)["size"] == 14
    assert title.find(q("pPr")).find(q("jc")).get(q("val")) == "center"
    summary = paragraphs[texts.index("BÁO CÁO") + 1]
    assert paragraph_text(summary).startswith("Kết quả thực hiện Kế hoạch số")
    assert first_run(summary)["bold"]
    assert "Kính gửi: Ủy ban nhân dân tỉnh Đồng Nai." in texts
    for heading in (
        "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI",
        "II. KẾT QUẢ THỰC HIỆN",
        "III. ĐÁNH GIÁ CHUNG",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
    ):
        assert heading in texts
    assert not any(re.match(r"^\d+\.\d+\.? ", text) for text in texts)  # no "1.1" numbering
    closing = [text for text in texts if text.startswith("Trên đây là báo cáo")]
    assert len(closing) == 1 and closing[0].endswith("./.")


def _style(styles, name):
    for style in styles.iter(q("style")):
        if style.find(q("name")) is not None and style.find(q("name")).get(q("val")) == name:
            return style
    raise AssertionError(name)


def test_body_style_is_justified_indented_spaced(report: Docx):
    styles = report.xml("word/styles.xml")
    body = _style(styles, "KH Nội dung")
    ppr = body.find(q("pPr"))
    assert ppr.find(q("jc")).get(q("val")) == "both"
    assert abs(int(ppr.find(q("ind")).get(q("firstLine"))) - 720) <= 1  # 1.27 cm
    assert int(ppr.find(q("spacing")).get(q("after"))) >= 120  # ≥ 6 pt
    line = int(ppr.find(q("spacing")).get(q("line")))
    assert 240 <= line <= 360  # single to 1.5
    assert body.find(q("rPr")).find(q("sz")).get(q("val")) == "28"
    for name, size in (("KH Bảng", "24"), ("KH Bảng tiêu đề", "24"), ("KH Bảng số", "24")):
        assert _style(styles, name).find(q("rPr")).find(q("sz")).get(q("val")) == size
    assert _style(styles, "KH Bảng số").find(q("pPr")).find(q("jc")).get(q("val")) == "right"
    head = _style(styles, "KH Bảng tiêu đề")
    assert head.find(q("rPr")).find(q("b")) is not None
    assert head.find(q("pPr")).find(q("jc")).get(q("val")) == "center"


def test_page_number_centred_in_header_from_page_two(report: Docx):
    document = report.xml("word/document.xml")
    rels = report.xml("word/_rels/document.xml.rels")
    targets = {rel.get("Id"): rel.get("Target") for rel in rels}
    first_section = next(document.iter(q("sectPr")))
    assert first_section.find(q("titlePg")) is not None
    kinds = {
        ref.get(q("type")): targets[
            ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        ]
        for ref in first_section.findall(q("headerReference"))
    }
    default = report.xml(f"word/{kinds['default']}")
    assert any((t.text or "").strip() == "PAGE" for t in default.iter(q("instrText")))
    assert {f.get(q("fldCharType")) for f in default.iter(q("fldChar"))} == {
        "begin",
        "separate",
        "end",
    }
    assert default.find(q("p")).find(q("pPr")).find(q("jc")).get(q("val")) == "center"
    first = report.xml(f"word/{kinds['first']}")
    assert "".join(first.itertext()).strip() == ""
    assert not list(first.iter(q("instrText")))


def test_closing_block(report: Docx):
    document = report.xml("word/document.xml")
    tables = document.find(q("body")).findall(q("tbl"))
    closing = next(t for t in tables if "Nơi nhận:" in "".join(t.itertext()))
    row = closing.find(q("tr"))
    assert row.find(q("trPr")).find(q("cantSplit")) is not None
    left, right = row.findall(q("tc"))
    paragraphs = cell_paragraphs(left)
    assert paragraph_text(paragraphs[0]) == "Nơi nhận:"
    assert first_run(paragraphs[0]) == {"bold": True, "italic": True, "size": 12}
    lines = [paragraph_text(p) for p in paragraphs[1:]]
    assert lines[-1] == "- Lưu: VT, KHTC."
    assert all(line.startswith("- ") and line.endswith(";") for line in lines[:-1])
    assert all(first_run(p)["size"] == 11 for p in paragraphs[1:])
    signer = [p for p in cell_paragraphs(right) if paragraph_text(p)]
    assert [paragraph_text(p) for p in signer] == ["GIÁM ĐỐC", "Lại Thế Thông"]
    assert all(first_run(p)["bold"] and first_run(p)["size"] == 14 for p in signer)


def test_tables_are_grids_with_bold_centred_header(report: Docx):
    document = report.xml("word/document.xml")
    grids = [
        t
        for t in document.find(q("body")).findall(q("tbl"))
        if t.find(q("tblPr")).find(q("tblStyle")) is not None
    ]
    assert len(grids) >= 4  # tasks, budget, indicators, appendix
    headers = [paragraph_text(p) for p in grids[0].find(q("tr")).iter(q("p"))]
    assert headers == ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Tiến độ", "Tình trạng", "Ghi chú"]
    budget_headers = [paragraph_text(p) for p in grids[1].find(q("tr")).iter(q("p"))]
    assert budget_headers == ["STT", "Đơn vị", "Dự toán", "Giải ngân", "Tỷ lệ"]


def test_appendix_has_its_own_page_numbering_and_lists_the_late_unit(report: Docx):
    document = report.xml("word/document.xml")
    sections = list(document.iter(q("sectPr")))
    assert len(sections) == 2
    assert sections[-1].find(q("pgNumType")).get(q("start")) == "1"
    text = "".join(document.itertext())
    assert "PHỤ LỤC" in text and "Thanh tra Sở" in text.split("PHỤ LỤC")[1]


def test_template_in_templates_folder_is_the_default_one():
    from tests.report.test_template_builder import same_document

    assert same_document(
        Path(REPO / "templates" / "bao-cao.docx").read_bytes(), default_template().read_bytes()
    )
