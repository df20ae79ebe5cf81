"""The CI recipes `kehoach init` writes: valid for GitHub and GitLab (check-jsonschema's
built-in schemas, offline), validation on every push and merge request, the deadline check
only on a schedule or on demand, the dashboard built, published from the default branch and
attached to merge requests."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from kehoach_cli.scaffold.ci_recipes import DASHBOARD_SCRIPT, SUMMARY_SCRIPT

YEAR = date.today().year
BIN = Path(sys.executable).parent
ESSENTIALS = (
    "--issuer", "Ủy ban nhân dân tỉnh Mẫu",
    "--title", "Chuyển đổi số",
    "--symbol", "KH-UBND",
    "--place", "Mẫu",
    "--signer", "CHỦ TỊCH",
    "--deadline", "15/01 năm sau",
    "--receiver-name", "Sở Tài chính",
    "--report-to", "Bộ Tài chính",
)  # fmt: skip


COMMIT = "0123456789abcdef" * 2 + "01234567"
# The address with the commit written after it: the same pin whatever this kehoach was
# installed from (tests/scaffold/test_install_source.py: the commit it was installed from).
SOURCE = f"https://git.example.gov.vn/cds/kehoach.git@{COMMIT}"
PINNED = f"kehoach @ git+{SOURCE}"


@pytest.fixture
def repo(cli, tmp_path: Path) -> Path:
    assert cli("init", "kho", *ESSENTIALS, "--kehoach-source", SOURCE, cwd=tmp_path).code == 0
    return tmp_path / "kho"


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# ------------------------------------------------------------------ real linters


def _check_jsonschema() -> str:
    found = shutil.which("check-jsonschema", path=str(BIN)) or shutil.which("check-jsonschema")
    if not found:
        pytest.skip("check-jsonschema is not installed (pip install check-jsonschema)")
    return found


@pytest.mark.parametrize(
    ("name", "schema"),
    [
        (".github/workflows/kehoach.yml", "vendor.github-workflows"),
        (".gitlab-ci.yml", "vendor.gitlab-ci"),
    ],
)
@pytest.mark.parametrize("source", [SOURCE, None])
def test_recipes_pass_the_vendors_schemas(
    cli, tmp_path: Path, name: str, schema: str, source: str | None
):
    """With the source known, and without (KEHOACH_PIP left empty for the clerk)."""
    tool = _check_jsonschema()
    given = ["--kehoach-source", source] if source else []
    assert cli("init", "kho", *ESSENTIALS, *given, cwd=tmp_path).code == 0
    repo = tmp_path / "kho"

    def check(path: Path) -> subprocess.CompletedProcess[str]:
        command = [tool, "--builtin-schema", schema, str(path)]
        return subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)

    result = check(repo / name)
    assert result.returncode == 0, result.stdout + result.stderr
    # The linter does check: the same file with a job key misspelt is refused.
    broken = tmp_path / Path(name).name
    text = (repo / name).read_text(encoding="utf-8")
    broken.write_text(text.replace("runs-on:", "run-on:").replace("script:", "scripts:"))
    assert check(broken).returncode != 0


# ------------------------------------------------------------------ GitHub Actions


def _github_if(expression: str | None, event: str, branch: str = "main") -> bool:
    """Evaluate the recipe's `if:` expressions (==, !=, ||, &&, parentheses, quoted text)."""
    if expression is None:
        return True
    text = expression.strip().removeprefix("${{").removesuffix("}}")
    text = text.replace("||", " or ").replace("&&", " and ")
    assert re.fullmatch(r"[\w.' ()=!]+", text), text  # nothing but what is evaluated here
    repository = None if event == "schedule" else SimpleNamespace(default_branch="main")
    github = SimpleNamespace(
        event_name=event, ref_name=branch, event=SimpleNamespace(repository=repository)
    )
    try:
        status = {"always": lambda: True}  # the job's earlier steps may have failed
        return bool(eval(text, {"__builtins__": {}}, {"github": github, **status}))
    except AttributeError:  # github.event.repository absent: false, as on GitHub
        return False


def _github_runs(workflow: dict, event: str, branch: str = "main") -> dict[str, list[str]]:
    """job → the commands and actions that run for that event (on that branch)."""
    runs = {}
    for name, job in workflow["jobs"].items():
        if not _github_if(job.get("if"), event, branch):
            continue
        steps = [s for s in job["steps"] if _github_if(s.get("if"), event, branch)]
        runs[name] = [step.get("run") or step.get("uses") for step in steps]
    return runs


def _all(runs: dict[str, list[str]]) -> str:
    return "\n".join(line for lines in runs.values() for line in lines)


def test_github_validates_on_every_push_and_checks_deadlines_on_schedule(repo: Path):
    workflow = _load(repo / ".github/workflows/kehoach.yml")
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"push", "pull_request", "schedule", "workflow_dispatch"}
    assert re.fullmatch(r"[\d*]+ [\d*]+ \* \* \*", triggers["schedule"][0]["cron"])  # daily
    assert workflow["env"]["KEHOACH_PIP"] == PINNED
    for event, branch in (("push", "main"), ("push", "nhanh-khac"), ("pull_request", "x")):
        runs = _all(_github_runs(workflow, event, branch))
        assert "kehoach validate" in runs
        assert "--check-deadline" not in runs, (event, branch)
    for event in ("schedule", "workflow_dispatch"):
        runs = _all(_github_runs(workflow, event))
        assert "kehoach status --check-deadline\n" in runs + "\n"
        assert "--year" not in runs.split("--check-deadline")[1].split("\n")[0]


def test_github_publishes_the_dashboard_from_the_default_branch(repo: Path):
    workflow = _load(repo / ".github/workflows/kehoach.yml")
    for event in ("push", "schedule"):
        runs = _github_runs(workflow, event, "main")
        assert "kehoach dashboard" in _all(runs)
        assert "actions/upload-pages-artifact@v3" in runs["trang-theo-doi"]
        assert runs["dang-trang"] == ["actions/deploy-pages@v4"]
    deploy = workflow["jobs"]["dang-trang"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    for event, branch in (("push", "nhanh-khac"), ("pull_request", "main")):
        runs = _github_runs(workflow, event, branch)
        assert "dang-trang" not in runs
        assert "actions/upload-pages-artifact@v3" not in runs["trang-theo-doi"]
    pull = _github_runs(workflow, "pull_request", "x")["trang-theo-doi"]
    assert "actions/upload-artifact@v4" in pull
    step = next(
        s
        for s in workflow["jobs"]["trang-theo-doi"]["steps"]
        if "run" in s and "dashboard" in s["run"]
    )
    assert step["run"] == DASHBOARD_SCRIPT


# ------------------------------------------------------------------ GitLab CI


def _gitlab_when(rules: list[dict] | None, variables: dict[str, str]) -> str:
    """GitLab's rule: the first rule whose `if` holds gives `when`; no rule holds: never."""
    if rules is None:
        return "on_success"
    for rule in rules:
        condition = rule.get("if")
        if condition is None or _gitlab_if(condition, variables):
            return rule.get("when", "on_success")
    return "never"


def _gitlab_if(condition: str, variables: dict[str, str]) -> bool:
    text = re.sub(r"\$(\w+)", lambda m: repr(variables.get(m.group(1))), condition)
    text = text.replace("||", " or ").replace("&&", " and ")
    return bool(eval(text, {"__builtins__": {}}, {}))


PIPELINES = {
    "push to main": {"CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "main"},
    "push to a branch": {"CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "sua"},
    "merge request": {"CI_PIPELINE_SOURCE": "merge_request_event"},
    "schedule": {"CI_PIPELINE_SOURCE": "schedule", "CI_COMMIT_BRANCH": "main"},
    "run pipeline": {"CI_PIPELINE_SOURCE": "web", "CI_COMMIT_BRANCH": "main"},
}


def _gitlab_jobs(ci: dict, pipeline: str) -> dict[str, str]:
    """job → when, for the jobs of that pipeline (none if the workflow refuses it)."""
    variables = {"CI_DEFAULT_BRANCH": "main", **PIPELINES[pipeline]}
    if _gitlab_when(ci["workflow"]["rules"], variables) == "never":
        return {}
    jobs = {name: job for name, job in ci.items() if isinstance(job, dict) and "script" in job}
    found = {name: _gitlab_when(job.get("rules"), variables) for name, job in jobs.items()}
    return {name: when for name, when in found.items() if when != "never"}


def test_gitlab_validates_on_every_push_and_checks_deadlines_on_schedule(repo: Path):
    ci = _load(repo / ".gitlab-ci.yml")
    assert ci["variables"]["KEHOACH_PIP"] == PINNED
    deadline_jobs = {n for n, j in ci.items() if "--check-deadline" in str(j.get("script"))}
    assert deadline_jobs == {"han-nop"}
    assert ci["han-nop"]["script"] == ["kehoach status --check-deadline"]
    for pipeline in ("push to main", "push to a branch", "merge request"):
        jobs = _gitlab_jobs(ci, pipeline)
        assert jobs.get("kiem-tra") == "on_success", pipeline
        assert jobs.get("han-nop") in (None, "manual"), pipeline  # never by itself on a push
    assert _gitlab_jobs(ci, "push to main")["han-nop"] == "manual"  # on demand
    for pipeline in ("schedule", "run pipeline"):
        assert _gitlab_jobs(ci, pipeline)["han-nop"] == "on_success"
    assert "kiem-tra" not in _gitlab_jobs(ci, "schedule")
    report = "gl-code-quality-report.json"
    assert ci["kiem-tra"]["script"] == [f"kehoach validate --format gitlab > {report}"]
    assert ci["kiem-tra"]["artifacts"] == {
        "when": "always",
        "reports": {"codequality": report},
        "paths": [report],
    }


def test_gitlab_publishes_the_dashboard_and_attaches_it_to_merge_requests(repo: Path):
    ci = _load(repo / ".gitlab-ci.yml")
    for pipeline in ("push to main", "schedule"):
        assert _gitlab_jobs(ci, pipeline).get("pages") == "on_success"
    for pipeline in ("push to a branch", "merge request"):
        assert "pages" not in _gitlab_jobs(ci, pipeline)
    assert ci["pages"]["artifacts"]["paths"] == ["public"]
    assert _gitlab_jobs(ci, "merge request").get("trang-theo-doi") == "on_success"
    assert ci["trang-theo-doi"]["artifacts"] == {
        "expose_as": "Trang theo dõi",
        "paths": ["public/"],
    }
    assert ci["pages"]["script"] == ci["trang-theo-doi"]["script"] == [DASHBOARD_SCRIPT]


# ------------------------------------------------------------------ the dashboard script


def _run_script(
    repo: Path, tmp_path: Path, month: str, script: str = DASHBOARD_SCRIPT, **extra: str
) -> subprocess.CompletedProcess[str]:
    """A recipe's script in POSIX sh, with `date` saying this year and that month."""
    if not (BIN / "kehoach").exists() or not shutil.which("sh"):
        pytest.skip("needs sh and the kehoach command beside this Python")
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "date").write_text(
        f'#!/bin/sh\ncase "$1" in +%Y) echo {YEAR};; +%m) echo {month};; esac\n'
    )
    (fake / "date").chmod(0o755)
    env = {**os.environ, "PATH": f"{fake}{os.pathsep}{BIN}{os.pathsep}{os.environ['PATH']}"}
    env.pop("KEHOACH_ROOT", None)
    env.update(extra)
    return subprocess.run(
        ["sh", "-e", "-c", script], cwd=repo, env=env, capture_output=True,
        text=True, check=False, timeout=300,
    )  # fmt: skip


@pytest.mark.parametrize("month", ["06", "01"])
def test_the_dashboard_script_writes_the_page(repo: Path, tmp_path: Path, month: str):
    """In January the page is last year's; a plan that starts this year has no last year,
    so the script falls back to this year's page instead of failing."""
    result = _run_script(repo, tmp_path, month)
    assert result.returncode == 0, result.stderr
    page = (repo / "public/index.html").read_text(encoding="utf-8")
    assert str(YEAR) in page and "<html" in page


def test_the_dashboard_script_fails_without_a_page(cli, tmp_path: Path):
    assert cli("init", "kho", cwd=tmp_path).code == 0  # placeholders: the plan is refused
    result = _run_script(tmp_path / "kho", tmp_path, "06")
    assert result.returncode != 0
    assert not (tmp_path / "kho/public/index.html").exists()


# ------------------------------------------------------------------ the GitHub step summary


def test_github_writes_the_status_summary_after_validation(repo: Path):
    workflow = _load(repo / ".github/workflows/kehoach.yml")
    steps = workflow["jobs"]["kiem-tra"]["steps"]
    names = [step.get("name") for step in steps]
    summary = steps[names.index("Tóm tắt tình hình (trang Summary của lần chạy)")]
    assert names.index("Kiểm tra dữ liệu") < names.index(summary["name"])
    assert summary["if"] == "always()"  # also when validation failed
    assert summary["run"] == SUMMARY_SCRIPT
    assert '--format markdown >> "$GITHUB_STEP_SUMMARY"' in SUMMARY_SCRIPT


@pytest.mark.parametrize("month", ["06", "01"])
def test_the_summary_script_appends_markdown(repo: Path, tmp_path: Path, month: str):
    """In January last year's status; a plan that starts this year: this year's. The
    summary file may already hold other steps' text: it is appended to."""
    summary = tmp_path / "summary.md"
    summary.write_text("trước\n", encoding="utf-8")
    result = _run_script(repo, tmp_path, month, SUMMARY_SCRIPT, GITHUB_STEP_SUMMARY=str(summary))
    assert result.returncode == 0, result.stderr
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("trước\n# ") and text.count("\n# ") == 1
    assert f"năm {YEAR}" in text and "|---" in text
