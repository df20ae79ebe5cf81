"""data/plan.yaml of a new data repository (`kehoach init`), from what the user gave.

Nothing of one agency is kept silently: every essential the user did not give is written
as a visible placeholder ("ĐIỀN") that the model already refuses with a located error —
an empty text (KH109 "không được để trống"), a deadline that is not a day/month (KH106), a
unit kind that is not a kind (KH104, listing the kinds). The body of the document (purposes,
tasks, organisation) is a neutral sample, to be replaced by the text of the real plan.
"""

from __future__ import annotations

import json

from kehoach_cli.scaffold.essentials import KNOWN_PERIODS, PLACEHOLDER, Essentials, split_signer


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def _id(unit_id: str) -> str:
    """A unit id as YAML: plain, but quoted where YAML would read another type."""
    return _q(unit_id) if unit_id in ("null", "true", "false") else unit_id


def _text(value: str | None, advice: str) -> str:
    """The value, quoted; or an empty text (refused, KH109) with what to write there."""
    return _q(value) if value else f'""   # {PLACEHOLDER}: {advice}'


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _signer_lines(signer: str | None, indent: str) -> list[str]:
    if not signer:
        return [
            f"{indent}# authority: KT. CHỦ TỊCH   # thẩm quyền ký, nếu có (KT., TM., Q.)",
            f'{indent}title: ""   # {PLACEHOLDER}: chức vụ người ký, ví dụ CHỦ TỊCH, '
            "PHÓ CHỦ TỊCH, GIÁM ĐỐC",
            f"{indent}# name: Nguyễn Văn A   # họ và tên người ký (có thể để trống)",
        ]
    authority, title = split_signer(signer)
    lines = [f"{indent}authority: {_q(authority)}"] if authority else []
    return [
        *lines,
        f"{indent}title: {_q(title)}",
        f"{indent}# name: Nguyễn Văn A   # họ và tên người ký (có thể để trống)",
    ]


def _document(given: Essentials, year: int) -> list[str]:
    title = given.title
    if given.parent:
        parent = [f"  parent_body: {_q(given.parent)}   # cơ quan chủ quản"]
    else:
        parent = [
            "  # parent_body: UBND tỉnh …   # cơ quan chủ quản, nếu có: một Sở ghi 'UBND tỉnh …';",
            "  #                            # Ủy ban nhân dân thì không có dòng này",
        ]
    return [
        "document:",
        "  type: KẾ HOẠCH",
        "  number:              # số văn bản; để trống khi chưa có số",
        "  symbol: " + _text(given.symbol, "ký hiệu, ví dụ KH-UBND, KH-STC"),
        "  place: " + _text(given.place, "địa danh ở dòng ngày tháng, ví dụ tên tỉnh, huyện"),
        f'  date: "{year}"        # ngày ban hành đầy đủ, ví dụ {year}-03-15 (hạn nộp trước '
        "ngày này không bị đòi); hoặc chỉ năm",
        *parent,
        "  issuing_body: "
        + _text(given.issuer, "cơ quan ban hành, ví dụ Ủy ban nhân dân tỉnh …, Sở Tài chính"),
        "  title: " + _text(title, f"trích yếu, ví dụ Chuyển đổi số năm {year}"),
        "  legal_bases: []      # các văn bản căn cứ, để tra cứu",
        "  # Phần mở đầu, nguyên văn: các dòng 'Căn cứ …;' rồi đoạn ban hành.",
        "  preamble:",
        "    - "
        + _text(_preamble(given), "đoạn ban hành: '<cơ quan> ban hành Kế hoạch … như sau:'"),
        "  closing: " + _text(_closing(given), "đoạn kết: 'Trên đây là Kế hoạch …'"),
        '  recipients: [Như trên, "Lưu: VT"]   # nơi nhận',
        "  signer:",
        *_signer_lines(given.signer, "    "),
    ]


def _preamble(given: Essentials) -> str | None:
    """Written from the issuer and the title; None (a placeholder) without them, so that
    filling those in later never leaves a sentence of dots behind."""
    if not (given.issuer and given.title):
        return None
    return f"{given.issuer} ban hành Kế hoạch {_lower_first(given.title)} như sau:"


def _closing(given: Essentials) -> str | None:
    if not given.title:
        return None
    topic = _lower_first(given.title)
    receiver = given.receiver_name or "đơn vị tổng hợp"
    return (
        f"Trên đây là Kế hoạch {topic}. Trong quá trình thực hiện, nếu có khó khăn, vướng "
        f"mắc, các đơn vị kịp thời báo cáo về {receiver} để tổng hợp./."
    )


SECTIONS = """\
# Các mục của văn bản theo thứ tự (I, II, …); mục có 'content: tasks' in các nhiệm vụ.
# Thay các đoạn mẫu bằng nguyên văn của văn bản; thêm mục (MỤC TIÊU, KINH PHÍ…) nếu có.
sections:
  - heading: MỤC ĐÍCH, YÊU CẦU
    items:
      - Đoạn mẫu — chép nguyên văn mục đích, yêu cầu của kế hoạch, mỗi ý một dòng '- '.
  - heading: NHIỆM VỤ VÀ GIẢI PHÁP
    content: tasks
  - heading: TỔ CHỨC THỰC HIỆN
    items:
      - Đoạn mẫu — chép nguyên văn trách nhiệm của các đơn vị và chế độ báo cáo.
"""

UNITS_HELP = """\
# Các đơn vị thực hiện. Mã đơn vị (id): chữ thường không dấu, số, dấu '-'.
# kind: so_nganh (sở, ban, ngành) | ubnd_huyen (UBND cấp huyện) | ubnd_xa (UBND cấp xã)
#       | phong | trung_tam | thanh_tra | van_phong | external (bên ngoài, không báo cáo)
#
# Ví dụ — kế hoạch của UBND tỉnh, do các sở và UBND cấp huyện thực hiện:
#   units:
#     - {id: so-tai-chinh, name: Sở Tài chính, kind: so_nganh, symbol: BC-STC}
#     - {id: huyen-a, name: Ủy ban nhân dân huyện A, kind: ubnd_huyen, symbol: BC-UBND}
#     - {id: huyen-b, name: Ủy ban nhân dân huyện B, kind: ubnd_huyen, symbol: BC-UBND}
#   groups:
#     - {id: cac-huyen, name: "UBND các huyện, thị xã, thành phố", members: [huyen-a, huyen-b]}
#   và ở nhiệm vụ: 'lead: group:cac-huyen' (mỗi huyện chủ trì phần việc của mình).
#
# Ví dụ — kế hoạch của một Sở, do các phòng, đơn vị thuộc Sở thực hiện:
#   units:
#     - {id: van-phong, name: Văn phòng Sở, kind: van_phong}
#     - {id: phong-a, name: Phòng …, kind: phong}
#     - {id: trung-tam, name: Trung tâm …, kind: trung_tam}
#   groups:
#     - {id: cac-phong, name: "Các phòng, đơn vị", members: [van-phong, phong-a, trung-tam]}
"""


def _units(given: Essentials) -> list[str]:
    kind = given.kind
    return [
        UNITS_HELP.rstrip("\n"),
        "units:",
        f"  - id: {_id(given.receiver)}   # đơn vị tổng hợp (nhận báo cáo của các đơn vị)",
        "    name: " + _text(given.receiver_name, "tên đơn vị tổng hợp, ví dụ Sở Tài chính"),
        f"    kind: {kind}"
        if kind
        else f"    kind: {PLACEHOLDER}   # {PLACEHOLDER}: loại đơn vị, một trong các loại ở trên",
        "",
        "groups: []",
    ]


def _tasks(given: Essentials, year: int) -> list[str]:
    return [
        "# Nhiệm vụ theo thứ tự của văn bản (1, 2, 2.1 …). Nhiệm vụ mẫu: thay bằng nhiệm vụ thật.",
        "tasks:",
        '  - id: "1"',
        "    title: Nhiệm vụ mẫu — chép tên nhiệm vụ thứ nhất của kế hoạch",
        "    text: []",
        f"    lead: {_id(given.receiver)}   # đơn vị chủ trì: mã đơn vị, hoặc group:<mã nhóm>",
        "    # cooperate: [group:cac-huyen]   # đơn vị phối hợp",
        f"    # deadline: Quý IV/{year}   # thời gian hoàn thành như văn bản ghi",
        "    # product: …   # sản phẩm",
        "",
        "indicators: []",
    ]


def _deadlines(given: Essentials) -> list[str]:
    if given.periods:
        lines = ["  periods:   # các kỳ báo cáo, mỗi kỳ một hạn nộp"]
        for period_id, deadline in given.periods:
            name, months = KNOWN_PERIODS[period_id]
            lines += [
                f"    - id: {period_id}",
                f"      name: {_q(name)}",
                f"      months: {months}",
                f"      deadline: {_q(deadline)}",
            ]
        return lines
    deadline = (
        _q(given.deadline)
        if given.deadline
        else f'"{PLACEHOLDER}: ngày/tháng"   # {PLACEHOLDER}: hạn nộp báo cáo năm, '
        'ví dụ "15/12", hoặc "15/01 năm sau" khi hạn ở năm sau'
    )
    return [
        f"  deadline: {deadline}",
        "  # Kế hoạch có nhiều kỳ báo cáo (6 tháng và năm …): thay 'deadline' bằng",
        "  # periods:",
        "  #   - {id: 6-thang, name: 6 tháng đầu năm, months: 1-6, deadline: 15/6}",
        "  #   - {id: nam, name: năm, months: 1-12, deadline: 15/01 năm sau}",
    ]


def _report_symbol(symbol: str | None) -> str | None:
    if symbol and symbol.upper().startswith("KH-"):
        return "BC-" + symbol[3:]
    return None


def _reporting(given: Essentials) -> list[str]:
    addressee = given.addressee
    return [
        "reporting:",
        *_deadlines(given),
        f"  receiver: {_id(given.receiver)}        # đơn vị tổng hợp: nhận báo cáo của các đơn vị",
        f"  escalation_to: {_id(given.receiver)}   # đơn vị nhận báo cáo khó khăn, vướng mắc",
        "  report:   # báo cáo tổng hợp, gửi cấp trên",
        "    symbol: " + _text(_report_symbol(given.symbol), "ký hiệu báo cáo, ví dụ BC-UBND"),
        "    addressees:   # Kính gửi",
        "      - " + _text(addressee, "cơ quan nhận báo cáo tổng hợp, ví dụ UBND tỉnh …, Bộ …"),
        '    recipients: [Như trên, "Lưu: VT"]',
        "    signer:",
        *_signer_lines(given.signer, "      "),
    ]


HEADER = """\
# yaml-language-server: $schema=../schemas/plan.schema.json
#
# Kế hoạch, chép từ văn bản đã ban hành. Chỗ ghi "ĐIỀN" là thông tin kehoach chưa được
# cho biết (kehoach init --help): điền vào, rồi chạy 'kehoach validate' — còn chỗ nào chưa
# điền, lệnh báo lỗi đúng dòng đó. Các đoạn, nhiệm vụ "mẫu" thay bằng nội dung thật; thêm
# đơn vị, nhóm, nhiệm vụ, chỉ tiêu như các ví dụ dưới đây.
schema_version: 1
"""


def plan_yaml(given: Essentials, year: int) -> str:
    """The text of data/plan.yaml; validates (--strict) when every essential is given."""
    start, end = given.years or (year, year)
    year = start  # a plan of earlier years is dated in its first year, not this one
    parts = [
        HEADER.rstrip("\n"),
        "",
        *_document(given, year),
        "",
        "# Thời gian thực hiện kế hoạch: năm đầu, năm cuối (kehoach chỉ nhận báo cáo các năm này).",
        f"period: {{start: {start}, end: {end}}}",
        "",
        SECTIONS.rstrip("\n"),
        "",
        *_units(given),
        "",
        *_tasks(given, year),
        "",
        *_reporting(given),
    ]
    return "\n".join(parts) + "\n"
