"""Workspaces to draw: the bundled data, and the UBND tỉnh plan fixture with progress files
written here (in the test's own copy: the fixture itself has none)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

# As of 10/12/2024, deadline 30/11: Sở TT&TT on time, Sở Tài chính on time, UBND thành
# phố Đồng Xoài late (3 days), UBND thị xã Bình Long a draft, UBND huyện Đồng Phú's file
# broken, Sở Nội vụ nothing. Tasks 2.1 and 2.2 are due 30/09/2024 and not done: overdue.
UBND_PROGRESS = {
    "stttt": """\
schema_version: 1
unit: stttt
year: 2024
submitted_on: 2024-11-25
tasks:
  "1":
    status: in_progress
    progress: 70
    activities:
      - {title: Chuyên mục chuyển đổi số, status: done, finished_on: 2024-05-01, budget: {planned: 120.000.000, spent: 110.000.000}}
  "2.2":
    status: delayed
    progress: 40
    activities:
      - {title: Kho dữ liệu dùng chung, status: in_progress, budget: {planned: 2.500.000.000, spent: 900.000.000}}
    difficulties:
      - {text: Chưa bố trí đủ vốn cho kho dữ liệu, resolved: false}
  "2.1":
    status: in_progress
    progress: 50
""",
    "stc": """\
schema_version: 1
unit: stc
year: 2024
submitted_on: 20/11/2024
tasks:
  "2.2":
    status: in_progress
    progress: 30
    activities:
      - {title: Thẩm định dự toán kho dữ liệu, status: done, finished_on: 2024-06-10, budget: {planned: 0, spent: 0}}
""",
    "dong-xoai": """\
schema_version: 1
unit: dong-xoai
year: 2024
submitted_on: 2024-12-03
tasks:
  "2.1":
    status: done
    progress: 100
    activities:
      - {title: Nâng cấp mạng nội bộ, status: done, finished_on: 2024-09-20, budget: {planned: 300.000.000, spent: 280.000.000}}
  "1":
    status: in_progress
    progress: 60
""",
    "binh-long": """\
schema_version: 1
unit: binh-long
year: 2024
tasks:
  "2.1":
    status: in_progress
    progress: 60
""",
    "dong-phu": """\
schema_version: 1
unit: dong-phu
year: 2024
submitted_on: 2024-11-28
tasks:
  "2.1":
    status: in_progress
    progress: 150
""",
}


@pytest.fixture
def ubnd_workspace(tmp_path: Path) -> Path:
    root = tmp_path / "ubnd"
    shutil.copytree(FIXTURES / "ubnd-tinh", root)
    folder = root / "data" / "progress" / "2024"
    folder.mkdir(parents=True)
    for unit, text in UBND_PROGRESS.items():
        (folder / f"{unit}.yaml").write_text(text, encoding="utf-8")
    return root
