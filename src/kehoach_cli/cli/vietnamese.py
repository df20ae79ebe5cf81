"""Vietnamese help pages and usage errors, through Typer's public classes.

Help: our TyperCommand/TyperGroup subclasses override Click's documented `format_help`
and lay the page out with cli/help_text.py, the same layout the fast path of
`kehoach <command> --help` uses; the lines come from each parameter's public
`get_help_record`, with Typer's few English words translated. Usage errors: Typer raises
its bundled Click's exceptions, all subclasses of the public `typer.TyperException`;
the CLI boundary (cli/app.py) catches that and words the message with
`describe_usage_error`. Nothing here imports or patches Typer's private modules.
"""

from __future__ import annotations

import re
from typing import Any

from typer.core import TyperCommand, TyperGroup

from kehoach_cli.cli.help_text import (
    COMPLETION_HELP,
    HELP_OPTION,
    OPTIONS_METAVAR,
    SUBCOMMAND_METAVAR,
    HelpPage,
    render,
    translate_record,
)

HELP_OPTION_TEXT = HELP_OPTION[1]


class _VietnameseHelpMixin:
    def format_help(self, ctx: Any, formatter: Any) -> None:
        arguments: list[tuple[str, str]] = []
        options: list[tuple[str, str]] = []
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            record = param.get_help_record(ctx)
            if record is not None:
                record = translate_record(*record)
                (arguments if param.param_type_name == "argument" else options).append(record)
        commands = []
        for name in getattr(self, "list_commands", lambda ctx: [])(ctx):
            command = self.get_command(ctx, name)  # type: ignore[attr-defined]
            if command is not None and not command.hidden:
                commands.append((name, command.help or ""))
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        page = HelpPage(
            " ".join([ctx.command_path, *pieces]),
            self.help or "",  # type: ignore[attr-defined]
            arguments,
            options,
            commands,
        )
        formatter.write(render(page, formatter.width))

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_OPTION_TEXT
        return option


class VietnameseCommand(_VietnameseHelpMixin, TyperCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = OPTIONS_METAVAR


class VietnameseGroup(_VietnameseHelpMixin, TyperGroup):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = OPTIONS_METAVAR
        self.subcommand_metavar = SUBCOMMAND_METAVAR

    def get_params(self, ctx: Any) -> Any:
        params = super().get_params(ctx)
        for param in params:  # typer's standard completion options are added late
            if param.name in COMPLETION_HELP and hasattr(param, "help"):
                param.help = COMPLETION_HELP[param.name]
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
