"""Property-based: random documents and random mutations never produce a traceback;
every valid progress model survives a trip through YAML unchanged."""

from __future__ import annotations

import re
import shutil
import string
import unicodedata
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach_cli.checks.run import load_plan
from kehoach_cli.cli.app import main
from kehoach_cli.loading.workspace import Workspace
from kehoach_cli.loading.yamlsafe import YamlError, parse_yaml
from kehoach_cli.model.progress import Progress
from kehoach_cli.model.serialize import progress_to_yaml
from tests.conftest import REPO

SAMPLE = (REPO / "data/progress/2024/qlkh.yaml").read_text(encoding="utf-8")
# YAML-ish text: the punctuation YAML cares about, indentation, and Vietnamese letters.
YAMLISH = st.lists(
    st.sampled_from(
        [*":-[]{},#&*!|>'\"%@`?\t ~.0123456789abcxyzđươếộ", "  ", "\n", "\n  ", "- ", ": "]
    ),
    max_size=120,
).map("".join)
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def run_quietly(capsys, *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@SETTINGS
@given(text=YAMLISH)
def test_random_yaml_like_text_never_crashes_the_parser(text: str):
    try:
        parse_yaml(text, Path("x.yaml"))
    except YamlError as error:
        assert error.issues and error.issues[0].code.startswith("KH0")


def mutate(text: str, data) -> str:
    lines = text.splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 4))):
        kind = data.draw(
            st.sampled_from(["delete", "duplicate", "swap", "insert", "truncate", "indent"])
        )
        index = data.draw(st.integers(0, len(lines) - 1))
        if kind == "delete" and len(lines) > 1:
            del lines[index]
        elif kind == "duplicate":
            lines.insert(index, lines[index])
        elif kind == "swap":
            other = data.draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif kind == "insert":
            lines.insert(index, data.draw(YAMLISH) + "\n")
        elif kind == "truncate":
            lines[index] = lines[index][: data.draw(st.integers(0, len(lines[index])))]
        else:
            lines[index] = data.draw(st.sampled_from(["\t", "  ", " "])) + lines[index]
    return "".join(lines)


PYTHON_INTERNALS = re.compile(r"Positioned|Decimal\(|datetime\.|<class |object at 0x|NoneType")


@SETTINGS
@given(data=st.data())
def test_mutated_files_never_produce_a_traceback(data, tmp_path_factory, monkeypatch, capsys):
    root = tmp_path_factory.mktemp("ws")
    shutil.copytree(REPO / "data", root / "data")
    target = root / "data/progress/2024/qlkh.yaml"
    target.write_text(mutate(SAMPLE, data), encoding="utf-8")
    monkeypatch.chdir(root)
    for args in (
        ("validate", "--no-cache"),
        ("status", "--year", "2024", "--as-of", "2024-12-01"),
        ("report", "--year", "2024", "--as-of", "2024-12-01", "-o", str(root / "bc.docx")),
    ):
        code, output = run_quietly(capsys, *args)
        assert code in (0, 1), output
        assert "Traceback" not in output and "Lỗi không mong đợi" not in output
        assert not PYTHON_INTERNALS.search(output), output  # messages speak the clerk's words


# --- round trip -------------------------------------------------------------------------

TEXT = (
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"),
            blacklist_characters="\ufeff\x85",
        ),
        min_size=1,
        max_size=40,
    )
    .map(lambda s: unicodedata.normalize("NFC", s).strip())
    .filter(bool)
)
DATES = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
STATUSES = st.sampled_from(["not_started", "in_progress", "done", "delayed", "cancelled"])
MONEY = st.integers(min_value=0, max_value=10**13)

activity = st.fixed_dictionaries(
    {"title": TEXT, "status": STATUSES},
    optional={
        "start": DATES,
        "due": DATES,
        "finished_on": DATES,
        "budget": st.fixed_dictionaries({}, optional={"planned": MONEY, "spent": MONEY}),
        "result": TEXT,
    },
)
task_report = st.fixed_dictionaries(
    {"status": STATUSES, "progress": st.integers(0, 100)},
    optional={
        "activities": st.lists(activity, max_size=3),
        "results": TEXT,
        "difficulties": st.lists(
            st.fixed_dictionaries(
                {"text": TEXT}, optional={"raised_on": DATES, "resolved": st.booleans()}
            ),
            max_size=2,
        ),
        "proposals": st.lists(TEXT, max_size=2),
        "next_year": st.lists(TEXT, max_size=2),
    },
)
progress = st.fixed_dictionaries(
    {
        "schema_version": st.just(1),
        "unit": st.from_regex(r"[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True),
        "year": st.integers(2000, 2200),
        "tasks": st.dictionaries(
            st.from_regex(r"[0-9]{1,2}(\.[0-9]{1,2}){0,2}", fullmatch=True), task_report, max_size=3
        ),
        "indicators": st.dictionaries(
            st.from_regex(r"[a-z]{1,8}", fullmatch=True),
            st.fixed_dictionaries(
                {"value": st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False)},
                optional={"source": TEXT},
            ),
            max_size=2,
        ),
    },
    optional={"submitted_on": DATES, "prepared_by": TEXT},
)


@settings(max_examples=150, deadline=None)
@given(raw=progress)
def test_valid_progress_models_round_trip_through_yaml(raw):
    model = Progress.model_validate(raw)
    text = progress_to_yaml(model)
    data, duplicates = parse_yaml(text, Path("x.yaml"))
    assert duplicates == []
    assert Progress.model_validate(data) == model


def test_round_trip_keeps_vietnamese_number_forms():
    model = Progress.model_validate(
        {
            "schema_version": 1,
            "unit": "a",
            "year": 2024,
            "indicators": {"x": {"value": Decimal("62.80")}},
        }
    )
    assert "value: 62,80" in progress_to_yaml(model)


def test_bundled_plan_loads():
    plan, issues = load_plan(Workspace(REPO))
    assert plan is not None and issues == []
    assert string.ascii_lowercase  # keeps the import list honest for the strategies above
