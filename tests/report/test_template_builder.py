from __future__ import annotations

import io
import zipfile

from kehoach_cli.report.render import default_template
from kehoach_cli.report.template_builder import build_report_template

# Parts whose content is the template; docProps carry build timestamps.
CONTENT_PARTS = ("word/document.xml", "word/styles.xml", "word/header", "word/footer")


def same_document(left: bytes, right: bytes) -> bool:
    a, b = zipfile.ZipFile(io.BytesIO(left)), zipfile.ZipFile(io.BytesIO(right))
    names = sorted(n for n in a.namelist() if n.startswith(CONTENT_PARTS))
    if names != sorted(n for n in b.namelist() if n.startswith(CONTENT_PARTS)):
        return False
    return all(a.read(name) == b.read(name) for name in names)


def test_committed_template_equals_a_fresh_build():
    buffer = io.BytesIO()
    build_report_template().save(buffer)
    assert same_document(buffer.getvalue(), default_template().read_bytes()), (
        "run: python -m kehoach_cli.report.template_builder && cp src/kehoach_cli/resources/bao-cao.docx templates/"
    )


# Names users' own templates rely on: the default template keeps using every one of them.
EXISTING_NAMES = {
    "year", "next_year", "parent_body", "issuing_body", "number", "symbol", "date_line",
    "doc_type", "summary", "addressee_lines", "opening", "direction", "results_intro",
    "task_rows", "results", "budget_rows", "budget_total", "indicator_rows", "achievements",
    "shortcomings", "causes", "next_year_lines", "proposal_lines", "closing", "recipients",
    "signer", "appendix_title", "late_rows", "appendix_empty",
}  # fmt: skip
NEW_NAMES = {
    "draft_lines",
    "budget_title",
    "budget_label",
    "budget_notes",
    "period_label",  # "năm 2024" / "6 tháng đầu năm 2024": a report may be of any period
    "next_heading",
}
# Still in every report context for users' templates, no longer in the default one: a
# report of a period other than the year cannot say "năm {{ year }}".
CONTEXT_ONLY = {"year", "next_year"}


def test_template_uses_the_known_names_and_the_new_ones_only():
    from kehoach_cli.report.template_check import check_template

    report = check_template(default_template(), None)
    assert report.syntax_error is None
    assert report.variables == (EXISTING_NAMES - CONTEXT_ONLY) | NEW_NAMES


def test_names_of_users_templates_are_still_in_every_context():
    from datetime import date

    from kehoach_cli.facts import load_year
    from kehoach_cli.loading.workspace import Workspace
    from kehoach_cli.report.context import ReportOptions, build_context
    from tests.conftest import REPO

    data = load_year(Workspace(REPO), 2024, date(2024, 12, 1))
    context = build_context(data, ReportOptions(), date(2024, 12, 1))
    assert set(context) >= EXISTING_NAMES
    assert (context["year"], context["next_year"]) == (2024, 2025)


def test_the_hand_made_context_renders_cleanly_through_the_template_check():
    from kehoach_cli.report.template_check import check_template
    from tests.report.sample_context import sample_context

    for context in (sample_context(), sample_context(draft_lines=["DỰ THẢO"], budget_notes=["x"])):
        report = check_template(default_template(), context)
        assert report.ok, (report.unknown_variables, report.render_error)


def test_draft_marker_sits_in_both_headers_between_paragraph_tags():
    document = build_report_template()
    section = document.sections[0]
    for header in (section.first_page_header, section.header):
        texts = [paragraph.text for paragraph in header.paragraphs]
        assert texts[:3] == ["{%p if draft_lines %}", "DỰ THẢO", "{%p endif %}"]
    body = [paragraph.text for paragraph in document.paragraphs]
    assert body.index("{%p if draft_lines %}") < body.index("{{ doc_type }}")


def test_the_parent_body_line_sits_between_paragraph_tags_in_the_header():
    """The tags drop the parent line when parent_body is empty (a UBND's own report)."""
    left = build_report_template().tables[0].cell(0, 0)
    texts = [paragraph.text for paragraph in left.paragraphs]
    assert texts[:4] == [
        "{%p if parent_body %}",
        "{{ parent_body }}",
        "{%p endif %}",
        "{{ issuing_body }}",
    ]
    assert not any(run.bold for run in left.paragraphs[1].runs)
    assert all(run.bold for run in left.paragraphs[3].runs)


def test_the_template_check_accepts_an_empty_parent_body():
    from kehoach_cli.report.template_check import check_template
    from tests.report.sample_context import sample_context

    report = check_template(default_template(), sample_context(parent_body=""))
    assert report.ok, (report.unknown_variables, report.render_error)
