"""The body of the plan document (its sections I, II, …) as marked paragraphs, from plan.yaml.

Shared by `kehoach plan render` and the fidelity test: what we print is what we compare.

Marks follow Decree 30 (docs/nd30.md): sections "I.", "II."; items "1.", "2." or "-"
as the section's `numbering` says; one level down "a)", "b)" under numbers and "+" under
bullets. The section with `content: tasks` prints the task tree where it stands, each
task under its own id ("1.", "2.1.") with its assignment lines after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from kehoach_cli.model.index import PlanIndex
from kehoach_cli.model.plan import (
    GROUP_PREFIX,
    Numbering,
    Paragraph,
    Plan,
    Section,
    SectionContent,
    Task,
)

# The letters of Vietnamese item lists: a) b) c) d) đ) e) g) … (no f, j, w, z).
LETTERS = tuple("abcdđeghiklmnopqrstuvxy")


@dataclass(frozen=True)
class OutlineParagraph:
    # 0 section heading; 1 item or task heading; 2 and deeper: what stands under an item
    # (sub-items, a task's body and its assignment lines)
    level: int
    text: str
    bold: bool = False


def roman(number: int) -> str:
    numerals = (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    )  # fmt: skip
    out = []
    for value, letters in numerals:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def letter(number: int) -> str:
    """The n-th item letter (1 → 'a', 6 → 'e'); past 'y' the letters double ('aa')."""
    count = len(LETTERS)
    return LETTERS[(number - 1) % count] * ((number - 1) // count + 1)


def plan_outline(plan: Plan) -> list[OutlineParagraph]:
    index = PlanIndex.build(plan)
    out: list[OutlineParagraph] = []
    for number, section in enumerate(plan.sections, start=1):
        out.append(OutlineParagraph(0, f"{roman(number)}. {section.heading}", bold=True))
        out += _items(section.items, section.numbering, level=1, above=())
        if section.content is SectionContent.TASKS:
            for task in plan.walk_tasks():
                out += _task(task, index, section)
    return out


# --- items ---------------------------------------------------------------------------------

# The kinds of marks, from the top of the Decree's order down: 1. → a) → - → +.
NUMBER, LETTER, DASH, PLUS, NO_MARK = "number", "letter", "dash", "plus", "none"


def _mark_kind(numbering: Numbering, above: tuple[str, ...]) -> str:
    """The mark of a list numbered `numbering` under lists marked `above`: numbers turn
    into letters under numbers (and into dashes under letters), dashes into '+'."""
    if numbering is Numbering.NONE:
        return NO_MARK
    if numbering is Numbering.NUMBER:
        if NUMBER not in above:
            return NUMBER
        if LETTER not in above:
            return LETTER
    return PLUS if DASH in above else DASH


def _mark(kind: str, position: int) -> str:
    if kind == NUMBER:
        return f"{position}. "
    if kind == LETTER:
        return f"{letter(position)}) "
    return {DASH: "- ", PLUS: "+ "}.get(kind, "")


def _children_numbering(item: Paragraph, numbering: Numbering) -> Numbering:
    """How an item's own items are marked: as it says, else like its list (one level
    down: a) under numbers, + under dashes), and '-' under unmarked paragraphs."""
    if item.numbering is not None:
        return item.numbering
    return Numbering.BULLET if numbering is Numbering.NONE else numbering


def _items(
    items: list[Paragraph], numbering: Numbering, *, level: int, above: tuple[str, ...]
) -> list[OutlineParagraph]:
    kind = _mark_kind(numbering, above)
    out: list[OutlineParagraph] = []
    for position, item in enumerate(items, start=1):
        mark = _mark(kind, position)
        if item.label and item.text:
            out.append(OutlineParagraph(level, f"{mark}{item.label}: {item.text}"))
        elif item.label or item.text:
            # a label alone is the title of the items under it ("1. Mục đích"), in bold
            title = bool(item.label)
            out.append(OutlineParagraph(level, f"{mark}{item.label or item.text}", bold=title))
        out += _items(
            item.items,
            _children_numbering(item, numbering),
            level=level + 1,
            above=(*above, kind),
        )
    return out


# --- the task tree -------------------------------------------------------------------------


def _task(task: Task, index: PlanIndex, section: Section) -> list[OutlineParagraph]:
    number = f"{task.id}."
    out: list[OutlineParagraph] = []
    body = list(task.text)
    if task.title:
        out.append(OutlineParagraph(1, f"{number} {task.title}", bold=True))
    elif body:
        out.append(OutlineParagraph(1, f"{number} {body.pop(0)}"))
    out += [OutlineParagraph(2, paragraph) for paragraph in body]
    return out + [OutlineParagraph(2, line) for line in assignment_lines(task, index, section)]


def assignment_lines(task: Task, index: PlanIndex, section: Section) -> list[str]:
    """'- <lead_label>: …', '- <cooperate_label>: …', '- <deadline_label>: …',
    '- <product_label>: …', each only when the task has it. The plan's verbatim wording
    wins; otherwise units and groups are named as the plan names them."""
    wording = task.wording
    lines: list[str] = []
    if task.lead:
        lead = (wording and wording.lead) or index.lead_name(task) or task.lead
        lines.append(f"- {section.lead_label}: {lead}")
    if task.cooperate or task.partners:
        names = [_name(index, entry) for entry in [*task.cooperate, *task.partners]]
        # names that hold commas themselves ("Các sở, ban, ngành") are set apart by ';'
        separator = "; " if any("," in name for name in names) else ", "
        cooperate = (wording and wording.cooperate) or separator.join(names)
        lines.append(f"- {section.cooperate_label}: {cooperate}")
    if task.deadline:
        lines.append(f"- {section.deadline_label}: {task.deadline.text}")
    if task.product:
        lines.append(f"- {section.product_label}: {task.product}")
    return lines


def _name(index: PlanIndex, entry: str) -> str:
    """A unit's name, or a group's ('group:<id>'), as the plan writes it."""
    if entry.startswith(GROUP_PREFIX):
        group = index.groups.get(entry.removeprefix(GROUP_PREFIX))
        return group.name if group else entry
    unit = index.units.get(entry)
    return unit.name if unit else entry
