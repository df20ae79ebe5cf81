from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, edit

QLKH = Path("data/progress/2024/qlkh.yaml")


def test_clean_workspace_exits_zero_with_summary(cli, workspace: Path):
    result = cli("validate", cwd=workspace)
    assert result.code == 0
    assert result.stdout == ""
    assert "0 lỗi, 0 cảnh báo trong 10 tệp" in result.stderr


def test_workspace_is_found_from_a_subfolder(cli, workspace: Path):
    result = cli("validate", cwd=workspace / "data" / "progress" / "2024")
    assert result.code == 0


def test_root_option_and_environment_variable(cli, workspace: Path, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    assert cli("validate", "--root", str(workspace), cwd=elsewhere).code == 0
    assert cli("validate", cwd=elsewhere, env={"KEHOACH_ROOT": str(workspace)}).code == 0


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--root", "{ws}", "validate"], {}),  # global option before the command
        (["--root", "{ws}", "plan", "render", "-o", "{out}"], {}),  # and a nested command
        (["--root", "{ws}", "validate"], {"KEHOACH_ROOT": "{nowhere}"}),  # beats the env
        (["validate", "--root", "{ws}"], {"KEHOACH_ROOT": "{nowhere}"}),
        (["--root", "{nowhere}", "validate", "--root", "{ws}"], {}),  # the command's own wins
    ],
)
def test_root_given_anywhere_is_used(cli, workspace: Path, tmp_path_factory, args, env):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    names = {"ws": workspace, "nowhere": elsewhere / "khong-co", "out": elsewhere / "kh.docx"}
    result = cli(
        *[arg.format(**names) for arg in args],
        cwd=elsewhere,
        env={key: value.format(**names) for key, value in env.items()},
    )
    assert result.code == 0, result.stderr


def test_a_global_root_that_is_wrong_is_not_ignored(cli, workspace: Path):
    result = cli("--root", str(workspace / "khong-co"), "validate", cwd=workspace)
    assert result.code == 2 and "khong-co" in result.stderr


def test_no_workspace_is_a_usage_error(cli, tmp_path: Path):
    result = cli("validate", cwd=tmp_path)
    assert result.code == 2
    assert "data/plan.yaml" in result.stderr
    assert "Traceback" not in result.stderr


# The damages named by the issue: each gives one located Vietnamese error, exit 1.
DAMAGES = [
    ("year: 2024", "year: 2024\nyear: 2024", "KH006", 7),
    (
        '  "1":  # Thông tin',
        '  "2.10":\n    status: done\n    progress: 100\n  "1":  # Thông tin',
        "KH304",
        46,
    ),
    (
        "status: in_progress\n    progress: 70%",
        "stauts: in_progress\n    status: in_progress\n    progress: 70%",
        "KH101",
        12,
    ),
    ("progress: 70%", "progress: 150", "KH105", 13),
    (
        '  "1":  # Thông tin',
        '  "2.2":\n    status: done\n    progress: 100\n  "1":  # Thông tin',
        "KH305",
        46,
    ),
]


@pytest.mark.parametrize(("old", "new", "code", "line"), DAMAGES)
def test_damaged_file_gives_one_located_error(cli, workspace: Path, old, new, code, line):
    edit(workspace / QLKH, old, new)
    result = cli("validate", cwd=workspace)
    assert result.code == 1
    lines = [entry for entry in result.stderr.splitlines() if "[lỗi]" in entry]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"{QLKH.as_posix()}:{line}:")
    assert f"({code})" in lines[0]
    assert "1 lỗi, 0 cảnh báo trong 10 tệp." in result.stderr
    assert "Traceback" not in result.stderr


def test_file_moved_under_the_wrong_year(cli, workspace: Path):
    shutil.move(workspace / "data/progress/2024/thanhtra.yaml", workspace / "data/progress/2023/")
    result = cli("validate", cwd=workspace)
    assert result.code == 1
    assert (
        "data/progress/2023/thanhtra.yaml:7:7: [lỗi] year: Năm trong tệp (2024) khác năm của thư mục (2023) (KH301)"
        in result.stderr
    )


def test_paths_mode_checks_only_those_files_against_the_plan(cli, workspace: Path):
    edit(workspace / "data/progress/2024/tdc.yaml", "progress: 100%", "progress: 150")
    edit(
        workspace / QLKH,
        '  "1":  # Thông tin',
        '  "2.2":\n    status: done\n    progress: 100\n  "1":  # Thông tin',
    )
    result = cli("validate", str(QLKH), cwd=workspace)
    assert result.code == 1
    assert "KH305" in result.stderr and "KH105" not in result.stderr
    assert "trong 2 tệp" in result.stderr  # the plan and the one file


def test_changed_plan_in_paths_mode_checks_every_progress_file(cli, workspace: Path):
    edit(workspace / "data/plan.yaml", 'task: "2.6"', 'task: "2"')
    result = cli("validate", "data/plan.yaml", cwd=workspace)
    assert result.code == 0  # KH312 is a warning, found in files not named on the command line
    assert "data/progress/2024/khtc.yaml" in result.stderr
    assert "trong 10 tệp" in result.stderr


def test_missing_path_is_a_usage_error(cli, workspace: Path):
    result = cli("validate", "data/progress/2024/khong-co.yaml", cwd=workspace)
    assert result.code == 2
    assert "khong-co.yaml" in result.stderr


def test_json_format_is_data_on_stdout(cli, workspace: Path):
    edit(workspace / QLKH, "progress: 70%", "progress: 150")
    edit(workspace / QLKH, "spent: 142.300.000", "spent: 152.300.000")
    result = cli("validate", "--format", "json", cwd=workspace)
    assert result.code == 1
    document = json.loads(result.stdout)
    assert (document["ok"], document["errors"], document["warnings"], document["files"]) == (
        False,
        1,
        1,
        10,
    )
    by_code = {issue["code"]: issue for issue in document["issues"]}
    assert by_code["KH105"]["file"] == QLKH.as_posix()
    assert (by_code["KH105"]["line"], by_code["KH105"]["column"]) == (13, 15)
    assert by_code["KH105"]["field"] == 'tasks."2.1".progress'
    assert by_code["KH310"]["severity"] == "warning"
    assert "1 lỗi, 1 cảnh báo trong 10 tệp." in result.stderr


def test_github_format_and_its_automatic_choice(cli, workspace: Path):
    edit(workspace / QLKH, "progress: 70%", "progress: 150")
    result = cli("validate", cwd=workspace, env={"GITHUB_ACTIONS": "true"})
    assert result.code == 1
    [annotation] = result.stdout.splitlines()
    assert annotation.startswith(f"::error file={QLKH.as_posix()},line=13,col=15,title=KH105::")
    explicit = cli("validate", "--format", "text", cwd=workspace, env={"GITHUB_ACTIONS": "true"})
    assert explicit.stdout == "" and "(KH105)" in explicit.stderr


def test_github_annotation_escapes_newlines_and_percent(cli, workspace: Path):
    from kehoach_cli.cli.issue_output import format_github
    from kehoach_cli.diagnostics import Position, make_issue

    issue = make_issue(
        "KH005", workspace / "a,b:c.yaml", Position(1, 2), detail="50%\nx", advice=""
    )
    line = format_github(issue)
    assert "\n" not in line and "50%25%0Ax" in line
    assert "a%2Cb%3Ac.yaml" in line


def test_strict_turns_warnings_into_failure(cli, workspace: Path):
    edit(workspace / QLKH, "spent: 142.300.000", "spent: 152.300.000")
    relaxed = cli("validate", cwd=workspace)
    assert relaxed.code == 0 and "[cảnh báo]" in relaxed.stderr
    assert cli("validate", "--strict", cwd=workspace).code == 1


def test_broken_plan_is_reported_and_progress_still_checked(cli, workspace: Path):
    edit(workspace / "data/plan.yaml", "lead: thanhtra", "lead: thanh-tra")
    edit(workspace / QLKH, "progress: 70%", "progress: 150")
    result = cli("validate", cwd=workspace)
    assert result.code == 1
    assert "(KH203)" in result.stderr and "(KH105)" in result.stderr


def test_unknown_option_is_a_vietnamese_usage_error(cli, workspace: Path):
    result = cli("validate", "--fromat", "json", cwd=workspace)
    assert result.code == 2
    assert "Không có tùy chọn --fromat" in result.stderr
    assert "--format" in result.stderr
    bad_choice = cli("validate", "--format", "xml", cwd=workspace)
    assert bad_choice.code == 2 and "không thuộc" in bad_choice.stderr


def test_console_script_runs_as_a_module():
    completed = subprocess.run(
        [sys.executable, "-m", "kehoach_cli", "validate", "--root", str(REPO)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "Dữ liệu hợp lệ" in completed.stderr


@pytest.mark.parametrize(
    ("content", "words", "where"),
    [
        ("", "Tệp rỗng (hoặc chỉ có chú thích)", ""),
        ("- a\n- b\n", "Tệp là một danh sách", ":1:1"),
        ("# ghi chú\nxin chào\n", "Tệp chỉ có một giá trị", ":2:1"),
    ],
)
def test_a_file_that_is_not_a_mapping_says_what_it_is(
    cli, workspace: Path, content: str, words: str, where: str
):
    (workspace / QLKH).write_text(content, encoding="utf-8")
    result = cli("validate", cwd=workspace)
    assert result.code == 1
    assert f"{QLKH.as_posix()}{where}: [lỗi] {words}, cần một bảng khóa: giá trị (KH012)" in (
        result.stderr
    )


@pytest.mark.parametrize(
    ("old", "new", "shape"),
    [
        (
            "status: in_progress\n    progress: 70%",
            "status: [done]\n    progress: 70%",
            "danh sách",
        ),
        ("progress: 70%", "progress: {a: 1}", "bảng khóa: giá trị"),
        ("prepared_by: Trần Văn Hùng", "prepared_by:\n  - Trần Văn Hùng", "danh sách"),
    ],
)
def test_a_list_or_mapping_where_one_value_belongs(cli, workspace: Path, old, new, shape):
    edit(workspace / QLKH, old, new)
    result = cli("validate", cwd=workspace)
    assert result.code == 1
    assert f"cần một giá trị, không phải một {shape} (KH103)" in result.stderr
    assert "Positioned" not in result.stderr and "{'" not in result.stderr


def test_gitlab_format_is_a_code_quality_report(cli, workspace: Path):
    """GitLab's Code Quality report: a JSON array GitLab shows on the merge request; the
    text diagnostics still go to stderr for the job's log."""
    edit(workspace / QLKH, "progress: 70", "progress: 150")
    edit(workspace / QLKH, "unit: qlkh", "unit: qlkh\nextra_field: 1")
    result = cli("validate", "--format", "gitlab", cwd=workspace)
    assert result.code == 1
    report = json.loads(result.stdout)
    assert isinstance(report, list) and len(report) == 2
    for entry in report:
        assert set(entry) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert entry["location"]["path"] == QLKH.as_posix()
        assert isinstance(entry["location"]["lines"]["begin"], int)
        assert entry["severity"] in ("info", "minor", "major", "critical", "blocker")
    progress = next(e for e in report if e["check_name"] == "KH105")
    assert progress["severity"] == "major"
    assert progress["location"]["lines"]["begin"] == 14
    assert progress["description"].startswith(
        "tasks.\"2.1\".progress: Số không hợp lệ: tiến độ '150%' lớn hơn 100"
    )
    assert "gợi ý:" in progress["description"]
    assert len({e["fingerprint"] for e in report}) == 2
    assert "[lỗi]" in result.stderr and "2 lỗi" in result.stderr


def test_gitlab_fingerprints_survive_a_moved_line_and_are_unique(cli, workspace: Path):
    edit(workspace / QLKH, "progress: 70", "progress: 150")
    before = json.loads(cli("validate", "--format", "gitlab", cwd=workspace).stdout)
    edit(workspace / QLKH, "unit: qlkh", "# một dòng chú thích\nunit: qlkh")
    after = json.loads(cli("validate", "--format", "gitlab", cwd=workspace).stdout)
    assert [e["fingerprint"] for e in before] == [e["fingerprint"] for e in after]
    assert after[0]["location"]["lines"]["begin"] == before[0]["location"]["lines"]["begin"] + 1


def test_gitlab_format_of_clean_data_is_an_empty_array(cli, workspace: Path):
    result = cli("validate", "--format", "gitlab", cwd=workspace)
    assert result.code == 0 and json.loads(result.stdout) == []


@pytest.mark.parametrize(("flag", "colored"), [("--color", True), ("--no-color", False)])
def test_color_option_wins_over_the_environment(cli, workspace: Path, flag: str, colored: bool):
    """The cli fixture sets NO_COLOR=1 and stderr is not a terminal: --color still colours."""
    edit(workspace / QLKH, "progress: 70", "progress: 150")
    result = cli("validate", flag, cwd=workspace)
    assert result.code == 1
    assert ("\x1b[" in result.stderr) is colored
