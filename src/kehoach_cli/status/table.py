"""A view is a titled table of raw values; renderers decide how each kind of value looks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    # text | int | money | spent (money, a floor when the row's spent_missing > 0) | percent
    # | date | status | submission | bar | assessment | trend
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
    # What a column's values mean, said only where the column is shown (a narrow terminal
    # or the compact table leaves some out).
    column_notes: dict[str, str] = field(default_factory=dict)

    def notes_for(self, shown: list[str] | None = None) -> list[str]:
        """The notes, with those of the columns `shown` (None: every column) as one line."""
        keys = [c.key for c in self.columns] if shown is None else shown
        about = [self.column_notes[key] for key in keys if key in self.column_notes]
        return [*self.notes, " ".join(about)] if about else list(self.notes)
