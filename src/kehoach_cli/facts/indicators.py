"""Indicator values across years and how they compare with the target.

An assessment before the end of the period is an estimate: the method (a straight line
through the last two readings) travels with it, so every output can say so.
"""

from __future__ import annotations

from decimal import Decimal

from kehoach_cli.facts.loading import YearData
from kehoach_cli.facts.model import IndicatorFacts, Projection, Reading
from kehoach_cli.model.plan import Comparison, Indicator

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
    """Readings from reports sent on or before `as_of`, one per year: the preferred
    unit's (the scope's unit, else the owning task's lead), else the first reported."""
    index = data.index
    owner = index.tasks[indicator.task].lead if indicator.task in index.tasks else None
    preferred = preferred_unit or owner
    readings: dict[int, Reading] = {}
    for (year, unit_id), progress in sorted(data.history.items()):
        if year > data.year or progress.submitted_on is None:
            continue
        if progress.submitted_on > data.as_of:
            continue
        value = progress.indicators.get(indicator.id)
        if value is None or unit_id not in index.units:
            continue
        if preferred_unit is not None and unit_id != preferred_unit:
            continue
        if year not in readings or unit_id == preferred:
            readings[year] = Reading(
                year, value.value, index.units[unit_id], value.source, value.note
            )
    values = {year: reading.value for year, reading in readings.items()}
    trend, assessment, projection = assess(indicator, values, data.year)
    return IndicatorFacts(indicator, dict(sorted(readings.items())), trend, assessment, projection)
