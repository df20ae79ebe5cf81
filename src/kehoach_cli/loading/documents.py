"""One file on disk → positioned YAML data, or the issues that stop it from being read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kehoach_cli.diagnostics import Issue
from kehoach_cli.loading.text import TextError, decode_text, read_text
from kehoach_cli.loading.yamlsafe import YamlError, parse_yaml


@dataclass
class LoadedYaml:
    path: Path
    data: Any = None
    issues: list[Issue] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        """False when the file could not be parsed at all (data is meaningless)."""
        return self.data is not None or not self.issues


def load_yaml_file(path: Path) -> LoadedYaml:
    try:
        text = read_text(path)
        data, duplicates = parse_yaml(text, path)
    except TextError as error:
        return LoadedYaml(path, None, [error.issue])
    except YamlError as error:
        return LoadedYaml(path, None, list(error.issues))
    return LoadedYaml(path, data, duplicates)


def load_yaml_bytes(path: Path, data: bytes | None) -> LoadedYaml:
    """load_yaml_file on bytes already read (None: read `path` the usual way), e.g. a
    form's YAML before it is written."""
    if data is None:
        return load_yaml_file(path)
    try:
        parsed, duplicates = parse_yaml(decode_text(data, path), path)
    except TextError as error:
        return LoadedYaml(path, None, [error.issue])
    except YamlError as error:
        return LoadedYaml(path, None, list(error.issues))
    return LoadedYaml(path, parsed, duplicates)
