"""Small rules of written Vietnamese the report follows in every sentence. Pure."""

from __future__ import annotations

from decimal import Decimal

from kehoach_cli import formatting as fmt


def clean(text: str) -> str:
    """One line, single spaces: YAML folded text keeps no stray line breaks."""
    return " ".join(text.split())


def sentence(text: str) -> str:
    text = clean(text)
    return text if text.endswith((".", "!", "?", ":", ";")) else text + "."


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """Lower the first letter of a common phrase; keep it for a proper name or acronym
    (a first word whose second letter is a capital too, such as 'TFP' or 'UBND')."""
    text = clean(text)
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def quantity(value: Decimal | int, unit: str) -> str:
    return fmt.quantity(value, unit)


def count_tasks(ids: list[str]) -> str:
    return f"{len(ids)} nhiệm vụ ({', '.join(ids)})"


def join_names(names: list[str]) -> str:
    """'A, B và C' ('A; B và C' when a name holds a comma itself)."""
    if len(names) <= 1:
        return "".join(names)
    return fmt.name_separator(names).join(names[:-1]) + " và " + names[-1]
