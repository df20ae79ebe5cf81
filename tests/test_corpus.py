"""The benchmark corpus generator writes a workspace that every command accepts."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tests.conftest import REPO


def load_generator():
    spec = importlib.util.spec_from_file_location(
        "make_corpus", REPO / "benchmarks" / "make_corpus.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_small_corpus_validates_and_reports(cli, tmp_path: Path):
    generator = load_generator()
    out = tmp_path / "corpus"
    files = generator.make_corpus(out, units=8, tasks=30, years=2, seed=7, activities=6)
    assert files == 16
    again = tmp_path / "again"
    generator.make_corpus(again, units=8, tasks=30, years=2, seed=7, activities=6)
    assert (out / "data/plan.yaml").read_bytes() == (again / "data/plan.yaml").read_bytes()
    assert cli("validate", "--strict", "--root", str(out), cwd=tmp_path).code == 0
    status = cli(
        "status", "--year", "2025", "--as-of", "2025-12-01", "--root", str(out), cwd=tmp_path
    )
    assert status.code == 0 and "Tiến độ các nhiệm vụ" in status.stdout
    report = cli(
        "report",
        "--year",
        "2025",
        "--as-of",
        "2025-12-01",
        "--root",
        str(out),
        "-o",
        str(tmp_path / "bc.docx"),
        cwd=tmp_path,
    )
    assert report.code == 0 and (tmp_path / "bc.docx").stat().st_size > 20_000
