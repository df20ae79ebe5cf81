"""A .docx whose tasks stand in a Word table in a Phụ lục: header and column roles read,
Roman rows group the numbered ones, a row broken across pages goes on with the one above."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from kehoach_cli.loading.documents import load_yaml_bytes
from kehoach_cli.model.plan import Plan
from kehoach_cli.planimport.run import import_plan

HEAD = ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn", "Sản phẩm"]
ROWS = [
    ["I", "Chỉ đạo, điều hành", "", "", "", ""],
    ["1", "Ban hành kế hoạch chuyển đổi số năm 2025", "Sở Thông tin và Truyền thông",
     "Các sở, ban, ngành", "Quý I/2025", "Kế hoạch"],
    ["", "của tỉnh", "", "", "", ""],
    ["II", "Hạ tầng số", "", "", "", ""],
    ["2", "Phủ sóng 4G các thôn lõm sóng", "UBND các huyện, thị xã, thành phố",
     "Viettel Lâm Đồng", "31/12/2025", "Thôn có sóng"],
]  # fmt: skip


def write_plan(path: Path) -> None:
    document = Document()
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = "Số: 15/KH-UBND"
    header.cell(1, 1).text = "Lâm Đồng, ngày 10 tháng 01 năm 2025"
    for text in (
        "KẾ HOẠCH",
        "Chuyển đổi số tỉnh Lâm Đồng năm 2025",
        "Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;",
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
        "I. NHIỆM VỤ",
        "Các nhiệm vụ cụ thể tại Phụ lục kèm theo.",
        "II. TỔ CHỨC THỰC HIỆN",
        "Hằng năm, các cơ quan báo cáo kết quả gửi về Sở Thông tin và Truyền thông trước "
        "ngày 10/12 để tổng hợp.",
        "Trên đây là Kế hoạch chuyển đổi số tỉnh Lâm Đồng năm 2025./.",
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT.",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn A",
        "PHỤ LỤC",
        "DANH MỤC NHIỆM VỤ",
    ):
        document.add_paragraph(text)
    table = document.add_table(rows=0, cols=len(HEAD))
    for cells in [HEAD, *ROWS]:
        row = table.add_row()
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.save(str(path))


def test_tasks_from_a_word_table_in_the_appendix(tmp_path: Path):
    source = tmp_path / "ke-hoach.docx"
    write_plan(source)
    target = tmp_path / "plan.yaml"
    result = import_plan(source, target)
    assert not [issue for issue in result.issues if issue.is_error], result.issues
    target.write_text(result.text, encoding="utf-8")
    plan = Plan.model_validate(load_yaml_bytes(target, target.read_bytes()).data)
    names = {unit.id: unit.name for unit in plan.units} | {
        f"group:{group.id}": group.name for group in plan.groups
    }
    rows = [
        (t.id, t.title, t.text, names.get(t.lead or ""), t.deadline and t.deadline.text)
        for t in plan.walk_tasks()
    ]
    assert rows == [
        ("1", "Chỉ đạo, điều hành", [], None, None),
        ("1.1", None, ["Ban hành kế hoạch chuyển đổi số năm 2025 của tỉnh"],
         "Sở Thông tin và Truyền thông", "Quý I/2025"),
        ("2", "Hạ tầng số", [], None, None),
        ("2.1", None, ["Phủ sóng 4G các thôn lõm sóng"],
         "UBND các huyện, thị xã, thành phố", "31/12/2025"),
    ]  # fmt: skip
    document = plan.document
    assert (document.number, document.symbol, document.place) == ("15", "KH-UBND", "Lâm Đồng")
    assert document.issuing_body == "Ủy ban nhân dân tỉnh Lâm Đồng"
    assert document.signer.name == "Nguyễn Văn A"
    assert plan.reporting.deadline is not None and str(plan.reporting.deadline) == "10/12"
    assert next(p for p in plan.walk_tasks() if p.id == "2.1").partners  # Viettel: outside
