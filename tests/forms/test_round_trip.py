"""form → fill → import → validate → report, and each bad input located by its cell."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter

from kehoach_cli.checks.plan_view import PlanView
from kehoach_cli.checks.run import check_progress_file, load_plan
from kehoach_cli.forms.layout import MARKER_COLUMN
from kehoach_cli.loading.workspace import ProgressRef, find_workspace
from kehoach_cli.model.index import PlanIndex
from kehoach_cli.model.progress import Progress
from kehoach_cli.sheets import PAGE_WIDTH
from tests.conftest import REPO
from tests.forms.filling import ACTIVITIES, TASKS, fill, task_row


@pytest.fixture
def blank(cli, workspace: Path) -> Path:
    """A fresh form of qlkh for 2024, its YAML file removed from the workspace."""
    (workspace / "data/progress/2024/qlkh.yaml").unlink()
    result = cli("form", "-u", "qlkh", "-y", "2024", "-o", "qlkh.xlsx", cwd=workspace)
    assert result.code == 0, result.stderr
    return workspace / "qlkh.xlsx"


def test_form_is_a_locked_workbook_with_lists_and_date_cells(blank: Path):
    workbook = load_workbook(blank)
    assert workbook.sheetnames == ["Hướng dẫn", TASKS, ACTIVITIES]
    tasks, activities = workbook[TASKS], workbook[ACTIVITIES]
    assert all(sheet.protection.sheet and not sheet.protection.password for sheet in workbook)
    row = task_row(tasks, "2.1")
    assert tasks[f"A{row}"].value == "2.1" and tasks[f"C{row}"].value == "chủ trì"
    assert tasks[f"A{row}"].protection.locked and not tasks[f"D{row}"].protection.locked
    kinds = {v.type for v in tasks.data_validations.dataValidation}
    assert kinds == {"list"}  # no number or date rule: a locale would refuse what users type
    assert tasks[f"D{row}"].value is None and tasks[f"E{row}"].value is None  # not reported
    assert "đang thực hiện" in next(
        v.formula1 for v in tasks.data_validations.dataValidation if v.type == "list"
    )
    assert tasks.freeze_panes and activities.freeze_panes
    assert activities["C4"].number_format == "DD/MM/YYYY"
    assert tasks.column_dimensions["B"].width > 20


def test_round_trip_writes_a_valid_file_the_report_uses(cli, workspace: Path, blank: Path):
    fill(blank)
    result = cli("import", str(blank), cwd=workspace)
    assert result.code == 0, result.stderr
    written = workspace / "data/progress/2024/qlkh.yaml"
    text = written.read_text(encoding="utf-8")
    assert '  "2.1":  # chủ trì: ' in text
    assert "    status: in_progress\n    progress: 70\n" in text
    assert "        start: 04/03/2024\n        due: 2024-06-28\n" in text
    assert "budget: {planned: 150000000, spent: 142300000}" in text
    assert '      - text: "Thiếu kinh phí đối ứng."' in text
    assert cli("validate", "--root", str(workspace)).code == 0
    status = cli("status", "--year", "2024", "--by", "task", "--format", "json", cwd=workspace)
    assert status.code == 0 and "2.1" in status.stdout
    report = cli(
        "report", "--year", "2024", "-o", "bc.docx", "--as-of", "2024-12-31", cwd=workspace
    )
    assert report.code == 0, report.stderr
    assert (workspace / "bc.docx").stat().st_size > 0


@pytest.mark.parametrize(
    ("cell", "value", "where", "words"),
    [
        ("t__D{row}", "xong rồi", "'Nhiệm vụ'!D{row}", "xong rồi"),
        ("t__E{row}", 150, "'Nhiệm vụ'!E{row}", "150"),
        ("a__C4", "31/02/2024", "'Hoạt động'!C4", "31/2/2024"),
        ("a__G4", "một trăm nghìn", "'Hoạt động'!G4", "một trăm nghìn"),
        ("a__A4", "9.9", "'Hoạt động'!A4", "9.9"),
        ("a__F9", "", "'Hoạt động'!F9", "Thiếu trường bắt buộc 'Tình trạng'"),  # the label
    ],
    ids=["status-word", "progress-150", "date-31-02", "amount-text", "unknown-task", "no-status"],
)
def test_bad_input_is_located_and_nothing_is_written(
    cli, workspace: Path, blank: Path, cell: str, value: object, where: str, words: str
):
    row = task_row(load_workbook(blank)[TASKS], "2.1")
    fill(blank, **{cell.format(row=row): value})
    result = cli("import", str(blank), cwd=workspace)
    assert result.code == 1, result.stderr
    located = [line for line in result.stderr.splitlines() if "[lỗi]" in line]
    assert any(line.startswith(where.format(row=row) + ": [lỗi]") for line in located), (
        result.stderr
    )
    assert words in result.stderr and "gợi ý:" in result.stderr
    assert "chưa ghi tệp nào" in result.stderr
    assert not (workspace / "data/progress/2024/qlkh.yaml").exists()


def test_existing_file_is_replaced_only_with_force(cli, workspace: Path, blank: Path):
    fill(blank)
    written = workspace / "data/progress/2024/qlkh.yaml"
    written.write_text("# của đơn vị\n", encoding="utf-8")
    refused = cli("import", str(blank), cwd=workspace)
    assert refused.code == 2 and "--force" in refused.stderr
    assert written.read_text(encoding="utf-8") == "# của đơn vị\n"
    assert cli("import", str(blank), "--force", cwd=workspace).code == 0
    assert "schema_version: 1" in written.read_text(encoding="utf-8")


def test_a_file_that_is_not_a_form_is_refused(cli, workspace: Path):
    (workspace / "x.xlsx").write_bytes(b"not a zip")
    result = cli("import", "x.xlsx", cwd=workspace)
    assert result.code == 1 and ".xlsx" in result.stderr


def test_a_formula_without_a_saved_value_is_located(cli, workspace: Path):
    (workspace / "data/progress/2024/qlkh.yaml").unlink()
    assert cli("form", "-u", "qlkh", "-y", "2024", "-o", "qlkh.xlsx", cwd=workspace).code == 0
    form = workspace / "qlkh.xlsx"
    fill(form, a__H4="=1000*2")  # openpyxl saves no computed value
    result = cli("import", str(form), cwd=workspace)
    assert result.code == 1
    assert "'Hoạt động'!H4: [lỗi] Ô có công thức =1000*2" in result.stderr


def _report(path: Path) -> Progress:
    ref = ProgressRef(path, 2024, "qlkh")
    index = PlanIndex.build(load_plan(find_workspace(path))[0])
    checked = check_progress_file(ref, PlanView.from_index(index))
    assert checked.progress is not None and not checked.has_errors, checked.issues
    return checked.progress


def test_form_of_an_existing_report_is_filled_in_and_imports_unchanged(cli, workspace: Path):
    original = workspace / "data/progress/2024/qlkh.yaml"
    before = _report(original)
    made = cli("form", "-u", "qlkh", "-y", "2024", "-o", "qlkh.xlsx", cwd=workspace)
    assert made.code == 0 and "đã điền sẵn nội dung" in made.stderr
    result = cli("import", "qlkh.xlsx", "--force", cwd=workspace)
    assert result.code == 0, result.stderr
    # The form has no cells for when a difficulty was raised or whether it is resolved:
    # those are kept from the file for the same text, so nothing is lost or warned of.
    assert "Biểu mẫu không có" not in result.stderr
    assert any(d.raised_on for d in before.tasks["2.1"].difficulties)
    after = _report(original)
    assert (after.submitted_on, after.prepared_by) == (before.submitted_on, before.prepared_by)
    for task_id, report in before.tasks.items():
        assert after.tasks[task_id].model_dump() == report.model_dump(), task_id


def test_a_difficulty_reworded_in_the_form_loses_its_dates_and_says_so(cli, workspace: Path):
    original = workspace / "data/progress/2024/qlkh.yaml"
    assert cli("form", "-u", "qlkh", "-y", "2024", "-o", "qlkh.xlsx", cwd=workspace).code == 0
    workbook = load_workbook(workspace / "qlkh.xlsx")
    tasks = workbook[TASKS]
    row = task_row(tasks, "2.1")
    tasks[f"G{row}"] = "Một khó khăn viết lại."
    workbook.save(workspace / "qlkh.xlsx")
    result = cli("import", "qlkh.xlsx", "--force", cwd=workspace)
    assert result.code == 0, result.stderr
    assert (
        "Biểu mẫu không có ngày nêu và tình trạng giải quyết khó khăn (nhiệm vụ 2.1): "
        "ghi lại vào tệp." in result.stderr
    )
    [difficulty] = _report(original).tasks["2.1"].difficulties
    assert (difficulty.text, difficulty.raised_on, difficulty.resolved) == (
        "Một khó khăn viết lại.",
        None,
        False,
    )


def test_a_period_form_goes_to_the_period_folder(cli, tmp_path: Path):
    root = tmp_path / "tinh"
    shutil.copytree(REPO / "examples/ubnd-tinh-ha-tang-so", root)
    target = root / "data/progress/2024/6-thang/bao-loc.yaml"
    target.unlink()
    made = cli("form", "-u", "bao-loc", "-y", "2024", "-p", "6-thang", "-o", "f.xlsx", cwd=root)
    assert made.code == 0, made.stderr
    workbook = load_workbook(root / "f.xlsx")
    assert workbook[TASKS]["B5"].value == "6-thang"
    refused = cli("import", "f.xlsx", cwd=root)  # the tasks it leads are blank: said so
    assert refused.code == 1 and "Thiếu báo cáo nhiệm vụ '3.1'" in refused.stderr
    for task_id in ("3.1", "3.2"):
        row = task_row(workbook[TASKS], task_id)
        workbook[TASKS][f"D{row}"], workbook[TASKS][f"E{row}"] = "chưa bắt đầu", 0
    workbook.save(root / "f.xlsx")
    result = cli("import", "f.xlsx", cwd=root)
    assert result.code == 0, result.stderr
    assert result.stdout.strip().endswith("data/progress/2024/6-thang/bao-loc.yaml")
    assert target.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../../../schemas/"
    )
    assert cli("validate", "--root", str(root)).code == 0


def test_import_warns_when_progress_goes_back_on_an_earlier_period(cli, tmp_path: Path):
    """The checks `validate` runs across a unit's reports of a year run on the form too:
    the yearly form saying 20% where the 6-month report said 30% is warned of (KH321) at
    its cell, naming the earlier report; a warning does not stop the import."""
    root = tmp_path / "tinh"
    shutil.copytree(REPO / "examples/ubnd-tinh-ha-tang-so", root)
    made = cli("form", "-u", "bao-loc", "-y", "2024", "-o", "f.xlsx", cwd=root)
    assert made.code == 0, made.stderr
    workbook = load_workbook(root / "f.xlsx")
    tasks = workbook[TASKS]
    row = task_row(tasks, "3.1")
    assert tasks[f"E{row}"].value == 60  # pre-filled from the yearly report
    tasks[f"E{row}"] = 20
    workbook.save(root / "f.xlsx")

    result = cli("import", "f.xlsx", "--force", cwd=root)
    assert result.code == 0, result.stderr
    assert (
        f"'{TASKS}'!E{row}: [cảnh báo] Tiến độ nhiệm vụ '3.1' giảm từ 30% (6 tháng đầu năm) xuống 20% (năm) (KH321)"
        in result.stderr
    )
    assert "6-thang/bao-loc.yaml:14" in result.stderr
    validated = cli("validate", "--root", str(root))
    assert "KH321" in validated.stderr  # and validate says the same of the written file


def test_indicators_are_offered_to_the_units_whose_value_counts(cli, workspace: Path):
    """A 'lead' indicator (TFP, task 2.6) is reported by the task's lead (khtc) only: a
    cooperating unit's value would not be used, so its form has no indicators sheet."""
    for unit, sheets in (("khtc", 4), ("qlkh", 3)):
        assert cli("form", "-u", unit, "-y", "2024", "-o", f"{unit}.xlsx", cwd=workspace).code == 0
        workbook = load_workbook(workspace / f"{unit}.xlsx")
        assert len(workbook.sheetnames) == sheets, (unit, workbook.sheetnames)
    indicators = load_workbook(workspace / "khtc.xlsx")["Chỉ tiêu"]
    assert [c.value for c in indicators[4]][:3] == [
        "tfp",
        "Đóng góp của năng suất nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế",
        "khoảng 62,8% (2021–2030)",
    ]
    assert indicators["D4"].value is not None  # pre-filled from khtc's report
    assert indicators["D4"].protection.locked is False and indicators["A4"].protection.locked


def _indicator_form(cli, tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "tinh"
    shutil.copytree(REPO / "examples/ubnd-tinh-ha-tang-so", root)
    assert cli("form", "-u", "bao-loc", "-y", "2024", "-o", "f.xlsx", cwd=root).code == 0
    return root, root / "f.xlsx"


def test_indicator_values_round_trip(cli, tmp_path: Path):
    root, form = _indicator_form(cli, tmp_path)
    workbook = load_workbook(form)
    sheet = workbook["Chỉ tiêu"]
    assert (sheet["A4"].value, sheet["D4"].value) == ("tram-bts-moi", 9)  # the file's value
    sheet["D4"] = 12.5
    sheet["F4"] = "số liệu sơ bộ"
    workbook.save(form)
    result = cli("import", "f.xlsx", cwd=root)  # the form is as new as the file: no --force
    assert result.code == 0, result.stderr
    assert "Biểu mẫu có 3 nhiệm vụ, 1 hoạt động, 1 chỉ tiêu." in result.stderr  # 3 reported
    assert "Biểu mẫu không có chỉ tiêu" not in result.stderr  # the form carried it
    text = (root / "data/progress/2024/bao-loc.yaml").read_text(encoding="utf-8")
    # updated in place: the source line stays as the file writes it, the note is added
    assert (
        '  tram-bts-moi:\n    value: "12,5"\n    source: Phòng Quản lý đô thị thành phố Bảo Lộc\n'
        "    note: số liệu sơ bộ\n" in text
    )
    assert cli("validate", "--root", str(root)).code == 0


@pytest.mark.parametrize(
    ("cells", "where", "words"),
    [
        ({"D4": "khoảng chín"}, "'Chỉ tiêu'!D4", "value"),
        ({"D4": None, "F4": "chưa có số liệu"}, "'Chỉ tiêu'!D4", "value"),  # a note, no value
    ],
)
def test_a_bad_indicator_row_is_located_and_nothing_is_written(
    cli, tmp_path: Path, cells: dict, where: str, words: str
):
    root, form = _indicator_form(cli, tmp_path)
    workbook = load_workbook(form)
    for ref, value in cells.items():
        workbook["Chỉ tiêu"][ref] = value
    workbook.save(form)
    target = root / "data/progress/2024/bao-loc.yaml"
    before = target.read_bytes()
    result = cli("import", "f.xlsx", "--force", cwd=root)
    assert result.code == 1
    assert f"{where}: [lỗi]" in result.stderr, result.stderr
    assert "chưa ghi tệp nào" in result.stderr
    assert target.read_bytes() == before


def test_every_sheet_prints_one_page_wide_and_a_period_form_names_the_next_period(
    cli, tmp_path: Path
):
    root = tmp_path / "tinh"
    shutil.copytree(REPO / "examples/ubnd-tinh-ha-tang-so", root)
    made = cli("form", "-u", "bao-loc", "-y", "2024", "-p", "6-thang", "-o", "f.xlsx", cwd=root)
    assert made.code == 0, made.stderr
    workbook = load_workbook(root / "f.xlsx")
    for sheet in workbook.worksheets:
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    tasks = workbook[TASKS]
    labels = [cell.value for cell in tasks[9]]
    assert "Nhiệm vụ 6 tháng cuối năm 2024 (mỗi dòng một ý)" in labels, labels
    guide = " ".join(str(c.value) for c in workbook["Hướng dẫn"]["A"] if c.value)
    assert "nhiệm vụ 6 tháng cuối năm 2024" in guide and "năm sau" not in guide
    assert tasks.print_title_rows == "$9:$9"  # the labels on every printed page
    for sheet in workbook.worksheets:  # one page wide at >= 82 %: 11 pt printed at >= 9 pt
        printed = sheet.print_area.split("!")[1].replace("$", "")
        last = column_index_from_string(printed.split(":")[1].rstrip("0123456789"))
        widths = [sheet.column_dimensions[get_column_letter(n)].width for n in range(1, last + 1)]
        assert sum(widths) <= PAGE_WIDTH, (sheet.title, widths)
        assert not sheet.column_dimensions[MARKER_COLUMN].width or last < 26  # marker not printed


def test_wrapped_rows_are_as_tall_as_their_text_and_activities_can_grow(cli, workspace: Path):
    assert cli("form", "-u", "qlkh", "-y", "2024", "-o", "f.xlsx", cwd=workspace).code == 0
    workbook = load_workbook(workspace / "f.xlsx")
    tasks, activities = workbook[TASKS], workbook[ACTIVITIES]
    row = task_row(tasks, "2.1")  # a long result and difficulty: several lines
    assert tasks.row_dimensions[row].height >= 4 * 15
    assert activities.protection.sheet and not activities.protection.insertRows
    assert activities.column_dimensions["B"].protection.locked is False  # typed below too
    lists = [v for v in activities.data_validations.dataValidation if v.type == "list"]
    assert all(str(v.sqref).endswith(tuple(str(n) for n in range(500, 600))) for v in lists)


def test_a_unit_code_typed_over_is_located_at_its_cell(cli, workspace: Path, blank: Path):
    workbook = load_workbook(blank)
    workbook[TASKS]["B3"] = "qlkh-2"
    workbook.save(blank)
    result = cli("import", str(blank), cwd=workspace)
    assert result.code == 1
    assert f"'{TASKS}'!B3: [lỗi] Không có đơn vị báo cáo 'qlkh-2'" in result.stderr
    assert "kehoach form --unit" in result.stderr and "  qlkh " in result.stderr  # the list
    assert not (workspace / "data/progress/2024/qlkh.yaml").exists()


def test_a_form_sent_after_today_is_warned_of_as_validate_does(cli, workspace: Path, blank: Path):
    fill(blank, t__B6=date.today() + timedelta(days=14))
    result = cli("import", str(blank), cwd=workspace)
    assert result.code == 0, result.stderr
    assert "'Nhiệm vụ'!B6: [cảnh báo]" in result.stderr and "(KH324)" in result.stderr
