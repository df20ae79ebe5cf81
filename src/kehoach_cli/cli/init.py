"""`kehoach init`: a new data repository for another agency."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from kehoach_cli.cli.common import display_path
from kehoach_cli.errors import UsageProblem
from kehoach_cli.os_errors import describe_os_error

HELP = """Tạo một kho dữ liệu mới: data/plan.yaml mẫu (hợp lệ ngay), data/progress/, mẫu Word,
lược đồ cho trình soạn thảo, cấu hình pre-commit, GitHub Actions, GitLab CI, .editorconfig,
.gitattributes và README tiếng Việt. Không ghi vào thư mục đã có tệp, trừ khi có --force
(khi đó chỉ thêm tệp còn thiếu, không ghi đè tệp nào).

\b
Ví dụ:
  kehoach init du-lieu-ke-hoach
  cd du-lieu-ke-hoach && kehoach validate
"""


def init(
    folder: Annotated[Path, typer.Argument(help="Thư mục của kho mới.", metavar="THƯ_MỤC")],
    force: Annotated[
        bool, typer.Option("--force", help="Cho phép thư mục đã có tệp (chỉ thêm tệp còn thiếu).")
    ] = False,
) -> None:
    if folder.exists() and not folder.is_dir():
        raise UsageProblem(f"{display_path(folder)} là một tệp, không phải thư mục.")
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise UsageProblem(
            f"thư mục {display_path(folder)} đã có tệp; dùng --force để chỉ thêm tệp còn thiếu."
        )
    written, kept = _write_missing(folder, _workspace_files())
    typer.echo(f"Đã tạo {written} tệp trong thư mục '{display_path(folder)}'.", err=True)
    if kept:
        typer.echo(f"Giữ nguyên {len(kept)} tệp đã có: {', '.join(kept)}.", err=True)
    typer.echo(
        f"Tiếp theo: cd '{display_path(folder)}', sửa data/plan.yaml, chạy 'kehoach validate', "
        "rồi 'kehoach new --unit <mã đơn vị> --year <năm>' cho từng đơn vị.",
        err=True,
    )


def _workspace_files() -> dict[str, bytes]:
    """Every file of a new workspace: sample plan, CI recipes, schemas, the template."""
    from kehoach_cli.model.schema import SCHEMA_DIR, json_schemas, schema_text
    from kehoach_cli.report.render import default_template
    from kehoach_cli.scaffold.workspace_files import workspace_files

    files: dict[str, bytes] = {
        path: text.encode("utf-8") for path, text in workspace_files(date.today().year).items()
    }
    files["templates/bao-cao.docx"] = default_template().read_bytes()
    for name, schema in json_schemas().items():
        files[f"{SCHEMA_DIR}/{name}"] = schema_text(schema).encode("utf-8")
    return files


def _write_missing(folder: Path, files: dict[str, bytes]) -> tuple[int, list[str]]:
    """Write the files that do not exist yet; never replace one of the user's: a name that
    exists (a dangling symlink included), or is taken while we write, or whose folder is
    a file or a link of the user's, is kept."""
    from kehoach_cli.atomic import write_new

    written, kept = 0, []
    try:
        for relative, content in files.items():
            target = folder / relative
            try:
                if target.exists() or target.is_symlink():
                    raise FileExistsError(relative)
                target.parent.mkdir(parents=True, exist_ok=True)
                write_new(target, content)
            except (FileExistsError, NotADirectoryError):
                kept.append(relative)
                continue
            written += 1
    except OSError as error:
        raise UsageProblem(
            f"không ghi được vào {display_path(folder)}: {describe_os_error(error)}"
        ) from None
    return written, kept
