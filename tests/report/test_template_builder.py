from __future__ import annotations

import io
import zipfile

from kehoach_cli.report.render import default_template
from kehoach_cli.report.template_builder import build_report_template

# Parts whose content is the template; docProps carry build timestamps.
CONTENT_PARTS = ("word/document.xml", "word/styles.xml", "word/header", "word/footer")


def same_document(left: bytes, right: bytes) -> bool:
    a, b = zipfile.ZipFile(io.BytesIO(left)), zipfile.ZipFile(io.BytesIO(right))
    names = sorted(n for n in a.namelist() if n.startswith(CONTENT_PARTS))
    if names != sorted(n for n in b.namelist() if n.startswith(CONTENT_PARTS)):
        return False
    return all(a.read(name) == b.read(name) for name in names)


def test_committed_template_equals_a_fresh_build():
    buffer = io.BytesIO()
    build_report_template().save(buffer)
    assert same_document(buffer.getvalue(), default_template().read_bytes()), (
        "run: python -m kehoach_cli.report.template_builder && cp src/kehoach_cli/resources/bao-cao.docx templates/"
    )
