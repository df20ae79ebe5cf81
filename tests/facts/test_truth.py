"""Every sentence of the report is true of the data.

The claims below are computed from the raw YAML with yaml.safe_load and a few lines of
arithmetic — independently of facts/, status/ and report/ — and every table cell and
every line of the report context that states a fact is checked against them: for both
bundled years, the consolidated report and each unit's own report, with --as-of before,
on and after the deadline, and with one unit's file a draft and another's broken.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
import yaml

from kehoach_cli.facts import load_year, year_facts
from kehoach_cli.loading.workspace import Workspace
from kehoach_cli.report.context import NothingToReport, ReportOptions, build_context
from kehoach_cli.status.assemble import status_output
from tests.conftest import REPO

AS_OF = {
    "before": lambda year: date(year, 11, 10),
    "on": lambda year: date(year, 11, 15),
    "after": lambda year: date(year, 12, 1),
}


# --- the oracle: plain reading of the YAML ------------------------------------------------


def _date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    day, month, year = str(value).split("/")
    return date(int(year), int(month), int(day))


def _money(value: object) -> int:
    return int(str(value).replace(".", "")) if value is not None else 0


def _percent(value: object) -> int:
    return int(str(value).rstrip("%"))


@dataclass
class Claims:
    """What is true on `as_of`, read straight from the files."""

    plan: dict
    year: int
    as_of: date
    sent: dict[str, date] = field(default_factory=dict)  # unit → date sent (≤ as_of)
    drafts: set[str] = field(default_factory=set)
    broken: set[str] = field(default_factory=set)
    files: dict[str, dict] = field(default_factory=dict)  # counted files only
    units: list[str] = field(default_factory=list)  # reporting units, plan order

    @property
    def deadline(self) -> date:
        day, month = self.plan["reporting"]["deadline"].split("/")
        return date(self.year, int(month), int(day))

    def on_time(self, unit: str) -> bool:
        return self.sent[unit] <= self.deadline

    def lead_of(self, task_id: str) -> str | None:
        return self.tasks()[task_id].get("lead")

    def tasks(self) -> dict[str, dict]:
        found: dict[str, dict] = {}
        pending = list(self.plan["tasks"])
        while pending:
            task = pending.pop(0)
            found[task["id"]] = task
            pending[:0] = task.get("subtasks", [])
        return found

    def report_of(self, unit: str, task_id: str) -> dict | None:
        return self.files.get(unit, {}).get("tasks", {}).get(task_id)

    def budgets(self, unit: str) -> list[dict]:
        return [
            activity.get("budget") or {}
            for report in self.files[unit].get("tasks", {}).values()
            for activity in report.get("activities", [])
        ]

    def unit_money(self, unit: str) -> tuple[int, int]:
        budgets = self.budgets(unit)
        return (
            sum(_money(b.get("planned")) for b in budgets),
            sum(_money(b.get("spent")) for b in budgets),
        )

    def spent_shown(self, unit: str) -> str:
        """The spent cell: the amounts written; 'ít nhất' when a planned amount has no
        spent one beside it, 'không ghi' when no spent amount is written — never 0."""
        budgets = self.budgets(unit)
        written = [b["spent"] for b in budgets if b.get("spent") is not None]
        if not written:
            return "không ghi"
        floor = any(b.get("planned") is not None and b.get("spent") is None for b in budgets)
        return ("ít nhất " if floor else "") + f"{sum(map(_money, written)):,}".replace(",", ".")

    def open_difficulties(self, units: list[str]) -> list[str]:
        return [
            " ".join(d["text"].split()).rstrip(".")
            for unit in units
            for report in self.files.get(unit, {}).get("tasks", {}).values()
            for d in report.get("difficulties", [])
            if not d.get("resolved")
        ]


def claims(root: Path, year: int, as_of: date, broken: set[str] = frozenset()) -> Claims:
    plan = yaml.safe_load((root / "data/plan.yaml").read_text(encoding="utf-8"))
    c = Claims(plan, year, as_of, broken=set(broken))
    c.units = [u["id"] for u in plan["units"] if u["kind"] != "external"]
    for path in sorted((root / "data/progress" / str(year)).glob("*.yaml")):
        unit = path.stem
        if unit in broken:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        sent = _date(data.get("submitted_on"))
        if sent is None:
            c.drafts.add(unit)
        elif sent <= as_of:
            c.sent[unit] = sent
            c.files[unit] = data
    return c


# --- checking a report context against the claims -----------------------------------------

ACTIVITY = re.compile(r"^\+ (?P<title>.+?): (?P<rest>.*)$")
LEAD_LINE = re.compile(
    r"^- Đơn vị chủ trì: (?P<lead>[^;]+); tình trạng: (?P<status>[^,]+), đạt (?P<p>\d+)%"
)


def _names(c: Claims) -> dict[str, str]:
    return {u["id"]: u["name"] for u in c.plan["units"]}


def _labels(c: Claims) -> dict[str, str]:
    return {u["id"]: u.get("short_name") or u["name"] for u in c.plan["units"]}


def check_consolidated(ctx: dict, c: Claims) -> None:
    names, labels = _names(c), _labels(c)
    sent = len(c.sent)
    total = len(c.units)
    # I. who has reported
    line = ctx["direction"][-1]
    if sent:
        on_time = sum(c.on_time(u) for u in c.sent)
        assert f"{sent}/{total} đơn vị đã gửi báo cáo" in line
        assert (f"{on_time} đúng hạn" in line) == bool(on_time)
        assert (f"{sent - on_time} gửi muộn" in line) == bool(sent - on_time)
    waiting = [u for u in c.units if u not in c.sent]
    receiver = c.plan["reporting"]["receiver"]  # it owes its own part, not a report to itself
    others = [u for u in waiting if u != receiver]
    for unit in others:
        assert labels[unit] in line.split("chưa gửi:")[1]
    assert ("chưa gửi:" in line) == bool(others)
    own_part = f"{labels[receiver]} chưa có báo cáo phần việc của mình"
    assert (own_part in line) == (receiver in waiting)
    # Table 1: the lead's own progress and status, or nothing
    tasks = c.tasks()
    for row in ctx["task_rows"]:
        task = tasks[row["stt"]]
        lead = task.get("lead")
        if lead is None:
            continue
        report = c.report_of(lead, row["stt"])
        expected = f"{_percent(report['progress'])}%" if report else "—"
        assert row["progress"] == expected, row
    assert sum(not r["is_group"] for r in ctx["task_rows"]) == sum(
        1 for t in tasks.values() if t.get("lead")
    )
    # II. results: every lead line, every cooperator line, every activity is in the data
    titles = {
        (unit, " ".join(a["title"].split()))
        for unit, data in c.files.items()
        for report in data.get("tasks", {}).values()
        for a in report.get("activities", [])
    }
    for item in ctx["results"]:
        task_id = item["heading"].split("(nhiệm\u00a0vụ\u00a0")[1].rstrip(")")
        contributor = None
        for text in item["lines"]:
            lead = LEAD_LINE.match(text)
            if lead:
                unit = c.lead_of(task_id)
                assert lead["lead"] == names[unit] and unit in c.files
                assert int(lead["p"]) == _percent(c.report_of(unit, task_id)["progress"])
                contributor = unit
            elif text.startswith("- Đơn vị chủ trì:"):
                assert (
                    c.lead_of(task_id) not in c.files
                    or c.report_of(c.lead_of(task_id), task_id) is None
                ), text
                contributor = None
            elif "(phối hợp):" in text:
                unit = next(u for u, n in names.items() if text.startswith(f"- {n} (phối hợp)"))
                assert c.report_of(unit, task_id) is not None and unit != c.lead_of(task_id)
                contributor = unit
            elif (match := ACTIVITY.match(text)) and contributor:
                assert (contributor, match["title"]) in titles, text
    # Table 2: counted units' sums; unknown units say so, never 0
    for row in ctx["budget_rows"]:
        unit = next(u for u, label in labels.items() if label == row["unit"])
        if unit in c.files:
            planned, _ = c.unit_money(unit)
            assert row["planned"] == f"{planned:,}".replace(",", ".")
            assert row["spent"] == c.spent_shown(unit)
        else:
            assert row["planned"] == row["spent"] == "chưa rõ"
    planned_total = sum(c.unit_money(u)[0] for u in c.files)
    assert ctx["budget_total"]["planned"] == f"{planned_total:,}".replace(",", ".")
    assert ctx["budget_total"]["unit"].endswith("(chưa đủ)") == bool(waiting)
    # III. difficulties: exactly the open ones of the reports that count
    expected = sorted(c.open_difficulties(list(c.files)))
    found = sorted(line[2:].rsplit(" (", 1)[0] for line in ctx["causes"] if " (" in line)
    assert found == expected
    if not expected:
        assert ("Không có khó khăn" in ctx["causes"][0]) == (not waiting)
    # Appendix: every unit not on time, with days late only for a late report
    rows = {row["unit"]: row for row in ctx["late_rows"]}
    for unit in c.units:
        if unit in c.sent and c.on_time(unit):
            assert names[unit] not in rows
        elif unit in c.sent:
            assert rows[names[unit]]["days"] == str((c.sent[unit] - c.deadline).days)
        else:
            row = rows[names[unit]]
            assert row["days"] == "—" and row["submitted"] == "—"
            assert row["state"].startswith("bản nháp" if unit in c.drafts else "chưa gửi") or (
                unit in c.broken and row["state"].startswith("tệp có lỗi")
            )


def check_unit(ctx: dict, c: Claims, unit: str) -> None:
    names = _names(c)
    others = [n for u, n in names.items() if u != unit]
    mine = c.files[unit]
    own_titles = {
        " ".join(a["title"].split())
        for report in mine.get("tasks", {}).values()
        for a in report.get("activities", [])
    }
    lines = [line for item in ctx["results"] for line in item["lines"]]
    for text in lines:
        assert "(phối hợp):" not in text  # nobody else's contribution
        if match := ACTIVITY.match(text):
            assert match["title"] in own_titles, f"{unit} credited with {text}"
            continue  # the unit's own words may name others
        if text.startswith("- Kết quả:") or text.startswith("- Chỉ tiêu"):
            continue
        for other in others:  # otherwise another unit is named only as a task's lead
            if other in text:
                assert text.startswith("- Vai trò: phối hợp (đơn vị chủ trì: "), text
    planned, _ = c.unit_money(unit)
    assert ctx["budget_total"]["planned"] == f"{planned:,}".replace(",", ".")
    assert ctx["budget_total"]["spent"] == c.spent_shown(unit)
    assert sorted(line[2:].rsplit(" (", 1)[0] for line in ctx["causes"] if " (" in line) == (
        sorted(c.open_difficulties([unit]))
    )
    led = [t for t, task in c.tasks().items() if task.get("lead") == unit]
    done = [t for t in led if (r := c.report_of(unit, t)) and r["status"] == "done"]
    joined = " ".join(ctx["achievements"])
    assert (f"đã hoàn thành {len(done)} nhiệm vụ" in joined) == bool(done)
    for task_id in done:
        assert f"{task_id} (" in joined
    for other_task in [t for t in c.tasks() if t not in led]:
        assert f"hoàn thành {len(done)} nhiệm vụ: {other_task} (" not in joined
    # its appendix speaks of itself only
    assert all(row["unit"] == names[unit] for row in ctx["late_rows"])
    assert names[unit] in ctx["appendix_title"] or not ctx["late_rows"]
    # its indicators are those of the tasks it leads or that it reported
    own_indicators = set(mine.get("indicators", {}))
    for row in ctx["indicator_rows"]:
        indicator = next(i for i in c.plan["indicators"] if i["name"] == row["name"])
        assert indicator["task"] in led or indicator["id"] in own_indicators


# --- the cases -------------------------------------------------------------------------------


@pytest.mark.parametrize("year", [2023, 2024])
@pytest.mark.parametrize("moment", list(AS_OF))
def test_consolidated_report_states_only_facts(year: int, moment: str):
    as_of = AS_OF[moment](year)
    c = claims(REPO, year, as_of)
    data = load_year(Workspace(REPO), year, as_of)
    if not c.files:
        with pytest.raises(NothingToReport):
            build_context(data, ReportOptions(), as_of)
        return
    check_consolidated(build_context(data, ReportOptions(), as_of), c)


@pytest.mark.parametrize("year", [2023, 2024])
@pytest.mark.parametrize("moment", list(AS_OF))
def test_each_unit_report_speaks_of_that_unit_only(year: int, moment: str):
    as_of = AS_OF[moment](year)
    c = claims(REPO, year, as_of)
    data = load_year(Workspace(REPO), year, as_of)
    for unit in c.units:
        if unit not in c.files:
            with pytest.raises(NothingToReport):
                build_context(data, ReportOptions(unit=unit), as_of)
            continue
        check_unit(build_context(data, ReportOptions(unit=unit), as_of), c, unit)


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """The bundled 2024 data with Phòng QLKH's file a draft and Trung tâm's broken."""
    shutil.copytree(REPO / "data", tmp_path / "data")
    qlkh = tmp_path / "data/progress/2024/qlkh.yaml"
    qlkh.write_text(
        re.sub(r"(?m)^submitted_on:.*\n", "", qlkh.read_text(encoding="utf-8")),
        encoding="utf-8",
    )
    ttkhcn = tmp_path / "data/progress/2024/ttkhcn.yaml"
    ttkhcn.write_text(ttkhcn.read_text(encoding="utf-8") + "bad_key: 1\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("moment", list(AS_OF))
def test_a_draft_and_a_broken_file_are_never_facts(damaged: Path, moment: str):
    as_of = AS_OF[moment](2024)
    c = claims(damaged, 2024, as_of, broken={"ttkhcn"})
    data = load_year(Workspace(damaged), 2024, as_of)
    assert [b.unit for b in data.broken] == ["ttkhcn"]
    if not c.files:
        with pytest.raises(NothingToReport):
            build_context(data, ReportOptions(draft=True), as_of)
        return
    ctx = build_context(data, ReportOptions(draft=True), as_of)
    check_consolidated(ctx, c)
    assert ctx["draft_lines"][0].startswith("DỰ THẢO")
    assert "Phòng QLKH (bản nháp, chưa gửi)" in ctx["draft_lines"][1]
    everything = " ".join(line for item in ctx["results"] for line in item["lines"])
    assert "Khảo sát nhu cầu nhân lực" not in everything  # the draft's activity
    assert "Đăng tin, bài" not in everything  # the broken file's activity


@pytest.mark.parametrize("year", [2023, 2024])
@pytest.mark.parametrize("moment", list(AS_OF))
def test_status_and_report_agree_on_every_count(year: int, moment: str):
    as_of = AS_OF[moment](year)
    data = load_year(Workspace(REPO), year, as_of)
    facts = year_facts(data)
    output = status_output(facts, None, None)
    views = {view.name: view for view in output.views}
    try:
        ctx = build_context(data, ReportOptions(), as_of)
    except NothingToReport:
        assert output.meta["units_reported"] == 0
        return
    sent = output.meta["units_reported"]
    assert f"{sent}/{output.meta['units_expected']} đơn vị đã gửi" in ctx["direction"][-1]
    not_on_time = [r for r in views["submission"].rows if r["state"] != "on_time"]
    assert len(ctx["late_rows"]) == len(not_on_time)
    for row, table in zip(views["task"].rows, ctx["task_rows"], strict=True):
        assert table["stt"] == row["task"]
        if not table["is_group"]:
            assert table["progress"] == (
                f"{row['progress']}%" if row["progress"] is not None else "—"
            )
    total = views["budget"].total
    assert ctx["budget_total"]["planned"] == f"{total['planned']:,}".replace(",", ".")
    floor = "ít nhất " if total["spent_missing"] else ""
    assert ctx["budget_total"]["spent"] == floor + f"{total['spent']:,}".replace(",", ".")
    ind_rows = {r["indicator"]: r for r in views["indicator"].rows}
    for row in ctx["indicator_rows"]:
        status_row = next(r for r in ind_rows.values() if r["name"] == row["name"])
        assert len(status_row["values"]) == (
            0 if row["actual"] == "chưa có số liệu" else row["actual"].count(":")
        )
