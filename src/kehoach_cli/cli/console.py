"""The process's standard streams, made safe for any console before a command runs.

What each destination gets (README, "Robustness"):

- A file or a pipe gets UTF-8 whatever the locale says (LANG=C, PYTHONIOENCODING=ascii,
  a Vietnamese Windows code page): every format kehoach writes (tables, CSV with its BOM,
  JSON, messages) is defined as UTF-8, and a file mixing two encodings would be worse than
  either. The bytes CSV and JSON write to sys.stdout.buffer pass through untouched.
- A terminal whose encoding is not UTF-8 gets its own encoding; what it cannot show is
  replaced by the nearest it can: cp1258 keeps Vietnamese as a letter and a combining
  mark, ASCII drops the marks ("Du lieu hop le"), other signs become '?'. A UTF-8
  terminal (and Windows' console, which Python writes as Unicode) is left as it is.
- A write that fails (full disk, a stream opened read-only) raises OutputError, which the
  CLI boundary tells in one Vietnamese line (exit 2). A reader that went away (`| head`)
  stays BrokenPipeError: nothing more is written, exit 0, as other Unix tools do.
- A closed stdout is refused before any work; a closed stderr is pointed at the null
  device, so that no file opened later takes its number.
- A COLUMNS that is not a width (0, negative, text) is ignored; a huge one is capped.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import sys
import unicodedata

# typing is not imported at run time: `--version` and `--help` import nothing else that
# needs it (~2 ms of every start). Type checkers read the annotations all the same.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO

MAX_COLUMNS = 1000  # wider than any screen; rich pads boxed lines to the full width
MIN_COLUMNS = 20

# What an ASCII console shows for the signs kehoach prints that have no letter inside.
_FALLBACK = {
    "đ": "d",
    "Đ": "D",
    "…": "...",
    "—": "-",
    "–": "-",
    "→": "->",
    "↑": "^",
    "↓": "v",
    "█": "#",
    "░": ".",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "•": "*",
    "×": "x",
    "≥": ">=",
    "≤": "<=",
    "\ufeff": "",
}


# What must not reach a terminal as it is: C0 and C1 controls and DEL (escape sequences set
# the title or clear the screen; a newline prints a line that is not ours), the line and
# paragraph separators, the bidirectional controls that reorder what is shown, the
# non-characters and lone surrogates (a file name that is not UTF-8).
_UNSHOWABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shown(text: str) -> str:
    """`text` for one line of a terminal: every character above written as its escape
    (\\n, \\x1b, \\u202e), the rest as it is."""
    if text.isprintable():  # the common case: nothing to look for
        return text
    return _UNSHOWABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class OutputError(OSError):
    """Writing to stdout or stderr failed; `stream` says which."""

    def __init__(self, error: OSError, stream: str) -> None:
        super().__init__(error.errno, error.strerror)
        self.stream = stream


def _fits(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def nearest(char: str, codec: str) -> str:
    """What a console of `codec` can show for `char`: the char itself, its letter with the
    marks the code page has (composed where it can), or a plain sign."""
    if _fits(char, codec):
        return char
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    kept = base if _fits(base, codec) else _FALLBACK.get(base) or _box(base)
    if not kept or kept == "?":
        return kept
    separate = ""  # marks the code page has only as combining characters (cp1258's tones)
    for mark in marks:
        composed = unicodedata.normalize("NFC", kept + mark)
        if _fits(composed, codec):
            kept = composed
        elif _fits(mark, codec):
            separate += mark
    return kept + separate


def _box(char: str) -> str:
    """A table's border drawn in ASCII: | for vertical lines, - for horizontal, + else."""
    name = unicodedata.name(char, "")
    if not name.startswith("BOX DRAWINGS"):
        return "?"
    if "VERTICAL" in name and "HORIZONTAL" not in name and "AND" not in name:
        return "|"
    if "HORIZONTAL" in name and "VERTICAL" not in name and "AND" not in name:
        return "-"
    return "+"


def encode_for(text: str, codec: str) -> bytes:
    """`text` in `codec`, every character it lacks replaced by its nearest."""
    try:
        return text.encode(codec)
    except UnicodeEncodeError:
        return "".join(nearest(char, codec) for char in text).encode(codec, "replace")


class _Stream(io.RawIOBase):
    """A standard stream's file descriptor: failures become OutputError (once; later
    writes are dropped), and UTF-8 is re-encoded for a terminal of another encoding."""

    def __init__(self, fd: int, name: str, terminal_codec: str | None) -> None:
        super().__init__()
        self._fd = fd
        self.stream = name
        self._codec = terminal_codec
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.failed = False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return os.isatty(self._fd)

    def write(self, data: object) -> int:
        payload = bytes(data)  # type: ignore[call-overload]
        if self.failed:
            return len(payload)
        if self._codec is not None:
            payload_out = encode_for(self._decoder.decode(payload), self._codec)
        else:
            payload_out = payload
        view = memoryview(payload_out)
        try:
            while view:
                view = view[os.write(self._fd, view) :]
        except BrokenPipeError:
            self.failed = True
            raise
        except OSError as error:
            self.failed = True
            raise OutputError(error, self.stream) from None
        return len(payload)


def _codec(stream: TextIO) -> str:
    try:
        return codecs.lookup(stream.encoding or "utf-8").name
    except LookupError:
        return "ascii"


def _guarded(stream: TextIO, name: str) -> TextIO:
    """`stream` rebuilt over _Stream, or left alone when it is a UTF-8 terminal (Windows'
    console included) or not a real file (an embedding program's)."""
    try:
        fd = stream.fileno()
    except (OSError, ValueError, AttributeError):
        return stream
    terminal = os.isatty(fd)
    codec = _codec(stream)
    if terminal and codec == "utf-8":
        return stream
    stream.flush()
    raw = _Stream(fd, name, codec if terminal else None)
    line_buffered = terminal or name == "stderr"
    return io.TextIOWrapper(
        io.BufferedWriter(raw), encoding="utf-8", errors="replace", line_buffering=line_buffered
    )


def prepare_streams() -> int | None:
    """Make stdout and stderr safe (module docstring). An exit code when the command
    cannot run at all (stdout closed), else None. For real processes only."""
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    else:
        sys.stderr = _guarded(sys.stderr, "stderr")
    if sys.stdout is None:
        say(
            "Lỗi: đầu ra chuẩn (stdout) đã bị đóng nên không có chỗ ghi kết quả; "
            "chạy lại, chuyển kết quả vào tệp nếu cần (ví dụ: kehoach status > ket-qua.txt)."
        )
        return 2
    sys.stdout = _guarded(sys.stdout, "stdout")
    return None


def say(line: str) -> None:
    """One line on stderr, if stderr can still take it."""
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass


def describe_output_error(error: OutputError) -> str:
    from kehoach_cli.os_errors import describe_os_error

    where = "đầu ra chuẩn (stdout)" if error.stream == "stdout" else "luồng thông báo (stderr)"
    return f"Lỗi: không ghi được kết quả ra {where}: {describe_os_error(error)}."


def flush_streams() -> int | None:
    """Flush stdout and stderr before the process ends: 2 (told) if a write failed."""
    code = None
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (BrokenPipeError, ValueError):
            pass  # reader went away (`| head`) or stream closed: nothing left to say
        except OutputError as error:
            say(describe_output_error(error))
            code = 2
        except OSError:
            code = 2
    return code


def sane_columns() -> None:
    """COLUMNS as a width: unset when it is not a positive number, capped when huge."""
    value = os.environ.get("COLUMNS")
    if value is None:
        return
    try:
        columns = int(value.strip())
    except ValueError:
        columns = 0
    if columns <= 0:
        del os.environ["COLUMNS"]
    elif not MIN_COLUMNS <= columns <= MAX_COLUMNS or value != str(columns):
        os.environ["COLUMNS"] = str(min(max(columns, MIN_COLUMNS), MAX_COLUMNS))
