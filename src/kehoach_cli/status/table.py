"""A view is a titled table of raw values; renderers decide how each kind of value looks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    # text | int | money | percent | date | status | submission | bar | assessment | trend
    kind: str = "text"
    numeric: bool = False


@dataclass
class View:
    name: str
    title: str
    columns: list[Column]
    rows: list[dict[str, Any]]
    total: dict[str, Any] | None = None
    notes: list[str] = field(default_factory=list)
