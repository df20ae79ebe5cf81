"""A non-editable install runs from any folder: the template ships inside the package.

Offline and fast: the wheel is built from this checkout and installed without its
dependencies into a fresh virtual environment, which borrows the already-installed
dependencies through PYTHONPATH (.pth files there are not processed, so the editable
checkout cannot leak in). .ci/run also does a full `pip install .` with dependencies.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

from tests.conftest import REPO


def run(
    *args: str | Path, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_wheel_install_renders_the_report_from_an_empty_folder(tmp_path: Path):
    wheels = tmp_path / "wheels"
    built = run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "-q",
        "-w",
        wheels,
        REPO,
        cwd=tmp_path,
    )
    assert built.returncode == 0, built.stderr
    [wheel] = wheels.glob("kehoach-*.whl")

    environment = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(environment)
    python = environment / ("Scripts" if os.name == "nt" else "bin") / "python"
    installed = run(python, "-m", "pip", "install", "-q", "--no-deps", wheel, cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr

    empty = tmp_path / "empty"
    empty.mkdir()
    env = {**os.environ, "PYTHONPATH": sysconfig.get_paths()["purelib"], "NO_COLOR": "1"}
    env.pop("KEHOACH_ROOT", None)
    where = run(python, "-c", "import kehoach_cli; print(kehoach_cli.__file__)", cwd=empty, env=env)
    assert Path(where.stdout.strip()).is_relative_to(environment), where.stdout + where.stderr
    result = run(
        python, "-m", "kehoach_cli", "report", "--year", "2024", "--root", REPO, cwd=empty, env=env
    )
    assert result.returncode == 0, result.stderr
    assert (empty / "bao-cao-2024.docx").stat().st_size > 20_000
    plain = run(python, "-m", "kehoach_cli", "validate", "--root", REPO, cwd=empty, env=env)
    assert plain.returncode == 0, plain.stderr
