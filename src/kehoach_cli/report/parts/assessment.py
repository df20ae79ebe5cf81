"""III. ĐÁNH GIÁ CHUNG: what was achieved, the shortcomings, their causes. Every line words
a finding; the list of shortcomings is the findings' own (facts/findings.py), each kind
worded by one entry of a registry, so 'no shortcoming' is said only when there is none."""

from __future__ import annotations

from collections.abc import Callable

from kehoach_cli import formatting as fmt
from kehoach_cli.facts.findings import (
    AmountOutOfRange,
    CooperationGap,
    IndicatorFinding,
    ReportFinding,
    Role,
    Shortcoming,
    TaskFinding,
    TaskVerdict,
)
from kehoach_cli.facts.model import Attributed
from kehoach_cli.model.progress import TaskStatus
from kehoach_cli.report import wording as w
from kehoach_cli.report.parts.tables import disbursement_line
from kehoach_cli.report.parts.words import Words, attributed, ids, state_note


def assessment(words: Words) -> tuple[list[str], list[str], list[str]]:
    return _achievements(words), _shortcomings(words), _causes(words)


def _achievements(words: Words) -> list[str]:
    findings = words.findings
    judged = findings.judged_tasks
    reported = [t for t in judged if t.verdict is not TaskVerdict.NO_REPORT]
    done = [t for t in judged if t.verdict is TaskVerdict.DONE and t.role is not Role.OWN_PART]
    # a unit leading its part of a group's task has finished its part, not the task
    parts = [t for t in judged if t.verdict is TaskVerdict.DONE and t.role is Role.OWN_PART]
    lines = []
    base = _base(words, judged, reported)
    if done:
        lines.append(f"- {base}, đã hoàn thành {len(done)} nhiệm vụ: {_ids(done)}.")
    elif reported and not parts:
        lines.append(f"- {base}, chưa có nhiệm vụ nào hoàn thành.")
    if parts:
        lines.append(
            f"- Hoàn thành phần của đơn vị trong {len(parts)} nhiệm vụ do nhiều đơn vị cùng "
            f"chủ trì: {_ids(parts)}."
        )
    going = [
        t
        for t in judged
        if t.verdict is TaskVerdict.ON_SCHEDULE and t.status is TaskStatus.IN_PROGRESS
    ]
    if going:
        lines.append(f"- {len(going)} nhiệm vụ đang thực hiện theo kế hoạch: {_ids(going)}.")
    waiting = [
        t
        for t in judged
        if t.verdict is TaskVerdict.ON_SCHEDULE and t.status is TaskStatus.NOT_STARTED
    ]
    if waiting:
        lines.append(f"- {len(waiting)} nhiệm vụ chưa bắt đầu, chưa đến thời hạn: {_ids(waiting)}.")
    helped = findings.tasks_with(TaskVerdict.CONTRIBUTED)
    if helped:
        lines.append(f"- Phối hợp thực hiện {len(helped)} nhiệm vụ: {_ids(helped)}.")
    total = words.facts.budget_total
    if total.planned:
        lines.append(disbursement_line(total))
    return lines or ["- Chưa có kết quả được báo cáo."]


def _base(words: Words, judged: list[TaskFinding], reported: list[TaskFinding]) -> str:
    if len(reported) < len(judged):
        return (
            f"Theo báo cáo của đơn vị chủ trì ({len(reported)}/{len(judged)} nhiệm vụ có báo cáo)"
        )
    return f"Trong {len(judged)} nhiệm vụ" + (" chủ trì" if words.unit else "")


def _shortcomings(words: Words) -> list[str]:
    lines = []
    for shortcoming in words.findings.shortcomings:
        lines += _WORDING[shortcoming.kind](words, shortcoming)
    if lines:
        return lines
    if words.facts.complete:
        return ["- Không có tồn tại, hạn chế đáng kể."]
    waiting = words.findings.not_yet_due
    return [
        "- Các báo cáo đã gửi không nêu tồn tại, hạn chế; chưa đến hạn báo cáo của "
        f"{len(waiting)} đơn vị."
        if waiting
        else "- Các báo cáo đã gửi không nêu tồn tại, hạn chế."
    ]


def _causes(words: Words) -> list[str]:
    """The open difficulties, those of delayed tasks first; 'none' only when every unit
    has reported."""
    facts = words.facts
    delayed = {t.task.id for t in words.findings.tasks_with(TaskVerdict.BEHIND)}
    ordered = sorted(facts.difficulties, key=lambda d: d.task_id not in delayed)
    causes = [attributed(d, with_unit=not words.unit) for d in ordered]
    if causes:
        return causes
    if facts.complete:
        return ["- Không có khó khăn, vướng mắc chưa được giải quyết."]
    return [
        "- Các báo cáo đã gửi không nêu khó khăn, vướng mắc chưa được giải quyết; chưa có "
        f"báo cáo của {len(facts.uncounted)} đơn vị."
    ]


# --- the shortcomings' words, one entry per kind ---------------------------------------------

Wording = Callable[[Words, Shortcoming], list[str]]


def _tasks(items: tuple[object, ...]) -> list[TaskFinding]:
    return [i for i in items if isinstance(i, TaskFinding)]


def _ids(findings: list[TaskFinding]) -> str:
    return ids([f.task for f in findings])


def _behind(words: Words, s: Shortcoming) -> list[str]:
    tasks = _tasks(s.items)
    return [f"- {len(tasks)} nhiệm vụ chậm tiến độ: {_ids(tasks)}."]


def _overdue(words: Words, s: Shortcoming) -> list[str]:
    tasks = _tasks(s.items)
    return [
        f"- {len(tasks)} nhiệm vụ đã quá thời hạn hoàn thành mà chưa hoàn thành: {_ids(tasks)}."
    ]


def _overdue_activities(words: Words, s: Shortcoming) -> list[str]:
    tasks = _tasks(s.items)
    parts = "; ".join(
        f"{t.task.id} ("
        + ", ".join(
            f"{w.clean(a.title).rstrip('.;:')}, hạn {fmt.short_date(a.due)}"
            for a in t.overdue_activities
            if a.due
        )
        + ")"
        for t in tasks
    )
    count = sum(len(t.overdue_activities) for t in tasks)
    return [f"- {count} hoạt động quá hạn chưa hoàn thành, thuộc {len(tasks)} nhiệm vụ: {parts}."]


def _due_passed(words: Words, s: Shortcoming) -> list[str]:
    tasks = _tasks(s.items)
    return [
        f"- {len(tasks)} nhiệm vụ đã đến thời hạn hoàn thành sau ngày đơn vị chủ trì báo cáo, "
        f"chưa có báo cáo cập nhật: {_ids(tasks)}."
    ]


def _lead_owes(words: Words, s: Shortcoming) -> list[str]:
    tasks = _tasks(s.items)
    if words.unit is not None:
        return [
            f"- Báo cáo của đơn vị chưa có nội dung về {len(tasks)} nhiệm vụ chủ trì: "
            f"{_ids(tasks)}."
        ]
    none = [t for t in tasks if t.verdict is TaskVerdict.NO_REPORT]
    some = [t for t in tasks if t.verdict is TaskVerdict.PARTLY_REPORTED]
    lines = []
    if none:
        lines.append(f"- {len(none)} nhiệm vụ chưa có báo cáo của đơn vị chủ trì: {_ids(none)}.")
    if some:
        parts = "; ".join(
            f"{t.task.id} ({t.task.label}: chưa có báo cáo của "
            f"{', '.join(u.label for u, _ in t.lead_states)})"
            for t in some
        )
        lines.append(f"- {len(some)} nhiệm vụ chưa đủ báo cáo của các đơn vị chủ trì: {parts}.")
    return lines


def _reports(items: tuple[object, ...]) -> list[ReportFinding]:
    return [i for i in items if isinstance(i, ReportFinding)]


def _late(words: Words, s: Shortcoming) -> list[str]:
    reports = _reports(s.items)
    if words.unit is not None:
        days = reports[0].submission.days_late
        return [f"- Báo cáo gửi muộn {days} ngày so với hạn {fmt.short_date(reports[0].deadline)}."]
    return [f"- Đơn vị gửi báo cáo muộn: {', '.join(r.unit.label for r in reports)} (Phụ lục)."]


def _missing(words: Words, s: Shortcoming) -> list[str]:
    reports = _reports(s.items)
    if words.unit is not None:
        return []  # a unit's report that counts was sent: nothing of it is missing
    names = fmt.list_names(
        [r.unit.label for r in reports], [state_note(r.submission) for r in reports]
    )
    return [f"- Đơn vị chưa gửi báo cáo: {names} (Phụ lục)."]


def _receiver_own(words: Words, s: Shortcoming) -> list[str]:
    if words.unit is not None:
        return []
    own = _reports(s.items)[0]
    return [
        f"- {own.unit.label} chưa có báo cáo phần việc của mình{state_note(own.submission)} "
        "(Phụ lục)."
    ]


def _indicators(words: Words, s: Shortcoming) -> list[str]:
    found = [i for i in s.items if isinstance(i, IndicatorFinding)]
    lines = []
    for assessment, words_for in (
        ("missed", "không đạt"),
        ("at_risk", "có nguy cơ không đạt (ước tính)"),
    ):
        names = [
            w.lower_first(words.index.indicators[f.indicator_id].name)
            for f in found
            if f.assessment == assessment
        ]
        if names:
            lines.append(f"- {len(names)} chỉ tiêu {words_for}: {'; '.join(names)}.")
    return lines


def _cooperation_gaps(words: Words, s: Shortcoming) -> list[str]:
    gaps = [i for i in s.items if isinstance(i, CooperationGap)]
    by_unit: dict[str, list[str]] = {}
    labels: dict[str, str] = {}
    for gap in gaps:
        by_unit.setdefault(gap.unit.id, []).append(gap.task_id)
        labels[gap.unit.id] = gap.unit.label
    parts = "; ".join(f"{labels[u]} (nhiệm vụ {', '.join(tasks)})" for u, tasks in by_unit.items())
    return [
        f"- {len(by_unit)} đơn vị phối hợp đã gửi báo cáo nhưng không có nội dung về nhiệm vụ "
        f"được phối hợp: {parts}."
    ]


def _cooperation_empty(words: Words, s: Shortcoming) -> list[str]:
    tasks = [t for t in _tasks(s.items) if t.role is Role.COOPERATE]
    if not tasks:
        return []
    return [
        f"- Báo cáo của đơn vị chưa có nội dung về {len(tasks)} nhiệm vụ phối hợp: "
        f"{', '.join(t.task.id for t in tasks)}."
    ]


def _amounts(words: Words, s: Shortcoming) -> list[str]:
    amounts = [i for i in s.items if isinstance(i, AmountOutOfRange)]
    return [
        f"- {len(amounts)} hoạt động ghi số giải ngân vượt dự toán, cần kiểm tra lại số liệu "
        "(ghi chú dưới Bảng 2)."
    ]


def _difficulties(words: Words, s: Shortcoming) -> list[str]:
    items = [i for i in s.items if isinstance(i, Attributed)]
    return [f"- {len(items)} khó khăn, vướng mắc chưa được giải quyết (nêu tại mục 3)."]


_WORDING: dict[str, Wording] = {
    "behind": _behind,
    "overdue": _overdue,
    "overdue_activities": _overdue_activities,
    "due_passed": _due_passed,
    "lead_owes_report": _lead_owes,
    "late_reports": _late,
    "overdue_reports": _missing,
    "receiver_own": _receiver_own,
    "indicators": _indicators,
    "cooperation_gaps": _cooperation_gaps,
    "cooperation_empty": _cooperation_empty,
    "amounts": _amounts,
    "difficulties": _difficulties,
}
