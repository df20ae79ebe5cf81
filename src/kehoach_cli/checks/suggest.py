"""'Có phải ý bạn là …?': the closest known id to one typed wrongly."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def suggestion(word: str, choices: Iterable[str]) -> str:
    """'; có phải ý bạn là 'x'?' when a close match exists, else ''."""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; có phải ý bạn là '{match[0]}'?" if match else ""
