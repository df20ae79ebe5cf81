"""Who has reported, as of a given day: the one definition every output uses."""

from __future__ import annotations

from kehoach_cli.facts.loading import YearData
from kehoach_cli.facts.model import SubmissionState, UnitSubmission
from kehoach_cli.model.plan import Unit


def period_is_current(data: YearData) -> bool:
    """Until the same report is due again next year, days since the deadline say
    something; afterwards a report never sent is simply 'chưa gửi'."""
    return data.as_of < data.period.deadline.in_year(data.year + 1)


def submission_of(data: YearData, unit: Unit) -> UnitSubmission:
    """On time / late / pending / missing / draft / invalid, relative to the deadline
    and `as_of`. The deadline day itself is on time. A report dated after `as_of` had not
    been sent on that day, so `--as-of` replays any past day without contradiction."""
    deadline, as_of = data.deadline, data.as_of
    progress = data.files.get(unit.id)
    sent = progress.submitted_on if progress else None
    if sent is not None and sent <= as_of:
        if sent <= deadline:
            return UnitSubmission(unit, SubmissionState.ON_TIME, sent)
        return UnitSubmission(unit, SubmissionState.LATE, sent, days_late=(sent - deadline).days)
    broken = any(file.unit == unit.id for file in data.broken)
    if broken:
        state = SubmissionState.INVALID
    elif progress is not None and sent is None:
        state = SubmissionState.DRAFT
    else:
        state = SubmissionState.PENDING if as_of <= deadline else SubmissionState.MISSING
    if as_of <= deadline:
        return UnitSubmission(unit, state, days_left=(deadline - as_of).days)
    overdue = (as_of - deadline).days if period_is_current(data) else None
    return UnitSubmission(unit, state, days_overdue=overdue)
