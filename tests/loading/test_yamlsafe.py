from __future__ import annotations

from pathlib import Path

import pytest

from kehoach_cli.diagnostics import Position
from kehoach_cli.loading import yamlsafe
from kehoach_cli.loading.yamlsafe import YamlError, locate, parse_yaml

PATH = Path("x.yaml")


def parse(text: str):
    value, duplicates = parse_yaml(text, PATH)
    assert duplicates == []
    return value


def error_of(text: str):
    with pytest.raises(YamlError) as caught:
        parse_yaml(text, PATH)
    return caught.value.issues[0]


def test_plain_scalars_stay_strings_except_null_and_booleans():
    value = parse(
        "a: 2.10\nb: 2.1\nc: no\nd: on\ne: 010\nf: 12:30\ng: ~\nh:\ni: true\nj: False\nk: 1e3\n"
    )
    assert value == {
        "a": "2.10",
        "b": "2.1",
        "c": "no",
        "d": "on",
        "e": "010",
        "f": "12:30",
        "g": None,
        "h": None,
        "i": True,
        "j": False,
        "k": "1e3",
    }


def test_task_2_10_does_not_collide_with_2_1():
    value = parse("tasks:\n  2.1: {status: done}\n  2.10: {status: delayed}\n")
    assert set(value["tasks"]) == {"2.1", "2.10"}


def test_quoted_scalars_are_always_strings():
    assert parse("a: 'true'\nb: \"null\"\n") == {"a": "true", "b": "null"}


def test_duplicate_key_reported_with_both_lines_and_first_value_kept():
    value, duplicates = parse_yaml("a: 1\nb: 2\na: 3\n", PATH)
    assert value == {"a": "1", "b": "2"}
    [issue] = duplicates
    assert issue.code == "KH006"
    assert issue.position == Position(3, 1)
    assert "dòng 1" in issue.message


def test_duplicate_on_one_line_is_told_by_column():
    _, [issue] = parse_yaml("budget: {planned: 1, spent: 2, planned: 3}\n", PATH)
    assert issue.position == Position(1, 32)
    assert "(đã có ở cột 10 cùng dòng)" in issue.message


def test_every_duplicate_in_a_file_is_reported():
    _, duplicates = parse_yaml("a: 1\na: 2\nb:\n  c: 1\n  c: 2\n", PATH)
    assert [(i.code, i.position.line) for i in duplicates] == [("KH006", 2), ("KH006", 5)]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a: &x 1\nb: *x\n", "KH007"),
        ("a: &x [1]\n", "KH007"),
        ("a: !!python/object:os.system 1\n", "KH008"),
        ("a: !!python/object/apply:os.system ['true']\n", "KH008"),
        ("a: !custom 1\n", "KH008"),
        ("a: !!str 1\n", "KH008"),
        ("<<: {a: 1}\n", "KH009"),
        ("a: 1\n---\nb: 2\n", "KH011"),
        ("? [a, b]\n: 1\n", "KH013"),
        ("a: [1\n", "KH005"),
        ("a:\n\t- b\n", "KH005"),
    ],
)
def test_dangerous_or_broken_yaml_is_rejected(text: str, code: str):
    assert error_of(text).code == code


def test_alias_bomb_is_rejected_quickly():
    lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, 9):
        prev = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        lines.append(f"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]")
    issue = error_of("\n".join(lines) + "\n")
    # Refused at the very first anchor: nothing was expanded or even built.
    assert (issue.code, issue.position) == ("KH007", Position(1, 4))


@pytest.mark.parametrize("text", ["xin chào\n", "\n\n  42\n", "# chú thích\n'một chuỗi'\n"])
def test_a_file_that_is_one_value_is_refused_where_the_value_is(text: str):
    issue = error_of(text)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row and row[0] != "#")
    assert issue.code == "KH012" and issue.position is not None and issue.position.line == line


@pytest.mark.parametrize("text", ["", "# chỉ chú thích\n", "~\n", "null\n"])
def test_an_empty_document_is_none(text: str):
    assert parse(text) is None


def test_deep_nesting_is_capped_without_recursion_error():
    issue = error_of("[" * 20000 + "]" * 20000)
    assert issue.code == "KH010"
    issue = error_of("a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 100)))
    assert issue.code == "KH010"


def test_syntax_error_is_located_and_translated():
    issue = error_of("tasks:\n  '2.1':\n    status: done\n   progress: 3\n")
    assert issue.code == "KH005"
    assert issue.position is not None and issue.position.line == 4
    assert "Lỗi cú pháp YAML" in issue.message


def test_tab_indentation_gets_a_tab_hint():
    issue = error_of("a:\n\tb: 1\n")
    assert "Tab" in issue.message or "Tab" in issue.hint


def test_positions_count_characters_not_bytes():
    value = parse("tiếng_việt: có dấu\nds:\n  - một\n  - {khóa: giá trị}\n")
    assert locate(value, ("tiếng_việt",)) == Position(1, 13)
    assert locate(value, ("tiếng_việt",), at_key=True) == Position(1, 1)
    assert locate(value, ("ds", 1, "khóa")) == Position(4, 12)


def test_locate_falls_back_to_nearest_known_parent():
    value = parse("a:\n  b: 1\n")
    assert locate(value, ("a", "missing", "deeper")) == Position(2, 3)
    assert locate(value, ()) == Position(1, 1)


def test_pure_python_parser_gives_the_same_result(monkeypatch: pytest.MonkeyPatch):
    import yaml

    text = "a: 2.10\nb: [no, 'x']\nc: {d: ~}\n"
    fast = parse_yaml(text, PATH)[0]
    monkeypatch.setattr(yamlsafe, "_make_parser", yaml.SafeLoader)
    slow = parse_yaml(text, PATH)[0]
    assert fast == slow
    assert locate(fast, ("c", "d")) == locate(slow, ("c", "d"))
    monkeypatch.setattr(yamlsafe, "_make_parser", yaml.SafeLoader)
    assert error_of("a: &x 1\n").code == "KH007"


def test_libyaml_is_used_when_available():
    import yaml

    assert bool(getattr(yaml, "__with_libyaml__", False)) == yamlsafe.HAS_LIBYAML


def test_empty_document_is_none():
    assert parse("") is None
    assert parse("# chỉ có chú thích\n") is None


@pytest.mark.parametrize(
    "text",
    [
        "a: b: c",
        "@a: 1",
        'a: "\\q"',
        "a: &\n",
        "...\na: 1",
        "a: [1, 2",
        "a: {b: 1",
        "a:\n  b: 1\n c: 2",
        "a: 'x",
    ],
)
def test_common_syntax_mistakes_are_explained_in_vietnamese(text: str):
    issue = error_of(text)
    assert issue.code == "KH005" and issue.position is not None
    for english in ("expected", "allowed", "found", "token", "while"):
        assert english not in issue.message
    assert issue.hint


@pytest.mark.parametrize(
    ("escape", "char"),
    [
        ("\\e", "U+001B"),
        ("\\0", "U+0000"),
        ("\\x9b", "U+009B"),
        ("\\uFFFE", "U+FFFE"),
        ("\\a", "U+0007"),
        ("\\x1b[2J", "U+001B"),
    ],
)
def test_control_characters_written_as_escapes_are_refused_like_raw_ones(escape, char):
    """Issue 14, point 6: the characters KH004 refuses typed raw, refused when a double-quoted
    escape makes them, at the value (or key) that holds them."""
    issue = error_of(f'year: 2024\nresults:\n  - "Xong {escape} việc"\n')
    assert (issue.code, issue.position) == ("KH004", Position(3, 5))
    assert char in issue.message
    key = error_of(f'"a{escape}": 1\n')
    assert (key.code, key.position) == ("KH004", Position(1, 1))


def test_escapes_of_ordinary_characters_stay_accepted():
    assert parse('a: "Tab\\there, dòng\\nmới, \\u1EC7, \\x41"\n') == {
        "a": "Tab\there, dòng\nmới, \u1ec7, A"
    }
