"""Issue 14, point 7: paths and writes. Symlinks out of the workspace are KH317 and never
read; loops and over-long names are clear errors; `report -o` never overwrites the
template; `new` and `init --force` never replace anything the user has."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kehoach_cli.atomic import write_new

REPORT = ["report", "--year", "2024", "--as-of", "2024-12-01"]
SECRET = "mật-khẩu-không-được-lộ"


def no_crash(result) -> None:
    assert "Lỗi không mong đợi" not in result.stderr and "Traceback" not in result.stderr


def test_a_symlink_loop_in_the_progress_folder_is_a_clear_error(cli, workspace):
    (workspace / "data/progress/2024/vong.yaml").symlink_to("vong.yaml")
    for args in (["validate"], ["status", "--year", "2024"]):
        result = cli(*args, cwd=workspace)
        no_crash(result)
        # located, like any file that cannot be read; the other files are still checked
        assert result.code == 1
        assert "data/progress/2024/vong.yaml" in result.stderr
        assert "liên kết tượng trưng vòng quanh" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "data/progress/2024/" + "a" * 300 + ".yaml"],
        ["--root", "a" * 300, "validate"],
        [*REPORT, "-o", "a" * 300 + ".docx"],
    ],
)
def test_an_over_long_name_is_a_clear_error(cli, workspace, args):
    result = cli(*args, cwd=workspace)
    no_crash(result)
    assert result.code == 2
    assert "quá dài" in result.stderr
    assert "a" * 100 not in result.stderr  # the name is shortened in the message


def test_report_never_overwrites_the_template_in_use(cli, workspace, tmp_path):
    templates = workspace / "templates"
    templates.mkdir()
    template = templates / "bao-cao.docx"
    mine = (Path(__file__).parents[2] / "templates/bao-cao.docx").read_bytes()
    template.write_bytes(mine)
    (workspace / "lien-ket.docx").symlink_to(template)
    own = workspace / "mau-rieng.docx"
    own.write_bytes(mine)
    for args in (
        ["-o", "templates/bao-cao.docx"],
        ["-o", "lien-ket.docx"],
        ["--template", "mau-rieng.docx", "-o", "./mau-rieng.docx"],
    ):
        result = cli(*REPORT, *args, cwd=workspace)
        no_crash(result)
        assert result.code == 2, args
        assert "là mẫu Word đang dùng" in result.stderr
        assert "Đang đọc dữ liệu" not in result.stderr  # refused before any work
    assert template.read_bytes() == mine and own.read_bytes() == mine


def test_new_counts_a_yml_file_as_existing(cli, workspace):
    target = workspace / "data/progress/2025/qlkh.yml"
    target.parent.mkdir()
    target.write_text("year: 2025\n", encoding="utf-8")
    result = cli("new", "--unit", "qlkh", "--year", "2025", cwd=workspace)
    assert result.code == 2 and "qlkh.yml đã có" in result.stderr
    assert not (workspace / "data/progress/2025/qlkh.yaml").exists()


def test_new_never_replaces_a_file_saved_meanwhile(cli, workspace, monkeypatch):
    """The clerk saves the file while `new` prepares it: the clerk's file is kept."""
    from kehoach_cli.scaffold import progress_file

    target = workspace / "data/progress/2025/qlkh.yaml"
    original = progress_file.progress_file_text

    def clerk_saves_meanwhile(*args, **kwargs):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("# của cán bộ\n", encoding="utf-8")
        return original(*args, **kwargs)

    monkeypatch.setattr(progress_file, "progress_file_text", clerk_saves_meanwhile)
    result = cli("new", "--unit", "qlkh", "--year", "2025", cwd=workspace)
    no_crash(result)
    assert result.code == 2 and "đã có" in result.stderr
    assert target.read_text(encoding="utf-8") == "# của cán bộ\n"
    assert [p.name for p in target.parent.iterdir()] == ["qlkh.yaml"]  # no temporary left


def test_new_never_writes_through_a_dangling_symlink(cli, workspace, tmp_path):
    target = workspace / "data/progress/2025/qlkh.yaml"
    target.parent.mkdir()
    target.symlink_to(tmp_path / "noi-khac.yaml")
    result = cli("new", "--unit", "qlkh", "--year", "2025", cwd=workspace)
    assert result.code == 2
    assert target.is_symlink() and not (tmp_path / "noi-khac.yaml").exists()


def test_init_force_keeps_dangling_symlinks_and_linked_folders(cli, tmp_path):
    folder = tmp_path / "kho"
    folder.mkdir()
    (folder / "README.md").symlink_to(tmp_path / "chua-co.md")  # dangling: the user's
    (folder / "templates").symlink_to(tmp_path / "thu-muc-chua-co")
    result = cli("init", str(folder), "--force", cwd=tmp_path)
    no_crash(result)
    assert result.code == 0
    assert (folder / "README.md").is_symlink() and not (tmp_path / "chua-co.md").exists()
    assert (folder / "templates").is_symlink() and not (tmp_path / "thu-muc-chua-co").exists()
    assert (folder / "data/plan.yaml").is_file()
    assert "README.md" in result.stderr and "templates/bao-cao.docx" in result.stderr


def test_write_new_is_exclusive_and_leaves_nothing_behind(tmp_path):
    target = tmp_path / "a.yaml"
    write_new(target, b"one")
    with pytest.raises(FileExistsError):
        write_new(target, b"two")
    assert target.read_bytes() == b"one"
    assert os.listdir(tmp_path) == ["a.yaml"]


def test_a_progress_folder_linked_outside_is_kh317_and_never_read(cli, workspace, tmp_path):
    outside = tmp_path / "ngoai"
    outside.mkdir()
    (outside / "qlkh.yaml").write_text(f"year: [{SECRET}\n", encoding="utf-8")
    (workspace / "data/progress/2030").symlink_to(outside, target_is_directory=True)
    result = cli("validate", cwd=workspace)
    assert result.code == 1
    assert "(KH317)" in result.stderr and "2030" in result.stderr
    assert SECRET not in result.stderr + result.stdout
    assert str(outside) not in result.stderr


def test_a_plan_linked_outside_is_kh317_and_never_read(cli, workspace, tmp_path):
    outside = tmp_path / "ngoai.yaml"
    outside.write_text(f"title: [{SECRET}\n", encoding="utf-8")
    plan = workspace / "data/plan.yaml"
    plan.unlink()
    plan.symlink_to(outside)
    for args in (["validate"], ["status", "--year", "2024"]):
        result = cli(*args, cwd=workspace)
        no_crash(result)
        assert result.code != 0 and "KH317" in result.stderr
        assert SECRET not in result.stderr + result.stdout
