"""What a workbook may be before any spreadsheet library reads it: a form is a few dozen
kB, so anything far larger, packed to inflate, encrypted, or carrying a DTD (entities that
expand) is refused here, in a sentence, before openpyxl spends time or memory on it."""

from __future__ import annotations

import io
import zipfile

MAX_FILE_BYTES = 20 * 1024 * 1024  # on disk
MAX_INFLATED_BYTES = 24 * 1024 * 1024  # all members unpacked
MAX_MEMBER_BYTES = 16 * 1024 * 1024  # one sheet or the shared strings
MAX_MEMBERS = 500
MAX_RATIO = 200  # a member's unpacked size over its packed size (XML packs ~10:1)
MAX_ROWS = 5_000  # rows of one sheet a form may use (a unit's year has a few hundred)
MAX_COLUMNS = 200
MAX_CELLS = 60_000  # cells of one sheet: openpyxl reads ~100 000 cells a second
_READ_CHUNK = 1024 * 1024


class Refused(Exception):
    """Why the file is not read: one Vietnamese sentence."""


def check_package(data: bytes) -> bool:
    """Refuse what is not a form's package; True when some sheet has a formula (then it is
    read a second time, for the formulas themselves)."""
    if len(data) > MAX_FILE_BYTES:
        raise Refused(f"tệp lớn hơn {MAX_FILE_BYTES // 1024 // 1024} MB, không phải biểu mẫu")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise Refused(
            "không đọc được tệp như một bảng tính .xlsx; lưu lại bằng Excel hoặc LibreOffice "
            "ở định dạng .xlsx"
        ) from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise Refused(f"tệp có {len(members)} phần, quá nhiều cho một biểu mẫu")
        total = 0
        for member in members:
            _check_member(member)
            total += member.file_size
            if total > MAX_INFLATED_BYTES:
                raise Refused(_too_large(MAX_INFLATED_BYTES))
        formulas = False
        for member in members:
            if member.filename.endswith((".xml", ".rels")):
                formulas = _scan(archive, member) or formulas
        return formulas


def _too_large(limit: int) -> str:
    return f"nội dung giải nén lớn hơn {limit // 1024 // 1024} MB, không phải biểu mẫu"


def _check_member(member: zipfile.ZipInfo) -> None:
    name = member.filename
    if member.flag_bits & 0x1:
        raise Refused(f"phần '{name}' của tệp được mã hóa; lưu lại tệp không đặt mật khẩu")
    if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise Refused(f"phần '{name}' nén theo cách bảng tính không dùng; lưu lại tệp .xlsx")
    if member.file_size > MAX_MEMBER_BYTES:
        raise Refused(_too_large(MAX_MEMBER_BYTES) + f" (phần '{name}')")
    packed = max(member.compress_size, 1)
    if member.file_size > 64 * 1024 and member.file_size / packed > MAX_RATIO:
        raise Refused(f"phần '{name}' nén bất thường (tỉ lệ giải nén quá lớn), không phải biểu mẫu")


def _scan(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """No DOCTYPE or ENTITY anywhere in an XML part (a spreadsheet never writes one), and no
    sheet with more rows or cells than a form has, counted in the XML before any library
    builds them; the read stops at the declared size, which zipfile holds the member to."""
    tail = b""
    rows = cells = 0
    formulas = False
    name = member.filename
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(_READ_CHUNK):
                window = tail + chunk
                if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                    raise Refused(
                        f"phần '{name}' có khai báo DTD/ENTITY; bảng tính thật không "
                        "có, lưu lại tệp bằng Excel hoặc LibreOffice"
                    )
                rows += chunk.count(b"<row")  # a tag cut between chunks is missed: an
                cells += chunk.count(b"<c ")  # undercount of one per chunk at most
                if rows > MAX_ROWS or cells > MAX_CELLS:
                    raise Refused(
                        f"phần '{name}' có hơn {MAX_ROWS} dòng hoặc {MAX_CELLS} ô; biểu mẫu "
                        "không lớn như vậy"
                    )
                formulas = formulas or b"<f>" in window or b"<f " in window
                tail = window[-16:]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError):
        raise Refused(
            f"phần '{member.filename}' của tệp bị hỏng; lưu lại bằng Excel hoặc LibreOffice"
        ) from None
    return formulas
