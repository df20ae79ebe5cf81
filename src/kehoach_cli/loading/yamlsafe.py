"""YAML → plain Python values that remember where they came from.

We drive the YAML parser event by event (libyaml when present) and build the values
ourselves, because PyYAML's own constructors are what the traps in docs/pitfalls.md come
from: YAML 1.1 implicit typing (task `2.10` → 2.1, `no` → False), duplicate keys
silently merged, aliases expanded into bombs, tags that build Python objects.

Here every plain scalar stays a string except null/true/false; quoted scalars are always
strings; anchors, aliases, merge keys, tags and a second document are rejected; duplicate
keys are reported with both lines; nesting is capped. Building iteratively means no input
can exhaust the Python stack.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from kehoach_cli.diagnostics import Issue, Position, make_issue
from kehoach_cli.loading.text import FORBIDDEN

# libyaml is about five times faster; the pure-Python parser gives the same events. Only
# their events are used (get_event), so the public CBaseLoader stands for libyaml's parser.
if getattr(yaml, "__with_libyaml__", False):

    def _make_parser(text: str) -> Any:
        return yaml.CBaseLoader(text)

    HAS_LIBYAML = True
else:  # pragma: no cover - depends on how PyYAML was built
    HAS_LIBYAML = False

    def _make_parser(text: str) -> Any:
        return yaml.SafeLoader(text)


MAX_DEPTH = 64
_SCALAR_ROOT = "chỉ có một giá trị"  # every kehoach file is a mapping; a lone value is not

_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


class PositionedDict(dict):  # type: ignore[type-arg]
    """A mapping that knows where it, each key and each value start in the file.

    Positions are kept as the parser's marks and turned into 1-based Positions only when
    asked for: most values are never reported, and this is the loader's hot path.
    """

    __slots__ = ("key_marks", "mark", "value_marks")

    def __init__(self, mark: Any) -> None:
        super().__init__()
        self.mark = mark
        self.key_marks: dict[str, Any] = {}
        self.value_marks: dict[str, Any] = {}

    @property
    def start(self) -> Position:
        return _pos(self.mark)


class PositionedList(list):  # type: ignore[type-arg]
    """A sequence that knows where it and each item start in the file."""

    __slots__ = ("item_marks", "mark")

    def __init__(self, mark: Any) -> None:
        super().__init__()
        self.mark = mark
        self.item_marks: list[Any] = []

    @property
    def start(self) -> Position:
        return _pos(self.mark)


class YamlError(Exception):
    """The file is not usable YAML; `issues` says where and why (at least one)."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__(issues[0].message)
        self.issues = issues


def _pos(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def parse_yaml(text: str, path: Path, max_depth: int = MAX_DEPTH) -> tuple[Any, list[Issue]]:
    """Parse one YAML document. Returns (value, duplicate-key issues) or raises YamlError.

    Duplicate keys do not stop parsing (the first value is kept) so that every duplicate
    in the file is reported in one run.
    """
    parser = _make_parser(text)
    try:
        return _build(parser, path, max_depth)
    except yaml.MarkedYAMLError as error:
        raise YamlError([_syntax_issue(error, path, text, max_depth)]) from None
    except yaml.YAMLError as error:
        raise YamlError([make_issue("KH005", path, detail=str(error), advice="")]) from None
    finally:
        parser.dispose()


# long: the event loop every file of every command goes through, one branch per event
# kind, with lookups hoisted into locals: a function call per event would cost more than
# the branch it replaces.
def _build(parser: Any, path: Path, max_depth: int) -> tuple[Any, list[Issue]]:
    duplicates: list[Issue] = []
    # Each frame: [container, pending key or None, key mark, container mark]
    stack: list[list[Any]] = []
    root: Any = None
    root_mark: Any = None  # where a document that is a single scalar starts
    seen_document = False
    get_event = parser.get_event
    scalar_event, mapping_start, sequence_start = (
        yaml.ScalarEvent,
        yaml.MappingStartEvent,
        yaml.SequenceStartEvent,
    )
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    nulls, booleans, forbidden = _NULLS, _BOOLS, FORBIDDEN.search
    while True:
        event = get_event()
        kind = type(event)
        if kind is scalar_event:
            if event.anchor is not None or event.tag is not None:
                raise YamlError([_tag_or_anchor_issue(event, path)])
            value = event.value
            if event.style == '"' and forbidden(value):  # made by an escape: "\e", "\0"…
                raise YamlError([_escaped_control(event, path)])
            if event.implicit[0]:  # plain (unquoted): only null and booleans are typed
                if value in nulls:
                    value = None
                elif value in booleans:
                    value = booleans[value]
            if not stack:
                root, root_mark = value, event.start_mark
                continue
            frame = stack[-1]
            container = frame[0]
            if type(container) is PositionedList:
                container.append(value)
                container.item_marks.append(event.start_mark)
            elif frame[1] is None:  # this scalar is a key: keep the text as typed
                key = event.value
                if key == "<<" and event.implicit[0]:
                    raise YamlError([make_issue("KH009", path, _pos(event.start_mark))])
                frame[1] = key
                frame[2] = event.start_mark
            else:
                _put(container, frame, value, event.start_mark, path, duplicates)
        elif kind is mapping_start or kind is sequence_start:
            mark = event.start_mark
            if event.anchor is not None or event.tag is not None:
                raise YamlError([_tag_or_anchor_issue(event, path)])
            if len(stack) >= max_depth:
                raise YamlError([make_issue("KH010", path, _pos(mark), limit=max_depth)])
            if stack and type(stack[-1][0]) is PositionedDict and stack[-1][1] is None:
                raise YamlError([make_issue("KH013", path, _pos(mark))])
            new: Any = PositionedDict(mark) if kind is mapping_start else PositionedList(mark)
            stack.append([new, None, None, mark])
        elif kind is mapping_end or kind is sequence_end:
            finished, _, _, mark = stack.pop()
            if not stack:
                root = finished
                continue
            frame = stack[-1]
            container = frame[0]
            if type(container) is PositionedList:
                container.append(finished)
                container.item_marks.append(mark)
            else:
                _put(container, frame, finished, mark, path, duplicates)
        elif kind is yaml.AliasEvent:
            raise YamlError(
                [make_issue("KH007", path, _pos(event.start_mark), what="*" + event.anchor)]
            )
        elif kind is yaml.DocumentStartEvent:
            if seen_document:
                raise YamlError([make_issue("KH011", path, _pos(event.start_mark))])
            seen_document = True
        elif kind is yaml.StreamEndEvent:
            if root_mark is not None and root is not None:  # `xin chào` alone: say where
                raise YamlError([make_issue("KH012", path, _pos(root_mark), what=_SCALAR_ROOT)])
            return root, duplicates
        # StreamStart and DocumentEnd carry nothing we need.


def _escaped_control(event: Any, path: Path) -> Issue:
    """KH004 for a control character that a double-quoted escape wrote: the same refusal
    as for one typed raw (loading/text.py), at the value that holds it."""
    bad = FORBIDDEN.search(event.value)
    char = f"U+{ord(bad.group()):04X}" if bad else "?"
    return make_issue("KH004", path, _pos(event.start_mark), char=char)


def _tag_or_anchor_issue(event: Any, path: Path) -> Issue:
    position = _pos(event.start_mark)
    if event.anchor is not None:
        return make_issue("KH007", path, position, what="&" + event.anchor)
    return make_issue("KH008", path, position, tag=_short(event.tag))


def _put(
    mapping: PositionedDict,
    frame: list[Any],
    value: Any,
    mark: Any,
    path: Path,
    duplicates: list[Issue],
) -> None:
    key, key_mark = frame[1], frame[2]
    frame[1] = None
    if key in mapping:
        first = mapping.key_marks[key]
        where = (  # `{a: 1, a: 2}` repeats a key on one line: the column tells them apart
            f"cột {first.column + 1} cùng dòng"
            if first.line == key_mark.line
            else f"dòng {first.line + 1}"
        )
        duplicates.append(make_issue("KH006", path, _pos(key_mark), key=key, first=where))
        return
    mapping[key] = value
    mapping.key_marks[key] = key_mark
    mapping.value_marks[key] = mark


def _short(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!", 1)


_PROBLEMS = {
    "found character '\\t' that cannot start any token": (
        "có ký tự Tab ở đầu dòng",
        "YAML chỉ cho thụt lề bằng dấu cách: thay Tab bằng dấu cách.",
    ),
    "mapping values are not allowed in this context": (
        "có dấu ':' không đúng chỗ",
        "Nếu văn bản có dấu ':', đặt cả giá trị trong dấu nháy kép \"...\".",
    ),
    "did not find expected ',' or ']'": (
        "danh sách trong ngoặc vuông chưa đóng hoặc thiếu dấu phẩy",
        "Kiểm tra cặp [ ] và dấu phẩy giữa các mục.",
    ),
    "did not find expected ',' or '}'": (
        "bảng trong ngoặc nhọn chưa đóng hoặc thiếu dấu phẩy",
        "Kiểm tra cặp { } và dấu phẩy giữa các mục.",
    ),
    "found character that cannot start any token": (
        "có ký tự không được đứng đầu giá trị (như @ hoặc `)",
        'Đặt giá trị trong dấu nháy kép "...".',
    ),
    "found unknown escape character": (
        "dấu \\ trong chuỗi nháy kép tạo thành ký tự thoát không hợp lệ",
        "Dùng dấu nháy đơn '...' cho văn bản có dấu \\, hoặc viết \\\\.",
    ),
    "did not find expected alphabetic or numeric character": (
        "dấu & hoặc * không theo sau bởi tên",
        'Đặt văn bản có dấu & hoặc * trong dấu nháy kép "...".',
    ),
    "did not find expected node content": (
        "thiếu giá trị ở chỗ này",
        "Kiểm tra dòng này và dòng trên; xóa các dấu '...' hay '---' thừa.",
    ),
    "found duplicate %YAML directive": (
        "chỉ thị %YAML bị lặp",
        "Xóa các dòng bắt đầu bằng '%' ở đầu tệp.",
    ),
    "mapping values are not allowed here": (
        "có dấu ':' không đúng chỗ",
        "Nếu văn bản có dấu ':', đặt cả giá trị trong dấu nháy kép \"...\".",
    ),
    "could not find expected ':'": (
        "thiếu dấu ':' sau tên khóa",
        "Mỗi dòng dạng 'khóa: giá trị'; kiểm tra thụt lề của dòng này và dòng trên.",
    ),
    "did not find expected key": (
        "thụt lề không khớp với các dòng cùng cấp",
        "Các khóa cùng cấp phải thẳng cột; danh sách bắt đầu bằng '- '.",
    ),
    "did not find expected '-' indicator": (
        "danh sách thụt lề không đều",
        "Các mục '- ' của một danh sách phải thẳng cột.",
    ),
    "found unexpected end of stream": (
        "tệp kết thúc giữa chừng (thiếu dấu nháy hoặc ngoặc đóng)",
        "Kiểm tra các dấu \" ' [ { đã được đóng.",
    ),
    "found undefined tag handle": ("thẻ YAML không xác định", "Xóa thẻ bắt đầu bằng '!'."),
    "block sequence entries are not allowed here": (
        "mục danh sách '- ' không đúng chỗ",
        "Đặt danh sách xuống dòng dưới khóa của nó và thụt lề.",
    ),
    "found a tab character that violates indentation": (
        "có ký tự Tab trong thụt lề",
        "YAML chỉ cho thụt lề bằng dấu cách: thay Tab bằng dấu cách.",
    ),
    "found a tab character where an indentation space is expected": (
        "có ký tự Tab trong thụt lề",
        "YAML chỉ cho thụt lề bằng dấu cách: thay Tab bằng dấu cách.",
    ),
}


def _syntax_issue(error: yaml.MarkedYAMLError, path: Path, text: str, max_depth: int) -> Issue:
    mark = error.problem_mark or error.context_mark
    position = _pos(mark) if mark is not None else None
    problem = (error.problem or "").strip()
    if "nesting depth" in problem:  # libyaml's own guard, met before ours on flow collections
        return make_issue("KH010", path, position, limit=max_depth)
    if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        problem = "found a tab character that violates indentation"  # libyaml does not say "tab"
    detail, hint = _PROBLEMS.get(
        problem, (problem or "không đọc được", "Kiểm tra thụt lề và dấu ':' ở dòng này.")
    )
    return make_issue("KH005", path, position, detail=detail, advice=hint)


def locate(value: Any, loc: tuple[str | int, ...], *, at_key: bool = False) -> Position | None:
    """Position of the value at `loc` (keys and list indexes), or of the nearest known parent.

    With `at_key`, point at the last key itself (for an unknown key) instead of its value.
    """
    best = getattr(value, "mark", None)
    current = value
    for depth, step in enumerate(loc):
        last = depth == len(loc) - 1
        if type(current) is PositionedDict and isinstance(step, str) and step in current:
            marks = current.key_marks if (last and at_key) else current.value_marks
            best = marks[step]
            current = current[step]
        elif type(current) is PositionedList and isinstance(step, int) and 0 <= step < len(current):
            best = current.item_marks[step]
            current = current[step]
        else:
            break
    return _pos(best) if best is not None else None
