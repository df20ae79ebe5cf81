"""Issue 23: the Excel round trip never changes what a unit said. For every unit's report of
the bundled data and of each example, its form saved by LibreOffice Calc and imported
changes nothing: the YAML files byte for byte (so the report and status, which read only
them, are the same), and `status --format json` is checked the same to be sure."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kehoach_cli.loading.workspace import Workspace, list_progress_files
from tests.conftest import REPO
from tests.forms.calc import needs_calc, through_calc

WORKSPACES = ["data", *sorted(p.name for p in (REPO / "examples").iterdir() if p.is_dir())]


def _tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted((root / "data").rglob("*"))
        if path.is_file()
    }


@needs_calc
@pytest.mark.parametrize("name", WORKSPACES)
def test_every_units_form_saved_by_calc_imports_to_the_same_file(cli, tmp_path: Path, name: str):
    root = tmp_path / "ws"
    if name == "data":
        shutil.copytree(REPO / "data", root / "data")
    else:
        shutil.copytree(REPO / "examples" / name, root)
    refs, _ = list_progress_files(Workspace(root))
    assert refs, "a workspace with progress files"
    before = _tree(root)
    years = sorted({ref.year for ref in refs})
    status_before = [
        cli("status", "--year", str(y), "--format", "json", "--as-of", f"{y}-12-31", cwd=root)
        for y in years
    ]
    forms = []
    for number, ref in enumerate(refs):
        form = tmp_path / "forms" / f"{number}-{ref.unit}.xlsx"
        form.parent.mkdir(exist_ok=True)
        period = ["-p", ref.period] if ref.period else []
        made = cli("form", "-u", ref.unit, "-y", str(ref.year), *period, "-o", str(form), cwd=root)
        assert made.code == 0, made.stderr
        forms.append(form)
    saved = through_calc(forms, tmp_path / "saved", tmp_path / "profile")
    for ref, path in zip(refs, saved, strict=True):
        result = cli("import", str(path), cwd=root)
        assert result.code == 0, (ref.path, result.stderr)
        assert "không đổi gì" in result.stderr, (ref.path, result.stderr)
    assert _tree(root) == before
    status_after = [
        cli("status", "--year", str(y), "--format", "json", "--as-of", f"{y}-12-31", cwd=root)
        for y in years
    ]
    assert [s.stdout for s in status_after] == [s.stdout for s in status_before]
    assert all(s.code == status_before[0].code for s in status_after)


@needs_calc
def test_text_starting_with_equals_stays_text_through_calc(cli, workspace: Path, tmp_path: Path):
    from openpyxl import load_workbook

    from tests.conftest import edit

    path = workspace / "data/progress/2024/qlkh.yaml"
    edit(
        path,
        "    results: Cung cấp 12 bài viết về kết quả nhiệm vụ khoa học và công nghệ cho trang "
        "tin của Sở.",
        "    results: '=WEBSERVICE(\"http://example.invalid\")'",
    )
    before = path.read_bytes()
    made = cli("form", "-u", "qlkh", "-y", "2024", "-o", "f.xlsx", cwd=workspace)
    assert made.code == 0, made.stderr
    (saved,) = through_calc([workspace / "f.xlsx"], tmp_path / "saved", tmp_path / "profile")
    for sheet in load_workbook(saved).worksheets:
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row)  # Calc computed nothing
    result = cli("import", str(saved), cwd=workspace)
    assert result.code == 0 and "không đổi gì" in result.stderr, result.stderr
    assert path.read_bytes() == before
