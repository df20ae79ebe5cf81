"""The plan model holds plans of other shapes: deadlines as plans word them, group leads,
sections as a list (and the first four-key form), plan periods, unit kinds' defaults."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from kehoach_cli.model import kinds
from kehoach_cli.model.deadlines import Deadline, DeadlineKind
from kehoach_cli.model.index import PlanIndex
from kehoach_cli.model.plan import Plan, PlanPeriod, Task, Unit


@pytest.mark.parametrize(
    ("text", "kind", "due_2024"),
    [
        ("30/9/2024", DeadlineKind.ONCE, date(2024, 9, 30)),
        ("Trước ngày 30/9/2024.", DeadlineKind.ONCE, date(2024, 9, 30)),
        ("trước 15/01/2025", DeadlineKind.ONCE, date(2025, 1, 15)),
        ("ngày 30 tháng 9 năm 2024", DeadlineKind.ONCE, date(2024, 9, 30)),
        ("Tháng 6/2024", DeadlineKind.ONCE, date(2024, 6, 30)),
        ("Tháng 2 năm 2024", DeadlineKind.ONCE, date(2024, 2, 29)),  # a leap year
        ("Quý III/2024", DeadlineKind.ONCE, date(2024, 9, 30)),
        ("quý 2 năm 2024", DeadlineKind.ONCE, date(2024, 6, 30)),
        ("6 tháng đầu năm 2024", DeadlineKind.ONCE, date(2024, 6, 30)),
        ("Năm 2025", DeadlineKind.ONCE, date(2025, 12, 31)),
        ("Giai đoạn 2024 - 2025", DeadlineKind.ONCE, date(2025, 12, 31)),
        ("Hằng năm", DeadlineKind.YEARLY, date(2024, 12, 31)),
        ("6 tháng đầu năm", DeadlineKind.YEARLY, date(2024, 6, 30)),
        ("Hằng quý", DeadlineKind.RECURRING, None),
        ("Thường xuyên", DeadlineKind.CONTINUOUS, None),
        # not understood: kept as written, no due date (KH213 warns), never refused
        ("sớm nhất có thể", DeadlineKind.UNREAD, None),
        ("Quý V/2024", DeadlineKind.UNREAD, None),
    ],
)
def test_deadlines_as_plans_word_them(text: str, kind: DeadlineKind, due_2024: date | None):
    deadline = Deadline.model_validate(text)
    assert deadline.text == " ".join(text.split())  # printed as the plan writes it
    assert (deadline.kind, deadline.due_in(2024)) == (kind, due_2024)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("31/2/2024", "ngày tháng không tồn tại"),
        ("2025 - 2024", "năm kết thúc 2024 trước năm bắt đầu 2025"),
    ],
)
def test_an_impossible_deadline_is_kh111_with_the_accepted_forms(text: str, detail: str):
    with pytest.raises(ValidationError) as caught:
        Deadline.model_validate(text)
    error = caught.value.errors()[0]
    assert error["type"] == "KH111" and detail in error["msg"]
    assert "Quý III/2024" in error["ctx"]["advice"] and "Thường xuyên" in error["ctx"]["advice"]


def _plan(**changes: object) -> Plan:
    data: dict[str, object] = {
        "schema_version": 1,
        "document": {
            "type": "KẾ HOẠCH",
            "symbol": "KH-UBND",
            "place": "Thử",
            "date": "2024",
            "issuing_body": "Ủy ban nhân dân tỉnh Thử",
            "title": "Thử",
            "preamble": ["Căn cứ A;", "Ủy ban nhân dân tỉnh ban hành Kế hoạch:"],
            "closing": "./.",
            "signer": {"title": "CHỦ TỊCH"},
        },
        "sections": [{"heading": "NHIỆM VỤ", "content": "tasks"}],
        "units": [
            {"id": "so-a", "name": "Sở A", "kind": "so_nganh"},
            {"id": "huyen-a", "name": "Ủy ban nhân dân huyện A", "kind": "ubnd_huyen"},
            {"id": "huyen-b", "name": "Ủy ban nhân dân huyện B", "kind": "ubnd_huyen"},
        ],
        "groups": [
            {"id": "huyen", "name": "UBND các huyện", "members": ["huyen-a", "huyen-b"]},
            {"id": "tat-ca", "name": "Các cơ quan", "members": ["so-a", "group:huyen"]},
        ],
        "tasks": [
            {"id": "1", "title": "Một", "lead": "group:huyen", "cooperate": ["so-a"]},
            {"id": "2", "title": "Hai", "lead": "so-a", "cooperate": ["group:tat-ca"]},
        ],
        "reporting": {
            "deadline": "15/01 năm sau",
            "receiver": "so-a",
            "escalation_to": "so-a",
            "report": {
                "symbol": "BC-UBND",
                "addressees": ["Bộ"],
                "recipients": [],
                "signer": {"title": "CHỦ TỊCH"},
            },
        },
    }
    data.update(changes)
    return Plan.model_validate(data)


def test_a_group_leads_and_groups_nest():
    plan = _plan()
    index = PlanIndex.build(plan)
    assert index.leads["1"] == ["huyen-a", "huyen-b"]  # each member leads its part
    assert index.led_tasks("huyen-b") == ["1"]
    assert index.cooperators["2"] == ["huyen-a", "huyen-b"]  # the nested group, lead left out
    assert index.lead_name(index.tasks["1"]) == "UBND các huyện"
    assert plan.document.parent_body is None and len(plan.document.preamble) == 2


def test_a_lead_that_is_neither_an_id_nor_a_group_is_kh108():
    with pytest.raises(ValidationError) as caught:
        Task.model_validate({"id": "1", "title": "Một", "lead": "Sở A"})
    assert caught.value.errors()[0]["type"] == "KH108"


def test_the_first_four_key_sections_become_the_list_with_their_old_words():
    legacy = {
        "purposes": {"heading": "MỤC ĐÍCH"},
        "tasks": {"heading": "NHIỆM VỤ"},
        "schedule_budget": {"heading": "THỜI GIAN"},
        "organization": {"heading": "TỔ CHỨC"},
    }
    plan = _plan(sections=legacy)
    assert [s.heading for s in plan.sections] == ["MỤC ĐÍCH", "NHIỆM VỤ", "THỜI GIAN", "TỔ CHỨC"]
    tasks = plan.sections[1]
    assert (tasks.content, tasks.lead_label) == ("tasks", "Đơn vị chủ trì thực hiện")
    assert _plan().sections[0].lead_label == "Cơ quan chủ trì"  # the list form: neutral words


def test_a_plan_period_in_order_and_years_in_it():
    period = PlanPeriod(start=2024, end=2025)
    assert 2024 in period and 2025 in period and 2026 not in period
    with pytest.raises(ValidationError):
        PlanPeriod(start=2025, end=2024)


def test_a_yearly_deadline_in_the_next_year_and_the_default_period():
    plan = _plan()
    yearly = plan.reporting.period(None)
    assert yearly is not None and yearly.id == "nam" and yearly.whole_year
    assert yearly.deadline.in_year(2024) == date(2025, 1, 15)
    with pytest.raises(ValidationError):  # a deadline and periods: one way only
        _plan(
            reporting={
                **plan.reporting.model_dump(),
                "periods": [{"id": "nam", "name": "năm", "months": "1-12", "deadline": "15/11"}],
            }
        )


@pytest.mark.parametrize(
    ("kind", "parent", "signer"),
    [
        ("so_nganh", "UBND tỉnh Thử", ("GIÁM ĐỐC", None)),
        ("ubnd_huyen", "", ("CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN")),
        ("ubnd_xa", "", ("CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN")),
        ("phong", "UBND tỉnh Thử", ("TRƯỞNG PHÒNG", None)),
        ("thanh_tra", "UBND tỉnh Thử", ("CHÁNH THANH TRA", None)),
    ],
)
def test_unit_kinds_give_the_report_its_defaults(
    kind: str, parent: str, signer: tuple[str, str | None]
):
    unit = Unit.model_validate({"id": "x", "name": "X", "kind": kind})
    assert kinds.unit_parent(unit, "Ủy ban nhân dân tỉnh Thử") == parent
    head = kinds.unit_signer(unit)
    assert (head.title, head.authority) == signer
    assert kinds.unit_symbol(unit) == "BC-X"


def test_the_units_phrase_follows_the_kinds_present():
    make = lambda kind: Unit.model_validate({"id": "x", "name": "X", "kind": kind})  # noqa: E731
    assert kinds.units_phrase([make("phong"), make("trung_tam")]) == "các phòng, đơn vị"
    assert kinds.units_phrase([make("so_nganh"), make("ubnd_huyen")]) == (
        "các sở, ban, ngành, UBND các huyện, thị xã, thành phố"
    )
