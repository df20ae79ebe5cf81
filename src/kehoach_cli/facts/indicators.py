"""Indicator values across years and how they compare with the target.

An assessment before the end of the period is an estimate: the method (a straight line
through the last two readings) travels with it, so every output can say so.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kehoach_cli.facts.loading import YearData
from kehoach_cli.facts.model import IndicatorFacts, Projection, Reading
from kehoach_cli.model.plan import Combine, Comparison, Indicator, Unit

# "khoảng X" is met within this share of X.
ABOUT_TOLERANCE = Decimal("0.05")


def meets(indicator: Indicator, value: Decimal) -> bool:
    target = indicator.target
    if indicator.comparison is Comparison.AT_MOST:
        return value <= target
    if indicator.comparison is Comparison.ABOUT:
        return value >= target - abs(target) * ABOUT_TOLERANCE
    return value >= target


def assess(
    indicator: Indicator, values: dict[int, Decimal], year: int
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
    if meets(indicator, latest):
        return trend, "met", None
    if year >= indicator.period.end:
        return trend, "missed", None
    if trend is None:
        return trend, "no_data", None
    end = indicator.period.end
    projected = latest + slope * (end - latest_year)
    projection = Projection(years[-2], latest_year, slope, end, projected)
    return trend, "on_track" if meets(indicator, projected) else "at_risk", projection


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
    trend, assessment, projection = assess(indicator, values, data.year)
    if values and missing.get(max(values)) and assessment != "met":
        # a partial sum cannot say "missed" or project a trend: it waits for the rest
        trend, assessment, projection = None, "no_data", None
    return IndicatorFacts(
        indicator,
        dict(sorted(readings.items())),
        trend,
        assessment,
        projection,
        breakdown,
        conflicts,
        missing,
    )


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
