from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document

from tests.conftest import edit


def report(cli, cwd: Path, *args: str, root: Path | None = None):
    extra = ("--root", str(root)) if root else ()
    return cli("report", "--year", "2024", "--as-of", "2024-12-01", *extra, *args, cwd=cwd)


def test_default_name_in_the_current_folder(cli, workspace: Path, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = report(cli, out, "--date", "01/12/2024", root=workspace)
    assert result.code == 0, result.stderr
    target = out / "bao-cao-2024.docx"
    assert target.is_file() and result.stdout.strip() == "bao-cao-2024.docx"
    assert "Phụ lục" in result.stderr
    assert "ngày 01 tháng 12 năm 2024" in "\n".join(
        p.text for p in Document(target).tables[0].rows[1].cells[1].paragraphs
    )
    assert [p.name for p in out.iterdir()] == ["bao-cao-2024.docx"]  # no temp file left


def test_unit_report_default_name(cli, workspace: Path, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = report(cli, out, "--unit", "qlcn", root=workspace)
    assert result.code == 0, result.stderr
    document = Document(out / "bao-cao-2024-qlcn.docx")
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Kính gửi: Phòng Kế hoạch Tài chính." in text


@pytest.mark.parametrize(
    ("output", "needle"),
    [
        (".", "là một thư mục"),
        ("khong-co/bao-cao.docx", "không tồn tại"),
        ("bao-cao.pdf", ".docx"),
        ("data/bao-cao.docx", "data/"),
    ],
)
def test_bad_output_paths_are_clear_errors(cli, workspace: Path, output: str, needle: str):
    result = report(cli, workspace, "-o", output)
    assert result.code == 2
    assert needle in result.stderr and "Traceback" not in result.stderr
    assert not list(workspace.glob("*.docx")) and not list((workspace / "data").glob("*.docx"))


def test_unwritable_target_is_a_clear_error_and_leaves_nothing(cli, workspace: Path, monkeypatch):
    def refuse(source, target):  # what a read-only folder or a locked file does to rename
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("kehoach_cli.atomic.os.replace", refuse)
    result = report(cli, workspace)
    assert result.code == 2
    assert "không ghi được bao-cao-2024.docx: không có quyền" in result.stderr
    assert "đang mở trong Word" in result.stderr  # the usual cause on a clerk's machine
    assert not [p for p in workspace.iterdir() if p.is_file()]  # no temp file left behind


def test_full_disk_keeps_the_previous_report_and_says_so(cli, workspace: Path, monkeypatch):
    target = workspace / "bao-cao-2024.docx"
    assert report(cli, workspace).code == 0
    before = target.read_bytes()

    def disk_full(descriptor):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kehoach_cli.atomic.os.fsync", disk_full)
    result = report(cli, workspace)
    assert result.code == 2 and "ổ đĩa đã đầy" in result.stderr
    assert "No space" not in result.stderr
    assert target.read_bytes() == before
    assert sorted(p.name for p in workspace.iterdir() if p.is_file()) == ["bao-cao-2024.docx"]


def test_failed_render_leaves_the_previous_report_untouched(cli, workspace: Path, tmp_path_factory):
    target = workspace / "bao-cao-2024.docx"
    assert report(cli, workspace).code == 0
    before = target.read_bytes()
    broken = tmp_path_factory.mktemp("mau") / "hong.docx"
    document = Document()
    document.add_paragraph("{{ khong_co_bien }}")
    document.save(broken)
    result = report(cli, workspace, "--template", str(broken))
    assert result.code == 1
    assert "khong_co_bien" in result.stderr and "template check" in result.stderr
    assert target.read_bytes() == before
    assert sorted(p.name for p in workspace.iterdir() if p.is_file()) == ["bao-cao-2024.docx"]


def test_workspace_template_overrides_the_default(cli, workspace: Path):
    (workspace / "templates").mkdir()
    document = Document()
    document.add_paragraph("MẪU RIÊNG {{ year }}")
    document.save(workspace / "templates" / "bao-cao.docx")
    assert report(cli, workspace).code == 0
    assert Document(workspace / "bao-cao-2024.docx").paragraphs[0].text == "MẪU RIÊNG 2024"


def test_year_without_progress_files_is_a_clear_error(cli, workspace: Path):
    result = cli("report", "--year", "2027", cwd=workspace)  # in the plan's period 2023–2030
    assert result.code == 1
    assert "năm 2027" in result.stderr and "2023, 2024" in result.stderr
    assert not (workspace / "bao-cao-2027.docx").exists()


@pytest.mark.parametrize("unit", ["khong-co", "../../x", "a/b"])
def test_unknown_unit(cli, workspace: Path, unit: str):
    result = report(cli, workspace, "--unit", unit)
    assert result.code == 2
    assert f"không có đơn vị '{unit}'" in result.stderr and "qlkh" in result.stderr
    assert sorted(p.name for p in workspace.iterdir()) == ["data"]


def test_template_check_default_and_broken(cli, workspace: Path, tmp_path: Path):
    ok = cli("template", "check", cwd=workspace)
    assert ok.code == 0 and "thử tạo báo cáo năm 2024 thành công" in ok.stdout
    broken = tmp_path / "hong.docx"
    document = Document()
    document.add_paragraph("{{ nam }} {{ year | tiendo }}")
    document.add_paragraph("{% if %}")
    document.save(broken)
    result = cli("template", "check", str(broken), cwd=workspace)
    assert result.code == 1
    assert "Lỗi cú pháp Jinja" in result.stdout and "{% if %}" in result.stdout
    unknown = tmp_path / "la.docx"
    document = Document()
    document.add_paragraph("{{ nam }} {{ year | tiendo }}")
    document.save(unknown)
    result = cli("template", "check", str(unknown), cwd=workspace)
    assert result.code == 1
    assert "biến 'nam'" in result.stdout and "bộ lọc 'tiendo'" in result.stdout


def test_plan_render(cli, workspace: Path):
    result = cli("plan", "render", "-o", "ke-hoach.docx", cwd=workspace)
    assert result.code == 0
    assert "KẾ HOẠCH" in [p.text for p in Document(workspace / "ke-hoach.docx").paragraphs]


def test_report_from_a_broken_file_is_refused_unless_asked_for_as_a_draft(cli, workspace: Path):
    edit(workspace / "data/progress/2024/tdc.yaml", "progress: 100%", "progress: 150")
    result = report(cli, workspace)
    assert result.code == 1 and not (workspace / "bao-cao-2024.docx").exists()
    assert "không tạo báo cáo vì 1 tệp tiến độ có lỗi" in result.stderr
    assert "data/progress/2024/tdc.yaml:" in result.stderr and "--draft" in result.stderr
    result = report(cli, workspace, "--draft")
    assert result.code == 1 and "Bỏ qua 1 tệp" in result.stderr and "DỰ THẢO" in result.stderr
    first_page = [p.text for p in Document(workspace / "bao-cao-2024.docx").paragraphs[:6]]
    assert "DỰ THẢO — KHÔNG DÙNG ĐỂ KÝ BAN HÀNH" in first_page
    assert any("Phòng QL TĐC (tệp có lỗi)" in text for text in first_page)
    shutil.rmtree(workspace / "data" / "progress")
