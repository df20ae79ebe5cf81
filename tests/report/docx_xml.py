"""Read a .docx back as XML for layout assertions."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(name: str) -> str:
    return f"{{{W}}}{name}"


class Docx:
    def __init__(self, data: bytes | Path) -> None:
        raw = data.read_bytes() if isinstance(data, Path) else data
        self.zip = zipfile.ZipFile(io.BytesIO(raw))

    def xml(self, part: str) -> etree._Element:
        return etree.fromstring(self.zip.read(part))

    def parts(self, prefix: str) -> list[str]:
        return [name for name in self.zip.namelist() if name.startswith(prefix)]


def text_of(element: etree._Element) -> str:
    return "".join(element.itertext()) if element is not None else ""


def paragraph_text(paragraph: etree._Element) -> str:
    return "".join(t.text or "" for t in paragraph.iter(q("t")))


def run_props(run: etree._Element) -> dict[str, object]:
    rpr = run.find(q("rPr"))
    props: dict[str, object] = {"bold": False, "italic": False, "size": None}
    if rpr is None:
        return props
    bold = rpr.find(q("b"))
    italic = rpr.find(q("i"))
    size = rpr.find(q("sz"))
    props["bold"] = bold is not None and bold.get(q("val"), "true") not in ("0", "false")
    props["italic"] = italic is not None and italic.get(q("val"), "true") not in ("0", "false")
    props["size"] = int(size.get(q("val"))) / 2 if size is not None else None
    return props


def body_paragraphs(document: etree._Element) -> list[etree._Element]:
    body = document.find(q("body"))
    return [child for child in body if child.tag == q("p")]
