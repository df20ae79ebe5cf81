"""`kehoach validate`: check the plan and progress files; exit code for CI."""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from kehoach_cli.cli.common import RootOption, open_workspace
from kehoach_cli.cli.options import ColorOption, NoColorOption, color_choice
from kehoach_cli.errors import ExitCode, UsageProblem


class ValidateFormat(str, Enum):
    text = "text"
    github = "github"
    gitlab = "gitlab"
    json = "json"


ValidateFormatOption = Annotated[
    ValidateFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="Cách in kết quả: text (cho người đọc), github (chú thích trên GitHub), "
        "gitlab (báo cáo Code Quality cho merge request của GitLab), json. "
        "Mặc định text; github khi GITHUB_ACTIONS=true.",
        show_default=False,
    ),
]


HELP = """Kiểm tra data/plan.yaml và các tệp tiến độ: cú pháp YAML, kiểu dữ liệu, mã đơn vị
và nhiệm vụ, ngày tháng, tiến độ, kinh phí. Báo mọi lỗi kèm tệp:dòng:cột và gợi ý sửa.

Kết quả của tệp không đổi được lưu trong .kehoach-cache/ (git bỏ qua) để lần sau chạy
nhanh; --no-cache kiểm tra lại tất cả. Nhiều tệp thì dùng mọi lõi CPU (KEHOACH_WORKERS=1
để chỉ dùng một).

Mã thoát: 0 hợp lệ; 1 dữ liệu có lỗi (hoặc có cảnh báo khi dùng --strict);
2 gọi sai lệnh hoặc không tìm thấy thư mục dữ liệu.

\b
Ví dụ:
  kehoach validate                                 # cả thư mục dữ liệu
  kehoach validate data/progress/2024/phong-a.yaml # chỉ một tệp (vẫn đối chiếu kế hoạch)
  kehoach validate --format json > ket-qua.json
  kehoach validate --format gitlab > gl-code-quality-report.json   # cho GitLab CI
  kehoach validate --strict --root ../du-lieu-ke-hoach
"""


def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Các tệp cần kiểm tra. Bỏ trống: kiểm tra toàn bộ thư mục dữ liệu.",
            metavar="TỆP",
            show_default=False,
        ),
    ] = None,
    root: RootOption = None,
    output_format: ValidateFormatOption = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Coi cảnh báo là lỗi (mã thoát 1).")
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Kiểm tra lại mọi tệp, không dùng kết quả đã lưu trong .kehoach-cache/.",
        ),
    ] = False,
    color: ColorOption = False,
    no_color: NoColorOption = False,
) -> None:
    workspace = open_workspace(root)
    chosen = output_format.value if output_format else None
    if chosen is None:
        chosen = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"

    from kehoach_cli import __version__
    from kehoach_cli.checks.validation import validate as run_validation
    from kehoach_cli.cli.issue_output import write_issues

    selected = None
    if paths:
        missing = [str(path) for path in paths if not path.exists() and not path.is_symlink()]
        if missing:
            raise UsageProblem(f"không có tệp {', '.join(missing)}")
        selected = paths
    workers = os.environ.get("KEHOACH_WORKERS", "")
    outcome = run_validation(
        workspace,
        selected,
        __version__,
        use_cache=not no_cache,
        max_workers=int(workers) if workers.isdigit() else None,
    )
    issues = outcome.issues
    failed = any(issue.is_error for issue in issues) or (strict and bool(issues))
    write_issues(issues, outcome.files, chosen, ok=not failed, color=color_choice(color, no_color))
    raise typer.Exit(ExitCode.DATA_PROBLEMS if failed else ExitCode.OK)
