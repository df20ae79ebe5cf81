"""Every test here gets its own machine secret for the validation cache (never the real
~/.cache/kehoach) and runs as outside CI, whatever the environment says."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def private_cache_secret(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> Path:
    home = tmp_path_factory.mktemp("xdg-cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    for name in ("CI", "KEHOACH_CACHE", "KEHOACH_WORKERS"):
        monkeypatch.delenv(name, raising=False)
    return home / "kehoach" / "secret"
