"""Benchmark kehoach on a province-scale corpus; prints medians, ratios and the targets.

    python benchmarks/run.py                 # builds /tmp/kehoach-corpus if missing, 5 runs
    python benchmarks/run.py --runs 7 --corpus DIR

Everything is run as a separate process (what a clerk or CI pays), in the same run, on the
same machine: kehoach validate against the libyaml floor and against check-jsonschema with
the exported schema; status and report for the largest year; --help and --version against
`python -c pass`; the peak memory of validate (the whole process tree).
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
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = BIN / name
    return str(found) if found.exists() else (shutil.which(name) or name)


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, env=env, check=False)
    elapsed = time.perf_counter() - started
    if completed.returncode not in (0, 1):
        sys.exit(f"failed: {' '.join(command)}\n{completed.stderr.decode(errors='replace')}")
    return elapsed


def median_of(
    runs: int, command: list[str], env: dict[str, str] | None = None, prime: bool = False
) -> float:
    if prime:
        timed(command, env)
    return statistics.median(timed(command, env) for _ in range(runs))


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--corpus", type=Path, default=Path(tempfile.gettempdir()) / "kehoach-corpus"
    )
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    corpus: Path = args.corpus
    if not (corpus / "data" / "plan.yaml").exists():
        subprocess.run(
            [sys.executable, str(HERE / "make_corpus.py"), "--out", str(corpus)], check=True
        )
    files = sorted((corpus / "data" / "progress").rglob("*.yaml"))
    years = sorted({int(p.parent.name) for p in files})
    size_mb = sum(p.stat().st_size for p in files) / 1e6
    print(
        f"corpus: {corpus} — {len(files)} progress files, {size_mb:.1f} MB, years {years[0]}–{years[-1]}"
    )
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPU, {args.runs} runs each (median)\n"
    )

    # Measure the tool as installed: with bytecode caching (some CI images switch it off,
    # which makes every run recompile every module).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    timed([tool("kehoach"), "--root", str(corpus)])  # writes the bytecode caches once
    kehoach = tool("kehoach")
    root = ["--root", str(corpus)]
    schema = REPO / "schemas" / "progress.schema.json"
    out = Path(tempfile.mkdtemp()) / "bao-cao.docx"
    one_worker = {**os.environ, "KEHOACH_WORKERS": "1"}
    print("bytecode caching on (PYTHONDONTWRITEBYTECODE unset for the measured commands)\n")
    results: dict[str, float] = {}
    results["floor"] = median_of(args.runs, [sys.executable, str(HERE / "floor.py"), str(corpus)])
    results["validate"] = median_of(args.runs, [kehoach, "validate", "--no-cache", *root])
    results["validate_1cpu"] = median_of(
        args.runs, [kehoach, "validate", "--no-cache", *root], one_worker
    )
    results["validate_warm"] = median_of(args.runs, [kehoach, "validate", *root], prime=True)
    results["check_jsonschema"] = median_of(
        args.runs, [tool("check-jsonschema"), "--schemafile", str(schema), *map(str, files)]
    )
    last = str(years[-1])
    results["status"] = median_of(args.runs, [kehoach, "status", "--year", last, *root])
    results["report"] = median_of(
        args.runs, [kehoach, "report", "--year", last, "-o", str(out), *root]
    )
    results["help"] = median_of(args.runs, [kehoach, "--help"], prime=True)
    results["version"] = median_of(args.runs, [kehoach, "--version"], prime=True)
    results["python"] = median_of(args.runs, [sys.executable, "-c", "pass"], prime=True)
    memory = max(peak_memory_mb([kehoach, "validate", "--no-cache", *root]) for _ in range(3))

    rows = [
        ("libyaml parse of the same files (floor)", results["floor"], ""),
        (
            "kehoach validate, cold (--no-cache)",
            results["validate"],
            f"{results['validate'] / results['floor']:.2f}× floor",
        ),
        (
            "kehoach validate, cold, one process",
            results["validate_1cpu"],
            f"{results['validate_1cpu'] / results['floor']:.2f}× floor",
        ),
        (
            "kehoach validate, warm cache",
            results["validate_warm"],
            f"{results['validate_warm'] / results['validate'] * 100:.0f}% of cold",
        ),
        (
            "check-jsonschema, same files",
            results["check_jsonschema"],
            f"validate is {results['check_jsonschema'] / results['validate']:.1f}× faster",
        ),
        (f"kehoach status --year {last}", results["status"], ""),
        (f"kehoach report --year {last}", results["report"], ""),
        (
            "kehoach --help",
            results["help"],
            f"{results['help'] / results['python']:.1f}× python -c pass",
        ),
        (
            "kehoach --version",
            results["version"],
            f"{results['version'] / results['python']:.1f}× python -c pass",
        ),
        ("python -c pass", results["python"], ""),
    ]
    for label, seconds, ratio in rows:
        print(f"{label:<44} {seconds:8.3f} s  {ratio}")
    print(f"{'peak memory of validate (process tree)':<44} {memory:8.1f} MB")

    targets = [
        ("validate ≤ 1.5× floor", results["validate"] <= 1.5 * results["floor"]),
        (
            "validate ≥ 5× faster than check-jsonschema",
            results["check_jsonschema"] >= 5 * results["validate"],
        ),
        ("report ≤ 3 s", results["report"] <= 3.0),
        ("--help ≤ 0.15 s", results["help"] <= 0.15),
        ("warm validate ≤ 20% of cold", results["validate_warm"] <= 0.2 * results["validate"]),
        ("validate peak memory ≤ 200 MB", memory <= 200),
    ]
    print()
    for label, met in targets:
        print(f"{'đạt ' if met else 'CHƯA'}  {label}")


if __name__ == "__main__":
    main()
