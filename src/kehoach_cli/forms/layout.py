"""Where everything sits in the form: sheets, their hidden markers, header cells, columns.

The writer and the reader share these, so that a cell the form offers is the cell read back.
"""

from __future__ import annotations

from dataclasses import dataclass

from kehoach_cli.model.progress import STATUS_LABELS

FORM_VERSION = "1"
MARKER_COLUMN = "Z"  # hidden; Z1 holds the sheet's marker, found even when a sheet is renamed
SOURCE_REF = "Z2"  # on the tasks sheet: the hash of the unit's file the form was made from
INSTRUCTIONS_MARKER = "kehoach-form:huong-dan"
TASKS_MARKER = "kehoach-form:nhiem-vu"
ACTIVITIES_MARKER = "kehoach-form:hoat-dong"
INDICATORS_MARKER = "kehoach-form:chi-tieu"

INSTRUCTIONS_TITLE = "Hướng dẫn"
TASKS_TITLE = "Nhiệm vụ"
ACTIVITIES_TITLE = "Hoạt động"
INDICATORS_TITLE = "Chỉ tiêu"

# the header block of the tasks sheet: (key, label in column A); the value is in column B
HEADER_FIELDS = [
    ("unit", "Mã đơn vị"),
    ("year", "Năm báo cáo"),
    ("period", "Kỳ báo cáo"),
    ("submitted_on", "Ngày gửi báo cáo"),
    ("prepared_by", "Người lập"),
]
HEADER_FIRST_ROW = 3
ACTIVITY_TABLE_ROW = 3  # the activities' labels; the first activity is on the row below
EMPTY_ACTIVITY_ROWS = 10  # prepared blank rows; a unit inserts more (the protection allows it)
INDICATOR_TABLE_ROW = 3  # the indicators' labels; the first indicator is on the row below


@dataclass(frozen=True)
class Column:
    key: str  # the YAML key (or '' for a column that is only shown)
    label: str
    width: int
    editable: bool = True


TASK_COLUMNS = [
    # Each table's widths add up to at most 132 characters (sheets.PAGE_WIDTH): one
    # landscape A4 page wide at >= 82 %, so that 11 pt text prints at 9 pt or more.
    Column("id", "Mã nhiệm vụ", 8, editable=False),
    Column("", "Tên nhiệm vụ", 23, editable=False),
    Column("", "Vai trò", 8, editable=False),
    Column("status", "Tình trạng", 13),
    Column("progress", "Tiến độ (%)", 7),
    Column("results", "Kết quả thực hiện", 22),
    Column("difficulties", "Khó khăn, vướng mắc (mỗi dòng một ý)", 18),
    Column("proposals", "Đề xuất, kiến nghị (mỗi dòng một ý)", 18),
    Column("next_year", "Nhiệm vụ năm sau (mỗi dòng một ý)", 15),  # named per period (build)
]
ACTIVITY_COLUMNS = [
    Column("task", "Mã nhiệm vụ", 8),
    Column("title", "Tên hoạt động", 26),
    Column("start", "Ngày bắt đầu", 11),
    Column("due", "Hạn hoàn thành", 11),
    Column("finished_on", "Ngày hoàn thành", 11),
    Column("status", "Tình trạng", 13),
    Column("planned", "Dự toán (đồng)", 12),
    Column("spent", "Đã giải ngân (đồng)", 12),
    Column("result", "Kết quả, sản phẩm", 23),
]
INDICATOR_COLUMNS = [
    Column("id", "Mã chỉ tiêu", 10, editable=False),
    Column("", "Tên chỉ tiêu", 34, editable=False),
    Column("", "Mục tiêu của kế hoạch", 18, editable=False),
    Column("value", "Giá trị đạt được", 11),
    Column("source", "Nguồn số liệu", 25),
    Column("note", "Ghi chú", 25),
]
TEXT_LISTS = ("difficulties", "proposals", "next_year")
DATE_KEYS = ("start", "due", "finished_on")
AMOUNT_KEYS = ("planned", "spent")

STATUS_WORDS = list(STATUS_LABELS.values())


def status_code(text: str) -> str | None:
    """The status code of a word from the drop-down list or of a code typed as such."""
    word = " ".join(text.split()).casefold()
    for code, label in STATUS_LABELS.items():
        if word in (code, label.casefold()):
            return code
    return None


def column_letter(columns: list[Column], key: str) -> str:
    index = next(i for i, column in enumerate(columns) if column.key == key)
    return chr(ord("A") + index)


def header_ref(key: str) -> str:
    """The value cell of a header field in a fresh form ('submitted_on' → 'B6')."""
    index = next(i for i, (name, _) in enumerate(HEADER_FIELDS) if name == key)
    return f"B{HEADER_FIRST_ROW + index}"
