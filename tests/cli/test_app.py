from __future__ import annotations

import re

import pytest

from kehoach_cli import __version__
from kehoach_cli.cli import app as app_module
from kehoach_cli.cli.help_text import COMMANDS
from kehoach_cli.cli.version import version_line
from kehoach_cli.errors import DataProblem, KehoachError, UsageProblem
from tests.conftest import REPO


def test_version_is_eager(cli, tmp_path):
    result = cli("--version", "validate", cwd=tmp_path)  # no workspace needed
    assert result.code == 0
    assert result.stdout.strip().startswith(f"kehoach {__version__}")
    assert result.stdout.strip() == version_line()


def test_help_is_vietnamese_with_examples(cli):
    result = cli("--help")
    assert result.code == 0
    assert "Cách dùng: kehoach" in result.stdout
    assert "Tùy chọn:" in result.stdout and "Lệnh:" in result.stdout
    assert "Ví dụ:" in result.stdout
    for english in ("Usage:", "Options:", "Commands:", "Show this message"):
        assert english not in result.stdout


def test_every_command_help_has_examples(cli):
    for command in app_module.app.registered_commands:
        result = cli(command.name, "--help")
        assert result.code == 0
        assert "Ví dụ:" in result.stdout, command.name
        assert "Usage:" not in result.stdout


@pytest.mark.parametrize("path", list(COMMANDS))
def test_every_help_page_is_vietnamese(cli, path):
    result = cli(*path.split(), "--help")
    assert result.code == 0 and result.stdout.startswith("Cách dùng: kehoach")
    english = r"Usage|Options|Arguments|Commands|default:|required|env var|Show this|range>"
    assert not re.search(english, result.stdout), result.stdout


def test_unknown_command_suggests_the_right_one(cli):
    result = cli("validte")
    assert result.code == 2
    assert "Không có lệnh 'validte'" in result.stderr
    assert "'validate'" in result.stderr


@pytest.mark.parametrize(
    ("problem", "code"), [(UsageProblem, 2), (DataProblem, 1), (KehoachError, 2)]
)
def test_errors_of_the_core_are_told_at_the_boundary(cli, monkeypatch, workspace, problem, code):
    def refuse(*args, **kwargs):
        raise problem("không làm được việc này", ["  dòng thứ nhất", "  dòng thứ hai"])

    monkeypatch.setattr("kehoach_cli.checks.validation.validate", refuse)
    result = cli("validate", cwd=workspace)
    assert result.code == code
    assert result.stderr == "Lỗi: không làm được việc này\n  dòng thứ nhất\n  dòng thứ hai\n"
    assert result.stdout == ""


def test_typer_is_used_through_its_public_api_only():
    """No patching of Typer's modules: its gettext lookups are left as Typer set them."""
    import gettext

    import typer.core

    assert typer.core._ is gettext.gettext


def test_unexpected_exception_is_caught_at_the_boundary(cli, monkeypatch, workspace):
    def boom(*args, **kwargs):
        raise RuntimeError("hỏng")

    monkeypatch.setattr("kehoach_cli.checks.validation.validate", boom)
    result = cli("validate", cwd=workspace)
    assert result.code == 2
    assert "Lỗi không mong đợi" in result.stderr and "--debug" in result.stderr
    assert "Traceback" not in result.stderr
    with pytest.raises(RuntimeError):
        cli("--debug", "validate", cwd=workspace)


ENGLISH = re.compile(
    r"Input should|does not exist|is a (file|directory)|not readable|not writable|env var|"
    r"Got unexpected|Invalid value|Usage|Error|Missing|No such|Did you mean|requires an"
)


@pytest.mark.parametrize(
    ("args", "vietnamese"),
    [
        (["status", "--year", "abc"], "cần một số nguyên"),
        (["status", "--year", "1999"], "phải ≥ 2000"),
        (["status", "--year", "99999"], "phải ≤ 2200"),
        (["status", "--year"], "cần một giá trị"),
        (["status", "--year", "2024", "thừa"], "Thừa tham số: thừa"),
        (["status", "--yeer", "2024"], "Không có tùy chọn --yeer"),
        (["status", "--year", "2024", "--format", "xml"], "'xml' không thuộc"),
        (["report", "--year", "2024", "--template", "/khong/co.docx"], "không tồn tại"),
        (["report", "--year", "2024", "--template", "."], "là một thư mục, cần một tệp"),
        (["--root", "README.md", "validate"], "là một tệp, cần một thư mục"),
    ],
)
def test_usage_errors_are_vietnamese(cli, args, vietnamese):
    result = cli(*args, cwd=REPO)
    assert result.code == 2
    assert vietnamese in result.stderr
    assert not ENGLISH.search(result.stderr), result.stderr
