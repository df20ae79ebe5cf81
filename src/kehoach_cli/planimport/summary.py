"""What the import read, what it guessed and what it left, in Vietnamese (stderr)."""

from __future__ import annotations

from kehoach_cli.diagnostics import Issue
from kehoach_cli.planimport.draft import Draft
from kehoach_cli.planimport.tasks import walk
from kehoach_cli.planimport.yaml_text import CHECK


def summary_lines(draft: Draft, notes: int, issues: list[Issue]) -> list[str]:
    every = walk(draft.tasks)
    top = len(draft.tasks)
    led = sum(1 for task in every if task.lead)
    dated = sum(1 for task in every if task.deadline)
    head = ", ".join(draft.read) or "không thấy phần đầu (tên cơ quan, số, ngày)"
    lines = [
        f"Đã đọc: phần đầu ({head}); {draft.sections} mục; {len(every)} nhiệm vụ "
        f"({top} cấp đầu), {led} có đơn vị chủ trì, {dated} có thời hạn; {draft.units} đơn vị, "
        f"{draft.groups} nhóm.",
        f"Đã đoán: {notes} chỗ, ghi '# {CHECK}: …' trong tệp.",
    ]
    if draft.left:
        lines.append(
            f"Chưa xếp được: {len(draft.left)} đoạn, giữ nguyên văn trong phần ghi chú đầu tệp."
        )
    errors = [issue for issue in issues if issue.is_error]
    if errors:
        lines.append(
            f"Bản nháp còn {len(errors)} lỗi ở các chỗ '{CHECK}': sửa rồi chạy 'kehoach validate'."
        )
    else:
        lines.append("Bản nháp hợp lệ (kehoach validate); vẫn cần đọc lại các chỗ đã đoán.")
    return lines
