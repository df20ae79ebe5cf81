"""Run every hostile-input case from the shell, as a clerk would, and print the outcomes.

    python benchmarks/hostile.py

For each case (tests/robustness/cases.py): a fresh copy of the bundled workspace is
damaged, then `kehoach validate`, `kehoach status --year 2024` and `kehoach report --year
2024` run as separate processes; the table shows exit codes, the first message and the
slowest of the three times.
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

from tests.robustness.cases import CASES  # noqa: E402


def run(args: list[str], cwd: Path) -> tuple[int, str, float]:
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-m", "kehoach_cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    lines = [
        line
        for line in completed.stderr.splitlines()
        if "[lỗi]" in line or line.startswith(("Lỗi", "Bỏ qua"))
    ]
    if "Traceback" in completed.stderr:
        lines = ["TRACEBACK"]
    tail = completed.stderr.strip().splitlines()
    return completed.returncode, (lines[0] if lines else (tail[-1] if tail else "")), elapsed


def main() -> None:
    header = f"{'#':>2} {'trường hợp':<34} {'mã thoát v/s/r':>14} {'thời gian v/s/r (s)':>19}"
    print(header + "  thông báo đầu tiên của validate")
    for number, case in enumerate(CASES, 1):
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder) / "ws"
            shutil.copytree(REPO / "data", root / "data")
            case.damage(root)
            out = Path(folder) / "bc.docx"
            validate = run(["validate"], root)
            status = run(["status", "--year", "2024", "--as-of", "2024-12-01"], root)
            report = run(
                ["report", "--year", "2024", "--as-of", "2024-12-01", "-o", str(out)], root
            )
            codes = f"{validate[0]}/{status[0]}/{report[0]}"
            times = f"{validate[2]:.2f}/{status[2]:.2f}/{report[2]:.2f}"
            print(f"{number:>2} {case.name:<34} {codes:>14} {times:>19}  {validate[1][:120]}")


if __name__ == "__main__":
    main()
