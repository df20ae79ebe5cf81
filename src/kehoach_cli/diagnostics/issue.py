"""The one object every check returns."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import NamedTuple

from kehoach_cli.diagnostics.codes import CATALOGUE
from kehoach_cli.errors import shortened


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        return "lỗi" if self is Severity.ERROR else "cảnh báo"


class Position(NamedTuple):
    """1-based line and column in a source file."""

    line: int
    column: int


@dataclass(frozen=True)
class Issue:
    code: str
    severity: Severity
    file: Path | None
    position: Position | None
    field: str
    message: str
    hint: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str]:
        line, column = self.position or (0, 0)
        return (str(self.file or ""), line, column, self.code)


# Values that are sentences of ours (which may quote a shortened value themselves); every
# other text value is a value from the data, quoted shortened (errors.shortened).
_COMPOSED = frozenset(
    {"detail", "known", "suggestion", "advice", "allowed", "supported", "where", "what", "reason"}
)


def make_issue(
    code: str,
    file: Path | None,
    position: Position | None = None,
    field: str = "",
    *,
    hint: str | None = None,
    **values: object,
) -> Issue:
    """Build an issue from the catalogue: the message and hint are filled with `values`."""
    rule = CATALOGUE[code]
    values = {
        name: shortened(value) if isinstance(value, str) and name not in _COMPOSED else value
        for name, value in values.items()
    }
    return Issue(
        code=code,
        severity=Severity(rule.severity),
        file=file,
        position=position,
        field=field,
        message=rule.message.format(**values),
        hint=rule.hint.format(**values) if hint is None else hint,
    )
