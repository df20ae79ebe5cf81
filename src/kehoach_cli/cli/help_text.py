"""Help pages: one layout for every `--help`, and a way to read them without Typer.

A page is a usage line, the command's help text and the lines of its Arguments, Options
and Commands sections. `render` lays a page out for the terminal. Typer's path
(cli/vietnamese.py) fills the page from the Click objects Typer builds; `page_for` fills
it from the commands' declarations in the source (`ast`, no import of Typer, pydantic or
rich), so that `kehoach <command> --help` answers in a few milliseconds instead of 0.2 s.
Anything `page_for` does not understand raises `Unsupported` and the caller falls back
to Typer; tests/cli/test_entry.py checks both agree for every command.

Only the standard library may be imported here, and only cheap modules.
"""

from __future__ import annotations

import ast
import os
import re
import sys
import textwrap

OPTIONS_METAVAR = "[TÙY CHỌN]"
SUBCOMMAND_METAVAR = "LỆNH [THAM SỐ]..."
HELP_OPTION = ("-h, --help", "Hiện hướng dẫn này rồi thoát.")
COMPLETION_HELP = {
    "install_completion": "Cài tự hoàn thành lệnh (phím Tab) cho shell đang dùng.",
    "show_completion": "In mã tự hoàn thành lệnh để tự cài hoặc sửa.",
}

# Every command and group, in the order cli/app.py registers them (a test checks it):
# path → (module in kehoach_cli.cli, function or Typer app, help constant or None for a
# group, whose help is its Typer(help=...)). The root's options come from its callback.
COMMANDS: dict[str, tuple[str, str, str | None]] = {
    "": ("app", "app", None),
    "init": ("init", "init", "HELP"),
    "new": ("new", "new", "HELP"),
    "form": ("form", "form", "HELP"),
    "import": ("import_form", "import_form", "HELP"),
    "validate": ("validate", "validate", "HELP"),
    "status": ("status", "status", "HELP"),
    "report": ("report", "report", "HELP"),
    "summary": ("summary", "summary", "HELP"),
    "dashboard": ("dashboard", "dashboard", "HELP"),
    "schema": ("schema", "schema", "HELP"),
    "guide": ("guide", "guide", "HELP"),
    "plan": ("plan", "plan_app", None),
    "plan render": ("plan", "render", "RENDER_HELP"),
    "plan import": ("plan", "import_", "IMPORT_HELP"),
    "template": ("template", "template_app", None),
    "template check": ("template", "check", "CHECK_HELP"),
}
ROOT_CALLBACK = "root_callback"


class Unsupported(Exception):
    """A declaration this reader does not understand: let Typer answer instead."""


class HelpPage:
    def __init__(
        self,
        usage: str,
        text: str,
        arguments: list[tuple[str, str]],
        options: list[tuple[str, str]],
        commands: list[tuple[str, str]],
    ) -> None:
        self.usage = usage  # "kehoach validate [TÙY CHỌN] [TỆP]..."
        self.text = text  # the help as declared
        self.arguments = arguments  # (name, help) as Typer words them (see `translate_record`)
        self.options = options
        self.commands = commands  # (name, full help): shortened by `render`

    def __eq__(self, other: object) -> bool:
        return isinstance(other, HelpPage) and vars(self) == vars(other)

    def __repr__(self) -> str:
        return f"HelpPage({vars(self)!r})"


# ---------------------------------------------------------------------------- wording

_TYPE_LABEL = re.compile(r" ?<([^<>]+)>$")
_TYPE_NAMES = {
    "dir": "thư mục",
    "file": "tệp",
    "path": "đường dẫn",
    "int": "số",
    "int range": "số",
    "integer": "số",
    "text": "văn bản",
    "str": "văn bản",
}
_EXTRA = re.compile(r"  \[([^\[\]]*)\]$")
_EXTRA_WORDS = (
    (re.compile(r"^default: (.*)$"), "mặc định: {0}"),
    (re.compile(r"^env var: (.*)$"), "biến môi trường: {0}"),
    (re.compile(r"^required$"), "bắt buộc"),
)


def _type_label(match: re.Match[str]) -> str:
    label = match.group(1)
    if label.startswith("list["):
        return ""
    return f" <{_TYPE_NAMES.get(label, label)}>"


def _extra_word(part: str) -> str:
    for pattern, template in _EXTRA_WORDS:
        found = pattern.match(part)
        if found:
            return template.format(*found.groups())
    return part


def translate_record(name: str, help_text: str) -> tuple[str, str]:
    """A help line as Typer words it, in Vietnamese: type labels and the [default: …;
    required; env var: …] that Typer appends."""
    name = _TYPE_LABEL.sub(_type_label, name)
    extra = _EXTRA.search(help_text)
    if extra:
        parts = "; ".join(_extra_word(part) for part in extra.group(1).split("; "))
        help_text = f"{help_text[: extra.start()]}  [{parts}]"
    return name, help_text


# ---------------------------------------------------------------------------- layout


def terminal_width() -> int:
    """Click's rule: the terminal's width up to 80 columns, minus 2, at least 50."""
    return max(min(_columns(), 80) - 2, 50)


def _columns() -> int:
    """shutil.get_terminal_size().columns, which Click reads, without importing shutil
    (~3 ms of every help page: it loads fnmatch and the compression modules): COLUMNS
    when a positive number, else the width of the terminal on stdout, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def _clean(text: str) -> str:
    lines = text.expandtabs().split("\n")
    rest = textwrap.dedent("\n".join(lines[1:])) if len(lines) > 1 else ""
    return (lines[0].strip() + ("\n" + rest if rest else "")).strip("\n")


def _wrap(text: str, width: int, indent: str) -> list[str]:
    """Paragraphs (separated by blank lines) rewrapped; one starting with \\b kept as is."""
    lines: list[str] = []
    for paragraph in re.split(r"\n\s*\n", _clean(text)):
        if lines:
            lines.append("")
        if paragraph.startswith("\b"):
            lines += [indent + line for line in paragraph.split("\n")[1:]]
        else:
            lines += textwrap.wrap(
                " ".join(paragraph.split()),
                width,
                initial_indent=indent,
                subsequent_indent=indent,
            )
    return lines


def short_help(text: str, limit: int) -> str:
    """The first sentence of the help, or as many words as fit with '...' (Click's rule)."""
    words = _clean(text).split("\n\n")[0].split()
    if words and words[0] == "\b":
        words = words[1:]
    length = 0
    for count, word in enumerate(words, 1):
        length += len(word) + (count > 1)
        if length > limit or (length == limit and count < len(words)):
            break
        if word.endswith("."):
            return " ".join(words[:count])
    else:
        return " ".join(words)
    kept = count - 1
    while kept > 1 and len(" ".join(words[:kept])) + 3 > limit:
        kept -= 1
    return " ".join(words[:kept]) + "..."


def _definitions(rows: list[tuple[str, str]], width: int) -> list[str]:
    first_col = min(max(len(name) for name, _ in rows), 30) + 2
    text_width = max(width - first_col - 2, 10)
    lines = []
    for name, text in rows:
        wrapped = textwrap.wrap(text, text_width) or [""]
        if len(name) <= first_col - 2:
            lines.append(f"  {name:<{first_col}}{wrapped[0]}".rstrip())
        else:
            lines.append(f"  {name}")
            lines.append(" " * (first_col + 2) + wrapped[0])
        lines += [" " * (first_col + 2) + line for line in wrapped[1:]]
    return lines


def render(page: HelpPage, width: int) -> str:
    prefix = "Cách dùng: "
    lines = textwrap.wrap(
        page.usage,
        width,
        initial_indent=prefix,
        subsequent_indent=" " * (len(prefix) + len(page.usage.split(" [")[0]) + 1),
        break_on_hyphens=False,
    )
    if page.text.strip():
        lines += ["", *_wrap(page.text, width, "  ")]
    commands = [
        (name, short_help(text, width - 6 - max(len(n) for n, _ in page.commands)))
        for name, text in page.commands
    ]
    for title, rows in (
        ("Tham số", page.arguments),
        ("Tùy chọn", page.options),
        ("Lệnh", commands),
    ):
        if rows:
            lines += ["", f"{title}:", *_definitions(rows, width)]
    return "\n".join(lines) + "\n"


# ------------------------------------------------------- reading the declarations


# Where a top-level def, class or decorator begins: a prefix of the source cut before such
# a line either parses to exactly the module's first statements or, when the line was
# inside a string or brackets after all, does not parse.
_TOP_LEVEL_BLOCK = re.compile(r"^(?:def |class |async |@)", re.MULTILINE)


def _prefix(source: str, names: set[str]) -> str | None:
    """The source up to the first def, class or decorator after the last top-level line
    that defines one of `names`; None when none is found (read everything)."""
    ends = [
        found.end()
        for name in names
        for found in re.finditer(
            rf"^(?:(?:def|class) {re.escape(name)}\b|{re.escape(name)} *[:=])", source, re.MULTILINE
        )
    ]
    if not ends:
        return None
    block = _TOP_LEVEL_BLOCK.search(source, max(ends))
    return source[: block.start()] if block else None


class _Module:
    """A module of kehoach_cli.cli, parsed: its top-level names and imports.

    With `names`, only the statements up to the ones defining them are parsed: a root
    page needs one constant of each command's module, and parsing the whole modules was
    most of its time (13 modules, ~10 ms). `complete` tells whether anything is left."""

    def __init__(self, name: str, names: set[str] | None = None) -> None:
        path = os.path.join(os.path.dirname(__file__), f"{name}.py")
        with open(path, encoding="utf-8") as file:
            source = file.read()
        tree = None
        prefix = _prefix(source, names) if names else None
        if prefix is not None:
            try:
                tree = ast.parse(prefix, path)
            except SyntaxError:  # cut inside a string: read everything
                tree = None
        self.complete = tree is None
        self.name = name
        self.nodes: dict[str, ast.AST] = {}
        self.imported: dict[str, tuple[str, str]] = {}
        self._read(tree or ast.parse(source, path))

    def _read(self, tree: ast.Module) -> None:
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                self.nodes[node.name] = node
            elif isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                if isinstance(target, ast.Name):
                    self.nodes[target.id] = node.value
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                if node.value is not None:
                    self.nodes[node.target.id] = node.value
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "kehoach_cli.cli."
            ):
                module_name = node.module or ""
                for alias in node.names:
                    self.imported[alias.asname or alias.name] = (
                        module_name.rsplit(".", 1)[1],
                        alias.name,
                    )


class _Reader:
    def __init__(self) -> None:
        self.modules: dict[str, _Module] = {}

    def module(self, name: str, names: set[str] | None = None) -> _Module:
        """The module, parsed at least far enough to define `names` (None: all of it)."""
        known = self.modules.get(name)
        if known is None:
            known = self.modules[name] = _Module(name, names)
        elif not known.complete and not (names and names <= known.nodes.keys()):
            known = self.modules[name] = _Module(name)  # read before, not far enough
        return known

    def lookup(self, module: _Module, name: str) -> tuple[_Module, ast.AST]:
        if name not in module.nodes and name not in module.imported and not module.complete:
            module = self.module(module.name)  # defined further down: read everything
        if name in module.nodes:
            return module, module.nodes[name]
        if name in module.imported:
            other, original = module.imported[name]
            return self.lookup(self.module(other, {original}), original)
        raise Unsupported(f"{module.name}: {name}")

    def value(self, module: _Module, node: ast.AST) -> object:
        """The value of a constant expression: literals, names of constants, f-strings,
        str.replace, + and Path("…") (as its text)."""
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            return self.value(*self.lookup(module, node.id))
        if isinstance(node, ast.JoinedStr):
            return "".join(str(self.value(module, part)) for part in node.values)
        if isinstance(node, ast.FormattedValue) and node.conversion == -1 and not node.format_spec:
            return self.value(module, node.value)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self.value(module, node.left) + self.value(module, node.right)  # type: ignore[operator]
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -self.value(module, node.operand)  # type: ignore[operator]
        if isinstance(node, ast.Call) and not node.keywords:
            function = node.func
            arguments = [self.value(module, argument) for argument in node.args]
            if isinstance(function, ast.Attribute) and function.attr == "replace":
                text = self.value(module, function.value)
                if isinstance(text, str) and all(isinstance(a, str) for a in arguments):
                    return text.replace(*arguments)  # type: ignore[arg-type]
            if isinstance(function, ast.Name) and function.id == "Path" and len(arguments) == 1:
                return str(arguments[0])
        raise Unsupported(ast.dump(node))

    def type_label(self, module: _Module, node: ast.AST, keywords: dict[str, object]) -> str:
        """The type as Typer labels it: <int>, <int range>, <path>, <dir>, <a|b>, …"""
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            right = node.right
            if isinstance(right, ast.Constant) and right.value is None:
                return self.type_label(module, node.left, keywords)
        listed = isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name)
        if listed and node.value.id == "list":  # type: ignore[attr-defined]  # narrowed above
            return f"list[{self.type_label(module, node.slice, {})}]"  # type: ignore[attr-defined]
        if isinstance(node, ast.Name):
            if node.id == "Path":
                if keywords.get("file_okay") is False:
                    return "dir"
                if keywords.get("dir_okay") is False:
                    return "file"
                return "path"
            if node.id in ("int", "str"):
                ranged = node.id == "int" and ("min" in keywords or "max" in keywords)
                return "int range" if ranged else node.id
            _, definition = self.lookup(module, node.id)
            if isinstance(definition, ast.ClassDef) and any(
                isinstance(base, ast.Name) and base.id == "Enum" for base in definition.bases
            ):
                values = [
                    str(self.value(module, item.value))
                    for item in definition.body
                    if isinstance(item, ast.Assign)
                ]
                return "|".join(values)
        raise Unsupported(ast.dump(node))

    def declaration(
        self, module: _Module, argument: ast.arg
    ) -> tuple[_Module, ast.AST, ast.Call, str] | None:
        """(module where it is declared, type, the typer.Option/Argument call, "Option" or
        "Argument") of one parameter of a command function; None for a typer.Context."""
        annotation: ast.AST | None = argument.annotation
        if isinstance(annotation, ast.Attribute) and annotation.attr == "Context":
            return None  # typer.Context: not a parameter
        if isinstance(annotation, ast.Name):
            module, annotation = self.lookup(module, annotation.id)
        if not (
            isinstance(annotation, ast.Subscript)
            and isinstance(annotation.value, ast.Name)
            and annotation.value.id == "Annotated"
            and isinstance(annotation.slice, ast.Tuple)
            and len(annotation.slice.elts) == 2
        ):
            raise Unsupported(argument.arg)
        declared_type, call = annotation.slice.elts
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)):
            raise Unsupported(argument.arg)
        return module, declared_type, call, call.func.attr

    # long: one branch per rule Typer applies to a parameter's help line, kept in one
    # place so that it can be read side by side with Typer's own.
    def parameter(
        self, module: _Module, argument: ast.arg, default: ast.AST | None
    ) -> tuple[str, tuple[str, str], str] | None:
        """(kind, help record, usage piece) of one parameter of a command function."""
        declared = self.declaration(module, argument)
        if declared is None:
            return None
        module, declared_type, call, kind = declared
        declarations = [self.value(module, node) for node in call.args]
        worded = {"help", "show_default", "metavar", "min", "max", "file_okay", "dir_okay"}
        worded |= {"exists", "envvar"}
        silent = {"callback", "is_eager"}  # change what the option does, not its help
        if not {keyword.arg for keyword in call.keywords} <= worded | silent:
            raise Unsupported(argument.arg)
        keywords = {
            keyword.arg: self.value(module, keyword.value)
            for keyword in call.keywords
            if keyword.arg in worded
        }
        is_bool = isinstance(declared_type, ast.Name) and declared_type.id == "bool"
        required = default is None
        default_value = None if default is None else self.value(module, default)
        extras = []
        if keywords.get("envvar"):
            extras.append(f"env var: {keywords['envvar']}")
        if default_value is not None and keywords.get("show_default", True) is not False:
            if is_bool and default_value is not False:
                raise Unsupported(argument.arg)
            if not is_bool:
                extras.append(f"default: {default_value}")
        if "min" in keywords or "max" in keywords:
            if "min" not in keywords or "max" not in keywords:
                raise Unsupported(argument.arg)
            extras.append(f"{keywords['min']}<=x<={keywords['max']}")
        if required:
            extras.append("required")
        help_text = str(keywords.get("help") or "")
        if extras:
            help_text = f"{help_text}  [{'; '.join(extras)}]" if help_text else f"[{extras}]"
        metavar = keywords.get("metavar")
        if kind == "Option":
            if not declarations or any("/" in str(d) for d in declarations):
                raise Unsupported(argument.arg)
            names = sorted(
                (str(d) for d in declarations), key=lambda d: len(d) - len(d.lstrip("-"))
            )
            name = ", ".join(names)
            if not is_bool:
                label = metavar or f"<{self.type_label(module, declared_type, keywords)}>"
                name += f" {label}"
            return "option", translate_record(name, help_text), ""
        if kind == "Argument" and not declarations and isinstance(metavar, str):
            label = self.type_label(module, declared_type, keywords)
            name = f"{metavar} <{label}>"
            piece = f"{{{metavar}}}" if required else f"[{metavar}]"
            if label.startswith("list["):
                piece += "..."
            return "argument", translate_record(name, help_text), piece
        raise Unsupported(argument.arg)

    def function(
        self, module: _Module, name: str
    ) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[str]]:
        module, node = self.lookup(module, name)
        if not isinstance(node, ast.FunctionDef):
            raise Unsupported(name)
        parameters = node.args.args + node.args.kwonlyargs
        defaults: list[ast.AST | None] = [None] * (
            len(node.args.args) - len(node.args.defaults)
        ) + list(node.args.defaults)
        defaults += list(node.args.kw_defaults)
        if node.args.posonlyargs or node.args.vararg or node.args.kwarg:
            raise Unsupported(name)
        arguments: list[tuple[str, str]] = []
        options: list[tuple[str, str]] = []
        pieces: list[str] = []
        for parameter, default in zip(parameters, defaults, strict=True):
            found = self.parameter(module, parameter, default)
            if found is not None:
                kind, record, piece = found
                (arguments if kind == "argument" else options).append(record)
                if piece:
                    pieces.append(piece)
        return arguments, options, pieces


def page_for(path: str) -> HelpPage:
    """The help page of `kehoach <path>` (path "" is kehoach itself), from the source."""
    if path not in COMMANDS:
        raise Unsupported(path)
    reader = _Reader()
    module_name, target, help_name = COMMANDS[path]
    wanted = {target, help_name or target, *([ROOT_CALLBACK] if path == "" else [])}
    module = reader.module(module_name, wanted)
    prog = " ".join(["kehoach", *path.split()])
    if help_name is not None:  # a command
        arguments, options, pieces = reader.function(module, target)
        text = str(reader.value(*reader.lookup(module, help_name)))
        usage = " ".join([prog, OPTIONS_METAVAR, *pieces])
        return HelpPage(usage, text, arguments, [*options, HELP_OPTION], [])
    return _group_page(reader, module, path, prog, target)


# What an option's declaration may say and still be known from the command line alone:
# an env var or a callback gives or changes a value the command line does not show.
_WORDING_ONLY = {"help", "show_default", "metavar", "min", "max", "file_okay", "dir_okay"}


def command_flags(path: str) -> dict[str, str]:
    """The on/off options of the command `kehoach <path>`: each name a flag is given by on
    the command line (--strict) → the name of its parameter (strict). Read from the
    declarations as the help pages are; Unsupported when a parameter reads the
    environment or runs a callback, so that only Typer knows what the command receives."""
    module_name, target, help_name = COMMANDS.get(path, ("", "", None))
    if help_name is None:
        raise Unsupported(path)
    reader = _Reader()
    module, node = reader.lookup(reader.module(module_name, {target}), target)
    if not isinstance(node, ast.FunctionDef) or node.args.vararg or node.args.kwarg:
        raise Unsupported(path)
    flags: dict[str, str] = {}
    for argument in node.args.posonlyargs + node.args.args + node.args.kwonlyargs:
        declared = reader.declaration(module, argument)
        if declared is None:
            continue
        where, declared_type, call, kind = declared
        if not {keyword.arg for keyword in call.keywords} <= _WORDING_ONLY:
            raise Unsupported(argument.arg)
        if kind == "Option" and isinstance(declared_type, ast.Name) and declared_type.id == "bool":
            for name in map(str, (reader.value(where, node) for node in call.args)):
                if "/" in name:  # --x/--no-x: two flags in one declaration
                    raise Unsupported(name)
                flags[name] = argument.arg
    return flags


def _group_page(reader: _Reader, module: _Module, path: str, prog: str, target: str) -> HelpPage:
    module, call = reader.lookup(module, target)
    if not (isinstance(call, ast.Call) and all(k.arg for k in call.keywords)):
        raise Unsupported(path)
    settings = {keyword.arg: keyword.value for keyword in call.keywords}
    text = str(reader.value(module, settings["help"])) if "help" in settings else ""
    options: list[tuple[str, str]] = []
    if path == "":
        _, options, _ = reader.function(module, ROOT_CALLBACK)
        if "add_completion" in settings and reader.value(module, settings["add_completion"]):
            options += [
                (f"--{key.replace('_', '-')}", text) for key, text in COMPLETION_HELP.items()
            ]
    commands = []
    for child, (child_module, child_target, child_help) in COMMANDS.items():
        parent, _, name = child.rpartition(" ")
        if child and parent == path:
            spec = reader.module(child_module, {child_help or child_target})
            if child_help is not None:
                commands.append((name, str(reader.value(*reader.lookup(spec, child_help)))))
            else:
                spec, group_call = reader.lookup(spec, child_target)
                assert isinstance(group_call, ast.Call)
                help_node = next(k.value for k in group_call.keywords if k.arg == "help")
                commands.append((name, str(reader.value(spec, help_node))))
    usage = " ".join([prog, OPTIONS_METAVAR, SUBCOMMAND_METAVAR])
    return HelpPage(usage, text, [], [*options, HELP_OPTION], commands)
