"""Every test here gets its own machine secret for the validation cache (never the real
~/.cache/kehoach) and runs as outside CI, whatever the environment says."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _outside_ci_with_a_private_secret(private_cache_secret: Path) -> Path:
    return private_cache_secret  # tests/conftest.py
