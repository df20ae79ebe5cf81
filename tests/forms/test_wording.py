"""The checks' messages, as an import of a form tells them: the form's words, not YAML's."""

from __future__ import annotations

import pytest

from kehoach_cli.forms.wording import form_hint, in_form_words


@pytest.mark.parametrize(
    ("checks_say", "form_says"),
    [
        (
            "Tình trạng 'done' không khớp tiến độ 80%",
            "Tình trạng 'hoàn thành' không khớp tiến độ 80%",
        ),
        ("'done' (hoàn thành) đi cùng progress 100", "'hoàn thành' đi cùng tiến độ 100"),
        (
            "Sửa 'start' hoặc 'due' để start ≤ due.",
            "Sửa 'Ngày bắt đầu' hoặc 'Hạn hoàn thành' để ngày bắt đầu ≤ hạn hoàn thành.",
        ),
        (
            "Dùng một trong: not_started (chưa bắt đầu), done (hoàn thành).",
            "Dùng một trong: chưa bắt đầu, hoàn thành.",
        ),
        (
            "nêu lý do ở 'results' (báo cáo kỳ trước: 6-thang/x.yaml:13)",
            "nêu lý do ở 'Kết quả thực hiện' (báo cáo kỳ trước: 6-thang/x.yaml:13)",
        ),
        ("Thiếu trường bắt buộc 'value'", "Thiếu trường bắt buộc 'Giá trị đạt được'"),
        ("Đơn vị 'progress-a' không có", "Đơn vị 'progress-a' không có"),  # an id is not a key
    ],
)
def test_keys_and_codes_become_the_forms_labels_and_words(checks_say: str, form_says: str):
    assert in_form_words(checks_say) == form_says


def test_a_missing_value_is_asked_for_in_its_cell():
    assert form_hint("KH102", "Thêm dòng 'value: ...' vào đúng chỗ.").startswith("Điền ô này")
    assert form_hint("KH105", "Sửa 'progress'.") == "Sửa 'Tiến độ (%)'."
