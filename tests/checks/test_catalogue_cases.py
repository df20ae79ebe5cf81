"""Every check in the catalogue: one damaged copy of the bundled data that trips it alone.

The undamaged data passing clean is the passing case of every rule
(tests/test_bundled_data.py); some rules also get a near-miss that must pass here.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from kehoach_cli.checks.run import check_workspace
from kehoach_cli.diagnostics import CATALOGUE
from kehoach_cli.loading.workspace import Workspace
from tests.conftest import edit

P24 = Path("data/progress/2024")
# A sending date after today (KH324), whatever day the tests run.
IN_A_MONTH = (date.today() + timedelta(days=30)).strftime("%d/%m/%Y")
PLAN = Path("data/plan.yaml")


def write(rel: str | Path, data: bytes | str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            target.write_text(data, encoding="utf-8")
        else:
            target.write_bytes(data)

    return apply


def change(rel: str | Path, old: str, new: str) -> Callable[[Path], None]:
    return lambda root: edit(root / rel, old, new)


def prepend(rel: str | Path, text: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        target = root / rel
        target.write_text(text + target.read_text(encoding="utf-8"), encoding="utf-8")

    return apply


PERIODS = (
    "  periods:\n"
    "    - {id: 6-thang, name: 6 tháng đầu năm, months: 1-6, deadline: 05/6}\n"
    "    - {id: nam, name: năm, months: 1-12, deadline: 15/11}\n"
)


def with_six_months(unit: str, text: str, sent: str = "2024-06-04") -> Callable[[Path], None]:
    """The plan with a 6-month report, and `unit`'s 6-month file for 2024."""

    def apply(root: Path) -> None:
        edit(root / PLAN, '  deadline: "15/11"\n', PERIODS)
        head = f"schema_version: 1\nunit: {unit}\nyear: 2024\nsubmitted_on: {sent}\n"
        write(P24 / "6-thang" / f"{unit}.yaml", head + text)(root)

    return apply


def folder_named_like_yaml(root: Path) -> None:
    (root / P24 / "qlkh.yaml").unlink()
    (root / P24 / "qlkh.yaml").mkdir()


def moved_to_wrong_year(root: Path) -> None:
    shutil.move(root / P24 / "thanhtra.yaml", root / "data/progress/2023/thanhtra.yaml")


def copied_as(name: str, unit: str | None = None) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        text = (root / P24 / "qlkh.yaml").read_text(encoding="utf-8")
        if unit:
            text = text.replace("unit: qlkh", f"unit: {unit}")
        (root / P24 / name).write_text(text, encoding="utf-8")

    return apply


def symlink_outside(root: Path) -> None:
    outside = root.parent / f"{root.name}-outside.yaml"
    shutil.copy(root / P24 / "qlkh.yaml", outside)
    (root / P24 / "qlkh.yaml").unlink()
    os.symlink(outside, root / P24 / "qlkh.yaml")


def freshly_scaffolded(root: Path) -> None:
    from kehoach_cli.checks.run import load_plan
    from kehoach_cli.model.index import PlanIndex
    from kehoach_cli.scaffold.progress_file import progress_file_text

    plan, _ = load_plan(Workspace(root))
    assert plan is not None
    text = progress_file_text(PlanIndex.build(plan), "qlkh", 2024)
    (root / P24 / "qlkh.yaml").write_text(text, encoding="utf-8")


QLKH = P24 / "qlkh.yaml"
HEAD = "schema_version: 1\n"

# code → (damage, file that must carry the issue, line or None)
CASES: dict[str, tuple[Callable[[Path], None], Path, int | None]] = {
    "KH001": (folder_named_like_yaml, QLKH, None),
    "KH002": (write(QLKH, b"unit: Vi\xd2t\n"), QLKH, 1),
    "KH003": (write(QLKH, b"# " + b"x" * (6 * 1024 * 1024)), QLKH, None),
    "KH004": (change(QLKH, "prepared_by: Trần Văn Hùng", "prepared_by: Trần\x07Văn Hùng"), QLKH, 8),
    "KH005": (change(QLKH, "year: 2024", "year 2024\n  x: : y"), QLKH, None),
    "KH006": (change(QLKH, "year: 2024", "year: 2024\nunit: qlkh"), QLKH, 7),
    "KH007": (
        change(
            QLKH,
            "status: in_progress\n    progress: 70%",
            "status: &s in_progress\n    progress: 70%",
        ),
        QLKH,
        12,
    ),
    "KH008": (
        change(QLKH, "year: 2024", "year: !!python/object/apply:os.system ['true']"),
        QLKH,
        6,
    ),
    "KH009": (change(QLKH, "year: 2024", "year: 2024\n<<: {prepared_by: x}"), QLKH, 7),
    "KH010": (change(QLKH, "year: 2024", "year: 2024\nx: " + "[" * 100 + "]" * 100), QLKH, 7),
    "KH011": (change(QLKH, "year: 2024", "year: 2024\n---\nb: 1"), QLKH, 7),
    "KH012": (write(QLKH, "# chưa điền gì\n"), QLKH, None),
    "KH013": (change(QLKH, "year: 2024", "year: 2024\n? [a, b]\n: 1"), QLKH, 7),
    "KH101": (
        change(
            QLKH,
            "status: in_progress\n    progress: 70%",
            "stauts: in_progress\n    status: in_progress\n    progress: 70%",
        ),
        QLKH,
        12,
    ),
    "KH102": (change(QLKH, "year: 2024\n", ""), QLKH, None),
    "KH103": (
        change(
            QLKH,
            "next_year:\n      - Trình UBND tỉnh ban hành chính sách thu hút nhân lực khoa học và công nghệ.\n",
            "next_year: 5\n",
        ),
        QLKH,
        44,
    ),
    "KH104": (
        change(QLKH, "status: in_progress\n    progress: 70%", "status: xong\n    progress: 70%"),
        QLKH,
        12,
    ),
    "KH105": (change(QLKH, "progress: 70%", "progress: 150"), QLKH, 13),
    "KH106": (change(QLKH, "submitted_on: 2024-11-12", "submitted_on: 31/02/2024"), QLKH, 7),
    "KH107": (change(QLKH, "planned: 150.000.000", "planned: -150.000.000"), QLKH, 20),
    "KH108": (change(QLKH, "unit: qlkh", "unit: ../qlkh"), QLKH, 5),
    "KH109": (change(QLKH, "prepared_by: Trần Văn Hùng", 'prepared_by: ""'), QLKH, 8),
    "KH110": (change(QLKH, "schema_version: 1", "schema_version: 9"), QLKH, 4),
    "KH201": (
        change(
            PLAN,
            "  - id: cuc-thong-ke\n",
            "  - id: qlkh\n    name: Trùng mã\n    kind: phong\n  - id: cuc-thong-ke\n",
        ),
        PLAN,
        149,
    ),
    "KH111": (
        change(PLAN, "lead: thanhtra", "lead: thanhtra\n        deadline: 31/9/2024"),
        PLAN,
        None,
    ),
    "KH202": (change(PLAN, 'id: "2.5"', 'id: "3.5"'), PLAN, None),
    "KH203": (change(PLAN, "lead: thanhtra", "lead: thanh-tra"), PLAN, None),
    "KH204": (
        change(PLAN, "cooperate: [group:phong-chuyen-mon]", "cooperate: [group:phong-chuyen]"),
        PLAN,
        None,
    ),
    "KH205": (
        change(
            PLAN,
            "lead: khtc\n        cooperate: [group:phong-don-vi]",
            "lead: khtc\n        cooperate: [group:phong-don-vi, khtc]",
        ),
        PLAN,
        None,
    ),
    "KH206": (change(PLAN, 'task: "2.6"', 'task: "2.9"'), PLAN, None),
    "KH207": (change(PLAN, "lead: thanhtra", "lead: cuc-thong-ke"), PLAN, None),
    "KH208": (change(PLAN, 'deadline: "15/11"', 'deadline: "31/11"'), PLAN, None),
    "KH209": (
        change(
            PLAN,
            "members: [ttkhcn, qlkh, qlcn, tdc, khtc, thanhtra]",
            "members: [ttkhcn, qlkh, qlcn, tdc, khtc, thanhtra, group:phong-don-vi]",
        ),
        PLAN,
        None,
    ),
    "KH210": (change(PLAN, "        lead: thanhtra\n", ""), PLAN, None),
    "KH213": (
        change(PLAN, "lead: thanhtra", "lead: thanhtra\n        deadline: sớm nhất có thể"),
        PLAN,
        None,
    ),
    "KH214": (
        change(PLAN, "name: Phòng Quản lý Khoa học\n", "name: UBND phường Tân Hòa\n"),
        PLAN,
        None,
    ),
    "KH215": (
        lambda root: (
            edit(root / PLAN, 'date: "2023"', 'date: "2026"'),
            edit(root / PLAN, "lead: thanhtra", "lead: thanhtra\n        deadline: Quý IV/2025"),
        ),
        PLAN,
        None,
    ),
    "KH212": (change(PLAN, 'deadline: "15/11"', 'deadline: "15/01"'), PLAN, None),
    "KH325": (
        change(
            Path("data/progress/2023/tdc.yaml"),
            "finished_on: 07/11/2023",
            "finished_on: 24/11/2023",
        ),
        Path("data/progress/2023/tdc.yaml"),
        18,
    ),
    "KH220": (
        change(
            PLAN,
            "    name: Phòng Quản lý Khoa học\n    short_name: Phòng QLKH\n    kind: phong",
            "    name: Ban Chỉ huy Quân sự\n    short_name: Phòng QLKH\n    kind: ubnd_xa",
        ),
        PLAN,
        None,
    ),
    "KH301": (moved_to_wrong_year, Path("data/progress/2023/thanhtra.yaml"), 7),
    "KH302": (copied_as("qlcn2.yaml"), P24 / "qlcn2.yaml", 5),
    "KH303": (copied_as("phong-moi.yaml", unit="phong-moi"), P24 / "phong-moi.yaml", 5),
    "KH304": (
        change(
            QLKH,
            '  "1":  # Thông tin',
            '  "2.10":\n    status: done\n    progress: 100\n  "1":  # Thông tin',
        ),
        QLKH,
        46,
    ),
    "KH305": (
        change(
            QLKH,
            '  "1":  # Thông tin',
            '  "2.2":\n    status: done\n    progress: 100\n  "1":  # Thông tin',
        ),
        QLKH,
        46,
    ),
    "KH306": (
        change(P24 / "thanhtra.yaml", '"2.5":  # Phân cấp', '"2.4":  # Phân cấp'),
        P24 / "thanhtra.yaml",
        None,
    ),
    "KH307": (
        change(P24 / "qlcn.yaml", "due: 31/12/2024", "due: 31/12/2025"),
        P24 / "qlcn.yaml",
        None,
    ),
    "KH308": (change(QLKH, "start: 01/07/2024", "start: 21/12/2024"), QLKH, None),
    "KH309": (change(P24 / "tdc.yaml", "progress: 100%", "progress: 90%"), P24 / "tdc.yaml", None),
    "KH310": (change(QLKH, "spent: 142.300.000", "spent: 152.300.000"), QLKH, 20),
    "KH311": (change(P24 / "khtc.yaml", "  tfp:", "  tpf:"), P24 / "khtc.yaml", None),
    "KH312": (change(PLAN, 'task: "2.6"', 'task: "2"'), P24 / "khtc.yaml", None),
    "KH313": (
        change(P24 / "ttkhcn.yaml", "        finished_on: 25/10/2024\n", ""),
        P24 / "ttkhcn.yaml",
        None,
    ),
    "KH314": (
        change(P24 / "ttkhcn.yaml", "finished_on: 2024-05-28", "finished_on: 2024-05-01"),
        P24 / "ttkhcn.yaml",
        None,
    ),
    "KH315": (copied_as("qlkh.yml"), P24 / "qlkh.yml", None),
    "KH316": (copied_as("QLKH bản cuối.yaml"), P24 / "QLKH bản cuối.yaml", None),
    "KH317": (symlink_outside, QLKH, None),
    "KH319": (freshly_scaffolded, QLKH, None),
    "KH320": (
        with_six_months(
            "qlcn",
            "tasks:\n  '2.2': {status: in_progress, progress: 30}\n"
            "  '2.4':\n    status: in_progress\n    progress: 20\n    activities:\n"
            "      - {title: A, status: done, finished_on: 2024-08-01}\n",
            sent="2024-08-05",  # sent late, after the work it states (else KH325 too)
        ),
        P24 / "6-thang" / "qlcn.yaml",
        11,
    ),
    "KH321": (
        with_six_months(
            "qlcn",
            "tasks:\n  '2.2': {status: in_progress, progress: 30}\n"
            "  '2.4': {status: in_progress, progress: 50}\n",
        ),
        P24 / "qlcn.yaml",
        None,
    ),
    "KH323": (
        change(PLAN, "period: {start: 2023, end: 2030}", "period: {start: 2023, end: 2023}"),
        P24 / "qlkh.yaml",
        6,
    ),
    "KH324": (
        change(QLKH, "submitted_on: 2024-11-12", f"submitted_on: {IN_A_MONTH}"),
        QLKH,
        7,
    ),
    "KH322": (
        write(
            P24 / "quy-5" / "tdc.yaml",
            "schema_version: 1\nunit: tdc\nyear: 2024\n"
            "tasks:\n  '2.3': {status: in_progress, progress: 50}\n",
        ),
        P24 / "quy-5" / "tdc.yaml",
        None,
    ),
}


def test_every_catalogue_code_has_a_failing_case():
    assert set(CASES) == set(CATALOGUE)


@pytest.mark.parametrize("code", sorted(set(CASES) - {"KH318"}))
def test_damage_trips_exactly_its_rule(code: str, workspace: Path):
    damage, expected_file, expected_line = CASES[code]
    damage(workspace)
    issues = check_workspace(Workspace(workspace)).issues
    assert {issue.code for issue in issues} == {code}, [
        (i.code, i.message, i.file, i.position) for i in issues
    ]
    [issue] = [issue for issue in issues if issue.file == workspace / expected_file]
    assert issue.message and issue.hint is not None
    if expected_line is not None:
        assert issue.position is not None and issue.position.line == expected_line


def test_kh318_path_outside_the_data_layout(workspace: Path):
    stray = workspace / "ghi-chu.yaml"
    stray.write_text("a: 1\n", encoding="utf-8")
    issues = check_workspace(Workspace(workspace), paths=[stray]).issues
    assert [issue.code for issue in issues] == ["KH318"]


CASES["KH318"] = (lambda root: None, Path("ghi-chu.yaml"), None)


@pytest.mark.parametrize(
    ("rel", "old", "new"),
    [
        # near misses that must stay clean
        (QLKH, "spent: 142.300.000", "spent: 150.000.000"),  # spent == planned
        (
            P24 / "tdc.yaml",
            "status: done\n    progress: 100%",
            "status: cancelled\n    progress: 100%",
        ),
        (QLKH, "start: 01/07/2024", "start: 20/12/2024"),  # start == due
        (QLKH, "unit: qlkh", 'unit: "qlkh"'),
        (P24 / "khtc.yaml", 'value: "47,9"', "value: 47"),
        (P24 / "khtc.yaml", 'value: "47,9"', "value: -3"),  # a fall: negative values are data
    ],
)
def test_near_misses_pass(workspace: Path, rel: Path, old: str, new: str):
    edit(workspace / rel, old, new)
    assert check_workspace(Workspace(workspace)).issues == []
