"""`kehoach guide`: where the users' guide (docs/huong-dan.md) is on this machine, or its
text. An installed kehoach carries it in the package (setup.py copies it at build time); a
source checkout (an editable install) reads it from docs/."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kehoach_cli.errors import UsageProblem

HELP = """In đường dẫn của hướng dẫn sử dụng kehoach (tiếng Việt, Markdown) trên máy này, để
mở bằng trình soạn thảo hay trình xem Markdown; --print in cả nội dung.

\b
Ví dụ:
  kehoach guide                    # đường dẫn tệp huong-dan.md
  kehoach guide --print | less     # đọc ngay trong cửa sổ dòng lệnh
"""

GUIDE_NAME = "huong-dan.md"


def guide_path() -> Path | None:
    """The guide shipped in the package, else the checkout's docs/ (editable install)."""
    package = Path(__file__).resolve().parents[1]
    for candidate in (package / "resources" / GUIDE_NAME, package.parents[1] / "docs" / GUIDE_NAME):
        if candidate.is_file():
            return candidate
    return None


def guide(
    print_text: Annotated[
        bool, typer.Option("--print", help="In nội dung hướng dẫn thay vì đường dẫn.")
    ] = False,
) -> None:
    path = guide_path()
    if path is None:
        raise UsageProblem(
            "bản kehoach này không kèm hướng dẫn (docs/huong-dan.md); xem trong kho mã "
            "nguồn của kehoach."
        )
    if print_text:
        typer.echo(path.read_text(encoding="utf-8"), nl=False)
    else:
        typer.echo(str(path))
