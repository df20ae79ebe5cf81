from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from kehoach_cli.diagnostics import Position
from kehoach_cli.loading.text import TextError, decode_text, read_text

PATH = Path("x.yaml")


def error_of(data: bytes):
    with pytest.raises(TextError) as caught:
        decode_text(data, PATH)
    return caught.value.issue


def test_utf8_with_and_without_bom_and_crlf():
    assert decode_text("a: Việt\r\n".encode(), PATH) == "a: Việt\r\n"
    assert decode_text(b"\xef\xbb\xbf" + "a: Việt\n".encode(), PATH) == "a: Việt\n"


def test_decomposed_vietnamese_is_normalised_to_composed():
    decomposed = unicodedata.normalize("NFD", "tiến độ")
    assert decomposed != "tiến độ"
    assert decode_text(decomposed.encode(), PATH) == "tiến độ"


def test_legacy_code_page_gets_save_as_utf8_advice_with_location():
    issue = error_of(b"a: 1\nb: Vi\xd2t Nam\n")  # TCVN3/VNI-style single bytes
    assert issue.code == "KH002"
    assert issue.position == Position(2, 6)
    assert "lưu lại tệp dưới dạng UTF-8" in issue.hint


def test_utf16_is_named():
    issue = error_of("a: 1\n".encode("utf-16"))
    assert issue.code == "KH002"
    assert "UTF-16" in issue.message


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\ufffe"])
def test_control_characters_are_rejected_with_position(char: str):
    issue = error_of(f"a: 1\nb: xy{char}z\n".encode())
    assert issue.code == "KH004"
    assert issue.position == Position(2, 6)


def test_tabs_and_newlines_are_not_control_characters():
    assert decode_text(b"a: 'x\ty'\r\n", PATH) == "a: 'x\ty'\r\n"


def test_size_cap(tmp_path: Path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: " + b"x" * 2000 + b"\n")
    with pytest.raises(TextError) as caught:
        read_text(big, max_bytes=1000)
    assert caught.value.issue.code == "KH003"
    assert "2.004 byte (tối đa 1.000 byte)" in caught.value.issue.message


def test_folder_and_missing_file_are_read_errors(tmp_path: Path):
    folder = tmp_path / "qlkh.yaml"
    folder.mkdir()
    for target in (folder, tmp_path / "none.yaml"):
        with pytest.raises(TextError) as caught:
            read_text(target)
        assert caught.value.issue.code == "KH001"
