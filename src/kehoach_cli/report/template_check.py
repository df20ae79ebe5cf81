"""Check a report template: unknown variables and filters, then a trial render.

Both steps read the untrusted file within the limits (report/isolation.py): the first
(unzip, XML, docxtpl's patching, Jinja's parsing) in one isolated child, the trial render
in another, the two within one time budget."""

from __future__ import annotations

import re
import time
import zipfile
from dataclasses import dataclass, field
from typing import Any

from docx.opc.exceptions import PackageNotFoundError
from jinja2 import TemplateError, TemplateSyntaxError, meta, nodes
from jinja2.exceptions import SecurityError

from kehoach_cli.report.isolation import LimitHit, run_isolated
from kehoach_cli.report.render import (
    RENDER_CPU_SECONDS,
    RENDER_MEMORY_BYTES,
    RENDER_TIME_LIMIT_SECONDS,
    ExternalLink,
    TemplateProblem,
    jinja_environment,
    limit_problem,
    read_template,
    render_docx,
    vet_bytes,
)


@dataclass
class TemplateReport:
    variables: set[str] = field(default_factory=set)
    unknown_variables: set[str] = field(default_factory=set)
    unknown_filters: set[str] = field(default_factory=set)
    unknown_tests: set[str] = field(default_factory=set)
    syntax_error: TemplateProblem | None = None
    render_error: TemplateProblem | None = None
    # Relationships to outside the file (hyperlinks stay, a linked .dotm is dropped; any
    # other kind makes `syntax_error` say it is refused, with the list).
    external_links: list[ExternalLink] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (
            self.unknown_variables
            or self.unknown_filters
            or self.unknown_tests
            or self.syntax_error
            or self.render_error
        )


def _template_source(data: bytes, report: TemplateReport) -> str:
    """The template's body, header, footer and footnote XML, patched as docxtpl renders it."""
    import io

    from docx.oxml import parse_xml
    from docxtpl import DocxTemplate

    vetted = vet_bytes(data)
    report.external_links = vetted.external
    engine = DocxTemplate(io.BytesIO(vetted.data))
    engine.init_docx()
    document: Any = engine.docx
    xml = engine.patch_xml(engine.xml_to_string(document._element.body))
    for relation in document.part.rels.values():
        if relation.reltype in (engine.HEADER_URI, engine.FOOTER_URI) and relation.target_part.blob:
            xml += engine.patch_xml(engine.xml_to_string(parse_xml(relation.target_part.blob)))
    footnotes = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    for part in document.part.package.iter_parts():
        if part.content_type == footnotes:
            xml += engine.patch_xml(engine.xml_to_string(parse_xml(part.blob)))
    return str(xml)


_TOO_DEEP = TemplateProblem(
    "mẫu lồng nhau quá sâu (vượt giới hạn đệ quy): bớt các khối {% if %}/{% for %} lồng trong nhau"
)


def check_template(
    template: Any, context: dict[str, Any] | None, time_limit: float = RENDER_TIME_LIMIT_SECONDS
) -> TemplateReport:
    """`context` is a real report context to try; None checks syntax and names only.
    Both steps together take at most `time_limit` seconds."""
    started = time.monotonic()
    try:
        data = read_template(template)
    except TemplateProblem as problem:
        return TemplateReport(syntax_error=problem)
    try:
        report = run_isolated(
            lambda: _check_names(data, context), time_limit, RENDER_CPU_SECONDS, RENDER_MEMORY_BYTES
        )
    except LimitHit as hit:
        return TemplateReport(syntax_error=limit_problem(hit, time_limit, "khi đọc mẫu"))
    if context is not None and report.ok:
        remaining = max(time_limit - (time.monotonic() - started), 0.5)
        try:
            render_docx(template, context, time_limit=remaining)
        except TemplateProblem as error:
            report.render_error = error
    return report


def _check_names(data: bytes, context: dict[str, Any] | None) -> TemplateReport:
    """Runs isolated: the archive, its XML and its Jinja code read, names checked."""
    report = TemplateReport()
    env = jinja_environment()
    try:
        source = _template_source(data, report)
    except TemplateProblem as problem:
        report.syntax_error = problem
        return report
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError):
        report.syntax_error = TemplateProblem("mẫu không phải tệp Word (.docx) hợp lệ")
        return report
    try:
        return _check_source(env, source, context, report)
    except RecursionError:
        report.syntax_error = _TOO_DEEP
        return report


def _vietnamese(error: TemplateError) -> str:
    if isinstance(error, SecurityError):
        return f"biểu thức truy cập thứ bị chặn trong môi trường an toàn ({error.message})"
    return f"{type(error).__name__}: {error.message}"


def _check_source(
    env: Any, source: str, context: dict[str, Any] | None, report: TemplateReport
) -> TemplateReport:
    try:
        tree = env.parse(source)
    except TemplateSyntaxError as error:
        lines = source.splitlines()[max(0, (error.lineno or 1) - 3) : (error.lineno or 1) + 2]
        text = [re.sub(r"<[^>]+>", "", line).strip() for line in lines]
        report.syntax_error = TemplateProblem(
            f"Lỗi cú pháp Jinja: {error.message}", [t for t in text if t]
        )
        return report
    report.unknown_filters = {node.name for node in tree.find_all(nodes.Filter)} - set(env.filters)
    report.unknown_tests = {node.name for node in tree.find_all(nodes.Test)} - set(env.tests)
    # Finding variables compiles the template, which fails on unknown filters and tests:
    # stand-ins let us list the variables too, in the same run.
    env.filters.update(dict.fromkeys(report.unknown_filters, lambda value, *args, **kwargs: value))
    env.tests.update(dict.fromkeys(report.unknown_tests, lambda value, *args, **kwargs: True))
    try:  # compiling folds constants, where the sandbox may already refuse an expression
        report.variables = set(meta.find_undeclared_variables(tree))
    except TemplateError as error:
        report.syntax_error = TemplateProblem(f"Mẫu bị từ chối: {_vietnamese(error)}")
        return report
    if context is not None:
        report.unknown_variables = report.variables - set(context)
    return report
