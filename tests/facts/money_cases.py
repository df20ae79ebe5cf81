"""Workspaces whose activities write some amounts and not others, for the tests of how
money that nobody wrote down is told (facts, status, report, dashboard): unknown is
never 0, and only a 'spent: 0' written by the unit is 0.

The tiny plan: alpha leads task 1, beta leads 2.1; both reports are sent on time."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from kehoach_cli.facts import YearData, YearFacts, load_year, year_facts
from kehoach_cli.loading.workspace import Workspace
from tests.conftest import FIXTURES

AS_OF = date(2024, 12, 1)


def activity(title: str, budget: str | None) -> str:
    """One activity line; `budget` is the flow mapping's inside ('planned: 100'), or None
    for an activity without any budget."""
    money = f", budget: {{{budget}}}" if budget is not None else ""
    return f"      - {{title: {title}, status: in_progress{money}}}\n"


def write_unit(root: Path, unit: str, task: str, activities: list[str], other: str = "") -> None:
    folder = root / "data" / "progress" / "2024"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{unit}.yaml").write_text(
        f"schema_version: 1\nunit: {unit}\nyear: 2024\nsubmitted_on: 2024-11-15\n"
        f"tasks:\n{other}  '{task}':\n    status: in_progress\n    progress: 50\n"
        "    activities:\n" + "".join(activities),
        encoding="utf-8",
    )


def workspace(tmp_path: Path, alpha: list[str], beta: list[str]) -> Path:
    """The tiny plan with alpha's report on task 1 and beta's on 2.1, as given."""
    root = tmp_path / "tiny"
    shutil.copytree(FIXTURES / "tiny", root)
    # alpha also leads 2.2, which it must report on (here without activities)
    write_unit(root, "alpha", "1", alpha, "  '2.2':\n    status: in_progress\n    progress: 20\n")
    write_unit(root, "beta", "2.1", beta)
    return root


def data_of(root: Path) -> YearData:
    return load_year(Workspace(root), 2024, AS_OF)


def facts_of(root: Path, unit: str | None = None) -> YearFacts:
    return year_facts(data_of(root), unit=unit)


# The cases every renderer is checked on.
PLANNED_ONLY = [activity("Hội nghị", "planned: 100.000.000")]
FULLY_SPENT = [activity("Tập huấn", "planned: 50.000.000, spent: 40.000.000")]
MIXED = [
    activity("Hội nghị", "planned: 100.000.000"),
    activity("Tập huấn", "planned: 50.000.000, spent: 40.000.000"),
]
SPENT_ZERO = [activity("Khảo sát", "planned: 20.000.000, spent: 0")]
