"""Import updates the unit's file in place: only what the form changed; a form older than
the file refused unless --force (which shows the change and keeps the old file);
--dry-run shows the diff and writes nothing."""

from __future__ import annotations

import difflib
from pathlib import Path

from openpyxl import load_workbook

from tests.conftest import edit
from tests.forms.filling import ACTIVITIES, TASKS, task_row

FILE = "data/progress/2024/qlkh.yaml"


def _form(cli, workspace: Path) -> Path:
    made = cli("form", "-u", "qlkh", "-y", "2024", "-o", "f.xlsx", cwd=workspace)
    assert made.code == 0, made.stderr
    return workspace / "f.xlsx"


def _set(form: Path, **cells: object) -> None:
    workbook = load_workbook(form)
    tasks = workbook[TASKS]
    for key, value in cells.items():
        sheet, ref = key.split("__")
        if sheet == "t" and "{" in ref:
            ref = ref.format(row21=task_row(tasks, "2.1"), row23=task_row(tasks, "2.3"))
        (tasks if sheet == "t" else workbook[ACTIVITIES])[ref] = value
    workbook.save(form)


def test_an_untouched_form_changes_no_byte(cli, workspace: Path):
    before = (workspace / FILE).read_bytes()
    result = cli("import", str(_form(cli, workspace)), cwd=workspace)
    assert result.code == 0 and "không đổi gì" in result.stderr
    assert (workspace / FILE).read_bytes() == before


def test_only_the_changed_values_change_and_comments_stay(cli, workspace: Path):
    path = workspace / FILE
    before = path.read_text(encoding="utf-8").splitlines()
    form = _form(cli, workspace)
    _set(form, **{"t__E{row21}": "75%", "t__D{row23}": "đang thực hiện", "t__E{row23}": 10})
    result = cli("import", str(form), cwd=workspace)
    assert result.code == 0, result.stderr
    after = path.read_text(encoding="utf-8").splitlines()
    diff = list(difflib.unified_diff(before, after, lineterm="", n=0))[2:]
    removed = [line[1:] for line in diff if line.startswith("-")]
    added = [line[1:] for line in diff if line.startswith("+")]
    assert removed == ["    progress: 70%"]
    assert added == ["    progress: 75", '  "2.3":', "    status: in_progress", "    progress: 10"]
    assert cli("validate", "--root", str(workspace)).code == 0


def test_a_blank_cooperation_task_stays_unreported(cli, workspace: Path):
    form = _form(cli, workspace)
    sheet = load_workbook(form)[TASKS]
    row = task_row(sheet, "2.3")  # qlkh cooperates and has said nothing on it
    assert sheet[f"D{row}"].value is None and sheet[f"E{row}"].value is None
    (workspace / FILE).unlink()
    result = cli("import", str(form), cwd=workspace)
    assert result.code == 0, result.stderr
    assert '"2.3"' not in (workspace / FILE).read_text(encoding="utf-8")


def test_a_form_older_than_the_file_is_refused_then_forced(cli, workspace: Path):
    form = _form(cli, workspace)
    _set(form, **{"t__E{row21}": 75})
    edit(workspace / FILE, "    progress: 80\n", "    progress: 85  # sửa sau khi lập biểu mẫu\n")
    edited = (workspace / FILE).read_bytes()
    refused = cli("import", str(form), cwd=workspace)
    assert refused.code == 2 and "đã được sửa sau khi lập biểu mẫu" in refused.stderr
    assert (workspace / FILE).read_bytes() == edited
    dry = cli("import", str(form), "--dry-run", cwd=workspace)
    assert (
        dry.code == 0 and "-    progress: 70%" in dry.stdout and "+    progress: 75" in dry.stdout
    )
    assert (workspace / FILE).read_bytes() == edited
    forced = cli("import", str(form), "--force", cwd=workspace)
    assert forced.code == 0, forced.stderr
    assert "+    progress: 80" in forced.stderr  # the form's older value, shown as it is written
    kept = list((workspace / FILE).parent.glob(".qlkh.yaml.bak-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == edited
    assert f"Bản cũ giữ ở {kept[0].relative_to(workspace).as_posix()}" in forced.stderr
    assert cli("validate", "--root", str(workspace)).code == 0  # the copy is not read


def test_a_file_with_a_python_tag_is_never_executed_and_replaced_only_by_force(
    cli, workspace: Path
):
    form = _form(cli, workspace)
    marker = workspace / "pwned"
    edit(
        workspace / FILE,
        "prepared_by: Trần Văn Hùng",
        f'prepared_by: !!python/object/apply:os.system ["touch {marker}"]',
    )
    refused = cli("import", str(form), cwd=workspace)
    assert refused.code == 2 and "tệp hiện có lỗi" in refused.stderr, refused.stderr
    forced = cli("import", str(form), "--force", cwd=workspace)
    assert forced.code == 0, forced.stderr
    assert not marker.exists()
    assert 'prepared_by: "Trần Văn Hùng"' in (workspace / FILE).read_text(encoding="utf-8")
    assert cli("validate", "--root", str(workspace)).code == 0
