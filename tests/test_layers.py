"""Layers point one way: cli → renderers (report / status / dashboard), scaffold, forms and
planimport → facts → checks → loading, model → diagnostics → the small base modules. A module
that imports upwards fails here; the renderers never import each other (the report reads facts, never status rows)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "kehoach_cli"
BASE = {
    "formatting",
    "atomic",
    "os_errors",
    "errors",
    "gitrepo",
    "sheets",
    "__init__",
}  # depend on nothing of ours

ALLOWED = {
    "cli": {
        "cli",
        "report",
        "status",
        "dashboard",
        "scaffold",
        "forms",
        "planimport",
        "facts",
        "checks",
        "loading",
        "model",
        "diagnostics",
    },
    "report": {"report", "facts", "checks", "loading", "model", "diagnostics"},
    "status": {"status", "facts", "model", "diagnostics"},
    "dashboard": {"dashboard", "facts", "model", "diagnostics"},
    "forms": {"forms", "facts", "checks", "loading", "model", "diagnostics"},
    # `plan import` reads a document into a draft plan, checked as validate checks it
    "planimport": {"planimport", "checks", "loading", "model", "diagnostics"},
    "facts": {"facts", "checks", "loading", "model", "diagnostics"},
    "scaffold": {"scaffold", "checks", "loading", "model", "diagnostics"},
    "checks": {"checks", "loading", "model", "diagnostics"},
    "loading": {"loading", "diagnostics"},
    "model": {"model", "diagnostics"},
    "diagnostics": {"diagnostics"},
    **{name: set() for name in BASE},
}


def imported_parts(source: Path) -> set[str]:
    """The first component under kehoach_cli of everything `source` imports."""
    parts = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = (
                [node.module]
                if node.module != "kehoach_cli"
                else [f"kehoach_cli.{alias.name}" for alias in node.names]
            )
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        parts |= {_part(name) for name in names if name.startswith("kehoach_cli.")}
    return parts


def _part(name: str) -> str:
    """'kehoach_cli.checks.run' → 'checks'; a plain name such as __version__ → '__init__'."""
    part = name.split(".")[1]
    is_module = (PACKAGE / part).is_dir() or (PACKAGE / f"{part}.py").is_file()
    return part if is_module else "__init__"


def layer_of(module: Path) -> str:
    relative = module.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if layer_of(p) != "__main__")


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_imports_point_down(module: Path):
    layer = layer_of(module)
    upward = imported_parts(module) - ALLOWED[layer] - BASE
    assert not upward, f"{layer} must not import {sorted(upward)}"


def test_every_layer_is_known():
    assert {layer_of(module) for module in MODULES} <= set(ALLOWED)
