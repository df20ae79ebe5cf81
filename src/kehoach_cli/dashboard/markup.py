"""A few helpers to write HTML: every text is escaped here, so no section can forget it."""

from __future__ import annotations

from html import escape


def text(value: object) -> str:
    """Text content or an attribute value, escaped (quotes too)."""
    return escape(str(value), quote=True)


def attrs(values: dict[str, object | None]) -> str:
    """' a="1" b' from a mapping: None leaves the attribute out, True writes it bare;
    names end with '_' when they are Python words ('class_')."""
    parts = []
    for name, value in values.items():
        if value is None or value is False:
            continue
        key = name.rstrip("_").replace("_", "-")
        parts.append(f" {key}" if value is True else f' {key}="{text(value)}"')
    return "".join(parts)


def element(name: str, content: str = "", **values: object | None) -> str:
    """<name attrs>content</name>; `content` is markup already (use `text` for words)."""
    return f"<{name}{attrs(values)}>{content}</{name}>"


def cell(content: str, label: str | None = None, **values: object | None) -> str:
    """A table cell; `label` is its column's name, shown beside it on a phone (CSS)."""
    return element("td", content, data_label=label, **values)


def table(
    caption: str,
    headers: list[str],
    rows: list[str],
    numeric: set[int] | None = None,
    **values: object | None,
) -> str:
    """A real table (caption, header cells with scope) in a scrolling box; `rows` are
    <tr> markup; columns in `numeric` are right-aligned."""
    right = numeric or set()
    head = "".join(
        element("th", text(name), scope="col", class_="num" if index in right else None)
        for index, name in enumerate(headers)
    )
    body = element("thead", element("tr", head)) + element("tbody", "".join(rows))
    inner = element("caption", text(caption)) + body
    # a box that scrolls sideways on a phone; focusable, so the keyboard can scroll it too
    return element(
        "div",
        element("table", inner, **values),
        class_="scroll",
        tabindex="0",
        role="region",
        aria_label=caption,
    )
