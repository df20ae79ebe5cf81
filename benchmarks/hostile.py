"""Run every hostile-input case from the shell, as a clerk would, and check each outcome.

    python benchmarks/hostile.py            # all cases
    python benchmarks/hostile.py --runs 3   # time each command 3 times, keep the median

For each case (tests/robustness/cases.py): a fresh copy of the bundled workspace is
damaged, then `kehoach validate`, `kehoach status --year 2024` and `kehoach report --year
2024` run as separate processes (bytecode caching on, as after a normal install). The
table shows exit codes, the slowest of the three times, whether the workspace is byte for
byte as before (an accepted input may leave validate's cache) and validate's first
message. The summary checks the issue's criteria; the exit code is 1 if one fails.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kehoach_cli.checks.cache import CACHE_DIR  # noqa: E402
from tests.robustness.cases import CASES, MARKER, Case, snapshot  # noqa: E402

TIME_LIMIT = 1.0  # seconds, per command


@dataclass
class Run:
    code: int
    message: str
    seconds: float
    traceback: bool


def run(args: list[str], cwd: Path, runs: int) -> Run:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        completed = subprocess.run(
            [sys.executable, "-m", "kehoach_cli", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=False,
        )
        times.append(time.perf_counter() - started)
    lines = [
        line
        for line in completed.stderr.splitlines()
        if "[lỗi]" in line or line.startswith(("Lỗi", "Bỏ qua"))
    ]
    tail = completed.stderr.strip().splitlines()
    message = lines[0] if lines else (tail[-1] if tail else "")
    traceback = "Traceback" in completed.stderr + completed.stdout
    return Run(completed.returncode, message, statistics.median(times), traceback)


def try_case(case: Case, runs: int) -> tuple[list[Run], bool, bool]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "ws"
        shutil.copytree(REPO / "data", root / "data")
        case.damage(root)
        before = snapshot(root)
        out = Path(folder) / "bc.docx"
        results = [
            run(["validate"], root, runs),
            run(["status", "--year", "2024", "--as-of", "2024-12-01"], root, runs),
            run(["report", "--year", "2024", "--as-of", "2024-12-01", "-o", str(out)], root, runs),
        ]
        after = snapshot(root)
        if case.validate_exit == 0:
            after = {path: value for path, value in after.items() if not path.startswith(CACHE_DIR)}
        executed = (root / MARKER).exists() or (Path(folder) / MARKER).exists()
        return results, after == before, executed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="times per command (median)")
    options = parser.parse_args()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: bytecode is cached

    print(
        f"{'#':>2} {'trường hợp':<38} {'mã thoát v/s/r':>14} {'giây v/s/r':>15} {'ws':>3}  "
        "thông báo đầu tiên của validate"
    )
    slowest = [0.0, 0.0, 0.0]
    failures: list[str] = []
    for number, case in enumerate(CASES, 1):
        results, unchanged, executed = try_case(case, options.runs)
        codes = "/".join(str(r.code) for r in results)
        times = "/".join(f"{r.seconds:.2f}" for r in results)
        print(
            f"{number:>2} {case.name:<38} {codes:>14} {times:>15} {'ok' if unchanged else 'ĐỔI':>3}"
            f"  {results[0].message[:110]}"
        )
        slowest = [max(a, r.seconds) for a, r in zip(slowest, results, strict=True)]
        expected = case.validate_exit
        if [r.code for r in results] != [expected] * 3:
            failures.append(f"{case.name}: mã thoát {codes}, cần {expected}/{expected}/{expected}")
        if any(r.traceback for r in results):
            failures.append(f"{case.name}: có traceback")
        if any(r.seconds >= TIME_LIMIT for r in results):
            failures.append(f"{case.name}: quá {TIME_LIMIT:g} giây ({times})")
        if not unchanged:
            failures.append(f"{case.name}: thư mục dữ liệu bị thay đổi")
        if executed:
            failures.append(f"{case.name}: mã trong dữ liệu đã được chạy")

    print(
        f"\n{len(CASES)} trường hợp; chậm nhất: validate {slowest[0]:.2f} s, "
        f"status {slowest[1]:.2f} s, report {slowest[2]:.2f} s "
        f"(giới hạn {TIME_LIMIT:g} s; máy {os.cpu_count()} CPU, {options.runs} lần/lệnh)"
    )
    for failure in failures:
        print(f"KHÔNG ĐẠT  {failure}")
    if not failures:
        print("đạt: mã thoát đúng, không traceback, dưới 1 giây, thư mục không đổi, không chạy mã")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
