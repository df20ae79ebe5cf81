"""The draft's YAML reads back as the data it was written from, comments aside."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kehoach_cli.loading.documents import load_yaml_bytes
from kehoach_cli.planimport.yaml_text import Noted, dump, plain

# The loader reads text as NFC (loading/), so the strings drawn are NFC already.
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("#:-'\" {}[]|>"),
    min_size=1,
    max_size=300,
).filter(lambda text: unicodedata.normalize("NFC", text) == text)


def read_back(text: str) -> object:
    return load_yaml_bytes(Path("plan.yaml"), text.encode("utf-8")).data


@given(st.lists(TEXT, min_size=1, max_size=4), TEXT)
def test_any_text_reads_back_the_same(items: list[str], note: str):
    data = {"document": Noted({"title": items[0], "recipients": items}, [note]), "x": None}
    assert read_back(dump(data, ["đầu tệp"])) == plain(data)


def test_notes_stand_above_what_they_are_about():
    data = {"tasks": [Noted({"id": "1", "lead": Noted("stttt", ["đơn vị là đoán"])}, ["a"])]}
    lines = dump(data, []).splitlines()
    assert lines[lines.index("    lead: stttt") - 1] == "    # KIỂM TRA: đơn vị là đoán"
    assert "  # KIỂM TRA: a" in lines
