"""The plan dict of the draft, every guess noted: the document, sections, units and
groups, the task tree and reporting, from what source, header and outline read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic_core import PydanticCustomError

from kehoach_cli.model.deadlines import ACCEPTED, parse_deadline
from kehoach_cli.planimport.assignments import split_names
from kehoach_cli.planimport.header import PREAMBLE_START, Header, read_header
from kehoach_cli.planimport.outline import Body, Node, Section, read_body
from kehoach_cli.planimport.reporting import read_reporting
from kehoach_cli.planimport.source import Block
from kehoach_cli.planimport.tasks import (
    DraftTask,
    Labels,
    assignment_count,
    tasks_from_section,
    tasks_from_tables,
    walk,
)
from kehoach_cli.planimport.text import is_capitals, place_names, restore_case
from kehoach_cli.planimport.units import UnitBook, canonical
from kehoach_cli.planimport.yaml_text import Noted

DEFAULT_LABELS = Labels(
    lead="Cơ quan chủ trì",
    cooperate="Cơ quan phối hợp",
    deadline="Thời gian hoàn thành",
    product="Sản phẩm",
)
_REFERENCE = re.compile(
    r"(?:Luật\s+[^;,]+?\s+ngày\s+[\d/]+|(?:Nghị quyết|Nghị định|Quyết định|Kế hoạch|Thông tư|"
    r"Chỉ thị|Công văn|[Vv]ăn bản|Chương trình|Kết luận|Hướng dẫn)\s+(?:số\s+)?\d+[\w/\-Đ]*"
    r"(?:\s+ngày\s+\d{1,2}(?:/\d{1,2}/\d{4}|\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?"
    r"(?:\s+của\s+(?:Thủ tướng Chính phủ|Chính phủ|Bộ Chính trị|[^,;]+?)"
    r"(?=\s+(?:về|phê duyệt|ban hành|quy định|hướng dẫn|thực hiện|triển khai|và)\b|[,;.]|$))?)"
)


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
    book = UnitBook()
    document = _document(header, body, everything)

    tasks, tasks_at, sections = _tasks_and_sections(blocks, body)
    table_tasks = tasks_at is None and bool(tasks)
    task_data = [_task(task, book) for task in tasks]
    reporting = _reporting(body, tasks_at, book, document, header)
    groups = book.groups()
    units = book.units()
    data: dict[str, Any] = {
        "schema_version": 1,
        "document": Noted(document, _document_notes(header)),
    }
    period = _period(header.title + " " + " ".join(b.text for b in body.preamble))
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
    tasks_at = None if table_tasks else _tasks_section(body.sections)
    tasks: list[DraftTask] = table_tasks
    left_nodes: list[Node] = []
    if tasks_at is not None:
        tasks, left_nodes = tasks_from_section(body.sections[tasks_at], labels)
    sections = [
        _section(section, number == tasks_at, left_nodes, labels)
        for number, section in enumerate(body.sections)
    ]
    if table_tasks and body.sections:
        sections[_table_section(body.sections)].notes.append(
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


# --- document ------------------------------------------------------------------------------


def _document(header: Header, body: Body, everything: str) -> dict[str, Any]:
    parent, issuer = _names(header, body, everything)
    preamble = [block.text for block in body.preamble]
    # a plan issued with a decision is signed under the decision
    signer_lines = body.signer or _decision_signer(header.decision_text)
    signer = _signer(signer_lines, issuer.value if isinstance(issuer, Noted) else issuer)
    document: dict[str, Any] = {
        "type": header.doc_type,
        "number": header.number,
        "symbol": header.symbol or Noted("", ["không thấy ký hiệu văn bản (dòng 'Số: …/…')"]),
        "place": header.place or Noted("", ["không thấy địa danh (dòng '…, ngày … tháng …')"]),
        "date": _date(header),
    }
    if parent is not None:
        document["parent_body"] = parent
    document["issuing_body"] = issuer
    title = header.title
    if header.title_capitals:
        title = restore_case(title, everything, _names_known(header, everything))
        document["title"] = Noted(
            title, ["trích yếu viết hoa trong văn bản: đã đổi sang chữ thường, kiểm tra tên riêng"]
        )
    else:
        document["title"] = title or Noted("", ["không thấy trích yếu"])
    references = _references(preamble)
    if references:
        document["legal_bases"] = Noted(
            references, ["danh sách văn bản căn cứ trích tự động từ phần mở đầu (để tra cứu)"]
        )
    document["preamble"] = preamble[0] if len(preamble) == 1 else preamble
    if body.closing is not None:
        document["closing"] = body.closing.text
    else:
        document["closing"] = Noted(
            "",
            [
                "không thấy đoạn kết riêng ('Trên đây là …', hoặc đoạn không đánh số có './.' "
                "ở cuối): ghi đoạn kết vào đây"
            ],
        )
    document["recipients"] = body.recipients
    document["signer"] = signer
    if body.drafting_note:
        document["drafting_note"] = body.drafting_note
    return document


def _document_notes(header: Header) -> list[str]:
    notes: list[str] = []
    if header.attached_to:
        decision = header.attached_to.get("decision", "")
        notes.append(
            f"kế hoạch ban hành kèm theo {decision}; số, ký hiệu và ngày ở phần đầu là của văn "
            "bản ban hành"
        )
    if header.decision_text:
        lines = header.decision_text[:60]
        notes.append("văn bản ban hành (nguyên văn, không thuộc kế hoạch): " + " / ".join(lines))
    return notes


def _names(header: Header, body: Body, everything: str) -> tuple[Any, Any]:
    known = _names_known(header, everything)
    names = [
        restore_case(name, everything, known) if is_capitals(name) else name
        for name in header.names
    ]
    if len(names) >= 2:
        return names[0], names[1]
    if len(names) == 1:
        issuer = names[0]
        if header.place and re.fullmatch(r"(?i)(ủy|uỷ) ban nhân dân", issuer):
            return None, Noted(f"Ủy ban nhân dân tỉnh {header.place}", ["cấp (tỉnh) là đoán"])
        return None, issuer
    found = _issuer_from_preamble(body)
    if found is None:
        return None, Noted("", ["không thấy tên cơ quan ban hành ở phần đầu văn bản"])
    issuer = found
    parent = None
    if not issuer.lower().startswith(("ủy ban", "uỷ ban", "ubnd")) and header.place:
        parent = Noted(
            f"UBND tỉnh {header.place}",
            ["văn bản không ghi phần tên cơ quan: cơ quan chủ quản là đoán theo địa danh"],
        )
    return parent, Noted(
        issuer, ["văn bản không ghi phần tên cơ quan: tên cơ quan ban hành đọc từ đoạn mở đầu"]
    )


def _names_known(header: Header, everything: str) -> list[str]:
    """Proper names to keep when capitals are turned to lower case: the place of the date
    line and the places the body names ('tỉnh Lâm Đồng')."""
    return [*([header.place] if header.place else []), *place_names(everything)]


def _issuer_from_preamble(body: Body) -> str | None:
    for block in body.preamble:
        match = re.search(
            r"(?:^|[;,]\s*)((?:Sở|Ủy ban nhân dân|UBND|Phòng|Ban|Trung tâm)[^;,]{3,80}?)\s+"
            r"(?:ban hành|xây dựng)\s+(?:Kế hoạch|kế hoạch)",
            block.text,
        )
        if match:
            return match.group(1).strip()
    return None


def _date(header: Header) -> Any:
    if header.year is None:
        return Noted("", ["không thấy ngày ban hành"])
    if header.day and header.month:
        return f"{header.year}-{header.month:02d}-{header.day:02d}"
    if header.month:
        return f"{header.year}-{header.month}"
    return Noted(str(header.year), ["văn bản chỉ ghi năm ('ngày … tháng … năm …')"])


def _decision_signer(lines: list[str]) -> list[str]:
    """The signer's lines at the end of the issuing decision: from its authority line."""
    for position, line in enumerate(lines):
        if re.match(r"^(KT|TM|Q|TL|TUQ)\.", line):
            return [text for text in lines[position:] if not text.startswith("-")]
    return []


def _signer(lines: list[str], issuer: str | None) -> Any:
    authorities = [line for line in lines if re.match(r"^(KT|TM|Q|TL|TUQ)\.", line)]
    authority: Any = authorities[-1] if authorities else None
    if len(authorities) > 1:  # 'TM. ỦY BAN NHÂN DÂN' above 'KT. CHỦ TỊCH'
        authority = Noted(
            authority, ["văn bản ghi thêm dòng thẩm quyền: " + "; ".join(authorities[:-1])]
        )
    rest = [line for line in lines if line not in authorities]
    title = next((line for line in rest if is_capitals(line)), None)
    name = next((line for line in reversed(rest) if not is_capitals(line)), None)
    signer: dict[str, Any] = {}
    if authority:
        signer["authority"] = authority
    if title:
        signer["title"] = title
    else:
        guess = "CHỦ TỊCH" if issuer and "nhân dân" in issuer.lower() else "GIÁM ĐỐC"
        signer["title"] = Noted(guess, ["không thấy chức vụ người ký: đoán theo cơ quan"])
    if name:
        signer["name"] = name
    return signer


def _references(preamble: list[str]) -> list[str]:
    found: list[str] = []
    for text in preamble:
        if not PREAMBLE_START.match(text):
            continue
        for match in _REFERENCE.finditer(text):
            reference = " ".join(match.group(0).split())
            if reference not in found:
                found.append(reference)
    return found


def _period(text: str) -> dict[str, int] | None:
    match = re.search(r"giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})", text, re.IGNORECASE)
    if match and int(match.group(1)) <= int(match.group(2)):
        return {"start": int(match.group(1)), "end": int(match.group(2))}
    match = re.search(r"\bnăm\s+(\d{4})\s*$", text.split(".")[0].strip(), re.IGNORECASE)
    if match:
        return {"start": int(match.group(1)), "end": int(match.group(1))}
    return None


# --- sections ------------------------------------------------------------------------------


def _tasks_section(sections: list[Section]) -> int | None:
    counts = [assignment_count(section) for section in sections]
    if counts and max(counts) > 0:
        return counts.index(max(counts))
    for number, section in enumerate(sections):
        if re.search(r"NHIỆM VỤ", section.heading, re.IGNORECASE):
            return number
    return None


def _table_section(sections: list[Section]) -> int:
    for number, section in enumerate(sections):
        if re.search(r"NHIỆM VỤ", section.heading, re.IGNORECASE):
            return number
    return len(sections) - 1


_NUMBERING = {"letter": "number", "dash": "bullet", "plus": "bullet", "none": "none"}


def _numbering(kind: str) -> str:
    return "number" if kind[1:].isdigit() else _NUMBERING[kind]


def _section(section: Section, holds_tasks: bool, left: list[Node], labels: Labels) -> Noted:
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


# --- tasks ---------------------------------------------------------------------------------


def _task(task: DraftTask, book: UnitBook) -> Noted:
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
    _assignment(task, data, notes, book)
    if task.deadline:
        data["deadline"] = _deadline(task.deadline)
    if task.product:
        data["product"] = task.product
    if task.subtasks:
        data["subtasks"] = [_task(sub, book) for sub in task.subtasks]
    return Noted(data, notes)


def _assignment(task: DraftTask, data: dict[str, Any], notes: list[str], book: UnitBook) -> None:
    wording: dict[str, str] = {}
    leads = split_names(task.lead) if task.lead else []
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
    names = leads[1:] + (split_names(task.cooperate) if task.cooperate else [])
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


# --- reporting -----------------------------------------------------------------------------


def _reporting(
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
    symbol = str(_plain(document.get("symbol")) or "KH-")
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
