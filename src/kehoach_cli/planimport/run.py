"""From a file to the draft's YAML text and its summary; the draft checked as validate
would check it, so the summary says whether it is ready."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kehoach_cli.checks.plan_rules import check_plan
from kehoach_cli.checks.schema import validate_data
from kehoach_cli.diagnostics import Issue
from kehoach_cli.loading.documents import load_yaml_bytes
from kehoach_cli.model.plan import Plan
from kehoach_cli.planimport.draft import Draft, build_draft
from kehoach_cli.planimport.source import read_blocks
from kehoach_cli.planimport.summary import summary_lines
from kehoach_cli.planimport.yaml_text import CHECK, count_notes, dump


@dataclass
class Imported:
    text: str  # the YAML with its comments
    draft: Draft
    issues: list[Issue]
    summary: list[str]


def import_plan(source: Path, target: Path) -> Imported:
    """Read `source`, draft the plan; `target` names where it will be written (for the
    located errors of the check)."""
    blocks = read_blocks(source)
    draft = build_draft(blocks)
    head = [
        f"Bản nháp do 'kehoach plan import' đọc từ {source.name}.",
        f"Chỗ nào có '# {CHECK}: …' là chỗ đoán hoặc còn thiếu: đọc lại, sửa, rồi xóa dòng đó.",
        "Các đoạn văn (phần mở đầu, các mục, nội dung nhiệm vụ) là nguyên văn văn bản.",
    ]
    if draft.left:
        head += ["", f"{CHECK}: phần sau chưa xếp được vào đâu (nguyên văn):"]
        head += [f"  {line}" for line in draft.left]
    text = dump(draft.data, head)
    # checked as validate reads the file: from the text, so errors carry its lines
    loaded = load_yaml_bytes(target, text.encode("utf-8"))
    issues = list(loaded.issues)
    if loaded.readable:
        plan, found = validate_data(Plan, loaded.data, target)
        issues += found
        if plan is not None:
            issues += check_plan(plan, loaded.data, target)
    summary = summary_lines(draft, count_notes(draft.data), issues)
    return Imported(text, draft, issues, summary)
