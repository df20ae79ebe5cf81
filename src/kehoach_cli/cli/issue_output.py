"""Render issues as text (for people), GitHub annotations (for CI), a GitLab Code Quality
report (for merge requests) or JSON (for tools)."""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from kehoach_cli.cli.console import shown
from kehoach_cli.cli.locations import display_path
from kehoach_cli.diagnostics import Issue


def color_choice(color: bool, no_color: bool) -> bool | None:
    """--no-color wins over --color; neither: None (cli/color.py decides)."""
    from kehoach_cli.cli.color import choose

    return choose(color, no_color)


def _use_color(stream: TextIO, color: bool | None = None) -> bool:
    from kehoach_cli.cli.color import wanted

    return wanted(stream, color)


def format_text(issue: Issue, color: bool = False) -> str:
    """One located line (and the hint's): what came from the data or a file name is shown
    escaped, so that it cannot colour, clear or add a line to the terminal."""
    location = shown(display_path(issue.file))
    if issue.position:
        location += f":{issue.position.line}:{issue.position.column}"
    label = f"[{issue.severity.label}]"
    if color:
        label = f"\x1b[{'31' if issue.is_error else '33'};1m{label}\x1b[0m"
    field = f" {shown(issue.field)}:" if issue.field else ""
    line = f"{location}: {label}{field} {shown(issue.message)} ({issue.code})"
    if issue.hint:
        line += f"\n    gợi ý: {shown(issue.hint)}"
    return line


def _escape_data(text: str) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return shown(text)  # what is left (ESC, tabs…) written as escapes


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(issue: Issue) -> str:
    """A GitHub Actions workflow command: an annotation on the file and line."""
    properties = [f"file={_escape_property(display_path(issue.file))}"]
    if issue.position:
        properties += [f"line={issue.position.line}", f"col={issue.position.column}"]
    properties.append(f"title={_escape_property(issue.code)}")
    level = "error" if issue.is_error else "warning"
    field = f"{issue.field}: " if issue.field else ""
    message = f"{field}{issue.message}" + (f" — gợi ý: {issue.hint}" if issue.hint else "")
    return f"::{level} {','.join(properties)}::{_escape_data(message)}"


def issue_to_json(issue: Issue) -> dict[str, object]:
    return {
        "code": issue.code,
        "severity": issue.severity.value,
        "file": display_path(issue.file),
        "line": issue.position.line if issue.position else None,
        "column": issue.position.column if issue.position else None,
        "field": issue.field,
        "message": issue.message,
        "hint": issue.hint,
    }


GITLAB_SEVERITY = {True: "major", False: "minor"}  # error, warning


def gitlab_report(issues: Sequence[Issue]) -> list[dict[str, object]]:
    """GitLab's Code Quality report (artifacts: reports: codequality), shown on the merge
    request. The fingerprint names the problem, not its line, so that a problem moved by
    an edit above it is not new; the same problem twice gets two fingerprints."""
    seen: dict[str, int] = {}
    report: list[dict[str, object]] = []
    for issue in issues:
        path = display_path(issue.file)
        key = "\x1f".join([issue.code, path, issue.field or "", issue.message])
        seen[key] = seen.get(key, 0) + 1
        field = f"{issue.field}: " if issue.field else ""
        hint = f" — gợi ý: {issue.hint}" if issue.hint else ""
        report.append(
            {
                "description": f"{field}{issue.message}{hint} ({issue.code})",
                "check_name": issue.code,
                "fingerprint": hashlib.sha256(f"{key}\x1f{seen[key]}".encode()).hexdigest(),
                "severity": GITLAB_SEVERITY[issue.is_error],
                "location": {
                    "path": path,
                    "lines": {"begin": issue.position.line if issue.position else 1},
                },
            }
        )
    return report


def summary_line(issues: Sequence[Issue], files: int) -> str:
    errors = sum(issue.is_error for issue in issues)
    warnings = len(issues) - errors
    return f"{errors} lỗi, {warnings} cảnh báo trong {files} tệp."


def write_issues(
    issues: Sequence[Issue], files: int, output_format: str, ok: bool, color: bool | None = None
) -> None:
    """Data (json, github annotations, the gitlab report) go to stdout; text diagnostics
    (also with gitlab: they are the job's log) and the summary to stderr."""
    if output_format == "gitlab":
        report = json.dumps(gitlab_report(issues), ensure_ascii=False, indent=2)
        sys.stdout.write(report + "\n")
    if output_format == "json":
        errors = sum(issue.is_error for issue in issues)
        document = {
            "ok": ok,
            "files": files,
            "errors": errors,
            "warnings": len(issues) - errors,
            "issues": [issue_to_json(issue) for issue in issues],
        }
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    elif output_format == "github":
        for issue in issues:
            sys.stdout.write(format_github(issue) + "\n")
    if output_format in ("json", "github", "gitlab"):
        sys.stdout.flush()  # a full disk is told before the summary says anything
    if output_format in ("text", "gitlab"):
        colored = _use_color(sys.stderr, color)
        for issue in issues:
            sys.stderr.write(format_text(issue, colored) + "\n")
    verdict = " Dữ liệu hợp lệ." if ok else ""
    sys.stderr.write(summary_line(issues, files) + verdict + "\n")
