"""Money facts: a spent amount nobody wrote is unknown, never 0 — the spent sum covers
only what was written, says how many priced activities it leaves out, and no rate is told
over a sum that leaves some out. Only 'spent: 0' written by the unit is 0."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kehoach_cli.facts.model import Money
from tests.facts.money_cases import (
    FULLY_SPENT,
    MIXED,
    PLANNED_ONLY,
    SPENT_ZERO,
    activity,
    facts_of,
    workspace,
)


def money_by_unit(root: Path) -> dict[str, Money | None]:
    return {line.key: line.money for line in facts_of(root).budget}


def test_planned_without_spent_is_not_spent_zero(tmp_path: Path):
    alpha = money_by_unit(workspace(tmp_path, PLANNED_ONLY, FULLY_SPENT))["alpha"]
    assert alpha is not None
    assert (alpha.planned, alpha.priced) == (100_000_000, 1)
    assert (alpha.spent_known, alpha.spent_missing) == (0, 1)
    assert not alpha.spent_given  # 'không ghi', not 0 đồng
    assert alpha.rate is None  # not 0%


def test_a_mix_sums_what_was_written_and_says_what_it_leaves_out(tmp_path: Path):
    facts = facts_of(workspace(tmp_path, MIXED, FULLY_SPENT))
    alpha = facts.budget[0].money
    assert alpha is not None
    assert (alpha.planned, alpha.spent) == (150_000_000, 40_000_000)
    assert (alpha.priced, alpha.spent_known, alpha.spent_missing) == (2, 1, 1)
    assert alpha.spent_partial and alpha.rate is None
    total = facts.budget_total
    assert (total.planned, total.spent, total.spent_missing) == (200_000_000, 80_000_000, 1)
    assert total.spent_partial and total.rate is None  # 40% would be a guess
    # the task alpha leads carries the same facts as its line
    assert facts.task("1").money.spent_missing == 1


def test_every_spent_known_gives_the_rate(tmp_path: Path):
    beta = money_by_unit(workspace(tmp_path, SPENT_ZERO, FULLY_SPENT))["beta"]
    assert beta is not None and not beta.spent_partial
    assert beta.rate == Decimal(80)


def test_spent_zero_written_is_zero(tmp_path: Path):
    alpha = money_by_unit(workspace(tmp_path, SPENT_ZERO, FULLY_SPENT))["alpha"]
    assert alpha is not None
    assert (alpha.spent, alpha.spent_known, alpha.spent_missing) == (0, 1, 0)
    assert alpha.spent_given and alpha.rate == Decimal(0)


def test_an_activity_without_a_budget_leaves_no_spent_missing(tmp_path: Path):
    """No planned amount: nothing was budgeted to disburse, as for the planned sum."""
    unpriced = [activity("Họp", None), *FULLY_SPENT]
    alpha = money_by_unit(workspace(tmp_path, unpriced, FULLY_SPENT))["alpha"]
    assert alpha is not None
    assert (alpha.activities, alpha.priced, alpha.spent_missing) == (2, 1, 0)
    assert alpha.rate == Decimal(80)


def test_spent_without_planned_is_a_known_spent_amount(tmp_path: Path):
    alpha = money_by_unit(workspace(tmp_path, [activity("Họp", "spent: 5.000.000")], FULLY_SPENT))[
        "alpha"
    ]
    assert alpha is not None
    assert (alpha.planned_given, alpha.spent_given, alpha.spent) == (False, True, 5_000_000)
    assert alpha.rate is None  # nothing planned to measure it against


def test_a_units_own_total_keeps_the_counts(tmp_path: Path):
    total = facts_of(workspace(tmp_path, MIXED, FULLY_SPENT), unit="alpha").budget_total
    assert (total.priced, total.spent_known, total.spent_missing) == (2, 1, 1)
    assert total.rate is None
