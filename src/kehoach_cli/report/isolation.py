"""Run one piece of work on untrusted input (a Word template) inside hard limits.

On Linux the work runs in a forked child with a CPU-time limit (RLIMIT_CPU) and an
address-space limit (RLIMIT_AS), and the parent kills it when its wall-clock time is up:
a template can loop, allocate or stall in any library it reaches (zip, lxml, docxtpl's
regular expressions, Jinja's parser), and none of that can take the command with it. The
child sends back its result (or the exception it raised) pickled through a pipe; the
parent only unpickles what its own child wrote. Elsewhere (no fork) the work runs in this
process under a SIGALRM timer where there is one.

Whatever the limit, the caller gets a `LimitHit` naming it and words it for its phase.
"""

from __future__ import annotations

import gc
import math
import os
import pickle
import select
import signal
import struct
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")


class LimitHit(Exception):
    """The work was stopped: `kind` is "wall" (its time was up), "cpu" (its CPU time),
    "memory" (it could not allocate) or "crash" (it died of signal `signal_number`)."""

    def __init__(self, kind: str, signal_number: int = 0) -> None:
        super().__init__(kind)
        self.kind = kind
        self.signal_number = signal_number


def can_fork() -> bool:
    return hasattr(os, "fork") and sys.platform.startswith("linux")


def run_isolated(work: Callable[[], T], wall: float, cpu: int, memory: int) -> T:
    """`work()`'s result, computed within `wall` seconds of real time, `cpu` seconds of
    CPU and `memory` bytes of resident memory (Linux; elsewhere the wall limit only, where
    a timer can interrupt). An exception `work` raises is raised here; a limit raises
    LimitHit."""
    if not can_fork():
        try:
            with _time_limit(wall):
                return work()
        except _Timeout:
            raise LimitHit("wall") from None
        except MemoryError:
            raise LimitHit("memory") from None
    return _in_child(work, wall, max(1, min(cpu, math.ceil(wall))), memory)


# --- the child ----------------------------------------------------------------------------


def _memory_now() -> tuple[int, int] | None:
    """(address space, resident set) of this process in bytes, from /proc."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            size, resident = statm.read().split()[:2]
    except (OSError, ValueError):
        return None
    page = os.sysconf("SC_PAGE_SIZE")
    return int(size) * page, int(resident) * page


def _limit_this_process(cpu: int, memory: int) -> None:
    """The CPU limit, and an address space that lets the resident set grow to `memory`
    in all: what the child already holds (inherited from the parent) counts."""
    import resource

    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    now = _memory_now()
    if now is not None:
        address_space, resident = now
        limit = address_space + max(memory - resident, 64 * 1024 * 1024)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _answer(work: Callable[[], Any]) -> tuple[Any, ...]:
    try:
        return ("ok", work())
    except MemoryError:
        return ("memory",)
    except Exception as error:  # raised in the parent as it was raised here
        return ("raised", error)


def _child(write_end: int, work: Callable[[], Any], cpu: int, memory: int) -> None:
    """Runs in the forked child: never returns, never runs the parent's exit handlers."""
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        _limit_this_process(cpu, memory)
        answer = _answer(work)
        try:
            payload = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            payload = pickle.dumps(("memory",))
        except Exception as error:  # an exception that does not pickle: its words
            payload = pickle.dumps(("raised", RuntimeError(f"{type(error).__name__}: {error}")))
        view = memoryview(struct.pack(">Q", len(payload)) + payload)
        while view:
            view = view[os.write(write_end, view) :]
    except BaseException:
        code = 70
    finally:
        os._exit(code)


def _in_child(work: Callable[[], T], wall: float, cpu: int, memory: int) -> T:
    read_end, write_end = os.pipe()
    gc.freeze()  # the child's collector leaves the inherited objects (and their pages) alone
    try:
        pid = os.fork()
    except OSError:
        gc.unfreeze()
        os.close(read_end)
        os.close(write_end)
        raise
    if pid == 0:  # pragma: no cover - the child's coverage is not collected
        os.close(read_end)
        _child(write_end, work, cpu, memory)
    gc.unfreeze()
    os.close(write_end)
    received, killed_for_time = _receive(pid, read_end, wall)
    _, status = os.waitpid(pid, 0)
    if killed_for_time:
        raise LimitHit("wall")
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        if number in (signal.SIGXCPU, signal.SIGKILL):
            raise LimitHit("cpu")
        raise LimitHit("crash", number)
    if len(received) < 8 or len(received) != 8 + struct.unpack(">Q", received[:8])[0]:
        raise LimitHit("memory")  # the child died before it could answer
    answer = pickle.loads(bytes(received[8:]))  # our own child's answer
    if answer[0] == "ok":
        return answer[1]  # type: ignore[no-any-return]
    if answer[0] == "memory":
        raise LimitHit("memory")
    raise answer[1]


def _receive(pid: int, read_end: int, wall: float) -> tuple[bytearray, bool]:
    """What the child writes until it closes the pipe, or until `wall` seconds have passed
    (then the child is killed)."""
    received = bytearray()
    deadline = time.monotonic() + wall
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                os.kill(pid, signal.SIGKILL)
                return received, True
            ready, _, _ = select.select([read_end], [], [], remaining)
            if ready:
                chunk = os.read(read_end, 1 << 20)
                if not chunk:
                    return received, False
                received += chunk
    except BaseException:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    finally:
        os.close(read_end)


# --- without fork -------------------------------------------------------------------------


class _Timeout(Exception):
    pass


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the block after `seconds` (Unix main thread; elsewhere no limit)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def interrupt(signum: int, frame: Any) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
