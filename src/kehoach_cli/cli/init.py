"""`kehoach init`: a new data repository for another agency."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kehoach_cli.cli.common import display_path
from kehoach_cli.errors import UsageProblem
from kehoach_cli.os_errors import describe_os_error

if TYPE_CHECKING:
    from kehoach_cli.scaffold.essentials import Essentials
    from kehoach_cli.scaffold.install_source import InstallSource

HELP = """Tạo một kho dữ liệu mới: data/plan.yaml, data/progress/, mẫu Word, lược đồ cho
trình soạn thảo (.vscode/ gợi ý tiện ích YAML, gợi ý và lỗi tiếng Việt), cấu hình
pre-commit, GitHub Actions, GitLab CI, .editorconfig, .gitattributes và README tiếng Việt.
Không ghi vào thư mục đã có tệp, trừ khi có --force (khi đó chỉ thêm tệp còn thiếu, không
ghi đè tệp nào). Thư mục chưa nằm trong kho git nào thì được tạo thành một kho git mới.

Các tùy chọn dưới đây điền sẵn những thông tin chính của kế hoạch. Thông tin nào không
cho, data/plan.yaml ghi "ĐIỀN" ở chỗ đó và 'kehoach validate' báo lỗi đúng dòng cho đến
khi điền xong: kehoach không tự lấy thông tin của một cơ quan nào khác.

\b
Ví dụ:
  kehoach init du-lieu-ke-hoach        # rồi điền các chỗ "ĐIỀN" trong data/plan.yaml
  kehoach init kh-cds --issuer "Ủy ban nhân dân tỉnh Mẫu" --title "Chuyển đổi số năm 2026" \\
      --symbol KH-UBND --place "Mẫu" --signer "KT. CHỦ TỊCH/PHÓ CHỦ TỊCH" \\
      --deadline "15/01 năm sau" --receiver-name "Sở Tài chính" --report-to "Bộ Tài chính"
  kehoach init kh-so --issuer "Sở Tài chính" --parent "UBND tỉnh Mẫu" --signer "GIÁM ĐỐC" \\
      --period 6-thang=15/6 --period "nam=15/12" --receiver-name "Văn phòng Sở" ...
  kehoach init kh-cds --kehoach-source https://git.example.gov.vn/cds/kehoach.git ...
"""

# The period ids of scaffold/essentials.py's KNOWN_PERIODS (a test keeps them equal),
# written out so that `init --help` is read without importing anything (cli/help_text.py).
PERIOD_IDS = "6-thang, 9-thang, nam, quy-1, quy-2, quy-3, quy-4"

FolderArgument = Annotated[Path, typer.Argument(help="Thư mục của kho mới.", metavar="THƯ_MỤC")]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Cho phép thư mục đã có tệp (chỉ thêm tệp còn thiếu).")
]
IssuerOption = Annotated[
    str | None,
    typer.Option(
        "--issuer",
        help="Cơ quan ban hành, ví dụ 'Ủy ban nhân dân tỉnh …', 'Sở Tài chính'.",
        show_default=False,
    ),
]
ParentOption = Annotated[
    str | None,
    typer.Option(
        "--parent",
        help="Cơ quan chủ quản, nếu có (một Sở: 'UBND tỉnh …'; một UBND: bỏ trống).",
        show_default=False,
    ),
]
TitleOption = Annotated[
    str | None,
    typer.Option("--title", help="Trích yếu, ví dụ 'Chuyển đổi số năm 2026'.", show_default=False),
]
SymbolOption = Annotated[
    str | None,
    typer.Option(
        "--symbol",
        help="Ký hiệu kế hoạch, ví dụ KH-UBND (báo cáo tổng hợp: BC-UBND).",
        show_default=False,
    ),
]
PlaceOption = Annotated[
    str | None,
    typer.Option("--place", help="Địa danh ở dòng ngày tháng.", show_default=False),
]
SignerOption = Annotated[
    str | None,
    typer.Option(
        "--signer",
        help="Người ký: 'THẨM QUYỀN/CHỨC VỤ' như 'KT. CHỦ TỊCH/PHÓ CHỦ TỊCH', hoặc chỉ "
        "chức vụ như 'GIÁM ĐỐC'.",
        show_default=False,
    ),
]
DeadlineOption = Annotated[
    str | None,
    typer.Option(
        "--deadline",
        help="Hạn nộp báo cáo năm: '15/12', hoặc '15/01 năm sau' khi hạn ở năm sau.",
        show_default=False,
    ),
]
PeriodsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--period",
        help="Kỳ báo cáo và hạn nộp, thay cho --deadline; ghi nhiều lần, ví dụ --period "
        f"6-thang=15/6 --period 'nam=15/01 năm sau'. Các kỳ: {PERIOD_IDS}.",
        show_default=False,
    ),
]
ReceiverNameOption = Annotated[
    str | None,
    typer.Option(
        "--receiver-name",
        help="Đơn vị tổng hợp (nhận báo cáo của các đơn vị), ví dụ 'Sở Tài chính'.",
        show_default=False,
    ),
]
ReceiverIdOption = Annotated[
    str | None,
    typer.Option(
        "--receiver-id",
        help="Mã của đơn vị tổng hợp. Mặc định: tên bỏ dấu, ví dụ so-tai-chinh.",
        show_default=False,
    ),
]
ReceiverKindOption = Annotated[
    str | None,
    typer.Option(
        "--receiver-kind",
        help="Loại của đơn vị tổng hợp: so_nganh, ubnd_huyen, ubnd_xa, phong, trung_tam, "
        "thanh_tra, van_phong. Mặc định: theo tên ('Sở …', 'Phòng …', 'UBND huyện …').",
        show_default=False,
    ),
]
YearsOption = Annotated[
    str | None,
    typer.Option(
        "--years",
        help="Thời gian thực hiện kế hoạch: '2026' hoặc '2026-2030'. Mặc định: năm nay.",
        show_default=False,
    ),
]
SourceOption = Annotated[
    str | None,
    typer.Option(
        "--kehoach-source",
        help="Nơi CI (và pre-commit) cài kehoach: địa chỉ kho git của kehoach, ghim ở commit "
        "kehoach đang chạy được cài từ (hoặc ở commit, thẻ ghi sau địa chỉ: …/kehoach.git@"
        "<commit>), hoặc địa chỉ tệp .whl của bản phát hành. Mặc định: nơi đã cài kehoach "
        "đang chạy, nếu đó là một kho git hoặc máy chủ.",
        show_default=False,
    ),
]
ReportToOption = Annotated[
    str | None,
    typer.Option(
        "--report-to",
        help="Kính gửi của báo cáo tổng hợp. Mặc định: cơ quan chủ quản (--parent).",
        show_default=False,
    ),
]


def init(
    folder: FolderArgument,
    issuer: IssuerOption = None,
    parent: ParentOption = None,
    title: TitleOption = None,
    symbol: SymbolOption = None,
    place: PlaceOption = None,
    signer: SignerOption = None,
    deadline: DeadlineOption = None,
    period: PeriodsOption = None,
    receiver_name: ReceiverNameOption = None,
    receiver_id: ReceiverIdOption = None,
    receiver_kind: ReceiverKindOption = None,
    report_to: ReportToOption = None,
    years: YearsOption = None,
    kehoach_source: SourceOption = None,
    force: ForceOption = False,
) -> None:
    from kehoach_cli.scaffold.essentials import essentials

    given = essentials(
        issuer=issuer,
        parent=parent,
        title=title,
        symbol=symbol,
        place=place,
        signer=signer,
        deadline=deadline,
        periods=period or [],
        receiver_name=receiver_name,
        receiver_id=receiver_id,
        receiver_kind=receiver_kind,
        report_to=report_to,
        years=years,
    )
    source = _install_source(kehoach_source)
    _refuse_occupied(folder, force)
    written, kept = _write_missing(folder, _workspace_files(given, source))
    _tell(folder, written, kept, given)
    _tell_source(source, kept)
    _make_repository(folder)


def _install_source(option: str | None) -> InstallSource:
    from kehoach_cli import __version__
    from kehoach_cli.scaffold import install_source

    if option is None:
        return install_source.installed_source(__version__)
    try:
        return install_source.from_option(option, __version__, install_source.running_origin())
    except install_source.SourceRefused as refused:
        raise UsageProblem(f"--kehoach-source: {refused}.") from None


def _refuse_occupied(folder: Path, force: bool) -> None:
    if folder.exists() and not folder.is_dir():
        raise UsageProblem(f"{display_path(folder)} là một tệp, không phải thư mục.")
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise UsageProblem(
            f"thư mục {display_path(folder)} đã có tệp; dùng --force để chỉ thêm tệp còn thiếu."
        )


def _tell(folder: Path, written: int, kept: list[str], given: Essentials) -> None:
    """What was written and what comes next; about the plan only when init wrote it (a
    plan kept by --force is the user's, and says nothing of these options)."""
    shown = display_path(folder)
    typer.echo(f"Đã tạo {written} tệp trong thư mục '{shown}'.", err=True)
    if kept:
        typer.echo(f"Giữ nguyên {len(kept)} tệp đã có: {', '.join(kept)}.", err=True)
    if PLAN_FILE in kept:
        return
    from kehoach_cli.scaffold.essentials import missing_essentials

    missing = missing_essentials(given)
    if missing:
        typer.echo(
            f'Còn thiếu: {", ".join(missing)}. data/plan.yaml ghi "ĐIỀN" ở các chỗ đó; '
            "'kehoach validate' báo lỗi đúng dòng cho đến khi điền xong.",
            err=True,
        )
    year = given.years[0] if given.years else date.today().year
    typer.echo(
        f"Tiếp theo: cd '{shown}', chép nội dung kế hoạch vào data/plan.yaml, chạy "
        "'kehoach validate', rồi với từng đơn vị (ví dụ đơn vị tổng hợp): 'kehoach new "
        f"--unit {given.receiver} --year {year}' (tệp YAML) hoặc 'kehoach form --unit "
        f"{given.receiver} --year {year}' (biểu mẫu Excel).",
        err=True,
    )


PLAN_FILE = "data/plan.yaml"
RECIPES = (".github/workflows/kehoach.yml", ".gitlab-ci.yml")


def _tell_source(source: InstallSource, kept: list[str]) -> None:
    if all(recipe in kept for recipe in RECIPES):
        return  # the user's recipes, as they were: nothing said of them is new
    if source.known:
        hook = " và pre-commit" if source.git_rev else ""
        typer.echo(
            f"CI{hook} cài kehoach {source.version}, ghim ở {source.pin}: {source.requirement}",
            err=True,
        )
        return
    from kehoach_cli.scaffold.install_source import running_origin

    commit = running_origin().commit
    typer.echo(
        "Chưa biết nơi CI cài kehoach: điền biến KEHOACH_PIP ở đầu "
        '.github/workflows/kehoach.yml và .gitlab-ci.yml, ví dụ "kehoach @ '
        'git+https://<máy chủ>/<nhóm>/kehoach.git@<commit>" (hướng dẫn của kehoach, mục 1 '
        '"Cài kehoach"); đến lúc đó CI dừng ở bước cài và nói rõ như vậy.'
        + (f" kehoach đang chạy được cài từ commit {commit}." if commit else ""),
        err=True,
    )


def _make_repository(folder: Path) -> None:
    """A new git repository in `folder` unless it is inside one already (every later step,
    CI and pre-commit included, assumes one), made by dulwich: nothing is run."""
    from kehoach_cli.gitrepo import find_top, init_repository

    top = find_top(folder.resolve())
    if top is not None:
        return
    try:
        init_repository(folder)
    except OSError as error:
        raise UsageProblem(
            f"đã ghi các tệp nhưng không tạo được kho git trong {display_path(folder)}: "
            f"{describe_os_error(error)}; chạy 'git init' trong thư mục đó"
        ) from None
    typer.echo(
        f"Đã tạo kho git trong '{display_path(folder)}' (chưa có commit nào): kiểm tra, "
        "rồi 'git add -A' và 'git commit'.",
        err=True,
    )


def _workspace_files(given: Essentials, source: InstallSource) -> dict[str, bytes]:
    """Every file of a new workspace: sample plan, CI recipes, schemas, the template."""
    from kehoach_cli.model.schema import SCHEMA_DIR, json_schemas, schema_text
    from kehoach_cli.report.render import default_template
    from kehoach_cli.scaffold.workspace_files import workspace_files

    files: dict[str, bytes] = {
        path: text.encode("utf-8")
        for path, text in workspace_files(date.today().year, given, source).items()
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
