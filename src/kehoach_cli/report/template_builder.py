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

from docx.shared import Pt

from kehoach_cli.report import styles
from kehoach_cli.report.blocks import closing_block, header_block, title_block
from kehoach_cli.report.docx_layout import (
    add_header_lines,
    cant_split,
    grid_table,
    keep_row_with_next,
    new_page_section,
    repeat_header,
    restart_page_numbers,
    setup_page,
)

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
REPORT_TEMPLATE = RESOURCES / "bao-cao.docx"

# A draft ("dự thảo") must not be signed by mistake: its lines on page 1 and this word in
# every page header, only while the context's draft_lines is not empty.
DRAFT_MARK = "DỰ THẢO"

# (header, width mm, cell expression, style); the widths of a table sum to the text width.
Column = tuple[str, float, str, str]
# A table row: a docxtpl row tag ("{%tr for row in x %}"), or (cells, keep with next row)
# where cells are one (expression, style) per column.
Row = str | tuple[list[tuple[str, str]], bool]


def _p(document: Any, text: str, style: str = styles.BODY) -> Any:
    return document.add_paragraph(text, style=style)


def _loop(
    document: Any, header: str, body: list[tuple[str, str]], footer: str = "{%p endfor %}"
) -> None:
    _p(document, header)
    for text, style in body:
        _p(document, text, style)
    _p(document, footer)


def _cells(
    columns: list[Column], item: str = "row", **styles_by_column: str
) -> list[tuple[str, str]]:
    """One row's cells: each column's expression for `item` ("row", "budget_total"), in
    the column's style unless styles_by_column (column index as "c1") overrides it."""
    return [
        (expression.replace("row.", f"{item}."), styles_by_column.get(f"c{i}", style))
        for i, (_, _, expression, style) in enumerate(columns)
    ]


def _table(document: Any, title: str, columns: list[Column], rows: list[Row]) -> Any:
    """A grid table under its caption: a header row repeated on every page, rows that
    never split, and keep-with-next where a row asks for it. The caption's style keeps it
    with the table, and the header row keeps with the first data row."""
    if title:
        _p(document, title, styles.CAPTION)
    table = grid_table(document, [width for _, width, _, _ in columns], rows=1 + len(rows))
    header = table.rows[0]
    for cell, (text, _, _, _) in zip(header.cells, columns, strict=True):
        cell.paragraphs[0].text = text
        cell.paragraphs[0].style = document.styles[styles.TABLE_HEAD]
    repeat_header(header)
    cant_split(header)
    keep_row_with_next(header)
    for row, spec in zip(table.rows[1:], rows, strict=True):
        if isinstance(spec, str):
            row.cells[0].paragraphs[0].text = spec  # docxtpl removes this row
            continue
        cells, keep = spec
        for cell, (expression, style) in zip(row.cells, cells, strict=True):
            cell.paragraphs[0].text = expression
            cell.paragraphs[0].style = document.styles[style]
        cant_split(row)
        if keep:
            keep_row_with_next(row)
    return table


def _loop_rows(loop: str, cells: list[tuple[str, str]], keep: bool = False) -> list[Row]:
    return [f"{{%tr for row in {loop} %}}", (cells, keep), "{%tr endfor %}"]


def _small_table_rows(loop: str, cells: list[tuple[str, str]]) -> list[Row]:
    """A short table stays on one page: every row keeps with the next but the last."""
    return [
        *_loop_rows(f"{loop}[:-1]", cells, keep=True),
        *_loop_rows(f"{loop}[-1:]", cells, keep=False),
    ]


def _draft_marker(document: Any) -> None:
    _p(document, "{%p if draft_lines %}")
    _loop(document, "{%p for line in draft_lines %}", [("{{ line }}", styles.DRAFT)])
    _p(document, "{%p endif %}")
    add_header_lines(
        document.sections[0],
        [("{%p if draft_lines %}", False), (DRAFT_MARK, True), ("{%p endif %}", False)],
    )


# TT holds the task's id: "3.2.10" fits on one line (bold 12 pt, tests/report/test_numbers.py).
TASK_COLUMNS: list[Column] = [
    ("TT", 15, "{{ row.stt }}", styles.TABLE_HEAD),
    ("Nhiệm vụ", 49, "{{ row.task }}", styles.TABLE_TEXT),
    ("Đơn vị chủ trì", 30, "{{ row.lead }}", styles.TABLE_TEXT),
    ("Tiến độ", 19, "{{ row.progress }}", styles.TABLE_NUMBER),
    ("Tình trạng", 24, "{{ row.status }}", styles.TABLE_TEXT),
    ("Ghi chú", 28, "{{ row.note }}", styles.TABLE_TEXT),
]
BUDGET_COLUMNS: list[Column] = [
    ("STT", 13, "{{ row.stt }}", styles.TABLE_HEAD),
    ("{{ budget_label }}", 50, "{{ row.unit }}", styles.TABLE_TEXT),
    ("Dự toán", 36, "{{ row.planned }}", styles.TABLE_NUMBER),
    ("Giải ngân", 36, "{{ row.spent }}", styles.TABLE_NUMBER),
    ("Tỷ lệ", 30, "{{ row.rate }}", styles.TABLE_NUMBER),
]
INDICATOR_COLUMNS: list[Column] = [
    ("STT", 13, "{{ row.stt }}", styles.TABLE_HEAD),
    ("Chỉ tiêu", 50, "{{ row.name }}", styles.TABLE_TEXT),
    ("Mục tiêu", 32, "{{ row.target }}", styles.TABLE_TEXT),
    ("Thực hiện", 36, "{{ row.actual }}", styles.TABLE_TEXT),
    ("Đánh giá", 34, "{{ row.assessment }}", styles.TABLE_TEXT),
]
LATE_COLUMNS: list[Column] = [
    ("STT", 13, "{{ row.stt }}", styles.TABLE_HEAD),
    ("Đơn vị", 54, "{{ row.unit }}", styles.TABLE_TEXT),
    ("Ngày gửi", 28, "{{ row.submitted }}", styles.TABLE_CENTER),
    ("Tình trạng", 36, "{{ row.state }}", styles.TABLE_TEXT),
    ("Số ngày chậm", 34, "{{ row.days }}", styles.TABLE_NUMBER),
]


def _task_table(document: Any) -> None:
    """Table 1 is long: it may break between rows; a row that only groups subtasks is
    bold."""
    _table(
        document,
        "Bảng 1. Tiến độ thực hiện các nhiệm vụ {{ period_label }}",
        TASK_COLUMNS,
        [
            "{%tr for row in task_rows %}",
            "{%tr if row.is_group %}",
            (_cells(TASK_COLUMNS, c1=styles.TABLE_GROUP), False),
            "{%tr else %}",
            (_cells(TASK_COLUMNS), False),
            "{%tr endif %}",
            "{%tr endfor %}",
        ],
    )


def _budget_table(document: Any) -> None:
    """Table 2 stays on one page, and with its first note when there are notes."""
    total = _cells(
        BUDGET_COLUMNS,
        "budget_total",
        c1=styles.TABLE_HEAD,
        **{f"c{i}": styles.TABLE_NUMBER for i in range(2, len(BUDGET_COLUMNS))},
    )
    _table(
        document,
        "{{ budget_title }}",
        BUDGET_COLUMNS,
        [
            *_loop_rows("budget_rows", _cells(BUDGET_COLUMNS), keep=True),
            "{%tr if budget_notes %}",
            (total, True),
            "{%tr else %}",
            (total, False),
            "{%tr endif %}",
        ],
    )
    _p(document, "{%p for line in budget_notes %}")
    note = _p(document, "{{ line }}")
    note.paragraph_format.space_before = Pt(3)  # off the table's bottom border
    _p(document, "{%p endfor %}")


# long: the report from top to bottom, one block a line, so that it reads in the order
# of the document; splitting it would scatter that order across functions.
def build_report_template() -> Any:
    document = styles.new_document()
    # the parent body's line is dropped when empty: an issuer without one (a UBND's own
    # report) has its own name alone, bold
    header_block(
        document,
        ["{%p if parent_body %}", "{{ parent_body }}", "{%p endif %}"],
        "{{ issuing_body }}",
        "Số: {{ number }}/{{ symbol }}",
        "{{ date_line }}",
    )
    _draft_marker(document)
    title_block(document, "{{ doc_type }}", ["{{ summary }}"])
    _loop(document, "{%p for line in addressee_lines %}", [("{{ line }}", styles.ADDRESSEE)])

    _p(document, "{{ opening }}")
    _p(document, "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI", styles.SECTION)
    _loop(document, "{%p for line in direction %}", [("{{ line }}", styles.BODY)])

    _p(document, "II. KẾT QUẢ THỰC HIỆN", styles.SECTION)
    _p(document, "{{ results_intro }}")
    _task_table(document)
    _p(document, "{%p for item in results %}")
    _p(document, "{{ item.heading }}", styles.ITEM)
    _loop(document, "{%p for line in item.lines %}", [("{{ line }}", styles.BODY)])
    _p(document, "{%p endfor %}")
    _budget_table(document)
    _p(document, "{%p if indicator_rows %}")
    _table(
        document,
        "Bảng 3. Kết quả thực hiện các chỉ tiêu",
        INDICATOR_COLUMNS,
        _small_table_rows("indicator_rows", _cells(INDICATOR_COLUMNS)),
    )
    _p(document, "{%p endif %}")

    _p(document, "III. ĐÁNH GIÁ CHUNG", styles.SECTION)
    _p(document, "1. Kết quả đạt được", styles.ITEM)
    _loop(document, "{%p for line in achievements %}", [("{{ line }}", styles.BODY)])
    _p(document, "2. Tồn tại, hạn chế", styles.ITEM)
    _loop(document, "{%p for line in shortcomings %}", [("{{ line }}", styles.BODY)])
    _p(document, "3. Nguyên nhân", styles.ITEM)
    _loop(document, "{%p for line in causes %}", [("{{ line }}", styles.BODY)])

    _p(document, "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ {{ next_heading }}", styles.SECTION)
    _loop(document, "{%p for line in next_year_lines %}", [("{{ line }}", styles.BODY)])
    _p(document, "V. ĐỀ XUẤT, KIẾN NGHỊ", styles.SECTION)
    _loop(document, "{%p for line in proposal_lines %}", [("{{ line }}", styles.BODY)])
    # The closing paragraph keeps with the signer block, which never splits: the block
    # never stands alone at the top of the last page.
    _p(document, "{{ closing }}").paragraph_format.keep_with_next = True

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

    appendix = new_page_section(document)
    setup_page(appendix)
    restart_page_numbers(appendix)
    _p(document, "PHỤ LỤC", styles.CAPTION)
    _p(document, "{{ appendix_title }}", styles.CAPTION)
    _p(document, "(Kèm theo Báo cáo số {{ number }}/{{ symbol }})", styles.NOTE)
    _p(document, "{%p if late_rows %}")
    _table(document, "", LATE_COLUMNS, _loop_rows("late_rows", _cells(LATE_COLUMNS)))
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
