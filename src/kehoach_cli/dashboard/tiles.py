"""A headline number as a card: label, value, note and a tone that is also a symbol."""

from __future__ import annotations

from dataclasses import dataclass

from kehoach_cli.dashboard.markup import element, text


@dataclass(frozen=True)
class Figure:
    """One headline number: `key` names it for tests and styles, `tone` is its signal
    (ok, warn, bad, info), always with a word, never by colour alone."""

    key: str
    label: str
    value: str
    note: str
    tone: str
    extra: str = ""  # markup drawn under the value (a meter), made by our code


SYMBOLS = {"ok": "✓", "warn": "!", "bad": "✗", "info": "i"}


def figure_markup(figure: Figure) -> str:
    symbol = element("span", SYMBOLS[figure.tone], class_="symbol", aria_hidden="true")
    return element(
        "div",
        element("dt", symbol + text(figure.label))
        + element("dd", text(figure.value), class_="value")
        + element("dd", text(figure.note), class_="note")
        + (element("dd", figure.extra, class_="extra") if figure.extra else ""),
        class_=f"card tone-{figure.tone}",
        data_key=figure.key,
    )
