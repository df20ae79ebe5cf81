"""The beginnings of five more public plans, verbatim as their public pages give them
(three page layouts: blank-line paragraphs, '|' cells broken over lines, one-line '|'
headers): number, symbol, place, date, issuer and title read right."""

from __future__ import annotations

import pytest
import yaml

from kehoach_cli.planimport.draft import build_draft
from kehoach_cli.planimport.source import read_blocks
from kehoach_cli.planimport.yaml_text import plain
from tests.conftest import FIXTURES

HEADS = FIXTURES / "plan-import" / "heads"
EXPECTED = yaml.safe_load((HEADS / "expected.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_header_of_a_public_plan(name: str):
    document = plain(build_draft(read_blocks(HEADS / f"{name}.txt")).data)["document"]
    for key, value in EXPECTED[name].items():
        assert document.get(key) == value, key


def test_every_beginning_is_checked():
    assert {p.stem for p in HEADS.glob("*.txt")} == set(EXPECTED)
