"""A form filled and saved by LibreOffice (formulas, merged cells, dates and numbers typed
as text, extra rows, a renamed sheet) imports like one filled in by hand."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.forms.filling import ACTIVITIES, TASKS, fill, task_row

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc",
)


def _through_libreoffice(source: Path, tmp_path: Path) -> Path:
    """Open and save `source` as .xlsx with LibreOffice headless (formulas computed)."""
    out = tmp_path / "saved"
    profile = (tmp_path / "lo-profile").as_uri()
    assert SOFFICE is not None
    subprocess.run(
        [
            *(SOFFICE, f"-env:UserInstallation={profile}", "--headless"),
            *("--convert-to", "xlsx", "--outdir", str(out), str(source)),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out / source.name


def _clerk_edits(path: Path) -> None:
    workbook = load_workbook(path)
    tasks, activities = workbook[TASKS], workbook[ACTIVITIES]
    tasks["B6"] = "15/11/2024"  # a date typed as text
    tasks[f"E{task_row(tasks, '1')}"] = "=40*2"  # a formula: LibreOffice computes 80
    activities["I9"] = "Dự thảo lần 2"
    activities.merge_cells("I9:I10")  # merged cells
    activities["A30"] = "2.1"  # far below, after many empty rows
    activities["B30"] = "Hội thảo trí thức khoa học và công nghệ"
    activities["C30"] = "09/09/2024"
    activities["F30"] = "done"
    activities["H30"] = "68900000"  # a number typed as text
    activities["E30"] = "27/09/2024"
    tasks.title = "Báo cáo phòng QLKH"  # a renamed sheet
    workbook.save(path)


@pytest.fixture
def saved_by_libreoffice(cli, workspace: Path, tmp_path: Path) -> Path:
    (workspace / "data/progress/2024/qlkh.yaml").unlink()
    assert cli("form", "-u", "qlkh", "-y", "2024", "-o", "qlkh.xlsx", cwd=workspace).code == 0
    form = workspace / "qlkh.xlsx"
    fill(form)
    _clerk_edits(form)
    return _through_libreoffice(form, tmp_path)


def test_form_saved_by_libreoffice_imports(cli, workspace: Path, saved_by_libreoffice: Path):
    workbook = load_workbook(saved_by_libreoffice, data_only=True)
    assert "Báo cáo phòng QLKH" in workbook.sheetnames
    kept = {v.type for v in workbook[ACTIVITIES].data_validations.dataValidation}
    assert kept == {"list"}  # the lists kept; no date or number rule (a locale would refuse)
    assert all(sheet.protection.sheet for sheet in workbook)
    result = cli("import", str(saved_by_libreoffice), cwd=workspace)
    assert result.code == 0, result.stderr
    text = (workspace / "data/progress/2024/qlkh.yaml").read_text(encoding="utf-8")
    assert "submitted_on: 15/11/2024\n" in text
    assert '  "1":  # phối hợp: ' in text and "    progress: 80\n" in text
    assert 'title: "Hội thảo trí thức khoa học và công nghệ"' in text
    assert "budget: {spent: 68900000}" in text
    assert 'result: "Dự thảo lần 2"' in text
    assert cli("validate", "--root", str(workspace)).code == 0


def test_problems_name_the_renamed_sheet(cli, workspace: Path, saved_by_libreoffice: Path):
    workbook = load_workbook(saved_by_libreoffice)
    sheet = workbook["Báo cáo phòng QLKH"]
    row = task_row(sheet, "2.1")
    sheet[f"E{row}"] = 150
    workbook.save(saved_by_libreoffice)
    result = cli("import", str(saved_by_libreoffice), cwd=workspace)
    assert result.code == 1
    assert f"'Báo cáo phòng QLKH'!E{row}: [lỗi]" in result.stderr
