"""Start-up of kehoach: medians of N runs and ratios to `python -c pass`, with the targets.

    python benchmarks/startup.py              # 15 runs each
    python benchmarks/startup.py --runs 31

Every command is a separate process started from the bundled workspace (what a clerk,
pre-commit or CI pays), and the commands are timed in turns (A B C A B C …) so that a busy
machine slows them alike. Targets (issue 17): every `kehoach [<command>] --help` within
3× `python -c pass`; `kehoach validate data/progress/2024/qlkh.yaml` within 8×, both as
pre-commit runs it in a repository where validate has run before (the validation cache
kept in the workspace):
- the file unchanged since it was last validated: the cache answers;
- the file changed (a copy of the bundled workspace; each run writes another `prepared_by`
  before it, untimed): the plan's view comes from the cache, the file is read without the
  models (checks/progress_reader.py).
Reported without a target: --no-cache, what a first run pays (a fresh clone, or CI, where
the cache is off): the plan's and the file's pydantic models, ~150 ms of imports.
`--profile` adds where that run spends its imports (python -X importtime).
"""

from __future__ import annotations

import argparse
import atexit
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ONE_FILE = "data/progress/2024/qlkh.yaml"


def _help_paths() -> list[str]:
    """Every command and group, as the fast help path knows them (a test keeps that list
    equal to the commands cli/app.py registers)."""
    from kehoach_cli.cli.help_text import COMMANDS

    return list(COMMANDS)


def _kehoach() -> list[str]:
    script = BIN / ("kehoach.exe" if os.name == "nt" else "kehoach")
    return [str(script)] if script.exists() else [sys.executable, "-m", "kehoach_cli"]


class StartCase(NamedTuple):
    label: str
    command: list[str]
    target: float | None  # ratio to python -c pass
    cwd: Path = REPO
    before: Callable[[], None] | None = None  # untimed, before each run


def _edited_copy() -> tuple[Path, Callable[[], None]]:
    """A copy of the bundled workspace, and a step that changes its ONE_FILE each time."""
    folder = Path(tempfile.mkdtemp(prefix="kehoach-startup-"))
    atexit.register(shutil.rmtree, folder, True)
    for part in ("data", "templates"):
        shutil.copytree(REPO / part, folder / part)
    target = folder / ONE_FILE
    original = target.read_text(encoding="utf-8")
    assert "\nprepared_by: " in original
    names = itertools.cycle(["Nguyễn Văn An", "Trần Thị Bình"])

    def edit() -> None:
        changed = original.replace("\nprepared_by: ", f"\nprepared_by: {next(names)} — ", 1)
        target.write_text(changed, encoding="utf-8")

    return folder, edit


def cases() -> list[StartCase]:
    kehoach = _kehoach()
    cases = [
        StartCase("python -c pass", [sys.executable, "-c", "pass"], None),
        StartCase("kehoach --version", [*kehoach, "--version"], None),
    ]
    for path in _help_paths():
        label = " ".join(["kehoach", *path.split(), "--help"])
        cases.append(StartCase(label, [*kehoach, *path.split(), "--help"], 3.0))
    # The same pages from Typer itself, without the fast reader (cli/help_text.py): what
    # the reader saves, the measurement that decides whether it stays (README).
    for path in ("", "report"):
        label = " ".join(["kehoach", *path.split(), "--help", "(Typer)"])
        typer_page = f"from kehoach_cli.cli.app import main; main({[*path.split(), '--help']!r})"
        cases.append(StartCase(label, [sys.executable, "-c", typer_page], None))
    copy, edit = _edited_copy()
    cases += [
        StartCase(f"kehoach validate {ONE_FILE} (cache)", [*kehoach, "validate", ONE_FILE], 8.0),
        StartCase(
            f"kehoach validate {ONE_FILE} (tệp vừa sửa)",
            [*kehoach, "validate", ONE_FILE],
            8.0,
            cwd=copy,
            before=edit,
        ),
        StartCase(
            f"kehoach validate --no-cache {ONE_FILE}",
            [*kehoach, "validate", "--no-cache", ONE_FILE],
            None,
        ),
    ]
    return cases


def compile_bytecode() -> None:
    """An installed kehoach has its bytecode: pip compiles it at install time, and Python
    writes it on the first run. A checkout run with PYTHONDONTWRITEBYTECODE=1 (as some CI
    and sandboxes set) never gets it, so every run would compile each module it imports
    from source, a cost no user pays (~10 ms of a help page). Compile it once, here."""
    import compileall

    import kehoach_cli

    compileall.compile_dir(Path(kehoach_cli.__file__).parent, quiet=1)


def _run(command: list[str], env: dict[str, str], cwd: Path = REPO) -> float:
    start = time.perf_counter()
    completed = subprocess.run(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
    )
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({completed.returncode}): {completed.stderr!r}")
    return elapsed


def _profile(env: dict[str, str]) -> None:
    completed = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "kehoach_cli",
            "validate",
            "--no-cache",
            ONE_FILE,
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    rows = []
    for line in completed.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line[len("import time:") :].split("|")
            if cumulative.strip().isdigit():
                rows.append((int(cumulative), name.rstrip()))
    print("\nCumulative import time of the cold one-file validate (top-level packages):")
    for cumulative, name in sorted(rows, reverse=True):
        shown = not name.startswith("  ") or name.strip().startswith("kehoach_cli.")
        if shown and cumulative >= 5000:
            print(f"  {cumulative / 1000:7.1f} ms  {name.strip()}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--profile", action="store_true")
    options = parser.parse_args()

    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
    env.pop("KEHOACH_ROOT", None)
    chosen = cases()
    compile_bytecode()
    for case in chosen:  # warm the disk cache, the bytecode and the validation cache
        if case.before is not None:
            case.before()
        _run(case.command, env, case.cwd)
    times: dict[str, list[float]] = {case.label: [] for case in chosen}
    for _ in range(options.runs):
        for case in chosen:
            if case.before is not None:
                case.before()
            times[case.label].append(_run(case.command, env, case.cwd))

    floor = statistics.median(times["python -c pass"])
    width = max(len(case.label) for case in chosen)
    print(f"{options.runs} runs each, medians; ratio = median / median of `python -c pass`\n")
    print(f"{'command':<{width}}  {'median':>9}  {'ratio':>6}  target")
    missed = 0
    for label, _, target, _, _ in chosen:
        median = statistics.median(times[label])
        ratio = median / floor
        verdict = ""
        if target is not None:
            met = ratio <= target
            missed += not met
            verdict = f"≤ {target:g}×  {'đạt' if met else 'CHƯA ĐẠT'}"
        print(f"{label:<{width}}  {median * 1000:7.1f} ms  {ratio:5.2f}×  {verdict}")
    print(f"\n{missed} target(s) missed." if missed else "\nAll targets met.")
    if options.profile:
        _profile(env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
