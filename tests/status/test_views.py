from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kehoach_cli.facts.indicators import assess as assess_with_projection
from kehoach_cli.model.plan import Comparison, Indicator, Period
from kehoach_cli.status.views import (
    budget_view,
    deadline_failures,
    indicators_view,
    submissions_view,
    tasks_view,
    units_view,
)
from tests.conftest import REPO
from tests.status.conftest import load, write_beta


def assess(indicator, values, year):
    trend, assessment, _projection = assess_with_projection(indicator, values, year)
    return trend, assessment


def submission_of(facts, unit_id):
    return facts.submission(unit_id)


def rows_by(view, key):
    return {row[key]: row for row in view.rows}


def test_task_rows_in_plan_order_with_aggregates(tiny):
    write_beta(tiny)
    rows = tasks_view(load(tiny)).rows
    assert [row["task"] for row in rows] == ["1", "2", "2.1", "2.2"]
    one, two, two_one, two_two = rows
    assert (one["status"], one["progress"], one["activities_done"], one["activities_total"]) == (
        "done",
        100,
        1,
        2,
    )
    assert (one["planned"], one["spent"]) == (150, 80)
    assert (one["cooperators_reported"], one["cooperators_expected"]) == (0, 1)  # beta expected
    assert (two_one["cooperators_reported"], two_one["cooperators_expected"]) == (
        1,
        1,
    )  # alpha reported
    assert (two_one["planned"], two_one["spent"]) == (210, 160)  # beta 200/150 + alpha 10/10
    assert two_two["open_difficulties"] == 1
    # a grouping task has no lead: its progress is the mean of its subtasks' leads
    assert (two["status"], two["progress"], two["lead"]) == (None, 30, None)
    assert two["activities_total"] == 2 and two["open_difficulties"] == 1


def test_task_filters(tiny):
    write_beta(tiny)
    assert [r["task"] for r in tasks_view(load(tiny, task="2")).rows] == ["2", "2.1", "2.2"]
    assert [r["task"] for r in tasks_view(load(tiny, unit="beta")).rows] == ["1", "2.1"]
    assert [r["task"] for r in tasks_view(load(tiny), "delayed").rows] == ["2.2"]


@pytest.mark.parametrize(
    ("submitted", "as_of", "state", "left", "late"),
    [
        ("2024-11-15", date(2024, 11, 20), "on_time", None, None),  # on the deadline day
        ("2024-11-16", date(2024, 11, 20), "late", None, 1),  # the day after
        (None, date(2024, 11, 15), "draft", 0, None),  # a draft, deadline not passed
        (None, date(2024, 11, 16), "draft", None, 1),  # a draft is not a report: one day over
        ("2024-11-10", date(2024, 11, 9), "pending", 6, None),  # submitted after as-of: not yet
    ],
)
def test_submission_states_around_the_deadline(tiny, submitted, as_of, state, left, late):
    write_beta(tiny, submitted=submitted)
    sub = submission_of(load(tiny, as_of=as_of), "beta")
    days_late = sub.days_late if sub.days_late is not None else sub.days_overdue
    assert (sub.state, sub.days_left, days_late) == (state, left, late)


@pytest.mark.parametrize(
    ("as_of", "state", "left", "overdue"),
    [
        (date(2024, 11, 15), "pending", 0, None),
        (date(2024, 11, 16), "missing", None, 1),
        (date(2025, 11, 14), "missing", None, 364),  # the next report is not yet due
        (date(2025, 11, 15), "missing", None, None),  # it is: days since say nothing more
    ],
)
def test_no_file_pending_then_missing_with_days_only_while_current(
    tiny, as_of, state, left, overdue
):
    sub = load(tiny, as_of=as_of).submission("beta")
    assert (sub.state, sub.days_left, sub.days_overdue, sub.days_late) == (
        state,
        left,
        overdue,
        None,
    )


def test_missing_file_and_invalid_file(tiny):
    data = load(tiny, as_of=date(2024, 11, 20))
    assert submission_of(data, "beta").state == "missing"
    write_beta(tiny, extra="bad_key: 1\n")
    data = load(tiny, as_of=date(2024, 11, 20))
    assert submission_of(data, "beta").state == "invalid"
    assert [path.name for path in data.broken_files] == ["beta.yaml"]


def test_submissions_view_lists_every_reporting_unit_and_filters_by_state(tiny):
    write_beta(tiny)
    data = load(tiny)
    view = submissions_view(data)
    assert [row["unit"] for row in view.rows] == ["alpha", "beta"]  # not the external partner
    assert [row["unit"] for row in submissions_view(data, "late").rows] == ["beta"]


def test_deadline_failures_only_after_the_deadline(tiny):
    write_beta(tiny)
    assert deadline_failures(load(tiny, as_of=date(2024, 11, 15))) == []
    assert [s.unit.id for s in deadline_failures(load(tiny, as_of=date(2024, 11, 16)))] == ["beta"]


def indicator(comparison=Comparison.AT_LEAST, target="50", end=2026):
    return Indicator(
        id="x",
        name="x",
        unit_of_measure="%",
        target=Decimal(target),
        comparison=comparison,
        period=Period(start=2023, end=end),
        task="1",
    )


@pytest.mark.parametrize(
    ("values", "year", "expected"),
    [
        ({}, 2024, (None, "no_data")),
        ({2024: Decimal(55)}, 2024, (None, "met")),
        ({2024: Decimal(40)}, 2024, (None, "no_data")),
        ({2023: Decimal(30), 2024: Decimal(40)}, 2024, ("up", "on_track")),  # 40 + 2×10 = 60 ≥ 50
        ({2023: Decimal(40), 2024: Decimal(41)}, 2024, ("up", "at_risk")),  # 41 + 2×1 = 43 < 50
        ({2023: Decimal(45), 2024: Decimal(40)}, 2024, ("down", "at_risk")),
        ({2025: Decimal(40), 2026: Decimal(45)}, 2026, ("up", "missed")),
        ({2023: Decimal(30), 2024: Decimal(40)}, 2023, (None, "no_data")),  # later values ignored
    ],
)
def test_indicator_assessment(values, year, expected):
    assert assess(indicator(), values, year) == expected


def test_about_allows_five_percent_and_at_most_inverts():
    assert assess(indicator(Comparison.ABOUT, "62.8"), {2024: Decimal("59.7")}, 2024)[1] == "met"
    assert (
        assess(indicator(Comparison.ABOUT, "62.8"), {2024: Decimal("59.6")}, 2024)[1] == "no_data"
    )
    assert assess(indicator(Comparison.AT_MOST, "10"), {2024: Decimal(9)}, 2024)[1] == "met"


def test_indicator_view_prefers_the_owning_task_lead(tiny):
    write_beta(tiny, extra="indicators:\n  chi-so: {value: '40'}\n")
    alpha = tiny / "data/progress/2024/alpha.yaml"
    alpha.write_text(
        alpha.read_text(encoding="utf-8") + "indicators:\n  chi-so: {value: '99'}\n",
        encoding="utf-8",
    )
    write_beta(
        tiny, year=2023, submitted="2023-11-01", extra="indicators:\n  chi-so: {value: '30'}\n"
    )
    [row] = indicators_view(load(tiny)).rows
    assert row["values"] == {2023: Decimal(30), 2024: Decimal(40)}  # beta leads 2.1
    assert (row["trend"], row["assessment"]) == ("up", "on_track")


def test_budget_by_unit_with_total_and_task_filter(tiny):
    write_beta(tiny)
    data = load(tiny)
    view = budget_view(data)
    by_unit = rows_by(view, "unit")
    assert (by_unit["alpha"]["planned"], by_unit["alpha"]["spent"]) == (160, 90)
    assert (by_unit["beta"]["planned"], by_unit["beta"]["spent"]) == (200, 150)
    assert (view.total["planned"], view.total["spent"]) == (360, 240)
    assert view.total["rate"] == Decimal(240) * 100 / 360
    only_two = budget_view(load(tiny, task="2"))
    assert (only_two.total["planned"], only_two.total["spent"]) == (210, 160)


def test_units_view(tiny):
    write_beta(tiny)
    rows = rows_by(units_view(load(tiny)), "unit")
    assert [s["task"] for s in rows["alpha"]["led"]] == ["1", "2.2"]
    assert [s["task"] for s in rows["alpha"]["cooperated"]] == ["2.1"]
    assert rows["alpha"]["open_difficulties"] == 1
    assert rows["beta"]["submission"] == "late"
    assert rows["beta"]["cooperated"] == [{"task": "1", "status": None, "progress": None}]


def test_the_legend_explains_only_the_columns_shown(cli):
    """The compact table (no --by) shows no 'Thời hạn' nor 'Phối hợp' column: its legend
    does not explain them; the full task table, wide enough, shows and explains both."""
    root = str(REPO / "examples/ubnd-tinh-ha-tang-so")
    common = ("--year", "2024", "--as-of", "2025-02-01", "--root", root)
    compact = cli("status", *common).stdout
    assert "HĐ xong: số hoạt động" in compact
    assert "Thời hạn có dấu !" not in compact and "Phối hợp: số đơn vị" not in compact
    full = cli("status", *common, "--by", "task", env={"COLUMNS": "220"}).stdout
    assert "Thời hạn có dấu !" in full and "Phối hợp: số đơn vị" in full
