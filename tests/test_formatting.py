"""Phrases of the plan quoted inside a sentence."""

from __future__ import annotations

import pytest

from kehoach_cli.formatting import mid_sentence


@pytest.mark.parametrize(
    ("written", "in_a_sentence"),
    [
        ("Năm 2024", "năm 2024"),
        ("Quý II/2024", "quý II/2024"),
        ("Hằng năm", "hằng năm"),
        ("UBND tỉnh giao", "UBND tỉnh giao"),  # an abbreviation stays
        ("HĐND", "HĐND"),
        ("2023 - 2025", "2023 - 2025"),
        ("trước 30/9/2024", "trước 30/9/2024"),
        ("Đ", "Đ"),  # one letter: nothing to tell it from an abbreviation
        ("", ""),
    ],
)
def test_a_capitalised_word_is_lowered_an_abbreviation_is_not(written: str, in_a_sentence: str):
    assert mid_sentence(written) == in_a_sentence
