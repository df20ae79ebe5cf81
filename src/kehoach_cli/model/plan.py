"""The plan (data/plan.yaml): the document, its units, groups, task tree and indicators."""

from __future__ import annotations

import calendar
from datetime import date
from enum import Enum
from typing import Annotated, Any, ClassVar

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from kehoach_cli.errors import shortened
from kehoach_cli.model.base import StrictModel
from kehoach_cli.model.deadlines import Deadline
from kehoach_cli.model.parsing import end_of_month
from kehoach_cli.model.values import SchemaVersion, TaskId, Text, UnitId, VnDecimal, is_unit_id

GROUP_PREFIX = "group:"


def _unit_or_group(value: Any) -> Any:
    """'phong-a' or 'group:cac-huyen': a unit id, or a group of the plan by its id."""
    if isinstance(value, str):
        text = value.strip()
        bare = text.removeprefix(GROUP_PREFIX)
        if is_unit_id(bare):
            return text
    raise PydanticCustomError("KH108", "{value}", {"value": str(value)})


UnitOrGroup = Annotated[str, BeforeValidator(_unit_or_group)]


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


class PartialDate(StrictModel):
    """A document date that may be incomplete: the seed plan only has its year."""

    json_alternatives: ClassVar[list[dict[str, Any]]] = [
        {"type": "string", "pattern": r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$|^\d{1,2}/\d{1,2}/\d{4}$"},
        {"type": "integer"},
    ]

    year: int = Field(ge=1945, le=2200)
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if isinstance(value, str):
            parts = value.strip().replace("/", "-").split("-")
            if len(parts) == 3 and len(parts[2]) == 4:  # 21/6/2023
                parts.reverse()
            if not all(part.isdigit() for part in parts) or not 1 <= len(parts) <= 3:
                raise PydanticCustomError(
                    "KH106",
                    "{detail}",
                    {"detail": f"'{shortened(value)}' không phải năm, tháng-năm hay ngày"},
                )
            return dict(zip(("year", "month", "day"), (int(part) for part in parts), strict=False))
        return value


class Signer(StrictModel):
    authority: Text | None = Field(
        default=None,
        description="Thẩm quyền ký, ví dụ 'KT. CHỦ TỊCH', 'TM. ỦY BAN NHÂN DÂN', 'KT. GIÁM ĐỐC'",
    )
    title: Text = Field(description="Chức vụ người ký, ví dụ 'PHÓ CHỦ TỊCH', 'GIÁM ĐỐC'")
    name: Text | None = Field(default=None, description="Họ và tên người ký")


class IssuingDecision(StrictModel):
    """The decision a plan is issued with ("Ban hành kèm theo Quyết định số 45/QĐ-UBND
    ngày … của UBND xã …"): such a plan has no number of its own and is cited by it."""

    type: Text = Field(
        default="Quyết định", description="Loại văn bản ban hành, ví dụ 'Quyết định'"
    )
    number: Text | None = Field(
        default=None, description="Số của quyết định, ví dụ '45'; để trống khi chưa có số"
    )
    symbol: Text | None = Field(default=None, description="Ký hiệu, ví dụ 'QĐ-UBND'")
    date: PartialDate | None = Field(
        default=None, description="Ngày ký quyết định. Mặc định: ngày của kế hoạch"
    )
    issuer: Text | None = Field(
        default=None,
        description="Cơ quan ban hành quyết định, ví dụ 'Ủy ban nhân dân xã Tân Hòa'. Mặc "
        "định: cơ quan ban hành kế hoạch",
    )


class Document(StrictModel):
    type: Text = Field(description="Tên loại văn bản, ví dụ 'KẾ HOẠCH'")
    number: Text | None = Field(default=None, description="Số văn bản; để trống khi chưa có số")
    symbol: Text | None = Field(
        default=None,
        description="Ký hiệu, ví dụ 'KH-UBND', 'KH-SKHCN'; kế hoạch ban hành kèm theo quyết "
        "định (issued_with) không có số, ký hiệu riêng",
    )
    issued_with: IssuingDecision | None = Field(
        default=None,
        description="Quyết định ban hành kế hoạch, khi kế hoạch được 'ban hành kèm theo "
        "Quyết định số …': loại, số, ký hiệu, ngày, cơ quan ban hành",
    )
    place: Text = Field(description="Địa danh ghi ở dòng ngày tháng")
    date: PartialDate = Field(description="Ngày ban hành; có thể chỉ có năm")
    parent_body: Text | None = Field(
        default=None,
        description="Cơ quan chủ quản (dòng trên của phần tên cơ quan), ví dụ 'UBND tỉnh …'; "
        "bỏ trống khi cơ quan ban hành không có cơ quan chủ quản (Ủy ban nhân dân)",
    )
    issuing_body: Text = Field(
        description="Cơ quan ban hành, ví dụ 'Sở Khoa học và Công nghệ' hoặc "
        "'Ủy ban nhân dân tỉnh Bình Phước'"
    )
    title: Text = Field(description="Trích yếu nội dung")
    legal_bases: list[Text] = Field(
        default_factory=list,
        description="Các văn bản căn cứ, để tra cứu; các đoạn 'Căn cứ …' in trong văn bản "
        "thì ghi ở 'preamble'",
    )
    preamble: Annotated[
        list[Text],
        BeforeValidator(_as_list),
        WithJsonSchema(
            {
                "anyOf": [
                    {"type": "string", "minLength": 1},
                    {"type": "array", "items": {"type": "string", "minLength": 1}},
                ]
            }
        ),
    ] = Field(
        description="Phần mở đầu, nguyên văn: một đoạn, hoặc danh sách đoạn (các dòng "
        "'Căn cứ …;' rồi đoạn ban hành)"
    )
    closing: Text = Field(description="Đoạn kết, nguyên văn")
    recipients: list[Text] = Field(default_factory=list, description="Nơi nhận")
    signer: Signer
    drafting_note: Text | None = Field(default=None, description="Ghi chú của người soạn thảo")

    @model_validator(mode="after")
    def _cited_somehow(self) -> Document:
        if self.symbol is None and self.issued_with is None:
            raise PydanticCustomError(
                "KH109",
                "{detail}",
                {
                    "detail": "cần 'symbol' (ký hiệu của kế hoạch) hoặc 'issued_with' (quyết "
                    "định ban hành kế hoạch)",
                    "advice": "Ví dụ: symbol: KH-UBND, hoặc issued_with: {number: '45', "
                    "symbol: QĐ-UBND, date: 15/3/2025}.",
                },
            )
        return self


class Numbering(str, Enum):
    NUMBER = "number"  # 1. 2. 3. (then a) b) c) below)
    BULLET = "bullet"  # - (then + below)
    NONE = "none"  # paragraphs without a mark


class Paragraph(StrictModel):
    json_alternatives: ClassVar[list[dict[str, Any]]] = [{"type": "string", "minLength": 1}]

    label: Text | None = Field(default=None, description="Tiêu đề ngắn trước dấu ':'")
    text: Text | None = Field(default=None, description="Nội dung đoạn")
    items: list[Annotated[Paragraph, BeforeValidator(lambda v: _paragraph(v))]] = Field(
        default_factory=list, description="Các ý con của đoạn"
    )
    numbering: Numbering | None = Field(
        default=None, description="Cách đánh dấu các ý con: number, bullet hoặc none"
    )

    @model_validator(mode="after")
    def _needs_content(self) -> Paragraph:
        if not (self.label or self.text or self.items):
            raise PydanticCustomError(
                "KH109", "{detail}", {"detail": "đoạn trống", "advice": "Ghi 'text' hoặc xóa đoạn."}
            )
        return self


def _paragraph(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


class SectionContent(str, Enum):
    TASKS = "tasks"  # the plan's task tree is printed here


class Section(StrictModel):
    heading: Text = Field(description="Tên mục như văn bản viết, không kèm số La Mã")
    items: list[Annotated[Paragraph, BeforeValidator(_paragraph)]] = Field(default_factory=list)
    numbering: Numbering = Field(
        default=Numbering.NUMBER, description="Cách đánh dấu các đoạn: number, bullet hoặc none"
    )
    content: SectionContent | None = Field(
        default=None, description="'tasks': mục in các nhiệm vụ của kế hoạch (ghi ở 'tasks')"
    )
    # How the tasks section words each task's assignment lines (content: tasks only).
    lead_label: Text = Field(default="Cơ quan chủ trì", description="Nhãn dòng chủ trì")
    cooperate_label: Text = Field(default="Cơ quan phối hợp", description="Nhãn dòng phối hợp")
    deadline_label: Text = Field(default="Thời gian hoàn thành", description="Nhãn dòng thời hạn")
    product_label: Text = Field(default="Sản phẩm", description="Nhãn dòng sản phẩm")


# The first form of `sections`: four fixed keys, in this order (workspaces keep working).
LEGACY_SECTION_KEYS = ("purposes", "tasks", "schedule_budget", "organization")


def _sections_list(value: Any) -> Any:
    """The old mapping of four fixed sections becomes the ordered list it stood for."""
    if isinstance(value, dict) and set(value) <= set(LEGACY_SECTION_KEYS):
        out = []
        for key in LEGACY_SECTION_KEYS:
            if key in value:
                section = value[key]
                if key == "tasks" and isinstance(section, dict):
                    # the first form's fixed words, so old plans render as they did
                    section = {
                        "lead_label": "Đơn vị chủ trì thực hiện",
                        "cooperate_label": "Đơn vị phối hợp",
                        **section,
                        "content": "tasks",
                    }
                out.append(section)
        return out
    return value


def _sections_schema(schema: dict[str, Any]) -> None:
    """The list, or the first form: a mapping of the four fixed sections."""
    listed = dict(schema)
    schema.clear()
    schema["anyOf"] = [
        listed,
        {
            "type": "object",
            "propertyNames": {"enum": list(LEGACY_SECTION_KEYS)},
            "additionalProperties": {"type": "object"},
        },
    ]


class UnitKind(str, Enum):
    """Kinds of units in public administration; the words of the report follow them."""

    SO_NGANH = "so_nganh"  # sở, ban, ngành (cấp tỉnh)
    UBND_HUYEN = "ubnd_huyen"  # UBND cấp huyện (huyện, thị xã, thành phố thuộc tỉnh)
    UBND_XA = "ubnd_xa"  # UBND cấp xã (xã, phường, thị trấn)
    PHONG = "phong"  # phòng (of a Sở or of a UBND cấp huyện)
    TRUNG_TAM = "trung_tam"  # trung tâm, đơn vị sự nghiệp
    THANH_TRA = "thanh_tra"
    VAN_PHONG = "van_phong"
    CONG_AN = "cong_an"  # Công an xã, phường; Công an huyện
    QUAN_SU = "quan_su"  # Ban Chỉ huy quân sự (xã, huyện)
    MAT_TRAN = "mat_tran"  # Ủy ban Mặt trận Tổ quốc Việt Nam (xã, huyện, tỉnh)
    DOAN_THE = "doan_the"  # đoàn thể: Đoàn Thanh niên, Hội Phụ nữ, Hội Nông dân, Hội Cựu chiến binh
    TRUONG_HOC = "truong_hoc"  # trường học (mầm non, tiểu học, THCS, THPT)
    Y_TE = "y_te"  # bệnh viện, trung tâm y tế, trạm y tế
    DOANH_NGHIEP = "doanh_nghiep"  # doanh nghiệp nhà nước, công ty
    EXTERNAL = "external"  # outside the plan: neither leads, cooperates nor reports


class Unit(StrictModel):
    id: UnitId
    name: Text = Field(description="Tên đầy đủ của đơn vị")
    short_name: Text | None = Field(default=None, description="Tên ngắn dùng trong bảng")
    kind: UnitKind
    parent: Text | None = Field(
        default=None,
        description="Dòng trên tên đơn vị ở phần đầu báo cáo của đơn vị (cơ quan chủ quản). "
        "Mặc định: cơ quan ban hành kế hoạch; đơn vị loại ubnd_huyen, ubnd_xa không có",
    )
    symbol: Text | None = Field(
        default=None, description="Ký hiệu báo cáo của đơn vị, ví dụ 'BC-SCT'. Mặc định: BC-<MÃ>"
    )
    place: Text | None = Field(
        default=None,
        description="Địa danh ở dòng ngày tháng báo cáo của đơn vị, ví dụ 'Đà Lạt'. Mặc định: "
        "địa danh của kế hoạch",
    )
    head: Signer | None = Field(
        default=None,
        description="Người ký báo cáo của đơn vị (thẩm quyền, chức vụ, họ tên). Mặc định "
        "theo loại đơn vị, ví dụ GIÁM ĐỐC, CHỦ TỊCH, TRƯỞNG PHÒNG",
    )

    @property
    def reports(self) -> bool:
        """External partners neither lead, cooperate nor report."""
        return self.kind is not UnitKind.EXTERNAL

    @property
    def label(self) -> str:
        return self.short_name or self.name


class Group(StrictModel):
    id: UnitId
    name: Text = Field(description="Tên nhóm như văn bản viết")
    members: list[UnitOrGroup] = Field(
        description="Mã đơn vị, hoặc 'group:<mã nhóm>' để gồm cả một nhóm khác"
    )


class Wording(StrictModel):
    """The assignment lines exactly as the document words them."""

    lead: Text | None = None
    cooperate: Text | None = None


class Task(StrictModel):
    id: TaskId
    name: Text | None = Field(default=None, description="Tên ngắn dùng trong bảng")
    title: Text | None = Field(default=None, description="Tiêu đề trong văn bản, nếu có")
    text: list[Text] = Field(default_factory=list, description="Nội dung, mỗi đoạn một mục")
    lead: UnitOrGroup | None = Field(
        default=None,
        description="Đơn vị chủ trì: mã đơn vị, hoặc 'group:<mã nhóm>' khi mỗi đơn vị của "
        "nhóm chủ trì phần của mình (ví dụ UBND các huyện)",
    )
    cooperate: list[Text] = Field(
        default_factory=list, description="Đơn vị phối hợp: mã đơn vị hoặc 'group:<mã nhóm>'"
    )
    partners: list[UnitId] = Field(default_factory=list, description="Cơ quan bên ngoài phối hợp")
    deadline: Deadline | None = Field(
        default=None,
        description="Thời gian hoàn thành như văn bản ghi: 'Quý III/2024', 'trước 30/9/2024', "
        "'Tháng 6/2024', '6 tháng đầu năm', 'Hằng năm', 'Thường xuyên'…",
    )
    product: Text | None = Field(default=None, description="Sản phẩm, kết quả đầu ra")
    wording: Wording | None = None
    subtasks: list[Task] = Field(default_factory=list)

    @model_validator(mode="after")
    def _needs_a_name(self) -> Task:
        if not (self.name or self.title):
            raise PydanticCustomError(
                "KH109",
                "{detail}",
                {"detail": f"nhiệm vụ {self.id} cần 'name' hoặc 'title'", "advice": ""},
            )
        return self

    @property
    def label(self) -> str:
        return self.name or self.title or self.id


class Comparison(str, Enum):
    ABOUT = "about"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


# How a target is read out: "khoảng 62,8%", "tối thiểu 80%".
COMPARISON_WORDS = {"about": "khoảng", "at_least": "tối thiểu", "at_most": "tối đa"}


class Period(StrictModel):
    start: int = Field(ge=1945, le=2200)
    end: int = Field(ge=1945, le=2200)

    @property
    def span(self) -> str:
        """'2026–2030', or '2026' for one year (never '2026–2026')."""
        return str(self.start) if self.start == self.end else f"{self.start}–{self.end}"

    @property
    def in_words(self) -> str:
        """'giai đoạn 2026–2030', or 'năm 2026'."""
        return f"năm {self.start}" if self.start == self.end else f"giai đoạn {self.span}"


class Combine(str, Enum):
    LEAD = "lead"  # the value of the owning task's lead (others are a breakdown)
    SUM = "sum"  # the sum of every unit's value (e.g. a count per district)
    LATEST = "latest"  # the value sent last


class Indicator(StrictModel):
    id: UnitId
    name: Text
    unit_of_measure: Text = Field(description="Đơn vị tính, ví dụ '%'")
    target: VnDecimal = Field(description="Giá trị mục tiêu, ví dụ 62,8")
    comparison: Comparison = Comparison.ABOUT
    period: Period
    task: TaskId = Field(description="Nhiệm vụ theo dõi chỉ tiêu")
    source: Text | None = Field(default=None, description="Nguồn số liệu")
    combine: Combine = Field(
        default=Combine.LEAD,
        description="Khi nhiều đơn vị báo cáo: lead (giá trị của đơn vị chủ trì), sum (cộng "
        "các đơn vị), latest (giá trị gửi sau cùng)",
    )
    unit_targets: dict[UnitId, VnDecimal] = Field(
        default_factory=dict,
        description="Chỉ tiêu giao riêng cho từng đơn vị (mã đơn vị: giá trị), khi kế hoạch "
        "giao; báo cáo riêng của đơn vị đánh giá phần của đơn vị theo chỉ tiêu này, không theo "
        "mục tiêu chung",
    )


NEXT_YEAR_WORDS = ("năm sau", "của năm sau", "năm kế tiếp")


class DayMonth(StrictModel):
    """A deadline's day and month, and whether it falls in the year after the one reported
    on ("15/01 năm sau"): written explicitly, never guessed."""

    json_alternatives: ClassVar[list[dict[str, Any]]] = [
        {"type": "string", "pattern": r"^\d{1,2}/\d{1,2}( (của )?năm (sau|kế tiếp))?$"}
    ]

    day: int = Field(ge=1, le=31)
    month: int = Field(ge=1, le=12)
    next_year: bool = Field(default=False, description="Hạn rơi vào năm sau năm báo cáo")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if isinstance(value, str):
            text = " ".join(value.split())
            next_year = False
            for words in NEXT_YEAR_WORDS:
                if text.endswith(" " + words):
                    text, next_year = text.removesuffix(" " + words), True
                    break
            day, _, month = text.partition("/")
            if not (day.isdigit() and month.isdigit()):
                raise PydanticCustomError(
                    "KH106",
                    "{detail}",
                    {
                        "detail": f"'{shortened(value)}' không phải dạng ngày/tháng",
                        "hint": "Viết ngày/tháng, ví dụ 15/12, hoặc '15/01 năm sau' khi hạn ở "
                        "năm sau năm báo cáo.",
                    },
                )
            return {"day": int(day), "month": int(month), "next_year": next_year}
        return value

    def exists_every_year(self) -> bool:
        """31/11 is no day at all, and 29/02 is missing three years in four: either would
        leave a year without its deadline (KH208)."""
        return self.day <= calendar.monthrange(2023, self.month)[1]  # 2023: a common year

    def as_missing_day(self) -> str:
        """'31/11', or '29/02 (không có trong năm thường)': why the day is refused."""
        text = f"{self.day:02d}/{self.month:02d}"
        exists_in_leap_years = self.day <= calendar.monthrange(2024, self.month)[1]
        return text + (" (không có trong năm thường)" if exists_in_leap_years else "")

    def in_year(self, year: int) -> date:
        """The deadline of the report on `year` (a day every year has: see KH208)."""
        return date(year + 1 if self.next_year else year, self.month, self.day)

    def __str__(self) -> str:
        return f"{self.day:02d}/{self.month:02d}" + (" năm sau" if self.next_year else "")


class MonthRange(StrictModel):
    """The months a report covers: '1-6' (6 tháng đầu năm), '1-12' (năm), '7-9' (quý III)."""

    json_alternatives: ClassVar[list[dict[str, Any]]] = [
        {"type": "string", "pattern": r"^\d{1,2}\s*-\s*\d{1,2}$"}
    ]

    first: int = Field(ge=1, le=12)
    last: int = Field(ge=1, le=12)

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if isinstance(value, str):
            first, _, last = value.replace(" ", "").partition("-")
            if not (first.isdigit() and last.isdigit()) or int(first) > int(last):
                raise PydanticCustomError(
                    "KH109",
                    "{detail}",
                    {
                        "detail": f"'{shortened(value)}' không phải khoảng tháng",
                        "advice": "Viết tháng đầu-tháng cuối, ví dụ '1-6' hoặc '1-12'.",
                    },
                )
            return {"first": int(first), "last": int(last)}
        return value

    @property
    def whole_year(self) -> bool:
        return self.first == 1 and self.last == 12

    def start(self, year: int) -> date:
        return date(year, self.first, 1)

    def end(self, year: int) -> date:
        return end_of_month(year, self.last)


YEARLY_PERIOD_ID = "nam"


class ReportingPeriod(StrictModel):
    id: UnitId = Field(
        description="Mã kỳ, dùng trong đường dẫn và tùy chọn --period, ví dụ '6-thang', 'nam'"
    )
    name: Text = Field(description="Tên kỳ dùng trong văn bản: '6 tháng đầu năm', 'năm', 'quý I'")
    months: MonthRange = Field(description="Các tháng của kỳ: '1-6', '1-12', '7-9'")
    deadline: DayMonth = Field(
        description="Hạn nộp: '05/6', hoặc '15/01 năm sau' khi hạn ở năm sau năm báo cáo"
    )
    next_name: Text | None = Field(
        default=None,
        description="Tên kỳ tiếp theo cho mục phương hướng, ví dụ '6 tháng cuối năm'. Mặc "
        "định: năm sau (kỳ năm), kỳ tiếp theo trong năm",
    )

    @property
    def whole_year(self) -> bool:
        return self.months.whole_year


class ReportSettings(StrictModel):
    """How the consolidated yearly report is addressed and signed (not in the plan text)."""

    symbol: Text = Field(description="Ký hiệu báo cáo, ví dụ 'BC-UBND', 'BC-SKHCN'")
    addressees: list[Text] = Field(description="Kính gửi")
    recipients: list[Text] = Field(description="Nơi nhận của báo cáo")
    signer: Signer
    units_phrase: Text | None = Field(
        default=None,
        description="Cách gọi chung các đơn vị thực hiện trong báo cáo, ví dụ 'các sở, ban, "
        "ngành và UBND các huyện'. Mặc định: theo loại của các đơn vị",
    )


class Reporting(StrictModel):
    deadline: DayMonth | None = Field(
        default=None,
        description="Hạn nộp báo cáo năm khi kế hoạch chỉ có một kỳ báo cáo năm, ví dụ "
        "'15/11' hoặc '15/01 năm sau'; nhiều kỳ thì ghi ở 'periods'",
    )
    periods: list[ReportingPeriod] = Field(
        default_factory=list,
        description="Các kỳ báo cáo (6 tháng, năm, quý …), mỗi kỳ một hạn nộp",
    )
    receiver: UnitId = Field(description="Đơn vị nhận và tổng hợp báo cáo")
    escalation_to: UnitId = Field(description="Đơn vị nhận báo cáo khó khăn, vướng mắc")
    report: ReportSettings

    @model_validator(mode="after")
    def _one_way_to_say_deadlines(self) -> Reporting:
        if (self.deadline is None) == (not self.periods):
            raise PydanticCustomError(
                "KH109",
                "{detail}",
                {
                    "detail": "cần 'deadline' (một kỳ báo cáo năm) hoặc 'periods' (nhiều kỳ), "
                    "không cả hai",
                    "advice": "Ví dụ: periods: [{id: 6-thang, name: 6 tháng đầu năm, months: "
                    "1-6, deadline: 05/6}, {id: nam, name: năm, months: 1-12, deadline: 05/12}]",
                },
            )
        return self

    def all_periods(self) -> list[ReportingPeriod]:
        """The plan's reporting periods; a plan with one `deadline` has one: the year."""
        if self.periods:
            return list(self.periods)
        assert self.deadline is not None
        return [
            ReportingPeriod(
                id=YEARLY_PERIOD_ID,
                name="năm",
                months=MonthRange(first=1, last=12),
                deadline=self.deadline,
            )
        ]

    def period(self, period_id: str | None) -> ReportingPeriod | None:
        """The period of that id; without an id, the yearly one (else the last)."""
        periods = self.all_periods()
        if period_id is None:
            return next((p for p in periods if p.whole_year), periods[-1])
        return next((p for p in periods if p.id == period_id), None)


class PlanPeriod(StrictModel):
    start: int = Field(ge=1945, le=2200, description="Năm bắt đầu thực hiện")
    end: int = Field(ge=1945, le=2200, description="Năm kết thúc")

    @model_validator(mode="after")
    def _in_order(self) -> PlanPeriod:
        if self.end < self.start:
            raise PydanticCustomError(
                "KH109",
                "{detail}",
                {
                    "detail": f"năm kết thúc {self.end} trước năm bắt đầu {self.start}",
                    "advice": "Ghi 'start' là năm đầu, 'end' là năm cuối của kế hoạch.",
                },
            )
        return self

    def __contains__(self, year: object) -> bool:
        return isinstance(year, int) and self.start <= year <= self.end

    @property
    def span(self) -> str:
        """How a sentence names the period: "2023–2025", or "năm 2023" for one year
        (never "2023–2023")."""
        return f"năm {self.start}" if self.start == self.end else f"{self.start}–{self.end}"


class Plan(StrictModel):
    schema_version: SchemaVersion
    document: Document
    period: PlanPeriod | None = Field(
        default=None, description="Thời gian thực hiện kế hoạch (năm đầu, năm cuối)"
    )
    sections: Annotated[list[Section], BeforeValidator(_sections_list)] = Field(
        description="Các mục của văn bản theo thứ tự (I, II, …); mục có content: tasks in "
        "các nhiệm vụ",
        json_schema_extra=_sections_schema,
    )
    units: list[Unit]
    groups: list[Group] = Field(default_factory=list)
    tasks: list[Task]
    indicators: list[Indicator] = Field(default_factory=list)
    reporting: Reporting

    def walk_tasks(self) -> list[Task]:
        """Every task in document order (1, 2, 2.1, …)."""
        ordered: list[Task] = []
        pending = list(reversed(self.tasks))
        while pending:
            task = pending.pop()
            ordered.append(task)
            pending.extend(reversed(task.subtasks))
        return ordered
