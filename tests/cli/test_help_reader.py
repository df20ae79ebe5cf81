"""The fast help path reads only as much of each module as its page needs, and asks the
terminal's width as Click does: both must give what reading everything would."""

from __future__ import annotations

import ast
import shutil

import pytest

from kehoach_cli.cli import help_text
from kehoach_cli.cli.help_text import COMMANDS, _prefix, _Reader, page_for


def test_a_prefix_ends_before_the_next_block():
    source = 'import x\n\nHELP = """a\n  def b\n"""\n\n\ndef run():\n    pass\n'
    assert _prefix(source, {"HELP"}) == 'import x\n\nHELP = """a\n  def b\n"""\n\n\n'


def test_a_cut_inside_a_string_does_not_parse_and_everything_is_read():
    source = 'HELP = """a\ndef b\n"""\n\ndef run():\n    pass\n'
    with pytest.raises(SyntaxError):
        ast.parse(_prefix(source, {"HELP"}) or "")


@pytest.mark.parametrize("path", list(COMMANDS))
def test_a_partial_read_finds_what_a_full_read_finds(path):
    module_name, target, help_name = COMMANDS[path]
    partial = _Reader().module(module_name, {target, help_name or target})
    full = _Reader().module(module_name)
    assert full.complete
    for name, node in partial.nodes.items():
        assert ast.dump(node) == ast.dump(full.nodes[name])
    assert partial.imported.items() <= full.imported.items()
    page_for(path)


@pytest.mark.parametrize("columns", [None, "", "0", "-3", "abc", "45", "100", "250"])
def test_the_width_is_shutil_s(columns, monkeypatch):
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert help_text._columns() == shutil.get_terminal_size().columns
