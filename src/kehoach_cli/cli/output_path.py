"""Where a command may write its document: one check for report, plan and dashboard.

Every writer refuses the same things before any work is done — a folder, another
suffix, a missing parent folder, a path inside data/ (only data lives there) and the
files it reads (the template in use) — so a typo never costs a clerk an input file.
"""

from __future__ import annotations

import os
from pathlib import Path

from kehoach_cli.cli.common import display_path, fail_usage


def check_output_path(
    output: Path,
    workspace_root: Path,
    *,
    suffixes: tuple[str, ...] = (".docx",),
    document: str = "báo cáo",
    keep: tuple[Path, ...] = (),
) -> Path:
    """Return `output` if the command may write there; otherwise stop with a usage error.

    `suffixes` are the accepted endings, the first one named in messages; `document`
    names what is written ("báo cáo", "trang theo dõi"); `keep` lists inputs never to
    overwrite."""
    if any(_same_file(output, kept) for kept in keep):
        fail_usage(
            f"{display_path(output)} là mẫu Word đang dùng; không ghi đè mẫu, chọn tên khác với -o."
        )
    if output.is_dir():
        example = output / f"{'bao-cao' if suffixes[0] == '.docx' else 'index'}{suffixes[0]}"
        fail_usage(
            f"{display_path(output)} là một thư mục; hãy chỉ tên tệp, "
            f"ví dụ {display_path(example)}."
        )
    if output.suffix.lower() not in suffixes:
        fail_usage(f"tệp kết quả phải có đuôi {suffixes[0]}: {display_path(output)}")
    parent = output.absolute().parent
    if not parent.is_dir():
        fail_usage(f"thư mục {display_path(parent)} không tồn tại.")
    try:
        output.absolute().resolve().relative_to((workspace_root / "data").resolve())
    except ValueError:
        return output
    fail_usage(f"không ghi {document} vào thư mục data/ (chỉ chứa dữ liệu); chọn chỗ khác với -o.")


def _same_file(one: Path, other: Path) -> bool:
    """The same file, through symlinks and hard links; or the same path once resolved."""
    try:
        return os.path.samefile(one, other)
    except OSError:
        pass
    try:
        return one.absolute().resolve() == other.absolute().resolve()
    except (OSError, RuntimeError):
        return False
