"""`kehoach import`: a filled form → data/progress/…/<unit>.yaml, written only when the
checks of `kehoach validate` find no error in it; every problem named by its cell."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from ruamel.yaml.error import YAMLError

from kehoach_cli.checks.plan_view import PlanView
from kehoach_cli.checks.run import check_progress_bytes, check_progress_file, load_plan
from kehoach_cli.diagnostics import Issue
from kehoach_cli.errors import DataProblem, UsageProblem, shortened
from kehoach_cli.forms.in_place import updated_text
from kehoach_cli.forms.read import FormData, FormUnreadable, Problem, read_form
from kehoach_cli.forms.source import NO_FILE, digest, read_mark
from kehoach_cli.forms.typed import read_numbers
from kehoach_cli.forms.wording import form_hint, in_form_words
from kehoach_cli.forms.yaml_text import (
    Details,
    FormYaml,
    filled_indicators,
    form_yaml,
    id_text,
    text_lines,
)
from kehoach_cli.loading.text import MAX_FILE_BYTES
from kehoach_cli.loading.workspace import ProgressRef, Workspace
from kehoach_cli.model.index import PlanIndex
from kehoach_cli.model.plan import ReportingPeriod
from kehoach_cli.model.progress import Progress


@dataclass
class Imported:
    target: Path  # the unit's file: the one there is (.yaml or .yml), else the new .yaml
    text: str  # what the file will hold
    warnings: list[str]
    tasks: int
    activities: int
    indicators: int
    left_out: list[str]  # what the file it would replace holds that the form does not carry
    previous: str | None = None  # the file as it is (None: no file yet)
    stale: str | None = None  # why the form is older than the file (None: it is not)


def plan_index(workspace: Workspace) -> PlanIndex:
    plan, _ = load_plan(workspace)
    if plan is None:
        raise DataProblem("data/plan.yaml có lỗi. Chạy 'kehoach validate' để sửa.")
    return PlanIndex.build(plan)


def choose_period(index: PlanIndex, period_id: str | None) -> ReportingPeriod:
    chosen = index.plan.reporting.period(period_id)
    if chosen is None:
        known = ", ".join(p.id for p in index.plan.reporting.all_periods())
        raise UsageProblem(
            f"kế hoạch không có kỳ báo cáo '{shortened(period_id)}'. Các kỳ: {known}."
        )
    return chosen


def require_unit(index: PlanIndex, unit_id: str) -> None:
    reporting = {u.id: u for u in index.reporting_units}
    if unit_id not in reporting:
        width = max((len(u.id) for u in reporting.values()), default=0)
        known = [f"  {u.id:<{width}}  {u.name}" for u in reporting.values()]
        raise UsageProblem(f"không có đơn vị báo cáo '{shortened(unit_id)}'. Các đơn vị:", known)


def target_path(workspace: Workspace, unit_id: str, year: int, period: ReportingPeriod) -> Path:
    return workspace.progress_path(year, unit_id, None if period.whole_year else period.id)


def located(where: str, severity: str, message: str, hint: str, code: str = "") -> list[str]:
    tail = f" ({code})" if code else ""
    message = message[:1].upper() + message[1:]  # a sentence, as the checks' messages are
    lines = [f"{where}: [{severity}] {message}{tail}"]
    return lines + ([f"    gợi ý: {hint}"] if hint else [])


def _where(issue: Issue, out: FormYaml, fallback: str) -> str:
    """The cell a checker's issue is about: its field path (the longest known prefix), else
    its line in the YAML built from the form."""
    field = issue.field
    while True:
        if field in out.by_field:
            return out.by_field[field]
        cut = max(field.rfind("."), field.rfind("["))
        if cut <= 0:
            break
        field = field[:cut]
    if issue.position is not None and issue.position.line in out.by_line:
        return out.by_line[issue.position.line]
    return out.by_field.get(field, fallback)


def _header(form: FormData, index: PlanIndex) -> tuple[str, int, ReportingPeriod]:
    unit_cell, year_cell = form.header["unit"], form.header["year"]
    unit_id = id_text(unit_cell)
    year = year_cell.value
    if isinstance(year, str) and year.isdigit():
        year = int(year)
    if unit_id is None or not isinstance(year, int | float):
        raise DataProblem(
            f"biểu mẫu không ghi mã đơn vị ({unit_cell.where}) hoặc năm ({year_cell.where}); "
            "tạo lại biểu mẫu bằng 'kehoach form'"
        )
    try:
        require_unit(index, unit_id)
    except UsageProblem as refused:  # the form's own cell, which a clerk may have typed over
        where = located(unit_cell.where, "lỗi", refused.message.split(".")[0], _UNIT_HINT)
        problem = DataProblem("biểu mẫu có 1 lỗi; chưa ghi tệp nào.", [*where, *refused.details])
        raise problem from None
    period_id = id_text(form.header["period"])
    return unit_id, int(year), choose_period(index, period_id)


_UNIT_HINT = (
    "Không sửa ô mã đơn vị: tạo biểu mẫu của đơn vị bằng 'kehoach form --unit <mã đơn vị>'. "
    "Các đơn vị báo cáo:"
)


def import_form(workspace: Workspace, data: bytes) -> Imported:
    """Read and check the form; raise DataProblem with every located problem, or return
    the YAML to write and where."""
    try:
        form = read_form(data)
    except FormUnreadable as error:
        raise DataProblem(f"biểu mẫu không đọc được: {error}. Chưa ghi tệp nào.") from None
    read_numbers(form)
    index = plan_index(workspace)
    unit_id, year, period = _header(form, index)
    previous, _ = existing_report(workspace, unit_id, year, period, index)
    details = difficulty_details(previous)
    out = form_yaml(form, index, unit_id, year, period, details)
    target = target_path(workspace, unit_id, year, period)
    folder = None if period.whole_year else period.id
    ref = ProgressRef(path=target, year=year, unit=unit_id, period=folder)
    data = out.text.encode("utf-8")
    view = PlanView.from_index(index)
    checked = check_progress_bytes(ref, view, data, today=date.today())  # as validate does
    issues = checked.issues + _against_other_periods(workspace, ref, index, data)
    fallback = form.table_where
    errors = [line for problem in form.problems for line in _problem_lines(problem)]
    warnings: list[str] = []
    said = {problem.where for problem in form.problems}  # a cell already explained
    for issue in sorted(issues, key=Issue.sort_key):
        where = _where(issue, out, fallback)
        if where in said and issue.is_error:
            continue
        message, hint = in_form_words(issue.message), form_hint(issue.code, issue.hint)
        lines = located(where, issue.severity.label, message, hint, issue.code)
        (errors if issue.is_error else warnings).extend(lines)
    if errors:
        count = sum(1 for line in errors if not line.startswith(" "))
        raise DataProblem(f"biểu mẫu có {count} lỗi; chưa ghi tệp nào.", errors)
    if len(data) > MAX_FILE_BYTES:  # validate would refuse the file it writes
        limit = MAX_FILE_BYTES // 1024 // 1024
        raise DataProblem(
            f"nội dung biểu mẫu thành tệp YAML lớn hơn {limit} MB, quá giới hạn của "
            "'kehoach validate'; rút gọn các ô dài. Chưa ghi tệp nào."
        )
    # Indicators the form does not show stay in the file (updated in place): only the
    # details of a difficulty whose text the form changed are not carried over.
    left_out = (
        []
        if previous is None
        else not_in_form(previous, set(previous.indicators), form_difficulties(form))
    )
    reported = checked.progress
    counts = (len(reported.tasks) if reported else 0, len(form.activities))
    result = Imported(target, out.text, warnings, *counts, len(filled_indicators(form)), left_out)
    if reported is not None:
        _in_place(workspace, result, form, reported, previous, (view, folder))
    return result


def _in_place(
    workspace: Workspace,
    result: Imported,
    form: FormData,
    reported: Progress,
    previous: Progress | None,
    where: tuple[PlanView, str | None],
) -> None:
    """`result` as the unit's file updated in place (forms/in_place.py), with why the form
    is older than the file if it is."""
    existing = [p for p in (result.target, result.target.with_suffix(".yml")) if p.exists()]
    if not existing:
        return
    path = existing[0]
    if not workspace.holds_data(path):
        raise UsageProblem(f"{path} trỏ ra ngoài thư mục data/ của không gian làm việc; không ghi.")
    old_bytes = read_regular(path)
    result.target, result.previous = path, old_bytes.decode("utf-8", errors="replace")
    result.stale = _staleness(form.source, old_bytes, previous)
    if previous is None:
        return  # a file with errors is replaced whole (with --force)
    task_ids = [t for row in form.tasks if (t := id_text(row["id"])) is not None]
    indicator_ids = [i for row in form.indicators if (i := id_text(row["id"])) is not None]
    new_data = yaml.safe_load(result.text)
    try:
        result.text = updated_text(
            result.previous, previous, reported, new_data, task_ids, indicator_ids
        )
    except (YAMLError, ValueError):  # read by the checks, not by the round-trip reader
        result.stale = result.stale or "tệp không sửa tại chỗ được (cách viết YAML lạ)"
        return  # replaced whole, with --force, the old file kept
    view, folder = where
    ref = ProgressRef(path=path, year=reported.year, unit=reported.unit, period=folder)
    final = check_progress_bytes(ref, view, result.text.encode("utf-8"), today=date.today())
    errors = [issue for issue in final.issues if issue.is_error]
    if errors:  # the merge broke what the form's own YAML passed: said, nothing written
        lines = [f"{path.name}: {issue.message}" for issue in errors]
        raise DataProblem("cập nhật tệp tại chỗ cho kết quả có lỗi; chưa ghi tệp nào.", lines)


def _staleness(mark: object, old_bytes: bytes, previous: Progress | None) -> str | None:
    recorded = read_mark(mark)
    if previous is None:
        return "tệp hiện có lỗi nên biểu mẫu không điền sẵn được nội dung của nó"
    if recorded == digest(old_bytes):
        return None
    if recorded is None:
        return "biểu mẫu không ghi nó được tạo từ phiên bản nào của tệp"
    if recorded == NO_FILE:
        return "tệp được tạo sau khi lập biểu mẫu"
    return "tệp đã được sửa sau khi lập biểu mẫu"


def read_regular(path: Path, limit: int = 64 * 1024 * 1024) -> bytes:
    """A regular file's bytes (no FIFO or device: they would block or never end)."""
    import os
    import stat

    with open(path, "rb", opener=lambda p, flags: os.open(p, flags | os.O_NONBLOCK)) as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise UsageProblem(f"{path} không phải một tệp thường; không đọc.")
        if info.st_size > limit:
            raise UsageProblem(f"{path} lớn hơn {limit // 1024 // 1024} MB; không đọc.")
        return stream.read(limit + 1)[:limit]


def _against_other_periods(
    workspace: Workspace, ref: ProgressRef, index: PlanIndex, data: bytes
) -> list[Issue]:
    """What `kehoach validate` will say of the form once written, compared with the unit's
    reports of the year's other periods (KH321: progress lower than in an earlier one)."""
    from kehoach_cli.checks.periods import progress_going_back
    from kehoach_cli.loading.workspace import list_progress_files

    if all(period.whole_year for period in index.plan.reporting.all_periods()):
        return []  # one report a year: nothing to compare
    on_disk, _ = list_progress_files(workspace, {ref.year})
    replaced = {ref.path, ref.path.with_suffix(".yml")}
    others = [r for r in on_disk if r.unit == ref.unit and r.path not in replaced]
    issues = progress_going_back([*others, ref], index.plan, {ref.path: data})
    return [issue for issue in issues if issue.file == ref.path]


def existing_report(
    workspace: Workspace, unit_id: str, year: int, period: ReportingPeriod, index: PlanIndex
) -> tuple[Progress | None, Path | None]:
    """The unit's report of that year and period as it stands (None when it has errors),
    and its file (None when there is none)."""
    target = target_path(workspace, unit_id, year, period)
    folder = None if period.whole_year else period.id
    for path in (target, target.with_suffix(".yml")):
        if path.is_file() and workspace.holds_data(path):
            ref = ProgressRef(path, year, unit_id, folder)
            checked = check_progress_file(ref, PlanView.from_index(index))
            return (None if checked.has_errors else checked.progress), path
    return None, None


def unit_form(
    workspace: Workspace, index: PlanIndex, unit_id: str, year: int, period: ReportingPeriod
) -> tuple[bytes, Progress | None, Path | None]:
    """The unit's form (filled from its file when that has no error), the report it was
    filled from and the file, whose hash the form records (forms/source.py)."""
    from kehoach_cli.forms.build import form_bytes

    existing, source = existing_report(workspace, unit_id, year, period, index)
    made_from = None if source is None else digest(read_regular(source))
    return form_bytes(index, unit_id, year, period, existing, made_from), existing, source


def difficulty_details(progress: Progress | None) -> Details:
    """The difficulties of the unit's file that say when they were raised or that they are
    resolved, by task and text: an imported form keeps these for the same text."""
    if progress is None:
        return {}
    return {
        (task_id, item.text): item
        for task_id, report in progress.tasks.items()
        for item in report.difficulties
        if item.raised_on is not None or item.resolved
    }


def form_difficulties(form: FormData) -> set[tuple[str, str]]:
    return {
        (task_id, item)
        for row in form.tasks
        if (task_id := id_text(row["id"])) is not None
        for item in text_lines(row["difficulties"])
    }


def not_in_form(
    progress: Progress, carried: set[str | None], difficulties: set[tuple[str, str]]
) -> list[str]:
    """Sentences on what the form does not carry and the file has: add it back by hand
    (`carried`: the indicators the form has a row for, filled in or not; `difficulties`:
    the form's difficulties by task and text — the details of one whose text was changed
    in the form cannot be matched and are lost)."""
    notes = []
    missing = [indicator_id for indicator_id in progress.indicators if indicator_id not in carried]
    if missing:
        notes.append(f"chỉ tiêu ({', '.join(missing)})")
    detailed = sorted(
        {
            task_id
            for (task_id, text) in difficulty_details(progress)
            if (task_id, text) not in difficulties
        }
    )
    if detailed:
        notes.append(f"ngày nêu và tình trạng giải quyết khó khăn (nhiệm vụ {', '.join(detailed)})")
    return notes


def _problem_lines(problem: Problem) -> list[str]:
    return located(problem.where, "lỗi", problem.message, problem.hint)
