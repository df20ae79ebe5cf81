from __future__ import annotations

import pytest

from kehoach_cli import __version__
from kehoach_cli.cli import app as app_module


def test_version_is_eager(cli, tmp_path):
    result = cli("--version", "validate", cwd=tmp_path)  # no workspace needed
    assert result.code == 0
    assert result.stdout.strip() == f"kehoach {__version__}"


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


def test_unknown_command_suggests_the_right_one(cli):
    result = cli("validte")
    assert result.code == 2
    assert "Không có lệnh 'validte'" in result.stderr
    assert "'validate'" in result.stderr


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
