"""The body: the preamble, the sections I, II, … with their items as a tree of marks
(1. → 1.1. → a) → - → +, and unmarked paragraphs), the closing paragraph, Nơi nhận, the
signer and the appendices (Phụ lục) with their tables."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach_cli.planimport.header import SECTION
from kehoach_cli.planimport.source import Block
from kehoach_cli.planimport.text import is_capitals

NUMBER_MARK = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){0,5})[.)]\s*(?=\S)(.*)$")
LETTER_MARK = re.compile(r"^([a-zđ])\)\s*(.*)$")
DASH_MARK = re.compile(r"^[-–•]\s*(.*)$")
PLUS_MARK = re.compile(r"^\+\s*(.*)$")
_RECIPIENTS = re.compile(r"^Nơi nhận\s*:?\s*(.*)$", re.IGNORECASE)
_APPENDIX = re.compile(r"^(PHỤ LỤC|Phụ lục)\b")
_AUTHORITY = re.compile(r"^(KT|TM|Q|TL|TUQ)\.\s*\S", re.IGNORECASE)
_SIGNED = re.compile(
    r"^\(?\s*(đã ký|ký|ký tên|ký, đóng dấu|ký và đóng dấu)[^)]*\)?$", re.IGNORECASE
)


@dataclass
class Node:
    """A paragraph of the body and what stands under it."""

    kind: str  # "n1", "n2" … (1., 1.1.), "letter", "dash", "plus", "none", "row"
    mark: str  # "2.1", "a", "-", "+", ""
    text: str
    where: str
    bold: bool = False
    children: list[Node] = field(default_factory=list)
    cells: dict[str, str] = field(default_factory=dict)  # a task table's row, by column role


@dataclass
class Section:
    heading: str
    where: str
    nodes: list[Node] = field(default_factory=list)


@dataclass
class Body:
    preamble: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    closing: Block | None = None
    recipients: list[str] = field(default_factory=list)
    drafting_note: str | None = None
    signer: list[str] = field(default_factory=list)  # authority, title, name as written
    appendix: list[Block] = field(default_factory=list)
    after_signer: list[Block] = field(default_factory=list)  # kept, not placed


def mark_of(text: str) -> tuple[str, str, str]:
    """(kind, mark, rest) of a paragraph."""
    match = NUMBER_MARK.match(text)
    if match and not re.match(r"^\d{1,3}\.\d{1,3}\.\d{4}", text) and not _is_a_number(text):
        depth = match.group(1).count(".") + 1
        return f"n{depth}", match.group(1), match.group(2).strip()
    for kind, pattern in (("letter", LETTER_MARK), ("dash", DASH_MARK), ("plus", PLUS_MARK)):
        match = pattern.match(text)
        if match:
            return kind, match.group(1) if kind == "letter" else text[0], match.groups()[-1]
    return "none", "", text


def _is_a_number(text: str) -> bool:
    """'100% thôn…', '2.000 hộ…', '30/6' start with digits but are not marks."""
    return bool(re.match(r"^\d+(?:[.,]\d{3})+\b|^\d+\s*%|^\d+/", text))


def read_body(blocks: list[Block]) -> Body:
    body = Body()
    position = 0
    while position < len(blocks) and not _section_start(blocks[position]):
        if _RECIPIENTS.match(blocks[position].text):
            break
        body.preamble.append(blocks[position])
        position += 1
    end = next(
        (i for i in range(position, len(blocks)) if _RECIPIENTS.match(blocks[i].text)),
        len(blocks),
    )
    appendix_at = next((i for i in range(position, end) if _APPENDIX.match(blocks[i].text)), end)
    section_blocks = blocks[position:appendix_at]
    if section_blocks and end < len(blocks):
        last = section_blocks[-1]
        closing = last.text.startswith("Trên đây") or last.text.endswith("./.")
        if not last.cells and closing and mark_of(last.text)[0] == "none":
            body.closing = last
            section_blocks = section_blocks[:-1]
    body.sections = _sections(section_blocks)
    tail = blocks[end:]
    rest = _closing_block(body, tail)
    body.appendix = blocks[appendix_at:end] + rest
    return body


def _section_start(block: Block) -> bool:
    match = SECTION.match(block.text)
    return match is not None and not block.cells and len(match.group(2)) < 200


def _sections(blocks: list[Block]) -> list[Section]:
    sections: list[Section] = []
    stack: list[Node] = []
    for block in blocks:
        match = SECTION.match(block.text) if not block.cells else None
        if match and len(match.group(2)) < 200:
            sections.append(Section(match.group(2).strip(), block.where))
            stack = []
            continue
        if not sections:
            continue
        section = sections[-1]
        if not section.nodes and not stack and is_capitals(block.text) and not block.cells:
            kind = mark_of(block.text)[0]
            if kind == "none":  # the heading went on to a second line
                section.heading += " " + block.text
                continue
        kind, mark, rest = mark_of(block.text)
        node = Node(kind, mark, rest, block.where, bold=block.bold)
        _place(section, stack, node)
    return sections


# The order marks nest in (Decree 30): numbers (deeper as they gain dots), letters, dashes,
# pluses. An unmarked paragraph belongs to the item above it.
_RANK = {"letter": 50, "dash": 60, "plus": 70}


def _rank(kind: str) -> int:
    if kind == "none":  # a paragraph that heads items: never closed by them
        return 0
    return int(kind[1:]) * 10 if kind[1:].isdigit() else _RANK.get(kind, 100)


def _place(section: Section, stack: list[Node], node: Node) -> None:
    if node.kind == "none":
        if stack and stack[-1].kind != "none":
            stack[-1].children.append(node)
            return
        section.nodes.append(node)
        # an unmarked paragraph ending in ':' heads the marked items after it
        stack[:] = [node] if node.text.endswith(":") else []
        return
    while stack and _rank(stack[-1].kind) >= _rank(node.kind):
        stack.pop()
    (stack[-1].children if stack else section.nodes).append(node)
    stack.append(node)


def _closing_block(body: Body, tail: list[Block]) -> list[Block]:
    """Nơi nhận's lines (and the drafter's file-name line), the signer's lines. Returns
    what follows the signer (an appendix), to be read on its own."""
    position = 0
    signer: list[str] = []
    while position < len(tail):
        block = tail[position]
        text = block.text.strip()
        if position > 0 and _APPENDIX.match(text):
            break
        match = _RECIPIENTS.match(text)
        if match:
            text = match.group(1).strip()
            if not text:
                position += 1
                continue
        if re.match(r"^[-–+•]", text):
            item = re.sub(r"^[-–+•]\s*", "", text).rstrip(";.,")
            if "\\" in item or re.fullmatch(r"\S+\.(docx?|pdf)", item):
                body.drafting_note = item
            else:
                body.recipients.append(item)
        elif text.startswith("Lưu") and body.recipients[-1:] != [text]:
            body.recipients.append(text.rstrip(";."))
        elif _SIGNED.match(text):
            pass
        elif body.recipients and text[:1].islower() and not signer:
            body.recipients[-1] += " " + text.rstrip(";.")
        else:
            signer.append(text)
        position += 1
    body.signer = signer
    return tail[position:]
