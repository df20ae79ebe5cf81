"""The CI recipes of a new data repository (`kehoach init`): GitHub Actions and GitLab CI.

Every push and merge request: `kehoach validate` (annotations on GitHub, a Code Quality
report on GitLab, shown on the merge request), on GitHub the status as Markdown on the
run's Summary page, and the dashboard (published as Pages on the default branch, an
artifact of a merge request). The deadline check runs on a schedule and on demand only,
never on a push: a clerk's push must not go red because another unit has not sent its
report yet.

The dashboard shows the current year, and last year in January: that is when last year's
yearly report is collected (a deadline "15/01 năm sau"), and a January page of the new year
would be empty. `date` runs in Vietnam's time zone (TZ=ICT-7, POSIX for UTC+7, which needs
no time zone database) so that the days counted are those of the clerks' calendar.

Every job installs one pinned kehoach, from the source `KEHOACH_PIP` names (a git commit or
a release wheel: scaffold/install_source.py), never from a bare package name.
"""

from __future__ import annotations

import json

from kehoach_cli.scaffold.install_source import InstallSource

# The dashboard, in POSIX sh (GitLab's python image has no bash). Exit code 1 with a page:
# some progress files have errors (the page names them; validation fails the pipeline for
# them). Exit code 2: the year is outside the plan period (January of a plan's first year):
# this year's page instead. No page at all (a broken plan) fails the job.
DASHBOARD_SCRIPT = """\
# Năm của trang: năm nay; tháng 1 thì năm trước (lúc đang thu báo cáo năm trước).
nam=$(date +%Y)
if [ "$(date +%m)" = 01 ]; then nam=$((nam - 1)); fi
mkdir -p public
kehoach dashboard --year "$nam" -o public/index.html || [ $? = 1 ] ||
  kehoach dashboard -o public/index.html || true
test -s public/index.html
"""


# The status of the dashboard's year as Markdown on the run's Summary page. Exit code 1
# (some files have errors) still wrote the tables; exit code 2 (the year is outside the
# plan period): this year's. A failure here never fails the job: validation does, and says
# why.
SUMMARY_SCRIPT = """\
nam=$(date +%Y)
if [ "$(date +%m)" = 01 ]; then nam=$((nam - 1)); fi
kehoach status --year "$nam" --format markdown >> "$GITHUB_STEP_SUMMARY" || [ $? = 1 ] ||
  kehoach status --format markdown >> "$GITHUB_STEP_SUMMARY" || true
"""


# Installs the pinned kehoach of KEHOACH_PIP (scaffold/install_source.py), in POSIX sh.
# Without a source it stops at once and says what to fill in, rather than guessing a name.
# pip fetches a git source with git, which slim images (python:3.12-slim) lack.
def install_script(version: str) -> str:
    example = "kehoach @ git+https://<máy chủ>/<nhóm>/kehoach.git@<commit>"
    return f"""\
if [ -z "$KEHOACH_PIP" ]; then
  echo "Chưa biết nơi cài kehoach: điền biến KEHOACH_PIP ở đầu tệp cấu hình CI này," \\
    "ví dụ \\"{example}\\" (xem mục 'Cài kehoach' trong hướng dẫn của kehoach)." >&2
  exit 1
fi
case "$KEHOACH_PIP" in
  *git+*)
    command -v git >/dev/null ||
      {{ apt-get update -qq && apt-get install -y -qq --no-install-recommends git >/dev/null; }} ;;
esac
python -m pip install --quiet "$KEHOACH_PIP"
"""


def pip_variable(source: InstallSource, indent: int) -> str:
    """The KEHOACH_PIP line and the comment above it, as YAML (a JSON string is a valid
    YAML double-quoted scalar: the requirement's '@', ':' and '#' stay text)."""
    pad = " " * indent
    version = source.version
    lines = [
        f"# Nơi cài kehoach {version}, ghim đúng một bản: kho git của kehoach ở một commit (hoặc",
        "# một thẻ kho đó có), hoặc tệp .whl của bản phát hành (bản sao của cơ quan). Lên phiên",
        "# bản mới: đổi commit ở đây và rev: trong .pre-commit-config.yaml. Đừng chỉ ghi tên gói",
        "# 'kehoach': tên này không có trên kho gói công cộng nào, ai đăng ký tên đó sẽ chạy được",
        '# mã trong CI của kho này. Xem mục "Cài kehoach" trong hướng dẫn của kehoach.',
    ]
    if not source.known:
        example = "kehoach @ git+https://<máy chủ>/<nhóm>/kehoach.git@<commit>"
        lines.append(f'# ĐIỀN: chưa biết nơi cài; ví dụ KEHOACH_PIP: "{example}"')
    lines.append(f"KEHOACH_PIP: {json.dumps(source.requirement, ensure_ascii=False)}")
    return "\n".join(pad + line for line in lines)


def _indented(text: str, spaces: int) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line else line for line in text.splitlines())


# A run on the default branch, not for a pull request (a scheduled run is always there;
# its event does not name the repository on every GitHub version).
ON_DEFAULT_BRANCH = (
    "github.event_name == 'schedule' || (github.event_name != 'pull_request' && "
    "github.ref_name == github.event.repository.default_branch)"
)


# long: the whole workflow as one template, read top to bottom as the file it writes
def github_workflow(source: InstallSource) -> str:
    # Every job: Python, then the pinned kehoach (after its own checkout).
    python_and_kehoach = f"""\
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - name: Cài kehoach
        run: |
{_indented(install_script(source.version), 10)}"""
    return f"""\
# kehoach trên GitHub Actions.
# - Mỗi lần push và pull request: kiểm tra dữ liệu (lỗi hiện ngay trên dòng của tệp), ghi
#   bảng tình hình vào trang Summary của lần chạy và dựng trang theo dõi (với pull request:
#   tải về ở mục Artifacts của lần chạy).
# - Trên nhánh chính: đăng trang theo dõi lên GitHub Pages (một lần: Settings → Pages →
#   Source: GitHub Actions).
# - Hằng ngày và khi bấm "Run workflow" (tab Actions): kiểm tra hạn nộp — báo đơn vị chưa
#   gửi, gửi muộn của kỳ báo cáo vừa hết hạn gần nhất (kể cả báo cáo năm trước, vào tháng 1).
#   Không chạy khi push, để việc một đơn vị chưa nộp không làm hỏng lần push của người khác.
name: kehoach
on:
  push:
  pull_request:
  schedule:
    - cron: "0 1 * * *"   # 8 giờ sáng giờ Việt Nam
  workflow_dispatch:
permissions:
  contents: read
env:
{pip_variable(source, 2)}
  TZ: ICT-7   # giờ Việt Nam (UTC+7)
jobs:
  kiem-tra:
    if: github.event_name != 'schedule'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
{python_and_kehoach}
      - name: Kiểm tra dữ liệu
        run: kehoach validate
      - name: Tóm tắt tình hình (trang Summary của lần chạy)
        if: always()
        run: |
{_indented(SUMMARY_SCRIPT, 10)}

  han-nop:
    if: github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
{python_and_kehoach}
      - name: Hạn nộp báo cáo (kỳ vừa hết hạn gần nhất)
        run: kehoach status --check-deadline

  trang-theo-doi:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0   # để trang ghi đúng commit của dữ liệu
{python_and_kehoach}
      - name: Dựng trang theo dõi
        run: |
{_indented(DASHBOARD_SCRIPT, 10)}
      - name: Đính kèm trang vào pull request
        if: github.event_name == 'pull_request'
        uses: actions/upload-artifact@v4
        with:
          name: trang-theo-doi
          path: public/
      - name: Chuẩn bị trang cho GitHub Pages
        if: ${{{{ {ON_DEFAULT_BRANCH} }}}}
        uses: actions/upload-pages-artifact@v3
        with:
          path: public/

  dang-trang:
    needs: trang-theo-doi
    if: ${{{{ {ON_DEFAULT_BRANCH} }}}}
    runs-on: ubuntu-latest
    permissions:
      pages: write
      id-token: write
    concurrency:
      group: pages
      cancel-in-progress: false
    environment:
      name: github-pages
      url: ${{{{ steps.dang.outputs.page_url }}}}
    steps:
      - name: Đăng lên GitHub Pages
        id: dang
        uses: actions/deploy-pages@v4
"""


# long: the whole pipeline as one template, read top to bottom as the file it writes
def gitlab_ci(source: InstallSource) -> str:
    install = _indented(install_script(source.version), 6)
    return f"""\
# kehoach trên GitLab CI.
# - Mỗi lần push và merge request: kiểm tra dữ liệu (lỗi hiện trong mục Code Quality của
#   merge request và trong nhật ký của job).
# - Mỗi merge request: dựng trang theo dõi (nút "Trang theo dõi" trong merge request).
# - Trên nhánh chính: đăng trang theo dõi lên GitLab Pages (job 'pages').
# - Kiểm tra hạn nộp (job 'han-nop'): chạy theo lịch (Build → Pipeline schedules, ví dụ
#   hằng ngày "0 8 * * *", múi giờ Hà Nội), khi bấm "Run pipeline", hoặc bấm tay trong
#   pipeline của nhánh chính. Không tự chạy khi push, để việc một đơn vị chưa nộp không làm
#   hỏng lần push của người khác.
workflow:
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_PIPELINE_SOURCE == "push" && $CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS
      when: never   # đã có pipeline của merge request
    - if: $CI_COMMIT_BRANCH

variables:
{pip_variable(source, 2)}
  TZ: ICT-7                  # giờ Việt Nam (UTC+7)
  GIT_DEPTH: "0"             # để trang theo dõi ghi đúng commit của dữ liệu

default:
  image: python:3.12-slim
  before_script:
    - |
{install}

kiem-tra:
  rules:
    - if: $CI_PIPELINE_SOURCE == "schedule"
      when: never
    - when: on_success
  script:
    - kehoach validate --format gitlab > gl-code-quality-report.json
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json
    paths: [gl-code-quality-report.json]

han-nop:
  rules:
    - if: $CI_PIPELINE_SOURCE == "schedule" || $CI_PIPELINE_SOURCE == "web"
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
      when: manual
      allow_failure: true
  script:
    - kehoach status --check-deadline

trang-theo-doi:
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  script:
    - |
{_indented(DASHBOARD_SCRIPT, 6)}
  artifacts:
    expose_as: Trang theo dõi
    paths: [public/]

pages:
  stage: deploy
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  script:
    - |
{_indented(DASHBOARD_SCRIPT, 6)}
  artifacts:
    paths: [public]
"""
