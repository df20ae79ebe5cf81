"""One unit's yearly progress report (data/progress/<year>/<unit>.yaml)."""

from __future__ import annotations

from pydantic import Field

from kehoach_cli.model.base import StrictModel
from kehoach_cli.model.status import STATUS_LABELS, ActivityStatus, TaskStatus
from kehoach_cli.model.values import (
    Money,
    Percent,
    SchemaVersion,
    TaskId,
    Text,
    UnitId,
    VnDate,
    VnDecimal,
)

__all__ = [
    "STATUS_LABELS",
    "Activity",
    "ActivityStatus",
    "Budget",
    "Difficulty",
    "IndicatorValue",
    "Progress",
    "TaskReport",
    "TaskStatus",
]


class Budget(StrictModel):
    planned: Money | None = Field(default=None, description="Dự toán (đồng)")
    spent: Money | None = Field(default=None, description="Đã giải ngân (đồng)")


class Activity(StrictModel):
    title: Text = Field(description="Tên hoạt động chi tiết")
    start: VnDate | None = Field(default=None, description="Ngày bắt đầu")
    due: VnDate | None = Field(default=None, description="Hạn hoàn thành")
    finished_on: VnDate | None = Field(default=None, description="Ngày hoàn thành thực tế")
    status: TaskStatus = Field(description="Tình trạng hoạt động")
    budget: Budget | None = None
    result: str | None = Field(default=None, description="Kết quả, sản phẩm")


class Difficulty(StrictModel):
    text: Text = Field(description="Khó khăn, vướng mắc")
    raised_on: VnDate | None = Field(default=None, description="Ngày báo cáo đơn vị tổng hợp")
    resolved: bool = Field(default=False, description="Đã được giải quyết chưa")


class TaskReport(StrictModel):
    status: TaskStatus = Field(description="Tình trạng nhiệm vụ")
    progress: Percent = Field(description="Tiến độ, 0–100 %")
    activities: list[Activity] = Field(default_factory=list)
    results: str | None = Field(default=None, description="Kết quả thực hiện trong năm")
    difficulties: list[Difficulty] = Field(default_factory=list)
    proposals: list[Text] = Field(default_factory=list, description="Đề xuất, kiến nghị")
    next_year: list[Text] = Field(default_factory=list, description="Nhiệm vụ năm sau")


class IndicatorValue(StrictModel):
    value: VnDecimal = Field(description="Giá trị đo được trong năm, ví dụ 45,2")
    source: Text | None = Field(default=None, description="Nguồn số liệu")
    note: str | None = None


class Progress(StrictModel):
    schema_version: SchemaVersion
    unit: UnitId = Field(description="Mã đơn vị, trùng tên tệp")
    year: int = Field(ge=2000, le=2200, description="Năm báo cáo, trùng thư mục")
    submitted_on: VnDate | None = Field(
        default=None,
        description="Ngày gửi báo cáo cho đơn vị tổng hợp; để trống khi còn là bản nháp",
    )
    prepared_by: Text | None = Field(default=None, description="Người lập")
    tasks: dict[TaskId, TaskReport] = Field(default_factory=dict)
    indicators: dict[UnitId, IndicatorValue] = Field(default_factory=dict)
