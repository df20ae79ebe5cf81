"""`kehoach dashboard`: the period before, for the headline's change since then (the same
period of the year before), summed up (dashboard/pace.py `Previous`), when that year has
progress files.

Its facts cost as much as the page's own year (1.8 s of a 3.4 s page on the 1 200-file
corpus of benchmarks/), so on a workspace of many files it is computed in a forked process
while this one loads the page's year, and only the small summary comes back. With few
files, without fork, or with KEHOACH_WORKERS=1, it is computed here afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from kehoach_cli.dashboard.pace import Previous, summarize

if TYPE_CHECKING:
    from kehoach_cli.loading.workspace import Workspace

# The year before must hold at least this many files for a second process to pay for itself
# (the same threshold as validate's pool).
FORK_MIN_FILES = 48


def _folder_files(workspace: Workspace, year: int, period: str | None) -> int:
    """How many progress files the year has: in its period's folder when there is one (the
    yearly period's files are in the year's folder itself)."""
    folder = workspace.progress_dir / f"{year:04d}"
    if period is not None and (folder / period).is_dir():
        folder = folder / period
    return sum(1 for _ in folder.glob("*.yaml")) if folder.is_dir() else 0


def summary(workspace: Workspace, year: int, as_of: date, period: str | None) -> Previous | None:
    """The period's summary, or None when its facts cannot be had (its plan is the same
    plan: a broken one is told by the page's own year)."""
    from kehoach_cli.errors import KehoachError
    from kehoach_cli.facts import PlanUnusable, load_year, year_facts

    try:
        return summarize(year_facts(load_year(workspace, year, as_of, period)))
    except (PlanUnusable, KehoachError, OSError):
        return None


def start(
    workspace: Workspace, year: int, as_of: date, period: str | None
) -> Callable[[], Previous | None]:
    """Begin computing the summary of `year` (the year before the page's); call the result
    to get it. Nothing when the year has no files."""
    files = _folder_files(workspace, year, period)
    if not files:
        return lambda: None
    forked = (
        _fork(workspace, year, as_of, period) if files >= FORK_MIN_FILES and _workers() else None
    )
    return _once(forked or (lambda: summary(workspace, year, as_of, period)))


def _once(compute: Callable[[], Previous | None]) -> Callable[[], Previous | None]:
    """`compute` run on the first call only: later calls give the same answer."""
    found: list[Previous | None] = []

    def get() -> Previous | None:
        if not found:
            found.append(compute())
        return found[0]

    return get


def _workers() -> bool:
    from kehoach_cli.checks.run import configured_workers

    setting = configured_workers()
    return setting is None or setting > 1


def _fork(
    workspace: Workspace, year: int, as_of: date, period: str | None
) -> Callable[[], Previous | None] | None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    try:
        pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        future = pool.submit(summary, workspace, year, as_of, period)
    except OSError:
        return None

    def result() -> Previous | None:
        try:
            found: Previous | None = future.result()
        except (OSError, BrokenProcessPool):
            found = summary(workspace, year, as_of, period)
        finally:
            pool.shutdown(wait=True)
        return found

    return result
