"""The checks' messages in the words of the form: a clerk filling a workbook never sees the
YAML keys ('progress', 'start') or the status codes ('done') the checks speak of, but the
column labels and the words of the drop-down list."""

from __future__ import annotations

import re

from kehoach_cli.forms.layout import ACTIVITY_COLUMNS, INDICATOR_COLUMNS, TASK_COLUMNS
from kehoach_cli.model.progress import STATUS_LABELS

# A key written bare inside a sentence ("để start ≤ due", "đi cùng progress 100").
_BARE_WORDS = {
    "progress": "tiến độ",
    "start": "ngày bắt đầu",
    "due": "hạn hoàn thành",
    "finished_on": "ngày hoàn thành",
    "results": "kết quả thực hiện",
    "value": "giá trị đạt được",
}
# A key quoted as the field it is ('results') → the column's label, quoted the same way.
_LABELS = {
    column.key: column.label
    for column in (*TASK_COLUMNS, *ACTIVITY_COLUMNS, *INDICATOR_COLUMNS)
    if column.key and column.key != "id"
}
_BARE = re.compile(r"(?<![\w'])(" + "|".join(map(re.escape, _BARE_WORDS)) + r")(?![\w'])")

# A missing value's YAML hint ("Thêm dòng 'value: ...'") said for a cell.
FORM_HINTS = {
    "KH102": "Điền ô này; nếu không báo cáo mục này, xóa cả dòng.",
    "KH306": "Đơn vị chủ trì phải báo cáo nhiệm vụ này: chọn tình trạng và ghi tiến độ ở dòng "
    "của nó (chưa làm: 'chưa bắt đầu', 0).",
}


def in_form_words(text: str) -> str:
    for code, label in STATUS_LABELS.items():
        text = text.replace(f"'{code}' ({label})", f"'{label}'")
        text = text.replace(f"{code} ({label})", label).replace(f"'{code}'", f"'{label}'")
    for key, label in _LABELS.items():
        text = text.replace(f"'{key}: ...'", f"'{label}'").replace(f"'{key}'", f"'{label}'")
    return _BARE.sub(lambda found: _BARE_WORDS[found.group(1)], text)


def form_hint(code: str, hint: str) -> str:
    return FORM_HINTS.get(code) or in_form_words(hint)
