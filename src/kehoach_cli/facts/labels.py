"""The Vietnamese words for the facts' states: one vocabulary for every output, so that a
table, a report and a page never call the same state by two names."""

from __future__ import annotations

from kehoach_cli.model.plan import COMPARISON_WORDS as COMPARISON_WORDS  # re-exported

SUBMISSION_LABELS = {
    "on_time": "đúng hạn",
    "late": "gửi muộn",
    "pending": "chưa gửi",
    "missing": "chưa gửi, quá hạn",
    "draft": "bản nháp, chưa gửi",
    "invalid": "tệp có lỗi",
}
ASSESSMENT_LABELS = {
    "met": "đạt",
    "on_track": "có khả năng đạt (ước tính)",
    "at_risk": "có nguy cơ không đạt (ước tính)",
    "missed": "không đạt",
    "no_data": "chưa đủ số liệu để đánh giá",
    "not_judged": "chưa đánh giá",  # the finding's reason says why (facts/findings.py)
}
TREND_LABELS = {"up": "tăng", "down": "giảm", "flat": "không đổi"}
