"""Hostile Word templates, each built into a folder: every one must end in a Vietnamese
message within the limits (10 s of wall time, 512 MB), never a traceback or a hang.

Shared by tests/robustness/test_template_isolation.py and benchmarks/hostile_templates.py
(which runs them from the shell as `kehoach report` and `kehoach template check`, and
prints wall time and peak memory per case).
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from docx import Document

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@dataclass(frozen=True)
class TemplateCase:
    name: str
    build: Callable[[Path], Path]  # writes the template into the folder, returns its path
    words: str  # what the message must say
    slow: bool = False  # runs to a time or memory limit: left to the benchmark, not pytest


def plain_template(folder: Path, *paragraphs: str, name: str = "mau.docx") -> Path:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    path = folder / name
    document.save(path)
    return path


def with_document_xml(folder: Path, body: bytes, name: str = "sua.docx") -> Path:
    """A real template whose word/document.xml body is `body` (paragraph XML)."""
    source = plain_template(folder, "x", name="goc.docx")
    xml = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        + f"<w:document {W}><w:body>".encode()
        + body
        + b"</w:body></w:document>"
    )
    return _replace(source, folder / name, {"word/document.xml": xml})


def _replace(source: Path, out: Path, changes: dict[str, bytes], flag_bits: int = 0) -> Path:
    with (
        zipfile.ZipFile(source) as original,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new,
    ):
        for info in original.infolist():
            data = changes.pop(info.filename, None)
            data = original.read(info) if data is None else data
            item = zipfile.ZipInfo(info.filename, info.date_time)
            item.compress_type = zipfile.ZIP_DEFLATED
            item.flag_bits |= flag_bits
            new.writestr(item, data)
        for part, data in changes.items():
            new.writestr(part, data)
    return out


def paragraph(text: str) -> bytes:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()


def brace_flood(count: int) -> Callable[[Path], Path]:
    return lambda folder: plain_template(folder, "{{" + "{" * count + " opening }}")


def huge_xml_part(folder: Path) -> Path:
    """A 60 MB document.xml (it compresses to about 0.3 MB)."""
    text = "Nội dung mẫu. " * 200
    return with_document_xml(folder, paragraph(text) * (60 * 1024 * 1024 // len(text.encode())))


def xml_part_under_the_cap(folder: Path) -> Path:
    """About 7 MB of varied text in 12 000 paragraphs: under every cap, so it is read."""
    body = b"".join(paragraph(f"Đoạn {n}: " + "nội dung báo cáo " * 28) for n in range(12_000))
    return with_document_xml(folder, body, "lon.docx")


def empty_paragraphs(count: int) -> Callable[[Path], Path]:
    return lambda folder: with_document_xml(folder, b"<w:p/>" * count, f"trong-{count}.docx")


def encrypted_members(folder: Path) -> Path:
    """Zip members marked encrypted. With `zip -e` where it is installed, else the flag."""
    source = plain_template(folder, "{{ opening }}")
    out = folder / "ma-hoa.docx"
    if shutil.which("zip"):
        unpacked = folder / "giai-nen"
        with zipfile.ZipFile(source) as archive:
            archive.extractall(unpacked)
        subprocess.run(
            ["zip", "-q", "-r", "-e", "-P", "matkhau", str(out), "."], cwd=unpacked, check=True
        )
        return out
    return _replace(source, out, {}, flag_bits=0x1)


def ole_file(folder: Path) -> Path:
    """What Word saves for a .docx with a password: an OLE compound file, not a zip."""
    path = folder / "mat-khau.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    return path


def compression_bomb(folder: Path) -> Path:
    """A 40 MB part of zeros: tiny on disk, refused by its compression ratio."""
    source = plain_template(folder, "{{ opening }}")
    return _replace(source, folder / "bom-nen.docx", {"word/media/image1.png": bytes(40 << 20)})


def many_parts(folder: Path) -> Path:
    source = plain_template(folder, "{{ opening }}")
    extra = {f"word/media/p{n}.bin": b"x" for n in range(5000)}
    return _replace(source, folder / "nhieu-phan.docx", extra)


def endless_loop(folder: Path) -> Path:
    return plain_template(
        folder, "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"
    )


def memory_doubling(folder: Path) -> Path:
    return plain_template(
        folder,
        "{% set ns = namespace(s='a') %}{% for i in range(40) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s | length }}",
    )


def deep_nesting(folder: Path) -> Path:
    return plain_template(folder, "{% if true %}" * 3000 + "x" + "{% endif %}" * 3000)


CASES = [
    TemplateCase("{{ và 20.000 dấu {", brace_flood(20_000), "dấu '{' liền nhau"),
    TemplateCase("{{ và 100.000 dấu {", brace_flood(100_000), "dấu '{' liền nhau"),
    TemplateCase("phần XML 60 MB khi giải nén", huge_xml_part, "quá lớn khi giải nén"),
    TemplateCase("170.000 đoạn trống", empty_paragraphs(170_000), "đoạn văn"),
    TemplateCase("tệp nén có phần mã hóa", encrypted_members, "mã hóa"),
    TemplateCase("Word đặt mật khẩu (OLE)", ole_file, "mật khẩu"),
    TemplateCase("bom nén 40 MB số 0", compression_bomb, "nén bất thường"),
    TemplateCase("5.000 phần trong tệp nén", many_parts, "phần trong tệp nén"),
    TemplateCase("lồng 3.000 khối if", deep_nesting, "lồng nhau quá sâu"),
    TemplateCase("vòng lặp không dừng", endless_loop, "giây", slow=True),
    TemplateCase("chuỗi nhân đôi 40 lần", memory_doubling, "512 MB", slow=True),
    TemplateCase("19.999 đoạn trống (dưới giới hạn)", empty_paragraphs(19_999), "", slow=True),
    TemplateCase("XML 7 MB (dưới giới hạn)", xml_part_under_the_cap, "", slow=True),
]
