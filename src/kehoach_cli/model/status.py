"""The status words of tasks and activities, apart from the pydantic models so that the
checks that read them (checks/progress_rules.py) load without pydantic."""

from __future__ import annotations

from enum import Enum


class TaskStatus(str, Enum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DELAYED = "delayed"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.value]


# Activities use the same vocabulary as tasks.
ActivityStatus = TaskStatus

STATUS_LABELS = {
    "not_started": "chưa bắt đầu",
    "in_progress": "đang thực hiện",
    "done": "hoàn thành",
    "delayed": "chậm tiến độ",
    "cancelled": "hủy bỏ",
}
