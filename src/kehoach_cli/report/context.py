"""Everything the report template shows, as Vietnamese text: the parts of the document
(report/parts/), each wording the year's facts and findings, assembled here.

Every sentence states a fact or a finding of facts/ and nothing more: a draft or a report
sent after the as-of date is not a fact; unknown is said to be unknown, never 0; an
average or a total names its base; an estimate is called an estimate; a unit's own report
speaks of that unit's own work. Pure: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from kehoach_cli import formatting as fmt
from kehoach_cli.errors import DataProblem, UsageProblem
from kehoach_cli.facts import YearData, year_facts
from kehoach_cli.facts.model import SubmissionState, YearFacts
from kehoach_cli.report.parts.assessment import assessment
from kehoach_cli.report.parts.closing import appendix, closing, closing_block
from kehoach_cli.report.parts.direction import direction
from kehoach_cli.report.parts.header import head, plan_reference
from kehoach_cli.report.parts.outlook import next_lines, proposal_lines
from kehoach_cli.report.parts.results import results, results_intro
from kehoach_cli.report.parts.tables import tables
from kehoach_cli.report.parts.words import Words


class NothingToReport(DataProblem):
    """No report sent (as of the day) for the year or the unit: nothing true to write."""


@dataclass(frozen=True)
class ReportOptions:
    unit: str | None = None  # a unit's own report to the receiving unit
    # the date the document bears (--date); None: today, or for a unit's own report the
    # day it was sent
    report_date: date | None = None
    draft: bool = False  # written despite errors or gaps: marked so it cannot be signed


def build_context(data: YearData, options: ReportOptions, generated: date) -> dict[str, Any]:
    """`generated` is today: the default date of a consolidated report."""
    facts = year_facts(data, unit=options.unit)
    _require_something(facts)
    words = Words(
        facts=facts,
        findings=facts.judged,
        plan=facts.plan,
        index=facts.index,
        unit=facts.scope,
        receiver=facts.index.units[facts.plan.reporting.receiver],
        plan_ref=plan_reference(facts.plan),
        report_date=document_date(facts, options.report_date, generated),
        draft=options.draft,
    )
    achievements, shortcomings, causes = assessment(words)
    return {
        **head(words),
        "next_heading": facts.next_label.upper(),
        "direction": direction(words),
        "results_intro": results_intro(words),
        "results": results(words),
        **tables(words),
        "achievements": achievements,
        "shortcomings": shortcomings,
        "causes": causes,
        "next_year_lines": next_lines(words),
        "proposal_lines": proposal_lines(words),
        "closing": closing(words),
        **closing_block(words),
        **appendix(words),
    }


def document_date(facts: YearFacts, asked: date | None, today: date) -> date:
    """The date the document bears, never at odds with what it states.

    A consolidated report states the data as of `as_of`: it is dated then or later (today
    by default). A unit's own report is dated no later than the day it says it was sent
    (that day by default): a report sent on 04/12 and dated 15/12 contradicts itself.
    """
    if facts.scope is None:
        if asked is None:
            return max(today, facts.as_of)
        if asked < facts.as_of:
            raise UsageProblem(
                f"ngày văn bản {fmt.short_date(asked)} trước ngày số liệu "
                f"{fmt.short_date(facts.as_of)} (--as-of): văn bản không thể nêu số liệu "
                "của ngày sau ngày ký. Bỏ --date hoặc chọn ngày từ ngày số liệu trở đi."
            )
        return asked
    sent = facts.submission(facts.scope.id).submitted_on
    assert sent is not None  # _require_something: the unit's report counts
    if asked is None:
        return sent
    stated = [
        a.finished_on
        for t in facts.tasks
        for c in t.contributions
        for a in c.report.activities
        if a.finished_on is not None
    ]
    if stated and asked < max(stated):
        raise UsageProblem(
            f"ngày văn bản {fmt.short_date(asked)} trước ngày {fmt.short_date(max(stated))} mà "
            f"báo cáo của {facts.scope.name} ghi một hoạt động đã hoàn thành: văn bản không thể "
            "nêu việc xảy ra sau ngày ký. Chọn một ngày từ ngày đó đến ngày gửi."
        )
    if asked > sent:
        raise UsageProblem(
            f"ngày văn bản {fmt.short_date(asked)} sau ngày {facts.scope.name} gửi báo cáo "
            f"({fmt.short_date(sent)}, ghi ở submitted_on): báo cáo không thể ký sau khi đã "
            "gửi. Bỏ --date (văn bản mang ngày gửi) hoặc chọn một ngày đến ngày gửi."
        )
    return asked


def _require_something(facts: YearFacts) -> None:
    as_of = fmt.short_date(facts.as_of)
    if facts.scope is not None:
        sub = facts.submission(facts.scope.id)
        if not sub.counted:
            reason = {
                SubmissionState.DRAFT: "tệp còn là bản nháp (chưa ghi ngày gửi submitted_on)",
                SubmissionState.INVALID: "tệp báo cáo có lỗi",
            }.get(sub.state, "chưa có tệp báo cáo đã gửi")
            raise NothingToReport(
                f"{facts.scope.name} chưa gửi báo cáo {facts.label} tính đến ngày {as_of}: "
                f"{reason}."
            )
        return
    if not facts.counted_units:
        drafts = [s.unit.label for s in facts.submissions if s.state is SubmissionState.DRAFT]
        years = ", ".join(str(y) for y in facts.years_present) or "chưa có"
        detail = f" Bản nháp chưa gửi: {', '.join(drafts)}." if drafts else ""
        raise NothingToReport(
            f"Chưa có đơn vị nào gửi báo cáo {facts.label} tính đến ngày {as_of} "
            f"(các năm có dữ liệu: {years}).{detail}"
        )
