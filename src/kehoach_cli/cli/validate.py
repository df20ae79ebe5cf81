"""`kehoach validate`: check the plan and progress files; exit code for CI."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from kehoach_cli.cli.common import RootOption
from kehoach_cli.cli.options import ColorOption, NoColorOption
from kehoach_cli.cli.validate_run import run_validate


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
    code = run_validate(
        paths,
        root,
        output_format.value if output_format else None,
        strict=strict,
        no_cache=no_cache,
        color=color,
        no_color=no_color,
    )
    raise typer.Exit(code)
