"""The plan itself (KẾ HOẠCH) rebuilt from plan.yaml in the Decree 30 layout."""

from __future__ import annotations

import io
from typing import Any

from kehoach_cli import formatting as fmt
from kehoach_cli.model.citation import issued_with_line
from kehoach_cli.model.plan import Plan
from kehoach_cli.report import styles
from kehoach_cli.report.blocks import body_rule_mm, closing_block, header_block, title_block
from kehoach_cli.report.header_text import header_name_lines
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


def header_names(plan: Plan) -> tuple[list[str], str]:
    """The header's names, in capitals broken into balanced lines: the parent body (not
    bold; none when the issuer has no parent body) and the issuing body (bold)."""
    document = plan.document
    parent = [header_name_lines(document.parent_body, bold=False)] if document.parent_body else []
    return parent, header_name_lines(document.issuing_body)


def build_plan_document(plan: Plan) -> Any:
    document = plan.document
    docx = styles.new_document()
    issued_with = issued_with_line(document)
    # A plan issued with a decision has neither number nor date of its own: the decision has.
    number = "" if issued_with else f"Số: {document.number or BLANK}/{document.symbol}"
    dated = "" if issued_with else date_line(plan)
    parent, issuer = header_names(plan)
    header_block(docx, parent, issuer, number, dated, body_rule=body_rule_mm(issuer))
    title_block(docx, document.type.upper(), [" ".join(document.title.split())], note=issued_with)
    for text in document.preamble:  # the "Căn cứ …;" lines, then the issuing paragraph
        docx.add_paragraph(" ".join(text.split()), style=styles.BODY)
    for paragraph in plan_outline(plan):
        style = (
            styles.SECTION
            if paragraph.level == 0
            else styles.ITEM
            if paragraph.bold
            else styles.BODY
        )
        docx.add_paragraph(" ".join(paragraph.text.split()), style=style)
    closing = docx.add_paragraph(" ".join(document.closing.split()), style=styles.BODY)
    closing.paragraph_format.keep_with_next = True  # never a signer block alone on a page
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
