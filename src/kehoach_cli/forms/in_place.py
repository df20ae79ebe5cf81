"""The unit's YAML file updated in place from a form: the values the form changed, and
nothing else. Comments, key order, quoting and the way each value is written (70%,
150.000.000, 04/03/2024) stay as the file has them wherever the value is the same.

Values are compared as the model reads them (the file's '70%' and the form's 70 are the
same progress), so a form that changed nothing changes no byte. The file is read with
ruamel.yaml's round-trip loader, which builds only plain maps, lists and scalars (no
object from a tag); the file was checked with the project's safe loader before.
"""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from kehoach_cli.model.progress import Activity, Budget, IndicatorValue, Progress, TaskReport

# Indentations tried, most usual first (`kehoach new` writes the first): the one under
# which the untouched file comes back byte for byte is the file's own.
_INDENTS = ((2, 4, 2), (2, 2, 0), (2, 2, 2), (4, 4, 2), (4, 6, 4), (4, 4, 0))
_WIDTH = 1 << 16  # never fold a long line the file did not fold


def _yaml(indent: tuple[int, int, int]) -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.preserve_quotes = True
    yaml.width = _WIDTH
    yaml.allow_unicode = True
    mapping, sequence, offset = indent
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def _dump(yaml: YAML, document: Any) -> str:
    stream = io.StringIO()
    yaml.dump(document, stream)
    return stream.getvalue()


def _loaded(text: str) -> tuple[YAML, Any]:
    for indent in _INDENTS:
        yaml = _yaml(indent)
        document = yaml.load(text)
        if _dump(yaml, document) == text:
            return yaml, document
    yaml = _yaml(_INDENTS[0])  # laid out otherwise: written as `kehoach new` writes
    return yaml, yaml.load(text)


def updated_text(
    text: str,
    old: Progress,
    new: Progress,
    new_data: dict[str, Any],
    task_ids: list[str],
    indicator_ids: list[str],
) -> str:
    """`text` (the file, read as `old`) with what `new` (the form, `new_data` as loaded
    from its YAML) says differently; `task_ids` and `indicator_ids`: the rows the form has
    (a task or indicator the form does not show is left as the file has it)."""
    if _same_report(old, new, task_ids, indicator_ids):
        return text
    yaml, document = _loaded(text)
    if not isinstance(document, CommentedMap):
        raise ValueError("not a mapping")
    for key in ("submitted_on", "prepared_by"):
        _field(document, key, getattr(old, key), getattr(new, key), new_data.get(key))
    new_tasks = new_data.get("tasks") or {}
    tasks = _child_map(document, "tasks")
    for task_id in task_ids:
        _task(tasks, task_id, old.tasks.get(task_id), new.tasks.get(task_id), new_tasks)
    new_indicators = new_data.get("indicators") or {}
    had_indicators = "indicators" in document
    indicators = _child_map(document, "indicators")
    for indicator_id in indicator_ids:
        was, now = old.indicators.get(indicator_id), new.indicators.get(indicator_id)
        _indicator(indicators, indicator_id, was, now, new_indicators)
    if not indicators and not had_indicators:
        del document["indicators"]
    return _dump(yaml, document)


def _same_report(old: Progress, new: Progress, tasks: list[str], indicators: list[str]) -> bool:
    if (old.submitted_on, old.prepared_by) != (new.submitted_on, new.prepared_by):
        return False
    if any(old.tasks.get(t) != new.tasks.get(t) for t in tasks):
        return False
    return all(old.indicators.get(i) == new.indicators.get(i) for i in indicators)


def _child_map(parent: CommentedMap, key: str) -> CommentedMap:
    child = parent.get(key)
    if not isinstance(child, CommentedMap):
        child = CommentedMap()
        parent[key] = child
    return child


def _key(mapping: CommentedMap, wanted: str) -> Any:
    """The key as the file writes it: '2.1' may be written 2.1 (a number) there."""
    for key in mapping:
        if str(key) == wanted:
            return key
    return None


def _empty(raw: Any) -> bool:
    return raw is None or raw == [] or raw == {} or raw == ""


def _field(node: CommentedMap, key: str, old: Any, new: Any, raw: Any) -> None:
    if old == new:
        return
    if _empty(raw):
        node.pop(key, None)
    else:
        node[key] = _fresh(raw, key)


def _task(
    tasks: CommentedMap,
    task_id: str,
    old: TaskReport | None,
    new: TaskReport | None,
    raw_tasks: dict[str, Any],
) -> None:
    if old == new:
        return
    key = _key(tasks, task_id)
    if new is None:  # the form's row emptied: the unit no longer reports on the task
        if key is not None:
            del tasks[key]
        return
    node = tasks.get(key) if key is not None else None
    raw = raw_tasks[task_id]
    if old is None or not isinstance(node, CommentedMap):
        tasks[key if key is not None else DoubleQuotedScalarString(task_id)] = _fresh(raw)
        return
    for name in TaskReport.model_fields:
        before, after = getattr(old, name), getattr(new, name)
        if name == "activities" and _activities(node, before, after, raw["activities"]):
            continue
        _field(node, name, before, after, raw.get(name))


def _activities(
    task: CommentedMap, old: list[Activity], new: list[Activity], raw: list[Any]
) -> bool:
    """Row by row (the form keeps the file's order): a changed row changes its values; rows
    added at the end are appended, rows removed at the end are removed. False when the
    file's list is not there to update (then it is written whole)."""
    items = task.get("activities")
    if old == new or not isinstance(items, CommentedSeq) or len(items) != len(old):
        return old == new
    for number in range(min(len(old), len(new))):
        _activity(items[number], old[number], new[number], raw[number])
    del items[len(new) :]
    items.extend(_fresh(item) for item in raw[len(old) :])
    return True


def _activity(node: Any, old: Activity, new: Activity, raw: dict[str, Any]) -> None:
    if old == new:
        return
    if not isinstance(node, CommentedMap):
        return
    for name in Activity.model_fields:
        before, after = getattr(old, name), getattr(new, name)
        child = node.get("budget")
        if name == "budget" and before and after and isinstance(child, CommentedMap):
            for part in Budget.model_fields:
                value = (raw.get("budget") or {}).get(part)
                _field(child, part, getattr(before, part), getattr(after, part), value)
            continue
        _field(node, name, before, after, raw.get(name))


def _indicator(
    indicators: CommentedMap,
    indicator_id: str,
    old: IndicatorValue | None,
    new: IndicatorValue | None,
    raw_indicators: dict[str, Any],
) -> None:
    if old == new:
        return
    key = _key(indicators, indicator_id)
    node = indicators.get(key) if key is not None else None
    if new is None:
        if key is not None:
            del indicators[key]
        return
    raw = raw_indicators[indicator_id]
    if old is None or not isinstance(node, CommentedMap):
        indicators[key if key is not None else indicator_id] = _fresh(raw)
        return
    for name in IndicatorValue.model_fields:
        _field(node, name, getattr(old, name), getattr(new, name), raw.get(name))


def _fresh(raw: Any, key: str = "") -> Any:
    """A new entry as the form's YAML says it, less the empty keys (`activities: []`), a
    budget on one line as `kehoach new` writes it."""
    if isinstance(raw, dict):
        mapping = CommentedMap(
            (name, _fresh(value, name)) for name, value in raw.items() if not _empty(value)
        )
        if key == "budget":
            mapping.fa.set_flow_style()
        return mapping
    if isinstance(raw, list):
        return CommentedSeq(_fresh(item) for item in raw)
    return raw
