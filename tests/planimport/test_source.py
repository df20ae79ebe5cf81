"""Reading the document: bounded, and every failure a located Vietnamese message."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach_cli.planimport import source
from kehoach_cli.planimport.source import ImportProblem, read_blocks


def test_a_file_over_the_size_bound_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    big = tmp_path / "ke-hoach.txt"
    big.write_text("KẾ HOẠCH\n" * 100, encoding="utf-8")
    monkeypatch.setattr(source, "MAX_BYTES", 100)
    with pytest.raises(ImportProblem, match=r"ke-hoach\.txt: tệp .* quá giới hạn"):
        read_blocks(big)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("ke-hoach.docx", b"not a zip", "không mở được như tệp Word"),
        ("ke-hoach.doc", b"\xd0\xcf\x11\xe0", "Word 97"),
        ("ke-hoach.odt", b"x", "chỉ đọc được tệp .docx, .txt hoặc .pdf"),
        ("ke-hoach.txt", "KẾ HOẠCH".encode("cp1258", errors="replace") + b"\xff\xfe\xff", "UTF-8"),
        ("ke-hoach.txt", b"   \n\n  ", "không có chữ"),
    ],
)
def test_bad_files_get_a_located_message(tmp_path: Path, name: str, data: bytes, message: str):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ImportProblem, match=message) as caught:
        read_blocks(path)
    assert name in str(caught.value)


def test_a_missing_file_is_named(tmp_path: Path):
    with pytest.raises(ImportProblem, match=r"khong-co\.docx: không đọc được tệp"):
        read_blocks(tmp_path / "khong-co.docx")


def test_text_pasted_from_a_web_page_is_rejoined(tmp_path: Path):
    """Lines broken inside a sentence join again; a header set out in '|' cells splits."""
    path = tmp_path / "ke-hoach.txt"
    path.write_text(
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Căn cứ Quyết định số\n749/QĐ-TTg ngày 03/6/2020 của\nThủ tướng Chính phủ;\n"
        "1. Mục đích\na) Phát triển hạ tầng (Cơ quan chủ trì: Sở A; thời gian:\nQuý IV/2024).\n",
        encoding="utf-8",
    )
    assert [block.text for block in read_blocks(path)] == [
        "ỦY BAN NHÂN DÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;",
        "1. Mục đích",
        "a) Phát triển hạ tầng (Cơ quan chủ trì: Sở A; thời gian: Quý IV/2024).",
    ]
