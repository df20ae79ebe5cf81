"""Every step that reads an untrusted template runs within the limits, and each kind of
refusal has its Vietnamese message (the cases: tests/robustness/template_cases.py; their
wall time and memory from the shell: benchmarks/hostile_templates.py)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from kehoach_cli.report import render
from kehoach_cli.report.render import TemplateProblem, render_docx
from kehoach_cli.report.template_check import check_template
from tests.conftest import REPO
from tests.robustness.template_cases import CASES, TemplateCase, endless_loop, plain_template

LINUX = sys.platform.startswith("linux")
CONTEXT = {"opening": "mở đầu", "year": 2024}
FAST = [case for case in CASES if not case.slow]


@pytest.mark.parametrize("case", FAST, ids=lambda case: case.name)
def test_a_hostile_template_is_refused_quickly_with_its_reason(tmp_path: Path, case: TemplateCase):
    template = case.build(tmp_path)
    started = time.monotonic()
    with pytest.raises(TemplateProblem) as caught:
        render_docx(template, CONTEXT)
    assert case.words in str(caught.value)
    report = check_template(template, CONTEXT)
    assert not report.ok and case.words in str(report.syntax_error)
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("case", FAST[:2] + FAST[4:5], ids=lambda case: case.name)
def test_the_commands_tell_a_hostile_template_as_a_data_problem(cli, tmp_path, case):
    template = case.build(tmp_path)
    checked = cli("template", "check", str(template), "--root", str(REPO))
    assert checked.code == 1 and case.words in checked.stdout
    reported = cli(
        "report",
        "--year",
        "2024",
        "--root",
        str(REPO),
        "--template",
        str(template),
        "-o",
        str(tmp_path / "bc.docx"),
    )
    assert reported.code == 1 and case.words in reported.stderr
    assert "không mong đợi" not in reported.stderr + checked.stderr
    assert not (tmp_path / "bc.docx").exists()


@pytest.mark.skipif(not LINUX, reason="the steps run in a child process where fork is used")
def test_every_step_that_reads_the_template_runs_in_another_process(tmp_path, monkeypatch):
    def tell_pid(data: bytes):
        raise TemplateProblem(f"pid {os.getpid()}")

    monkeypatch.setattr(render, "vet_bytes", tell_pid)
    monkeypatch.setattr("kehoach_cli.report.template_check.vet_bytes", tell_pid)
    template = plain_template(tmp_path, "{{ opening }}")
    with pytest.raises(TemplateProblem) as caught:
        render_docx(template, CONTEXT)
    report = check_template(template, CONTEXT)
    for message in (str(caught.value), str(report.syntax_error)):
        assert message.startswith("pid ") and message != f"pid {os.getpid()}"


def test_template_check_keeps_to_one_time_budget(tmp_path: Path):
    """The names check and the trial render share the budget: a runaway loop stops when it
    is spent, said as a render error (a loop was stopped at 10 s of CPU, 11-16 s of wall)."""
    started = time.monotonic()
    report = check_template(endless_loop(tmp_path), CONTEXT, time_limit=2.0)
    elapsed = time.monotonic() - started
    assert report.syntax_error is None and "giây" in str(report.render_error)
    assert elapsed < 4


def test_a_template_problem_crosses_the_process_whole():
    problem = TemplateProblem("lỗi", ["dòng 1", "dòng 2"])
    import pickle

    copy = pickle.loads(pickle.dumps(problem))
    assert (str(copy), copy.context_lines) == ("lỗi", ["dòng 1", "dòng 2"])
