"""The closing sentence, Nơi nhận and the signer, and the appendix of reports sent late or
not sent. Pure."""

from __future__ import annotations

from typing import Any

from kehoach_cli import formatting as fmt
from kehoach_cli.facts.labels import SUBMISSION_LABELS
from kehoach_cli.facts.model import SubmissionState
from kehoach_cli.model import kinds
from kehoach_cli.report import wording as w
from kehoach_cli.report.parts.header import recipient_lines
from kehoach_cli.report.parts.words import Words, days_note


def closing(words: Words) -> str:
    text = (
        f"Trên đây là báo cáo kết quả thực hiện {words.plan_ref} {words.label} của {words.reporter}"
    )
    if words.receiver_own:
        return f"{text}; kính báo cáo {words.upward}./."
    if words.unit:
        return f"{text}, gửi {words.receiver.name} tổng hợp./."
    addressees = words.plan.reporting.report.addressees
    return f"{text}; kính báo cáo {w.join_names(addressees)}./."


def closing_block(words: Words) -> dict[str, Any]:
    settings = words.plan.reporting.report
    if words.unit:
        to_receiver = not words.receiver_own
        recipients = [f"{words.upward} ({'tổng hợp' if to_receiver else 'b/c'})", "Lưu: VT"]
        head = kinds.unit_signer(words.unit)
        signer: dict[str, Any] = {
            "authority": head.authority,
            "title": head.title,
            "name": head.name or "",
        }
    else:
        recipients = list(settings.recipients)
        signer = settings.signer.model_dump()
        signer["name"] = signer["name"] or ""  # a blank name leaves room, never "None"
    return {
        "recipients": recipient_lines(recipients),
        "signer": {
            key: (value.upper() if key in ("authority", "title") and value else value)
            for key, value in signer.items()
        },
    }


def appendix(words: Words) -> dict[str, Any]:
    facts = words.facts
    rows: list[dict[str, str]] = []
    for sub in facts.submissions:
        if sub.state is SubmissionState.ON_TIME:
            continue
        rows.append(
            {
                "stt": str(len(rows) + 1),
                "unit": sub.unit.name,
                "submitted": fmt.short_date(sub.submitted_on) if sub.submitted_on else "—",
                "state": SUBMISSION_LABELS[sub.state.value] + days_note(sub),
                "days": str(sub.days_late) if sub.days_late is not None else "—",
            }
        )
    deadline = fmt.short_date(facts.deadline)
    if words.unit:
        title = f"Tình hình gửi báo cáo {facts.label} của {words.unit.name}"
        empty = _own_sending(words, deadline)
    else:
        title = f"Danh sách đơn vị gửi báo cáo muộn hoặc chưa gửi báo cáo {facts.label}"
        empty = f"Tất cả {len(facts.submissions)} đơn vị đã gửi báo cáo đúng hạn (hạn {deadline})."
    return {"appendix_title": title, "late_rows": rows, "appendix_empty": empty}


def _own_sending(words: Words, deadline: str) -> str:
    """Told only when the document is dated on its sending day (one signed earlier cannot
    tell its own sending); the receiving unit's own part is not held to the deadline of
    the reports sent to it."""
    assert words.unit is not None
    sub = words.facts.submission(words.unit.id)
    if sub.submitted_on is None or sub.submitted_on != words.report_date:
        return ""
    when = fmt.short_date(sub.submitted_on)
    if words.receiver_own:
        return f"{words.unit.name} hoàn thành báo cáo phần việc của đơn vị ngày {when}."
    if sub.days_late:
        return (
            f"{words.unit.name} gửi báo cáo ngày {when}, muộn {sub.days_late} ngày (hạn "
            f"{deadline})."
        )
    return f"{words.unit.name} gửi báo cáo ngày {when}, đúng hạn (hạn {deadline})."
