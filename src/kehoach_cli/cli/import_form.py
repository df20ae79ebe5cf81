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

HELP = """Đọc biểu mẫu Excel đã điền (tạo bằng 'kehoach form') vào tệp
data/progress/<năm>/<đơn vị>.yaml, kiểm tra như 'kehoach validate'. Mỗi lỗi chỉ rõ trang và ô
(ví dụ 'Nhiệm vụ'!E10); có lỗi thì không ghi gì.

Tệp đã có được sửa tại chỗ: chỉ các giá trị biểu mẫu đổi được ghi; chú thích, thứ tự và cách
viết của phần còn lại giữ nguyên. Biểu mẫu cũ hơn tệp (tệp được sửa sau khi tạo biểu mẫu) bị
từ chối, trừ khi có --force: khi đó in ra những gì sẽ đổi và giữ bản cũ cạnh tệp
(.<đơn vị>.yaml.bak-<thời điểm>).

\b
Ví dụ:
  kehoach import bieu-mau-phong-a-2025.xlsx
  kehoach import bieu-mau-phong-a-2025.xlsx --dry-run     # xem thay đổi, không ghi
  kehoach import bieu-mau-phong-a-2025.xlsx --force && kehoach validate
"""


def import_form(
    file: Annotated[
        Path,
        typer.Argument(help="Biểu mẫu .xlsx đã điền.", metavar="TỆP", exists=True, dir_okay=False),
    ],
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Ghi cả khi biểu mẫu cũ hơn tệp YAML của đơn vị (giữ bản cũ cạnh tệp).",
        ),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Chỉ in những gì sẽ đổi (dạng diff), không ghi.")
    ] = False,
    root: RootOption = None,
) -> None:
    workspace = open_workspace(root)
    from kehoach_cli.forms.importing import import_form as read_and_check
    from kehoach_cli.forms.importing import read_regular

    try:
        data = read_regular(file, limit=20 * 1024 * 1024)
    except OSError as error:
        raise UsageProblem(
            f"không đọc được {display_path(file)}: {describe_os_error(error)}"
        ) from None
    result = read_and_check(workspace, data)
    target = result.target
    if not workspace.holds_data(target):
        raise UsageProblem(
            f"{display_path(target)} nằm ngoài thư mục data/ của không gian làm việc "
            "(thư mục được liên kết ra ngoài); không ghi."
        )
    if result.previous is not None and result.previous == result.text:
        _tell(result, False, target, "Biểu mẫu không đổi gì so với tệp; không ghi lại.")
        return
    if result.stale and not force and not dry_run:
        raise UsageProblem(
            f"{display_path(target)}: {result.stale}. Tạo lại biểu mẫu bằng 'kehoach form', "
            "hoặc thêm --dry-run để xem thay đổi, --force để vẫn ghi (giữ bản cũ cạnh tệp)."
        )
    if dry_run or result.stale:
        _diff(result, target, to_err=not dry_run)
    if dry_run:
        return
    _write(result, target)


def _diff(result: Imported, target: Path, to_err: bool) -> None:
    import difflib

    before = (result.previous or "").splitlines(keepends=True)
    after = result.text.splitlines(keepends=True)
    name = display_path(target)
    old_name = name if result.previous is not None else "/dev/null"
    for line in difflib.unified_diff(before, after, old_name, name):
        typer.echo(line.rstrip("\n"), err=to_err)


def _write(result: Imported, target: Path) -> None:
    from kehoach_cli.atomic import write_atomic, write_new

    kept = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if result.previous is None:
            write_new(target, result.text.encode("utf-8"))
        else:
            if result.stale:
                kept = _keep_copy(target, result.previous)
            write_atomic(target, result.text.encode("utf-8"))
    except FileExistsError:
        raise UsageProblem(
            f"{display_path(target)} vừa được tạo trong lúc nhập; chạy lại lệnh."
        ) from None
    except OSError as error:
        raise UsageProblem(
            f"không ghi được {display_path(target)}: {describe_os_error(error)}"
        ) from None
    note = f"Bản cũ giữ ở {display_path(kept)}." if kept is not None else ""
    if result.previous is not None:
        removed, added = _changed_lines(result.previous, result.text)
        note = (
            f"Đã sửa tại chỗ: {removed} dòng bỏ, {added} dòng mới; phần còn lại giữ nguyên. {note}"
        )
    _tell(result, result.previous is not None, target, note.strip())


def _changed_lines(before: str, after: str) -> tuple[int, int]:
    import difflib

    lines = list(difflib.unified_diff(before.splitlines(), after.splitlines(), n=0))[2:]
    return sum(line[:1] == "-" for line in lines), sum(line[:1] == "+" for line in lines)


def _keep_copy(target: Path, text: str) -> Path:
    """The replaced file beside it, hidden from the checks (a name starting with '.')."""
    from datetime import datetime

    from kehoach_cli.atomic import write_new

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    copy = target.with_name(f".{target.name}.bak-{stamp}")
    write_new(copy, text.encode("utf-8"))
    return copy


def _tell(result: Imported, replaced: bool, target: Path, note: str = "") -> None:
    for line in result.warnings:
        typer.echo(line, err=True)
    if replaced and result.left_out:
        typer.echo(f"Biểu mẫu không có {'; '.join(result.left_out)}: ghi lại vào tệp.", err=True)
    indicators = f", {result.indicators} chỉ tiêu" if result.indicators else ""
    typer.echo(
        f"Biểu mẫu có {result.tasks} nhiệm vụ, {result.activities} hoạt động{indicators}.",
        err=True,
    )
    if note:
        typer.echo(note, err=True)
    typer.echo(display_path(target))
