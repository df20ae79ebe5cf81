"""Benchmark kehoach on a province-scale corpus; prints medians, ratios and the targets.

    python benchmarks/run.py                 # builds /tmp/kehoach-corpus if missing, 5 runs
    python benchmarks/run.py --quick         # 3 runs, no check-jsonschema, no memory (~2 min)
    python benchmarks/run.py --runs 7 --corpus DIR
    python benchmarks/run.py --profile       # where validate spends its time (cProfile)

Everything is run as a separate process (what a clerk or CI pays), in the same run, on the
same machine, and the commands compared with each other are timed in turns (A B C A B C …)
so that a busy machine slows them alike: kehoach validate against two libyaml floors (the
parser's events only — what no loader built on libyaml can beat — and yaml.load with
CSafeLoader) and against check-jsonschema with the exported schema; the cache warm, after
`validate FILE` (the pre-commit hook) and after a comment edit of plan.yaml; status and
report for the largest year without the process pool (KEHOACH_WORKERS=1), by default, and
with it forced (KEHOACH_WORKERS=2); every command's --help, --version and the one-file validate
of the bundled workspace (benchmarks/startup.py's cases) against `python -c pass`; the peak
memory of validate (the whole process tree).
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import startup  # noqa: E402  (benchmarks/startup.py: the start-up cases and their targets)

BIN = Path(sys.executable).parent
POOL_PAYS = 0.8  # a process pool pays when it takes at most this share of one process's time

# The floors: every YAML file of a workspace through libyaml, nothing else.
_FILES = """
import sys
from pathlib import Path
import yaml
root = Path(sys.argv[1])
files = [root / "data" / "plan.yaml", *sorted((root / "data" / "progress").rglob("*.yaml"))]
"""
EVENT_FLOOR = (
    _FILES
    + """
for path in files:
    with open(path, "rb") as stream:
        for _event in yaml.parse(stream, Loader=yaml.CSafeLoader):
            pass
"""
)
LOAD_FLOOR = (
    _FILES
    + """
for path in files:
    with open(path, "rb") as stream:
        yaml.load(stream, Loader=yaml.CSafeLoader)
"""
)


def tool(name: str) -> str:
    found = BIN / name
    return str(found) if found.exists() else (shutil.which(name) or name)


CPU: dict[str, list[float]] = {}  # CPU seconds (user + system) of each case's runs


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(
    command: list[str],
    env: dict[str, str] | None = None,
    cpu: list[float] | None = None,
    cwd: Path | None = None,
) -> float:
    """Wall seconds of one run; its CPU seconds (with its workers') appended to `cpu`."""
    before = _children_cpu()
    started = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, env=env, cwd=cwd, check=False)
    elapsed = time.perf_counter() - started
    if cpu is not None:
        cpu.append(_children_cpu() - before)
    if completed.returncode not in (0, 1):
        sys.exit(f"failed: {' '.join(command)}\n{completed.stderr.decode(errors='replace')}")
    return elapsed


@dataclass
class Case:
    command: list[str]
    env: dict[str, str] | None = None
    before: Callable[[], None] | None = None  # untimed set-up before each run
    cwd: Path | None = None


def medians(runs: int, cases: dict[str, Case], prime: bool = True) -> dict[str, float]:
    """Median seconds of each case, the cases timed in turns; one untimed round first."""
    times: dict[str, list[float]] = {name: [] for name in cases}
    for round_number in range(runs + (1 if prime else 0)):
        for name, case in cases.items():
            if case.before is not None:
                case.before()
            cpu: list[float] = []
            elapsed = timed(case.command, case.env, cpu, case.cwd)
            if round_number or not prime:
                times[name].append(elapsed)
                CPU.setdefault(name, []).extend(cpu)
    return {name: statistics.median(values) for name, values in times.items()}


def tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants (Linux /proc)."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    pending += [int(child) for child in children.read().split()]
        except (OSError, ValueError):
            continue
    return total


def peak_memory_mb(command: list[str]) -> float:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss_kb(process.pid))
        time.sleep(0.005)
    return peak / 1024


def profile(corpus: Path, top: int) -> None:
    """cProfile of a one-process cold validate (the profiler's own overhead included)."""
    import pstats

    output = Path(tempfile.mkdtemp()) / "validate.prof"
    env = {**os.environ, "KEHOACH_WORKERS": "1"}
    command = [sys.executable, "-m", "cProfile", "-o", str(output), "-m", "kehoach_cli"]
    timed([*command, "validate", "--no-cache", "--root", str(corpus)], env)
    stats = pstats.Stats(str(output))
    print(f"cProfile, kehoach validate --no-cache, KEHOACH_WORKERS=1, {corpus}\n")
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--corpus", type=Path, default=Path(tempfile.gettempdir()) / "kehoach-corpus"
    )
    parser.add_argument("--runs", type=int, default=None, help="runs per case (5; --quick 3)")
    parser.add_argument(
        "--quick", action="store_true", help="3 runs, skip check-jsonschema and peak memory"
    )
    parser.add_argument("--profile", action="store_true", help="profile validate, then stop")
    args = parser.parse_args()
    runs = args.runs or (3 if args.quick else 5)
    corpus: Path = args.corpus
    if not (corpus / "data" / "plan.yaml").exists():
        subprocess.run(
            [sys.executable, str(HERE / "make_corpus.py"), "--out", str(corpus)], check=True
        )
    if args.profile:
        profile(corpus, 25)
        return
    files = sorted((corpus / "data" / "progress").rglob("*.yaml"))
    years = sorted({int(p.parent.name) for p in files})
    size_mb = sum(p.stat().st_size for p in files) / 1e6
    print(
        f"corpus: {corpus} — {len(files)} progress files, {size_mb:.1f} MB, "
        f"years {years[0]}–{years[-1]}"
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPU, {runs} runs each (median), "
        f"load average {load:.1f} at start"
    )

    # Measure the tool as installed: with bytecode caching (some CI images switch it off,
    # which makes every run recompile every module). The cache is used even if CI is set.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    env = {**os.environ, "KEHOACH_CACHE": "1"}
    env.pop("KEHOACH_WORKERS", None)
    one_worker = {**env, "KEHOACH_WORKERS": "1"}
    two_workers = {**env, "KEHOACH_WORKERS": "2"}
    kehoach = tool("kehoach")
    root = ["--root", str(corpus)]
    print("bytecode caching on (PYTHONDONTWRITEBYTECODE unset for the measured commands)\n")

    plan = corpus / "data" / "plan.yaml"
    target = files[len(files) // 2]
    plan_bytes, target_bytes = plan.read_bytes(), target.read_bytes()
    edits = itertools.count(1)

    def edit_one_file_and_validate_it() -> None:  # what the pre-commit hook does
        target.write_bytes(target_bytes + f"# sửa lần {next(edits)}\n".encode())
        timed([kehoach, "validate", *root, str(target)], env)

    def comment_the_plan() -> None:  # same data, other bytes
        plan.write_bytes(plan_bytes + f"# ghi chú {next(edits)}\n".encode())

    results: dict[str, float] = {}
    try:
        timed([kehoach, "validate", *root], env)  # a full cache to start from
        floors = {
            "events": Case([sys.executable, "-c", EVENT_FLOOR, str(corpus)]),
            "load": Case([sys.executable, "-c", LOAD_FLOOR, str(corpus)]),
        }
        if args.quick:
            del floors["load"]
        results |= medians(
            runs,
            {
                **floors,
                "validate": Case([kehoach, "validate", "--no-cache", *root], env),
                "validate_1cpu": Case([kehoach, "validate", "--no-cache", *root], one_worker),
                "warm": Case([kehoach, "validate", *root], env),
                "warm_after_file": Case(
                    [kehoach, "validate", *root], env, edit_one_file_and_validate_it
                ),
                "warm_after_plan_comment": Case(
                    [kehoach, "validate", *root], env, comment_the_plan
                ),
            },
        )
    finally:
        plan.write_bytes(plan_bytes)
        target.write_bytes(target_bytes)
    if not args.quick:
        results |= medians(
            min(runs, 3),
            {
                "check_jsonschema": Case(
                    [
                        tool("check-jsonschema"),
                        "--schemafile",
                        str(REPO / "schemas" / "progress.schema.json"),
                        *map(str, files),
                    ]
                )
            },
            prime=False,
        )
    last = str(years[-1])
    out = Path(tempfile.mkdtemp()) / "bao-cao.docx"
    as_of = ["--as-of", f"{last}-12-31"]  # the end of the corpus's last year, whatever today is
    status = [kehoach, "status", "--year", last, *as_of, *root]
    report = [kehoach, "report", "--year", last, *as_of, "-o", str(out), *root]
    results |= medians(
        runs,
        {
            "status": Case(status, env),
            "status_1": Case(status, one_worker),
            "status_2": Case(status, two_workers),
            "report": Case(report, env),
            "report_1": Case(report, one_worker),
            "report_2": Case(report, two_workers),
        },
    )
    # Start-up, from the bundled workspace (what pre-commit and a clerk pay): every
    # command's --help and the one-file validate, with `python -c pass` in the same turns.
    startup.compile_bytecode()
    chosen = startup.cases()
    start_cases = {c.label: Case(c.command, env, c.before, c.cwd) for c in chosen}
    results |= medians(max(runs, 7), start_cases)
    results["python"] = results["python -c pass"]
    results["help"] = results["kehoach --help"]
    results["version"] = results["kehoach --version"]
    memory = None
    if not args.quick:
        memory = max(peak_memory_mb([kehoach, "validate", "--no-cache", *root]) for _ in range(3))

    def ratio(name: str, base: str, what: str = "") -> str:
        if name not in results or base not in results:
            return ""
        return f"{results[name] / results[base]:.2f}× {what or base}"

    rows = [
        ("libyaml events only (yaml.parse): the floor", "events", ""),
        ("libyaml yaml.load(CSafeLoader), same files", "load", ratio("load", "events", "floor")),
        (
            "kehoach validate, cold (--no-cache)",
            "validate",
            ratio("validate", "events", "floor"),
        ),
        (
            "kehoach validate, cold, one process",
            "validate_1cpu",
            ratio("validate_1cpu", "events", "floor")
            + "; pool: "
            + ratio("validate", "validate_1cpu", "one process"),
        ),
        ("validate, warm, nothing changed", "warm", ratio("warm", "validate", "cold")),
        (
            "validate, warm after `validate FILE`",
            "warm_after_file",
            ratio("warm_after_file", "validate", "cold"),
        ),
        (
            "validate, warm after a plan comment edit",
            "warm_after_plan_comment",
            ratio("warm_after_plan_comment", "validate", "cold"),
        ),
        (
            "check-jsonschema, same files",
            "check_jsonschema",
            "validate is "
            + (
                f"{results['check_jsonschema'] / results['validate']:.1f}× faster"
                if "check_jsonschema" in results
                else ""
            ),
        ),
        (f"kehoach status --year {last} (default: no pool)", "status", ""),
        ("  … KEHOACH_WORKERS=1 (one process)", "status_1", ratio("status_1", "status", "default")),
        (
            "  … KEHOACH_WORKERS=2 (pool forced)",
            "status_2",
            ratio("status_2", "status_1", "one process"),
        ),
        (f"kehoach report --year {last} (default: no pool)", "report", ""),
        ("  … KEHOACH_WORKERS=1 (one process)", "report_1", ratio("report_1", "report", "default")),
        (
            "  … KEHOACH_WORKERS=2 (pool forced)",
            "report_2",
            ratio("report_2", "report_1", "one process"),
        ),
        ("python -c pass", "python", ""),
        *(
            (label, label, ratio(label, "python", "python -c pass"))
            for label, *_ in chosen
            if label != "python -c pass"
        ),
    ]
    width = max(len(label) for label, _, _ in rows)
    print(f"{'':<{width}} {'wall':>7}   {'CPU':>7}    (medians; ratios of wall times)")
    for label, name, note in rows:
        if name in results:
            cpu = statistics.median(CPU[name]) if CPU.get(name) else float("nan")
            print(f"{label:<{width}} {results[name]:7.3f} s {cpu:7.3f} s  {note}")
    if memory is not None:
        print(f"{'peak memory of validate (process tree)':<{width}} {memory:7.1f} MB")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average {load:.1f} at the end")

    targets = [
        ("validate ≤ 1.5× the events-only floor", results["validate"] <= 1.5 * results["events"]),
        ("report ≤ 3 s", results["report"] <= 3.0),
        *(
            (f"{label} ≤ {target:g}× python -c pass", results[label] <= target * results["python"])
            for label, _, target, *_ in chosen
            if target is not None
        ),
        ("warm validate ≤ 20% of cold", results["warm"] <= 0.2 * results["validate"]),
        (
            "warm after `validate FILE` ≤ 20% of cold",
            results["warm_after_file"] <= 0.2 * results["validate"],
        ),
        (
            "warm after a plan comment edit ≤ 50% of cold",
            results["warm_after_plan_comment"] <= 0.5 * results["validate"],
        ),
        # "Pays": a pool costs more CPU than one process (two processes' start, sending
        # results back), so it is used where it saves a fifth of the wall time or more;
        # around break-even, one process leaves the other core to the clerk's machine.
        (
            f"the pool pays for validate (cold, pool ≤ {POOL_PAYS:g}× one process)",
            results["validate"] <= POOL_PAYS * results["validate_1cpu"],
        ),
        (
            f"status and report stay in one process (a forced pool > {POOL_PAYS:g}× one process)",
            results["status_2"] > POOL_PAYS * results["status_1"]
            and results["report_2"] > POOL_PAYS * results["report_1"],
        ),
    ]
    if "check_jsonschema" in results:
        targets.append(
            (
                "validate ≥ 5× faster than check-jsonschema",
                results["check_jsonschema"] >= 5 * results["validate"],
            )
        )
    if memory is not None:
        targets.append(("validate peak memory ≤ 200 MB", memory <= 200))
    print()
    for label, met in targets:
        print(f"{'đạt ' if met else 'CHƯA'}  {label}")


if __name__ == "__main__":
    main()
