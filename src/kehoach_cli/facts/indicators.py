"""Indicator values across years and how they compare with the target.

An assessment before the end of the period is an estimate: the method (a straight line
through the last two readings) travels with it, so every output can say so.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kehoach_cli.facts.findings import IndicatorBasis, IndicatorFinding, NotJudged
from kehoach_cli.facts.loading import YearData, period_words
from kehoach_cli.facts.model import IndicatorFacts, Projection, Reading
from kehoach_cli.model.plan import Combine, Comparison, Indicator, Unit

# "khoảng X" is met within this share of X.
ABOUT_TOLERANCE = Decimal("0.05")


def meets(indicator: Indicator, value: Decimal, target: Decimal | None = None) -> bool:
    """Whether `value` reaches the target: the plan's, or the one given (a unit's own)."""
    target = indicator.target if target is None else target
    if indicator.comparison is Comparison.AT_MOST:
        return value <= target
    if indicator.comparison is Comparison.ABOUT:
        return value >= target - abs(target) * ABOUT_TOLERANCE
    return value >= target


def assess(
    indicator: Indicator, values: dict[int, Decimal], year: int, target: Decimal | None = None
) -> tuple[str | None, str, Projection | None]:
    """(trend, assessment, projection) for the values reported up to `year`.

    Met when the latest value reaches the target; otherwise the last two values are
    extended in a straight line to the end of the period: reaching the target there is
    "on track", not reaching it "at risk"; after the period it is "missed".
    """
    years = sorted(y for y in values if y <= year)
    if not years:
        return None, "no_data", None
    latest_year, latest = years[-1], values[years[-1]]
    trend = None
    slope = Decimal(0)
    if len(years) >= 2:
        previous_year = years[-2]
        slope = (latest - values[previous_year]) / (latest_year - previous_year)
        trend = "up" if slope > 0 else "down" if slope < 0 else "flat"
    if meets(indicator, latest, target):
        return trend, "met", None
    if latest_year >= indicator.period.end:
        # only the period's own last figure can miss the target: before it is in, the
        # year of the end is judged like any other, by an estimate
        return trend, "missed", None
    if trend is None:
        return trend, "no_data", None
    end = indicator.period.end
    projected = latest + slope * (end - latest_year)
    projection = Projection(years[-2], latest_year, slope, end, projected)
    return trend, "on_track" if meets(indicator, projected, target) else "at_risk", projection


def indicator_facts(
    data: YearData, indicator: Indicator, preferred_unit: str | None
) -> IndicatorFacts:
    """Every unit's readings from reports sent on or before `as_of`, and per year the value
    the indicator's `combine` rule gives: the lead's (the scope's unit, else the owning
    task's lead, else the first), the sum of all, or the one sent last."""
    breakdown = _readings_by_year(data, indicator, preferred_unit)
    owners = set(data.index.leads.get(indicator.task, []))
    readings: dict[int, Reading] = {}
    conflicts: dict[int, list[Reading]] = {}
    missing: dict[int, list[Unit]] = {}
    summed = indicator.combine is Combine.SUM and preferred_unit is None
    for year, found in breakdown.items():
        if summed:
            total = sum((r.value for r in found), Decimal(0))
            readings[year] = Reading(year, total, None, None, None, tuple(found))
            reporters = {r.unit.id for r in found if r.unit}
            expected = data.index.leads.get(indicator.task, []) or sorted(owners)
            gaps = [data.index.units[u] for u in expected if u not in reporters]
            if gaps:
                missing[year] = gaps
            continue
        if indicator.combine is Combine.LATEST:
            chosen = found[-1]  # sorted by date sent
        else:
            chosen = next((r for r in found if r.unit and r.unit.id in owners), found[0])
        readings[year] = chosen
        if len({r.value for r in found}) > 1:
            conflicts[year] = found
    values = {year: reading.value for year, reading in readings.items()}
    trend, assessment, projection, finding = _judge(
        data, indicator, preferred_unit, values, missing
    )
    return IndicatorFacts(
        indicator,
        dict(sorted(readings.items())),
        trend,
        assessment,
        projection,
        breakdown,
        conflicts,
        missing,
        covers={year: period_words(data.period.name, year) for year in readings},
        finding=finding,
    )


def _judge(
    data: YearData,
    indicator: Indicator,
    preferred_unit: str | None,
    values: dict[int, Decimal],
    missing: dict[int, list[Unit]],
) -> tuple[str | None, str, Projection | None, IndicatorFinding]:
    """(trend, assessment, projection, finding): the assessment against the target of the
    figure's own scope and span, or 'not_judged' with the reason."""
    scope = data.index.units.get(preferred_unit) if preferred_unit else None
    owners = set(data.index.leads.get(indicator.task, []))
    target, unjudged = _judged_target(data, indicator, scope, owners)
    trend, assessment, projection = assess(indicator, values, data.year, target)
    latest = max(values) if values else None
    if latest is not None and missing.get(latest) and assessment != "met":
        # a partial sum cannot say "missed" or project a trend: it waits for the rest
        unjudged = unjudged or NotJudged.PARTIAL_SUM
    if not values:
        unjudged = NotJudged.NO_DATA
    if unjudged is not None and unjudged is not NotJudged.NO_DATA:
        projection = None
        assessment = "not_judged"
    elif unjudged is NotJudged.NO_DATA or assessment == "no_data":
        assessment, projection = "no_data", None
    finding = IndicatorFinding(
        indicator.id,
        scope,
        IndicatorBasis.PART_YEAR if not data.period.whole_year else IndicatorBasis.PERIOD,
        assessment,
        None if unjudged else (target if target is not None else indicator.target),
        unjudged if assessment == "not_judged" else None,
        tuple(missing.get(latest, [])) if latest is not None else (),
    )
    return trend, assessment, projection, finding


def _judged_target(
    data: YearData, indicator: Indicator, scope: Unit | None, owners: set[str]
) -> tuple[Decimal | None, NotJudged | None]:
    """The target a figure is judged against, or why it is not judged: a part-year figure
    is never judged against a target of a year or more; a unit's share of a sum only
    against its own target, when the plan gives one; a unit's own reading of an indicator
    another unit answers for, not at all."""
    if not data.period.whole_year:
        return None, NotJudged.PART_YEAR
    if scope is None:
        return None, None
    own = indicator.unit_targets.get(scope.id)
    if own is not None:
        return own, None
    if indicator.combine is Combine.SUM:
        return None, NotJudged.UNIT_SHARE
    if scope.id not in owners:
        return None, NotJudged.NOT_LEAD
    return None, None


def _readings_by_year(
    data: YearData, indicator: Indicator, only_unit: str | None
) -> dict[int, list[Reading]]:
    """Year → each unit's reading (counted reports only), in the order they were sent."""
    found: dict[int, list[tuple[date, Reading]]] = {}
    for (year, unit_id), progress in data.history.items():
        sent = progress.submitted_on
        if year > data.year or sent is None or sent > data.as_of:
            continue
        value = progress.indicators.get(indicator.id)
        if value is None or unit_id not in data.index.units:
            continue
        if only_unit is not None and unit_id != only_unit:
            continue
        unit = data.index.units[unit_id]
        reading = Reading(year, value.value, unit, value.source, value.note)
        found.setdefault(year, []).append((sent, reading))
    return {
        year: [
            reading
            for _, reading in sorted(
                items, key=lambda item: (item[0], item[1].unit.id if item[1].unit else "")
            )
        ]
        for year, items in sorted(found.items())
    }
