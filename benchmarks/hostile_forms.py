"""Run every hostile workbook (tests/forms/hostile_forms.py) through `kehoach import` from
the shell, each in a process of its own, and check the issue's bounds: a located error or
a clean import within 10 s and 512 MB (the process's peak resident memory).

    python benchmarks/hostile_forms.py

The Calc cases run when LibreOffice (soffice) is installed. Exit code 1 if a case breaks
a bound, ends in an unexpected error, or writes into the workspace when refused.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.forms.calc import SOFFICE, through_calc  # noqa: E402
from tests.forms.hostile_forms import CALC_CASES, CASES, FormCase  # noqa: E402
from tests.robustness.cases import snapshot  # noqa: E402

SECONDS = 10.0
MEGABYTES = 512
# The child reports its own peak resident memory (ru_maxrss, kB on Linux) when it ends.
RUNNER = (
    "import resource, sys\n"
    "from kehoach_cli.cli.entry import main\n"
    "code = main(sys.argv[1:])\n"
    "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "print(f'PEAK {peak}', file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def run_case(case: FormCase, base: bytes, root: Path) -> tuple[bool, str]:
    workspace = root / case.name
    shutil.copytree(REPO / "data", workspace / "data")
    hostile = root / f"{case.name}.xlsx"
    hostile.write_bytes(case.make(base))
    before = snapshot(workspace)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, "import", str(hostile)],
        cwd=workspace,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    seconds = time.perf_counter() - started
    peak = next(
        (
            int(line.split()[1]) // 1024
            for line in done.stderr.splitlines()
            if line.startswith("PEAK")
        ),
        -1,
    )
    first = next((line for line in done.stderr.splitlines() if line.strip()), "")
    if case.words:
        good = done.returncode == 1 and case.words in done.stderr and snapshot(workspace) == before
    else:
        good = done.returncode == 0
    good = good and seconds <= SECONDS and 0 < peak <= MEGABYTES
    good = good and "không mong đợi" not in done.stderr
    line = f"{'ok ' if good else 'BAD'} {case.name:26} exit {done.returncode}  {seconds:5.2f} s  {peak:4d} MB  {first[:90]}"
    return good, line


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shutil.copytree(REPO / "data", root / "base" / "data")
        subprocess.run(
            [
                sys.executable,
                "-m",
                "kehoach_cli",
                "form",
                "-u",
                "qlkh",
                "-y",
                "2024",
                "-o",
                "f.xlsx",
            ],
            cwd=root / "base",
            check=True,
            capture_output=True,
        )
        base = (root / "base" / "f.xlsx").read_bytes()
        results = [run_case(case, base, root) for case in CASES]
        if SOFFICE is not None:
            (saved,) = through_calc([root / "base" / "f.xlsx"], root / "calc", root / "profile")
            results += [run_case(case, saved.read_bytes(), root) for case in CALC_CASES]
        for _, line in results:
            print(line)
        bad = sum(1 for good, _ in results if not good)
        print(f"{len(results) - bad} passed, {bad} failed")
        return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
