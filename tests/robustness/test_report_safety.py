"""The report cannot be used to run away, read files, or leave a broken document."""

from __future__ import annotations

import subprocess
import sys
import time
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from kehoach_cli.facts import load_year as load_status_data
from kehoach_cli.loading.workspace import Workspace
from kehoach_cli.report.context import ReportOptions, build_context
from kehoach_cli.report.render import TemplateProblem, render_docx
from tests.conftest import REPO


@pytest.fixture(scope="module")
def context():
    data = load_status_data(Workspace(REPO), 2024, date(2024, 12, 1))
    return build_context(data, ReportOptions(), date(2024, 12, 1))


def template_with(tmp_path: Path, *paragraphs: str) -> Path:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    path = tmp_path / "mau.docx"
    document.save(path)
    return path


@pytest.mark.parametrize(
    "body",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ year.__class__.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os.system('touch hacked') }}",
        "{% include '/etc/passwd' %}",
        "{% import 'os' as os %}",
        "{{ range(10**12) | list }}",
        "{{ 1 / 0 }}",
        "{{ signer.title + 5 }}",
    ],
)
def test_templates_cannot_reach_python_internals_or_files(tmp_path: Path, context, body: str):
    with pytest.raises(TemplateProblem):
        render_docx(template_with(tmp_path, body), context)
    assert not (Path.cwd() / "hacked").exists()


def test_an_endless_loop_is_stopped_by_the_time_limit(tmp_path: Path, context):
    template = template_with(
        tmp_path, "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"
    )
    started = time.monotonic()
    with pytest.raises(TemplateProblem) as caught:
        render_docx(template, context, time_limit=1.0)
    assert time.monotonic() - started < 10
    assert "giây" in str(caught.value)


def test_a_file_that_is_not_docx_is_a_template_problem(tmp_path: Path, context):
    fake = tmp_path / "mau.docx"
    fake.write_text("không phải Word", encoding="utf-8")
    with pytest.raises(TemplateProblem) as caught:
        render_docx(fake, context)
    assert ".docx" in str(caught.value)


def inflated_template(tmp_path: Path, extra_bytes: int) -> Path:
    """A real template plus one part of zeros: tiny on disk, `extra_bytes` when inflated."""
    source = template_with(tmp_path, "{{ year }}")
    path = tmp_path / "phinh.docx"
    with (
        zipfile.ZipFile(source) as original,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in original.infolist():
            out.writestr(info, original.read(info))
        with out.open("word/media/zeros.bin", "w") as part:
            for _ in range(extra_bytes // 65536):
                part.write(bytes(65536))
    return path


def test_a_template_that_inflates_past_the_limit_is_refused_uninflated(
    tmp_path: Path, context, monkeypatch
):
    monkeypatch.setattr("kehoach_cli.report.render.MAX_TEMPLATE_BYTES", 1024 * 1024)
    bomb = inflated_template(tmp_path, 4 * 1024 * 1024)
    assert bomb.stat().st_size < 64 * 1024  # what a clerk would see in the folder
    with pytest.raises(TemplateProblem) as caught:
        render_docx(bomb, context)
    assert "quá lớn khi giải nén" in str(caught.value)


def test_template_check_reports_an_inflating_template(tmp_path: Path, cli, monkeypatch):
    monkeypatch.setattr("kehoach_cli.report.render.MAX_TEMPLATE_BYTES", 1024 * 1024)
    result = cli("template", "check", str(inflated_template(tmp_path, 4 * 1024 * 1024)))
    assert result.code == 1 and "quá lớn khi giải nén" in result.stdout


def test_an_xml_entity_bomb_in_a_template_is_stopped(tmp_path: Path, context):
    source = template_with(tmp_path, "{{ year }}")
    entities = '<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
    )
    bomb = tmp_path / "bom.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(bomb, "w") as out:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "word/document.xml":
                declaration, rest = data.decode("utf-8").split("?>", 1)
                rest = rest.replace("{{ year }}", "&a9;{{ year }}")
                data = f"{declaration}?><!DOCTYPE w:document [{entities}]>{rest}".encode()
            out.writestr(info, data)
    with pytest.raises(TemplateProblem):  # 10^9 "lol"s would be 3 GB
        render_docx(bomb, context)


def test_the_bundled_template_is_far_below_the_limit():
    from kehoach_cli.report.render import MAX_TEMPLATE_BYTES, default_template, open_template

    with zipfile.ZipFile(open_template(default_template())) as archive:
        assert sum(info.file_size for info in archive.infolist()) < MAX_TEMPLATE_BYTES / 50


def test_very_long_and_xml_special_text_renders_verbatim(tmp_path: Path, context):
    long_text = ('R&D <b>"x"</b> & ]]> ' * 20_000).strip()
    changed = {**context, "opening": long_text}
    data = render_docx(template_with(tmp_path, "{{ opening }}"), changed)
    assert Document(__import__("io").BytesIO(data)).paragraphs[0].text == long_text


def test_a_save_killed_midway_leaves_the_previous_report(tmp_path: Path):
    target = tmp_path / "bao-cao.docx"
    target.write_bytes(b"bao cao cu")
    script = f"""
import os, signal
from pathlib import Path
import kehoach_cli.atomic as atomic
def die(fd):
    os.kill(os.getpid(), signal.SIGKILL)
atomic.os.fsync = die
atomic.write_atomic(Path({str(target)!r}), b"bao cao moi" * 100000)
"""
    completed = subprocess.run([sys.executable, "-c", script], check=False)
    assert completed.returncode != 0  # killed
    assert target.read_bytes() == b"bao cao cu"


def test_two_reports_writing_the_same_file_at_once_leave_one_valid_document(tmp_path: Path):
    target = tmp_path / "bao-cao.docx"
    command = [
        sys.executable,
        "-m",
        "kehoach_cli",
        "report",
        "--year",
        "2024",
        "--root",
        str(REPO),
        "-o",
        str(target),
    ]
    runs = [
        subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for _ in range(3)
    ]
    for run in runs:
        assert run.wait(timeout=120) == 0, run.stderr.read().decode() if run.stderr else ""
    with zipfile.ZipFile(target) as archive:
        assert archive.testzip() is None
    assert "Kết quả thực hiện" in "\n".join(p.text for p in Document(target).paragraphs)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.docx"]
