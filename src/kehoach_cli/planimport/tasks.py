"""The task tree: from the numbered items of the tasks section, each with its assignment
lines, or from a task table (STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian
hoàn thành | Sản phẩm) in the body or a Phụ lục."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach_cli.planimport.assignments import inline, labelled
from kehoach_cli.planimport.outline import Node, Section
from kehoach_cli.planimport.source import Block


@dataclass
class DraftTask:
    id: str
    where: str
    title: str | None = None
    text: list[str] = field(default_factory=list)
    lead: str | None = None  # as written
    cooperate: str | None = None  # as written
    deadline: str | None = None
    product: str | None = None
    subtasks: list[DraftTask] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    inline_found: bool = False


@dataclass
class Labels:
    lead: str | None = None
    cooperate: str | None = None
    deadline: str | None = None
    product: str | None = None


def assignment_count(section: Section) -> int:
    count = 0
    pending = list(section.nodes)
    while pending:
        node = pending.pop()
        if labelled(node.text) or (node.kind != "none" and " chủ trì" in node.text):
            count += 1
        pending += node.children
    return count


def tasks_from_section(section: Section, labels: Labels) -> tuple[list[DraftTask], list[Node]]:
    """The tasks of the section and the nodes that are not tasks (kept as items)."""
    tasks: list[DraftTask] = []
    left: list[Node] = []
    for node in section.nodes:
        if node.kind[1:].isdigit() or node.kind == "letter":
            written = node.mark if node.kind == "n1" else ""
            task_id = (
                written if written and written not in {t.id for t in tasks} else str(len(tasks) + 1)
            )
            tasks.append(_task(node, task_id, labels))
        else:
            left.append(node)
    return tasks, left


def _task(node: Node, fallback_id: str, labels: Labels) -> DraftTask:
    task_id = fallback_id
    task = DraftTask(task_id, node.where)
    if node.mark.rstrip(".") != task_id:
        task.notes.append(f"văn bản đánh số '{node.mark}', mã nhiệm vụ đặt là {task_id}")
    body: list[str] = []
    subtask_nodes = [c for c in node.children if c.kind[1:].isdigit() or c.kind == "letter"]
    if _is_title(node, bool(subtask_nodes)):
        task.title = node.text
    else:
        body.append(node.text)
    for child in node.children:
        if child in subtask_nodes:
            position = len(task.subtasks) + 1
            child_id = child.mark if "." in child.mark else f"{task_id}.{position}"
            if not child_id.startswith(task_id + "."):
                child_id = f"{task_id}.{position}"
            task.subtasks.append(_task(child, child_id, labels))
            continue
        found = labelled(child.text if child.kind == "none" else f"- {child.text}")
        if found:
            setattr(task, found.field, found.value)
            if getattr(labels, found.field) is None:
                setattr(labels, found.field, found.label)
            continue
        mark = "" if child.kind == "none" else f"{child.mark} "
        body.append(mark + child.text)
        body += [f"{g.mark} {g.text}".strip() for g in child.children]
    task.text = body
    if task.lead is None:
        _inline_assignment(task)
    return task


def _is_title(node: Node, has_subtasks: bool) -> bool:
    """A heading ('1. Đẩy mạnh công tác thông tin, tuyên truyền'), not the first paragraph
    of the task's text: bold in a .docx; in text, short and without a final period."""
    if node.bold:
        return True
    words = len(node.text.split())
    ends = node.text.rstrip().endswith((".", ";", ":")) and not node.text.endswith("...")
    if has_subtasks and words <= 40 and not ends:
        return True
    return words <= 20 and not ends and bool(node.children)


def _inline_assignment(task: DraftTask) -> None:
    for paragraph in [task.title or "", *task.text]:
        found = inline(paragraph)
        if found:
            task.lead = found.lead
            task.cooperate = found.cooperate
            task.deadline = task.deadline or found.deadline
            task.inline_found = True
            task.notes.append("đơn vị chủ trì, phối hợp đọc từ câu trong nội dung nhiệm vụ")
            return


# --- task tables ---------------------------------------------------------------------------

_ROLES = [
    ("number", re.compile(r"^(stt|tt|số tt|số thứ tự)$", re.IGNORECASE)),
    ("lead", re.compile(r"chủ trì|thực hiện$|đơn vị thực hiện", re.IGNORECASE)),
    ("cooperate", re.compile(r"phối hợp", re.IGNORECASE)),
    ("deadline", re.compile(r"thời gian|thời hạn|tiến độ|lộ trình", re.IGNORECASE)),
    ("product", re.compile(r"sản phẩm|kết quả", re.IGNORECASE)),
    ("content", re.compile(r"nội dung|nhiệm vụ|công việc|hoạt động|tên", re.IGNORECASE)),
]


def table_roles(cells: list[str]) -> dict[int, str] | None:
    """The column roles of a task table's header row, or None when it is not one."""
    roles: dict[int, str] = {}
    for position, cell in enumerate(cells):
        for role, pattern in _ROLES:
            if pattern.search(cell.strip()) and role not in roles.values():
                roles[position] = role
                break
    values = set(roles.values())
    return roles if {"lead", "content"} <= values else None


def tasks_from_tables(blocks: list[Block]) -> list[DraftTask]:
    """Tasks from every task table: Roman or lettered rows with nothing assigned are
    headings grouping the numbered rows under them; a row without a number goes on with
    the row above (a table broken across pages)."""
    tasks: list[DraftTask] = []
    roles: dict[int, str] | None = None
    group: DraftTask | None = None
    for block in blocks:
        if not block.cells:
            continue
        found = table_roles(block.cells)
        if found:
            roles = found
            continue
        if roles is None:
            continue
        row = {role: block.cells[i].strip() for i, role in roles.items() if i < len(block.cells)}
        if all(re.fullmatch(r"\(?\d+\)?", v or "") for v in row.values()):
            continue  # the row of column numbers (1) (2) (3) under the header
        number = row.get("number", "")
        content = row.get("content", "")
        assigned = any(row.get(k) for k in ("lead", "cooperate", "deadline", "product"))
        if not number and tasks and not assigned:  # a row broken across pages
            last = _last(tasks)
            if last.text:
                last.text = [*last.text[:-1], f"{last.text[-1]} {content}".strip()]
            elif last.title:
                last.title = f"{last.title} {content}".strip()
            continue
        if re.fullmatch(r"[IVXLC]+\.?|[A-Z]\.?", number) or (content and not assigned):
            group = DraftTask(str(len(tasks) + 1), block.where, title=content or number)
            tasks.append(group)
            continue
        parent = group.subtasks if group is not None else tasks
        owner_id = f"{group.id}." if group is not None else ""
        task = DraftTask(f"{owner_id}{len(parent) + 1}", block.where)
        if number and number.rstrip(".") != str(len(parent) + 1):
            task.notes.append(f"bảng ghi STT '{number}', mã nhiệm vụ đặt là {task.id}")
        task.text = [content] if content else []
        task.lead = row.get("lead") or None
        task.cooperate = row.get("cooperate") or None
        task.deadline = row.get("deadline") or None
        task.product = row.get("product") or None
        parent.append(task)
    return tasks


def _last(tasks: list[DraftTask]) -> DraftTask:
    task = tasks[-1]
    while task.subtasks:
        task = task.subtasks[-1]
    return task


def walk(tasks: list[DraftTask]) -> list[DraftTask]:
    out: list[DraftTask] = []
    for task in tasks:
        out.append(task)
        out += walk(task.subtasks)
    return out
