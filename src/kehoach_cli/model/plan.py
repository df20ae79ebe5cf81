"""The plan (data/plan.yaml): the document, its units, groups, task tree and indicators."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any, ClassVar

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from kehoach_cli.model.base import StrictModel
from kehoach_cli.model.values import SchemaVersion, TaskId, Text, UnitId, VnDecimal

GROUP_PREFIX = "group:"


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
                    "KH106", "{detail}", {"detail": f"'{value}' không phải năm, tháng-năm hay ngày"}
                )
            return dict(zip(("year", "month", "day"), (int(part) for part in parts), strict=False))
        return value


class Signer(StrictModel):
    authority: Text | None = Field(default=None, description="Thẩm quyền ký, ví dụ 'KT. GIÁM ĐỐC'")
    title: Text = Field(description="Chức vụ người ký, ví dụ 'GIÁM ĐỐC'")
    name: Text | None = Field(default=None, description="Họ và tên người ký")


class Document(StrictModel):
    type: Text = Field(description="Tên loại văn bản, ví dụ 'KẾ HOẠCH'")
    number: Text | None = Field(default=None, description="Số văn bản; để trống khi chưa có số")
    symbol: Text = Field(description="Ký hiệu, ví dụ 'KH-SKHCN'")
    place: Text = Field(description="Địa danh ghi ở dòng ngày tháng")
    date: PartialDate = Field(description="Ngày ban hành; có thể chỉ có năm")
    parent_body: Text = Field(description="Cơ quan chủ quản, ví dụ 'UBND tỉnh …' (in hoa khi in)")
    issuing_body: Text = Field(description="Cơ quan ban hành, ví dụ 'Sở Khoa học và Công nghệ'")
    title: Text = Field(description="Trích yếu nội dung")
    legal_bases: list[Text] = Field(default_factory=list, description="Các căn cứ")
    preamble: Text = Field(description="Đoạn mở đầu, nguyên văn")
    closing: Text = Field(description="Đoạn kết, nguyên văn")
    recipients: list[Text] = Field(default_factory=list, description="Nơi nhận")
    signer: Signer
    drafting_note: Text | None = Field(default=None, description="Ghi chú của người soạn thảo")


class Paragraph(StrictModel):
    json_alternatives: ClassVar[list[dict[str, Any]]] = [{"type": "string", "minLength": 1}]

    label: Text | None = Field(default=None, description="Tiêu đề ngắn trước dấu ':'")
    text: Text


def _paragraph(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


class Section(StrictModel):
    heading: Text
    items: list[Annotated[Paragraph, BeforeValidator(_paragraph)]] = Field(default_factory=list)


class Sections(StrictModel):
    purposes: Section = Field(description="Mục I: mục đích, yêu cầu")
    tasks: Section = Field(description="Mục II: nhiệm vụ; các nhiệm vụ ghi ở 'tasks'")
    schedule_budget: Section = Field(description="Mục III: thời gian và kinh phí")
    organization: Section = Field(description="Mục IV: tổ chức thực hiện")


class UnitKind(str, Enum):
    PHONG = "phong"
    TRUNG_TAM = "trung_tam"
    THANH_TRA = "thanh_tra"
    VAN_PHONG = "van_phong"
    EXTERNAL = "external"


class Unit(StrictModel):
    id: UnitId
    name: Text = Field(description="Tên đầy đủ của đơn vị")
    short_name: Text | None = Field(default=None, description="Tên ngắn dùng trong bảng")
    kind: UnitKind
    head: Signer | None = Field(default=None, description="Người ký báo cáo của đơn vị")

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
    members: list[UnitId]


class Wording(StrictModel):
    """The assignment lines exactly as the document words them."""

    lead: Text | None = None
    cooperate: Text | None = None


class Task(StrictModel):
    id: TaskId
    name: Text | None = Field(default=None, description="Tên ngắn dùng trong bảng")
    title: Text | None = Field(default=None, description="Tiêu đề trong văn bản, nếu có")
    text: list[Text] = Field(default_factory=list, description="Nội dung, mỗi đoạn một mục")
    lead: UnitId | None = Field(default=None, description="Đơn vị chủ trì")
    cooperate: list[Text] = Field(
        default_factory=list, description="Đơn vị phối hợp: mã đơn vị hoặc 'group:<mã nhóm>'"
    )
    partners: list[UnitId] = Field(default_factory=list, description="Cơ quan bên ngoài phối hợp")
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


class Period(StrictModel):
    start: int = Field(ge=1945, le=2200)
    end: int = Field(ge=1945, le=2200)


class Indicator(StrictModel):
    id: UnitId
    name: Text
    unit_of_measure: Text = Field(description="Đơn vị tính, ví dụ '%'")
    target: VnDecimal = Field(description="Giá trị mục tiêu, ví dụ 62,8")
    comparison: Comparison = Comparison.ABOUT
    period: Period
    task: TaskId = Field(description="Nhiệm vụ theo dõi chỉ tiêu")
    source: Text | None = Field(default=None, description="Nguồn số liệu")


class DayMonth(StrictModel):
    json_alternatives: ClassVar[list[dict[str, Any]]] = [
        {"type": "string", "pattern": r"^\d{1,2}/\d{1,2}$"}
    ]

    day: int = Field(ge=1, le=31)
    month: int = Field(ge=1, le=12)

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if isinstance(value, str):
            day, _, month = value.strip().partition("/")
            if not (day.isdigit() and month.isdigit()):
                raise PydanticCustomError(
                    "KH106", "{detail}", {"detail": f"'{value}' không phải dạng ngày/tháng"}
                )
            return {"day": int(day), "month": int(month)}
        return value


class ReportSettings(StrictModel):
    """How the consolidated yearly report is addressed and signed (not in the plan text)."""

    symbol: Text = Field(description="Ký hiệu báo cáo, ví dụ 'BC-SKHCN'")
    addressees: list[Text] = Field(description="Kính gửi")
    recipients: list[Text] = Field(description="Nơi nhận của báo cáo")
    signer: Signer


class Reporting(StrictModel):
    deadline: DayMonth = Field(description="Hạn nộp báo cáo hằng năm, ví dụ '15/11'")
    receiver: UnitId = Field(description="Đơn vị nhận và tổng hợp báo cáo")
    escalation_to: UnitId = Field(description="Đơn vị nhận báo cáo khó khăn, vướng mắc")
    report: ReportSettings


class Plan(StrictModel):
    schema_version: SchemaVersion
    document: Document
    sections: Sections
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
