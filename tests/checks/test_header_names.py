"""validate suggests the full name of a body whose own name heads a document abbreviated."""

from __future__ import annotations

from pathlib import Path

from kehoach_cli.checks.plan_rules import full_name
from tests.conftest import edit


def test_the_full_form_of_an_abbreviated_name():
    assert full_name("UBND huyện Đông Hải") == "Ủy ban nhân dân huyện Đông Hải"
    assert full_name("HĐND xã Tân Hòa") == "Hội đồng nhân dân xã Tân Hòa"
    assert full_name("Sở Tài chính") is None
    assert full_name("Ủy ban nhân dân tỉnh Lâm Đồng") is None


def test_an_abbreviated_issuer_is_warned_with_its_full_form(workspace: Path, cli):
    edit(
        workspace / "data/plan.yaml",
        "issuing_body: Sở Khoa học và Công nghệ",
        "issuing_body: UBND huyện Đông Hải",
    )
    result = cli("validate", "--root", str(workspace))
    assert result.code == 0  # a warning: the plan still works
    assert "'UBND huyện Đông Hải' (in ra 'UBND HUYỆN ĐÔNG HẢI') (KH214)" in result.stderr
    assert "'Ủy ban nhân dân huyện Đông Hải'" in result.stderr
    # the parent line may keep the short form Decree 30's own samples use
    assert "parent_body" not in result.stderr
