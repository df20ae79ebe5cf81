"""docs/huong-dan.md section 2, run exactly as written: init, new, fill in, validate, report."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from kehoach_cli.diagnostics import CATALOGUE
from tests.conftest import REPO, edit

GUIDE = (REPO / "docs" / "huong-dan.md").read_text(encoding="utf-8")


def quick_start() -> str:
    # 2.1 (plan import) runs in tests/planimport/test_guide_import.py
    return GUIDE.split("## 2. Bắt đầu nhanh")[1].split("\n## 3.")[0].split("\n### 2.2.")[-1]


def shell_blocks(text: str) -> list[list[str]]:
    blocks = re.findall(r"```sh\n(.*?)```", text, re.S)
    return [block.replace("\\\n", " ").strip().splitlines() for block in blocks]


def test_quick_start_works_as_written(cli, tmp_path: Path, monkeypatch):
    section = quick_start()
    blocks = shell_blocks(section)
    assert len(blocks) == 2
    # The fill-in step, as the guide words it.
    for instruction in (
        "sửa `status: not_started` thành `status: in_progress`",
        "sửa `progress: 0` thành `progress: 60%`",
        "`results: Đã đăng 12 bài viết.`",
        "`submitted_on: 10/11/2026`",
    ):
        assert instruction in section

    cwd = tmp_path
    outputs = []

    def run(line: str) -> None:
        nonlocal cwd
        words = shlex.split(line, comments=True)
        if words[0] == "cd":
            cwd = cwd / words[1]
            return
        assert words[0] == "kehoach", line
        result = cli(*words[1:], cwd=cwd)
        assert result.code == 0, (line, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        outputs.append((line, result))

    for line in blocks[0]:
        run(line)
    progress = cwd / "data/progress/2026/phong-a.yaml"
    edit(progress, "status: not_started", "status: in_progress")
    edit(progress, "progress: 0 ", "progress: 60% ")
    text = progress.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^    results:.*$", "    results: Đã đăng 12 bài viết.", text, count=1)
    text = re.sub(r"(?m)^submitted_on:.*$", "submitted_on: 10/11/2026", text)
    progress.write_text(text, encoding="utf-8")
    for line in blocks[1]:
        run(line)

    validate_after_new = outputs[1][1]
    assert "Dữ liệu hợp lệ" in validate_after_new.stderr
    final_validate = next(r for line, r in outputs[3:] if line == "kehoach validate")
    assert "0 lỗi, 0 cảnh báo" in final_validate.stderr
    assert (cwd / "bao-cao-2026.docx").stat().st_size > 20_000


def test_guide_lists_every_check_code():
    table = GUIDE.split("## 6. Bảng mã kiểm tra")[1]
    for code in CATALOGUE:
        assert f"| {code} |" in table, code


def test_every_command_help_has_examples(cli):
    for command in (
        "init",
        "new",
        "form",
        "import",
        "validate",
        "status",
        "report",
        "schema",
        "plan render",
        "template check",
    ):
        result = cli(*command.split(), "--help")
        assert result.code == 0, command
        assert "Ví dụ:" in result.stdout, command
        assert "Usage" not in result.stdout and "Options" not in result.stdout
