"""`kehoach schema`: write the JSON Schemas of plan and progress files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kehoach_cli.cli.common import display_path
from kehoach_cli.errors import UsageProblem
from kehoach_cli.os_errors import describe_os_error

HELP = """Ghi lược đồ JSON (JSON Schema) của data/plan.yaml và tệp tiến độ, để trình soạn
thảo (VS Code với yaml-language-server) gợi ý khóa và gạch chân lỗi khi gõ. Các tệp
dữ liệu trỏ tới lược đồ bằng dòng chú thích đầu tệp:
# yaml-language-server: $schema=../../../schemas/progress.schema.json

\b
Ví dụ:
  kehoach schema                 # ghi schemas/plan.schema.json, schemas/progress.schema.json
  kehoach schema -o /tmp/luoc-do
"""


def schema(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Thư mục ghi lược đồ.", file_okay=False)
    ] = Path("schemas"),
) -> None:
    from kehoach_cli.atomic import write_atomic
    from kehoach_cli.model.schema import json_schemas, schema_text

    try:
        output.mkdir(parents=True, exist_ok=True)
        for name, document in json_schemas().items():
            write_atomic(output / name, schema_text(document).encode("utf-8"))
            typer.echo(f"Đã ghi {display_path(output / name)}", err=True)
    except OSError as error:
        raise UsageProblem(
            f"không ghi được vào {display_path(output)}: {describe_os_error(error)}"
        ) from None
