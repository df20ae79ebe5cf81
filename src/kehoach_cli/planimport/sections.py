"""The sections of the draft: headings, items as the document marks them (1., a), -, +),
label and text split, and the section that holds the tasks with the labels it uses."""

from __future__ import annotations

import re
from typing import Any

from kehoach_cli.planimport.outline import Node, Section
from kehoach_cli.planimport.tasks import Labels, assignment_count
from kehoach_cli.planimport.yaml_text import Noted

DEFAULT_LABELS = Labels(
    lead="Cơ quan chủ trì",
    cooperate="Cơ quan phối hợp",
    deadline="Thời gian hoàn thành",
    product="Sản phẩm",
)


def tasks_section(sections: list[Section]) -> int | None:
    counts = [assignment_count(section) for section in sections]
    if counts and max(counts) > 0:
        return counts.index(max(counts))
    for number, section in enumerate(sections):
        if re.search(r"NHIỆM VỤ", section.heading, re.IGNORECASE):
            return number
    return None


def table_section(sections: list[Section]) -> int:
    for number, section in enumerate(sections):
        if re.search(r"NHIỆM VỤ", section.heading, re.IGNORECASE):
            return number
    return len(sections) - 1


_NUMBERING = {"letter": "number", "dash": "bullet", "plus": "bullet", "none": "none"}


def _numbering(kind: str) -> str:
    return "number" if kind[1:].isdigit() else _NUMBERING[kind]


def section_data(section: Section, holds_tasks: bool, left: list[Node], labels: Labels) -> Noted:
    nodes = left if holds_tasks else section.nodes
    data: dict[str, Any] = {"heading": section.heading}
    notes: list[str] = []
    numbering = (
        _numbering(next((n.kind for n in nodes if n.kind != "none"), "none")) if nodes else "number"
    )
    if nodes:
        data["items"] = [_item(node, numbering) for node in nodes]
    if numbering != "number":
        data["numbering"] = numbering
    if nodes and nodes[0].kind == "none" and numbering != "none":
        notes.append(
            "mục mở đầu bằng đoạn không đánh số: khi in, đoạn này được đánh số như các đoạn sau"
        )
    if holds_tasks:
        data["content"] = "tasks"
        for key in ("lead", "cooperate", "deadline", "product"):
            written = getattr(labels, key)
            if written and written != getattr(DEFAULT_LABELS, key):
                data[f"{key}_label"] = written
    return Noted(data, notes)


def _item(node: Node, numbering: str) -> Any:
    text = node.text
    if node.kind != "none" and _numbering(node.kind) != numbering:
        ending = ")" if node.kind == "letter" else "." if node.kind[1:].isdigit() else ""
        text = f"{node.mark}{ending} {text}"  # the mark kept where the list's differs
    children = node.children
    item: dict[str, Any] = {}
    label, rest = _label(text, node, bool(children))
    if label:
        item["label"] = label
    if rest:
        item["text"] = rest
    if children:
        inner = _numbering(next((c.kind for c in children if c.kind != "none"), "none"))
        item["items"] = [_item(child, inner) for child in children]
        default = "bullet" if numbering == "none" else numbering
        if inner != default:
            item["numbering"] = inner
    if list(item) == ["text"]:
        return item["text"]
    return item


def _label(text: str, node: Node, has_children: bool) -> tuple[str | None, str | None]:
    match = re.match(r"^([^:]{2,80}?):\s+(\S.*)$", text)
    # 'Kinh phí: Định kỳ hằng năm, …' — not 'Báo cáo quý: trước ngày 10 …'
    if (
        match
        and len(match.group(1).split()) <= 12
        and match.group(1)[:1].isupper()
        and match.group(2)[:1].isupper()
    ):
        return match.group(1), match.group(2)
    short = len(text.split()) <= 15 and not text.endswith((".", ";", ":"))
    if has_children and (node.bold or short):
        return text, None
    return None, text
