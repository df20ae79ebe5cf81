"""Every test here gets its own machine secret for the validation cache (never the real
~/.cache/kehoach) and runs as outside CI, whatever the environment says."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach_cli.checks import progress_rules as rules_module
from kehoach_cli.checks import run as run_module


@pytest.fixture(autouse=True)
def _outside_ci_with_a_private_secret(private_cache_secret: Path) -> Path:
    return private_cache_secret  # tests/conftest.py


@pytest.fixture
def rechecked(monkeypatch) -> list[str]:
    """The progress files actually loaded and checked (not served from the cache): through
    the models (checks/run.py), or read without them (checks/validation.py's fast path,
    which calls the rules module's check_progress)."""
    seen: list[str] = []
    original = run_module.check_progress_file
    original_rules = rules_module.check_progress

    def counting(ref, *args, **kwargs):
        seen.append(f"{ref.year}/{ref.unit}")
        return original(ref, *args, **kwargs)

    def counting_rules(progress, data, ref, *args, **kwargs):
        seen.append(f"{ref.year}/{ref.unit}")
        return original_rules(progress, data, ref, *args, **kwargs)

    monkeypatch.setattr(run_module, "check_progress_file", counting)
    monkeypatch.setattr(rules_module, "check_progress", counting_rules)
    return seen
