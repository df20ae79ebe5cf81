"""The plan dict of the draft, every guess noted: the document, sections, units and
groups, the task tree and reporting, from what source, header and outline read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic_core import PydanticCustomError

from kehoach_cli.model.deadlines import ACCEPTED, parse_deadline
from kehoach_cli.planimport.assignments import split_names
from kehoach_cli.planimport.document import document_data, document_notes, plan_period
from kehoach_cli.planimport.header import read_header
from kehoach_cli.planimport.outline import Body, Node, read_body
from kehoach_cli.planimport.reporting_draft import reporting_data
from kehoach_cli.planimport.sections import section_data, table_section, tasks_section
from kehoach_cli.planimport.source import Block
from kehoach_cli.planimport.tasks import (
    DraftTask,
    Labels,
    tasks_from_section,
    tasks_from_tables,
    walk,
)
from kehoach_cli.planimport.text import name_key
from kehoach_cli.planimport.units import UnitBook, canonical
from kehoach_cli.planimport.yaml_text import Noted


@dataclass
class Draft:
    data: dict[str, Any]  # with Noted values
    tasks: list[DraftTask]
    units: int
    groups: int
    sections: int
    left: list[str] = field(default_factory=list)  # text kept as comments: not placed
    read: list[str] = field(default_factory=list)  # what was found, for the summary


def build_draft(blocks: list[Block]) -> Draft:
    header = read_header(blocks)
    body = read_body(blocks[header.body_start :])
    everything = " ".join(block.text for block in blocks)
    document = document_data(header, body, everything)

    tasks, tasks_at, sections = _tasks_and_sections(blocks, body)
    table_tasks = tasks_at is None and bool(tasks)
    named_alone, leading = _usage(tasks)
    book = UnitBook(leading)
    task_data = [_task(task, book, named_alone) for task in tasks]
    reporting = reporting_data(body, tasks_at, book, document, header)
    groups = book.groups()
    units = book.units()
    data: dict[str, Any] = {
        "schema_version": 1,
        "document": Noted(document, document_notes(header)),
    }
    period = plan_period(header.title + " " + " ".join(b.text for b in body.preamble))
    if period:
        data["period"] = Noted(period, ["thời gian thực hiện đọc từ trích yếu, phần mở đầu"])
    data["sections"] = sections
    data["units"] = [_unit(entry) for entry in units]
    if groups:
        data["groups"] = [
            Noted(
                {"id": g.id, "name": g.name, "members": g.members},
                [
                    "thành viên nhóm là đoán theo loại đơn vị (văn bản không liệt kê): "
                    "thêm, bớt cho đúng"
                ],
            )
            for g in groups
        ]
    data["tasks"] = task_data
    data["reporting"] = reporting
    draft = Draft(data, tasks, len(units), len(groups), len(sections))
    draft.left = [b.text for b in body.appendix if not b.cells]
    if body.appendix and table_tasks:
        draft.left = [t for t in draft.left if not _is_table_title(t)]
    draft.read = header.found
    return draft


def _tasks_and_sections(
    blocks: list[Block], body: Body
) -> tuple[list[DraftTask], int | None, list[Noted]]:
    """The task tree (from a task table, else from the section holding the tasks), the
    number of that section (None for a table) and every section's data."""
    table_tasks = tasks_from_tables(blocks)
    labels = Labels()
    tasks_at = None if table_tasks else tasks_section(body.sections)
    tasks: list[DraftTask] = table_tasks
    left_nodes: list[Node] = []
    if tasks_at is not None:
        tasks, left_nodes = tasks_from_section(body.sections[tasks_at], labels)
    sections = [
        section_data(section, number == tasks_at, left_nodes, labels)
        for number, section in enumerate(body.sections)
    ]
    if table_tasks and body.sections:
        sections[table_section(body.sections)].notes.append(
            "nhiệm vụ lấy từ bảng nhiệm vụ (trong văn bản hoặc Phụ lục); mục này không in "
            "lại bảng: thêm 'content: tasks' nếu muốn in nhiệm vụ tại đây"
        )
    if tasks_at is not None and any(task.inline_found for task in walk(tasks)):
        sections[tasks_at].notes.append(
            "văn bản ghi phân công ngay trong câu của nhiệm vụ; 'kehoach plan render' in "
            "thêm các dòng '- Cơ quan chủ trì: …' dưới mỗi nhiệm vụ"
        )
    return tasks, tasks_at, sections


def _is_table_title(text: str) -> bool:
    return bool(re.match(r"^(PHỤ LỤC|Phụ lục|\(Kèm theo|\(Ban hành kèm|DANH MỤC)", text))


# --- tasks ---------------------------------------------------------------------------------


def _usage(tasks: list[DraftTask]) -> tuple[frozenset[str], set[str]]:
    """How the plan uses names, read before any unit is made: every name it writes on its
    own in an assignment line, and the names that lead a task (name_key of each)."""
    alone: set[str] = set()
    leading: set[str] = set()
    for task in walk(tasks):
        for written in (task.lead, task.cooperate):
            alone.update(name_key(canonical(name)) for name in split_names(written or ""))
    for task in walk(tasks):
        leads = split_names(task.lead or "", frozenset(alone))
        if leads:
            leading.add(name_key(canonical(leads[0])))
    return frozenset(alone), leading


def _task(task: DraftTask, book: UnitBook, named_alone: frozenset[str]) -> Noted:
    data: dict[str, Any] = {"id": task.id}
    notes = list(task.notes)
    if task.title:
        data["title"] = task.title
    elif task.text:
        words = re.sub(r"[.;:,]+$", "", task.text[0]).split()
        data["name"] = " ".join(words[:10]) + ("…" if len(words) > 10 else "")
        notes.append("tên ngắn (name) là 10 chữ đầu của nội dung: sửa cho gọn")
    else:
        data["name"] = Noted("", ["nhiệm vụ không có nội dung"])
    if task.text:
        data["text"] = task.text
    _assignment(task, data, notes, book, named_alone)
    if task.deadline:
        data["deadline"] = _deadline(task.deadline)
    if task.product:
        data["product"] = task.product
    if task.subtasks:
        data["subtasks"] = [_task(sub, book, named_alone) for sub in task.subtasks]
    return Noted(data, notes)


def _assignment(
    task: DraftTask,
    data: dict[str, Any],
    notes: list[str],
    book: UnitBook,
    named_alone: frozenset[str],
) -> None:
    wording: dict[str, str] = {}
    leads = split_names(task.lead, named_alone) if task.lead else []
    if not leads and not task.subtasks:
        notes.append("không thấy đơn vị chủ trì: ghi 'lead'")
    lead_ref = None
    if leads:
        lead_ref = book.ref(leads[0])
        entry = book.entry(leads[0])
        if entry.kind == "external":
            entry.kind = "so_nganh"
            entry.notes.append("tên giống cơ quan bên ngoài nhưng chủ trì nhiệm vụ: loại là đoán")
        data["lead"] = lead_ref
        if len(leads) > 1:
            notes.append(
                f"văn bản ghi {len(leads)} đơn vị chủ trì; 'lead' là đơn vị đầu, các "
                "đơn vị sau đưa vào phối hợp"
            )
        if task.lead and task.lead != book.name_of(lead_ref):
            wording["lead"] = task.lead
    names = leads[1:] + (split_names(task.cooperate, named_alone) if task.cooperate else [])
    cooperate: list[str] = []
    partners: list[str] = []
    for name in names:
        ref = book.ref(name)
        entry = book.entry(name)
        target = partners if entry.kind == "external" else cooperate
        if ref != lead_ref and ref not in cooperate and ref not in partners:
            target.append(ref)
    if cooperate:
        data["cooperate"] = cooperate
    if partners:
        data["partners"] = partners
    if task.cooperate:
        printed = [book.name_of(ref) for ref in [*cooperate, *partners]]
        separator = "; " if any("," in name for name in printed) else ", "
        if separator.join(printed) != task.cooperate:
            wording["cooperate"] = task.cooperate
    if wording:
        data["wording"] = wording


def _deadline(text: str) -> Any:
    try:
        parse_deadline(text)
    except PydanticCustomError:
        return Noted(text, [f"chưa hiểu thời hạn này; viết theo một dạng như: {ACCEPTED}"])
    return text


# --- units ---------------------------------------------------------------------------------


def _unit(entry: Any) -> Noted:
    data: dict[str, Any] = {"id": entry.id, "name": entry.name, "kind": entry.kind}
    notes = [
        "mã (id) và loại (kind) đoán từ tên: đổi mã cho quen (tệp tiến độ mang tên mã)",
        *entry.notes,
    ]
    others = [s for s in entry.spellings if canonical(s) != entry.name]
    if others:
        notes.append("văn bản còn viết: " + "; ".join(others))
    return Noted(data, notes)
