"""The report template follows Decree 30/2020 (docs/nd30.md), checked on the rendered XML.

The template is rendered with a hand-made context (tests/report/sample_context.py), so
these tests check the layout alone, whatever report/context.py computes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kehoach_cli.report.docx_layout import TEXT_WIDTH_MM
from kehoach_cli.report.render import default_template
from tests.report.docx_xml import Docx, body_paragraphs, paragraph_text, q, run_props
from tests.report.sample_context import render_sample

REPO = Path(__file__).resolve().parents[2]
MM = 56.6929  # twips per millimetre
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


@pytest.fixture(scope="module")
def report() -> Docx:
    return Docx(render_sample())


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


def test_a_newline_in_the_bodys_name_is_a_line_break_in_one_bold_paragraph():
    report = Docx(render_sample(issuing_body="PHÒNG QUẢN LÝ\nCHUYÊN NGÀNH"))
    left = header_table(report).find(q("tr")).findall(q("tc"))[0]
    body = cell_paragraphs(left)[1]
    runs = body.findall(q("r"))
    assert [t.text for t in body.iter(q("t"))] == ["PHÒNG QUẢN LÝ", "CHUYÊN NGÀNH"]
    assert len(list(body.iter(q("br")))) == 1
    assert all(run_props(run)["bold"] and run_props(run)["size"] == 12 for run in runs)


def test_an_empty_parent_body_leaves_the_issuers_name_alone_and_bold():
    """A UBND has no parent body: no parent line, not even an empty paragraph."""
    report = Docx(render_sample(parent_body="", issuing_body="ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC"))
    left = header_table(report).find(q("tr")).findall(q("tc"))[0]
    body, rule = cell_paragraphs(left)
    assert [t.text for t in body.iter(q("t"))] == ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH PHƯỚC"]
    assert len(list(body.iter(q("br")))) == 1
    assert all(run_props(run)["bold"] for run in body.findall(q("r")))
    assert rule.find(q("pPr")).find(q("pBdr")) is not None


def test_a_parent_body_given_keeps_its_line_over_the_issuer():
    report = Docx(render_sample(parent_body="ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC"))
    left = header_table(report).find(q("tr")).findall(q("tc"))[0]
    parent, body, _rule = cell_paragraphs(left)
    assert [t.text for t in parent.iter(q("t"))] == ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH PHƯỚC"]
    assert not any(run_props(run)["bold"] for run in parent.findall(q("r")))
    assert paragraph_text(body) == "SỞ KHOA HỌC VÀ CÔNG NGHỆ"


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
    closing = [text for text in texts if text.startswith("Trên đây là báo cáo")]
    assert len(closing) == 1 and closing[0].endswith("./.")
    assert not any("{" in text for text in texts)  # every tag rendered or removed


def style_name(report: Docx, paragraph) -> str | None:
    """The name of the paragraph style a paragraph uses ("KH Nội dung"), if any."""
    ppr = paragraph.find(q("pPr"))
    ref = ppr.find(q("pStyle")) if ppr is not None else None
    if ref is None:
        return None
    for style in report.xml("word/styles.xml").iter(q("style")):
        if style.get(q("styleId")) == ref.get(q("val")):
            return style.find(q("name")).get(q("val"))
    raise AssertionError(ref.get(q("val")))


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


def headers_of(report: Docx) -> dict[str, object]:
    """The first section's header parts by kind ('default', 'first'), as XML."""
    document = report.xml("word/document.xml")
    rels = report.xml("word/_rels/document.xml.rels")
    targets = {rel.get("Id"): rel.get("Target") for rel in rels}
    first_section = next(document.iter(q("sectPr")))
    assert first_section.find(q("titlePg")) is not None
    return {
        ref.get(q("type")): report.xml(f"word/{targets[ref.get(R_ID)]}")
        for ref in first_section.findall(q("headerReference"))
    }


def test_page_number_centred_in_header_from_page_two(report: Docx):
    kinds = headers_of(report)
    default = kinds["default"]
    assert any((t.text or "").strip() == "PAGE" for t in default.iter(q("instrText")))
    assert {f.get(q("fldCharType")) for f in default.iter(q("fldChar"))} == {
        "begin",
        "separate",
        "end",
    }
    assert default.find(q("p")).find(q("pPr")).find(q("jc")).get(q("val")) == "center"
    assert "".join(paragraph_text(p) for p in default.iter(q("p"))) == "2"  # the field's result
    first = kinds["first"]
    assert "".join(first.itertext()).strip() == ""
    assert not list(first.iter(q("instrText")))


# ---- the closing block never stands alone on a page ----


def is_on(toggle) -> bool:
    """A toggle property such as <w:b/> or <w:keepNext w:val="0"/>."""
    return toggle is not None and toggle.get(q("val"), "true") not in ("0", "false")


def has_keep_next(paragraph) -> bool:
    ppr = paragraph.find(q("pPr"))
    return ppr is not None and is_on(ppr.find(q("keepNext")))


def style_keeps_with_next(report: Docx, paragraph) -> bool:
    ppr = paragraph.find(q("pPr"))
    style_ref = ppr.find(q("pStyle")) if ppr is not None else None
    if style_ref is None:
        return False
    styles = report.xml("word/styles.xml")
    for style in styles.iter(q("style")):
        if style.get(q("styleId")) == style_ref.get(q("val")):
            return has_keep_next(style)
    return False


def closing_table(report: Docx):
    document = report.xml("word/document.xml")
    tables = document.find(q("body")).findall(q("tbl"))
    return next(t for t in tables if "Nơi nhận:" in "".join(t.itertext()))


def test_closing_block(report: Docx):
    row = closing_table(report).find(q("tr"))
    assert row.find(q("trPr")).find(q("cantSplit")) is not None
    left, right = row.findall(q("tc"))
    paragraphs = cell_paragraphs(left)
    assert paragraph_text(paragraphs[0]) == "Nơi nhận:"
    assert first_run(paragraphs[0]) == {"bold": True, "italic": True, "size": 12}
    lines = [paragraph_text(p) for p in paragraphs[1:]]
    assert lines == ["- Như trên;", "- Sở Kế hoạch và Đầu tư (b/c);", "- Lưu: VT, KHTC."]
    assert all(first_run(p)["size"] == 11 for p in paragraphs[1:])
    signer = [p for p in cell_paragraphs(right) if paragraph_text(p)]
    assert [paragraph_text(p) for p in signer] == ["GIÁM ĐỐC", "Lại Thế Thông"]
    assert all(first_run(p)["bold"] and first_run(p)["size"] == 14 for p in signer)


def test_closing_paragraph_keeps_with_the_signer_block_which_never_splits(report: Docx):
    table = closing_table(report)
    before = table.getprevious()
    assert before.tag == q("p")
    assert paragraph_text(before).startswith("Trên đây là báo cáo")
    assert has_keep_next(before)
    rows = table.findall(q("tr"))
    assert all(row.find(q("trPr")).find(q("cantSplit")) is not None for row in rows)
    # every row but the last keeps with the next one (the block has one row today)
    for row in rows[:-1]:
        assert all(has_keep_next(p) for p in row.iter(q("p")))
    # the paragraph before the closing one does not drag the whole section along
    assert not has_keep_next(before.getprevious())


def test_the_section_break_after_the_signer_block_is_one_point_high(report: Docx):
    """Else a signer block that fills its page leaves a blank page before the appendix."""
    holder = closing_table(report).getnext()
    ppr = holder.find(q("pPr"))
    assert ppr.find(q("sectPr")) is not None and paragraph_text(holder) == ""
    spacing = ppr.find(q("spacing"))
    assert spacing.get(q("lineRule")) == "exact" and int(spacing.get(q("line"))) <= 20
    assert int(spacing.get(q("before"))) == int(spacing.get(q("after"))) == 0
    assert ppr.find(q("rPr")).find(q("sz")).get(q("val")) == "2"


def test_a_signer_with_authority_shows_both_lines():
    report = Docx(
        render_sample(signer={"authority": "KT. GIÁM ĐỐC", "title": "PHÓ GIÁM ĐỐC", "name": "A"})
    )
    right = closing_table(report).find(q("tr")).findall(q("tc"))[1]
    texts = [paragraph_text(p) for p in cell_paragraphs(right) if paragraph_text(p)]
    assert texts == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "A"]


# ---- tables ----


def grid_tables(report: Docx):
    document = report.xml("word/document.xml")
    return [
        t
        for t in document.find(q("body")).findall(q("tbl"))
        if t.find(q("tblPr")).find(q("tblStyle")) is not None
    ]


def row_texts(row) -> list[str]:
    return ["".join(paragraph_text(p) for p in cell.iter(q("p"))) for cell in row.findall(q("tc"))]


def test_tables_are_grids_with_bold_centred_header(report: Docx):
    grids = grid_tables(report)
    assert len(grids) == 4  # tasks, budget, indicators, appendix
    assert row_texts(grids[0].find(q("tr"))) == [
        "TT",
        "Nhiệm vụ",
        "Đơn vị chủ trì",
        "Tiến độ",
        "Tình trạng",
        "Ghi chú",
    ]
    assert row_texts(grids[1].find(q("tr"))) == ["STT", "Đơn vị", "Dự toán", "Giải ngân", "Tỷ lệ"]
    for table in grids:
        for paragraph in table.find(q("tr")).iter(q("p")):
            assert style_name(report, paragraph) == "KH Bảng tiêu đề"


def test_task_table_numbers_rows_by_the_plans_task_number_only(report: Docx):
    rows = grid_tables(report)[0].findall(q("tr"))[1:]
    assert [row_texts(row)[:2] for row in rows[:3]] == [
        ["1", "Đẩy mạnh công tác thông tin, tuyên truyền"],
        ["2", "Phát triển khoa học - công nghệ và đổi mới sáng tạo"],
        ["2.1", "Chính sách trọng dụng trí thức, thu hút nhân lực KH&CN"],
    ]
    assert len(rows) == 6


def test_task_table_shows_group_rows_in_bold(report: Docx):
    styles = report.xml("word/styles.xml")
    rows = grid_tables(report)[0].findall(q("tr"))[1:]
    names = [style_name(report, row.findall(q("tc"))[1].find(q("p"))) for row in rows]
    assert names == ["KH Bảng", "KH Bảng nhóm", "KH Bảng", "KH Bảng", "KH Bảng", "KH Bảng"]
    assert is_on(_style(styles, "KH Bảng nhóm").find(q("rPr")).find(q("b")))
    assert not is_on(_style(styles, "KH Bảng").find(q("rPr")).find(q("b")))


def test_every_table_repeats_its_header_and_no_row_splits(report: Docx):
    for table in grid_tables(report):
        rows = table.findall(q("tr"))
        assert rows[0].find(q("trPr")).find(q("tblHeader")) is not None
        assert all(row.find(q("trPr")).find(q("cantSplit")) is not None for row in rows)
        assert all(row.find(q("trPr")).find(q("tblHeader")) is None for row in rows[1:])
        # the header row keeps with the first data row
        assert all(has_keep_next(p) for p in rows[0].iter(q("p")))


def test_every_table_fits_the_text_width(report: Docx):
    document = report.xml("word/document.xml")
    limit = round(TEXT_WIDTH_MM * MM)
    assert 164 <= TEXT_WIDTH_MM <= 166
    for table in document.find(q("body")).iter(q("tbl")):
        grid = [int(col.get(q("w"))) for col in table.find(q("tblGrid")).findall(q("gridCol"))]
        assert sum(grid) <= limit
        for row in table.findall(q("tr")):
            cells = [
                int(tc.find(q("tcPr")).find(q("tcW")).get(q("w"))) for tc in row.findall(q("tc"))
            ]
            assert cells == grid


def test_table_captions_keep_with_their_table(report: Docx):
    grids = grid_tables(report)
    captions = [table.getprevious() for table in grids[:3]]
    assert [paragraph_text(p) for p in captions] == [
        "Bảng 1. Tiến độ thực hiện các nhiệm vụ năm 2024",
        "Bảng 2. Kinh phí thực hiện năm 2024 theo đơn vị (đồng)",
        "Bảng 3. Kết quả thực hiện các chỉ tiêu",
    ]
    assert all(style_keeps_with_next(report, p) for p in captions)


def keeps(row) -> bool:
    return all(has_keep_next(p) for p in row.iter(q("p")))


def test_small_tables_stay_on_one_page_every_row_but_the_last_keeps_with_next(report: Docx):
    budget, indicators = grid_tables(report)[1:3]
    for table in (budget, indicators):
        rows = table.findall(q("tr"))
        assert [keeps(row) for row in rows] == [True] * (len(rows) - 1) + [False]
        assert not any(has_keep_next(p) for p in rows[-1].iter(q("p")))
    assert len(indicators.findall(q("tr"))) == 3  # header and both indicators
    assert row_texts(budget.findall(q("tr"))[-1])[1] == "Tổng cộng"


def test_the_long_task_table_may_break_between_rows(report: Docx):
    rows = grid_tables(report)[0].findall(q("tr"))
    assert not any(keeps(row) for row in rows[1:])


def test_budget_title_label_and_notes_come_from_the_context():
    report = Docx(
        render_sample(
            budget_title="Bảng 2. Kinh phí thực hiện năm 2024 theo nhiệm vụ (đồng)",
            budget_label="Nhiệm vụ",
            budget_notes=["Số liệu chưa gồm 2 đơn vị chưa gửi báo cáo: Thanh tra Sở, Phòng QLKH."],
        )
    )
    budget = grid_tables(report)[1]
    assert paragraph_text(budget.getprevious()) == (
        "Bảng 2. Kinh phí thực hiện năm 2024 theo nhiệm vụ (đồng)"
    )
    assert row_texts(budget.find(q("tr")))[1] == "Nhiệm vụ"
    note = budget.getnext()
    assert paragraph_text(note).startswith("Số liệu chưa gồm 2 đơn vị chưa gửi báo cáo")
    assert style_name(report, note) == "KH Nội dung"
    assert int(note.find(q("pPr")).find(q("spacing")).get(q("before"))) > 0
    # the total row keeps with the note, so the note never starts a page alone
    assert keeps(budget.findall(q("tr"))[-1])


def test_no_budget_note_without_budget_notes(report: Docx):
    budget = grid_tables(report)[1]
    after = budget.getnext()
    assert paragraph_text(after) == "Bảng 3. Kết quả thực hiện các chỉ tiêu"
    document = report.xml("word/document.xml")
    assert "Số liệu chưa gồm" not in "".join(document.itertext())


# ---- the draft marker ----

DRAFT = ["DỰ THẢO — thiếu dữ liệu của Thanh tra Sở, Phòng Quản lý Khoa học"]


def draft_paragraphs(report: Docx):
    return [
        p
        for p in body_paragraphs(report.xml("word/document.xml"))
        if "DỰ THẢO" in paragraph_text(p)
    ]


def test_a_draft_shows_its_lines_in_bold_before_the_title_and_in_every_header():
    report = Docx(render_sample(draft_lines=[*DRAFT, "Không ký, không ban hành bản này."]))
    paragraphs = body_paragraphs(report.xml("word/document.xml"))
    texts = [paragraph_text(p) for p in paragraphs]
    start = texts.index(DRAFT[0])
    assert texts[start + 1] == "Không ký, không ban hành bản này."
    assert start + 2 <= texts.index("BÁO CÁO")  # before the title, on page 1
    styles = report.xml("word/styles.xml")
    for paragraph in paragraphs[start : start + 2]:
        assert style_name(report, paragraph) == "KH Dự thảo"
    draft_style = _style(styles, "KH Dự thảo")
    assert is_on(draft_style.find(q("rPr")).find(q("b")))
    assert draft_style.find(q("pPr")).find(q("jc")).get(q("val")) == "center"
    kinds = headers_of(report)
    assert set(kinds) == {"default", "first"}
    for header in kinds.values():
        marks = [p for p in header.iter(q("p")) if paragraph_text(p) == "DỰ THẢO"]
        assert len(marks) == 1
        assert all(run_props(run)["bold"] for run in marks[0].findall(q("r")))
    # the page number is still there, alone in its paragraph
    numbers = [p for p in kinds["default"].iter(q("p")) if list(p.iter(q("instrText")))]
    assert len(numbers) == 1 and "DỰ THẢO" not in paragraph_text(numbers[0])


def test_no_draft_marker_in_a_normal_report(report: Docx):
    assert draft_paragraphs(report) == []
    for part in report.parts("word/header"):
        assert "DỰ THẢO" not in "".join(report.xml(part).itertext())


# ---- appendix and bundled copy ----


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
