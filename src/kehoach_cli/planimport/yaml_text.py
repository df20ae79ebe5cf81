"""The draft as YAML text with its '# KIỂM TRA: …' comments above what they are about.
Long texts are folded blocks (>-) as the bundled plans write them; every scalar is written
so that it reads back as the same string (tests load the text and compare)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

WIDTH = 96
CHECK = "KIỂM TRA"


@dataclass
class Noted:
    """A value with the notes a reader must check."""

    value: Any
    notes: list[str] = field(default_factory=list)


def plain(value: Any) -> Any:
    """The data without its notes."""
    if isinstance(value, Noted):
        return plain(value.value)
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def count_notes(value: Any) -> int:
    if isinstance(value, Noted):
        return len(value.notes) + count_notes(value.value)
    if isinstance(value, dict):
        return sum(count_notes(item) for item in value.values())
    if isinstance(value, list):
        return sum(count_notes(item) for item in value)
    return 0


def dump(value: dict[str, Any], head: list[str]) -> str:
    lines = [f"# {line}" if line else "#" for line in head]
    _mapping(value, 0, lines)
    return "\n".join(lines) + "\n"


def _comments(notes: list[str], indent: int, lines: list[str]) -> None:
    for note in notes:
        for number, line in enumerate(_wrap(note, WIDTH - indent - 14)):
            prefix = f"# {CHECK}: " if number == 0 else "#   "
            lines.append(" " * indent + prefix + line)


def _wrap(text: str, width: int) -> list[str]:
    text = " ".join(str(text).split())
    out: list[str] = []
    while len(text) > width:
        cut = text.rfind(" ", 0, width)
        if cut <= 0:  # a word longer than the line: cut after it, never inside it
            cut = text.find(" ", width)
            if cut < 0:
                break
        out.append(text[:cut])
        text = text[cut:].lstrip()
    return [*out, text]


def _unwrap(value: Any) -> tuple[Any, list[str]]:
    return (value.value, value.notes) if isinstance(value, Noted) else (value, [])


def _mapping(mapping: dict[str, Any], indent: int, lines: list[str]) -> None:
    pad = " " * indent
    for key, raw in mapping.items():
        value, notes = _unwrap(raw)
        _comments(notes, indent, lines)
        if isinstance(value, dict):
            if not value:
                lines.append(f"{pad}{key}: {{}}")
                continue
            lines.append(f"{pad}{key}:")
            _mapping(value, indent + 2, lines)
        elif isinstance(value, list):
            if not value:
                lines.append(f"{pad}{key}: []")
                continue
            if all(isinstance(item, str) and _is_id(item) for item in value):
                lines.append(f"{pad}{key}: [{', '.join(value)}]")
                continue
            lines.append(f"{pad}{key}:")
            _sequence(value, indent + 2, lines)
        else:
            lines += _scalar_lines(f"{pad}{key}:", value, indent + 2)


def _sequence(items: list[Any], indent: int, lines: list[str]) -> None:
    pad = " " * indent
    for raw in items:
        value, notes = _unwrap(raw)
        _comments(notes, indent, lines)
        if isinstance(value, dict):
            inner: list[str] = []
            _mapping(value, indent + 2, inner)
            if inner:
                first = next(i for i, line in enumerate(inner) if not line.lstrip().startswith("#"))
                inner[first] = f"{pad}- " + inner[first][indent + 2 :]
            lines += inner or [f"{pad}- {{}}"]
        elif isinstance(value, list):
            lines.append(f"{pad}-")
            _sequence(value, indent + 2, lines)
        else:
            lines += _scalar_lines(f"{pad}-", value, indent + 2)


def _is_id(text: str) -> bool:
    """A unit id or group reference, safe unquoted in a flow list ('false' is not)."""
    return bool(re.fullmatch(r"(group:)?[a-z0-9][a-z0-9-]*", text)) and not _NOT_TEXT.search(text)


_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`0-9][^#]*$")
_NOT_TEXT = re.compile(
    r"^(true|false|yes|no|on|off|null|~|y|n)$|^[-+]?[0-9]|[:]\s|\s#|:$", re.IGNORECASE
)


def _scalar_lines(lead: str, value: Any, indent: int) -> list[str]:
    if value is None:
        return [lead]
    if isinstance(value, bool):
        return [f"{lead} {'true' if value else 'false'}"]
    if isinstance(value, int):
        return [f"{lead} {value}"]
    text = str(value)
    if len(lead) + len(text) + 1 <= WIDTH or "\n" in text or text != " ".join(text.split()):
        return [f"{lead} {_quoted(text)}"]
    pad = " " * indent
    return [f"{lead} >-", *[pad + line for line in _wrap(text, WIDTH - indent)]]


def _quoted(text: str) -> str:
    if text and _PLAIN.match(text) and not _NOT_TEXT.search(text) and text == text.strip():
        return text
    return json.dumps(text, ensure_ascii=False)
