"""How a location inside a file is written for people: tasks."2.1".activities[1].status."""

from __future__ import annotations

from collections.abc import Sequence


def format_field(loc: Sequence[str | int]) -> str:
    out = ""
    for step in loc:
        if isinstance(step, int):
            out += f"[{step + 1}]"  # clerks count list items from 1
        elif "." in step or " " in step or not step:
            out += f'."{step}"' if out else f'"{step}"'
        else:
            out += f".{step}" if out else step
    return out
