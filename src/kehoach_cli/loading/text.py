"""Bytes on disk → clean text: size cap, UTF-8 (with or without BOM), NFC, no control chars."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from kehoach_cli.diagnostics import Issue, Position, make_issue
from kehoach_cli.os_errors import describe_os_error

# A progress file is a few tens of KB; the cap stops a pasted dump or /dev/zero early.
MAX_FILE_BYTES = 5 * 1024 * 1024

# C0 controls except tab/LF/CR, DEL, C1 controls and the XML non-characters: all of them
# corrupt the .docx XML or signal a file decoded with the wrong code page.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")

_UTF16_32_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


class TextError(Exception):
    """The file cannot be turned into text; carries the one issue that says why."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.message)
        self.issue = issue


def read_text(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read `path` as UTF-8 text in NFC. Raises TextError with a located issue."""
    try:
        if not path.is_file():
            what = "là một thư mục" if path.is_dir() else "không phải tệp thông thường"
            raise TextError(make_issue("KH001", path, reason=what))
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise TextError(make_issue("KH001", path, reason=describe_os_error(error))) from None
    if len(data) > max_bytes:
        size = path.stat().st_size if path.exists() else len(data)
        raise TextError(make_issue("KH003", path, size=_grouped(size), limit=_grouped(max_bytes)))
    return decode_text(data, path)


def _grouped(number: int) -> str:
    return f"{number:,}".replace(",", ".")  # Vietnamese digit grouping


def decode_text(data: bytes, path: Path) -> str:
    for bom, name in _UTF16_32_BOMS:
        if data.startswith(bom):
            raise TextError(
                make_issue("KH002", path, Position(1, 1), detail=f"tệp lưu bằng {name}")
            )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TextError(_decode_issue(data, error, path)) from None
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        # Decomposed Vietnamese (macOS, some Unikey settings) must compare equal to composed.
        text = unicodedata.normalize("NFC", text)
    bad = FORBIDDEN.search(text)
    if bad:
        char = f"U+{ord(bad.group()):04X}"
        raise TextError(make_issue("KH004", path, position_of(text, bad.start()), char=char))
    return text


def position_of(text: str, index: int) -> Position:
    line_start = text.rfind("\n", 0, index) + 1
    return Position(text.count("\n", 0, index) + 1, index - line_start + 1)


def _decode_issue(data: bytes, error: UnicodeDecodeError, path: Path) -> Issue:
    head = data[: error.start]
    line = head.count(b"\n") + 1
    column = len(head[head.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
    detail = f"byte 0x{data[error.start]:02X} không hợp lệ"
    head = data[:1000]
    if head[1::2].count(0) > len(head) // 5 or head[0::2].count(0) > len(head) // 5:
        detail += "; có thể tệp lưu bằng UTF-16 không có BOM"
    elif b"\x00" in head:
        detail += "; tệp có vẻ không phải văn bản (tệp nhị phân, ảnh, tệp nén?)"
    else:
        detail += "; có thể tệp lưu bằng bảng mã cũ (TCVN3, VNI hoặc Windows-1258)"
    return make_issue("KH002", path, Position(line, column), detail=detail)
