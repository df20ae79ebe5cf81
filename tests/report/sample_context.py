"""A hand-made report context holding every key the default template uses.

Layout tests render the template with it directly (docxtpl), so they check the template
alone, whatever report/context.py computes.
"""

from __future__ import annotations

import copy
from typing import Any

from kehoach_cli.report.render import default_template, render_docx

_TASKS = [
    ("1", "Đẩy mạnh công tác thông tin, tuyên truyền", "Trung tâm KH&CN", "85%", False),
    ("2", "Phát triển khoa học - công nghệ và đổi mới sáng tạo", "—", "59%", True),
    ("2.1", "Chính sách trọng dụng trí thức, thu hút nhân lực KH&CN", "Phòng QLKH", "70%", False),
    ("2.2", "Rà soát pháp luật, thông tin KH&CN, thị trường KH&CN", "Phòng QLCN", "60%", False),
    (
        "2.3",
        "HTQLCL theo TCVN ISO 9001:2015 trong cơ quan hành chính",
        "Phòng QL TĐC",
        "100%",
        False,
    ),
    ("2.4", "Hệ sinh thái đổi mới sáng tạo, khởi nghiệp", "Phòng QLCN", "35%", False),
]

_CONTEXT: dict[str, Any] = {
    "year": 2024,
    "next_year": 2025,
    "period_label": "năm 2024",
    "next_heading": "NĂM 2025",
    "parent_body": "UBND TỈNH ĐỒNG NAI",
    "issuing_body": "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
    "number": "     ",
    "symbol": "BC-SKHCN",
    "date_line": "Đồng Nai, ngày 05 tháng 01 năm 2025",
    "doc_type": "BÁO CÁO",
    "summary": "Kết quả thực hiện Kế hoạch số /KH-SKHCN năm 2024",
    "draft_lines": [],
    "addressee_lines": ["Kính gửi: Ủy ban nhân dân tỉnh Đồng Nai."],
    "opening": (
        "Thực hiện Kế hoạch số /KH-SKHCN năm 2023 của Sở Khoa học và Công nghệ; Sở Khoa học "
        "và Công nghệ báo cáo kết quả thực hiện năm 2024 như sau:"
    ),
    "direction": [
        "- Triển khai Kế hoạch đến các phòng, đơn vị; phân công 7 nhiệm vụ cho 6 đơn vị.",
        "- Các đơn vị xây dựng 17 hoạt động chi tiết năm 2024.",
    ],
    "results_intro": "Kết quả thực hiện 5 nhiệm vụ được tổng hợp tại Bảng 1.",
    "task_rows": [
        {
            "stt": stt,
            "task": task,
            "lead": lead,
            "progress": progress,
            "status": "—" if group else "đang thực hiện",
            "note": "",
            "is_group": group,
        }
        for stt, task, lead, progress, group in _TASKS
    ],
    "results": [
        {
            "heading": "1. Đẩy mạnh công tác thông tin, tuyên truyền (nhiệm\u00a0vụ\u00a01)",
            "lines": ["- Đơn vị chủ trì: Trung tâm Khoa học và Công nghệ.", "- Kết quả: tốt."],
        },
        {
            "heading": "2. Phát triển khoa học - công nghệ (nhiệm\u00a0vụ\u00a02)",
            "lines": ["- Gồm 4 nhiệm vụ cụ thể; tiến độ bình quân 59%."],
        },
    ],
    "budget_title": "Bảng 2. Kinh phí thực hiện năm 2024 theo đơn vị (đồng)",
    "budget_label": "Đơn vị",
    "budget_rows": [
        {
            "stt": "1",
            "unit": "Trung tâm KH&CN",
            "planned": "220.000.000",
            "spent": "154.450.000",
            "rate": "70,2%",
        },
        {
            "stt": "2",
            "unit": "Phòng QLKH",
            "planned": "310.000.000",
            "spent": "251.200.000",
            "rate": "81,0%",
        },
        {
            "stt": "3",
            "unit": "Phòng QLCN",
            "planned": "940.000.000",
            "spent": "560.500.000",
            "rate": "59,6%",
        },
    ],
    "budget_total": {
        "stt": "",
        "unit": "Tổng cộng",
        "planned": "1.470.000.000",
        "spent": "966.150.000",
        "rate": "65,7%",
    },
    "budget_notes": [],
    "indicator_rows": [
        {
            "stt": "1",
            "name": "Đóng góp của năng suất nhân tố tổng hợp (TFP)",
            "target": "khoảng 62,8% (2021–2030)",
            "actual": "2023: 45,2%; 2024: 47,9%",
            "assessment": "đúng hướng",
        },
        {
            "stt": "2",
            "name": "Số doanh nghiệp khoa học và công nghệ",
            "target": "≥ 30 (2025)",
            "actual": "2024: 24",
            "assessment": "đúng hướng",
        },
    ],
    "achievements": ["- Hoàn thành 1/7 nhiệm vụ."],
    "shortcomings": ["- 1 nhiệm vụ chậm tiến độ."],
    "causes": ["- Chưa có quỹ đất."],
    "next_year_lines": ["- Chuyển chuyên mục sang dạng video ngắn."],
    "proposal_lines": ["- Bổ sung 01 biên chế viên chức biên tập nội dung số."],
    "closing": (
        "Trên đây là báo cáo kết quả thực hiện Kế hoạch số /KH-SKHCN năm 2024 "
        "của Sở Khoa học và Công nghệ./."
    ),
    "recipients": [
        "- Như trên;",
        "- Sở Kế hoạch và Đầu tư (b/c);",
        "- Lưu: VT, KHTC.",
    ],
    "signer": {"authority": None, "title": "GIÁM ĐỐC", "name": "Lại Thế Thông"},
    "appendix_title": "Danh sách đơn vị gửi báo cáo muộn hoặc chưa gửi báo cáo năm 2024",
    "late_rows": [
        {
            "stt": "1",
            "unit": "Thanh tra Sở",
            "submitted": "20/11/2024",
            "state": "gửi muộn",
            "days": "5",
        }
    ],
    "appendix_empty": "Tất cả các đơn vị đã gửi báo cáo đúng hạn (trước ngày 15/11/2024).",
}


def sample_context(**overrides: Any) -> dict[str, Any]:
    context = copy.deepcopy(_CONTEXT)
    context.update(overrides)
    return context


def render_sample(template: Any = None, **overrides: Any) -> bytes:
    return render_docx(template or default_template(), sample_context(**overrides))
