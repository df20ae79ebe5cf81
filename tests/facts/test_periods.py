"""Reporting periods (6 tháng and năm, the yearly one due '15/01 năm sau'), checked against
hand-computed expectations for tests/fixtures/periods: Sở A sent its 6-month report on
03/06/2024 (deadline 05/06: on time) and its yearly one on 20/01/2025 (deadline
15/01/2025: 5 days late); Sở B sent on 10/06/2024 (5 days late) and 10/01/2025 (on time)."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from docx import Document

from kehoach_cli.facts import load_year, year_facts
from kehoach_cli.facts.selection import deadline_to_check
from kehoach_cli.loading.workspace import Workspace
from kehoach_cli.model.plan import DayMonth, PartialDate
from tests.conftest import FIXTURES, edit

ROOT = FIXTURES / "periods"


def states(as_of: date, period: str | None = None) -> dict[str, tuple[str, int | None]]:
    facts = year_facts(load_year(Workspace(ROOT), 2024, as_of, period))
    return {
        s.unit.id: (s.state.value, s.days_late if s.days_late is not None else s.days_overdue)
        for s in facts.submissions
    }


@pytest.mark.parametrize(
    ("period", "as_of", "expected"),
    [
        ("6-thang", date(2024, 6, 5), {"so-a": ("on_time", None), "so-b": ("pending", None)}),
        ("6-thang", date(2024, 6, 6), {"so-a": ("on_time", None), "so-b": ("missing", 1)}),
        ("6-thang", date(2024, 7, 1), {"so-a": ("on_time", None), "so-b": ("late", 5)}),
        # the yearly report is due 15/01 of the next year: on 31/12 nothing is late yet
        (None, date(2024, 12, 31), {"so-a": ("pending", None), "so-b": ("pending", None)}),
        # January: Sở B has sent, Sở A not yet, the deadline not passed
        (None, date(2025, 1, 10), {"so-a": ("pending", None), "so-b": ("on_time", None)}),
        # the deadline day itself is on time
        (None, date(2025, 1, 15), {"so-a": ("pending", None), "so-b": ("on_time", None)}),
        (None, date(2025, 1, 16), {"so-a": ("missing", 1), "so-b": ("on_time", None)}),
        (None, date(2025, 1, 31), {"so-a": ("late", 5), "so-b": ("on_time", None)}),
    ],
)
def test_each_period_has_its_own_deadline_and_late_list(period, as_of, expected):
    assert states(as_of, period) == expected


def test_a_next_year_deadline_is_written_and_shown_in_full():
    assert DayMonth.model_validate("15/01 năm sau").in_year(2024) == date(2025, 1, 15)
    assert str(DayMonth.model_validate("15/01 năm sau")) == "15/01 năm sau"
    facts = year_facts(load_year(Workspace(ROOT), 2024, date(2025, 2, 1)))
    assert facts.deadline == date(2025, 1, 15) and facts.label == "năm 2024"


def test_deadline_logic_across_a_whole_year():
    """Every day from 01/01/2024 to 31/03/2025, for a yearly report due 15/01 next year
    sent on 20/01/2025: the state and its days follow the rule, computed by hand here."""
    sent, deadline = date(2025, 1, 20), date(2025, 1, 15)
    day = date(2024, 1, 1)
    while day <= date(2025, 3, 31):
        state, days = states(day)["so-a"]
        if day >= sent:
            assert (state, days) == ("late", 5), day
        elif day <= deadline:
            assert (state, days) == ("pending", None), day
        else:
            assert (state, days) == ("missing", (day - deadline).days), day
        day += timedelta(days=1)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2024, 3, 1), None),  # a new plan: no deadline has passed
        (date(2024, 6, 6), (2024, "6-thang")),
        (date(2024, 12, 31), (2024, "6-thang")),
        (date(2025, 1, 16), (2024, "nam")),  # January: last year's yearly report
        (date(2025, 6, 6), (2025, "6-thang")),
    ],
)
def test_the_ci_gate_checks_the_deadline_passed_most_recently(today, expected):
    plan = load_year(Workspace(ROOT), 2024, today).plan
    assert deadline_to_check(plan, today) == expected


def test_check_deadline_without_a_year_picks_last_years_report_in_january(cli):
    result = cli("status", "--check-deadline", "--as-of", "2025-01-17", "--root", str(ROOT))
    assert result.code == 1
    assert "Hạn nộp báo cáo năm 2024 (15/01/2025) đã qua" in result.stdout
    assert "Sở A (so-a): chưa gửi, quá hạn 2 ngày" in result.stdout
    on_github = cli(
        "status",
        "--check-deadline",
        "--as-of",
        "2025-01-17",
        "--root",
        str(ROOT),
        env={"GITHUB_ACTIONS": "true"},
    )
    assert (
        "::error title=Hạn nộp báo cáo::Sở A (so-a): chưa gửi, quá hạn 2 ngày" in on_github.stdout
    )
    fresh = cli("status", "--check-deadline", "--as-of", "2024-03-01", "--root", str(ROOT))
    assert fresh.code == 0 and "Chưa có hạn nộp báo cáo nào đã qua." in fresh.stdout


def test_a_six_month_report_is_a_document_of_its_own(cli, tmp_path: Path):
    out = tmp_path / "bc.docx"
    args = ("report", "--year", "2024", "--period", "6-thang", "--as-of", "2024-07-01")
    result = cli(*args, "--root", str(ROOT), "-o", str(out))
    assert result.code == 0, result.stderr
    text = "\n".join(p.text for p in Document(out).paragraphs)
    assert "Kết quả thực hiện Kế hoạch số 7/KH-UBND 6 tháng đầu năm 2024" in text
    assert "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024" in text
    assert "Danh sách đơn vị gửi báo cáo muộn hoặc chưa gửi báo cáo 6 tháng đầu năm 2024" in text
    cells = [c.text for t in Document(out).tables for row in t.rows for c in row.cells]
    assert "Sở B" in cells and "10/06/2024" in cells and "5" in cells
    assert "báo cáo kết quả thực hiện 6 tháng đầu năm 2024 như sau:" in text
    assert "kết quả thực hiện năm 2024" not in text
    yearly = cli(
        "report", "--year", "2024", "--as-of", "2025-02-01", "--root", str(ROOT), "-o", str(out)
    )
    assert yearly.code == 0, yearly.stderr
    text = "\n".join(p.text for p in Document(out).paragraphs)
    assert "Kết quả thực hiện Kế hoạch số 7/KH-UBND năm 2024" in text
    assert "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025" in text


def test_an_unknown_period_is_refused_with_the_known_ones(cli):
    result = cli("status", "--year", "2024", "--period", "quy-1", "--root", str(ROOT))
    assert result.code == 2
    assert "kế hoạch không có kỳ báo cáo 'quy-1'. Các kỳ: 6-thang, nam." in result.stderr


def test_progress_going_backwards_is_a_warning_with_both_places(cli, tmp_path: Path):
    shutil.copytree(ROOT, tmp_path / "ws")
    yearly = tmp_path / "ws/data/progress/2024/so-b.yaml"
    edit(
        yearly,
        '"2": {status: in_progress, progress: 80}',
        '"2": {status: in_progress, progress: 40}',
    )
    result = cli("validate", "--root", str(tmp_path / "ws"), "--no-cache")
    assert result.code == 0  # a warning
    assert "data/progress/2024/so-b.yaml:7:" in result.stdout + result.stderr
    out = result.stdout + result.stderr
    assert "Tiến độ nhiệm vụ '2' giảm từ 50% (6 tháng đầu năm) xuống 40% (năm)" in out
    assert "6-thang/so-b.yaml:7" in out  # the 6-month report's line, named in the hint
    strict = cli("validate", "--strict", "--root", str(tmp_path / "ws"), "--no-cache")
    assert strict.code == 1


def test_a_same_year_deadline_early_in_its_period_is_a_warning(cli, tmp_path: Path):
    shutil.copytree(ROOT, tmp_path / "ws")
    edit(tmp_path / "ws/data/plan.yaml", "deadline: 15/01 năm sau", "deadline: 15/01")
    result = cli("validate", "--root", str(tmp_path / "ws"), "--no-cache")
    out = result.stdout + result.stderr
    assert "Hạn nộp 15/01 của kỳ năm (tháng 1-12) rơi vào nửa đầu kỳ (KH212)" in out
    assert "15/01 năm sau" in out


def test_the_dashboard_of_a_period_is_that_periods(cli, tmp_path: Path):
    out = tmp_path / "p.html"
    args = ("dashboard", "--year", "2024", "--period", "6-thang", "--as-of", "2024-07-01")
    result = cli(*args, "--root", str(ROOT), "-o", str(out))
    assert result.code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "<title>Theo dõi thực hiện Kế hoạch số 7/KH-UBND — 6 tháng đầu năm 2024</title>" in page
    assert "<title>Pygal</title>" not in page  # every chart's own title says what it shows


def test_a_one_year_plan_is_named_as_one_year_not_a_range(tmp_path):
    """'2023–2023' and 'Chọn một năm từ 2023 đến 2023' read wrong; one year is 'năm 2023'."""
    from kehoach_cli.errors import UsageProblem
    from kehoach_cli.facts.selection import require_year_in_period
    from kehoach_cli.model.plan import PlanPeriod

    assert PlanPeriod(start=2023, end=2023).span == "năm 2023"
    assert PlanPeriod(start=2023, end=2025).span == "2023–2025"
    plan = type("P", (), {"period": PlanPeriod(start=2023, end=2023)})()
    with pytest.raises(UsageProblem) as refused:
        require_year_in_period(plan, 2024, tmp_path / "plan.yaml")  # type: ignore[arg-type]
    message = str(refused.value)
    assert message == (
        "năm 2024 nằm ngoài thời gian thực hiện kế hoạch (năm 2023). "
        "Kế hoạch chỉ thực hiện trong năm 2023."
    )


@pytest.mark.parametrize(
    ("issued", "today", "expected"),
    [
        ({"year": 2024, "month": 9, "day": 10}, date(2024, 12, 1), None),  # 15/6 came before
        ({"year": 2024, "month": 9, "day": 10}, date(2025, 1, 16), (2024, "nam")),
        ({"year": 2024, "month": 9}, date(2024, 12, 1), None),  # September: after 15/6 anyway
        ({"year": 2024, "month": 6, "day": 31}, date(2024, 12, 1), (2024, "6-thang")),  # → 1/6
        ({"year": 2024}, date(2024, 12, 1), (2024, "6-thang")),  # only the year: 1/1 at the latest
    ],
)
def test_a_deadline_before_the_plan_was_issued_is_not_chased(issued, today, expected):
    """A plan issued in September owes no report of the first six months: the CI gate of a
    repository started mid-year is not red on its first day."""
    plan = load_year(Workspace(ROOT), 2024, today).plan
    document = plan.document.model_copy(update={"date": PartialDate(**issued)})
    assert deadline_to_check(plan.model_copy(update={"document": document}), today) == expected
