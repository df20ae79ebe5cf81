"""One typed computation of what is true for a workspace, a year and an as-of date.

Status tables, the report and every later output (xlsx, html) render these facts; none of
them recomputes a count or reads another renderer's output. See docs/architecture.md.
"""

from kehoach_cli.facts.compute import year_facts
from kehoach_cli.facts.loading import BrokenFile, PlanUnusable, YearData, load_year
from kehoach_cli.facts.model import (
    Attributed,
    BudgetLine,
    Contribution,
    IndicatorFacts,
    SubmissionState,
    TaskFacts,
    UnitSubmission,
    YearFacts,
)

__all__ = [
    "Attributed",
    "BrokenFile",
    "BudgetLine",
    "Contribution",
    "IndicatorFacts",
    "PlanUnusable",
    "SubmissionState",
    "TaskFacts",
    "UnitSubmission",
    "YearData",
    "YearFacts",
    "load_year",
    "year_facts",
]
