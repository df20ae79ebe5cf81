"""A template's resources are bounded and enforced; data never becomes template code."""

from __future__ import annotations

import io
import os
import re
import resource
import sys
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document

from kehoach_cli.report import render
from kehoach_cli.report.render import TemplateProblem, default_template, render_docx
from kehoach_cli.report.template_check import check_template
from tests.report.docx_xml import Docx

LINUX = sys.platform.startswith("linux")
CONTEXT = {"opening": "mở đầu", "year": 2024, "units": ["a", "b"]}


def template_with(tmp_path: Path, *paragraphs: str, sections: int = 1) -> Path:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    for _ in range(sections - 1):
        document.add_section()
        document.add_paragraph("phần sau")
    path = tmp_path / "mau.docx"
    document.save(path)
    return path


def rewrite(path: Path, changes: dict[str, bytes], out_name: str = "sua.docx") -> Path:
    """A copy of the archive with some parts replaced or added."""
    out = path.with_name(out_name)
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, changes.pop(info.filename, source.read(info)))
        for name, blob in changes.items():
            target.writestr(name, blob)
    return out


def refused(template: Path, context=CONTEXT, **kwargs) -> tuple[str, float]:
    started = time.monotonic()
    with pytest.raises(TemplateProblem) as caught:
        render_docx(template, context, **kwargs)
    return str(caught.value), time.monotonic() - started


# --- expressions --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("{{ 'a' * 10**9 }}", "tối đa"),
        ("{{ ([0] * 10**9) | length }}", "tối đa"),
        ("{{ 10**9 * 'a' }}", "tối đa"),
        ("{{ 9**(9**9) }}", "lũy thừa quá lớn"),
        ("{{ 2**100000 }}", "lũy thừa quá lớn"),
        ("{{ '%0999999999d' % 1 }}", "độ rộng"),
        ("{{ '%*d' % (10**9, 1) }}", "'*'"),
        ("{{ '%0999999999d' | format(1) }}", "độ rộng"),
        ("{{ 'a' | center(10**9) }}", "tối đa"),
        ("{{ ('a' * 10**7) ~ '' }}{{ 'a' * 10**7 + 'a' * 10**7 }}", "tối đa"),
        ("{{ ('a' * 1000) | replace('a', 'b' * 100000) }}", "tối đa"),
    ],
)
def test_huge_expressions_are_refused_before_they_are_computed(tmp_path: Path, body, words):
    message, elapsed = refused(template_with(tmp_path, body))
    assert words in message and "mẫu vượt giới hạn" in message
    assert elapsed < 5


def test_ordinary_arithmetic_still_works(tmp_path: Path):
    """Jinja's ** groups from the left: 9**9**9 is (9**9)**9, 78 digits, and allowed."""
    body = "{{ 2**10 }} {{ 'ab' * 3 }} {{ [1] * 3 }} {{ '%05.1f' % 3.14159 }} {{ 7 * 191 }} "
    body += "{{ 9**9**9 }}"
    document = Docx(render_docx(template_with(tmp_path, body), CONTEXT))
    assert f"1024 ababab [1, 1, 1] 003.1 1337 {(9**9) ** 9}" in "".join(
        document.xml("word/document.xml").itertext()
    )


# --- output, CPU, memory, nesting ---------------------------------------------------------


def test_output_size_is_capped_while_it_is_generated(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(render, "MAX_OUTPUT_CHARS", 2 * 1024 * 1024)
    body = (
        "{% for a in range(100000) %}{% for b in range(100000) %}xxxxxxxxxx{% endfor %}{% endfor %}"
    )
    message, elapsed = refused(template_with(tmp_path, body))
    assert "văn bản quá lớn" in message and "2 MB" in message
    assert elapsed < 10


@pytest.mark.skipif(not LINUX, reason="address-space limits are enforced on Linux")
def test_memory_is_limited_in_a_child_and_the_command_stays_small(tmp_path: Path):
    """Doubling a string in a loop is no operator the sandbox sees: the child's address
    space limit stops it, and the parent's memory does not grow."""
    body = (
        "{% set ns = namespace(s='a') %}{% for i in range(40) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s | length }}"
    )
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    message, elapsed = refused(template_with(tmp_path, body))
    assert "512 MB bộ nhớ" in message
    assert elapsed < 20
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 100


@pytest.mark.skipif(not LINUX, reason="CPU limits in a child are used on Linux")
def test_cpu_time_is_limited_in_a_child(tmp_path: Path):
    body = "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"
    message, elapsed = refused(template_with(tmp_path, body), time_limit=2.0)
    assert "giây" in message
    assert elapsed < 8


def test_deep_nesting_is_a_template_problem_not_a_crash(tmp_path: Path):
    body = "{% if true %}" * 3000 + "x" + "{% endif %}" * 3000
    message, _ = refused(template_with(tmp_path, body))
    assert "lồng nhau quá sâu" in message
    report = check_template(template_with(tmp_path, body), None)
    assert not report.ok and "lồng nhau quá sâu" in str(report.syntax_error)


# --- the file itself ----------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_at_once(tmp_path: Path):
    fifo = tmp_path / "mau.docx"
    os.mkfifo(fifo)
    message, elapsed = refused(fifo)
    assert "FIFO" in message and elapsed < 2
    report = check_template(fifo, None)
    assert "FIFO" in str(report.syntax_error)


def test_a_folder_or_a_device_is_refused(tmp_path: Path):
    message, _ = refused(tmp_path)
    assert "thư mục" in message
    if Path("/dev/zero").exists():
        message, elapsed = refused(Path("/dev/zero"))
        assert "thiết bị" in message and elapsed < 2


def entity_bomb(tmp_path: Path) -> Path:
    source = template_with(tmp_path, "{{ year }}")
    entities = '<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
    )
    with zipfile.ZipFile(source) as original:
        declaration, rest = original.read("word/document.xml").decode("utf-8").split("?>", 1)
    rest = rest.replace("{{ year }}", "&a9;{{ year }}")
    xml = f"{declaration}?><!DOCTYPE w:document [{entities}]>{rest}".encode()
    return rewrite(source, {"word/document.xml": xml}, "bom.docx")


def test_an_xml_entity_bomb_is_refused_unexpanded(tmp_path: Path, cli):
    message, elapsed = refused(entity_bomb(tmp_path))
    assert "DOCTYPE" in message and "word/document.xml" in message and elapsed < 2
    report = check_template(entity_bomb(tmp_path), None)
    assert "DOCTYPE" in str(report.syntax_error)


def test_broken_xml_names_the_part(tmp_path: Path):
    broken = rewrite(template_with(tmp_path, "x"), {"word/styles.xml": b"<w:styles"})
    message, _ = refused(broken)
    assert "word/styles.xml" in message and "XML" in message


# --- external relationships ---------------------------------------------------------------

RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def with_relationships(tmp_path: Path, *relationships: tuple[str, str, str], settings=b"") -> Path:
    """The template plus relationships (part, type, target) with TargetMode=External."""
    source = template_with(tmp_path, "{{ year }}")
    changes: dict[str, bytes] = {}
    with zipfile.ZipFile(source) as archive:
        for number, (part, kind, target) in enumerate(relationships, start=50):
            name = changes.get(part) or (
                archive.read(part)
                if part in archive.namelist()
                else b'<?xml version="1.0" encoding="UTF-8"?><Relationships '
                b'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'
            )
            entry = (
                f'<Relationship Id="rId{number}" Type="{RELS}/{kind}" Target="{target}" '
                'TargetMode="External"/>'
            ).encode()
            text = name.replace(b"</Relationships>", entry + b"</Relationships>")
            changes[part] = (
                text.replace(b"/>", b">" + entry + b"</Relationships>", 1)
                if (text == name)
                else text
            )
        if settings:
            xml = archive.read("word/settings.xml")
            changes["word/settings.xml"] = re.sub(
                rb"(<w:settings[^>]*>)", lambda m: m.group(1) + settings, xml, count=1
            )
    return rewrite(source, changes, "lienket.docx")


def test_a_linked_template_is_dropped_from_the_output(tmp_path: Path):
    template = with_relationships(
        tmp_path,
        ("word/_rels/settings.xml.rels", "attachedTemplate", "file:///C:/Mau/Normal.dotm"),
        settings=b'<w:attachedTemplate r:id="rId50"/>',
    )
    listed = check_template(template, None)
    assert [(link.kind, link.target) for link in listed.external_links] == [
        ("attachedTemplate", "file:///C:/Mau/Normal.dotm")
    ]
    assert "bỏ" in listed.external_links[0].fate
    document = render_docx(template, CONTEXT)
    with zipfile.ZipFile(io.BytesIO(document)) as archive:
        everything = b"".join(archive.read(name) for name in archive.namelist())
    # (docProps/app.xml names "Normal.dotm" as Word's template: a name, not a link)
    assert b"C:/Mau" not in everything and b"attachedTemplate" not in everything


@pytest.mark.parametrize(
    ("kind", "target"),
    [
        ("image", "http://example.org/theo-doi.png"),
        ("image", "file://///may-chu/chia-se/anh.png"),
        ("oleObject", "file:///C:/bang-tinh.xlsx"),
        ("subDocument", "http://example.org/phan-2.docx"),
    ],
)
def test_other_external_parts_are_refused_and_listed(tmp_path: Path, kind: str, target: str):
    template = with_relationships(tmp_path, ("word/_rels/document.xml.rels", kind, target))
    message, _ = refused(template)
    assert "liên kết ra ngoài" in message and kind in message
    report = check_template(template, None)
    assert not report.ok and target in " ".join(report.syntax_error.context_lines)


def test_hyperlinks_stay_and_are_listed(tmp_path: Path):
    template = with_relationships(
        tmp_path, ("word/_rels/document.xml.rels", "hyperlink", "https://dost.dongnai.gov.vn")
    )
    report = check_template(template, None)
    assert report.ok and report.external_links[0].kind == "hyperlink"
    with zipfile.ZipFile(io.BytesIO(render_docx(template, CONTEXT))) as archive:
        assert b"dost.dongnai.gov.vn" in archive.read("word/_rels/document.xml.rels")


# --- data is never template ---------------------------------------------------------------

FOOTNOTES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote>"
    '<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">Ghi chú: {{ opening }}</w:t>'
    "</w:r></w:p></w:footnote></w:footnotes>"
)


def template_with_footnotes(tmp_path: Path, sections: int) -> Path:
    source = template_with(tmp_path, "Thân: {{ opening }}", sections=sections)
    with zipfile.ZipFile(source) as archive:
        types = archive.read("[Content_Types].xml").replace(
            b"</Types>",
            b'<Override PartName="/word/footnotes.xml" ContentType="application/'
            b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
        )
        rels = archive.read("word/_rels/document.xml.rels").replace(
            b"</Relationships>",
            f'<Relationship Id="rId90" Type="{RELS}/footnotes" Target="footnotes.xml"/>'
            "</Relationships>".encode(),
        )
        body = archive.read("word/document.xml").replace(
            "Thân: {{ opening }}</w:t></w:r>".encode(),
            'Thân: {{ opening }}</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'.encode(),
        )
    return rewrite(
        source,
        {
            "[Content_Types].xml": types,
            "word/_rels/document.xml.rels": rels,
            "word/document.xml": body,
            "word/footnotes.xml": FOOTNOTES.encode(),
        },
        f"chu-thich-{sections}.docx",
    )


@pytest.mark.parametrize("sections", [1, 2, 3])
@pytest.mark.parametrize(
    "text",
    [
        "INJ{{ 7*191 }}",
        "INJ{% if true %}có{% endif %}",
        "INJ{# chú thích #}",
        "INJ{_{ x }_} {_% y %_}",
        "INJ{{ ''.__class__ }}",
        "INJ {}{{}}{ {",
    ],
)
def test_data_with_jinja_delimiters_prints_verbatim_in_every_part(tmp_path, sections, text):
    document = render_docx(template_with_footnotes(tmp_path, sections), {"opening": text})
    docx = Docx(document)
    body = "".join(docx.xml("word/document.xml").itertext())
    notes = "".join(docx.xml("word/footnotes.xml").itertext())
    assert f"Thân: {text}" in body
    assert f"Ghi chú: {text}" in notes
    assert "1337" not in body + notes


def xml_of(document: bytes, part: str = "word/document.xml") -> str:
    return Docx(document).zip.read(part).decode("utf-8")


def test_line_breaks_in_data_still_become_word_breaks(tmp_path: Path):
    name = "SỞ KHOA HỌC\nVÀ CÔNG NGHỆ"
    document = render_docx(template_with(tmp_path, "{{ opening }}"), {"opening": name})
    assert "SỞ KHOA HỌC</w:t><w:br/>" in xml_of(document)


def test_skipping_resolve_listing_changes_nothing(monkeypatch):
    """resolve_listing runs only on a part holding \\t \\a \\n \\f: the bundled template
    with the bundled data gives the same parts as running it on every part."""
    from datetime import date

    from kehoach_cli.facts import load_year
    from kehoach_cli.loading.workspace import Workspace
    from kehoach_cli.report.context import ReportOptions, build_context
    from tests.conftest import REPO

    data = load_year(Workspace(REPO), 2024, date(2024, 12, 1))
    context = build_context(data, ReportOptions(), date(2024, 12, 1))
    skipped = Docx(render_docx(default_template(), context))
    monkeypatch.setattr(render, "_needs_listing", lambda xml: True)
    always = Docx(render_docx(default_template(), context))
    parts = [n for n in always.zip.namelist() if n.startswith("word/") and n.endswith(".xml")]
    assert "word/document.xml" in parts and any("header" in n for n in parts)
    for part in parts:
        assert skipped.zip.read(part) == always.zip.read(part), part


def test_the_bundled_template_passes_every_check():
    report = check_template(default_template(), None)
    assert report.ok and report.external_links == []


def test_template_check_lists_a_linked_template(cli, tmp_path: Path):
    from tests.conftest import REPO

    template = with_relationships(
        tmp_path,
        ("word/_rels/settings.xml.rels", "attachedTemplate", "file:///C:/Mau/Normal.dotm"),
        settings=b'<w:attachedTemplate r:id="rId50"/>',
    )
    result = cli("template", "check", str(template), "--root", str(REPO))
    assert (
        "[thông tin] liên kết ra ngoài attachedTemplate → file:///C:/Mau/Normal.dotm"
        in result.stdout
    )


def test_an_expression_the_sandbox_refuses_while_compiling_is_a_template_error(cli, tmp_path: Path):
    """Found by the property test: constant folding met the sandbox's refusal before any
    render, and 'template check' ended in 'Lỗi không mong đợi'."""
    from tests.conftest import REPO

    template = template_with(tmp_path, "{{ 0 ~ 0.__class__ }}")
    result = cli("template", "check", str(template), "--year", "2024", "--root", str(REPO))
    assert result.code == 1 and "Lỗi không mong đợi" not in result.stderr
    assert (
        "Mẫu bị từ chối: biểu thức truy cập thứ bị chặn trong môi trường an toàn" in result.stdout
    )
