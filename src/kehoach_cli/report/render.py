"""Render a Word template with the report context: sandboxed Jinja, strict, escaped, bounded.

A template is code that a clerk edits or receives by mail, so every resource it can take
is bounded, and each limit ends in a TemplateProblem that names it:

- the file: a regular file (a FIFO or a device is refused before it is opened for
  reading), at most 64 MB on disk and inflated; from the zip directory, before anything
  is inflated: at most 1000 parts, none encrypted, XML parts of at most 8 MB, no part
  that inflates more than 200 times; XML parts without DTDs (no entity expansion, no
  network), at most 20 000 paragraphs each, no run of braces Jinja cannot read;
- external relationships: a linked template (attachedTemplate) is dropped from the
  output; linked pictures, OLE links and other external parts are refused (hyperlinks
  stay: Word follows them only when clicked);
- the Jinja code: huge repetitions (`'a' * 10**9`, `[0] * 10**9`), powers
  (`9**9**9`), format widths and the output's size are refused by the sandbox rules;
- the process: only reading the file's bytes happens in the command's process; every
  step that parses them (unzip, XML, docxtpl's patching, Jinja's parsing and rendering,
  saving) runs in a forked child with wall-clock, CPU and memory limits (isolation.py;
  elsewhere in-process with a time limit), and the command writes the result;
- the data: every string of the context reaches the XML with its braces as character
  references, so no pass of docxtpl can ever read a unit's text as Jinja.
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

from docx.opc.exceptions import PackageNotFoundError
from jinja2 import StrictUndefined, TemplateError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from kehoach_cli.errors import shortened
from kehoach_cli.report.isolation import LimitHit, run_isolated

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

    def __reduce__(self) -> tuple[Any, ...]:  # sent whole from the isolated child
        return (TemplateProblem, (str(self), self.context_lines))


# --- limits ---------------------------------------------------------------------------------

# A report template is a few hundred KB (a logo at most adds a few MB). The cap keeps a
# crafted archive (a "zip bomb": 450 KB that inflates to 400 MB took 0.9 GB of memory
# before lxml gave up) from ever being inflated.
MAX_TEMPLATE_BYTES = 64 * 1024 * 1024
# The rendered XML of all parts. Measured: document.xml is 0.06 MB for the bundled data,
# 10 MB for a 540-unit year and 20 MB for a 978-unit year (benchmarks/make_corpus.py):
# 64 MB is three times the largest, and what lxml can still parse in the memory below.
MAX_OUTPUT_CHARS = 64 * 1024 * 1024
# One string or list built by an expression ('x' * n, list + list, '%9999d' % n).
MAX_SEQUENCE_LENGTH = 10 * 1024 * 1024
# An integer built by ** or *: 4 096 bits is 1 233 digits, more than any report needs.
MAX_INTEGER_BITS = 4096
# What one archive may hold, checked in its zip directory before anything is inflated: a
# .docx from Word has 10-30 parts, XML parts compress 10-40 times (the bundled styles.xml:
# 28), and the bundled document.xml is 38 KB with 164 paragraphs. An XML part of 60 MB took
# 16-52 s and 1-2 GB to parse and render; 170 000 empty paragraphs took a minute.
MAX_PARTS = 1000
MAX_XML_PART_BYTES = 8 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200  # for a part of more than 1 MB inflated
MAX_PARAGRAPHS = 20_000  # in one part of the template (the report's loops add their own)
# A run of braces no template needs ({{ followed by 20 000 '{' kept docxtpl's patching
# and Jinja's parser busy for minutes).
MAX_BRACE_RUN = 64
# Every step that reads a template runs isolated (isolation.py) with these limits. Measured
# (make_corpus.py corpora, default template): the bundled data takes 0.09 s CPU and a few
# MB; a 540-unit year 1.1 s and +74 MB; a 978-unit year 3.2 s and +158 MB. 7 s of wall and
# CPU time leave twice that largest year and keep a whole command (start and loading the
# data included: a runaway template's `report` took 8-9 s with an 8 s limit) within 10 s;
# 512 MB is the resident memory of the child in all.
RENDER_CPU_SECONDS = 7
RENDER_MEMORY_BYTES = 512 * 1024 * 1024
RENDER_TIME_LIMIT_SECONDS = 7.0

MB = 1024 * 1024


# --- the sandbox --------------------------------------------------------------------------


class _LimitExceeded(Exception):
    """A sandbox limit; the message is the Vietnamese text for the user."""


def _size(value: Any) -> int | None:
    return len(value) if isinstance(value, (str, bytes, list, tuple)) else None


_FORMAT_WIDTHS = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


def _check_format_widths(text: str) -> None:
    total = 0
    for width, precision in _FORMAT_WIDTHS.findall(text):
        if "*" in (width, precision):
            raise _LimitExceeded("định dạng chuỗi dùng độ rộng '*' (không được phép trong mẫu)")
        total += int(width or 0) + int(precision or 0)
    if total > MAX_SEQUENCE_LENGTH:
        raise _LimitExceeded(
            f"định dạng chuỗi đòi độ rộng {total:,} ký tự (tối đa {MAX_SEQUENCE_LENGTH:,})".replace(
                ",", "."
            )
        )


def _too_long(kind: str, length: int) -> _LimitExceeded:
    return _LimitExceeded(
        f"phép tính tạo {kind} dài {length:,} phần tử (tối đa {MAX_SEQUENCE_LENGTH:,})".replace(
            ",", "."
        )
    )


class ReportEnvironment(SandboxedEnvironment):
    """Jinja's sandbox plus limits on what one expression can build. Intercepted operators
    are also never folded at compile time, so `{{ 9**9**9 }}` is refused, not computed."""

    intercepted_binops = frozenset(["*", "**", "%", "+"])

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                length = _size(sequence)
                if (
                    length is not None
                    and isinstance(count, int)
                    and length * max(count, 0) > MAX_SEQUENCE_LENGTH
                ):
                    raise _too_long("chuỗi hoặc danh sách", length * count)
            if isinstance(left, int) and isinstance(right, int):
                bits = left.bit_length() + right.bit_length()
                if bits > MAX_INTEGER_BITS:
                    raise _LimitExceeded(f"phép nhân tạo số quá lớn (khoảng {bits} bit)")
        elif operator == "**":
            if isinstance(left, int) and isinstance(right, int) and right > 0:
                bits = max(left.bit_length() - 1, 0) * right
                if bits > MAX_INTEGER_BITS or (abs(left) > 1 and right > MAX_INTEGER_BITS):
                    raise _LimitExceeded(
                        f"lũy thừa quá lớn ({left}**{right}, tối đa {MAX_INTEGER_BITS} bit)"
                        if right < 10**6
                        else f"lũy thừa quá lớn (tối đa {MAX_INTEGER_BITS} bit)"
                    )
        elif operator == "%":
            if isinstance(left, str):
                _check_format_widths(left)
        elif operator == "+":
            left_size, right_size = _size(left), _size(right)
            if (
                left_size is not None
                and right_size is not None
                and left_size + right_size > MAX_SEQUENCE_LENGTH
            ):
                raise _too_long("chuỗi hoặc danh sách", left_size + right_size)
        return super().call_binop(context, operator, left, right)


def _bounded_center(value: Any, width: int = 80) -> str:
    if width > MAX_SEQUENCE_LENGTH:
        raise _too_long("chuỗi (center)", width)
    return str(value).center(width)


def _neutral(value: Any) -> Markup:
    """What an expression prints: XML-escaped, with '{' and '}' as character references
    (the same characters to Word) so that no later pass can read data as Jinja."""
    text = value if isinstance(value, Markup) else escape(value)
    return Markup(str(text).replace("{", "&#123;").replace("}", "&#125;"))


def jinja_environment() -> SandboxedEnvironment:
    """Templates are code that clerks edit: sandboxed with limits, undefined names are
    errors, and autoescape so that '&', '<', '>' and quotes in the data reach the XML
    intact; braces in printed values are neutralised (see `_neutral`)."""
    env = ReportEnvironment(undefined=StrictUndefined, autoescape=True, finalize=_neutral)
    original_indent = env.filters["indent"]
    original_format = env.filters["format"]
    original_replace = env.filters["replace"]

    def bounded_indent(value: Any, width: Any = 4, *args: Any, **kwargs: Any) -> Any:
        if isinstance(width, int) and width * max(str(value).count("\n") + 1, 1) > (
            MAX_SEQUENCE_LENGTH
        ):
            raise _too_long("chuỗi (indent)", width)
        return original_indent(value, width, *args, **kwargs)

    def bounded_format(value: Any, *args: Any, **kwargs: Any) -> Any:
        _check_format_widths(str(value))
        return original_format(value, *args, **kwargs)

    def bounded_replace(eval_ctx: Any, value: Any, old: Any, new: Any, count: Any = None) -> Any:
        text = str(value)
        hits = text.count(str(old)) if old else len(text) + 1
        if len(text) + hits * len(str(new)) > MAX_SEQUENCE_LENGTH:
            raise _too_long("chuỗi (replace)", len(text) + hits * len(str(new)))
        return original_replace(eval_ctx, value, old, new, count)

    bounded_replace.jinja_pass_arg = original_replace.jinja_pass_arg  # type: ignore[attr-defined]
    env.filters.update(center=_bounded_center, indent=bounded_indent, format=bounded_format)
    env.filters["replace"] = bounded_replace
    return env


def default_template() -> Any:
    """The template shipped inside the package (works from any folder, any install)."""
    return resources.files("kehoach_cli") / "resources" / REPORT_TEMPLATE_NAME


def resolve_template(explicit: Path | None, templates_dir: Path) -> Any:
    if explicit is not None:
        return explicit
    local = templates_dir / REPORT_TEMPLATE_NAME
    return local if local.is_file() else default_template()


# --- reading and vetting the archive --------------------------------------------------------

_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_ATTACHED_TEMPLATE = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"
)
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass(frozen=True)
class ExternalLink:
    part: str  # the .rels part that holds it
    kind: str  # the relationship type's last word: hyperlink, image, attachedTemplate…
    target: str

    @property
    def fate(self) -> str:
        if self.kind == "hyperlink":
            return "giữ nguyên (chỉ mở khi bấm vào)"
        if self.kind == "attachedTemplate":
            return "bị bỏ khỏi báo cáo"
        return "không được phép"


@dataclass
class VettedTemplate:
    data: bytes
    external: list[ExternalLink] = field(default_factory=list)


def _safe_parser() -> Any:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def read_template(template: Any) -> bytes:
    """The bytes of a template that is a regular file of at most MAX_TEMPLATE_BYTES, read
    without parsing anything. A FIFO, a device or a socket is refused at once, without
    blocking on it. Raises TemplateProblem, or OSError when the file cannot be read."""
    data = _read_regular_file(template)
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateProblem(f"mẫu quá lớn (hơn {MAX_TEMPLATE_BYTES // MB} MB)")
    return data


def _read_regular_file(template: Any) -> bytes:
    if hasattr(template, "open") and not isinstance(template, (str, os.PathLike)):
        with template.open("rb") as stream:  # a packaged resource
            return bytes(stream.read(MAX_TEMPLATE_BYTES + 1))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(os.fspath(template), flags)
    except IsADirectoryError:
        raise TemplateProblem(_NOT_A_FILE.format(kind="một thư mục")) from None
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        kind = (
            "một FIFO (ống dẫn)"
            if stat.S_ISFIFO(mode)
            else "một thư mục"
            if stat.S_ISDIR(mode)
            else "một thiết bị hoặc socket"
        )
        raise TemplateProblem(_NOT_A_FILE.format(kind=kind))
    with os.fdopen(descriptor, "rb") as stream:
        return stream.read(MAX_TEMPLATE_BYTES + 1)


_NOT_A_FILE = "mẫu không phải tệp thường mà là {kind}; hãy chỉ một tệp .docx"
_DOCTYPES = tuple("<!DOCTYPE".encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be"))
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a password-protected .docx, or a .doc
_NOT_DOCX = "mẫu không phải tệp Word (.docx) hợp lệ"


def vet_template(template: Any) -> VettedTemplate:
    """`vet_bytes` of the template's bytes, in this process (the isolated steps call it)."""
    return vet_bytes(read_template(template))


def _check_directory(infos: list[zipfile.ZipInfo]) -> None:
    """Refuse an archive by its zip directory alone, before inflating any part of it."""
    megabytes = MAX_TEMPLATE_BYTES // MB
    if len(infos) > MAX_PARTS:
        raise TemplateProblem(
            f"mẫu có {len(infos)} phần trong tệp nén (tối đa {MAX_PARTS}): tệp Word thường có "
            "vài chục phần; tệp có thể đã bị làm hỏng hoặc cố ý làm phình"
        )
    inflated = sum(info.file_size for info in infos)
    if inflated > MAX_TEMPLATE_BYTES:
        raise TemplateProblem(
            f"mẫu quá lớn khi giải nén ({inflated // MB} MB, tối đa {megabytes} MB): "
            "tệp .docx có thể đã bị làm hỏng hoặc cố ý làm phình"
        )
    for info in infos:
        name = shortened(info.filename)
        if info.flag_bits & 0x1:
            raise TemplateProblem(
                f"phần {name} của mẫu bị mã hóa (đặt mật khẩu trong tệp nén); kehoach không "
                "đọc được. Mở mẫu bằng Word rồi lưu lại không đặt mật khẩu"
            )
        if info.filename.endswith((".xml", ".rels")) and info.file_size > MAX_XML_PART_BYTES:
            raise TemplateProblem(
                f"phần {name} của mẫu quá lớn khi giải nén ({info.file_size // MB} MB XML, tối "
                f"đa {MAX_XML_PART_BYTES // MB} MB): mẫu báo cáo chỉ cần vài trăm KB"
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MB and ratio > MAX_COMPRESSION_RATIO:
            raise TemplateProblem(
                f"phần {name} của mẫu nén bất thường (nở {ratio:.0f} lần, tối đa "
                f"{MAX_COMPRESSION_RATIO}): tệp có thể là một 'bom nén'; không dùng mẫu này"
            )


def _check_xml_text(name: str, blob: bytes) -> None:
    """Shapes that no template needs and that make docxtpl or Jinja run for minutes."""
    paragraphs = blob.count(b"<w:p>") + blob.count(b"<w:p ") + blob.count(b"<w:p/>")
    if paragraphs > MAX_PARAGRAPHS:
        raise TemplateProblem(
            f"phần {shortened(name)} của mẫu có {paragraphs:,} đoạn văn (tối đa "
            f"{MAX_PARAGRAPHS:,}): mẫu báo cáo chỉ cần vài trăm; bớt các đoạn trống".replace(
                ",", "."
            )
        )
    for brace in (b"{", b"}"):
        if brace * (MAX_BRACE_RUN + 1) in blob:
            raise TemplateProblem(
                f"phần {shortened(name)} của mẫu có hơn {MAX_BRACE_RUN} dấu "
                f"'{brace.decode()}' liền nhau: Jinja không đọc được; xóa chuỗi dấu ngoặc này"
            )


def vet_bytes(data: bytes) -> VettedTemplate:
    """The template's bytes once they are known to be a .docx-sized zip archive whose XML
    has no DTD and no shape that would keep the renderer busy, with a linked template
    removed and its external links listed. Raises TemplateProblem otherwise. Untrusted
    input: call it within the limits (render_docx and check_template do)."""
    if data.startswith(_OLE_MAGIC):
        raise TemplateProblem(
            "mẫu là tệp Word được đặt mật khẩu (mã hóa) hoặc tệp .doc cũ; mở bằng Word rồi "
            "lưu thành .docx không đặt mật khẩu"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            # Sizes from the central directory; zipfile never inflates a part past them.
            _check_directory(infos)
            parts = {
                info.filename: archive.read(info)
                for info in infos
                if info.filename.endswith((".xml", ".rels"))
            }
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError, RuntimeError):
        raise TemplateProblem(_NOT_DOCX) from None
    from lxml import etree

    trees = {}
    parser = _safe_parser()
    for name, blob in parts.items():
        if any(doctype in blob for doctype in _DOCTYPES):
            raise TemplateProblem(_DOCTYPE_MESSAGE.format(name=shortened(name)))
        _check_xml_text(name, blob)
        try:
            tree = etree.fromstring(blob, parser).getroottree()
        except etree.XMLSyntaxError as error:
            raise TemplateProblem(
                f"phần {shortened(name)} của mẫu không phải XML hợp lệ "
                f"({shortened(error.msg, 200)}); mở và lưu lại mẫu bằng Word"
            ) from None
        if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
            raise TemplateProblem(_DOCTYPE_MESSAGE.format(name=shortened(name)))
        trees[name] = tree
    return _handle_external_links(data, trees)


_DOCTYPE_MESSAGE = (
    "phần {name} của mẫu có khai báo <!DOCTYPE> (thực thể XML): Word không tạo ra khai báo "
    "này, tệp có thể là một 'bom thực thể' (vài KB nở thành hàng GB); không dùng mẫu này"
)


def _handle_external_links(data: bytes, trees: dict[str, Any]) -> VettedTemplate:
    from lxml import etree

    links: list[ExternalLink] = []
    drop: dict[str, set[str]] = {}  # rels part → ids of attachedTemplate relationships
    for name, tree in trees.items():
        if not name.endswith(".rels"):
            continue
        for rel in tree.getroot().iter(f"{{{_RELS_NS}}}Relationship"):
            if rel.get("TargetMode") != "External":
                continue
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            link = ExternalLink(name, kind, rel.get("Target") or "")
            links.append(link)
            if kind == "attachedTemplate":
                drop.setdefault(name, set()).add(rel.get("Id") or "")
    refused = [link for link in links if link.fate == "không được phép"]
    if refused:
        first = refused[0]
        raise TemplateProblem(
            f"mẫu có {len(refused)} liên kết ra ngoài tệp (đầu tiên: {first.kind} → "
            f"{first.target[:120]}); Word sẽ tự tải chúng khi mở báo cáo. Hãy chèn hình "
            "hoặc đối tượng vào hẳn trong tệp (Chèn → Ảnh → Chèn, không chọn 'Liên kết')",
            [f"{link.part}: {link.kind} → {link.target[:200]}" for link in refused],
        )
    if not drop:
        return VettedTemplate(data, links)
    # Remove the relationship and the <w:attachedTemplate> that points at it.
    replaced: dict[str, bytes] = {}
    for rels_name, ids in drop.items():
        tree = trees[rels_name]
        for rel in list(tree.getroot()):
            if rel.get("Id") in ids:
                tree.getroot().remove(rel)
        replaced[rels_name] = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
        owner = rels_name.replace("_rels/", "").removesuffix(".rels")
        if owner in trees:
            owner_tree = trees[owner]
            for element in list(owner_tree.getroot().iter(f"{{{_W_NS}}}attachedTemplate")):
                element.getparent().remove(element)
            replaced[owner] = etree.tostring(owner_tree, xml_declaration=True, encoding="UTF-8")
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info, replaced.get(info.filename, source.read(info)))
    return VettedTemplate(buffer.getvalue(), links)


def open_template(template: Any) -> io.BytesIO:
    """The template's vetted bytes (see `vet_template`) as a stream."""
    return io.BytesIO(vet_template(template).data)


# --- rendering ----------------------------------------------------------------------------


class _OutputTooLarge(Exception):
    pass


def _docx_template_class() -> Any:
    from docxtpl import DocxTemplate

    class ReportTemplate(DocxTemplate):  # type: ignore[misc]
        """docxtpl with three changes: every part is rendered once (docxtpl renders the
        footnotes part once per section), the output's size is counted while it is
        generated, and resolve_listing runs only on a part that holds one of the four
        characters it rewrites (it changes nothing else: ~12% of a large report)."""

        output_chars = 0

        def render_xml_part(
            self, src_xml: str, part: Any, context: Any, jinja_env: Any = None
        ) -> Any:
            src_xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml)
            try:
                self.current_rendering_part = part
                template = jinja_env.from_string(src_xml)
                pieces = []
                for piece in template.generate(context):
                    self.output_chars += len(piece)
                    if self.output_chars > MAX_OUTPUT_CHARS:
                        raise _OutputTooLarge
                    pieces.append(piece)
                dst_xml = "".join(pieces)
            except TemplateError as exc:
                if getattr(exc, "lineno", None) is not None:
                    line_number = max(exc.lineno - 4, 0)  # type: ignore[attr-defined]
                    exc.docx_context = [  # type: ignore[attr-defined]
                        re.sub(r"<[^>]+>", "", line)
                        for line in src_xml.splitlines()[line_number : line_number + 7]
                    ]
                raise
            dst_xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", dst_xml)
            dst_xml = (
                dst_xml.replace("{_{", "{{")
                .replace("}_}", "}}")
                .replace("{_%", "{%")
                .replace("%_}", "%}")
            )
            if _needs_listing(dst_xml):
                dst_xml = self.resolve_listing(dst_xml)
            return dst_xml

        def render_footnotes(self, context: Any, jinja_env: Any = None) -> None:
            footnotes = (
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
            )
            seen: set[int] = set()
            for part in self.docx.part.package.iter_parts():
                if part.content_type != footnotes or id(part) in seen:
                    continue
                seen.add(id(part))
                blob = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
                xml = self.render_xml_part(self.patch_xml(blob), part, context, jinja_env)
                part._blob = xml.encode("utf-8")

    return ReportTemplate


def _needs_listing(xml: str) -> bool:
    """docxtpl's resolve_listing only turns these four characters into Word markup (a tab,
    a paragraph, a line break, a page break): without them it returns its input as is."""
    return any(character in xml for character in "\t\a\n\f")


def _render_here(data: bytes, context: dict[str, Any], provenance: Provenance | None) -> bytes:
    """Render in this process. Raises TemplateProblem for whatever the template causes."""
    try:
        document = _docx_template_class()(io.BytesIO(data))
        document.render(context, jinja_env=jinja_environment(), autoescape=True)
    except _LimitExceeded as error:
        raise TemplateProblem(f"mẫu vượt giới hạn: {error}") from None
    except _OutputTooLarge:
        raise TemplateProblem(
            f"mẫu tạo ra văn bản quá lớn (hơn {MAX_OUTPUT_CHARS // MB} MB XML): "
            "vòng lặp quá lớn hoặc lồng nhau"
        ) from None
    except TemplateError as error:
        lines = [line.strip() for line in getattr(error, "docx_context", []) if line.strip()]
        if isinstance(error, SecurityError) and "range" in str(error):
            raise TemplateProblem(f"mẫu vượt giới hạn: {error}", lines) from None
        raise TemplateProblem(_describe(error), lines) from None
    except RecursionError:
        raise TemplateProblem(
            "mẫu lồng nhau quá sâu (vượt giới hạn đệ quy): bớt các khối {% if %}/{% for %} "
            "lồng trong nhau"
        ) from None
    except MemoryError:
        raise TemplateProblem(_memory_message()) from None
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError):
        raise TemplateProblem("mẫu không phải tệp Word (.docx) hợp lệ") from None
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


def _memory_message(doing: str = "khi tạo văn bản") -> str:
    return (
        f"mẫu dùng quá {RENDER_MEMORY_BYTES // MB} MB bộ nhớ {doing}: "
        "vòng lặp, phép tính hoặc phần XML quá lớn"
    )


def limit_problem(hit: LimitHit, seconds: float, doing: str) -> TemplateProblem:
    """The Vietnamese sentence for a limit the isolated work ran into while `doing`."""
    if hit.kind == "memory":
        return TemplateProblem(_memory_message(doing))
    if hit.kind == "crash":
        return TemplateProblem(
            f"tiến trình xử lý mẫu dừng bất thường {doing} (tín hiệu {hit.signal_number}); "
            "mẫu có thể đã hỏng"
        )
    return TemplateProblem(
        f"quá {seconds:g} giây {doing} mà chưa xong: mẫu có vòng lặp quá lớn hoặc không "
        "dừng, hoặc quá nhiều nội dung"
    )


def render_docx(
    template: Any,
    context: dict[str, Any],
    provenance: Provenance | None = None,
    time_limit: float | None = RENDER_TIME_LIMIT_SECONDS,
    finish: Callable[[bytes], bytes] | None = None,
) -> bytes:
    """The rendered document (passed through `finish`, within the same limits: it reads
    what the template made). Every failure that comes from the template (syntax, unknown
    names, unsafe access, a limit exceeded, a file that is not .docx) is a TemplateProblem;
    an OSError is a file that cannot be read.

    Only reading the file's bytes happens here; every step that parses them (the zip,
    the XML, docxtpl's patching, Jinja's parsing and rendering, saving the document)
    runs isolated within the limits (isolation.py). The caller writes the result."""
    data = read_template(template)
    seconds = RENDER_TIME_LIMIT_SECONDS if time_limit is None else time_limit

    def work() -> bytes:
        document = _render_here(vet_bytes(data).data, context, provenance)
        return finish(document) if finish is not None else document

    try:
        return run_isolated(work, seconds, RENDER_CPU_SECONDS, RENDER_MEMORY_BYTES)
    except LimitHit as hit:
        raise limit_problem(hit, seconds, "khi tạo văn bản") from None


def _describe(error: TemplateError) -> str:
    line = getattr(error, "lineno", None)
    where = f" (dòng {line} trong XML của mẫu)" if line else ""
    return f"{type(error).__name__}: {error.message or error}{where}"
