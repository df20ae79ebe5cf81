"""Render issues as text (for people), GitHub annotations (for CI) or JSON (for tools)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from kehoach_cli.cli.common import display_path
from kehoach_cli.cli.console import shown
from kehoach_cli.diagnostics import Issue


def _use_color(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return hasattr(stream, "isatty") and stream.isatty()


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


def summary_line(issues: Sequence[Issue], files: int) -> str:
    errors = sum(issue.is_error for issue in issues)
    warnings = len(issues) - errors
    return f"{errors} lỗi, {warnings} cảnh báo trong {files} tệp."


def write_issues(issues: Sequence[Issue], files: int, output_format: str, ok: bool) -> None:
    """Data (json, github annotations) go to stdout; text diagnostics and the summary to stderr."""
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
    if output_format in ("json", "github"):
        sys.stdout.flush()  # a full disk is told before the summary says anything
    else:
        color = _use_color(sys.stderr)
        for issue in issues:
            sys.stderr.write(format_text(issue, color) + "\n")
    verdict = " Dữ liệu hợp lệ." if ok else ""
    sys.stderr.write(summary_line(issues, files) + verdict + "\n")


def write_plan_errors(issues: Sequence[Issue], shown: int = 3) -> None:
    """Why status/report cannot run: the plan's first errors, located, on stderr."""
    sys.stderr.write("Lỗi: data/plan.yaml có lỗi nên không tính được tiến độ:\n")
    color = _use_color(sys.stderr)
    for issue in issues[:shown]:
        sys.stderr.write(format_text(issue, color) + "\n")
    if len(issues) > shown:
        sys.stderr.write(f"… và {len(issues) - shown} lỗi khác.\n")
    sys.stderr.write("Sửa rồi chạy lại; 'kehoach validate' liệt kê đủ mọi lỗi.\n")
