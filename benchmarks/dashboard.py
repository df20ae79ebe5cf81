"""Time `kehoach dashboard` against `kehoach status` for the corpus's largest year.

    python benchmarks/dashboard.py                   # builds /tmp/kehoach-corpus if missing
    python benchmarks/dashboard.py --runs 7 --corpus DIR

The target (issue 16): the dashboard costs about what status costs plus the import of the
chart library. Each case is a separate process, the cases timed in turns (run.py's rule),
with one untimed round first; printed are wall medians, the page's size and the verdict.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import HERE, Case, medians, tool  # the benchmark's own helpers

IMPORT_CHARTS = "import pygal, pygal.style"


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
    years = sorted(int(p.name) for p in (corpus / "data" / "progress").iterdir() if p.is_dir())
    last = str(years[-1])
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    env = {**os.environ, "KEHOACH_CACHE": "1"}
    kehoach = tool("kehoach")
    common = ["--year", last, "--as-of", f"{last}-12-31", "--root", str(corpus)]
    page = Path(tempfile.mkdtemp()) / "theo-doi.html"
    results = medians(
        args.runs,
        {
            "status": Case([kehoach, "status", *common], env),
            "dashboard": Case([kehoach, "dashboard", *common, "-o", str(page)], env),
            "import": Case([sys.executable, "-c", IMPORT_CHARTS], env),
            "python": Case([sys.executable, "-c", "pass"], env),
        },
    )
    charts = results["import"] - results["python"]
    budget = results["status"] + charts
    print(f"corpus {corpus}, year {last}, {args.runs} runs each (median wall seconds)")
    print(f"  kehoach status                  {results['status']:.2f} s")
    print(f"  kehoach dashboard               {results['dashboard']:.2f} s")
    print(f"  import of pygal (minus python)  {charts:.2f} s")
    print(f"  status + chart import           {budget:.2f} s")
    print(f"  dashboard / (status + import)   {results['dashboard'] / budget:.2f}×")
    print(f"  page: {page.stat().st_size / 1024:.0f} KB")
    verdict = results["dashboard"] <= 1.15 * budget
    print(("ok" if verdict else "SLOW") + ": dashboard within 15 % of status + chart import")
    sys.exit(0 if verdict else 1)


if __name__ == "__main__":
    main()
