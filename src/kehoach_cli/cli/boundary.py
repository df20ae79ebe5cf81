"""The CLI's one error boundary: every failure ends as a Vietnamese message on stderr and
an exit code, never a traceback (except a bug with --debug).

Both ways a command runs go through `run_guarded`: the full CLI (cli/app.py, which adds
the words for Typer's own errors) and the fast path of `kehoach validate FILE…`
(cli/entry.py), which must not import Typer. So the two tell a failure alike.
Only the standard library and cheap modules of ours are imported here.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

from kehoach_cli.cli.console import OutputError, describe_output_error, say, shown
from kehoach_cli.errors import ExitCode, KehoachError


def run_guarded(
    action: Callable[[], int],
    args: list[str],
    framework_error: Callable[[Exception], int | None] | None = None,
) -> int:
    """`action`'s exit code, or the code of the failure it raised, told on stderr.
    `framework_error` tells the errors of the library that parsed `args` (None: not its)."""
    try:
        return action()
    except KehoachError as error:
        return tell(error.message, error.details, error.exit_code)
    except KeyboardInterrupt:
        return interrupted()
    except BrokenPipeError:
        return ExitCode.OK
    except OutputError as error:  # stdout or stderr could not be written (console.py)
        say(describe_output_error(error))
        return ExitCode.USAGE
    except Exception as error:  # a path the system refused, else a bug: one short message
        told = framework_error(error) if framework_error is not None else None
        if told is not None:
            return told
        refused = _path_error(error)
        if refused is not None:
            return _tell_path_error(refused)
        if "--debug" in args:
            raise
        return tell(
            f"Lỗi không mong đợi ({type(error).__name__}: {error}).",
            [
                "Đây là lỗi của kehoach, không phải của dữ liệu. Hãy báo lỗi kèm lệnh đã "
                "chạy; chạy lại với --debug để xem chi tiết kỹ thuật."
            ],
            ExitCode.USAGE,
            prefix="",
        )


def interrupted() -> int:
    """Ctrl-C (or an abort): said once, exit 130 as shells do for SIGINT."""
    say("Đã dừng.")
    return 130


def tell(message: str, details: list[str], code: int, prefix: str = "Lỗi: ") -> int:
    # a message may quote the command line or the data: shown escaped, one line each
    say("\n".join([prefix + shown(message), *map(shown, details)]))
    return code


def _path_error(error: Exception) -> OSError | None:
    """The OSError naming a path (a symlink loop, a name too long…) that no command turned
    into a message; pathlib before 3.13 reports a loop as RuntimeError('Symlink loop…')."""
    if isinstance(error, OSError) and error.filename is not None:
        return error
    text = str(error)
    if isinstance(error, RuntimeError) and text.startswith("Symlink loop from '"):
        return OSError(errno.ELOOP, text, text.split("'")[1])
    return None


def _tell_path_error(error: OSError) -> int:
    """Which path the system refused, and why, in Vietnamese (exit 2)."""
    from kehoach_cli.cli.locations import display_path
    from kehoach_cli.os_errors import describe_os_error

    path = display_path(Path(os.fsdecode(error.filename)))
    if len(path) > 80:  # a name too long is shown by its start and end
        path = f"{path[:40]}…{path[-30:]}"
    return tell(f"không dùng được '{path}': {describe_os_error(error)}.", [], ExitCode.USAGE)
