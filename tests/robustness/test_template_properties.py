"""Issue 14, "done when": random templates (Jinja expressions, filters, loops and blocks
nested by a strategy) thrown at `template check` and `report` under the limits. Every run
ends within the limit with a document or a Vietnamese message, never 'Lỗi không mong đợi'.

The render child's CPU limit is lowered to 2 s here so that a template that loops for
ever costs 2 s, not 10 (the rule under test is the same)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach_cli.cli.app import main
from kehoach_cli.report import render
from tests.conftest import REPO

CPU_SECONDS = 2
WALL_LIMIT = 30.0  # per command: the CPU limit, the load of the year and the check

NAMES = ["year", "units", "opening", "task_rows", "late_rows", "khong_co", "loop.index", "x"]
SIZES = ["0", "3", "10", "1000", "10**6", "10**9", "-1"]
LITERALS = st.one_of(
    st.sampled_from(SIZES),
    st.sampled_from(["'a'", "'Đơn vị'", "[1, 2]", "{'k': 1}", "none", "true", "1.5"]),
    st.sampled_from(NAMES),
)
FILTERS = [
    "length",
    "upper",
    "join(', ')",
    "center(10**9)",
    "format(1)",
    "replace('a', 'aaaa')",
    "default('')",
    "list",
    "sum",
    "first",
    "int",
    "string",
    "indent(10**6)",
    "wordcount",
    "batch(3)",
    "attr('__class__')",
]
OPERATORS = ["+", "-", "*", "**", "//", "%", "~", "==", "in", "and", "or"]


def expressions() -> st.SearchStrategy[str]:
    return st.recursive(
        LITERALS,
        lambda inner: st.one_of(
            st.tuples(inner, st.sampled_from(OPERATORS), inner).map(" ".join),
            st.tuples(inner, st.sampled_from(FILTERS)).map(lambda t: f"({t[0]}) | {t[1]}"),
            inner.map(lambda e: f"({e})"),
            inner.map(lambda e: f"{e}.__class__"),
            st.tuples(inner, inner).map(lambda t: f"{t[0]}[{t[1]}]"),
        ),
        max_leaves=6,
    )


def blocks() -> st.SearchStrategy[str]:
    output = expressions().map(lambda e: "{{ " + e + " }}")
    text = st.sampled_from(["chữ ", "", "{{", "}}", "{%", "{# ghi chú #}", "{% endfor %}"])
    return st.recursive(
        st.one_of(output, text),
        lambda inner: st.one_of(
            st.tuples(st.sampled_from(SIZES), st.lists(inner, max_size=3)).map(
                lambda t: "{% for i in range(" + t[0] + ") %}" + "".join(t[1]) + "{% endfor %}"
            ),
            st.tuples(expressions(), st.lists(inner, max_size=3)).map(
                lambda t: "{% if " + t[0] + " %}" + "".join(t[1]) + "{% endif %}"
            ),
            st.tuples(expressions(), inner).map(lambda t: "{% set x = " + t[0] + " %}" + t[1]),
            st.lists(inner, max_size=4).map("".join),
        ),
        max_leaves=8,
    )


TEMPLATES = st.lists(blocks(), min_size=1, max_size=4)


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("mau-ngau-nhien")
    shutil.copytree(REPO / "data", folder / "data")
    return folder


def _write_template(folder: Path, paragraphs: list[str]) -> Path:
    document = Document(str(REPO / "templates/bao-cao.docx"))
    for text in paragraphs:
        document.add_paragraph(text)
    path = folder / "mau.docx"
    document.save(str(path))
    return path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, float]:
    capsys.readouterr()
    started = time.monotonic()
    code = main(list(args))
    elapsed = time.monotonic() - started
    captured = capsys.readouterr()
    return code, captured.err, elapsed


@settings(
    max_examples=40,
    deadline=None,  # each run is bounded by WALL_LIMIT below, asserted
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(paragraphs=TEMPLATES)
def test_random_templates_end_in_a_document_or_a_vietnamese_message(
    paragraphs: list[str], place: Path, capsys, monkeypatch
):
    monkeypatch.setattr(render, "RENDER_CPU_SECONDS", CPU_SECONDS)
    monkeypatch.chdir(place)
    template = _write_template(place, paragraphs)
    output = place / "bao-cao.docx"
    output.unlink(missing_ok=True)
    for args in (
        ["template", "check", str(template), "--year", "2024"],
        ["report", "--year", "2024", "--as-of", "2024-12-01", "--template", str(template)],
    ):
        code, err, elapsed = (
            _run(capsys, *args, "-o", str(output)) if args[0] == "report" else (_run(capsys, *args))
        )
        assert elapsed < WALL_LIMIT, (args, elapsed)
        assert "Lỗi không mong đợi" not in err and "Traceback" not in err, err
        if args[0] == "report":
            if code == 0:
                assert output.stat().st_size > 0
            else:
                assert code in (1, 2) and err.strip(), err
                assert "Lỗi:" in err
        else:
            assert code in (0, 1), err
