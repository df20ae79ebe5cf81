"""I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI: how the plan was assigned, the activities built, who
has reported. Pure: it words the facts and the report findings."""

from __future__ import annotations

from kehoach_cli import formatting as fmt
from kehoach_cli.facts.model import SubmissionState
from kehoach_cli.model import kinds
from kehoach_cli.model.plan import Task
from kehoach_cli.model.progress import Activity
from kehoach_cli.report import wording as w
from kehoach_cli.report.parts.words import Words, state_note


def direction(words: Words) -> list[str]:
    return _unit_direction(words) if words.unit else _plan_direction(words)


def _unit_direction(words: Words) -> list[str]:
    unit, index, facts = words.unit, words.index, words.facts
    assert unit is not None
    led = index.led_tasks(unit.id)
    cooperated = [t for t in index.assigned_tasks(unit.id) if t not in led]
    roles = []
    if led:
        roles.append(f"chủ trì {w.count_tasks(led)}")
    if cooperated:
        roles.append(f"phối hợp {w.count_tasks(cooperated)}")
    lines = [f"- {unit.name} được giao {' và '.join(roles)} theo {words.plan_ref}."]
    own = [a for t in facts.tasks for c in t.contributions for a in c.report.activities]
    if own:
        lines.append(f"- Xây dựng {len(own)} hoạt động chi tiết {facts.label}{specifics(own)}.")
    sending = _own_sending(words)
    if sending:
        lines.append(f"- {sending}")
    return lines


def _own_sending(words: Words) -> str | None:
    """The unit's report as it was sent: only when the document is dated on the day it was
    sent (a document signed earlier cannot tell its own sending). The receiving unit sends
    nothing to itself: the deadline of the reports sent to it is not its own."""
    assert words.unit is not None
    sub = words.facts.submission(words.unit.id)
    if sub.submitted_on is None or words.report_date != sub.submitted_on:
        return None
    when = fmt.short_date(sub.submitted_on)
    if words.receiver_own:
        return f"Hoàn thành báo cáo phần việc của đơn vị ngày {when}."
    deadline = fmt.short_date(words.facts.deadline)
    timing = (
        f"đúng hạn {deadline}"
        if sub.state is SubmissionState.ON_TIME
        else f"muộn {sub.days_late} ngày so với hạn {deadline}"
    )
    return f"Gửi báo cáo về {words.upward} ngày {when} ({timing})."


def _plan_direction(words: Words) -> list[str]:
    index, plan = words.index, words.plan
    phrase = plan.reporting.report.units_phrase or kinds.units_phrase(index.reporting_units)
    line = f"- Triển khai {words.plan_ref} đến {phrase}; {_assignment(words)}"
    lines = [line]
    activities = _activities_line(words)
    if activities:
        lines.append(activities)
    lines.append(_submission_line(words))
    return lines


def _assignment(words: Words) -> str:
    """'phân công 9 nhiệm vụ cho 5 đơn vị chủ trì và UBND các xã, thị trấn (4 đơn vị, cùng
    chủ trì 1 nhiệm vụ), …': the tasks that carry work (not a parent counted beside its own
    subtasks), a leading group once, as the group it is."""
    index = words.index
    concrete = [t for t in index.tasks.values() if index.leads[t.id] and not _led_below(t, words)]
    singles: list[str] = []
    groups: dict[str, list[Task]] = {}
    for task in concrete:
        group = index.lead_group(task)
        if group is not None:
            groups.setdefault(group.id, []).append(task)
        elif index.leads[task.id][0] not in singles:
            singles.append(index.leads[task.id][0])
    leaders = {u for t in concrete for u in index.leads[t.id]}
    helpers = [
        u for u in index.reporting_units if u.id not in leaders and index.assigned_tasks(u.id)
    ]
    if not groups:
        line = f"phân công {len(concrete)} nhiệm vụ cho {len(singles)} đơn vị chủ trì"
    else:
        parts = [f"{len(singles)} đơn vị chủ trì"] if singles else []
        for group_id, tasks in groups.items():
            group = index.groups[group_id]
            members = len(index.expand([f"group:{group_id}"]))
            parts.append(f"{group.name} ({members} đơn vị, cùng chủ trì {len(tasks)} nhiệm vụ)")
        line = f"phân công {len(concrete)} nhiệm vụ cho {w.join_names(parts)}"
    line += f", {len(helpers)} đơn vị khác phối hợp thực hiện." if helpers else "."
    return line


def _led_below(task: Task, words: Words) -> bool:
    """A subtask somewhere below has its own lead: the work is counted there."""
    pending = list(task.subtasks)
    while pending:
        current = pending.pop()
        if words.index.leads.get(current.id):
            return True
        pending.extend(current.subtasks)
    return False


def _activities_line(words: Words) -> str | None:
    """'- UBND xã A xây dựng 3 hoạt động chi tiết 6 tháng đầu năm 2026 …': the units that
    built them — named when few, 'Các đơn vị' when every unit did — never the units that
    reported, and the period reported on."""
    facts = words.facts
    built: dict[str, list[Activity]] = {}
    for t in facts.tasks:
        for c in t.contributions:
            built.setdefault(c.unit.id, []).extend(c.report.activities)
    builders = [s.unit for s in facts.submissions if built.get(s.unit.id)]
    if not builders:
        return None
    every = [a for u in builders for a in built[u.id]]
    if len(builders) == len(facts.submissions) and len(builders) > 1:
        who = "Các đơn vị"
    elif len(builders) == 1:
        who = builders[0].label
    elif len(builders) <= 3:
        who = f"{len(builders)} đơn vị ({', '.join(u.label for u in builders)})"
    else:  # a long list of names would bury the sentence: the count says it
        who = f"{len(builders)} đơn vị"
    return f"- {who} xây dựng {len(every)} hoạt động chi tiết {facts.label}{specifics(every)}."


def _submission_line(words: Words) -> str:
    facts, findings = words.facts, words.findings
    reports = findings.reports
    on_time = sum(r.state is SubmissionState.ON_TIME for r in reports)
    late = sum(r.late for r in reports)
    deadline = fmt.short_date(facts.deadline)
    head = f"- Đến ngày {fmt.short_date(facts.as_of)}, "
    if on_time + late == 0:
        line = f"{head}chưa đơn vị nào gửi báo cáo về {words.receiver.name} (hạn {deadline})"
    else:
        parts = [f"{on_time} đúng hạn" if on_time else "", f"{late} gửi muộn" if late else ""]
        line = (
            f"{head}{on_time + late}/{len(reports)} đơn vị đã gửi báo cáo về "
            f"{words.receiver.name} ({', '.join(p for p in parts if p)}; hạn {deadline})"
        )
    waiting = [r for r in reports if not r.sent and not r.receiver_own]
    if waiting:
        notes = [state_note(r.submission) for r in waiting]
        line += "; chưa gửi: " + fmt.list_names([r.unit.label for r in waiting], notes)
    own = findings.receiver_own_missing
    if own is not None:
        line += f"; {own.unit.label} chưa có báo cáo phần việc của mình{state_note(own.submission)}"
    return line + "."


def specifics(activities: list[Activity]) -> str:
    """' với thời gian thực hiện và dự toán kinh phí cụ thể' — only what every activity
    has: dates (a start or a due date) and a planned amount."""
    dated = all(a.start or a.due for a in activities)
    priced = all(a.budget and a.budget.planned is not None for a in activities)
    what = [
        phrase
        for phrase, every in (("thời gian thực hiện", dated), ("dự toán kinh phí", priced))
        if every
    ]
    return f" với {' và '.join(what)} cụ thể" if what else ""
