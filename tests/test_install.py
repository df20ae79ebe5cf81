"""The release artefacts work on their own: the sdist's tests pass, the wheel runs every command.

Offline, and slow-ish (about 12 s in all, half of it in the tests run from the sdist):

1. the sdist is built by setuptools' own PEP 517 backend (what `python -m build --sdist
   --no-isolation` calls) from a copy of this checkout, so that nothing is written into it;
2. the wheel is built from the *unpacked sdist* (`pip wheel --no-build-isolation`), as
   `python -m build` does;
3. a real subset of the tests runs from the unpacked sdist, its `src` first on PYTHONPATH;
4. the wheel is installed without its dependencies into a fresh virtual environment, which
   borrows the already-installed dependencies through PYTHONPATH (.pth files there are not
   processed, so the editable checkout cannot leak in), and its `kehoach` script runs every
   command on the bundled data from an empty folder.

.ci/run also does a full `pip install .` with dependencies.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

import kehoach_cli
from tests.conftest import REPO

# One worker builds the artefacts once for every test here (pyproject: --dist loadgroup).
pytestmark = pytest.mark.xdist_group("release-artefacts")

# What the tests read besides themselves: they must be in the sdist.
NEEDED_IN_SDIST = [
    "LICENSE",
    "README.md",
    "CHANGELOG.md",
    ".pre-commit-hooks.yaml",
    "pyproject.toml",
    "tests/conftest.py",
    "tests/fixtures/plan-document.txt",
    "data/plan.yaml",
    "data/progress/2024/qlkh.yaml",
    "examples/huyen-chuyen-doi-so/data/plan.yaml",
    "templates/bao-cao.docx",
    "schemas/plan.schema.json",
    "schemas/progress.schema.json",
    "docs/huong-dan.md",
    "src/kehoach_cli/py.typed",
    "setup.py",
]
# Not release material: the copy the sdist is built from leaves these out.
NOT_COPIED = shutil.ignore_patterns(
    ".git",
    ".venv",
    "venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".mypy_cache",
    ".hypothesis",
    ".kehoach-cache",
    "bao-cao-*.docx",
)


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


def clean_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "NO_COLOR": "1", **extra}
    for name in ("KEHOACH_ROOT", "PYTHONPATH", "PYTEST_ADDOPTS"):
        if name not in extra:
            env.pop(name, None)
    return env


@dataclass
class Artefacts:
    sdist: Path
    unpacked: Path  # the sdist's top folder, kehoach-<version>/
    wheel: Path


def unpack_sdist(sdist: Path, target: Path) -> None:
    """Regular files and folders only, each inside `target`. Not extractall(filter=…):
    the filter argument came with Python 3.11.4, and Debian 12's python3 is 3.11.2."""
    with tarfile.open(sdist) as archive:
        for member in archive.getmembers():
            path = (target / member.name).resolve()
            assert path.is_relative_to(target.resolve()), member.name
            if member.isdir():
                path.mkdir(parents=True, exist_ok=True)
                continue
            assert member.isfile(), f"{member.name}: not a regular file in the sdist"
            path.parent.mkdir(parents=True, exist_ok=True)
            source = archive.extractfile(member)
            assert source is not None
            path.write_bytes(source.read())


@pytest.fixture(scope="module")
def artefacts(tmp_path_factory: pytest.TempPathFactory) -> Artefacts:
    base = tmp_path_factory.mktemp("release")
    checkout = base / "checkout"
    shutil.copytree(REPO, checkout, ignore=NOT_COPIED)

    dist = base / "dist"
    dist.mkdir()
    built = run(
        sys.executable,
        "-c",
        "import sys; from setuptools import build_meta; print(build_meta.build_sdist(sys.argv[1]))",
        dist,
        cwd=checkout,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    sdist = dist / built.stdout.strip().splitlines()[-1]
    assert sdist.name == f"kehoach-{kehoach_cli.__version__}.tar.gz"

    unpack_sdist(sdist, base / "unpacked")
    [unpacked] = (base / "unpacked").iterdir()

    wheels = base / "wheels"
    built = run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "--no-index",
        "-q",
        "-w",
        wheels,
        unpacked,
        cwd=base,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    [wheel] = wheels.glob("kehoach-*.whl")
    return Artefacts(sdist=sdist, unpacked=unpacked, wheel=wheel)


def test_sdist_carries_the_license_and_what_the_tests_read(artefacts: Artefacts):
    with tarfile.open(artefacts.sdist) as archive:
        top = artefacts.unpacked.name
        names = {name.removeprefix(f"{top}/") for name in archive.getnames()}
        info = archive.extractfile(f"{top}/PKG-INFO")
        assert info is not None
        metadata = info.read().decode("utf-8")
    missing = [name for name in NEEDED_IN_SDIST if name not in names]
    assert not missing, missing
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]
    assert "License-Expression: MIT" in metadata
    assert "License-File: LICENSE" in metadata
    assert "Classifier: License" not in metadata  # the SPDX expression says it once
    assert "Project-URL: " in metadata  # `pip show kehoach` lists them
    assert "Classifier: Natural Language :: Vietnamese" in metadata
    assert "Keywords: " in metadata
    assert "setup.py" in names  # the build step that puts the guide into the package


def test_the_wheel_carries_the_guide_and_its_metadata(artefacts: Artefacts):
    with zipfile.ZipFile(artefacts.wheel) as wheel:
        guide = wheel.read("kehoach_cli/resources/huong-dan.md")
        [metadata_name] = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = wheel.read(metadata_name).decode("utf-8")
    assert guide == (REPO / "docs/huong-dan.md").read_bytes()
    assert "Project-URL: " in metadata and "Classifier: Typing :: Typed" in metadata


def test_tests_pass_from_the_unpacked_sdist(artefacts: Artefacts):
    root = artefacts.unpacked
    env = clean_env(PYTHONPATH=str(root / "src"))
    where = run(
        sys.executable, "-c", "import kehoach_cli; print(kehoach_cli.__file__)", cwd=root, env=env
    )
    assert Path(where.stdout.strip()).is_relative_to(root), where.stdout + where.stderr
    result = run(
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "-n",
        "0",  # in this test's worker already: no workers of its own
        "tests/test_bundled_data.py",
        "tests/cli/test_report.py",
        "tests/cli/test_schema.py",
        cwd=root,
        env=env,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert " passed" in result.stdout and "error" not in result.stdout.splitlines()[-1]


def test_wheel_install_runs_every_command_from_an_empty_folder(
    artefacts: Artefacts, tmp_path: Path
):
    with zipfile.ZipFile(artefacts.wheel) as archive:
        names = archive.namelist()
        [metadata_name] = [n for n in names if n.endswith(".dist-info/METADATA")]
        metadata = archive.read(metadata_name).decode("utf-8")
    assert "License-Expression: MIT" in metadata
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names), names

    environment = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(environment)
    bin_dir = environment / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    # This environment's pip installs into the new one (pip >= 22.3): no ensurepip, no index.
    installed = run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        python,
        "install",
        "-q",
        "--no-index",
        "--no-deps",
        artefacts.wheel,
        cwd=tmp_path,
    )
    assert installed.returncode == 0, installed.stderr

    empty = tmp_path / "empty"
    empty.mkdir()
    env = clean_env(PYTHONPATH=sysconfig.get_paths()["purelib"])
    where = run(python, "-c", "import kehoach_cli; print(kehoach_cli.__file__)", cwd=empty, env=env)
    assert Path(where.stdout.strip()).is_relative_to(environment), where.stdout + where.stderr

    kehoach = bin_dir / "kehoach"

    def command(*args: str | Path) -> subprocess.CompletedProcess[str]:
        result = run(kehoach, *args, cwd=empty, env=env)
        assert result.returncode == 0, f"kehoach {args}: {result.stdout}{result.stderr}"
        return result

    assert kehoach_cli.__version__ in command("--version").stdout
    shown = Path(command("guide").stdout.strip())
    assert shown.is_relative_to(environment) and shown.name == "huong-dan.md"
    assert command("guide", "--print").stdout.startswith("# Hướng dẫn sử dụng kehoach")
    command("validate", "--root", REPO)
    status = command("status", "--year", "2024", "--as-of", "2024-12-31", "--root", REPO)
    assert "2.1" in status.stdout
    command("report", "--year", "2024", "--root", REPO)
    assert (empty / "bao-cao-2024.docx").stat().st_size > 20_000
    command("plan", "render", "-o", empty / "ke-hoach.docx", "--root", REPO)
    assert (empty / "ke-hoach.docx").stat().st_size > 20_000
    command("dashboard", "--year", "2024", "-o", empty / "dashboard.html", "--root", REPO)
    assert "<svg" in (empty / "dashboard.html").read_text(encoding="utf-8")
