"""The top-level help, pre-rendered so that `kehoach --help` need not import Typer.

Regenerate after changing commands or their one-line help (a test compares this with
what Typer prints at 80 columns):

    python -m kehoach_cli.cli.help_text > /dev/null
"""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stdout
from pathlib import Path

ROOT_HELP = """\
Cách dùng: kehoach [TÙY CHỌN] LỆNH [THAM SỐ]...

  Theo dõi và báo cáo thực hiện kế hoạch từ các tệp YAML trong git.

  Thư mục dữ liệu:
    data/plan.yaml                      kế hoạch (nhiệm vụ, đơn vị, chỉ tiêu)
    data/progress/<năm>/<đơn vị>.yaml   báo cáo tiến độ của từng đơn vị, mỗi năm một tệp

  Ví dụ:
    kehoach validate                    kiểm tra toàn bộ dữ liệu
    kehoach validate data/progress/2024/<mã-đơn-vị>.yaml
    kehoach status --year 2024          ai đã nộp báo cáo, nhiệm vụ đến đâu
    kehoach report --year 2024          báo cáo năm (.docx) để trình ký
    kehoach template check              kiểm tra mẫu Word của báo cáo
    kehoach plan render                 dựng lại văn bản kế hoạch từ plan.yaml

Tùy chọn:
  -V, --version         In phiên bản rồi thoát.
  --root THƯ_MỤC        Thư mục dữ liệu (chứa data/plan.yaml). Mặc định: tìm
                        từ thư mục hiện tại đi lên.  [biến môi trường:
                        KEHOACH_ROOT]
  --debug               In chi tiết kỹ thuật (traceback) khi có lỗi không mong
                        đợi.
  --install-completion  Cài tự hoàn thành lệnh (phím Tab) cho shell đang dùng.
  --show-completion     In mã tự hoàn thành lệnh để tự cài hoặc sửa.
  -h, --help            Hiện hướng dẫn này rồi thoát.

Lệnh:
  init      Tạo một kho dữ liệu mới: data/plan.yaml mẫu (hợp lệ ngay),...
  new       Tạo tệp báo cáo tiến độ data/progress/<năm>/<đơn vị>.yaml với...
  validate  Kiểm tra data/plan.yaml và các tệp tiến độ: cú pháp YAML,...
  status    Xem tình hình thực hiện kế hoạch trong một năm: nhiệm vụ,...
  report    Tạo báo cáo năm (.docx) theo thể thức Nghị định...
  schema    Ghi lược đồ JSON (JSON Schema) của data/plan.yaml và tệp tiến...
  plan      Làm việc với kế hoạch (data/plan.yaml).
  template  Mẫu Word của báo cáo.
"""


def render_root_help() -> str:
    """What Typer prints for `kehoach --help` on an 80-column terminal."""
    import os

    from kehoach_cli.cli.app import main

    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "80"
    buffer = io.StringIO()
    try:
        with redirect_stdout(buffer):
            main(["--help"])
    finally:
        if previous is None:
            os.environ.pop("COLUMNS", None)
        else:
            os.environ["COLUMNS"] = previous
    return buffer.getvalue()


if __name__ == "__main__":
    fresh = render_root_help()
    source = Path(__file__).read_text(encoding="utf-8")
    start = source.index('ROOT_HELP = """\\\n') + len('ROOT_HELP = """\\\n')
    end = source.index('"""', start)
    Path(__file__).write_text(source[:start] + fresh + source[end:], encoding="utf-8")
    sys.stdout.write(fresh)
