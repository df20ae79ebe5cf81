"""Models back to YAML text in the forms the loader accepts (dates ISO, '62,8')."""

from __future__ import annotations

import yaml

from kehoach_cli.model.progress import Progress


def progress_to_yaml(progress: Progress) -> str:
    data = progress.model_dump(mode="json", exclude_none=True)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
