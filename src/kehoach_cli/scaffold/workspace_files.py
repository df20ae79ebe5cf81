"""The files of a new data repository (`kehoach init`)."""

from __future__ import annotations

import json

from kehoach_cli.scaffold.ci_recipes import github_workflow, gitlab_ci
from kehoach_cli.scaffold.essentials import Essentials
from kehoach_cli.scaffold.install_source import InstallSource, unknown
from kehoach_cli.scaffold.plan_skeleton import plan_yaml

# With a git source known, pre-commit installs the very version CI pins, so that every
# machine checks with the same rules; without one, the hook runs the kehoach installed on
# the clerk's machine (`repo: local`).
PRE_COMMIT_PINNED = """\
# Kiểm tra tệp kế hoạch và tiến độ trước mỗi commit (một lần: pre-commit install).
# pre-commit tự cài kehoach {version} ({rev_label} của kho kehoach), đúng bản CI dùng.
repos:
  - repo: {url}
    rev: {rev}
    hooks:
      - id: kehoach-validate
"""

PRE_COMMIT_LOCAL = """\
# Kiểm tra tệp kế hoạch và tiến độ trước mỗi commit (một lần: pre-commit install).
# Hook này dùng kehoach đã cài trên máy.
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


def pre_commit_config(source: InstallSource) -> str:
    if source.git_url and source.git_rev:
        url = json.dumps(source.git_url, ensure_ascii=False)  # a YAML-safe scalar
        rev = source.git_rev
        return PRE_COMMIT_PINNED.format(
            version=source.version, url=url, rev=rev, rev_label=source.pin
        )
    return PRE_COMMIT_LOCAL


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
- `data/progress/<năm>/<mã đơn vị>.yaml`: báo cáo tiến độ của từng đơn vị, mỗi năm một tệp
  (kế hoạch có nhiều kỳ báo cáo: `data/progress/<năm>/<mã kỳ>/<mã đơn vị>.yaml`).
- `templates/bao-cao.docx`: mẫu Word của báo cáo năm (sửa được bằng Word).
- `schemas/`: lược đồ để VS Code gợi ý và gạch chân lỗi khi gõ.

## Việc thường làm

```sh
kehoach new --unit {unit} --year {year}      # tạo tệp báo cáo của một đơn vị
kehoach validate                             # kiểm tra; sửa hết lỗi rồi commit
kehoach status --year {year}                 # ai đã nộp, nhiệm vụ đến đâu
kehoach report --year {year}                 # báo cáo năm (.docx) để trình ký
```

Trước mỗi commit, `pre-commit install` (một lần) giúp tự kiểm tra. CI (GitHub Actions hoặc
GitLab CI) chạy `kehoach validate` ở mỗi lần push và merge request, dựng trang theo dõi
(`kehoach dashboard`) và đăng lên Pages của nhánh chính; hằng ngày (theo lịch) và khi bấm
chạy tay, `kehoach status --check-deadline` báo đơn vị chưa nộp hoặc nộp muộn của kỳ báo cáo
vừa hết hạn. Xem chú thích đầu `.github/workflows/kehoach.yml` và `.gitlab-ci.yml`.
"""


# VS Code with Red Hat's YAML extension (recommended when the folder is opened): hovers,
# completion and underlined mistakes in Vietnamese from the JSON Schemas in schemas/. Paths
# of schemas are relative to the folder opened; the extension prefixes each file pattern
# with "**/". Progress files made by `kehoach new` also carry a modeline to the schema.
VSCODE_SETTINGS = (
    json.dumps(
        {
            "yaml.schemas": {
                "./schemas/plan.schema.json": "data/plan.yaml",
                "./schemas/progress.schema.json": "data/progress/**/*.yaml",
            },
            "[yaml]": {"editor.tabSize": 2, "editor.insertSpaces": True},
            "files.encoding": "utf8",
            "files.eol": "\n",
        },
        ensure_ascii=False,
        indent=2,
    )
    + "\n"
)
VSCODE_EXTENSIONS = json.dumps({"recommendations": ["redhat.vscode-yaml"]}, indent=2) + "\n"


def workspace_files(
    year: int, given: Essentials | None = None, source: InstallSource | None = None
) -> dict[str, str]:
    """Relative path → text, for a new data repository; placeholders where `given` lacks,
    and CI recipes that say what to fill in where the install `source` is unknown."""
    from kehoach_cli import __version__

    given = given or Essentials()
    source = source or unknown(__version__)
    return {
        "data/plan.yaml": plan_yaml(given, year),
        "data/progress/.gitkeep": "",
        ".pre-commit-config.yaml": pre_commit_config(source),
        ".github/workflows/kehoach.yml": github_workflow(source),
        ".gitlab-ci.yml": gitlab_ci(source),
        ".editorconfig": EDITORCONFIG,
        ".vscode/settings.json": VSCODE_SETTINGS,
        ".vscode/extensions.json": VSCODE_EXTENSIONS,
        ".gitattributes": GITATTRIBUTES,
        ".gitignore": GITIGNORE,
        "README.md": README.format(year=year, unit=given.receiver),
    }
