"""The issued document as blocks: paragraphs (with bold, and where they stand) and the rows
of task tables. .docx through python-docx, .txt as it is, PDF through `pdftotext -layout`
or pypdf. Every failure is a located Vietnamese ImportProblem, never a library traceback."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kehoach_cli.os_errors import describe_os_error

MAX_BYTES = 30 * 1024 * 1024  # a 30-page plan is well under 1 MB; scans are what grow
MAX_PAGES = 300
MAX_BLOCKS = 20_000
PDF_SECONDS = 120


class ImportProblem(Exception):
    """What went wrong reading the document, in Vietnamese, with where."""


@dataclass
class Block:
    text: str
    where: str  # "đoạn 12", "dòng 40", "trang 3"
    bold: bool = False
    cells: list[str] = field(default_factory=list)  # a row of a table of 3 columns or more

    @property
    def is_row(self) -> bool:
        return bool(self.cells)


def read_blocks(path: Path) -> list[Block]:
    """The document's blocks in reading order."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ImportProblem(f"{path}: không đọc được tệp ({describe_os_error(error)}).") from None
    if size > MAX_BYTES:
        raise ImportProblem(
            f"{path}: tệp {size // (1024 * 1024)} MB, quá giới hạn {MAX_BYTES // (1024 * 1024)} MB "
            "của một văn bản kế hoạch."
        )
    suffix = path.suffix.lower()
    if suffix == ".docx":
        blocks = _docx_blocks(path)
    elif suffix == ".pdf":
        blocks = _text_blocks(_pdf_text(path), path, page_marks=True)
    elif suffix in (".txt", ".text", ".md"):
        blocks = _text_blocks(_plain_text(path), path)
    elif suffix == ".doc":
        raise ImportProblem(
            f"{path}: tệp .doc (Word 97–2003) chưa đọc được; mở bằng Word hoặc LibreOffice và "
            "lưu thành .docx."
        )
    else:
        raise ImportProblem(f"{path}: chỉ đọc được tệp .docx, .txt hoặc .pdf.")
    for block in blocks:  # one spelling of each letter (PDFs and Macs give decomposed ones)
        block.text = unicodedata.normalize("NFC", block.text)
        block.cells = [unicodedata.normalize("NFC", cell) for cell in block.cells]
    if len(blocks) > MAX_BLOCKS:
        raise ImportProblem(f"{path}: hơn {MAX_BLOCKS} đoạn, không giống một văn bản kế hoạch.")
    if not any(block.text.strip() or block.cells for block in blocks):
        raise ImportProblem(f"{path}: văn bản không có chữ.")
    return blocks


def _plain_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportProblem(f"{path}: không đọc được tệp ({describe_os_error(error)}).") from None
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportProblem(f"{path}: tệp văn bản không phải mã UTF-8; lưu lại với mã UTF-8.")


# --- .docx ---------------------------------------------------------------------------------


def _docx_blocks(path: Path) -> list[Block]:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(str(path))
        blocks: list[Block] = []
        for item in document.iter_inner_content():
            if hasattr(item, "rows"):
                blocks += _table_blocks(item, len(blocks))
            else:
                _add_paragraph(blocks, item, f"đoạn {len(blocks) + 1}")
        return blocks
    except OSError as error:
        raise ImportProblem(f"{path}: không đọc được tệp ({describe_os_error(error)}).") from None
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise ImportProblem(
            f"{path}: không mở được như tệp Word .docx (tệp hỏng hoặc sai loại)."
        ) from None
    except Exception:
        raise ImportProblem(f"{path}: tệp Word .docx hỏng, không đọc được nội dung.") from None


def _add_paragraph(blocks: list[Block], paragraph: Any, where: str) -> None:
    runs = [run for run in paragraph.runs if run.text.strip()]
    bold = bool(runs) and all(run.bold for run in runs)
    text = " ".join(paragraph.text.split())
    if text:
        blocks.append(Block(text, where, bold=bold))


def _table_blocks(table: Any, before: int) -> list[Block]:
    """A task table (3 columns or more) gives rows; the two-column header and signer tables
    give their cells' paragraphs, left column first, as a reader reads them."""
    blocks: list[Block] = []
    rows = list(table.rows)
    width = max((len(row.cells) for row in rows), default=0)
    for number, row in enumerate(rows, 1):
        where = f"bảng sau đoạn {before}, hàng {number}"
        cells = _unique_cells(row.cells)
        if width >= 3:
            texts = [" ".join(cell.text.split()) for cell in cells]
            blocks.append(Block(" | ".join(texts), where, cells=texts))
            continue
        for cell in cells:
            for paragraph in cell.paragraphs:
                _add_paragraph(blocks, paragraph, where)
    return blocks


def _unique_cells(cells: Any) -> list[Any]:
    """A merged cell comes back once per grid column it spans: keep it once."""
    seen: list[Any] = []
    for cell in cells:
        if not any(cell._tc is other._tc for other in seen):
            seen.append(cell)
    return seen


# --- PDF -----------------------------------------------------------------------------------


def _pdf_text(path: Path) -> str:
    """The text with its layout: pdftotext when installed, else pypdf (extra 'pdf')."""
    tool = shutil.which("pdftotext")
    if tool:
        try:
            done = subprocess.run(
                [tool, "-layout", "-l", str(MAX_PAGES), "-enc", "UTF-8", str(path), "-"],
                capture_output=True,
                timeout=PDF_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise ImportProblem(f"{path}: đọc PDF quá {PDF_SECONDS} giây.") from None
        if done.returncode != 0:
            raise ImportProblem(f"{path}: không đọc được tệp PDF (tệp hỏng hoặc có mật khẩu).")
        text = done.stdout.decode("utf-8", errors="replace")
    else:
        text = _pypdf_text(path)
    if len(re.sub(r"\s", "", text.replace("\f", ""))) < 50:
        raise ImportProblem(
            f"{path}: PDF không có lớp chữ (bản quét ảnh). Cần bản .docx, hoặc PDF đã nhận dạng "
            "chữ (OCR)."
        )
    return text


def _pypdf_text(path: Path) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:
        raise ImportProblem(
            f"{path}: đọc PDF cần chương trình pdftotext (gói poppler-utils) hoặc thư viện "
            "pypdf: pip install 'kehoach-cli[pdf]'."
        ) from None
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise ImportProblem(f"{path}: PDF có mật khẩu.")
        pages = reader.pages[:MAX_PAGES]
        return "\f".join(page.extract_text(extraction_mode="layout") or "" for page in pages)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        raise ImportProblem(f"{path}: không đọc được tệp PDF (tệp hỏng).") from None


# --- text ----------------------------------------------------------------------------------

# A line that starts a paragraph of its own, whatever came before it.
_STARTS = re.compile(
    r"^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.\s|\d+\)\s|[a-zđ]\)|[-–+•]\s|Căn cứ|Thực hiện|Nơi nhận|"
    r"Số:|KẾ HOẠCH|PHỤ LỤC|Phụ lục|\(Ban hành kèm|\(Kèm theo)"
)
_GAP = re.compile(r"\s{8,}")  # between columns set side by side (header, signer)


def _text_blocks(text: str, path: Path, *, page_marks: bool = False) -> list[Block]:
    """Paragraphs from text. Wrapped lines (a PDF's layout, a page saved from the web) are
    joined back unless a line ends a sentence, is in capitals, or the next starts an item;
    a blank line or a lone '|' ends a paragraph. Lines of two '|' or more, or with tabs,
    are the rows of a table. In a PDF, columns set side by side (the header, the signer
    block) are read left column first."""
    blocks: list[Block] = []
    page = 1
    pending: list[str] = []
    pending_where = ""
    blank = False

    def flush() -> None:
        nonlocal pending
        if pending:
            blocks.append(Block(" ".join(" ".join(pending).split()), pending_where))
            pending = []

    lines = text.split("\n")  # not splitlines(): a form feed (\\f) marks a page, not a line
    margin = _margin(lines) if page_marks else 0
    for number, raw in enumerate(lines, 1):
        page += raw.count("\f")
        line = raw.replace("\f", "").rstrip()
        where = f"trang {page}" if page_marks else f"dòng {number}"
        stripped = line.strip()
        if page_marks and re.fullmatch(r"\d{1,3}", stripped):
            continue  # a page number
        if not stripped:
            blank = True
            continue
        if stripped == "|":
            flush()
            continue
        if stripped.strip("|").count("|") >= 1 or "\t" in stripped:
            flush()
            blocks += _row(stripped, where)
            continue
        ends_cell = stripped.endswith("|")
        stripped = stripped.strip("|").strip()
        parts = _GAP.split(stripped) if page_marks else [stripped]
        if len(parts) > 1:  # side by side: each column a paragraph of its own
            flush()
            blocks += [Block(" ".join(part.split()), where) for part in parts]
            continue
        if pending and _breaks(pending, line, margin if page_marks else None, blank):
            flush()
        blank = False
        if not pending:
            pending_where = where
        pending.append(stripped)
        if ends_cell:
            flush()
    flush()
    return [block for block in blocks if block.cells or not re.fullmatch(r"[-_=.\s]*", block.text)]


def _row(text: str, where: str) -> list[Block]:
    """A table row of three cells or more; fewer are columns side by side ('ỦY BAN NHÂN
    DÂN | CỘNG HÒA …'), each a paragraph."""
    cells = [c.strip() for c in re.split(r"\||\t", text.strip("|"))]
    if len(cells) >= 3:
        return [Block(" | ".join(cells), where, cells=cells)]
    return [Block(" ".join(c.split()), where) for c in cells if c]


def _breaks(pending: list[str], line: str, margin: int | None, blank: bool) -> bool:
    """Whether `line` starts a new paragraph after the lines `pending`. `margin` is a PDF's
    left margin (None for plain text): there a paragraph's first line is indented and a
    line at the margin goes on, unless it starts an item or is a heading."""
    stripped = line.strip()
    if _open_brackets(pending) > 0:
        return False
    if margin is not None:
        at_margin = len(line) - len(line.lstrip()) <= margin + 2
        if at_margin and not (
            _STARTS.match(stripped) or _is_capitals(stripped) or _is_capitals(pending[-1])
        ):
            return False
        # an indented line starts a paragraph, unless it is the lower-case rest of a
        # centred one (a title's last line)
        if not at_margin and not stripped[:1].islower():
            return True
    return not _continues(pending[-1], stripped, after_blank=blank)


def _open_brackets(lines: list[str]) -> int:
    """Brackets opened and not closed in a paragraph ('a)', '1)' marks aside)."""
    text = re.sub(r"^[a-zđ0-9]{1,3}\)", "", " ".join(lines))
    return text.count("(") - text.count(")")


def _margin(lines: list[str]) -> int:
    """The left margin of a PDF's text: the smallest indent that many long lines share
    (paragraphs' first lines are indented further; a stray line is not the margin)."""
    indents = [len(line) - len(line.lstrip()) for line in lines if len(line.strip()) > 60]
    enough = max(3, len(indents) // 10)
    return min((i for i in set(indents) if indents.count(i) >= enough), default=0)


def _continues(previous: str, line: str, *, after_blank: bool = False) -> bool:
    """Whether `line` is the wrapped rest of the paragraph that `previous` ends (across a
    blank line only when it starts in lower case or with a number: a page break)."""
    if _STARTS.match(line) or previous.endswith((".", ":", ";", "!", "?")):
        return False
    if _is_capitals(previous) or _is_capitals(line):
        return False
    starts_inside = line[:1].islower() or line[:1].isdigit()
    dangling = previous.rsplit(" ", 1)[-1].lower() in _DANGLING
    return starts_inside or dangling or (not after_blank and len(previous) >= 55)


# Words no paragraph ends on: a line ending on one goes on below ('… ngày 03/6/2020 của').
_DANGLING = {
    "của", "và", "về", "với", "các", "số", "ngày", "tại", "cho", "trong", "theo", "để",
    "những", "năm", "tháng", "được", "là", "có", "đến", "từ", "trên", "hoặc",
}  # fmt: skip


def _is_capitals(text: str) -> bool:
    """A line in capitals (a heading); not 'IV/2024.', the rest of a wrapped deadline."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)
