from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from kehoach_cli.status.render import render_rich
from kehoach_cli.status.views import VIEW_NAMES
from tests.conftest import edit

VIEWS = list(VIEW_NAMES)
TITLES = ["Tiến độ các nhiệm vụ", "Tình hình gửi báo cáo", "Chỉ tiêu", "Kinh phí", "Các đơn vị"]


def status(cli, workspace: Path, *args: str):
    return cli("status", "--year", "2024", "--as-of", "2024-12-01", *args, cwd=workspace)


def test_overview_shows_every_view_plain_when_piped(cli, workspace: Path):
    result = status(cli, workspace)
    assert result.code == 0, result.stderr
    for title in TITLES:
        assert title in result.stdout
    assert "gửi muộn" in result.stdout and "chậm tiến độ" in result.stdout
    assert "\x1b[" not in result.stdout
    assert not set("╭╮╰╯│─┃━") & set(result.stdout)
    assert all(len(line) <= 100 for line in result.stdout.splitlines())


@pytest.mark.parametrize("view", VIEWS)
def test_each_view_as_table(cli, workspace: Path, view: str):
    result = status(cli, workspace, "--by", view)
    assert result.code == 0
    assert TITLES[VIEWS.index(view)] in result.stdout
    # every view points at the late unit and the delayed task
    assert "Thanh tra Sở (gửi muộn)" in result.stdout
    assert "chậm tiến độ: 2.4" in result.stdout


@pytest.mark.parametrize("view", VIEWS)
def test_json_of_each_view_parses_and_matches_the_table(cli, workspace: Path, view: str):
    document = json.loads(status(cli, workspace, "--by", view, "--format", "json").stdout)
    assert (document["year"], document["as_of"], document["deadline"]) == (
        2024,
        "2024-12-01",
        "2024-11-15",
    )
    rows = document["views"][view]["rows"]
    assert rows
    table = cli(
        "status",
        "--year",
        "2024",
        "--as-of",
        "2024-12-01",
        "--by",
        view,
        cwd=workspace,
        env={"COLUMNS": "200"},
    ).stdout
    if view == "task":
        delayed = next(r for r in rows if r["status"] == "delayed")
        assert (delayed["task"], delayed["status_label"], delayed["progress"]) == (
            "2.4",
            "chậm tiến độ",
            35,
        )
        line = next(line for line in table.splitlines() if line.lstrip().startswith("2.4"))
        assert (
            "35%" in line and f"{delayed['activities_done']}/{delayed['activities_total']}" in line
        )
        assert f"{delayed['planned']:,}".replace(",", ".") in line
    if view == "submission":
        late = next(r for r in rows if r["state"] == "late")
        assert (late["unit"], late["days_late"], late["submitted_on"]) == (
            "thanhtra",
            5,
            "2024-11-20",
        )
        line = next(line for line in table.splitlines() if line.startswith("thanhtra"))
        assert "20/11/2024" in line and line.split()[-2:] == ["5", "—"]  # late 5, not overdue
    if view == "budget":
        total = document["views"]["budget"]["total"]
        assert total["planned"] == sum(r["planned"] for r in rows)
        assert f"{total['planned']:,}".replace(",", ".") in table
        assert f"{total['spent']:,}".replace(",", ".") in table
        assert f"{total['rate']:.1f}".replace(".", ",") + "%" in table
    if view == "indicator":
        [tfp] = rows
        assert tfp["values"] == {"2023": 45.2, "2024": 47.9}
        assert tfp["target"] == 62.8 and "62,8%" in table and "47,9%" in table
        assert tfp["assessment"] == "on_track" and "có khả năng đạt (ước tính)" in table
    if view == "unit":
        unit = next(r for r in rows if r["unit"] == "qlcn")
        assert [s["status"] for s in unit["led"]] == ["in_progress", "delayed"]


def test_overview_json_has_all_views_and_the_attention_list(cli, workspace: Path):
    document = json.loads(status(cli, workspace, "--format", "json").stdout)
    assert list(document["views"]) == VIEWS
    assert document["attention"] == {
        "late_units": [{"unit": "thanhtra", "unit_name": "Thanh tra Sở", "state": "late"}],
        "delayed_tasks": [
            {
                "task": "2.4",
                "name": "Hệ sinh thái đổi mới sáng tạo, khởi nghiệp, chuyển giao công nghệ",
                "lead": "Phòng QLCN",
            }
        ],
        "overdue_tasks": [],  # the bundled plan gives its tasks no deadline
    }


@pytest.mark.parametrize("view", VIEWS)
def test_csv_is_utf8_with_bom_and_parses(cli, workspace: Path, view: str):
    result = status(cli, workspace, "--by", view, "--format", "csv")
    assert result.code == 0
    assert result.stdout.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert len(rows) >= 2 and all(len(row) == len(rows[0]) for row in rows)
    if view == "budget":
        assert rows[-1][1] == "Tổng cộng"
        assert int(rows[-1][3]) == sum(int(row[3]) for row in rows[1:-1])


def test_csv_without_by_prints_the_task_table_and_says_so(cli, workspace: Path):
    result = status(cli, workspace, "--format", "csv")
    assert result.code == 0 and "--by" in result.stderr
    assert result.stdout.lstrip("\ufeff").startswith("NV,Nhiệm vụ")


@pytest.mark.parametrize("view", VIEWS)
def test_markdown(cli, workspace: Path, view: str):
    result = status(cli, workspace, "--by", view, "--format", "markdown")
    assert result.code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("# Kế hoạch")
    assert any(line.startswith("|---") or line.startswith("|--") for line in lines)


def test_filters(cli, workspace: Path):
    by_unit = json.loads(status(cli, workspace, "--unit", "thanhtra", "--format", "json").stdout)[
        "views"
    ]
    assert [r["unit"] for r in by_unit["submission"]["rows"]] == ["thanhtra"]
    assert {r["task"] for r in by_unit["task"]["rows"]} == {
        "2.1",
        "2.2",
        "2.3",
        "2.4",
        "2.5",
        "2.6",
    }
    by_task = json.loads(
        status(cli, workspace, "--by", "task", "--task", "2", "--format", "json").stdout
    )
    assert [r["task"] for r in by_task["views"]["task"]["rows"]] == [
        "2",
        "2.1",
        "2.2",
        "2.3",
        "2.4",
        "2.5",
        "2.6",
    ]
    delayed = json.loads(
        status(cli, workspace, "--by", "task", "--status", "delayed", "--format", "json").stdout
    )
    assert [r["task"] for r in delayed["views"]["task"]["rows"]] == ["2.4"]
    late = json.loads(
        status(cli, workspace, "--by", "submission", "--status", "late", "--format", "json").stdout
    )
    assert [r["unit"] for r in late["views"]["submission"]["rows"]] == ["thanhtra"]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("--unit", "khong-co"), "qlkh"),
        (("--task", "9"), "2.6"),
        (("--status", "xong"), "delayed"),
        (("--as-of", "31/02/2024"), "không tồn tại"),
        (("--by", "tien-do"), "không thuộc"),
    ],
)
def test_bad_options_are_usage_errors(cli, workspace: Path, args, needle):
    result = cli("status", "--year", "2024", *args, cwd=workspace)
    assert result.code == 2
    assert needle in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("as_of", "code", "needle"),
    [
        ("2024-11-15", 0, "chưa qua (còn 0 ngày)"),  # on the day
        (
            "2024-11-16",
            1,
            "Thanh tra Sở (thanhtra): chưa gửi, quá hạn 1 ngày",
        ),  # the day after
        ("2024-11-21", 1, "Thanh tra Sở (thanhtra): gửi muộn 5 ngày (gửi 20/11/2024)"),
    ],
)
def test_check_deadline(cli, workspace: Path, as_of, code, needle):
    result = cli("status", "--year", "2024", "--check-deadline", "--as-of", as_of, cwd=workspace)
    assert result.code == code
    assert needle in result.stdout


def test_check_deadline_names_a_missing_unit_and_passes_when_all_on_time(cli, workspace: Path):
    (workspace / "data/progress/2024/qlkh.yaml").unlink()
    result = cli(
        "status", "--year", "2024", "--check-deadline", "--as-of", "2024-12-01", cwd=workspace
    )
    assert result.code == 1 and "Phòng QLKH (qlkh): chưa gửi, quá hạn 16 ngày" in result.stdout
    edit(
        workspace / "data/progress/2024/thanhtra.yaml",
        "submitted_on: 20/11/2024",
        "submitted_on: 15/11/2024",
    )
    shutil.copy(
        workspace / "data/progress/2023/qlkh.yaml", workspace / "data/progress/2024/qlkh.yaml"
    )
    edit(workspace / "data/progress/2024/qlkh.yaml", "year: 2023", "year: 2024")
    edit(
        workspace / "data/progress/2024/qlkh.yaml",
        "submitted_on: 2023-11-10",
        "submitted_on: 2024-11-10",
    )
    for line in ("start: 01/08/2023", "due: 30/11/2023", "finished_on: 27/10/2023"):
        edit(workspace / "data/progress/2024/qlkh.yaml", line, line.replace("2023", "2024"))
    result = cli(
        "status", "--year", "2024", "--check-deadline", "--as-of", "2024-12-01", cwd=workspace
    )
    assert result.code == 0, result.stdout + result.stderr


def test_bad_files_are_skipped_with_one_line(cli, workspace: Path):
    (workspace / "data/progress/2024/qlkh.yaml").write_bytes(b"\xff\xfe garbage")
    edit(workspace / "data/progress/2024/tdc.yaml", "progress: 100%", "progress: 150")
    result = status(cli, workspace)
    assert result.code == 1  # what could be shown is shown; the data still has problems
    skipped = [line for line in result.stderr.splitlines() if line.startswith("Bỏ qua")]
    assert len(skipped) == 1 and "2 tệp" in skipped[0] and "kehoach validate" in skipped[0]
    assert "tệp có lỗi" in result.stdout  # the units' rows say why they are not counted


def test_broken_plan_is_a_data_error_not_a_crash(cli, workspace: Path):
    (workspace / "data/plan.yaml").write_text("schema_version: 1\n", encoding="utf-8")
    result = status(cli, workspace)
    assert result.code == 1
    assert "kehoach validate" in result.stderr and "Traceback" not in result.stderr


def test_year_without_data_says_so(cli, workspace: Path):
    result = cli("status", "--year", "2030", "--as-of", "2030-12-01", cwd=workspace)
    assert result.code == 0
    assert "các năm có dữ liệu: 2023, 2024" in result.stderr


def test_default_year_comes_from_as_of(cli, workspace: Path):
    result = cli(
        "status", "--by", "submission", "--format", "json", "--as-of", "16/11/2024", cwd=workspace
    )
    assert json.loads(result.stdout)["year"] == 2024


def test_boxed_overview_fits_100_columns(workspace: Path):
    from datetime import date

    from rich.cells import cell_len

    from kehoach_cli.facts import load_year as load_status_data
    from kehoach_cli.facts import year_facts
    from kehoach_cli.loading.workspace import Workspace
    from kehoach_cli.status.views import build_view

    data = year_facts(load_status_data(Workspace(workspace), 2024, date(2024, 12, 1)))
    views = [build_view(name, data) for name in VIEWS]
    text = render_rich(views, boxed=True, compact=True, width=100)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    assert "╭" in plain and "█" in plain
    assert max(cell_len(line) for line in plain.splitlines()) <= 100


# ------------------------------------------------------------------ -o, xlsx, colour


def test_xlsx_needs_an_output_file(cli, workspace: Path):
    result = status(cli, workspace, "--format", "xlsx")
    assert result.code == 2 and "-o TỆP.xlsx" in result.stderr and result.stdout == ""


def test_output_file_for_a_text_format_is_written_whole(cli, workspace: Path):
    result = status(cli, workspace, "--format", "markdown", "-o", "tinh-hinh.md")
    assert result.code == 0 and result.stdout == ""
    assert (workspace / "tinh-hinh.md").read_text(encoding="utf-8").startswith("# Kế hoạch")


def test_output_that_is_not_a_file_is_refused(cli, workspace: Path):
    (workspace / "thu-muc").mkdir()
    result = status(cli, workspace, "--format", "csv", "--by", "task", "-o", "thu-muc")
    assert result.code == 2 and "Traceback" not in result.stderr


def _on_a_terminal(args: list[str], env: dict[str, str], cwd: Path) -> bytes:
    """What `kehoach ARGS` writes to a pseudo-terminal (its stdout and stderr)."""
    import os
    import pty
    import subprocess
    import sys

    primary, secondary = pty.openpty()
    command = [sys.executable, "-m", "kehoach_cli", *args]
    process = subprocess.Popen(
        command, stdout=secondary, stderr=secondary, stdin=subprocess.DEVNULL, cwd=cwd, env=env
    )
    os.close(secondary)
    output = b""
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # EIO: the other side closed
            break
        if not chunk:
            break
        output += chunk
    os.close(primary)
    assert process.wait(timeout=120) == 0, output.decode("utf-8", "replace")
    return output


@pytest.mark.parametrize(
    ("extra_env", "args", "colored"),
    [
        ({"NO_COLOR": "1"}, [], False),
        ({}, ["--no-color"], False),
        ({}, [], True),  # the control: on a terminal, colour by default
        ({"NO_COLOR": "1"}, ["--color"], True),
    ],
)
def test_no_color_on_a_terminal(workspace: Path, extra_env, args, colored):
    import os
    import sys

    if sys.platform == "win32":
        pytest.skip("pseudo-terminals are POSIX")
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "GITHUB_ACTIONS")}
    env.update({"TERM": "xterm-256color", "COLUMNS": "120", "KEHOACH_ROOT": str(workspace)})
    env.update(extra_env)
    command = ["status", "--year", "2024", "--as-of", "2024-12-01", *args]
    output = _on_a_terminal(command, env, workspace)
    assert "Tiến độ các nhiệm vụ".encode() in output
    assert "╭".encode() in output  # still a terminal's table: boxes are not colour
    assert (b"\x1b" in output) is colored


def test_xlsx_is_not_written_to_a_terminal(workspace: Path):
    import os
    import pty
    import subprocess
    import sys

    primary, secondary = pty.openpty()
    env = {**os.environ, "KEHOACH_ROOT": str(workspace)}
    command = [sys.executable, "-m", "kehoach_cli", "status", "--year", "2024"]
    result = subprocess.run(
        [*command, "--format", "xlsx", "-o", "-"],
        stdout=secondary, stderr=subprocess.PIPE, env=env, timeout=120, check=False,
    )  # fmt: skip
    os.close(secondary)
    os.close(primary)
    assert result.returncode == 2
    assert "không in tệp xlsx ra màn hình" in result.stderr.decode("utf-8")
