"""Reading a generated report as plain text, for tests that check its claims (issue 21).

The reports are made through the public path a clerk uses (`kehoach report … -o FILE`, run
in-process through the real entry point) and read back with python-docx, so the tests hold
whatever module phrases a sentence. Only the document's text is asserted on: paragraphs
in order, then every table row as its cells joined by " | " (a merged cell once), then
the headers and footers. Non-breaking spaces read as spaces.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import docx
import pytest

from kehoach_cli.cli.app import main
from tests.conftest import REPO

HUYEN = REPO / "examples" / "huyen-chuyen-doi-so"
TINH = REPO / "examples" / "ubnd-tinh-ha-tang-so"
BUNDLED = REPO  # the bundled workspace: REPO/data


def copy_workspace(source: Path, tmp_path: Path) -> Path:
    """A scratch copy of a workspace (its data/), that a test may edit."""
    root = tmp_path / source.name
    shutil.copytree(source / "data", root / "data")
    return root


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            cells: list[str] = []
            for cell in row.cells:
                if not cells or cell.text != cells[-1]:  # a merged cell is listed once
                    cells.append(cell.text)
            lines.append(" | ".join(cells))
    for section in document.sections:
        for part in (section.header, section.footer):
            lines.extend(p.text for p in part.paragraphs)
    return "\n".join(lines).replace("\u00a0", " ")


def report_text(
    root: Path,
    year: int,
    tmp_path: Path,
    *,
    unit: str | None = None,
    period: str | None = None,
    as_of: date | None = None,
) -> str:
    """The text of `kehoach report` for these options; the command must succeed."""
    name = f"r-{year}-{period or 'nam'}-{unit or 'all'}-{as_of or 'today'}.docx"
    target = tmp_path / name
    args = ["report", "--root", str(root), "--year", str(year), "-o", str(target)]
    if unit:
        args += ["--unit", unit]
    if period:
        args += ["--period", period]
    if as_of:
        args += ["--as-of", as_of.isoformat()]
    code = main(args)
    assert code == 0, f"kehoach {' '.join(args)} → exit {code}"
    return docx_text(target)


def dashboard_html(
    root: Path, year: int, tmp_path: Path, as_of: date, period: str | None = None
) -> str:
    target = tmp_path / f"dash-{year}-{period or 'nam'}-{as_of}.html"
    args = ["dashboard", "--root", str(root), "--year", str(year), "-o", str(target)]
    args += ["--as-of", as_of.isoformat(), *(["--period", period] if period else [])]
    code = main(args)
    assert code == 0, f"kehoach {' '.join(args)} → exit {code}"
    return target.read_text(encoding="utf-8")


# --- finding parts of the text ------------------------------------------------------------


def section(text: str, start: str, end: str) -> str:
    """The lines from the first line matching `start` up to (not including) the next
    line matching `end`."""
    lines = text.splitlines()
    begin = next((i for i, line in enumerate(lines) if re.search(start, line)), None)
    if begin is None:
        pytest.fail(f"no line matches {start!r} in the report")
    stop = next((i for i in range(begin + 1, len(lines)) if re.search(end, lines[i])), len(lines))
    return "\n".join(lines[begin:stop])


def shortcomings(text: str) -> str:
    """Section III.2 'Tồn tại, hạn chế' (up to III.3)."""
    return section(text, r"^\d\. Tồn tại, hạn chế", r"^\d\. Nguyên nhân|^IV\.")


def task_block(text: str, task_id: str) -> str:
    """Section II's account of one task: from its heading '… (nhiệm vụ ID)' to the next
    heading of a task or of a table or section."""
    heading = rf"\(nhiệm vụ {re.escape(task_id)}\)$"
    return section(text, heading, r"\(nhiệm vụ [\d.]+\)$|^Bảng \d|^[IV]+\. ")


def table_rows(text: str, first_cell: str) -> list[str]:
    """Table rows whose first cell is exactly `first_cell`."""
    return [line for line in text.splitlines() if line.startswith(f"{first_cell} | ")]


def task_row(text: str, task_id: str) -> str:
    """The row of Bảng 1 (task progress) for one task: its second cell is the task's name,
    so the budget and appendix rows numbered alike are told apart by `names`."""
    rows = [r for r in table_rows(text, task_id) if r.count(" | ") >= 4]
    assert rows, f"no table row for task {task_id}"
    return rows[0]


def listed_ids(line: str) -> set[str]:
    """The task numbers a sentence lists as 'ID (name)'."""
    return set(re.findall(r"(?:: |; |, )(\d+(?:\.\d+)*) \(", line))


def parse_vn_date(text: str) -> date:
    day, month, year = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", text).groups()  # type: ignore[union-attr]
    return date(int(year), int(month), int(day))


def date_line(text: str) -> tuple[str, date]:
    """The place and date under the national motto: 'Place, ngày DD tháng MM năm YYYY'."""
    found = re.search(
        r"(?:^|\| )([^|\n]*?), ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", text, re.M
    )
    assert found, "no date line in the report"
    place, day, month, year = found.groups()
    return place.strip(), date(int(year), int(month), int(day))
