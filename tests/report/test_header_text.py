"""header_name_lines: an agency's name in capitals, broken into balanced lines that fit."""

from __future__ import annotations

import pytest

from kehoach_cli.report.blocks import HEADER_WIDTHS_MM
from kehoach_cli.report.header_text import (
    CELL_MARGINS_MM,
    HEADER_CELL_MM,
    HEADER_NAME_PT,
    header_name_lines,
    text_width_mm,
    vietnamese_words,
)

FITS_MM = HEADER_CELL_MM - CELL_MARGINS_MM


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Phòng Quản lý chuyên ngành", "PHÒNG QUẢN LÝ\nCHUYÊN NGÀNH"),
        ("Sở Khoa học và Công nghệ", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"),
        ("Ủy ban nhân dân tỉnh Đồng Nai", "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI"),
        ("Trung tâm Khoa học và Công nghệ", "TRUNG TÂM KHOA HỌC\nVÀ CÔNG NGHỆ"),
        (
            "Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng",
            "PHÒNG QUẢN LÝ TIÊU CHUẨN\nĐO LƯỜNG CHẤT LƯỢNG",
        ),
        ("Ủy ban nhân dân huyện Trảng Bom", "ỦY BAN NHÂN DÂN\nHUYỆN TRẢNG BOM"),
        ("UBND tỉnh Đồng Nai", "UBND TỈNH ĐỒNG NAI"),
        ("Thanh tra Sở", "THANH TRA SỞ"),
        (
            "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
            "TRUNG TÂM ỨNG DỤNG\nTIẾN BỘ KHOA HỌC\nVÀ CÔNG NGHỆ",
        ),
    ],
)
def test_names_break_into_balanced_lines_between_words(name: str, expected: str):
    assert header_name_lines(name) == expected


def test_every_line_fits_the_header_cell_at_12_pt_bold():
    for name in (
        "Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng",
        "Sở Thông tin - Truyền thông và Khoa học Công nghệ tỉnh Đồng Nai",
        "Ban Quản lý dự án đầu tư xây dựng tỉnh Đồng Nai",
    ):
        lines = header_name_lines(name).split("\n")
        assert len(lines) >= 2
        assert all(text_width_mm(line, size_pt=12, bold=True) <= FITS_MM for line in lines)


def test_a_short_name_stays_on_one_line_and_is_only_upper_cased():
    assert header_name_lines("  Phòng   Kế hoạch Tài chính ") == "PHÒNG KẾ HOẠCH TÀI CHÍNH"
    assert header_name_lines("") == ""


def test_never_breaks_inside_a_word_nor_loses_a_syllable():
    name = "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ"
    result = header_name_lines(name)
    assert result.replace("\n", " ") == name.upper()
    lines = result.split("\n")
    for compound in ("TRUNG TÂM", "ỨNG DỤNG", "TIẾN BỘ", "KHOA HỌC", "CÔNG NGHỆ"):
        assert any(compound in line for line in lines), (compound, lines)


def test_balanced_means_the_longest_line_is_as_short_as_possible():
    lines = header_name_lines("Phòng Quản lý chuyên ngành").split("\n")
    widths = [text_width_mm(line) for line in lines]
    # the other break ("PHÒNG QUẢN LÝ CHUYÊN / NGÀNH") has a longer longest line
    assert max(widths) < text_width_mm("PHÒNG QUẢN LÝ CHUYÊN")


def test_a_no_break_space_holds_and_a_dash_never_begins_a_line():
    result = header_name_lines("Sở Lao động - Thương binh và Xã hội tỉnh Đồng Nai")
    assert not any(line.startswith("-") for line in result.split("\n"))
    held = header_name_lines("Trung tâm Khoa\u00a0học và Công nghệ tỉnh Đồng Nai")
    assert "KHOA\u00a0HỌC" in held


def test_words_come_from_capitals_fixed_units_and_small_words():
    assert vietnamese_words("Sở Khoa học và Công nghệ") == ["Sở", "Khoa học", "và", "Công nghệ"]
    assert vietnamese_words("Ủy ban nhân dân Thành phố Hồ Chí Minh") == [
        "Ủy ban nhân dân",
        "Thành phố",
        "Hồ Chí Minh",
    ]
    assert vietnamese_words("PHÒNG QUẢN LÝ CHUYÊN NGÀNH") == ["PHÒNG", "QUẢN LÝ", "CHUYÊN NGÀNH"]


def test_a_name_already_in_capitals_breaks_the_same_way():
    assert header_name_lines("PHÒNG QUẢN LÝ CHUYÊN NGÀNH") == "PHÒNG QUẢN LÝ\nCHUYÊN NGÀNH"


def test_widths_match_times_new_roman_and_the_template():
    # Times New Roman Bold: 'H' 778, 'I' 389 thousandths of an em; tone marks add nothing
    assert text_width_mm("H", size_pt=72) == pytest.approx(25.4 * 0.778)
    assert text_width_mm("I", size_pt=72) == pytest.approx(25.4 * 0.389)
    assert text_width_mm("Ệ") == text_width_mm("E") < text_width_mm("Ư")
    assert HEADER_WIDTHS_MM[0] == HEADER_CELL_MM
    assert HEADER_NAME_PT == 12


def test_a_regular_parent_body_may_fit_where_bold_would_not():
    name = "Sở Khoa học và Công nghệ tỉnh Đồng Nai"
    assert text_width_mm(name.upper(), bold=False) < text_width_mm(name.upper(), bold=True)
    assert header_name_lines(name, bold=False).count("\n") <= header_name_lines(name).count("\n")
