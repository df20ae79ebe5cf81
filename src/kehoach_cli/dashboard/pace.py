"""The plan against the time gone: overall progress (with its base), the share of the
period and of the year elapsed, money spent against the estimate, and the change since
the period before. Each figure is read off the facts; an average says what it rests on,
and an amount nobody reported is unknown, never 0."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kehoach_cli import formatting as fmt
from kehoach_cli.dashboard.markup import element
from kehoach_cli.dashboard.tiles import Figure
from kehoach_cli.facts.model import Money, YearFacts
from kehoach_cli.model.progress import TaskStatus

UNKNOWN = "chưa rõ"


@dataclass(frozen=True)
class Overall:
    """The mean progress of the tasks that are work (not headings over subtasks), over
    those with a known progress; `reported`/`tasks` is its base. Exact: rounded once, when
    shown (a mean of rounded parts would round twice)."""

    progress: Decimal | None
    reported: int
    tasks: int
    done: int

    @property
    def complete(self) -> bool:
        """Every task's progress is known: only then is the mean the plan's progress (a
        mean over part of the tasks is that part's, as the report says of a parent)."""
        return self.progress is not None and self.reported == self.tasks


def overall(facts: YearFacts) -> Overall:
    work = [task for task in facts.tasks if not task.is_group]
    known = [task.progress for task in work if task.progress is not None]
    mean = Decimal(sum(known)) / len(known) if known else None
    done = sum(task.status is TaskStatus.DONE for task in work)
    return Overall(mean, len(known), len(work), done)


def _share(start: date, end: date, day: date) -> Decimal:
    """The share of [start, end] gone by the end of `day`, from 0 to 100."""
    total = (end - start).days + 1
    gone = min(max((day - start).days + 1, 0), total)
    return Decimal(gone) * 100 / total


def elapsed(facts: YearFacts) -> tuple[Decimal | None, Decimal]:
    """(share of the plan's period, share of the year) gone at the as-of date; the
    period's is None for a plan without one."""
    year = _share(date(facts.year, 1, 1), date(facts.year, 12, 31), facts.as_of)
    period = facts.plan.period
    if period is None:
        return None, year
    return _share(date(period.start, 1, 1), date(period.end, 12, 31), facts.as_of), year


def _pct(value: Decimal) -> str:
    return fmt.percent(fmt.round_half_up(value, 0))


def _millions(amount: int) -> str:
    return fmt.decimal(fmt.round_half_up(Decimal(amount) / 1_000_000, 1))


def meter(progress: Decimal, time_gone: Decimal, time_words: str) -> str:
    """A bar of the progress with a mark where the time gone stands: the eye compares
    them; the numbers are in the card's words too."""
    fill = element("span", "", class_="fill", style=f"width:{_clamp(progress)}%")
    mark = element("span", "", class_="time", style=f"left:{_clamp(time_gone)}%")
    return element(
        "span",
        fill + mark,
        class_="meter",
        role="img",
        aria_label=f"tiến độ {_pct(progress)}, thời gian đã qua {_pct(time_gone)} {time_words}",
    )


def _clamp(value: Decimal) -> str:
    return fmt.decimal(fmt.round_half_up(min(max(value, Decimal(0)), Decimal(100)), 1)).replace(
        ",", "."
    )


def progress_figure(facts: YearFacts) -> Figure:
    found = overall(facts)
    _, year_gone = elapsed(facts)
    if found.progress is None:
        return Figure(
            "progress",
            "Tiến độ chung",
            UNKNOWN,
            f"chưa nhiệm vụ nào trong {found.tasks} nhiệm vụ có báo cáo",
            "info",
        )
    if not found.complete:
        # a mean over the tasks that reported is theirs, not the plan's: titled so
        note = (
            f"chưa đủ báo cáo: bình quân {found.reported}/{found.tasks} nhiệm vụ có tiến độ; "
            f"{found.done} đã hoàn thành"
        )
        title = "Tiến độ các nhiệm vụ đã báo cáo"
        return Figure("progress", title, _pct(found.progress), note, "info")
    note = (
        f"bình quân {found.reported}/{found.tasks} nhiệm vụ có báo cáo; "
        f"{found.done} đã hoàn thành; vạch: thời gian đã qua của năm ({_pct(year_gone)})"
    )
    extra = meter(found.progress, year_gone, f"năm {facts.year}")
    return Figure("progress", "Tiến độ chung", _pct(found.progress), note, "info", extra)


def time_figure(facts: YearFacts) -> Figure:
    period_gone, year_gone = elapsed(facts)
    period = facts.plan.period
    if period_gone is None or period is None or period.start == period.end:
        return Figure(
            "elapsed",
            "Thời gian đã qua",
            _pct(year_gone),
            f"của năm {facts.year} (đến {fmt.short_date(facts.as_of)})",
            "info",
        )
    return Figure(
        "elapsed",
        "Thời gian đã qua",
        _pct(period_gone),
        f"của kỳ kế hoạch {period.span}; {_pct(year_gone)} của năm {facts.year}",
        "info",
    )


def money_words(total: Money, sent: int) -> tuple[str, str]:
    """(value, note) for the money card: the rate only where every amount is known;
    `sent` is how many reports count (none: nothing is known, nothing was 'not written')."""
    left_out = f"; chưa gồm {len(total.unknown_units)} đơn vị" if total.unknown_units else ""
    if sent == 0:
        return UNKNOWN, "chưa đơn vị nào gửi báo cáo"
    if not total.given:
        return (UNKNOWN if total.unknown_units else "không ghi"), (
            "các báo cáo đã gửi không ghi số tiền" + left_out
        )
    if not total.planned_given:
        return "—", f"giải ngân {_millions(total.spent)} triệu đồng, không ghi dự toán{left_out}"
    if not total.spent_given:
        return (
            UNKNOWN,
            f"dự toán {_millions(total.planned)} triệu đồng, chưa ghi giải ngân{left_out}",
        )
    if total.rate is None:
        return "—", (
            f"ít nhất {_millions(total.spent)} / {_millions(total.planned)} triệu đồng "
            f"({total.spent_missing} hoạt động chưa ghi giải ngân){left_out}"
        )
    return fmt.percent(total.rate, 1), (
        f"{_millions(total.spent)} / {_millions(total.planned)} triệu đồng dự toán{left_out}"
    )


def money_figure(facts: YearFacts) -> Figure:
    value, note = money_words(facts.budget_total, len(facts.counted_units))
    return Figure("disbursed", "Giải ngân / dự toán", value, note, "info")


def _signed(points: Decimal) -> str:
    rounded = fmt.round_half_up(points, 0)
    sign = "+" if rounded > 0 else "−" if rounded < 0 else "±"
    return f"{sign}{fmt.decimal(abs(rounded))}"


@dataclass(frozen=True)
class Previous:
    """What the headline compares with: the period before, summed up (small, so that it
    can come back from another process)."""

    label: str
    overall: Overall
    rate: Decimal | None
    sent: int
    expected: int


def summarize(facts: YearFacts) -> Previous:
    return Previous(
        facts.label or f"năm {facts.year}",
        overall(facts),
        facts.budget_total.rate,
        len(facts.counted_units),
        len(facts.submissions),
    )


def change_figure(facts: YearFacts, previous: Previous) -> Figure:
    """Progress and money now against the period before, each only where both are known."""
    before, now = previous.overall, overall(facts)
    parts = []
    value = "—"
    if (
        before.complete
        and now.complete
        and before.progress is not None
        and now.progress is not None
    ):
        value = f"{_signed(now.progress - before.progress)} điểm %"
        parts.append(f"tiến độ {_pct(before.progress)} → {_pct(now.progress)}")
    else:
        parts.append("tiến độ: chưa đủ số liệu để so sánh")
    new_rate = facts.budget_total.rate
    if previous.rate is not None and new_rate is not None:
        parts.append(f"giải ngân {fmt.percent(previous.rate, 1)} → {fmt.percent(new_rate, 1)}")
    now_sent = f"{len(facts.counted_units)}/{len(facts.submissions)}"
    parts.append(f"đã gửi {previous.sent}/{previous.expected} → {now_sent}")
    return Figure("change", f"So với {previous.label}", value, "; ".join(parts), "info")


def pace_figures(facts: YearFacts, previous: Previous | None) -> list[Figure]:
    found = [progress_figure(facts), time_figure(facts), money_figure(facts)]
    if previous is not None:
        found.append(change_figure(facts, previous))
    return found
