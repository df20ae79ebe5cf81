"""Render a Word template with the report context: sandboxed Jinja, strict, escaped."""

from __future__ import annotations

import io
import signal
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

from docx.opc.exceptions import PackageNotFoundError
from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

REPORT_TEMPLATE_NAME = "bao-cao.docx"


@dataclass(frozen=True)
class Provenance:
    tool_version: str
    generated_at: datetime
    data_commit: str | None = None
    data_dirty: bool | None = False  # None: the repository could not be read ("không rõ")

    def describe(self) -> str:
        text = f"Tạo bởi kehoach {self.tool_version} lúc {self.generated_at:%Y-%m-%d %H:%M:%S}"
        if self.data_commit:
            text += f"; dữ liệu: commit {self.data_commit[:12]}"
            if self.data_dirty:
                text += " (có thay đổi chưa commit)"
            elif self.data_dirty is None:
                text += " (không rõ có thay đổi chưa commit hay không)"
        elif self.data_dirty is None:
            text += "; dữ liệu: commit không rõ"
        return text


class TemplateProblem(Exception):
    """The template cannot be rendered; `context_lines` is the template text around it."""

    def __init__(self, message: str, context_lines: list[str] | None = None) -> None:
        super().__init__(message)
        self.context_lines = context_lines or []


def jinja_environment() -> SandboxedEnvironment:
    """Templates are code that clerks edit: sandboxed, undefined names are errors, and
    autoescape so that '&', '<', '>' and quotes in the data reach the XML intact."""
    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)


def default_template() -> Any:
    """The template shipped inside the package (works from any folder, any install)."""
    return resources.files("kehoach_cli") / "resources" / REPORT_TEMPLATE_NAME


def resolve_template(explicit: Path | None, templates_dir: Path) -> Any:
    if explicit is not None:
        return explicit
    local = templates_dir / REPORT_TEMPLATE_NAME
    return local if local.is_file() else default_template()


# A template is code a clerk edits: a loop that never ends must not hang the command.
RENDER_TIME_LIMIT_SECONDS = 60.0


class _RenderTimeout(Exception):
    pass


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Interrupt the block after `seconds` (Unix main thread; elsewhere no limit)."""
    usable = (
        seconds is not None
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def interrupt(signum: int, frame: Any) -> None:
        raise _RenderTimeout

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def render_docx(
    template: Any,
    context: dict[str, Any],
    provenance: Provenance | None = None,
    time_limit: float | None = RENDER_TIME_LIMIT_SECONDS,
) -> bytes:
    """The rendered document. Every failure that comes from the template (syntax, unknown
    names, unsafe access, runaway loops, a file that is not .docx) is a TemplateProblem."""
    from docxtpl import DocxTemplate

    stream = open_template(template)
    try:
        with _time_limit(time_limit):
            document = DocxTemplate(stream)
            document.render(context, jinja_env=jinja_environment(), autoescape=True)
    except TemplateError as error:
        lines = [line.strip() for line in getattr(error, "docx_context", []) if line.strip()]
        raise TemplateProblem(_describe(error), lines) from None
    except _RenderTimeout:
        raise TemplateProblem(
            f"quá {time_limit:g} giây mà chưa tạo xong: mẫu có vòng lặp quá lớn hoặc không dừng"
        ) from None
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError):
        raise TemplateProblem("mẫu không phải tệp Word (.docx) hợp lệ") from None
    except OSError:
        raise  # reading the template: an environment problem, reported as such
    except Exception as error:  # anything the template's own expressions raise
        raise TemplateProblem(f"{type(error).__name__}: {error}") from None
    if provenance is not None:
        properties = document.docx.core_properties
        properties.author = f"kehoach {provenance.tool_version}"
        properties.last_modified_by = properties.author
        properties.comments = provenance.describe()
        properties.created = properties.modified = provenance.generated_at
        properties.title = str(context.get("summary", ""))
        properties.subject = str(context.get("doc_type", ""))
        properties.keywords = "kehoach"
        properties.language = "vi-VN"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# A report template is a few hundred KB (a logo at most adds a few MB). The cap keeps a
# crafted archive (a "zip bomb": 450 KB that inflates to 400 MB took 0.9 GB of memory
# before lxml gave up) from ever being inflated.
MAX_TEMPLATE_BYTES = 64 * 1024 * 1024


def open_template(template: Any) -> io.BytesIO:
    """The template's bytes, once they are known to be a .docx-sized zip archive.
    Raises TemplateProblem otherwise; OSError when the file cannot be read."""
    with template.open("rb") if hasattr(template, "open") else open(template, "rb") as stream:
        data = stream.read(MAX_TEMPLATE_BYTES + 1)
    megabytes = MAX_TEMPLATE_BYTES // (1024 * 1024)
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateProblem(f"mẫu quá lớn (hơn {megabytes} MB)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            # Sizes from the central directory; zipfile never inflates a part past them.
            inflated = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        raise TemplateProblem("mẫu không phải tệp Word (.docx) hợp lệ") from None
    if inflated > MAX_TEMPLATE_BYTES:
        raise TemplateProblem(
            f"mẫu quá lớn khi giải nén ({inflated // (1024 * 1024)} MB, tối đa {megabytes} MB): "
            "tệp .docx có thể đã bị làm hỏng hoặc cố ý làm phình"
        )
    return io.BytesIO(data)


def _describe(error: TemplateError) -> str:
    line = getattr(error, "lineno", None)
    where = f" (dòng {line} trong XML của mẫu)" if line else ""
    return f"{type(error).__name__}: {error.message or error}{where}"
