"""The `reporting` part of the draft: periods and deadlines, the receiving unit and the one
told of difficulties, from the reporting clause; the yearly report's settings (not in the
plan) filled from the plan and marked."""

from __future__ import annotations

from typing import Any

from kehoach_cli.planimport.header import Header
from kehoach_cli.planimport.outline import Body, Node
from kehoach_cli.planimport.reporting import read_reporting
from kehoach_cli.planimport.units import UnitBook
from kehoach_cli.planimport.yaml_text import Noted


def reporting_data(
    body: Body, tasks_at: int | None, book: UnitBook, document: dict[str, Any], header: Header
) -> Noted:
    paragraphs: list[str] = []
    for number, section in enumerate(body.sections):
        if number == tasks_at:
            continue
        # an item with what stands under it ('Báo cáo … về Phòng A:' then '- năm: trước
        # ngày 05/12'), then each paragraph alone
        paragraphs += [_with_children(node) for node in section.nodes]
        pending = list(section.nodes)
        while pending:
            node = pending.pop(0)
            paragraphs.append(node.text)
            pending = node.children + pending
    if body.closing:
        paragraphs.append(body.closing.text)
    found = read_reporting(paragraphs)
    notes: list[str] = []
    data: dict[str, Any] = {}
    periods = found.periods
    if not periods:
        data["deadline"] = Noted("15/12", ["văn bản không ghi hạn gửi báo cáo: hạn là đoán"])
    elif len(periods) == 1 and periods[0]["id"] == "nam":
        data["deadline"] = periods[0]["deadline"]
        notes.append(f"hạn báo cáo đọc từ: «{found.sentence}»")
    else:
        seen: set[str] = set()
        for period in periods:
            while period["id"] in seen:
                period["id"] += "-2"
            seen.add(period["id"])
        data["periods"] = periods
        notes.append(f"kỳ và hạn báo cáo đọc từ: «{found.sentence}»")
    receiver = _receiver(found.receiver, book)
    data["receiver"] = receiver
    escalation = _receiver(found.escalation_to, book) if found.escalation_to else receiver
    data["escalation_to"] = escalation
    # a plan issued with a decision has no symbol of its own: the decision's says the issuer
    decision = _plain(document.get("issued_with")) or {}
    symbol = str(_plain(document.get("symbol")) or decision.get("symbol") or "KH-UBND")
    issuer = _plain(document.get("issuing_body"))
    parent = _plain(document.get("parent_body"))
    data["report"] = Noted(
        {
            "symbol": "BC-" + symbol.split("-", 1)[-1],
            "addressees": [parent or issuer or "…"],
            "recipients": ["Như trên", "Lưu: VT"],
            "signer": document["signer"],
        },
        [
            "phần 'report' (ký hiệu, nơi gửi, nơi nhận, người ký của báo cáo năm) không có trong "
            "văn bản kế hoạch: đã điền theo kế hoạch, cần kiểm tra"
        ],
    )
    return Noted(data, notes)


def _with_children(node: Node) -> str:
    return " ".join([node.text, *(_with_children(child) for child in node.children)])


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Noted) else value


def _receiver(written: str | None, book: UnitBook) -> Any:
    if written:
        entry = book.entry(written)
        if entry.group:
            return Noted(entry.id, ["đơn vị nhận báo cáo là một nhóm: ghi một đơn vị"])
        if entry.kind == "external":
            entry.kind = "so_nganh"
        return Noted(entry.id, [f"đơn vị nhận báo cáo đọc từ văn bản: «{written}»"])
    leads = [u for u in book.units() if u.kind != "external"]
    if leads:
        return Noted(leads[0].id, ["văn bản không ghi nơi nhận báo cáo: đơn vị là đoán"])
    return Noted("", ["văn bản không ghi nơi nhận báo cáo: ghi mã một đơn vị"])
