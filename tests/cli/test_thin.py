"""The CLI stays thin: a command parses options, calls the core and hands the result to
a renderer; formats come from the renderers' registry, not from an if-chain here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kehoach_cli.cli.options import StatusFormat
from kehoach_cli.status.render import FORMATS

CLI = Path(__file__).resolve().parents[2] / "src" / "kehoach_cli" / "cli"
SRC = CLI.parent
COMMAND_BODY_LINES = 32  # "~30 lines": parse options → call the core → render
FUNCTION_LINES = 60  # longer only with a "# long: <why>" comment just above the def


def _commands() -> list[tuple[str, ast.FunctionDef]]:
    """The functions cli/app.py (and the sub-apps) register as commands."""
    found = []
    for path in sorted(CLI.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        if "RootOption" not in source:
            continue
        for node in ast.parse(source).body:
            is_command = isinstance(node, ast.FunctionDef) and any(
                isinstance(a.annotation, ast.Name) and a.annotation.id == "RootOption"
                for a in node.args.args
            )
            if is_command:
                found.append((f"{path.name}:{node.name}", node))
    return found


COMMANDS = _commands()


def test_every_command_was_found():
    names = {name.split(":")[1] for name, _ in COMMANDS}
    assert {"status", "report", "validate", "new", "check", "render"} <= names


@pytest.mark.parametrize(("name", "node"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_commands_are_short(name: str, node: ast.FunctionDef):
    body = node.end_lineno - node.body[0].lineno + 1
    assert body <= COMMAND_BODY_LINES, f"{name}: {body} lines after its signature"


def _has_reason(lines: list[str], def_index: int) -> bool:
    """A '# long: …' comment in the comment lines right above the def."""
    index = def_index - 1
    while index >= 0 and lines[index].strip().startswith("#"):
        if lines[index].strip().startswith("# long:"):
            return True
        index -= 1
    return False


def test_no_function_is_long_without_a_reason():
    long = []
    for path in sorted(SRC.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(ast.parse("\n".join(lines))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                size = node.end_lineno - node.lineno + 1
                if size > FUNCTION_LINES and not _has_reason(lines, node.lineno - 1):
                    long.append(f"{path.relative_to(SRC)}:{node.lineno} {node.name} ({size})")
    assert not long, "functions over 60 lines without a '# long:' reason:\n" + "\n".join(long)


def test_status_formats_are_the_registry():
    assert [f.value for f in StatusFormat] == list(FORMATS)


def test_commands_never_choose_a_format_themselves():
    source = (CLI / "status.py").read_text(encoding="utf-8")
    assert 'chosen == "' not in source and "render_csv" not in source
