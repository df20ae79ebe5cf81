"""Everything the report template shows, as Vietnamese text, read off the year's facts.

Every sentence here states a fact of facts/ and nothing more: a draft or a report sent
after the as-of date is not a fact; unknown is said to be unknown, never 0; an average or
a total names its base; an estimate is called an estimate; a unit's own report speaks of
that unit's own work. Pure: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from kehoach_cli import formatting as fmt
from kehoach_cli.errors import DataProblem
from kehoach_cli.facts import YearData, year_facts
from kehoach_cli.facts.labels import ASSESSMENT_LABELS, COMPARISON_WORDS, SUBMISSION_LABELS
from kehoach_cli.facts.model import (
    Attributed,
    BudgetLine,
    IndicatorFacts,
    Money,
    SubmissionState,
    TaskFacts,
    UnitSubmission,
    YearFacts,
)
from kehoach_cli.model import kinds
from kehoach_cli.model.plan import Indicator, SectionContent, Task, Unit
from kehoach_cli.model.progress import STATUS_LABELS, Activity, TaskReport, TaskStatus
from kehoach_cli.report import wording as w
from kehoach_cli.report.header_text import header_name_lines

# Vietnamese item letters: a) b) c) d) đ) e) g) … (no f, j, w, z).
LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()  # noqa: SIM905
NBSP = "\u00a0"
_FINISHED = (TaskStatus.DONE, TaskStatus.CANCELLED)


class NothingToReport(DataProblem):
    """No report sent (as of the day) for the year or the unit: nothing true to write."""


@dataclass(frozen=True)
class ReportOptions:
    unit: str | None = None  # a unit's own report to the receiving unit
    report_date: date | None = None
    draft: bool = False  # written despite errors or gaps: marked so it cannot be signed


def build_context(data: YearData, options: ReportOptions, generated: date) -> dict[str, Any]:
    facts = year_facts(data, unit=options.unit)
    _require_something(facts)
    return _Context(facts, options, generated).build()


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


class _Context:
    def __init__(self, facts: YearFacts, options: ReportOptions, generated: date) -> None:
        self.facts = facts
        self.options = options
        self.unit = facts.scope
        self.plan = facts.plan
        self.index = facts.index
        self.receiver = self.index.units[self.plan.reporting.receiver]
        document = self.plan.document
        number = document.number or "…"
        self.plan_ref = f"{document.type.capitalize()} số {number}/{document.symbol}"
        self.report_date = options.report_date or generated

    # --- the whole context -------------------------------------------------------------

    def build(self) -> dict[str, Any]:
        facts, unit = self.facts, self.unit
        document, settings = self.plan.document, self.plan.reporting.report
        reporter = unit.name if unit else document.issuing_body
        context: dict[str, Any] = {
            "year": facts.year,
            "next_year": facts.year + 1,
            "period_label": facts.label,
            "next_heading": facts.next_label.upper(),
            "parent_body": _header_lines(
                kinds.unit_parent(unit, document.issuing_body)
                if unit
                else document.parent_body or "",
                bold=False,
            ),
            "issuing_body": _header_lines(unit.name if unit else document.issuing_body),
            "number": "     ",
            "symbol": kinds.unit_symbol(unit) if unit else settings.symbol,
            "date_line": f"{(unit and unit.place) or document.place}, "
            f"{fmt.long_date(self.report_date)}",
            "doc_type": "BÁO CÁO",
            "summary": f"Kết quả thực hiện {self.plan_ref} {facts.label}",
            "addressee_lines": _addressee_lines([self._upward()] if unit else settings.addressees),
            "opening": (
                f"Thực hiện {self.plan_ref} {self._plan_date()} của {document.issuing_body} "
                f"về {w.lower_first(document.title)}; {reporter} báo cáo kết quả thực hiện "
                f"{facts.label} như sau:"
            ),
            "direction": self._direction(),
            "results_intro": self._results_intro(),
            "task_rows": self._task_rows(),
            "results": self._results(),
            "indicator_rows": [
                self._indicator_row(n, i) for n, i in enumerate(facts.indicators, 1)
            ],
            "next_year_lines": self._gathered(facts.next_year)
            or ["- Tiếp tục thực hiện các nhiệm vụ được giao theo Kế hoạch."],
            "proposal_lines": self._gathered(facts.proposals) or [self._no_proposals()],
            "closing": self._closing(reporter),
            "draft_lines": self._draft_lines(),
        }
        context.update(self._budget())
        achievements, shortcomings, causes = self._assessment()
        context.update(achievements=achievements, shortcomings=shortcomings, causes=causes)
        context.update(self._closing_block())
        context.update(self._appendix())
        return context

    def _upward(self) -> str:
        """Where a unit's own report goes: the receiving unit, or for the receiving unit
        itself, the plan's issuer."""
        if self.unit is not None and self.unit.id == self.receiver.id:
            return self.plan.document.issuing_body
        return self.receiver.name

    def _plan_date(self) -> str:
        day = self.plan.document.date
        if day.month and day.day:
            return fmt.long_date(date(day.year, day.month, day.day))
        return f"năm {day.year}"

    def _draft_lines(self) -> list[str]:
        if not self.options.draft:
            return []
        lines = ["DỰ THẢO — KHÔNG DÙNG ĐỂ KÝ BAN HÀNH"]
        gaps = [
            f"{s.unit.label} ({SUBMISSION_LABELS[s.state.value]})"
            for s in self.facts.submissions
            if not s.counted
        ]
        if gaps:
            lines.append("Thiếu dữ liệu của: " + "; ".join(gaps) + ".")
        return lines

    # --- I. direction ---------------------------------------------------------------------

    def _direction(self) -> list[str]:
        facts, index = self.facts, self.index
        if self.unit:
            unit = self.unit
            led = index.led_tasks(unit.id)
            cooperated = [t for t in index.assigned_tasks(unit.id) if t not in led]
            roles = []
            if led:
                roles.append(f"chủ trì {w.count_tasks(led)}")
            if cooperated:
                roles.append(f"phối hợp {w.count_tasks(cooperated)}")
            lines = [f"- {unit.name} được giao {' và '.join(roles)} theo {self.plan_ref}."]
            own = [a for t in facts.tasks for c in t.contributions for a in c.report.activities]
            if own:
                lines.append(
                    f"- Xây dựng {len(own)} hoạt động chi tiết {facts.label}{_specifics(own)}."
                )
            sub = facts.submission(unit.id)
            lines.append(f"- {_own_submission(sub, self._upward(), facts.deadline)}")
            return lines
        leads = [t for t in index.tasks.values() if index.leads[t.id]]
        leaders = {u for t in leads for u in index.leads[t.id]}
        others = [u for u in index.reporting_units if u.id not in leaders]
        helpers = [u for u in others if index.assigned_tasks(u.id)]
        phrase = self.plan.reporting.report.units_phrase or kinds.units_phrase(
            index.reporting_units
        )
        line = (
            f"- Triển khai {self.plan_ref} đến {phrase}; phân công {len(leads)} nhiệm vụ cho "
            f"{len(leaders)} đơn vị chủ trì"
        )
        line += f", {len(helpers)} đơn vị khác phối hợp thực hiện." if helpers else "."
        lines = [line]
        activities = self._activities_line()
        if activities:
            lines.append(activities)
        lines.append(self._submission_line())
        return lines

    def _activities_line(self) -> str | None:
        """'- UBND xã A xây dựng 3 hoạt động chi tiết 6 tháng đầu năm 2026 …': the units that
        built them — named when few, 'Các đơn vị' when every unit did — never the units that
        reported, and the period reported on."""
        built: dict[str, list[Activity]] = {}
        for t in self.facts.tasks:
            for c in t.contributions:
                built.setdefault(c.unit.id, []).extend(c.report.activities)
        builders = [s.unit for s in self.facts.submissions if built.get(s.unit.id)]
        if not builders:
            return None
        every = [a for u in builders for a in built[u.id]]
        if len(builders) == len(self.facts.submissions) and len(builders) > 1:
            who = "Các đơn vị"
        elif len(builders) == 1:
            who = builders[0].label
        elif len(builders) <= 3:
            who = f"{len(builders)} đơn vị ({', '.join(u.label for u in builders)})"
        else:  # a long list of names would bury the sentence: the count says it
            who = f"{len(builders)} đơn vị"
        return (
            f"- {who} xây dựng {len(every)} hoạt động chi tiết {self.facts.label}"
            f"{_specifics(every)}."
        )

    def _submission_line(self) -> str:
        facts = self.facts
        subs = facts.submissions
        on_time = sum(s.state is SubmissionState.ON_TIME for s in subs)
        late = sum(s.state is SubmissionState.LATE for s in subs)
        deadline = fmt.short_date(facts.deadline)
        head = f"- Đến ngày {fmt.short_date(facts.as_of)}, "
        if on_time + late == 0:
            line = f"{head}chưa đơn vị nào gửi báo cáo về {self.receiver.name} (hạn {deadline})"
        else:
            parts = [f"{on_time} đúng hạn" if on_time else "", f"{late} gửi muộn" if late else ""]
            line = (
                f"{head}{on_time + late}/{len(subs)} đơn vị đã gửi báo cáo về "
                f"{self.receiver.name} ({', '.join(p for p in parts if p)}; hạn {deadline})"
            )
        waiting = [s for s in subs if not s.counted and s.unit.id != self.receiver.id]
        if waiting:
            line += "; chưa gửi: " + ", ".join(s.unit.label + _state_note(s) for s in waiting)
        # the receiving unit sends nothing to itself: what it owes is its own part
        own = next((s for s in subs if s.unit.id == self.receiver.id and not s.counted), None)
        if own is not None:
            line += f"; {own.unit.label} chưa có báo cáo phần việc của mình{_state_note(own)}"
        return line + "."

    # --- II. results ------------------------------------------------------------------------

    def _results_intro(self) -> str:
        tasks = self.facts.tasks
        led = [t for t in tasks if not t.is_group]
        what = f"{len(led)} nhiệm vụ được giao" if self.unit else f"{len(led)} nhiệm vụ"
        if any(t.is_group for t in tasks) and not self.unit:
            what += f" ({self._count_parts(tasks)})"  # Table 1 shows headings too: say how
        return f"Kết quả thực hiện {what} được tổng hợp tại Bảng 1 và trình bày chi tiết dưới đây."

    def _count_parts(self, tasks: list[TaskFacts]) -> str:
        """'nhiệm vụ 1, 4; 6 nhiệm vụ cụ thể thuộc nhiệm vụ 2': the top of the tree in plan
        order, single tasks run together."""
        parts: list[str] = []
        singles: list[str] = []
        for t in tasks:
            if self.index.parent.get(t.task.id) is not None:
                continue
            if t.is_group:
                if singles:
                    parts.append("nhiệm vụ " + ", ".join(singles))
                    singles = []
                inner = sum(
                    1 for u in tasks if not u.is_group and u.task.id.startswith(t.task.id + ".")
                )
                parts.append(f"{inner} nhiệm vụ cụ thể thuộc nhiệm vụ {t.task.id}")
            else:
                singles.append(t.task.id)
        if singles:
            parts.append("nhiệm vụ " + ", ".join(singles))
        return w.join_names(parts)

    def _task_rows(self) -> list[dict[str, Any]]:
        rows = []
        for t in self.facts.tasks:
            own = self._own_report(t)
            mine = self.unit is not None and self.unit in t.leads
            # a unit's own part: of another's task, or as one of a group's leads
            if (self.unit and not mine) or (self.unit and t.group_led):
                status, progress = (own.status, own.progress) if own else (None, None)
            else:
                status, progress = t.status, t.progress
            rows.append(
                {
                    "stt": t.task.id,
                    "task": t.task.label,
                    "lead": self._lead_label(t),
                    "progress": f"{progress}%" if progress is not None else "—",
                    "status": STATUS_LABELS[status.value] if status else "—",
                    "note": "; ".join(self._row_notes(t, own)),
                    "is_group": t.is_group,
                }
            )
        return rows

    def _lead_label(self, t: TaskFacts) -> str:
        if t.lead is not None:
            return t.lead.label
        return t.lead_group.name if t.lead_group else ""

    def _row_notes(self, t: TaskFacts, own: TaskReport | None) -> list[str]:
        notes = []
        if t.progress_base and not self.unit:
            known, total = t.progress_base
            whose = "nhiệm vụ con" if t.is_group else "đơn vị chủ trì"
            notes.append(f"bình quân {known}/{total} {whose} có báo cáo")
        if self.unit and self.unit not in t.leads:
            notes.append("phần phối hợp" + ("" if own else ", không có nội dung"))
        elif self.unit and t.group_led:
            notes.append("phần của đơn vị")
        elif t.lead and t.lead_submission and not t.lead_submission.counted:
            notes.append(f"chủ trì: {SUBMISSION_LABELS[t.lead_submission.value]}")
        if self._overdue(t) and t.task.deadline:
            whose = "nhiệm vụ " if self.unit else ""
            notes.append(f"{whose}quá hạn ({fmt.mid_sentence(t.task.deadline.text)})")
        if t.open_difficulties:
            notes.append(f"{len(t.open_difficulties)} vướng mắc")
        return notes

    def _own_report(self, t: TaskFacts) -> TaskReport | None:
        if self.unit is None:
            return t.lead_report
        return next((c.report for c in t.contributions if c.unit.id == self.unit.id), None)

    def _own_part(self, t: TaskFacts) -> bool:
        """In a unit's own report, a task it leads with the other members of a group: its
        state is that of the unit's own part, not of the whole task."""
        return self.unit is not None and t.group_led and self.unit in t.leads

    def _overdue(self, t: TaskFacts) -> bool:
        """Past its deadline and not done: the task — or, for a unit's own part of a task
        led by a group, that part (the others' parts are not the unit's to report)."""
        if not t.overdue:
            return False
        if self._own_part(t):
            own = self._own_report(t)
            return own is None or own.status not in _FINISHED
        return True

    def _results(self) -> list[dict[str, Any]]:
        numbers = _item_numbers([t.task for t in self.facts.tasks], self.index.parent)
        items = []
        for t in self.facts.tasks:
            title = w.clean(t.task.title or t.task.label)
            heading = f"{numbers[t.task.id]} {title} (nhiệm{NBSP}vụ{NBSP}{t.task.id})"
            if t.is_group:
                lines = [self._group_line(t)]
            elif self.unit:
                lines = self._own_lines(t)
            else:
                lines = self._task_lines(t)
            lines += [
                self._indicator_line(i)
                for i in self.facts.indicators
                if i.indicator.task == t.task.id
            ]
            items.append({"heading": heading, "lines": lines})
        return items

    def _group_line(self, t: TaskFacts) -> str:
        known, total = t.progress_base or (0, len(t.subtask_ids))
        if not known:
            return f"- Gồm {total} nhiệm vụ cụ thể; chưa có báo cáo của đơn vị chủ trì nào."
        base = (
            f"cả {total} nhiệm vụ" if known == total else f"{known}/{total} nhiệm vụ đã có báo cáo"
        )
        return (
            f"- Gồm {total} nhiệm vụ cụ thể; tiến độ bình quân {t.progress_partial}% "
            f"(tính trên {base}, theo báo cáo của đơn vị chủ trì)."
        )

    def _task_lines(self, t: TaskFacts) -> list[str]:
        if t.group_led:
            lines = self._group_lead_lines(t)
        elif t.lead is not None:
            lines = self._lead_lines(t, t.lead)
        else:
            lines = ["- Kế hoạch không giao đơn vị chủ trì nhiệm vụ này."]
        lines += self._deadline_lines(t)
        return lines + self._cooperation_lines(t)

    def _deadline_lines(self, t: TaskFacts) -> list[str]:
        deadline = t.task.deadline
        if deadline is None:
            return []
        when = (
            f" (đến {fmt.short_date(t.due)})"
            if t.due and t.due.strftime("%d/%m") not in deadline.text
            else ""
        )
        line = f"- {self._deadline_label()}: {deadline.text}{when}"
        if self._overdue(t):
            status = t.status
            if self._own_part(t):
                own = self._own_report(t)
                status = own.status if own else None
            state = "chưa có báo cáo hoàn thành" if status is None else "chưa hoàn thành"
            line += f"; đã quá hạn, {state}"
        return [line + "."]

    def _deadline_label(self) -> str:
        """The plan's own word for a task's deadline (its tasks section's label)."""
        for section in self.plan.sections:
            if section.content is SectionContent.TASKS:
                return section.deadline_label
        return "Thời gian hoàn thành"

    def _group_lead_lines(self, t: TaskFacts) -> list[str]:
        """Each member of the leading group leads its own part: all of them, then the
        members that have not reported."""
        assert t.lead_group is not None
        known, total = t.progress_base or (0, len(t.leads))
        head = (
            f"- Đơn vị chủ trì: {t.lead_group.name} ({total} đơn vị, mỗi đơn vị chủ trì phần "
            "của mình)"
        )
        if known:
            base = f"cả {total} đơn vị" if known == total else f"{known}/{total} đơn vị đã báo cáo"
            head += f"; tiến độ bình quân {t.progress_partial}% (tính trên {base})"
        lines = [head + "."]
        for unit in t.leads:
            report = t.lead_reports.get(unit.id)
            if report is not None:
                lines.append(f"- {unit.name}: {_progress_phrase(report)}.")
                lines += _report_lines(report)
        waiting = [u for u in t.leads if u.id not in t.lead_reports]
        if waiting:
            names = ", ".join(u.name + _state_note(self.facts.submission(u.id)) for u in waiting)
            lines.append(f"- Chưa có báo cáo của: {names}.")
        return lines

    def _lead_lines(self, t: TaskFacts, lead: Unit) -> list[str]:
        lead_sub = t.lead_submission
        if t.lead_report is not None:
            return [
                f"- Đơn vị chủ trì: {lead.name}; tình trạng: {_progress_phrase(t.lead_report)}.",
                *_report_lines(t.lead_report),
            ]
        if lead_sub is not None and lead_sub.counted:
            return [
                f"- Đơn vị chủ trì: {lead.name}; báo cáo của đơn vị không có nội dung về "
                "nhiệm vụ này."
            ]
        state = SUBMISSION_LABELS[lead_sub.value] if lead_sub else "chưa gửi"
        return [f"- Đơn vị chủ trì: {lead.name}; chưa có báo cáo {self.facts.label} ({state})."]

    def _cooperation_lines(self, t: TaskFacts) -> list[str]:
        lines = []
        for c in t.contributions:
            if c.role != "cooperate":
                continue
            text = (
                w.sentence(c.report.results)
                if c.report.results
                else w.capital(_progress_phrase(c.report)) + "."
            )
            lines.append(f"- {c.unit.name} (phối hợp): {text}")
            lines += [_activity_line(a) for a in c.report.activities]
        waiting = [u for u in t.cooperators_expected if not self.facts.submission(u.id).counted]
        if waiting:
            lines.append(
                "- Chưa có báo cáo của đơn vị phối hợp: "
                + ", ".join(f"{u.name}" + _state_note(self.facts.submission(u.id)) for u in waiting)
                + "."
            )
        return lines

    def _own_lines(self, t: TaskFacts) -> list[str]:
        """A unit's own report on a task: its own part only, never the lead's or others'."""
        assert self.unit is not None
        own = self._own_report(t)
        if self.unit in t.leads:
            role = f"chủ trì phần của đơn vị ({t.lead_name})" if t.group_led else "chủ trì"
            if own is None:
                return [f"- Vai trò: {role}; báo cáo của đơn vị không có nội dung về nhiệm vụ này."]
            return [
                f"- Vai trò: {role}; tình trạng: {_progress_phrase(own)}.",
                *_report_lines(own),
                *self._deadline_lines(t),
            ]
        head = f"- Vai trò: phối hợp (đơn vị chủ trì: {t.lead_name or 'chưa giao'})"
        if own is None:
            return [f"{head}; báo cáo của đơn vị không có nội dung về phần phối hợp."]
        text = w.sentence(own.results) if own.results else w.capital(_progress_phrase(own)) + "."
        return [f"{head}: {text}", *[_activity_line(a) for a in own.activities]]

    def _indicator_line(self, ind: IndicatorFacts) -> str:
        indicator = ind.indicator
        unit = indicator.unit_of_measure
        reading = ind.readings.get(self.facts.year)
        if reading is None:
            value = f"chưa có số liệu {self.facts.label}"
        else:
            value = f"{self.facts.label} là {w.quantity(reading.value, unit)}"
            gaps = ind.missing.get(self.facts.year, [])
            if reading.parts:
                parts = "; ".join(
                    f"{r.unit.label if r.unit else ''} {w.quantity(r.value, unit)}"
                    for r in reading.parts
                )
                unknown = (
                    f"; chưa có số liệu của {', '.join(u.label for u in gaps)}" if gaps else ""
                )
                value += f" (tổng của {len(reading.parts)} đơn vị: {parts}{unknown})"
            qualifier = _source_note(reading.source, reading.note)
            if qualifier:
                value += f" ({qualifier})"
            differing = ind.conflicts.get(self.facts.year)
            if differing and reading.unit:
                others = "; ".join(
                    f"{r.unit.label if r.unit else ''} {w.quantity(r.value, unit)}"
                    for r in differing
                    if r is not reading
                )
                value += f"; các đơn vị khác báo cáo: {others}"
        return (
            f"- Chỉ tiêu {w.lower_first(indicator.name)}: {value}; mục tiêu "
            f"{_target(indicator)} {_period_words(indicator)}; "
            f"đánh giá: {_assessment_phrase(ind)}."
        )

    def _indicator_row(self, number: int, ind: IndicatorFacts) -> dict[str, str]:
        indicator = ind.indicator
        actual = "; ".join(
            f"{year}: {w.quantity(r.value, indicator.unit_of_measure)}"
            + (" (sơ bộ)" if _is_preliminary(r.source, r.note) else "")
            for year, r in ind.readings.items()
        )
        return {
            "stt": str(number),
            "name": indicator.name,
            "target": f"{_target(indicator)} ({indicator.period.span})",
            "actual": actual or "chưa có số liệu",
            "assessment": ASSESSMENT_LABELS[ind.assessment],
        }

    # --- budget ------------------------------------------------------------------------------

    def _budget(self) -> dict[str, Any]:
        facts = self.facts
        rows = []
        for number, line in enumerate(facts.budget, 1):
            money = line.money
            rows.append(
                {
                    "stt": line.key if self.unit else str(number),  # a task: its own number
                    "unit": line.label,
                    "planned": _planned_cell(money),
                    "spent": _spent_cell(money),
                    "rate": _rate_cell(money),
                }
            )
        total = facts.budget_total
        notes = []
        if total.unknown_units:
            notes.append(
                f"Tổng cộng chưa gồm số liệu của {len(total.unknown_units)} đơn vị chưa gửi báo "
                f"cáo: {', '.join(u.label for u in total.unknown_units)}."
            )
        notes += _spent_missing_note(facts.budget, by_task=self.unit is not None)
        subject = f"của {self.unit.name} theo nhiệm vụ" if self.unit else "theo đơn vị"
        return {
            "budget_title": f"Bảng 2. Kinh phí thực hiện {facts.label} {subject} (đồng)",
            "budget_label": "Nhiệm vụ" if self.unit else "Đơn vị",
            "budget_rows": rows,
            "budget_total": {
                "stt": "",
                "unit": "Tổng cộng" + (" (chưa đủ)" if total.unknown_units else ""),
                "planned": _total_amount(total, total.planned_given, total.planned),
                "spent": _at_least(total) + _total_amount(total, total.spent_given, total.spent),
                "rate": _rate_cell(total),
            },
            "budget_notes": notes,
        }

    # --- III. assessment ---------------------------------------------------------------------

    def _assessment(self) -> tuple[list[str], list[str], list[str]]:
        judged = _Judged.of(self)
        return self._achievements(judged), self._shortcomings(judged), self._causes(judged)

    def _achievements(self, judged: _Judged) -> list[str]:
        lines = []
        if judged.done:
            lines.append(
                f"- {judged.base}, đã hoàn thành {len(judged.done)} nhiệm vụ: {_ids(judged.done)}."
            )
        elif judged.reported:
            lines.append(f"- {judged.base}, chưa có nhiệm vụ nào hoàn thành.")
        if judged.going:
            lines.append(
                f"- {len(judged.going)} nhiệm vụ đang thực hiện theo kế hoạch: "
                f"{_ids(judged.going)}."
            )
        if judged.helped:
            lines.append(
                f"- Phối hợp thực hiện {len(judged.helped)} nhiệm vụ: {_ids(judged.helped)}."
            )
        total = self.facts.budget_total
        if total.planned:
            lines.append(_disbursement_line(total))
        return lines or ["- Chưa có kết quả được báo cáo."]

    def _shortcomings(self, judged: _Judged) -> list[str]:
        lines = []
        if judged.delayed:
            lines.append(f"- {len(judged.delayed)} nhiệm vụ chậm tiến độ: {_ids(judged.delayed)}.")
        if judged.overdue:
            lines.append(
                f"- {len(judged.overdue)} nhiệm vụ đã quá thời hạn hoàn thành mà chưa hoàn "
                f"thành: {_ids(judged.overdue)}."
            )
        if judged.unreported and not self.unit:
            lines.append(
                f"- {len(judged.unreported)} nhiệm vụ chưa có báo cáo của đơn vị chủ trì: "
                f"{_ids(judged.unreported)}."
            )
        if not self.unit:
            lines += self._late_lines()
        if self.facts.difficulties:
            lines.append(
                f"- {len(self.facts.difficulties)} khó khăn, vướng mắc chưa được giải quyết "
                "(nêu tại mục 3)."
            )
        return lines or ["- Không có tồn tại, hạn chế đáng kể."]

    def _causes(self, judged: _Judged) -> list[str]:
        """The open difficulties, those of delayed tasks first; 'none' only when every unit
        has reported."""
        facts = self.facts
        delayed_ids = {t.id for t in judged.delayed}
        ordered = sorted(facts.difficulties, key=lambda d: d.task_id not in delayed_ids)
        causes = [_attributed(d, with_unit=not self.unit) for d in ordered]
        if causes:
            return causes
        if facts.complete:
            return ["- Không có khó khăn, vướng mắc chưa được giải quyết."]
        return [
            "- Các báo cáo đã gửi không nêu khó khăn, vướng mắc chưa được giải quyết; chưa có "
            f"báo cáo của {len(facts.uncounted)} đơn vị."
        ]

    def _late_lines(self) -> list[str]:
        subs = self.facts.submissions
        late = [s.unit.label for s in subs if s.state is SubmissionState.LATE]
        # the receiving unit sends nothing to itself: what it has not sent is its own part
        # (as section I says it)
        waiting = [s for s in subs if not s.counted and s.unit.id != self.receiver.id]
        own = next((s for s in subs if s.unit.id == self.receiver.id and not s.counted), None)
        lines = []
        if late:
            lines.append(f"- Đơn vị gửi báo cáo muộn: {', '.join(late)} (Phụ lục).")
        if waiting:
            names = ", ".join(s.unit.label + _state_note(s) for s in waiting)
            lines.append(f"- Đơn vị chưa gửi báo cáo: {names} (Phụ lục).")
        if own is not None:
            lines.append(
                f"- {own.unit.label} chưa có báo cáo phần việc của mình{_state_note(own)} "
                "(Phụ lục)."
            )
        return lines

    def _gathered(self, items: list[Attributed]) -> list[str]:
        return [_attributed(item, with_unit=not self.unit) for item in items]

    def _no_proposals(self) -> str:
        if self.facts.complete:
            return "- Không có đề xuất, kiến nghị."
        return "- Các báo cáo đã gửi không có đề xuất, kiến nghị."

    # --- closing and appendix -------------------------------------------------------------------

    def _closing(self, reporter: str) -> str:
        label = self.facts.label
        text = f"Trên đây là báo cáo kết quả thực hiện {self.plan_ref} {label} của {reporter}"
        if self.unit and self.unit.id == self.receiver.id:
            return f"{text}; kính báo cáo {self._upward()}./."
        if self.unit:
            return f"{text}, gửi {self.receiver.name} tổng hợp./."
        addressees = self.plan.reporting.report.addressees
        return f"{text}; kính báo cáo {w.join_names(addressees)}./."

    def _closing_block(self) -> dict[str, Any]:
        settings = self.plan.reporting.report
        if self.unit:
            to_receiver = self.unit.id != self.receiver.id
            recipients = [f"{self._upward()} ({'tổng hợp' if to_receiver else 'b/c'})", "Lưu: VT"]
            head = kinds.unit_signer(self.unit)
            signer: dict[str, Any] = {
                "authority": head.authority,
                "title": head.title,
                "name": head.name or "",
            }
        else:
            recipients = list(settings.recipients)
            signer = settings.signer.model_dump()
            signer["name"] = signer["name"] or ""  # a blank name leaves room, never "None"
        return {
            "recipients": _recipient_lines(recipients),
            "signer": {
                key: (value.upper() if key in ("authority", "title") and value else value)
                for key, value in signer.items()
            },
        }

    def _appendix(self) -> dict[str, Any]:
        facts = self.facts
        rows: list[dict[str, str]] = []
        for sub in facts.submissions:
            if sub.state is SubmissionState.ON_TIME:
                continue
            rows.append(
                {
                    "stt": str(len(rows) + 1),
                    "unit": sub.unit.name,
                    "submitted": fmt.short_date(sub.submitted_on) if sub.submitted_on else "—",
                    "state": SUBMISSION_LABELS[sub.state.value] + _days_note(sub),
                    "days": str(sub.days_late) if sub.days_late is not None else "—",
                }
            )
        deadline = fmt.short_date(facts.deadline)
        if self.unit:
            title = f"Tình hình gửi báo cáo {facts.label} của {self.unit.name}"
            sub = facts.submission(self.unit.id)
            empty = (
                f"{self.unit.name} gửi báo cáo ngày {fmt.short_date(sub.submitted_on)}, đúng hạn "
                f"(hạn {deadline})."
                if sub.submitted_on
                else ""
            )
        else:
            title = f"Danh sách đơn vị gửi báo cáo muộn hoặc chưa gửi báo cáo {facts.label}"
            empty = (
                f"Tất cả {len(facts.submissions)} đơn vị đã gửi báo cáo đúng hạn (hạn {deadline})."
            )
        return {"appendix_title": title, "late_rows": rows, "appendix_empty": empty}


# --- sentences ------------------------------------------------------------------------------


def _progress_phrase(report: TaskReport) -> str:
    return f"{STATUS_LABELS[report.status.value]}, đạt {report.progress}% kế hoạch năm"


def _report_lines(report: TaskReport) -> list[str]:
    lines = [f"- Kết quả: {w.sentence(report.results)}"] if report.results else []
    return lines + [_activity_line(a) for a in report.activities]


def _activity_line(activity: Activity) -> str:
    """'+ Title: từ … đến …; state; money. Result.' — no brackets, so a title that ends
    in its own parenthesis never meets a second one."""
    parts = []
    if activity.start or activity.due:
        start = fmt.short_date(activity.start) if activity.start else "…"
        due = fmt.short_date(activity.due) if activity.due else "…"
        parts.append(f"từ {start} đến {due}")
    if activity.finished_on:
        parts.append(f"hoàn thành ngày {fmt.short_date(activity.finished_on)}")
    else:
        parts.append(STATUS_LABELS[activity.status.value])
    budget = activity.budget
    if budget and budget.planned is not None:
        planned = fmt.money(budget.planned)
        if budget.spent is None:
            parts.append(f"dự toán {planned} đồng")
        elif budget.spent == 0:
            parts.append(f"dự toán {planned} đồng, chưa giải ngân")
        else:
            parts.append(f"giải ngân {fmt.money(budget.spent)}/{planned} đồng")
    line = f"+ {w.clean(activity.title).rstrip('.;:')}: {'; '.join(parts)}."
    return line + (f" Kết quả: {w.sentence(activity.result)}" if activity.result else "")


def _specifics(activities: list[Activity]) -> str:
    """' với thời gian thực hiện và dự toán kinh phí cụ thể' — only what every activity
    has: dates (a start or a due date) and a planned amount."""
    dated = all(a.start or a.due for a in activities)
    priced = all(a.budget and a.budget.planned is not None for a in activities)
    what = [
        words
        for words, every in (("thời gian thực hiện", dated), ("dự toán kinh phí", priced))
        if every
    ]
    return f" với {' và '.join(what)} cụ thể" if what else ""


def _own_submission(sub: UnitSubmission, receiver: str, deadline: date) -> str:
    when = fmt.short_date(sub.submitted_on) if sub.submitted_on else "—"
    timing = (
        f"đúng hạn {fmt.short_date(deadline)}"
        if sub.state is SubmissionState.ON_TIME
        else f"muộn {sub.days_late} ngày so với hạn {fmt.short_date(deadline)}"
    )
    return f"Gửi báo cáo về {receiver} ngày {when} ({timing})."


def _state_note(sub: UnitSubmission) -> str:
    if sub.state is SubmissionState.DRAFT:
        return " (đang soạn, chưa gửi)"
    if sub.state is SubmissionState.INVALID:
        return " (tệp báo cáo có lỗi)"
    return ""


def _days_note(sub: UnitSubmission) -> str:
    if sub.days_overdue is not None:
        if sub.state in (SubmissionState.DRAFT, SubmissionState.INVALID):
            return f", quá hạn {sub.days_overdue} ngày"
        return f" {sub.days_overdue} ngày"
    if sub.days_left == 0:
        return " (hôm nay là hạn nộp)"
    if sub.days_left is not None:
        return f" (còn {sub.days_left} ngày đến hạn)"
    return ""


def _attributed(item: Attributed, *, with_unit: bool) -> str:
    """'- text (unit, nhiệm vụ 2.1).' with the text's own final stop moved after it."""
    text = w.clean(item.text).rstrip(".;")
    source = (
        f"{item.unit.label}, nhiệm vụ {item.task_id}" if with_unit else f"nhiệm vụ {item.task_id}"
    )
    return f"- {text} ({source})."


def _ids(tasks: list[Task]) -> str:
    return "; ".join(f"{t.id} ({t.label})" for t in tasks)


def _target(indicator: Indicator) -> str:
    return (
        f"{COMPARISON_WORDS[indicator.comparison.value]} "
        f"{w.quantity(indicator.target, indicator.unit_of_measure)}"
    )


def _assessment_phrase(ind: IndicatorFacts) -> str:
    label = ASSESSMENT_LABELS[ind.assessment]
    p = ind.projection
    if p is None:
        return label
    unit = ind.indicator.unit_of_measure
    step = "điểm phần trăm" if unit == "%" else unit
    change = "tăng" if p.slope > 0 else "giảm" if p.slope < 0 else "không đổi"
    amount = fmt.decimal(fmt.round_half_up(abs(p.slope), 2))
    pace = f"mức {change} bình quân {amount} {step}/năm" if p.slope else "mức không đổi"
    return (
        f"{label.removesuffix(' (ước tính)')} (ước tính: nếu giữ {pace} như {p.from_year} - "
        f"{p.to_year} thì năm {p.end_year} đạt khoảng "
        f"{w.quantity(fmt.round_half_up(p.projected, 1), unit)})"
    )


_PRELIMINARY = ("sơ bộ", "ước tính", "ước đạt", "dự kiến")


def _is_preliminary(source: str | None, note: str | None) -> bool:
    text = f"{source or ''} {note or ''}".lower()
    return any(word in text for word in _PRELIMINARY)


def _source_note(source: str | None, note: str | None) -> str:
    """'nguồn: <cơ quan>, số liệu sơ bộ; <ghi chú>' — a source's own
    bracket becomes a comma, so the sentence never has brackets inside brackets."""
    parts = []
    if source:
        cleaned = w.clean(source)
        if cleaned.endswith(")") and "(" in cleaned:
            head, _, inner = cleaned[:-1].partition("(")
            cleaned = f"{head.strip()}, {inner.strip()}"
        parts.append(f"nguồn: {cleaned}")
    if note:
        parts.append(w.lower_first(w.clean(note)).rstrip("."))
    return "; ".join(parts)


def _addressee_lines(names: list[str]) -> list[str]:
    if len(names) == 1:
        return [f"Kính gửi: {names[0]}."]
    return ["Kính gửi:", *_recipient_lines(names)]


def _recipient_lines(items: list[str]) -> list[str]:
    return [
        f"- {item}{'.' if number == len(items) else ';'}" for number, item in enumerate(items, 1)
    ]


def _item_numbers(tasks: list[Task], parents: dict[str, str | None]) -> dict[str, str]:
    """Decree 30 numbering: top tasks '1.', '2.'; their subtasks 'a)', 'b)'; deeper '-'."""
    numbers: dict[str, str] = {}
    counters: dict[str | None, int] = {}
    selected = {task.id for task in tasks}
    for task in tasks:
        parent = parents.get(task.id)
        if parent not in selected:
            parent = None
        counters[parent] = counters.get(parent, 0) + 1
        if parent is None:
            numbers[task.id] = f"{counters[parent]}."
        elif numbers[parent].endswith("."):
            numbers[task.id] = f"{LETTERS[(counters[parent] - 1) % len(LETTERS)]})"
        else:
            numbers[task.id] = "-"
    return numbers


@dataclass(frozen=True)
class _Judged:
    """The tasks section III judges, sorted by the state their own report gives: in the
    consolidated report every task by its lead; in a unit's, the tasks it leads (the
    tasks it only helps with are listed, never judged)."""

    base: str  # "Trong 7 nhiệm vụ" / "Theo báo cáo của đơn vị chủ trì (5/7 …)"
    reported: list[Task]
    done: list[Task]
    going: list[Task]  # in progress and not past the deadline: 'theo kế hoạch'
    delayed: list[Task]
    unreported: list[Task]
    helped: list[Task]
    overdue: list[Task]

    @classmethod
    def of(cls, context: _Context) -> _Judged:
        tasks = [t for t in context.facts.tasks if not t.is_group]
        helped: list[Task] = []
        unit = context.unit
        if unit:
            helped = [t.task for t in tasks if unit not in t.leads and t.contributions]
            tasks = [t for t in tasks if unit in t.leads]
        if unit:
            states = {t.task.id: r.status for t in tasks if (r := context._own_report(t))}
        else:  # the task's own state: its lead's, or its leading group's
            states = {t.task.id: t.status for t in tasks if t.status is not None}
        reported = [t.task for t in tasks if t.task.id in states]
        unreported = [t.task for t in tasks if t.task.id not in states]

        def having(status: TaskStatus) -> list[Task]:
            return [t for t in reported if states[t.id] is status]

        # a task past its deadline and not done is told once, as overdue: never also as
        # 'đang thực hiện theo kế hoạch'
        overdue = [t.task for t in tasks if context._overdue(t)]
        late = {t.id for t in overdue}

        base = (
            f"Theo báo cáo của đơn vị chủ trì ({len(reported)}/{len(tasks)} nhiệm vụ có báo cáo)"
            if unreported
            else f"Trong {len(tasks)} nhiệm vụ" + (" chủ trì" if unit else "")
        )
        return cls(
            base,
            reported,
            having(TaskStatus.DONE),
            [t for t in having(TaskStatus.IN_PROGRESS) if t.id not in late],
            having(TaskStatus.DELAYED),
            unreported,
            helped,
            overdue,
        )


def _header_lines(name: str, bold: bool = True) -> str:
    """A name for the header block, broken into lines that fit; '' stays ''."""
    return header_name_lines(name, bold=bold) if name else ""


def _period_words(indicator: Indicator) -> str:
    start, end = indicator.period.start, indicator.period.end
    return f"năm {start}" if start == end else f"giai đoạn {start} - {end}"


def _planned_cell(money: Money | None) -> str:
    """A planned amount for a table cell: 'chưa rõ' when the unit has not reported,
    'không ghi' when it reported activities without amounts — never a 0 nobody wrote."""
    if money is None:
        return "chưa rõ"
    return fmt.money(money.planned) if money.planned_given else "không ghi"


def _spent_cell(money: Money | None) -> str:
    """A spent amount, as the planned one; 'ít nhất …' when some priced activity has no
    spent amount written (the sum leaves it out)."""
    if money is None:
        return "chưa rõ"
    return _at_least(money) + fmt.money(money.spent) if money.spent_given else "không ghi"


def _rate_cell(money: Money | None) -> str:
    """The rate only where it is a fact (Money.rate): otherwise a dash."""
    return fmt.percent(money.rate, 1) if money and money.rate is not None else "—"


def _at_least(money: Money) -> str:
    return "ít nhất " if money.spent_partial else ""


def _total_amount(total: Money, written: bool, value: int) -> str:
    """The total's cell: the sum of the amounts written; when none was, 'chưa rõ' if some
    unit has not reported (its part may hold money), else 'không ghi' — never 0."""
    if written:
        return fmt.money(value)
    return "chưa rõ" if total.unknown_units else "không ghi"


def _disbursement_line(total: Money) -> str:
    """Section III's money sentence (the plan has a planned total): the rate only when
    every priced activity's spent amount is written, 'ít nhất' when some is missing, and
    no disbursement figure at all when none was written — never a 0 nobody wrote."""
    units = (
        f"chưa gồm số liệu của {len(total.unknown_units)} đơn vị chưa gửi báo cáo"
        if total.unknown_units
        else ""
    )
    planned = fmt.money(total.planned)
    if not total.spent_given:
        partial = f" ({units})" if units else ""
        return f"- Dự toán các hoạt động {planned} đồng{partial}; chưa có số liệu giải ngân."
    if total.rate is None:
        missing = f"{total.spent_missing} hoạt động chưa ghi số đã giải ngân"
        partial = "; ".join(part for part in (missing, units) if part)
        return (
            f"- Giải ngân ít nhất {fmt.money(total.spent)}/{planned} đồng dự toán các "
            f"hoạt động ({partial})."
        )
    partial = f"; {units}" if units else ""
    return (
        f"- Giải ngân {fmt.money(total.spent)}/{planned} đồng "
        f"({fmt.percent(total.rate, 1)} dự toán các hoạt động{partial})."
    )


def _spent_missing_note(lines: list[BudgetLine], by_task: bool) -> list[str]:
    """Under table 2: which rows leave out priced activities that wrote no spent amount,
    so that 'ít nhất' and the missing rates are explained, not guessed."""
    short = [(line, line.money) for line in lines if line.money and line.money.spent_missing]
    if not short:
        return []
    count = sum(money.spent_missing for _, money in short)
    names = [f"nhiệm vụ {line.key}" if by_task else line.label for line, _ in short]
    kind = "nhiệm vụ" if by_task else "đơn vị"
    if len(short) == 1:
        whose, subject = f" của {names[0]}", f"{kind} này"
    else:
        parts = "; ".join(
            f"{name}: {money.spent_missing} hoạt động"
            for name, (_, money) in zip(names, short, strict=True)
        )
        whose, subject = f" ({parts})", f"các {kind} này"
    return [
        f"Có {count} hoạt động{whose} đã ghi dự toán nhưng chưa ghi số đã giải ngân, nên "
        f"chưa tính được tỷ lệ giải ngân của {subject} và của tổng cộng."
    ]
