"""The files of a new data repository (`kehoach init`)."""

from __future__ import annotations

PLAN_SKELETON = """\
# yaml-language-server: $schema=../schemas/plan.schema.json
#
# Kế hoạch của cơ quan. Thay các chỗ "…" bằng nội dung văn bản thật, thêm đơn vị, nhóm,
# nhiệm vụ và chỉ tiêu; chạy 'kehoach validate' sau mỗi lần sửa.
schema_version: 1

document:
  type: KẾ HOẠCH
  number:                     # để trống khi văn bản chưa có số
  symbol: KH-…                # ký hiệu, ví dụ KH-SKHCN
  place: "…"                  # địa danh ở dòng ngày tháng
  date: "{year}"              # năm, hoặc ngày đầy đủ: {year}-06-21
  parent_body: UBND tỉnh …
  issuing_body: Sở …
  title: Kế hoạch …
  legal_bases: []
  preamble: Thực hiện …; … ban hành Kế hoạch như sau
  closing: Trên đây là Kế hoạch …./.
  recipients: ["Lưu: VT"]
  signer: {{title: GIÁM ĐỐC, name: "…"}}

sections:
  purposes: {{heading: "MỤC ĐÍCH, YÊU CẦU", items: ["…"]}}
  tasks: {{heading: "NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU"}}
  schedule_budget: {{heading: "THỜI GIAN VÀ KINH PHÍ THỰC HIỆN", items: ["…"]}}
  organization: {{heading: "TỔ CHỨC THỰC HIỆN", items: ["…"]}}

# Mã đơn vị: chữ thường không dấu, số, dấu '-'.
# kind: phong | trung_tam | thanh_tra | van_phong | external
units:
  - {{id: phong-a, name: Phòng A, kind: phong}}
  - {{id: phong-b, name: Phòng B, kind: phong}}

groups:
  - {{id: cac-phong, name: Các phòng thuộc Sở, members: [phong-a, phong-b]}}

tasks:
  - id: "1"
    title: Nhiệm vụ thứ nhất
    text: ["…"]
    lead: phong-a
    cooperate: [group:cac-phong]

indicators: []

reporting:
  deadline: "15/11"           # hạn nộp báo cáo hằng năm (ngày/tháng)
  receiver: phong-a           # đơn vị nhận và tổng hợp báo cáo
  escalation_to: phong-a      # đơn vị nhận báo cáo khó khăn, vướng mắc
  report:
    symbol: BC-…
    addressees: [UBND tỉnh …]
    recipients: [Như trên, "Lưu: VT"]
    signer: {{title: GIÁM ĐỐC, name: "…"}}
"""

PRE_COMMIT = """\
# Kiểm tra tệp kế hoạch và tiến độ trước mỗi commit: pre-commit install
# (kehoach cài sẵn trên máy; hoặc dùng hook 'kehoach-validate' trong kho mã của kehoach.)
repos:
  - repo: local
    hooks:
      - id: kehoach-validate
        name: kehoach validate
        entry: kehoach validate
        language: system
        files: ^data/(plan\\.yaml|progress/.+\\.ya?ml)$
        pass_filenames: true
        require_serial: true
"""

GITHUB_WORKFLOW = """\
# Kiểm tra dữ liệu ở mỗi lần push và merge request; lỗi hiện ngay trên dòng của tệp.
name: kehoach
on: [push, pull_request]
jobs:
  kiem-tra:
    runs-on: ubuntu-latest
    env:
      # Gói kehoach để cài: tên gói, hoặc địa chỉ git của kho kehoach.
      KEHOACH_PACKAGE: kehoach
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: pip install "$KEHOACH_PACKAGE"
      - name: Kiểm tra dữ liệu
        run: kehoach validate
      - name: Hạn nộp báo cáo năm nay
        run: kehoach status --check-deadline --year "$(date +%Y)"
"""

GITLAB_CI = """\
# Kiểm tra dữ liệu ở mỗi lần push và merge request.
kiem-tra:
  image: python:3.12-slim
  variables:
    KEHOACH_PACKAGE: kehoach   # tên gói, hoặc địa chỉ git của kho kehoach
  script:
    - pip install "$KEHOACH_PACKAGE"
    - kehoach validate --format json > ket-qua-kiem-tra.json || (kehoach validate; exit 1)
    - kehoach status --check-deadline --year "$(date +%Y)"
  artifacts:
    when: always
    paths: [ket-qua-kiem-tra.json]
"""

EDITORCONFIG = """\
root = true

[*]
charset = utf-8
end_of_line = lf
insert_final_newline = true
trim_trailing_whitespace = true

[*.{yaml,yml}]
indent_style = space
indent_size = 2
"""

GITATTRIBUTES = """\
*.yaml text eol=lf
*.yml text eol=lf
*.md text eol=lf
*.docx binary
"""

GITIGNORE = """\
/bao-cao-*.docx
/ke-hoach.docx
.kehoach-cache/
"""

README = """\
# Dữ liệu kế hoạch

Kho này chứa kế hoạch và báo cáo tiến độ của các đơn vị, kiểm tra và tổng hợp bằng
kehoach.

- `data/plan.yaml`: kế hoạch (văn bản, đơn vị, nhiệm vụ, chỉ tiêu, hạn báo cáo).
- `data/progress/<năm>/<mã đơn vị>.yaml`: báo cáo tiến độ của từng đơn vị, mỗi năm một tệp.
- `templates/bao-cao.docx`: mẫu Word của báo cáo năm (sửa được bằng Word).
- `schemas/`: lược đồ để VS Code gợi ý và gạch chân lỗi khi gõ.

## Việc thường làm

```sh
kehoach new --unit phong-a --year {year}     # tạo tệp báo cáo của đơn vị
kehoach validate                             # kiểm tra; sửa hết lỗi rồi commit
kehoach status --year {year}                 # ai đã nộp, nhiệm vụ đến đâu
kehoach report --year {year}                 # báo cáo năm (.docx) để trình ký
```

Trước mỗi commit, `pre-commit install` (một lần) giúp tự kiểm tra. CI (GitHub Actions hoặc
GitLab CI) chạy `kehoach validate` và báo đơn vị chưa nộp sau hạn.
"""


def workspace_files(year: int) -> dict[str, str]:
    """Relative path → text, for a new data repository."""
    return {
        "data/plan.yaml": PLAN_SKELETON.format(year=year),
        "data/progress/.gitkeep": "",
        ".pre-commit-config.yaml": PRE_COMMIT,
        ".github/workflows/kehoach.yml": GITHUB_WORKFLOW,
        ".gitlab-ci.yml": GITLAB_CI,
        ".editorconfig": EDITORCONFIG,
        ".gitattributes": GITATTRIBUTES,
        ".gitignore": GITIGNORE,
        "README.md": README.format(year=year),
    }
