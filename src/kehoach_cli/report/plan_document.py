"""The plan itself (KẾ HOẠCH) rebuilt from plan.yaml in the Decree 30 layout."""

from __future__ import annotations

import io
from typing import Any

from kehoach_cli import formatting as fmt
from kehoach_cli.model.plan import Plan
from kehoach_cli.report import styles
from kehoach_cli.report.blocks import closing_block, header_block, title_block
from kehoach_cli.report.plan_outline import plan_outline

BLANK = "     "


def date_line(plan: Plan) -> str:
    """'<địa danh>, ngày 05 tháng 01 năm 2025', with blanks where the plan has no day/month."""
    document = plan.document
    if document.date.month and document.date.day:
        from datetime import date

        day = date(document.date.year, document.date.month, document.date.day)
        return f"{document.place}, {fmt.long_date(day)}"
    month = (
        (f"{document.date.month:02d}" if document.date.month < 3 else str(document.date.month))
        if document.date.month
        else BLANK
    )
    return f"{document.place}, ngày {BLANK} tháng {month} năm {document.date.year}"


def build_plan_document(plan: Plan) -> Any:
    document = plan.document
    docx = styles.new_document()
    number = f"Số: {document.number or BLANK}/{document.symbol}"
    header_block(
        docx,
        (document.parent_body or "").upper(),
        document.issuing_body.upper(),
        number,
        date_line(plan),
    )
    title_block(docx, document.type.upper(), [" ".join(document.title.split())])
    for paragraph in document.preamble:
        docx.add_paragraph(" ".join(paragraph.split()), style=styles.BODY)
    for paragraph in plan_outline(plan):
        style = (
            styles.SECTION
            if paragraph.level == 0
            else styles.ITEM
            if paragraph.bold
            else styles.BODY
        )
        docx.add_paragraph(" ".join(paragraph.text.split()), style=style)
    docx.add_paragraph(" ".join(document.closing.split()), style=styles.BODY)
    recipients = [
        f"- {item}{'.' if number == len(document.recipients) else ';'}"
        for number, item in enumerate(document.recipients, 1)
    ]
    signer = document.signer
    signer_lines = [(line.upper(), True) for line in (signer.authority, signer.title) if line]
    signer_lines += [("", False)] * 4 + [(signer.name or "", True)]
    closing_block(docx, recipients, signer_lines)
    return docx


def render_plan(plan: Plan) -> bytes:
    buffer = io.BytesIO()
    build_plan_document(plan).save(buffer)
    return buffer.getvalue()
