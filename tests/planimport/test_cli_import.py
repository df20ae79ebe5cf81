"""`kehoach plan import` as a new agency uses it: the draft written, a summary on stderr,
never an existing plan.yaml overwritten without --force, bad input a message."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURES

SOURCE = FIXTURES / "plan-document.txt"


def test_a_first_day_from_the_issued_plan(cli, tmp_path: Path):
    result = cli("plan", "import", str(SOURCE), cwd=tmp_path)
    assert result.code == 0, result.stderr
    draft = tmp_path / "data" / "plan.yaml"
    text = draft.read_text(encoding="utf-8")
    assert "# KIỂM TRA:" in text
    assert "Đã ghi data/plan.yaml." in result.stderr
    assert "Đã đọc:" in result.stderr and "8 nhiệm vụ" in result.stderr
    assert "Đã đoán:" in result.stderr
    # the draft is a workspace the other commands take as it is
    assert cli("validate", cwd=tmp_path).code == 0
    assert cli("plan", "render", "-o", "ban-in.docx", cwd=tmp_path).code == 0
    assert (tmp_path / "ban-in.docx").stat().st_size > 0


def test_an_existing_plan_is_kept_unless_forced(cli, tmp_path: Path):
    draft = tmp_path / "data" / "plan.yaml"
    draft.parent.mkdir()
    draft.write_text("# kế hoạch đang dùng\n", encoding="utf-8")
    refused = cli("plan", "import", str(SOURCE), cwd=tmp_path)
    assert refused.code == 2
    assert "data/plan.yaml đã có" in refused.stderr and "--force" in refused.stderr
    assert draft.read_text(encoding="utf-8") == "# kế hoạch đang dùng\n"
    assert cli("plan", "import", str(SOURCE), "--force", cwd=tmp_path).code == 0
    assert "schema_version: 1" in draft.read_text(encoding="utf-8")


def test_another_output_and_bad_inputs(cli, tmp_path: Path):
    assert cli("plan", "import", str(SOURCE), "-o", "nhap.yaml", cwd=tmp_path).code == 0
    assert (tmp_path / "nhap.yaml").exists()
    wrong = cli("plan", "import", str(SOURCE), "-o", "nhap.txt", cwd=tmp_path)
    assert wrong.code == 2 and "đuôi .yaml" in wrong.stderr
    missing = cli("plan", "import", "khong-co.docx", "-o", "x.yaml", cwd=tmp_path)
    assert missing.code == 2 and "khong-co.docx: không đọc được tệp" in missing.stderr
    assert "Traceback" not in missing.stderr
    assert not (tmp_path / "x.yaml").exists()
