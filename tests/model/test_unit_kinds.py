"""Units of other kinds (police, military command, the Front, mass organisations, schools,
health, companies) report like any unit, each with its own header and signer."""

from __future__ import annotations

import pytest

from kehoach_cli.model import kinds
from kehoach_cli.model.plan import Unit, UnitKind

ISSUER = "Ủy ban nhân dân xã Tân Hòa"


def unit(kind: str, **fields: object) -> Unit:
    return Unit.model_validate({"id": "don-vi", "name": "Đơn vị", "kind": kind} | fields)


@pytest.mark.parametrize(
    ("kind", "authority", "title", "parent"),
    [
        ("cong_an", None, "TRƯỞNG CÔNG AN", ""),
        ("quan_su", None, "CHỈ HUY TRƯỞNG", "UBND xã Tân Hòa"),
        ("mat_tran", "TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", ""),
        ("doan_the", "TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", ""),
        ("truong_hoc", None, "HIỆU TRƯỞNG", "UBND xã Tân Hòa"),
        ("y_te", None, "GIÁM ĐỐC", "UBND xã Tân Hòa"),
        ("doanh_nghiep", None, "GIÁM ĐỐC", ""),
    ],
)
def test_each_kind_reports_with_its_signer_and_header(
    kind: str, authority: str | None, title: str, parent: str
):
    member = unit(kind)
    assert member.reports
    signer = kinds.unit_signer(member)
    assert (signer.authority, signer.title) == (authority, title)
    assert kinds.unit_parent(member, ISSUER) == parent


def test_a_written_parent_and_head_win_over_the_kinds_words():
    police = unit("cong_an", parent="Công an huyện Đông Hải", head={"title": "PHÓ TRƯỞNG CÔNG AN"})
    assert kinds.unit_parent(police, ISSUER) == "Công an huyện Đông Hải"
    assert kinds.unit_signer(police).title == "PHÓ TRƯỞNG CÔNG AN"


def test_every_kind_has_its_words_and_a_plural_for_the_report():
    assert set(kinds.KINDS) == set(UnitKind)
    school, front = unit("truong_hoc"), unit("mat_tran", id="mttq")
    assert kinds.units_phrase([school, front]) == (
        "các trường học, Ủy ban Mặt trận Tổ quốc Việt Nam"
    )


def test_a_body_named_after_its_locality_dates_its_reports_there():
    police = unit("cong_an", name="Công an xã Long Phụng")
    assert kinds.unit_place(police) == "Long Phụng"
    company = unit("doanh_nghiep", name="Viễn thông Thanh Hóa")
    assert kinds.unit_place(company) is None  # no locality in the name: KH220 asks for one
