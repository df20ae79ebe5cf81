"""Run every hostile template from the shell, as a clerk would, and measure each run.

    python benchmarks/hostile_templates.py

For each case (tests/robustness/template_cases.py) the template is put in a fresh copy of
the bundled workspace (templates/bao-cao.docx), then `kehoach report --year 2024` and
`kehoach template check` run as separate processes. The table shows exit codes, wall time
and peak resident memory of each (the largest of the command's process and the child it
renders in, from wait4), and the first line of the message. The summary checks the
issue's criteria — within 10 s and 512 MB, a message, no traceback — and the exit code
is 1 if one fails. Cases marked "dưới giới hạn" are accepted inputs near the caps: they
may render (exit 0) or stop at the time limit, within the same bounds.

(benchmarks/hostile.py runs the data files' hostile cases, whose bound is 1 s a command.)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.robustness.template_cases import CASES, TemplateCase  # noqa: E402

WALL_LIMIT = 10.0  # seconds per command
MEMORY_LIMIT_MB = 512


@dataclass
class Run:
    code: int
    seconds: float
    peak_mb: float
    message: str
    traceback: bool


def run(args: list[str], cwd: Path) -> Run:
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "kehoach_cli", *args], cwd=cwd, stdout=out, stderr=err
        )
        # wait4, not Popen.wait: it gives the peak resident memory of the process and of
        # the children it waited for (the isolated render)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text = err.read().decode("utf-8", "replace") + out.read().decode("utf-8", "replace")
    lines = [line.strip() for line in text.splitlines() if "[lỗi]" in line or "Lỗi" in line]
    return Run(
        process.returncode,
        seconds,
        usage.ru_maxrss / 1024,
        lines[0] if lines else "",
        "Traceback" in text,
    )


def build(case: TemplateCase, folder: Path) -> Path:
    """The case's template, built in a process of its own: the commands measured are
    started from this one, and a started process begins with its parent's peak memory."""
    script = (
        "import sys; from pathlib import Path; from tests.robustness.template_cases import CASES; "
        f"print(CASES[{CASES.index(case)}].build(Path(sys.argv[1])))"
    )
    made = subprocess.run(
        [sys.executable, "-c", script, str(folder)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(made.stdout.strip())


def try_case(case: TemplateCase) -> list[Run]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "ws"
        shutil.copytree(REPO / "data", root / "data")
        (root / "templates").mkdir()
        built = build(case, Path(folder))
        shutil.copyfile(built, root / "templates" / "bao-cao.docx")
        out = Path(folder) / "bc.docx"
        report = ["report", "--year", "2024", "--as-of", "2024-12-01", "-o", str(out)]
        return [run(report, root), run(["template", "check", "--year", "2024"], root)]


def main() -> int:
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: bytecode is cached
    print(f"{'#':>2} {'trường hợp':<34} {'mã r/c':>7} {'giây r/c':>11} {'MB r/c':>9}  thông báo")
    failures: list[str] = []
    for number, case in enumerate(CASES, 1):
        results = try_case(case)
        codes = "/".join(str(r.code) for r in results)
        times = "/".join(f"{r.seconds:.1f}" for r in results)
        peaks = "/".join(f"{r.peak_mb:.0f}" for r in results)
        message = results[0].message or results[1].message
        print(f"{number:>2} {case.name:<34} {codes:>7} {times:>11} {peaks:>9}  {message[:120]}")
        for kind, result in zip(("report", "template check"), results, strict=True):
            if result.seconds > WALL_LIMIT:
                failures.append(f"{case.name}: {kind} {result.seconds:.1f} s > {WALL_LIMIT:g} s")
            if result.peak_mb > MEMORY_LIMIT_MB:
                failures.append(f"{case.name}: {kind} {result.peak_mb:.0f} MB")
            if result.traceback:
                failures.append(f"{case.name}: {kind} có traceback")
            if result.code not in (0, 1) or (case.words and result.code != 1):
                failures.append(f"{case.name}: {kind} mã thoát {result.code}")
            if case.words and result.code == 1 and case.words not in result.message:
                failures.append(f"{case.name}: {kind} không nói '{case.words}'")
    print(f"\n{len(CASES)} trường hợp; máy {os.cpu_count()} CPU")
    for failure in failures:
        print(f"KHÔNG ĐẠT  {failure}")
    if not failures:
        print(
            f"đạt: mỗi lệnh dưới {WALL_LIMIT:g} giây và {MEMORY_LIMIT_MB} MB, có thông báo, "
            "không traceback"
        )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
