"""`kehoach import`: a filled Excel form back into data/progress/…/<unit>.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kehoach_cli.cli.common import RootOption, display_path, open_workspace
from kehoach_cli.errors import UsageProblem
from kehoach_cli.os_errors import describe_os_error

if TYPE_CHECKING:
    from kehoach_cli.forms.importing import Imported

HELP = """Đọc biểu mẫu Excel đã điền (tạo bằng 'kehoach form') thành tệp
data/progress/<năm>/<đơn vị>.yaml, kiểm tra như 'kehoach validate'. Mỗi lỗi chỉ rõ trang và ô
(ví dụ 'Nhiệm vụ'!E10); có lỗi thì không ghi gì. Không ghi đè tệp đã có, trừ khi có --force.

\b
Ví dụ:
  kehoach import bieu-mau-phong-a-2025.xlsx
  kehoach import bieu-mau-phong-a-2025.xlsx --force && kehoach validate
"""


def import_form(
    file: Annotated[
        Path,
        typer.Argument(help="Biểu mẫu .xlsx đã điền.", metavar="TỆP", exists=True, dir_okay=False),
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Thay tệp YAML đã có của đơn vị (ghi nguyên vẹn).")
    ] = False,
    root: RootOption = None,
) -> None:
    workspace = open_workspace(root)
    from kehoach_cli.atomic import write_atomic, write_new
    from kehoach_cli.forms.importing import import_form as read_and_check

    try:
        data = file.read_bytes()
    except OSError as error:
        raise UsageProblem(
            f"không đọc được {display_path(file)}: {describe_os_error(error)}"
        ) from None
    result = read_and_check(workspace, data)
    named = (result.target, result.target.with_suffix(".yml"))
    replaced = [path for path in named if path.exists() or path.is_symlink()]
    target = replaced[0] if replaced else result.target  # a unit's .yml stays .yml
    for path in replaced:
        if not force:
            raise UsageProblem(f"{display_path(path)} đã có; thêm --force để thay bằng biểu mẫu.")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        (write_atomic if force else write_new)(target, result.text.encode("utf-8"))
    except OSError as error:
        raise UsageProblem(
            f"không ghi được {display_path(target)}: {describe_os_error(error)}"
        ) from None
    _tell(result, bool(replaced), target)


def _tell(result: Imported, replaced: bool, target: Path) -> None:
    for line in result.warnings:
        typer.echo(line, err=True)
    if replaced and result.left_out:
        typer.echo(f"Biểu mẫu không có {'; '.join(result.left_out)}: ghi lại vào tệp.", err=True)
    indicators = f", {result.indicators} chỉ tiêu" if result.indicators else ""
    typer.echo(
        f"Đã ghi {result.tasks} nhiệm vụ, {result.activities} hoạt động{indicators}.", err=True
    )
    typer.echo(display_path(target))
