"""Attack cases against `kehoach import` and `kehoach form` (tests/forms/hostile_forms.py):
a located Vietnamese error with exit 1 and the workspace untouched, or a clean import;
nothing written outside the workspace; no formula in any cell the tool writes. Their time
and memory are measured by benchmarks/hostile_forms.py."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import edit
from tests.forms.calc import needs_calc, through_calc
from tests.forms.filling import TASKS, task_row
from tests.forms.hostile_forms import CALC_CASES, CASES, FormCase
from tests.robustness.cases import snapshot

RESULT = "Cung cấp 12 bài viết về kết quả nhiệm vụ khoa học và công nghệ cho trang tin của Sở."


def _form(cli, workspace: Path) -> Path:
    made = cli("form", "-u", "qlkh", "-y", "2024", "-o", "form.xlsx", cwd=workspace)
    assert made.code == 0, made.stderr
    return workspace / "form.xlsx"


def _check(cli, workspace: Path, case: FormCase, base: bytes) -> None:
    hostile = workspace.parent / "hostile.xlsx"
    hostile.write_bytes(case.make(base))
    before = snapshot(workspace)
    result = cli("import", str(hostile), cwd=workspace)
    assert "không mong đợi" not in result.stderr and "Traceback" not in result.stderr
    if case.words:
        assert result.code == 1, result.stderr
        assert result.stderr.startswith("Lỗi: ") and case.words in result.stderr, result.stderr
        assert snapshot(workspace) == before
    else:
        assert result.code == 0, result.stderr
        assert cli("validate", "--root", str(workspace)).code == 0


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_a_hostile_workbook_is_refused_or_imported_cleanly(cli, workspace: Path, case: FormCase):
    _check(cli, workspace, case, _form(cli, workspace).read_bytes())


@needs_calc
@pytest.mark.parametrize("case", CALC_CASES, ids=lambda case: case.name)
def test_a_damaged_calc_workbook_is_refused(cli, workspace: Path, tmp_path: Path, case: FormCase):
    (saved,) = through_calc([_form(cli, workspace)], tmp_path / "calc", tmp_path / "profile")
    _check(cli, workspace, case, saved.read_bytes())


@pytest.mark.parametrize("kind", ["fifo", "device", "directory-link"])
def test_a_form_that_is_not_a_regular_file_is_refused(cli, workspace: Path, kind: str):
    path = workspace / "form.xlsx"
    if kind == "fifo":
        os.mkfifo(path)  # a FIFO no one writes to: reading it would wait for ever
    elif kind == "device":
        path.symlink_to("/dev/zero")  # never ends
    else:
        path.symlink_to(workspace / "data")
    before = snapshot(workspace / "data")
    result = cli("import", str(path), cwd=workspace)
    assert result.code in (1, 2) and result.stderr.startswith("Lỗi"), result.stderr
    assert "không mong đợi" not in result.stderr
    assert snapshot(workspace / "data") == before


def test_a_progress_folder_linked_out_of_the_workspace_is_not_written(
    cli, workspace: Path, tmp_path: Path
):
    form = _form(cli, workspace)
    outside = tmp_path / "outside"
    shutil.move(workspace / "data/progress/2024", outside)
    (workspace / "data/progress/2024").symlink_to(outside, target_is_directory=True)
    (outside / "qlkh.yaml").unlink()
    before = snapshot(outside)
    result = cli("import", str(form), cwd=workspace)
    assert result.code == 2 and "ngoài thư mục data/" in result.stderr, result.stderr
    assert snapshot(outside) == before


def _no_formula(path: Path) -> None:
    workbook = load_workbook(path)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)


def test_plan_and_report_text_starting_with_equals_stays_text_in_the_form(cli, workspace: Path):
    edit(
        workspace / "data/progress/2024/qlkh.yaml",
        f"    results: {RESULT}",
        f"    results: '=WEBSERVICE(\"http://example.invalid\") {RESULT}'",
    )
    edit(
        workspace / "data/progress/2024/qlkh.yaml",
        "        result: 15 tham luận;",
        "        result: " + "y" * 40_000 + " 15 tham luận;",
    )
    form = _form(cli, workspace)
    _no_formula(form)
    sheet = load_workbook(form)[TASKS]
    cell = sheet[f"F{task_row(sheet, '1')}"]
    assert str(cell.value).startswith("=WEBSERVICE") and cell.quotePrefix
    activities = load_workbook(form)["Hoạt động"]
    longest = max(len(str(c.value or "")) for row in activities.iter_rows() for c in row)
    assert longest == 32_767  # cut at Excel's limit…
    assert any("bị cắt" in str(c.value) for row in activities.iter_rows() for c in row)  # …said


def test_status_workbook_text_is_text_and_cut_at_the_cell_limit(cli, workspace: Path):
    edit(
        workspace / "data/progress/2024/qlkh.yaml",
        f"    results: {RESULT}",
        "    results: '=1+1 " + "z" * 40_000 + "'",
    )
    result = cli("status", "--year", "2024", "--format", "xlsx", "-o", "s.xlsx", cwd=workspace)
    assert result.code == 0, result.stderr
    _no_formula(workspace / "s.xlsx")
    workbook = load_workbook(workspace / "s.xlsx")
    for sheet in workbook.worksheets:
        assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows
        for row in sheet.iter_rows():
            assert all(len(str(c.value or "")) <= 32_767 for c in row)
