"""Issue 14, point 5: every console. Any output encoding, a full or closed stdout, any
COLUMNS: the command works, or fails with one Vietnamese line and a non-zero exit code."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach_cli.cli.console import encode_for, nearest

STATUS = ["status", "--year", "2024", "--as-of", "2024-12-01"]


def kehoach(
    cwd: Path, *args: str, env: dict[str, str] | None = None, shell_tail: str = ""
) -> subprocess.CompletedProcess[bytes]:
    """`kehoach ARGS` as a process; `shell_tail` redirects its streams through sh."""
    command = [sys.executable, "-m", "kehoach_cli", *args]
    if shell_tail:
        command = ["sh", "-c", f'exec "$@" {shell_tail}', "sh", *command]
    environment = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
    environment.update(env or {})
    return subprocess.run(
        command, cwd=cwd, env=environment, capture_output=True, check=False, timeout=120
    )


def no_traceback(completed: subprocess.CompletedProcess[bytes]) -> None:
    everything = completed.stdout + completed.stderr
    assert b"Traceback" not in everything
    assert "Lỗi không mong đợi".encode() not in everything


@pytest.mark.parametrize("encoding", ["ascii", "cp1258", "latin-1"])
@pytest.mark.parametrize(
    "args", [STATUS, [*STATUS, "--format", "json"], ["validate", "--format", "json"], ["validate"]]
)
def test_any_output_encoding_into_a_file_gives_the_utf8_output(workspace, encoding, args):
    """A file or pipe gets UTF-8 whatever the locale: the same bytes as under UTF-8."""
    reference = kehoach(workspace, *args, env={"PYTHONIOENCODING": "utf-8"})
    completed = kehoach(workspace, *args, env={"LC_ALL": "C", "PYTHONIOENCODING": encoding})
    no_traceback(completed)
    assert completed.returncode == reference.returncode == 0
    assert completed.stdout == reference.stdout
    assert completed.stderr.decode("utf-8") == reference.stderr.decode("utf-8")


def _on_a_terminal(workspace: Path, encoding: str, *args: str) -> tuple[int, bytes]:
    pid, fd = pty.fork()
    if pid == 0:  # the child: kehoach on a terminal of `encoding`
        os.chdir(workspace)
        os.environ.update(PYTHONIOENCODING=encoding, COLUMNS="80", NO_COLOR="1")
        os.execv(sys.executable, [sys.executable, "-m", "kehoach_cli", *args])
    output = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), output


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pseudo-terminal of Linux")
def test_a_terminal_that_cannot_show_vietnamese_gets_the_nearest_letters(workspace):
    code, output = _on_a_terminal(workspace, "ascii", "validate")
    assert code == 0
    assert output == b"0 loi, 0 canh bao trong 10 tep. Du lieu hop le.\r\n"
    code, output = _on_a_terminal(workspace, "cp1258", "validate")
    assert output.decode("cp1258") == "0 lô\u0303i, 0 ca\u0309nh báo trong 10 tê\u0323p. " + (
        "Dư\u0303 liê\u0323u hơ\u0323p lê\u0323.\r\n"
    )
    code, output = _on_a_terminal(workspace, "ascii", *STATUS, "--by", "budget")
    assert code == 0
    assert output.isascii()
    assert b"Kinh phi nam 2024 theo don vi" in output
    assert b"+---" in output and b"| Phong QLKH" in output


def test_nearest_letters():
    assert encode_for("Đơn vị — đã gửi…", "ascii") == b"Don vi - da gui..."
    assert nearest("ế", "cp1258") == "ê\u0301"
    assert nearest("ế", "utf-8") == "ế"
    assert nearest("☃", "ascii") == "?"


@pytest.mark.parametrize(
    "args", [STATUS, ["--version"], ["--help"], ["report", "--help"], ["validate", "-f", "json"]]
)
def test_a_full_stdout_is_one_vietnamese_line_and_a_failure(workspace, args):
    completed = kehoach(workspace, *args, shell_tail="> /dev/full")
    no_traceback(completed)
    assert completed.returncode == 2
    assert completed.stderr.decode().splitlines() == [
        "Lỗi: không ghi được kết quả ra đầu ra chuẩn (stdout): ổ đĩa đã đầy; "
        "giải phóng dung lượng rồi chạy lại."
    ]


@pytest.mark.parametrize("args", [STATUS, ["--version"], ["validate"]])
def test_a_closed_stdout_is_refused_before_any_work(workspace, args):
    completed = kehoach(workspace, *args, shell_tail=">&-")
    no_traceback(completed)
    assert completed.returncode == 2
    lines = completed.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Lỗi: đầu ra chuẩn (stdout) đã bị đóng")


def test_a_closed_or_full_stderr_keeps_the_exit_code(workspace):
    (workspace / "data/progress/2024/qlkh.yaml").write_text("year: [\n", encoding="utf-8")
    completed = kehoach(workspace, "validate", shell_tail="2>&-")
    assert completed.returncode == 1  # told to nobody, still a failure
    completed = kehoach(workspace, "validate", shell_tail="2>/dev/full")
    assert completed.returncode == 2  # the messages could not be written


def test_a_reader_that_goes_away_is_not_an_error(workspace):
    completed = subprocess.run(
        f'"{sys.executable}" -m kehoach_cli status --year 2024 --as-of 2024-12-01 | head -c 1',
        shell=True,
        cwd=workspace,
        capture_output=True,
        check=False,
        timeout=120,
        executable="/bin/bash",
    )
    assert completed.stderr == b""


@pytest.mark.parametrize("columns", ["0", "-5", "99999999", "abc", "", " 80 ", "5"])
def test_any_columns(workspace, columns):
    completed = kehoach(workspace, *STATUS, env={"COLUMNS": columns})
    no_traceback(completed)
    assert completed.returncode == 0
    lines = completed.stdout.decode().splitlines()
    assert lines and lines[0].startswith("Kế hoạch")
    assert max(map(len, lines)) <= 1000


def test_help_with_any_columns(workspace):
    for columns in ("0", "abc", "-1"):
        completed = kehoach(workspace, "validate", "--help", env={"COLUMNS": columns})
        assert completed.returncode == 0 and completed.stdout.startswith("Cách dùng".encode())
