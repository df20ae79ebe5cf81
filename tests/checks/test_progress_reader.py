"""The fast reader of progress files (checks/progress_reader.py) reads a file only when the
models would take it, and then holds exactly what the models would hold: so the rules see
the same values whichever way the file was read, and validate says the same."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from kehoach_cli.checks import progress_reader as reader
from kehoach_cli.checks.plan_view import PlanView
from kehoach_cli.checks.progress_rules import check_progress
from kehoach_cli.checks.run import load_plan
from kehoach_cli.checks.schema import validate_data
from kehoach_cli.loading.documents import load_yaml_bytes
from kehoach_cli.loading.workspace import Workspace, list_progress_files
from kehoach_cli.model import progress as models
from kehoach_cli.model.index import PlanIndex

REPO = Path(__file__).resolve().parents[2]
PAIRS = [
    (reader.ProgressRecord, models.Progress),
    (reader.TaskReportRecord, models.TaskReport),
    (reader.ActivityRecord, models.Activity),
    (reader.BudgetRecord, models.Budget),
    (reader.DifficultyRecord, models.Difficulty),
    (reader.IndicatorValueRecord, models.IndicatorValue),
]


def _workspaces() -> list[Path]:
    roots = [REPO, *sorted((REPO / "examples").iterdir())]
    roots += sorted(p.parent.parent for p in (REPO / "tests/fixtures").glob("**/data/plan.yaml"))
    return [root for root in roots if any((root / "data/progress").glob("**/*.y*ml"))]


def _model_or_none(data: Any) -> models.Progress | None:
    try:
        return models.Progress.model_validate(data)
    except ValidationError:
        return None


@pytest.mark.parametrize(("record", "model"), PAIRS, ids=lambda kind: kind.__name__)
def test_records_have_the_models_fields(record: type, model: type[BaseModel]):
    """A field added to a model and not to its record would be lost to the rules."""
    assert sorted(f.name for f in dataclasses.fields(record)) == sorted(model.model_fields)
    for name, info in model.model_fields.items():
        declared = next(f for f in dataclasses.fields(record) if f.name == name)
        required = declared.default is dataclasses.MISSING and (
            declared.default_factory is dataclasses.MISSING
        )
        assert required == info.is_required(), name


@pytest.mark.parametrize("root", _workspaces(), ids=lambda root: root.name)
def test_every_progress_file_of_the_tests_reads_as_the_models_read_it(root: Path):
    workspace = Workspace(root)
    plan, _ = load_plan(workspace)
    view = PlanView.from_index(PlanIndex.build(plan)) if plan is not None else None
    refs, _ = list_progress_files(workspace)
    read_fast = 0
    for ref in refs:
        loaded = load_yaml_bytes(ref.path, None)
        if not loaded.readable:
            continue
        record = reader.read_progress(loaded.data)
        model, _ = validate_data(models.Progress, loaded.data, ref.path)
        if record is None:
            continue
        read_fast += 1
        assert model is not None, ref.path
        assert dataclasses.asdict(record) == model.model_dump(), ref.path
        # the same rules, the same answer
        for today in (None, model.submitted_on):
            by_model = check_progress(model, loaded.data, ref, view, today=today)
            by_record = check_progress(record, loaded.data, ref, view, today=today)
            assert by_record == by_model, ref.path
    assert read_fast, "the reader read none of this workspace's files"


def test_the_bundled_files_are_all_read_fast():
    """Clerks' files as written (data/): none needs the models to be read."""
    refs, _ = list_progress_files(Workspace(REPO))
    for ref in refs:
        assert reader.read_progress(load_yaml_bytes(ref.path, None).data) is not None, ref.path


# --- generated files: in the forms clerks type, then with wrong values mixed in ----------

# (values the models take, values they refuse or take only by coercion)
DATES = (["10/11/2024", "2024-11-10", "1/2/2024", "10.11.2024", None],
         ["31/02/2024", " 10/11/2024", "2024", "", "abc", True])  # fmt: skip
MONEY = (["150.000.000", "150000000", "150.000.000 đồng", "0", None],
         ["1,5", "-5", "1.5", "12,0", "9999999999999999", "", True])  # fmt: skip
PERCENT = (["60", "60%", "0", "100", " 60 "], ["101", "-1", "60,5", "sáu mươi", "", None])
DECIMAL = (["62,8", "-2,5", "+3", "1.234,5", "45,2%"], ["62.8", "nhiều", "", None, True])
TEXT = (["Lập hồ sơ", "  Lập hồ sơ  "], ["", "   ", None, True])
STATUS = (["not_started", "in_progress", "done", "delayed", "cancelled"], ["Done", "xong", None])
YEAR = (["2024", "2023"], ["02024", "1999", "2.024", " 2024", "2201", None, True])
FLAG = ([True, False], ["true", "yes", None])
UNIT = (["qlkh", "khtc"], ["QLKH", " qlkh", "q_l", "", None])
TASK_ID = (["1", "2.1", "2.10", "1.2.3"], [" 2.1", "a"])
STRING = (["kết quả", "", "  có khoảng trắng  ", None], [True])


def _progress_files(mixed: bool) -> st.SearchStrategy[dict[str, Any]]:
    """Progress files in the clerks' forms; with `mixed`, wrong values, missing required
    keys and unknown keys mixed in."""

    def rarely(usual: Any, wrong: Any) -> Any:
        """`wrong` one time in twenty: most generated files are then one or two mistakes
        away from valid, where a reader that reads too much would show."""
        if not mixed:
            return usual
        return st.integers(0, 19).flatmap(lambda n: wrong if n == 0 else usual)

    def value(choices: tuple[list[Any], list[Any]], optional: bool = False) -> Any:
        good = [v for v in choices[0] if optional or v is not None]
        return rarely(st.sampled_from(good), st.sampled_from(choices[1]))

    def mapping(keys: dict[str, Any], required: tuple[str, ...]) -> Any:
        optional = {key: keys[key] for key in keys if key not in required}
        if mixed:
            optional["khac"] = rarely(st.nothing(), st.just("x"))
        base = st.fixed_dictionaries({key: keys[key] for key in required}, optional=optional)
        if not mixed:
            return base

        def one_left_out(drawn: dict[str, Any]) -> Any:
            short = [{k: v for k, v in drawn.items() if k != key} for key in required]
            return rarely(st.just(drawn), st.sampled_from([drawn, *short]))

        return base.flatmap(one_left_out)

    def items(strategy: Any, size: int, wrong: Any) -> Any:
        return rarely(st.lists(strategy, max_size=size), wrong)

    budget = mapping({"planned": value(MONEY, True), "spent": value(MONEY, True)}, ())
    activity = mapping(
        {
            "title": value(TEXT),
            "status": value(STATUS),
            "start": value(DATES, True),
            "due": value(DATES, True),
            "finished_on": value(DATES, True),
            "budget": rarely(st.one_of(budget, st.none()), st.just("nhiều")),
            "result": value(STRING, True),
        },
        ("title", "status"),
    )
    difficulty = mapping(
        {"text": value(TEXT), "raised_on": value(DATES, True), "resolved": value(FLAG)},
        ("text",),
    )
    task = mapping(
        {
            "status": value(STATUS),
            "progress": value(PERCENT),
            "activities": items(activity, 3, st.none()),
            "results": value(STRING, True),
            "difficulties": items(difficulty, 2, st.none()),
            "proposals": items(value(TEXT), 2, st.just("một đề xuất")),
            "next_year": items(value(TEXT), 2, st.none()),
        },
        ("status", "progress"),
    )
    indicator = mapping(
        {"value": value(DECIMAL), "source": value(TEXT, True), "note": value(STRING, True)},
        ("value",),
    )
    return mapping(
        {
            "schema_version": value((["1"], ["2", "một", None])),
            "unit": value(UNIT),
            "year": value(YEAR),
            "submitted_on": value(DATES, True),
            "prepared_by": value(TEXT, True),
            "tasks": st.dictionaries(value(TASK_ID), task, max_size=3),
            "indicators": st.dictionaries(value(UNIT), indicator, max_size=2),
        },
        ("schema_version", "unit", "year"),
    )


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_progress_files(mixed=True))
def test_read_only_what_the_models_take_and_as_they_take_it(data: dict[str, Any]):
    record = reader.read_progress(data)
    if record is not None:
        model = _model_or_none(data)
        assert model is not None
        assert dataclasses.asdict(record) == model.model_dump()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_progress_files(mixed=False))
def test_files_in_the_clerks_forms_are_read_as_the_models_read_them(data: dict[str, Any]):
    """Not a reader that gives up on everything: what clerks write is read, and held as the
    models hold it."""
    model = _model_or_none(data)
    assert model is not None  # the generator writes only valid files here
    record = reader.read_progress(data)
    assert record is not None
    assert dataclasses.asdict(record) == model.model_dump()
