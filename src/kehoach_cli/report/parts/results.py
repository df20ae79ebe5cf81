"""II. KẾT QUẢ THỰC HIỆN, task by task: the lead's report (or a group's members', or a
unit's own part), the deadline with the finding on it, the cooperating units, the
indicators the task follows. Pure: judgments come from the task findings."""

from __future__ import annotations

from typing import Any

from kehoach_cli import formatting as fmt
from kehoach_cli.facts.findings import TaskFinding, TaskVerdict
from kehoach_cli.facts.labels import SUBMISSION_LABELS
from kehoach_cli.facts.model import TaskFacts
from kehoach_cli.model.plan import SectionContent, Task, Unit
from kehoach_cli.model.progress import STATUS_LABELS, Activity, TaskReport
from kehoach_cli.report import wording as w
from kehoach_cli.report.parts.indicator_words import indicator_line
from kehoach_cli.report.parts.words import NBSP, Words, state_note

# Vietnamese item letters: a) b) c) d) đ) e) g) … (no f, j, w, z).
LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()  # noqa: SIM905


def results_intro(words: Words) -> str:
    tasks = words.facts.tasks
    led = [t for t in tasks if not t.is_group]
    what = f"{len(led)} nhiệm vụ được giao" if words.unit else f"{len(led)} nhiệm vụ"
    if any(t.is_group for t in tasks) and not words.unit:
        what += f" ({_count_parts(words, tasks)})"  # Table 1 shows headings too: say how
    return f"Kết quả thực hiện {what} được tổng hợp tại Bảng 1 và trình bày chi tiết dưới đây."


def _count_parts(words: Words, tasks: list[TaskFacts]) -> str:
    """'nhiệm vụ 1, 4; 6 nhiệm vụ cụ thể thuộc nhiệm vụ 2': the top of the tree in plan
    order, single tasks run together."""
    parts: list[str] = []
    singles: list[str] = []
    for t in tasks:
        if words.index.parent.get(t.task.id) is not None:
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


def results(words: Words) -> list[dict[str, Any]]:
    numbers = item_numbers([t.task for t in words.facts.tasks], words.index.parent)
    items = []
    for t in words.facts.tasks:
        title = w.clean(t.task.title or t.task.label)
        heading = f"{numbers[t.task.id]} {title} (nhiệm{NBSP}vụ{NBSP}{t.task.id})"
        if t.is_group:
            lines = [_group_line(t)]
        elif words.unit:
            lines = _own_lines(words, t)
        else:
            lines = _task_lines(words, t)
        lines += [
            indicator_line(words, i)
            for i in words.facts.indicators
            if i.indicator.task == t.task.id
        ]
        items.append({"heading": heading, "lines": lines})
    return items


def _group_line(t: TaskFacts) -> str:
    known, total = t.progress_base or (0, len(t.subtask_ids))
    if not known:
        return f"- Gồm {total} nhiệm vụ cụ thể; chưa có báo cáo của đơn vị chủ trì nào."
    if t.progress is not None:
        base = f"cả {total} nhiệm vụ" if known == total else f"{known}/{total} nhiệm vụ"
        return (
            f"- Gồm {total} nhiệm vụ cụ thể; tiến độ bình quân {t.progress}% "
            f"(tính trên {base}, theo báo cáo của đơn vị chủ trì)."
        )
    # some lead below has not reported: the mean of those that have is not the task's
    return (
        f"- Gồm {total} nhiệm vụ cụ thể; chưa đủ báo cáo của các đơn vị chủ trì để tính tiến độ "
        f"chung (bình quân các phần đã báo cáo: {t.progress_partial}%)."
    )


def _task_lines(words: Words, t: TaskFacts) -> list[str]:
    if t.group_led:
        lines = _group_lead_lines(words, t)
    elif t.lead is not None:
        lines = _lead_lines(words, t, t.lead)
    else:
        lines = ["- Kế hoạch không giao đơn vị chủ trì nhiệm vụ này."]
    lines += deadline_lines(words, t)
    return lines + _cooperation_lines(words, t)


def deadline_lines(words: Words, t: TaskFacts) -> list[str]:
    deadline = t.task.deadline
    if deadline is None:
        return []
    when = (
        f" (đến {fmt.short_date(t.due)})"
        if t.due and t.due.strftime("%d/%m") not in deadline.text
        else ""
    )
    line = f"- {_deadline_label(words)}: {deadline.text}{when}"
    finding = words.finding(t)
    if finding.verdict is TaskVerdict.OVERDUE:
        line += "; đã quá hạn, chưa hoàn thành"
    elif finding.verdict is TaskVerdict.DUE_PASSED_UNCONFIRMED and finding.reported_on:
        line += (
            f"; thời hạn đã qua sau ngày báo cáo ({fmt.short_date(finding.reported_on)}), chưa "
            "có báo cáo cập nhật"
        )
    return [line + "."]


def _deadline_label(words: Words) -> str:
    """The plan's own word for a task's deadline (its tasks section's label)."""
    for section in words.plan.sections:
        if section.content is SectionContent.TASKS:
            return section.deadline_label
    return "Thời gian hoàn thành"


def _group_lead_lines(words: Words, t: TaskFacts) -> list[str]:
    """Each member of the leading group leads its own part: all of them, then the
    members that have not reported."""
    assert t.lead_group is not None
    known, total = t.progress_base or (0, len(t.leads))
    head = (
        f"- Đơn vị chủ trì: {t.lead_group.name} ({total} đơn vị, mỗi đơn vị chủ trì phần của mình)"
    )
    if known:
        base = f"cả {total} đơn vị" if known == total else f"{known}/{total} đơn vị đã báo cáo"
        head += f"; tiến độ bình quân {t.progress_partial}% (tính trên {base})"
    lines = [head + "."]
    finding = words.finding(t)
    for unit in t.leads:
        report = t.lead_reports.get(unit.id)
        if report is not None:
            lines.append(f"- {unit.name}: {words.progress_phrase(report)}.")
            lines += report_lines(report, finding)
    waiting = [u for u in t.leads if u.id not in t.lead_reports]
    if waiting:
        notes = [state_note(words.facts.submission(u.id)) for u in waiting]
        names = fmt.list_names([u.name for u in waiting], notes)
        lines.append(f"- Chưa có báo cáo của: {names}.")
    return lines


def _lead_lines(words: Words, t: TaskFacts, lead: Unit) -> list[str]:
    lead_sub = t.lead_submission
    if t.lead_report is not None:
        return [
            f"- Đơn vị chủ trì: {lead.name}; tình trạng: {words.progress_phrase(t.lead_report)}.",
            *report_lines(t.lead_report, words.finding(t)),
        ]
    if lead_sub is not None and lead_sub.counted:
        return [
            f"- Đơn vị chủ trì: {lead.name}; báo cáo của đơn vị không có nội dung về nhiệm vụ này."
        ]
    state = SUBMISSION_LABELS[lead_sub.value] if lead_sub else "chưa gửi"
    return [f"- Đơn vị chủ trì: {lead.name}; chưa có báo cáo {words.label} ({state})."]


def _cooperation_lines(words: Words, t: TaskFacts) -> list[str]:
    lines = []
    finding = words.finding(t)
    for c in t.contributions:
        if c.role != "cooperate":
            continue
        text = (
            w.sentence(c.report.results)
            if c.report.results
            else w.capital(words.progress_phrase(c.report)) + "."
        )
        lines.append(f"- {c.unit.name} (phối hợp): {text}")
        lines += [activity_line(a, finding) for a in c.report.activities]
    # a cooperating unit that reported but wrote nothing here is named, not passed over
    silent = [g.unit.label for g in words.findings.cooperation_gaps if g.task_id == t.task.id]
    if silent:
        lines.append(
            "- Đơn vị phối hợp đã gửi báo cáo nhưng không có nội dung về nhiệm vụ này: "
            + fmt.list_names(silent)
            + "."
        )
    waiting = [u for u in t.cooperators_expected if not words.facts.submission(u.id).counted]
    if waiting:
        lines.append(
            "- Chưa có báo cáo của đơn vị phối hợp: "
            + fmt.list_names(
                [u.name for u in waiting],
                [state_note(words.facts.submission(u.id)) for u in waiting],
            )
            + "."
        )
    return lines


def _own_lines(words: Words, t: TaskFacts) -> list[str]:
    """A unit's own report on a task: its own part only, never the lead's or others'."""
    assert words.unit is not None
    own = words.own_report(t)
    finding = words.finding(t)
    if words.unit in t.leads:
        role = f"chủ trì phần của đơn vị ({t.lead_name})" if t.group_led else "chủ trì"
        if own is None:
            return [f"- Vai trò: {role}; báo cáo của đơn vị không có nội dung về nhiệm vụ này."]
        return [
            f"- Vai trò: {role}; tình trạng: {words.progress_phrase(own)}.",
            *report_lines(own, finding),
            *deadline_lines(words, t),
        ]
    head = f"- Vai trò: phối hợp (đơn vị chủ trì: {t.lead_name or 'chưa giao'})"
    if own is None:
        return [f"{head}; báo cáo của đơn vị không có nội dung về phần phối hợp."]
    text = w.sentence(own.results) if own.results else w.capital(words.progress_phrase(own)) + "."
    return [f"{head}: {text}", *[activity_line(a, finding) for a in own.activities]]


def report_lines(report: TaskReport, finding: TaskFinding | None = None) -> list[str]:
    lines = [f"- Kết quả: {w.sentence(report.results)}"] if report.results else []
    return lines + [activity_line(a, finding) for a in report.activities]


def activity_line(activity: Activity, finding: TaskFinding | None = None) -> str:
    """'+ Title: từ … đến …; state; money. Result.' — no brackets, so a title that ends
    in its own parenthesis never meets a second one. An activity the finding holds past
    its own due date, not done, says so."""
    parts = []
    if activity.start or activity.due:
        start = fmt.short_date(activity.start) if activity.start else "…"
        due = fmt.short_date(activity.due) if activity.due else "…"
        parts.append(f"từ {start} đến {due}")
    if activity.finished_on:
        parts.append(f"hoàn thành ngày {fmt.short_date(activity.finished_on)}")
    else:
        state = STATUS_LABELS[activity.status.value]
        late = finding is not None and any(a is activity for a in finding.overdue_activities)
        parts.append(f"{state}, quá hạn" if late else state)
    budget = activity.budget
    if budget and budget.planned is not None:
        planned = fmt.money(budget.planned)
        if budget.spent is None:
            parts.append(f"dự toán {planned} đồng")
        elif budget.spent == 0:
            parts.append(f"dự toán {planned} đồng, chưa giải ngân")
        elif budget.spent > budget.planned:
            parts.append(f"giải ngân {fmt.money(budget.spent)}/{planned} đồng, vượt dự toán")
        else:
            parts.append(f"giải ngân {fmt.money(budget.spent)}/{planned} đồng")
    line = f"+ {w.clean(activity.title).rstrip('.;:')}: {'; '.join(parts)}."
    return line + (f" Kết quả: {w.sentence(activity.result)}" if activity.result else "")


def item_numbers(tasks: list[Task], parents: dict[str, str | None]) -> dict[str, str]:
    """Decree 30 numbering: top tasks '1.', '2.'; their subtasks 'a)', 'b)'. A tree of
    three levels or more is numbered by the plan's own ids ('3.', '3.2.', '3.2.1.'): a third
    level under 'a)' would be '-', a heading that reads as a bullet of the text."""
    numbers: dict[str, str] = {}
    counters: dict[str | None, int] = {}
    selected = {task.id for task in tasks}
    above = [parents.get(task.id) for task in tasks]
    if any(p in selected and parents.get(p) in selected for p in above if p is not None):
        return {task.id: f"{task.id}." for task in tasks}
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
