"""Issue 14, point 6: data is neutralised on the way out. Control characters are refused
however they are written; values echoed to a terminal are escaped; text cells a
spreadsheet would evaluate are written as text; rich markup in data is text."""

from __future__ import annotations

import csv
import io

import pytest

from kehoach_cli.status.render import render_csv, render_rich
from kehoach_cli.status.table import Column, View
from tests.conftest import edit

QLKH = "data/progress/2024/qlkh.yaml"
BUDGET = ["status", "--year", "2024", "--as-of", "2024-12-01", "--by", "budget"]


def test_an_escaped_control_character_is_kh004_with_its_place(cli, workspace):
    edit(workspace / QLKH, "        status: done", '        status: "done\\e[2J"', 2)
    result = cli("validate", cwd=workspace)
    assert result.code == 1
    assert "qlkh.yaml:19:17: [lỗi] Tệp chứa ký tự điều khiển" in result.stderr
    assert "(U+001B) (KH004)" in result.stderr


@pytest.mark.parametrize("output_format", ["text", "github"])
def test_an_echoed_value_cannot_print_a_line_of_its_own(cli, workspace, output_format):
    edit(
        workspace / QLKH,
        "        status: done",
        '        status: "done\\nDữ liệu hợp lệ.\\u202e"',
        2,
    )
    result = cli("validate", "--format", output_format, cwd=workspace)
    assert result.code == 1
    lines = (result.stdout + result.stderr).splitlines()
    assert not any(line.startswith("Dữ liệu hợp lệ") for line in lines)
    assert "\u202e" not in result.stdout + result.stderr
    newline = "%0A" if output_format == "github" else "\\n"  # GitHub's own escape
    assert f"done{newline}Dữ liệu hợp lệ.\\u202e" in result.stdout + result.stderr


def test_a_command_line_value_is_echoed_escaped(cli, workspace):
    result = cli(
        "status", "--year", "2024", "--unit", "a\x1b]0;T\x07\nDữ liệu hợp lệ", cwd=workspace
    )
    assert result.code == 2
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "'a\\x1b]0;T\\x07\\nDữ liệu hợp lệ'" in result.stderr


def _view(names: list[str], amounts: list[int]) -> View:
    columns = [Column("unit_name", "Đơn vị"), Column("planned", "Dự toán", "money", True)]
    rows = [{"unit_name": n, "planned": a} for n, a in zip(names, amounts, strict=True)]
    return View("budget", "Kinh phí [/]", columns, rows)


def test_csv_text_cells_that_a_spreadsheet_would_evaluate_are_text():
    names = ['=HYPERLINK("http://x","a")', "+1", "-2", "@SUM(A1)", "\tx", "\rx", "Phòng - A", "a=b"]
    rows = list(csv.reader(io.StringIO(render_csv(_view(names, [-5] * len(names)))[1:])))
    assert [row[0] for row in rows[1:]] == [
        '\'=HYPERLINK("http://x","a")',
        "'+1",
        "'-2",
        "'@SUM(A1)",
        "'\tx",
        "'\rx",
        "Phòng - A",
        "a=b",
    ]
    assert {row[1] for row in rows[1:]} == {"-5"}  # a negative amount stays a number


def test_csv_of_the_cli_neutralises_a_unit_name(cli, workspace):
    edit(workspace / "data/plan.yaml", "short_name: Phòng QLKH", "short_name: '=1+1'")
    result = cli(*BUDGET, "--format", "csv", cwd=workspace)
    assert "\nqlkh,'=1+1," in result.stdout.replace("\r\n", "\n")


@pytest.mark.parametrize("boxed", [False, True])
def test_rich_markup_in_data_is_text(boxed):
    names = ["Phòng [/] [bold]QLKH", "[link=http://x]a[/link]"]
    view = _view(names, [1, 2])
    view.notes.append("Cần chú ý: [/] x")
    text = render_rich([view], boxed=boxed, compact=False, width=100, heading="KH [/]")
    plain = text if not boxed else __import__("re").sub("\x1b\\[[0-9;]*m", "", text)
    for name in ["Phòng [/] [bold]QLKH", "[link=http://x]a[/link]", "Kinh phí [/]", "KH [/]"]:
        assert name in plain
    assert "Cần chú ý: [/] x" in plain


def test_status_with_markup_in_a_unit_name(cli, workspace):
    edit(workspace / "data/plan.yaml", "short_name: Phòng QLKH", "short_name: 'Phòng [/]'")
    result = cli(*BUDGET, cwd=workspace)
    assert result.code == 0
    assert "Phòng [/]" in result.stdout
