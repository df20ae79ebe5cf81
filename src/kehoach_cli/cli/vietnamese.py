"""Vietnamese help pages and usage errors for Typer's bundled Click.

Typer formats help with a few gettext lookups (section titles) and a few literals
(usage prefix, help option); usage errors are English f-strings. We translate the
former by replacing the module's `_`, the latter by subclassing and by rewriting the
message of the exceptions we catch at the CLI boundary.
"""

from __future__ import annotations

import re
from typing import Any

import typer.core
from typer.core import TyperCommand, TyperGroup

_SECTION_TITLES = {
    "Arguments": "Tham số",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "default: {default}": "mặc định: {default}",
    "required": "bắt buộc",
    "env var: {var}": "biến môi trường: {var}",
    "(dynamic)": "(động)",
    "Missing command.": "Thiếu lệnh.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "Aborted!": "Đã dừng.",
}

typer.core._ = lambda message: _SECTION_TITLES.get(message, message)  # type: ignore[attr-defined]

HELP_OPTION_TEXT = "Hiện hướng dẫn này rồi thoát."

_TYPE_LABEL = re.compile(r" ?<([^<>]+)>$")
_TYPE_NAMES = {
    "dir": "thư mục",
    "file": "tệp",
    "path": "đường dẫn",
    "int": "số",
    "text": "văn bản",
    "str": "văn bản",
    "integer": "số",
}


def _type_label(match: re.Match[str]) -> str:
    label = match.group(1)
    if label.startswith("list["):
        return ""
    return f" <{_TYPE_NAMES.get(label, label)}>"


class _VietnameseHelpMixin:
    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="Cách dùng: ")

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            record = param.get_help_record(ctx)
            if record is not None:
                name, help_text = record
                record = (_TYPE_LABEL.sub(_type_label, name), help_text)
                (arguments if param.param_type_name == "argument" else options).append(record)
        for title, records in (("Tham số", arguments), ("Tùy chọn", options)):
            if records:
                with formatter.section(title):
                    formatter.write_dl(records)
        if hasattr(self, "format_commands"):
            self.format_commands(ctx, formatter)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_OPTION_TEXT
        return option


class VietnameseCommand(_VietnameseHelpMixin, TyperCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = "[TÙY CHỌN]"


_COMPLETION_HELP = {
    "install_completion": "Cài tự hoàn thành lệnh (phím Tab) cho shell đang dùng.",
    "show_completion": "In mã tự hoàn thành lệnh để tự cài hoặc sửa.",
}


class VietnameseGroup(_VietnameseHelpMixin, TyperGroup):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = "[TÙY CHỌN]"
        self.subcommand_metavar = "LỆNH [THAM SỐ]..."

    def get_params(self, ctx: Any) -> Any:
        params = super().get_params(ctx)
        for param in params:  # typer's standard completion options are added late
            if param.name in _COMPLETION_HELP:
                param.help = _COMPLETION_HELP[param.name]
        return params


_MESSAGE_PATTERNS = [
    (re.compile(r"^(.*?)\.? Did you mean (.+)\?$"), "{0}. Có phải ý bạn là {1}?"),
    (re.compile(r"^No such option: (.+)$"), "Không có tùy chọn {0}."),
    (
        re.compile(r"^No such command '([^']+)'\. Did you mean (.+)\?$"),
        "Không có lệnh '{0}'. Có phải ý bạn là {1}?",
    ),
    (re.compile(r"^No such command '([^']+)'\.?$"), "Không có lệnh '{0}'."),
    (re.compile(r"^Option '(.+)' requires an argument\.$"), "Tùy chọn '{0}' cần một giá trị."),
    (re.compile(r"^Option '(.+)' does not take a value\.$"), "Tùy chọn '{0}' không nhận giá trị."),
    (re.compile(r"^Got unexpected extra arguments?(?:\(s\))? \((.+)\)$"), "Thừa tham số: {0}."),
    (re.compile(r"^Missing (argument|option) (.+)\.$"), "Thiếu {0} {1}."),
    (re.compile(r"^Invalid value for (.+?): (.+)$"), "Giá trị không hợp lệ cho {0}: {1}"),
    (re.compile(r"^(?:Value error, )?'(.*)' is not one of (.+)\.$"), "'{0}' không thuộc {1}."),
    (re.compile(r"^'(.*)' is not a valid integer( range)?\.$"), "'{0}' không phải số nguyên."),
    (re.compile(r"^(.+) does not exist\.$"), "{0} không tồn tại."),
    (re.compile(r"^(\w+ '.+') is a file\.$"), "{0} là một tệp, cần một thư mục."),
    (re.compile(r"^(\w+ '.+') is a directory\.$"), "{0} là một thư mục, cần một tệp."),
    (re.compile(r"^(\w+ '.+') is not readable\.$"), "không đọc được {0}."),
    (re.compile(r"^(\w+ '.+') is not writable\.$"), "không ghi được vào {0}."),
    # Typer checks option values with pydantic and passes its English message on
    (re.compile(r"^Input should be a valid integer.*$"), "cần một số nguyên."),
    (re.compile(r"^Input should be greater than or equal to (.+)$"), "phải ≥ {0}."),
    (re.compile(r"^Input should be less than or equal to (.+)$"), "phải ≤ {0}."),
    (re.compile(r"^Input should be greater than (.+)$"), "phải > {0}."),
    (re.compile(r"^Input should be less than (.+)$"), "phải < {0}."),
    (re.compile(r"^Missing command\.$"), "Thiếu lệnh."),
]
_WORDS = {
    "argument": "tham số",
    "option": "tùy chọn",
    "Path": "Đường dẫn",
    "File": "Tệp",
    "Directory": "Thư mục",
    "path": "đường dẫn",
    "file": "tệp",
    "directory": "thư mục",
    "dir": "thư mục",
}


_ENV_VAR = re.compile(r" \(env var: '([^']+)'\)")


def translate_usage_message(message: str) -> str:
    """Best-effort Vietnamese for Click's usage error messages (English kept if unknown)."""
    message = _ENV_VAR.sub(r" (biến môi trường \1)", message)
    for pattern, template in _MESSAGE_PATTERNS:
        match = pattern.match(message)
        if match:
            # Parts may be messages themselves ("Invalid value for X: <message>"); each is
            # a strict substring, so this ends.
            parts = [translate_usage_message(part) for part in match.groups(default="")]
            parts = [_WORDS.get(part, part) for part in parts]
            for english, vietnamese in _WORDS.items():
                parts = [part.replace(f"{english} '", f"{vietnamese} '") for part in parts]
            return template.format(*parts)
    return message


def describe_usage_error(error: Any) -> str:
    """The Vietnamese text for a Click UsageError, with the possibilities click found."""
    message = translate_usage_message(error.format_message().split(" (Possible options:")[0])
    possibilities = getattr(error, "possibilities", None)
    if possibilities:
        message = (
            message.rstrip(".") + ". Có phải ý bạn là: " + ", ".join(sorted(possibilities)) + "?"
        )
    return message
