"""LibreOffice Calc, headless, as a clerk's spreadsheet: open files and save them as .xlsx."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_calc = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui",
)


def through_calc(
    sources: list[Path], out: Path, profile: Path, infilter: str | None = None
) -> list[Path]:
    """Each of `sources` opened by Calc and saved as .xlsx into `out` (same names), with a
    profile of its own (a private user installation: no settings of the machine's user)."""
    assert SOFFICE is not None
    command = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless"]
    if infilter is not None:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", "xlsx", "--outdir", str(out), *map(str, sources)]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    saved = [out / source.with_suffix(".xlsx").name for source in sources]
    assert all(path.is_file() for path in saved), saved
    return saved
