"""Build the default Word template of the yearly report (docxtpl / Jinja tags).

The committed file src/kehoach_cli/resources/bao-cao.docx is the output of this module;
rebuild it after a change with:

    python -m kehoach_cli.report.template_builder

A test checks that the committed template equals a fresh build. Every value is
pre-formatted in Python (report/context.py): the template only places values, loops
over rows and paragraphs, and tests a few conditions.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from docx.enum.section import WD_SECTION

from kehoach_cli.report import styles
from kehoach_cli.report.blocks import closing_block, header_block, title_block
from kehoach_cli.report.docx_layout import (
    cant_split,
    grid_table,
    repeat_header,
    restart_page_numbers,
    setup_page,
)

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
REPORT_TEMPLATE = RESOURCES / "bao-cao.docx"


def _p(document: Any, text: str, style: str = styles.BODY) -> Any:
    return document.add_paragraph(text, style=style)


def _loop(
    document: Any, header: str, body: list[tuple[str, str]], footer: str = "{%p endfor %}"
) -> None:
    _p(document, header)
    for text, style in body:
        _p(document, text, style)
    _p(document, footer)


def _table(
    document: Any,
    title: str,
    columns: list[tuple[str, float, str, str]],
    loop: str,
    total: str | None = None,
) -> None:
    """columns: (header, width mm, cell expression, style) — one Jinja row loop."""
    if title:
        _p(document, title, styles.CAPTION)
    rows = 4 + (1 if total else 0)
    table = grid_table(document, [width for _, width, _, _ in columns], rows=rows)
    repeat_header(table.rows[0])
    for cell, (header, _, _, _) in zip(table.rows[0].cells, columns, strict=True):
        cell.paragraphs[0].text = header
        cell.paragraphs[0].style = document.styles[styles.TABLE_HEAD]
    table.rows[1].cells[0].paragraphs[0].text = f"{{%tr for row in {loop} %}}"
    for cell, (_, _, expression, style) in zip(table.rows[2].cells, columns, strict=True):
        cell.paragraphs[0].text = expression
        cell.paragraphs[0].style = document.styles[style]
    cant_split(table.rows[2])
    table.rows[3].cells[0].paragraphs[0].text = "{%tr endfor %}"
    if total:
        for cell, (_, _, expression, style) in zip(table.rows[4].cells, columns, strict=True):
            cell.paragraphs[0].text = expression.replace("row.", f"{total}.")
            cell.paragraphs[0].style = document.styles[
                style if style != styles.TABLE_TEXT else styles.TABLE_HEAD
            ]


def build_report_template() -> Any:
    document = styles.new_document()
    header_block(
        document,
        "{{ parent_body }}",
        "{{ issuing_body }}",
        "Số: {{ number }}/{{ symbol }}",
        "{{ date_line }}",
    )
    title_block(document, "{{ doc_type }}", ["{{ summary }}"])
    _loop(document, "{%p for line in addressee_lines %}", [("{{ line }}", styles.ADDRESSEE)])

    _p(document, "{{ opening }}")
    _p(document, "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI", styles.SECTION)
    _loop(document, "{%p for line in direction %}", [("{{ line }}", styles.BODY)])

    _p(document, "II. KẾT QUẢ THỰC HIỆN", styles.SECTION)
    _p(document, "{{ results_intro }}")
    _table(
        document,
        "Bảng 1. Tiến độ thực hiện các nhiệm vụ năm {{ year }}",
        [
            ("STT", 13, "{{ row.stt }}", styles.TABLE_HEAD),
            ("Nhiệm vụ", 54, "{{ row.task }}", styles.TABLE_TEXT),
            ("Đơn vị chủ trì", 30, "{{ row.lead }}", styles.TABLE_TEXT),
            ("Tiến độ", 16, "{{ row.progress }}", styles.TABLE_NUMBER),
            ("Tình trạng", 24, "{{ row.status }}", styles.TABLE_TEXT),
            ("Ghi chú", 28, "{{ row.note }}", styles.TABLE_TEXT),
        ],
        "task_rows",
    )
    _p(document, "{%p for item in results %}")
    _p(document, "{{ item.heading }}", styles.ITEM)
    _loop(document, "{%p for line in item.lines %}", [("{{ line }}", styles.BODY)])
    _p(document, "{%p endfor %}")
    _table(
        document,
        "Bảng 2. Kinh phí thực hiện năm {{ year }} theo đơn vị (đồng)",
        [
            ("STT", 13, "{{ row.stt }}", styles.TABLE_HEAD),
            ("Đơn vị", 50, "{{ row.unit }}", styles.TABLE_TEXT),
            ("Dự toán", 36, "{{ row.planned }}", styles.TABLE_NUMBER),
            ("Giải ngân", 36, "{{ row.spent }}", styles.TABLE_NUMBER),
            ("Tỷ lệ", 30, "{{ row.rate }}", styles.TABLE_NUMBER),
        ],
        "budget_rows",
        total="budget_total",
    )
    _p(document, "{%p if indicator_rows %}")
    _table(
        document,
        "Bảng 3. Kết quả thực hiện các chỉ tiêu",
        [
            ("STT", 13, "{{ row.stt }}", styles.TABLE_HEAD),
            ("Chỉ tiêu", 50, "{{ row.name }}", styles.TABLE_TEXT),
            ("Mục tiêu", 32, "{{ row.target }}", styles.TABLE_TEXT),
            ("Thực hiện", 36, "{{ row.actual }}", styles.TABLE_TEXT),
            ("Đánh giá", 34, "{{ row.assessment }}", styles.TABLE_TEXT),
        ],
        "indicator_rows",
    )
    _p(document, "{%p endif %}")

    _p(document, "III. ĐÁNH GIÁ CHUNG", styles.SECTION)
    _p(document, "1. Kết quả đạt được", styles.ITEM)
    _loop(document, "{%p for line in achievements %}", [("{{ line }}", styles.BODY)])
    _p(document, "2. Tồn tại, hạn chế", styles.ITEM)
    _loop(document, "{%p for line in shortcomings %}", [("{{ line }}", styles.BODY)])
    _p(document, "3. Nguyên nhân", styles.ITEM)
    _loop(document, "{%p for line in causes %}", [("{{ line }}", styles.BODY)])

    _p(document, "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {{ next_year }}", styles.SECTION)
    _loop(document, "{%p for line in next_year_lines %}", [("{{ line }}", styles.BODY)])
    _p(document, "V. ĐỀ XUẤT, KIẾN NGHỊ", styles.SECTION)
    _loop(document, "{%p for line in proposal_lines %}", [("{{ line }}", styles.BODY)])
    _p(document, "{{ closing }}")

    closing_block(
        document,
        ["{%p for line in recipients %}", "{{ line }}", "{%p endfor %}"],
        [
            ("{%p if signer.authority %}", True),
            ("{{ signer.authority }}", True),
            ("{%p endif %}", True),
            ("{{ signer.title }}", True),
            ("", False),
            ("", False),
            ("", False),
            ("", False),
            ("{{ signer.name }}", True),
        ],
    )

    appendix = document.add_section(WD_SECTION.NEW_PAGE)
    setup_page(appendix)
    restart_page_numbers(appendix)
    _p(document, "PHỤ LỤC", styles.CAPTION)
    _p(document, "{{ appendix_title }}", styles.CAPTION)
    _p(document, "(Kèm theo Báo cáo số {{ number }}/{{ symbol }})", styles.NOTE)
    _p(document, "{%p if late_rows %}")
    _table(
        document,
        "",
        [
            ("STT", 13, "{{ row.stt }}", styles.TABLE_HEAD),
            ("Đơn vị", 54, "{{ row.unit }}", styles.TABLE_TEXT),
            ("Ngày gửi", 28, "{{ row.submitted }}", styles.TABLE_CENTER),
            ("Tình trạng", 36, "{{ row.state }}", styles.TABLE_TEXT),
            ("Số ngày chậm", 34, "{{ row.days }}", styles.TABLE_NUMBER),
        ],
        "late_rows",
    )
    _p(document, "{%p else %}")
    _p(document, "{{ appendix_empty }}")
    _p(document, "{%p endif %}")
    return document


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else REPORT_TEMPLATE
    target.parent.mkdir(parents=True, exist_ok=True)
    build_report_template().save(target)
    print(f"Đã ghi {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
