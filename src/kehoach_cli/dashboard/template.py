"""The page's Jinja2 template: found as the report's Word template is (--template FILE, else
the workspace's templates/dashboard.html.j2, else the one shipped in the package), rendered
in a sandbox with autoescaping, and its output checked before anything is written.

A template is code that a clerk edits or receives by mail. Jinja's sandbox keeps it from
reaching Python; autoescaping keeps the data's text from becoming markup (only what our own
code made, the sections and the charts, arrives as Markup); the limits below keep one
expression from building a huge value; and the page it writes must still be the offline,
script-free page: the policy meta first in <head>, no script, no handler, nothing fetched.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

TEMPLATE_NAME = "dashboard.html.j2"
MAX_TEMPLATE_BYTES = 1024 * 1024  # the default is 2 KB: a megabyte is a mistake or worse
MAX_PAGE_CHARS = 64 * 1024 * 1024  # the largest page measured (978 units) is ~6 MB
MAX_SEQUENCE = 10 * 1024 * 1024  # one string or list built by '*' or '+'
MAX_INTEGER_BITS = 4096


class PageTemplateProblem(Exception):
    """The template cannot make a page; the message is Vietnamese, with a line when known."""


def default_template() -> Any:
    """The template shipped inside the package (works from any folder, any install)."""
    return resources.files("kehoach_cli") / "resources" / TEMPLATE_NAME


def resolve_template(explicit: Path | None, templates_dir: Path) -> Any:
    """--template, else the workspace's own copy, else the package's."""
    if explicit is not None:
        return explicit
    local = templates_dir / TEMPLATE_NAME
    return local if local.is_file() else default_template()


def read_template(source: Any) -> str:
    """The template's text: a regular file, at most MAX_TEMPLATE_BYTES, UTF-8."""
    if isinstance(source, Path) and source.exists() and not source.is_file():
        raise PageTemplateProblem("không phải tệp thông thường")
    try:
        with source.open("rb") as stream:
            data: bytes = stream.read(MAX_TEMPLATE_BYTES + 1)
    except OSError as error:
        raise PageTemplateProblem(f"không đọc được tệp ({error.strerror or error})") from None
    if len(data) > MAX_TEMPLATE_BYTES:
        raise PageTemplateProblem(f"tệp lớn hơn {MAX_TEMPLATE_BYTES // 1024} KB")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PageTemplateProblem(
            f"không phải văn bản UTF-8 (byte thứ {error.start + 1}); lưu lại tệp với mã UTF-8"
        ) from None


def _length(value: Any) -> int | None:
    return len(value) if isinstance(value, (str, bytes, list, tuple)) else None


class PageEnvironment(SandboxedEnvironment):
    """Jinja's sandbox, plus a bound on what '*', '**' and '+' may build (the sandbox
    already bounds range()). Intercepted operators are never folded at compile time."""

    intercepted_binops = frozenset(["*", "**", "+"])

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                size = _length(sequence)
                if size is not None and isinstance(count, int) and size * count > MAX_SEQUENCE:
                    raise PageTemplateProblem("phép nhân tạo chuỗi quá dài")
            both = isinstance(left, int) and isinstance(right, int)
            if both and left.bit_length() + right.bit_length() > MAX_INTEGER_BITS:
                raise PageTemplateProblem("phép nhân tạo số quá lớn")
        elif operator == "**":
            powers = isinstance(left, int) and isinstance(right, int) and right > 0
            if powers and abs(left) > 1 and left.bit_length() * right > MAX_INTEGER_BITS:
                raise PageTemplateProblem("lũy thừa quá lớn")
        elif operator == "+":
            sizes = _length(left), _length(right)
            if None not in sizes and sum(s or 0 for s in sizes) > MAX_SEQUENCE:
                raise PageTemplateProblem("phép cộng tạo chuỗi quá dài")
        return super().call_binop(context, operator, left, right)


def environment() -> PageEnvironment:
    """Undefined names are errors (a misspelt name never prints as nothing), and every
    value is HTML-escaped unless our own code made it Markup."""
    return PageEnvironment(undefined=StrictUndefined, autoescape=True)


def render_page(text: str, context: dict[str, Any]) -> str:
    """The template filled with `context`; any failure is a PageTemplateProblem that says
    where (line) and what."""
    try:
        template = environment().from_string(text)
        page = template.render(context)
    except TemplateSyntaxError as error:
        raise PageTemplateProblem(
            f"dòng {error.lineno}: lỗi cú pháp Jinja: {error.message}"
        ) from None
    except PageTemplateProblem:
        raise
    except TemplateError as error:
        raise PageTemplateProblem(f"{_line_of(error)}{error.message or error}") from None
    except (ArithmeticError, TypeError, ValueError, RecursionError) as error:
        raise PageTemplateProblem(f"{_line_of(error)}biểu thức lỗi: {error}") from None
    if len(page) > MAX_PAGE_CHARS:
        raise PageTemplateProblem(f"trang tạo ra dài hơn {MAX_PAGE_CHARS // (1024 * 1024)} MB")
    check_page(page, context["policy"])
    return page


def _line_of(error: BaseException) -> str:
    """'dòng N: ' from the template frame of the traceback, when there is one."""
    trace = error.__traceback__
    line = None
    while trace is not None:
        if trace.tb_frame.f_code.co_filename == "<template>":
            line = trace.tb_lineno
        trace = trace.tb_next
    return f"dòng {line}: " if line else ""


# --- the page it wrote ----------------------------------------------------------------------

# Elements that run code or fetch something; attributes that point somewhere.
_REFUSED_TAGS = {"script", "iframe", "frame", "object", "embed", "base", "link", "applet"}
_URL_ATTRIBUTES = {
    "href",
    "src",
    "xlink:href",
    "action",
    "formaction",
    "srcset",
    "poster",
    "data",
    "background",
    "ping",
    "manifest",
    "cite",
    "longdesc",
}


@dataclass
class _Finding:
    line: int
    what: str


class _PageChecker(HTMLParser):
    def __init__(self, policy: str) -> None:
        super().__init__(convert_charrefs=True)
        self.policy = policy
        self.found: list[_Finding] = []
        self.in_head = False
        self.head_elements = 0
        self.policy_first = False
        self.in_style = False

    def _refuse(self, what: str) -> None:
        self.found.append(_Finding(self.getpos()[0], what))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "head":
            self.in_head = True
        elif self.in_head:
            self._head_element(tag, values)
        if tag in _REFUSED_TAGS:
            self._refuse(f"thẻ <{tag}> (trang không được chạy mã hay tải gì từ ngoài)")
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            self._refuse("thẻ <meta http-equiv=refresh>")
        if tag == "style":
            self.in_style = True
        for name, value in attrs:
            if name.startswith("on"):
                self._refuse(f"thuộc tính {name} (mã JavaScript)")
            elif name in _URL_ATTRIBUTES and value and not value.startswith(("#", "data:")):
                self._refuse(f'{name}="{value[:60]}" (chỉ được dẫn tới một mục trong trang)')
            elif name == "style" and value:
                self._check_css(value)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def _head_element(self, tag: str, values: dict[str, str | None]) -> None:
        self.head_elements += 1
        is_policy = (values.get("http-equiv") or "").lower() == "content-security-policy"
        if is_policy and values.get("content") == self.policy and self.head_elements <= 2:
            self.policy_first = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False
        if tag == "style":
            self.in_style = False

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self._check_css(data)

    def _check_css(self, css: str) -> None:
        lowered = css.lower()
        if "@import" in lowered or (
            "url(" in lowered and "url(data:" not in lowered.replace(" ", "")
        ):
            self._refuse("CSS có @import hoặc url(…) (trang không tải gì từ ngoài)")
        if "javascript:" in lowered or "expression(" in lowered:
            self._refuse("CSS có mã JavaScript")


def check_page(page: str, policy: str) -> None:
    """Refuse a page that could run code or fetch anything, or that lost the policy."""
    checker = _PageChecker(policy)
    checker.feed(page)
    checker.close()
    if not checker.policy_first:
        checker.found.insert(
            0,
            _Finding(1, "thiếu {{ head }} ở đầu thẻ <head> (thẻ meta Content-Security-Policy)"),
        )
    if checker.found:
        first = checker.found[0]
        more = f" (và {len(checker.found) - 1} chỗ khác)" if len(checker.found) > 1 else ""
        raise PageTemplateProblem(
            f"trang tạo ra, dòng {first.line}: không được dùng {first.what}{more}"
        )
