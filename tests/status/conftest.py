from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from kehoach_cli.facts import YearFacts, load_year, year_facts
from kehoach_cli.loading.workspace import Workspace
from tests.conftest import FIXTURES


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "tiny", tmp_path / "tiny")
    return tmp_path / "tiny"


def write_beta(
    root: Path, year: int = 2024, submitted: str | None = "2024-11-16", extra: str = ""
) -> None:
    folder = root / "data" / "progress" / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    submitted_line = f"submitted_on: {submitted}\n" if submitted else ""
    (folder / "beta.yaml").write_text(
        f"schema_version: 1\nunit: beta\nyear: {year}\n{submitted_line}"
        "tasks:\n  '2.1':\n    status: in_progress\n    progress: 40\n"
        "    activities:\n      - {title: B1, status: done, finished_on: "
        f"{year}-05-01, budget: {{planned: 200, spent: 150}}}}\n" + extra,
        encoding="utf-8",
    )


def load(
    root: Path,
    year: int = 2024,
    as_of: date = date(2024, 12, 1),
    unit: str | None = None,
    task: str | None = None,
) -> YearFacts:
    return year_facts(load_year(Workspace(root), year, as_of), unit=unit, task=task)
