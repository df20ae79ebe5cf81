"""Vietnamese titles of keys and models, shown by editors through the JSON Schemas."""

from __future__ import annotations

from typing import Any

FIELD_TITLES = {
    "schema_version": "Phiên bản lược đồ",
    "document": "Văn bản",
    "type": "Tên loại văn bản",
    "number": "Số",
    "symbol": "Ký hiệu",
    "place": "Địa danh",
    "date": "Ngày",
    "year": "Năm",
    "month": "Tháng",
    "day": "Ngày",
    "parent_body": "Cơ quan chủ quản",
    "issuing_body": "Cơ quan ban hành",
    "title": "Tiêu đề",
    "legal_bases": "Căn cứ",
    "preamble": "Mở đầu",
    "closing": "Kết thúc",
    "recipients": "Nơi nhận",
    "signer": "Người ký",
    "authority": "Thẩm quyền ký",
    "name": "Tên",
    "drafting_note": "Ghi chú soạn thảo",
    "sections": "Các mục của văn bản",
    "purposes": "Mục đích, yêu cầu",
    "tasks": "Nhiệm vụ",
    "schedule_budget": "Thời gian và kinh phí",
    "organization": "Tổ chức thực hiện",
    "heading": "Tiêu đề mục",
    "items": "Các đoạn",
    "label": "Tiêu đề ngắn",
    "text": "Nội dung",
    "units": "Đơn vị",
    "id": "Mã",
    "short_name": "Tên ngắn",
    "kind": "Loại đơn vị",
    "head": "Thủ trưởng đơn vị",
    "groups": "Nhóm đơn vị",
    "members": "Thành viên",
    "lead": "Đơn vị chủ trì",
    "cooperate": "Đơn vị phối hợp",
    "partners": "Cơ quan phối hợp bên ngoài",
    "wording": "Nguyên văn phân công",
    "subtasks": "Nhiệm vụ con",
    "indicators": "Chỉ tiêu",
    "unit_of_measure": "Đơn vị tính",
    "target": "Mục tiêu",
    "comparison": "So sánh với mục tiêu",
    "period": "Giai đoạn",
    "start": "Ngày bắt đầu",
    "end": "Năm kết thúc",
    "task": "Nhiệm vụ",
    "source": "Nguồn số liệu",
    "reporting": "Chế độ báo cáo",
    "deadline": "Hạn báo cáo",
    "receiver": "Đơn vị nhận báo cáo",
    "escalation_to": "Đơn vị nhận báo cáo vướng mắc",
    "report": "Báo cáo năm",
    "addressees": "Kính gửi",
    "unit": "Đơn vị",
    "submitted_on": "Ngày gửi báo cáo",
    "prepared_by": "Người lập",
    "status": "Tình trạng",
    "progress": "Tiến độ (%)",
    "activities": "Hoạt động chi tiết",
    "due": "Hạn hoàn thành",
    "finished_on": "Ngày hoàn thành",
    "budget": "Kinh phí",
    "planned": "Dự toán (đồng)",
    "spent": "Đã giải ngân (đồng)",
    "result": "Kết quả",
    "results": "Kết quả thực hiện",
    "difficulties": "Khó khăn, vướng mắc",
    "raised_on": "Ngày báo cáo vướng mắc",
    "resolved": "Đã giải quyết",
    "proposals": "Đề xuất, kiến nghị",
    "next_year": "Nhiệm vụ năm sau",
    "value": "Giá trị",
    "note": "Ghi chú",
    "combine": "Cách tổng hợp giá trị",
    "unit_targets": "Chỉ tiêu giao từng đơn vị",
    "first": "Tháng đầu",
    "last": "Tháng cuối",
    "numbering": "Cách đánh dấu",
    "content": "Nội dung mục",
    "units_phrase": "Cách gọi chung các đơn vị",
    "periods": "Các kỳ báo cáo",
    "months": "Các tháng của kỳ",
    "next_name": "Tên kỳ tiếp theo",
    "lead_label": "Nhãn dòng chủ trì",
    "cooperate_label": "Nhãn dòng phối hợp",
    "deadline_label": "Nhãn dòng thời hạn",
    "product_label": "Nhãn dòng sản phẩm",
    "product": "Sản phẩm",
    "parent": "Cơ quan chủ quản của đơn vị",
    "day_month": "Ngày/tháng",
    "issued_with": "Ban hành kèm theo quyết định",
    "issuer": "Cơ quan ban hành quyết định",
}

MODEL_TITLES = {
    "Plan": "Kế hoạch (data/plan.yaml)",
    "Progress": "Báo cáo tiến độ của đơn vị (data/progress/<năm>/<đơn vị>.yaml)",
    "TaskReport": "Báo cáo một nhiệm vụ",
    "Activity": "Hoạt động chi tiết",
    "Budget": "Kinh phí",
    "Difficulty": "Khó khăn, vướng mắc",
    "IndicatorValue": "Giá trị chỉ tiêu",
    "Document": "Văn bản",
    "IssuingDecision": "Quyết định ban hành kế hoạch",
    "Signer": "Người ký",
    "Section": "Mục",
    "Sections": "Các mục",
    "Paragraph": "Đoạn",
    "Unit": "Đơn vị",
    "Group": "Nhóm đơn vị",
    "Task": "Nhiệm vụ",
    "Wording": "Nguyên văn phân công",
    "Indicator": "Chỉ tiêu",
    "Period": "Giai đoạn",
    "PartialDate": "Ngày (có thể chỉ có năm)",
    "DayMonth": "Ngày/tháng",
    "ReportSettings": "Báo cáo năm",
    "Reporting": "Chế độ báo cáo",
    "Deadline": "Thời hạn",
    "MonthRange": "Các tháng của kỳ",
    "PlanPeriod": "Thời gian thực hiện",
    "ReportingPeriod": "Kỳ báo cáo",
}


def field_title(name: str, _info: Any) -> str:
    return FIELD_TITLES.get(name, name)


def model_title(model: type) -> str:
    return MODEL_TITLES.get(model.__name__, model.__name__)


# Titles that depend on the model, where the field's name alone says something else.
PROPERTY_TITLES = {
    ("Task", "deadline"): "Thời hạn hoàn thành",
    ("Deadline", "kind"): "Loại thời hạn",
    ("Deadline", "due"): "Ngày đến hạn",
    ("Deadline", "text"): "Thời hạn như văn bản ghi",
    ("ReportingPeriod", "deadline"): "Hạn nộp báo cáo của kỳ",
    ("TaskReport", "status"): "Tình trạng nhiệm vụ",
}

# How a clerk may write a value, shown by VS Code's YAML extension: on hover
# (`markdownDescription`, Markdown) and as the message of a value that does not match
# (`patternErrorMessage`/`errorMessage`, plain text). Both are the VS Code extensions to
# JSON Schema that Red Hat's YAML language server reads; validators ignore them.
VALUE_FORMS: dict[str, tuple[str, str]] = {
    "date": (
        "Ngày: `10/11/2024` (ngày/tháng/năm, viết `10.11.2024` hay `10-11-2024` cũng được) "
        "hoặc `2024-11-10`.",
        "Ngày không đúng dạng. Viết ngày/tháng/năm, ví dụ 10/11/2024, hoặc 2024-11-10.",
    ),
    "money": (
        "Số tiền bằng đồng, số nguyên không âm: `150000000`, `150.000.000` hoặc "
        "`150.000.000 đồng`. Dấu chấm ngăn nghìn; không có phần lẻ; tối đa 15 chữ số.",
        "Số tiền không đúng dạng. Viết số đồng, ví dụ 150000000 hoặc 150.000.000 (dấu chấm "
        "ngăn nghìn, không âm, không có phần lẻ).",
    ),
    "percent": (
        "Phần trăm, số nguyên từ 0 đến 100: `60` hoặc `60%`.",
        "Phần trăm là số nguyên từ 0 đến 100, ví dụ 60 hoặc 60%.",
    ),
    "decimal": (
        "Số: phần thập phân dùng dấu phẩy, nghìn ngăn bằng dấu chấm: `62,8`, `1.234`, "
        "`45,2%`; số âm có dấu trừ: `-2,5`. Không viết `62.8`: kehoach báo lỗi (dấu chấm chỉ "
        "để ngăn nghìn).",
        "Số không đúng dạng. Dùng dấu phẩy cho phần thập phân (62,8) và dấu chấm ngăn "
        "nghìn (1.234).",
    ),
    "unit_id": (
        "Mã: chữ thường không dấu `a-z`, chữ số và dấu `-` (không ở đầu hay cuối), tối đa "
        "40 ký tự, ví dụ `phong-a`, `so-tai-chinh`, `6-thang`.",
        "Mã không hợp lệ. Chỉ dùng chữ thường không dấu (a-z), chữ số và dấu '-' (không ở "
        "đầu hay cuối), tối đa 40 ký tự; ví dụ phong-a.",
    ),
    "task_id": (
        "Mã nhiệm vụ: các số ngăn bằng dấu chấm, ví dụ `2`, `2.1`, `2.10`, `2.1.3`. "
        "kehoach đọc `2.10` đúng là 2.10, không thành 2.1.",
        "Mã nhiệm vụ không hợp lệ. Viết các số ngăn bằng dấu chấm, ví dụ 2.1 hoặc 2.10.",
    ),
    "partial_date": (
        "Ngày của văn bản: `10/11/2024`, `2024-11-10`, `2024-11` hoặc chỉ năm `2024` khi "
        "chưa có ngày.",
        "Ngày của văn bản không đúng dạng. Viết 10/11/2024, 2024-11-10, 2024-11 hoặc 2024.",
    ),
    "day_month": (
        "Ngày/tháng: `15/11`, hoặc `15/01 năm sau` khi hạn rơi vào năm sau năm báo cáo.",
        "Hạn không đúng dạng. Viết ngày/tháng, ví dụ 15/11, hoặc '15/01 năm sau'.",
    ),
    "month_range": (
        "Các tháng của kỳ, tháng đầu-tháng cuối: `1-6` (6 tháng đầu năm), `1-12` (năm), "
        "`7-9` (quý III).",
        "Các tháng của kỳ không đúng dạng. Viết tháng đầu-tháng cuối, ví dụ 1-6 hoặc 1-12.",
    ),
    "deadline": (
        "Thời hạn đúng như văn bản ghi. kehoach hiểu các dạng: {accepted}.",
        "Thời hạn là một dòng chữ như văn bản ghi, ví dụ 'Quý III/2024'.",
    ),
}

# Enumerations: a Vietnamese title and a description of each value (hover, completion).
ENUM_TEXTS: dict[str, tuple[str, dict[str, str]]] = {
    "TaskStatus": ("Tình trạng", {}),  # the values' words: model.progress.STATUS_LABELS
    "UnitKind": (
        "Loại đơn vị",
        {
            "so_nganh": "sở, ban, ngành cấp tỉnh",
            "ubnd_huyen": "UBND cấp huyện (huyện, thị xã, thành phố thuộc tỉnh)",
            "ubnd_xa": "UBND cấp xã (xã, phường, thị trấn)",
            "phong": "phòng (của sở hoặc của UBND cấp huyện)",
            "trung_tam": "trung tâm, đơn vị sự nghiệp",
            "thanh_tra": "thanh tra",
            "van_phong": "văn phòng",
            "cong_an": "Công an xã, phường, huyện (người ký: TRƯỞNG CÔNG AN)",
            "quan_su": "Ban Chỉ huy quân sự (người ký: CHỈ HUY TRƯỞNG)",
            "mat_tran": "Ủy ban Mặt trận Tổ quốc Việt Nam (TM. BAN THƯỜNG TRỰC, CHỦ TỊCH)",
            "doan_the": "đoàn thể: Đoàn Thanh niên, Hội Phụ nữ, Hội Nông dân, Hội Cựu chiến "
            "binh (TM. BAN THƯỜNG VỤ, CHỦ TỊCH)",
            "truong_hoc": "trường học (người ký: HIỆU TRƯỞNG)",
            "y_te": "bệnh viện, trung tâm y tế, trạm y tế (người ký: GIÁM ĐỐC)",
            "doanh_nghiep": "doanh nghiệp nhà nước, công ty (người ký: GIÁM ĐỐC)",
            "external": "cơ quan ngoài kế hoạch: không chủ trì, không phối hợp, không báo cáo",
        },
    ),
    "Numbering": (
        "Cách đánh dấu",
        {
            "number": "đánh số 1. 2. 3. (ý con a) b) c))",
            "bullet": "gạch đầu dòng - (ý con +)",
            "none": "không đánh dấu",
        },
    ),
    "Comparison": (
        "So sánh với mục tiêu",
        {
            "about": "đạt khoảng mục tiêu",
            "at_least": "đạt khi không thấp hơn mục tiêu",
            "at_most": "đạt khi không cao hơn mục tiêu",
        },
    ),
    "Combine": (
        "Cách tổng hợp giá trị",
        {
            "lead": "giá trị của đơn vị chủ trì",
            "sum": "cộng giá trị các đơn vị",
            "latest": "giá trị gửi sau cùng",
        },
    ),
    "SectionContent": ("Nội dung mục", {"tasks": "mục in các nhiệm vụ của kế hoạch"}),
    "DeadlineKind": (
        "Loại thời hạn",
        {
            "once": "một ngày cụ thể",
            "yearly": "hằng năm",
            "recurring": "hằng quý hoặc hằng tháng",
            "continuous": "thường xuyên",
            "unread": "chưa hiểu được cách ghi (giữ nguyên văn, không có hạn)",
        },
    ),
}
ENUM_ERROR = "Giá trị không hợp lệ. Chỉ nhận: {values}."  # each value, "= its words" if any
