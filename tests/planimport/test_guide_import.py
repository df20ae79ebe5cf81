"""docs/huong-dan.md 2.1, run exactly as written: init, plan import of the issued plan
(here the bundled plan rendered to .docx), validate, render it back."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from kehoach_cli.loading.documents import load_yaml_bytes
from kehoach_cli.model.plan import Plan
from kehoach_cli.report.plan_document import render_plan
from tests.conftest import REPO

GUIDE = (REPO / "docs" / "huong-dan.md").read_text(encoding="utf-8")


def first_day() -> str:
    return GUIDE.split("### 2.1.")[1].split("\n### 2.2.")[0]


def test_the_first_day_works_as_written(cli, tmp_path: Path):
    plan_path = REPO / "data" / "plan.yaml"
    plan = Plan.model_validate(load_yaml_bytes(plan_path, plan_path.read_bytes()).data)
    (tmp_path / "ke-hoach.docx").write_bytes(render_plan(plan))
    blocks = re.findall(r"```sh\n(.*?)```", first_day(), re.S)
    assert len(blocks) == 1
    cwd = tmp_path
    for line in blocks[0].strip().splitlines():
        words = shlex.split(line)
        if words[0] == "cd":
            cwd = cwd / words[1]
            continue
        result = cli(*words[1:], cwd=cwd)
        assert result.code == 0, (line, result.stderr)
        assert "Traceback" not in result.stderr
    draft = (cwd / "data" / "plan.yaml").read_text(encoding="utf-8")
    assert "Sở Khoa học và Công nghệ" in draft and "# KIỂM TRA:" in draft
    assert (cwd / "doi-chieu.docx").stat().st_size > 20_000
