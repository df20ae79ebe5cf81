"""The catalogue of checks. Codes are stable: CI configurations and docs refer to them.

KH0xx  reading the file and YAML syntax
KH1xx  schema (types, ranges, allowed values, keys)
KH2xx  plan integrity (data/plan.yaml)
KH3xx  progress files against the plan and the workspace layout
"""

from __future__ import annotations

from typing import NamedTuple


class Rule(NamedTuple):
    code: str
    severity: str  # "error" | "warning"
    message: str  # str.format template, Vietnamese
    hint: str  # str.format template, Vietnamese; may be empty
    example: str  # a typical mistake, for the documentation


_RULES = [
    # --- reading and syntax -------------------------------------------------------------
    Rule(
        "KH001",
        "error",
        "Không đọc được tệp: {reason}",
        "Kiểm tra tệp có tồn tại và bạn có quyền đọc.",
        "tệp bị khóa hoặc là một thư mục",
    ),
    Rule(
        "KH002",
        "error",
        "Tệp không ở mã UTF-8 ({detail})",
        "Mở tệp trong trình soạn thảo và lưu lại tệp dưới dạng UTF-8 "
        "(Notepad: Lưu thành → Mã hóa UTF-8; VS Code: Save with Encoding → UTF-8).",
        "tệp lưu bằng bảng mã TCVN3, VNI hoặc Windows-1258",
    ),
    Rule(
        "KH003",
        "error",
        "Tệp quá lớn: {size} byte (tối đa {limit} byte)",
        "Một tệp tiến độ chỉ cần vài chục KB; kiểm tra có dán nhầm dữ liệu lớn vào không.",
        "dán cả một tệp nhật ký vào trường results",
    ),
    Rule(
        "KH004",
        "error",
        "Tệp chứa ký tự điều khiển không được phép ({char})",
        "Xóa ký tự này (thường lẫn vào khi sao chép từ Word hoặc PDF) rồi gõ lại đoạn văn.",
        "ký tự U+0007 lẫn vào khi dán từ PDF",
    ),
    Rule(
        "KH005",
        "error",
        "Lỗi cú pháp YAML: {detail}",
        "{advice}",
        "thiếu dấu hai chấm sau tên khóa, thụt lề không đều",
    ),
    Rule(
        "KH006",
        "error",
        "Khóa '{key}' bị lặp (đã có ở {first})",
        "Gộp hai khối thành một rồi xóa khối thừa (nhiều công cụ YAML lặng lẽ chỉ giữ khối "
        "cuối, nên dữ liệu của khối đầu sẽ mất).",
        'dán khối nhiệm vụ "2.1" hai lần',
    ),
    Rule(
        "KH007",
        "error",
        "Không dùng neo/bí danh YAML ({what})",
        "Viết đầy đủ nội dung thay cho '&neo' và '*bí danh'.",
        "status: *trang-thai",
    ),
    Rule(
        "KH008",
        "error",
        "Không dùng thẻ YAML '{tag}'",
        "Xóa thẻ bắt đầu bằng '!'; kehoach chỉ đọc văn bản, số và ngày.",
        "!!python/object:os.system",
    ),
    Rule(
        "KH009",
        "error",
        "Không dùng khóa gộp '<<'",
        "Viết đầy đủ các khóa thay cho '<<: ...'.",
        "<<: *mac-dinh",
    ),
    Rule(
        "KH010",
        "error",
        "Cấu trúc lồng quá sâu (quá {limit} cấp)",
        "Tệp kế hoạch và tiến độ chỉ cần vài cấp lồng; kiểm tra thụt lề.",
        "[[[[[[...]]]]]]",
    ),
    Rule(
        "KH011",
        "error",
        "Tệp chứa nhiều tài liệu YAML (dấu '---' thứ hai)",
        "Mỗi tệp chỉ chứa một tài liệu; xóa dấu '---' ở giữa tệp.",
        "hai tệp dán nối nhau",
    ),
    Rule(
        "KH012",
        "error",
        "Tệp {what}, cần một bảng khóa: giá trị",
        "Tệp phải bắt đầu bằng các khóa như 'schema_version:', 'unit:', 'year:'.",
        "tệp rỗng hoặc chỉ có chú thích",
    ),
    Rule(
        "KH013",
        "error",
        "Khóa phải là một chuỗi đơn giản",
        "Viết khóa là chữ, ví dụ 'status:'; không dùng danh sách hay bảng làm khóa.",
        "? [a, b]: 1",
    ),
    # --- schema ---------------------------------------------------------------------------
    Rule(
        "KH101",
        "error",
        "Khóa không hợp lệ '{key}'{suggestion}",
        "Các khóa được phép ở đây: {allowed}.",
        "stauts: done",
    ),
    Rule(
        "KH102",
        "error",
        "Thiếu trường bắt buộc '{key}'",
        "Thêm dòng '{key}: ...' vào đúng chỗ.",
        "thiếu 'year:'",
    ),
    Rule(
        "KH103",
        "error",
        "Sai kiểu dữ liệu: {detail}",
        "{advice}",
        "activities: 'một việc' (cần danh sách)",
    ),
    Rule(
        "KH104",
        "error",
        "Giá trị '{value}' không thuộc các giá trị cho phép",
        "Dùng một trong: {allowed}.",
        "status: xong",
    ),
    Rule("KH105", "error", "Số không hợp lệ: {detail}", "{advice}", "progress: 150"),
    Rule(
        "KH106",
        "error",
        "Ngày không hợp lệ: {detail}",
        "Viết ngày dạng 2024-11-10 hoặc 10/11/2024.",
        "due: 31/02/2024",
    ),
    Rule(
        "KH107",
        "error",
        "Số tiền không hợp lệ: {detail}",
        "Viết số tiền bằng đồng, không âm, ví dụ 150000000 hoặc 150.000.000.",
        "planned: 150tr",
    ),
    Rule(
        "KH108",
        "error",
        "Mã không hợp lệ '{value}'",
        "Mã chỉ gồm chữ thường không dấu, chữ số và dấu '-', ví dụ 'phong-a' hoặc "
        "'so-tai-chinh'; một nhóm viết 'group:<mã nhóm>'; mã nhiệm vụ dạng '2.1'.",
        "unit: Phòng QLKH",
    ),
    Rule("KH109", "error", "Giá trị không hợp lệ: {detail}", "{advice}", "title: ''"),
    Rule(
        "KH110",
        "error",
        "Phiên bản lược đồ {value} không được hỗ trợ (hỗ trợ: {supported})",
        "Cập nhật kehoach hoặc sửa 'schema_version'.",
        "schema_version: 9",
    ),
    Rule(
        "KH111",
        "error",
        "Thời hạn không hợp lệ: {detail}",
        "{advice}",
        "deadline: 31/9/2024",
    ),
    # --- plan integrity -------------------------------------------------------------------
    Rule(
        "KH201",
        "error",
        "Mã '{id}' bị trùng trong {where} (đã có ở dòng {first_line})",
        "Mỗi {what} cần một mã riêng.",
        "hai nhiệm vụ cùng mã 2.1",
    ),
    Rule(
        "KH202",
        "error",
        "Nhiệm vụ '{id}' đặt sai chỗ trong cây nhiệm vụ: {detail}",
        "Mã nhiệm vụ con bắt đầu bằng mã nhiệm vụ cha và một dấu chấm, ví dụ 2 → 2.1.",
        "nhiệm vụ 3.1 nằm trong nhiệm vụ 2",
    ),
    Rule(
        "KH203",
        "error",
        "Đơn vị '{id}' không có trong danh mục đơn vị{suggestion}",
        "Các đơn vị: {known}.",
        "lead: qlk",
    ),
    Rule(
        "KH204",
        "error",
        "Nhóm '{id}' không xác định được{suggestion}",
        "Các nhóm: {known}.",
        "cooperate: [group:cac-phong]",
    ),
    Rule(
        "KH205",
        "warning",
        "Đơn vị '{id}' vừa chủ trì vừa phối hợp nhiệm vụ '{task}'",
        "Bỏ đơn vị chủ trì khỏi danh sách phối hợp.",
        "lead: phong-a, cooperate: [phong-a]",
    ),
    Rule(
        "KH206",
        "error",
        "Chỉ tiêu '{id}' gắn với nhiệm vụ không có: '{task}'",
        "Các nhiệm vụ: {known}.",
        "task: '2.7'",
    ),
    Rule(
        "KH207",
        "error",
        "Đơn vị '{id}' là {kind}, không thể {role}",
        "Chỉ đơn vị thực hiện kế hoạch (kind khác external) mới chủ trì, phối hợp và gửi "
        "báo cáo; cơ quan bên ngoài ghi ở 'partners'.",
        "lead: co-quan-ngoai",
    ),
    Rule(
        "KH208",
        "error",
        "Ngày hạn báo cáo không tồn tại: {detail}",
        "Kiểm tra 'reporting.deadline' (ngày/tháng).",
        "deadline: 31/11",
    ),
    Rule(
        "KH209",
        "error",
        "Nhóm '{id}' tự chứa chính nó qua: {cycle}",
        "Một nhóm có thể gồm nhóm khác ('group:<mã>') nhưng không được vòng lại chính nó.",
        "nhóm a gồm group:b, nhóm b gồm group:a",
    ),
    Rule(
        "KH210",
        "warning",
        "Nhiệm vụ '{id}' không có đơn vị chủ trì và không có nhiệm vụ con",
        "Ghi 'lead' (mã đơn vị hoặc 'group:<mã nhóm>'); nếu là tiêu đề nhóm, thêm các nhiệm vụ "
        "con vào 'subtasks'.",
        "nhiệm vụ 3 chỉ có 'cooperate'",
    ),
    Rule(
        "KH212",
        "warning",
        "Hạn nộp {deadline} của kỳ {period} (tháng {months}) rơi vào nửa đầu kỳ",
        "Nếu hạn ở năm sau năm báo cáo, ghi rõ, ví dụ '15/01 năm sau'; nếu không, kiểm tra "
        "lại ngày hạn.",
        "deadline: 15/01 cho báo cáo năm",
    ),
    Rule(
        "KH213",
        "warning",
        "Không hiểu được thời hạn '{text}' của nhiệm vụ {id}: giữ nguyên văn, nhiệm vụ không "
        "có ngày hạn và không bị coi là chậm",
        "Nếu văn bản có ghi ngày hạn, viết theo một cách sau: {accepted}.",
        "deadline: sớm nhất có thể",
    ),
    Rule(
        "KH214",
        "warning",
        "Tên cơ quan ở phần đầu văn bản viết tắt: '{name}' (in ra '{printed}')",
        "Nghị định 30/2020 ghi tên cơ quan đầy đủ ở phần đầu: '{full}'; tên viết tắt dùng "
        "trong bảng thì ghi ở 'short_name'.",
        "issuing_body: UBND huyện Đông Hải",
    ),
    Rule(
        "KH215",
        "warning",
        "Ngày ban hành ({issued}) sau thời hạn đầu tiên của kế hoạch: nhiệm vụ {id}, hạn {due}",
        "Kiểm tra 'document.date' (năm ban hành) và thời hạn của nhiệm vụ; 'kehoach init "
        "--years' ghi năm ban hành theo năm đầu của kế hoạch.",
        "date: '2026' cho kế hoạch năm 2024",
    ),
    Rule(
        "KH220",
        "warning",
        "Đơn vị '{id}' ({name}) chưa có địa danh cho dòng ngày tháng báo cáo của mình",
        "Ghi 'place' (ví dụ place: {example}); không có thì báo cáo riêng của đơn vị mang địa "
        "danh của kế hoạch ({plan_place}), là nơi đặt trụ sở của cơ quan khác.",
        "unit UBND xã không ghi place, tên không theo mẫu 'Ủy ban nhân dân xã …'",
    ),
    # --- progress files -------------------------------------------------------------------
    Rule(
        "KH301",
        "error",
        "Năm trong tệp ({value}) khác năm của thư mục ({expected})",
        "Sửa 'year:' hoặc chuyển tệp sang data/progress/{value}/.",
        "tệp 2024 nằm trong thư mục 2023",
    ),
    Rule(
        "KH302",
        "error",
        "Đơn vị trong tệp ('{value}') khác tên tệp ('{expected}')",
        "Tên tệp phải là mã đơn vị: data/progress/<năm>/{value}.yaml.",
        "unit: phong-a trong tệp phong-b.yaml",
    ),
    Rule(
        "KH303",
        "error",
        "Đơn vị '{id}' không phải đơn vị báo cáo của kế hoạch{suggestion}",
        "Các đơn vị báo cáo: {known}.",
        "unit: phong-moi",
    ),
    Rule(
        "KH304",
        "error",
        "Nhiệm vụ '{id}' không có trong kế hoạch{suggestion}",
        "Các nhiệm vụ: {known}.",
        "tasks: {{'2.10': ...}}",
    ),
    Rule(
        "KH305",
        "error",
        "Đơn vị '{unit}' không được giao nhiệm vụ '{id}'",
        "Đơn vị này chủ trì hoặc phối hợp các nhiệm vụ: {assigned}.",
        "phong-a báo cáo nhiệm vụ 2.2",
    ),
    Rule(
        "KH306",
        "error",
        "Thiếu báo cáo nhiệm vụ '{id}' mà đơn vị '{unit}' chủ trì",
        'Thêm mục tasks."{id}" với status và progress.',
        "phong-b không báo cáo 2.6",
    ),
    Rule(
        "KH307",
        "warning",
        "Ngày {value} nằm ngoài năm báo cáo {year}",
        "Kiểm tra lại năm của ngày này.",
        "due: 2023-12-31 trong báo cáo năm 2024",
    ),
    Rule(
        "KH308",
        "error",
        "Ngày bắt đầu ({start}) sau ngày hạn ({due})",
        "Sửa 'start' hoặc 'due' để start ≤ due.",
        "start: 2024-09-01, due: 2024-03-01",
    ),
    Rule(
        "KH309",
        "error",
        "Tình trạng '{status}' không khớp tiến độ {progress}%",
        "'done' (hoàn thành) đi cùng progress 100 và ngược lại.",
        "status: done, progress: 80",
    ),
    Rule(
        "KH310",
        "warning",
        "Đã chi ({spent}) vượt dự toán ({planned})",
        "Kiểm tra số liệu hoặc ghi rõ lý do trong 'result'.",
        "planned: 100.000.000, spent: 120.000.000",
    ),
    Rule(
        "KH311",
        "error",
        "Chỉ tiêu '{id}' không có trong kế hoạch{suggestion}",
        "Các chỉ tiêu: {known}.",
        "indicators: {{chi-tieu-sai: ...}}",
    ),
    Rule(
        "KH312",
        "warning",
        "Đơn vị '{unit}' báo cáo chỉ tiêu '{id}' của nhiệm vụ {task} mà đơn vị không tham gia",
        "Chỉ đơn vị chủ trì hoặc phối hợp nhiệm vụ {task} báo cáo chỉ tiêu này.",
        "phong-a báo cáo chỉ tiêu của nhiệm vụ khác",
    ),
    Rule(
        "KH313",
        "warning",
        "Hoạt động '{title}': {detail}",
        "Ghi 'finished_on' khi và chỉ khi hoạt động có status: done.",
        "status: done nhưng thiếu finished_on",
    ),
    Rule(
        "KH314",
        "error",
        "Ngày hoàn thành ({finished}) trước ngày bắt đầu ({start})",
        "Sửa 'finished_on' hoặc 'start'.",
        "start: 2024-05-01, finished_on: 2024-04-01",
    ),
    Rule(
        "KH315",
        "error",
        "Có hai tệp cho cùng đơn vị '{unit}' năm {year}: {other}",
        "Giữ một tệp .yaml, xóa tệp còn lại.",
        "phong-a.yaml và phong-a.yml",
    ),
    Rule(
        "KH316",
        "error",
        "Tên tệp hoặc thư mục không đúng quy ước: {detail}",
        "Tệp tiến độ đặt ở data/progress/<năm 4 chữ số>/<mã đơn vị>.yaml.",
        "data/progress/2024/QLKH final.yaml",
    ),
    Rule(
        "KH317",
        "error",
        "'{detail}' trỏ ra ngoài thư mục dữ liệu",
        "Liên kết tượng trưng (symlink) ra ngoài workspace không được đọc; chép tệp vào đúng chỗ.",
        "phong-a.yaml -> /etc/passwd",
    ),
    Rule(
        "KH318",
        "error",
        "Tệp không thuộc workspace: {detail}",
        "Chỉ kiểm tra data/plan.yaml và data/progress/<năm>/<đơn vị>.yaml.",
        "kehoach validate README.md",
    ),
    Rule(
        "KH319",
        "warning",
        "Nhiệm vụ '{id}' do đơn vị chủ trì chưa có nội dung báo cáo",
        "Điền status, progress, activities hoặc results cho nhiệm vụ này.",
        "tệp mới tạo bằng kehoach new, chưa điền",
    ),
    Rule(
        "KH320",
        "warning",
        "Ngày {value} ở sau khi kỳ báo cáo {period} kết thúc ({end})",
        "Báo cáo kỳ này chỉ ghi việc đã làm đến hết kỳ; việc sau đó ghi ở báo cáo kỳ sau.",
        "finished_on: 20/08/2024 trong báo cáo 6 tháng",
    ),
    Rule(
        "KH321",
        "warning",
        "Tiến độ nhiệm vụ '{id}' giảm từ {earlier}% ({earlier_period}) xuống {later}% "
        "({later_period})",
        "Kiểm tra lại; nếu đúng là giảm, nêu lý do ở 'results' (báo cáo kỳ trước: {earlier_at}).",
        "6 tháng 60%, năm 40%",
    ),
    Rule(
        "KH322",
        "error",
        "Tệp thuộc {where} mà kế hoạch không có",
        "Các kỳ báo cáo của kế hoạch (reporting.periods): {known}.",
        "data/progress/2024/quy-5/phong-a.yaml",
    ),
    Rule(
        "KH323",
        "warning",
        "Năm {year} nằm ngoài thời gian thực hiện kế hoạch ({span})",
        "Kiểm tra năm của tệp (thư mục năm và 'year'), hoặc 'period' trong data/plan.yaml.",
        "data/progress/2031/phong-a.yaml với period 2024–2025",
    ),
    Rule(
        "KH324",
        "warning",
        "Ngày gửi {value} ở sau hôm nay: trước ngày đó báo cáo được tính là chưa gửi",
        "Lệnh status và report chỉ tính những báo cáo đã gửi đến ngày tính (hôm nay, hoặc "
        "ngày --as-of). Nếu gõ nhầm (ví dụ 10/12 thay cho 10/11), sửa 'submitted_on' thành ngày đã "
        "gửi; nếu chưa gửi, để trống 'submitted_on' cho đến khi gửi.",
        "submitted_on: 10/12/2026 gõ nhầm cho 10/11/2026",
    ),
    Rule(
        "KH325",
        "warning",
        "Hoạt động '{title}' hoàn thành ngày {finished}, sau ngày gửi báo cáo {sent}",
        "Một báo cáo không thể nêu việc xảy ra sau khi gửi: sửa 'finished_on' (hoặc 'status' nếu "
        "chưa xong khi gửi), hoặc 'submitted_on' nếu gửi muộn hơn.",
        "submitted_on: 08/11/2023, finished_on: 24/11/2023",
    ),
]

CATALOGUE: dict[str, Rule] = {rule.code: rule for rule in _RULES}
