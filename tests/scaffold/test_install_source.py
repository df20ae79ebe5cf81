"""Where the CI of a new data repository installs kehoach from: a pinned version from a source
that exists (a git tag or a release wheel), never a bare package name; and, end to end, the
recipes `kehoach init` writes install kehoach from a tagged git repository and run green on
the initialised data."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest
import yaml

import kehoach_cli
from kehoach_cli.scaffold.ci_recipes import install_script
from kehoach_cli.scaffold.install_source import (
    SourceRefused,
    from_installation,
    from_option,
)
from tests.conftest import REPO
from tests.scaffold.test_ci_recipes import ESSENTIALS

VERSION = kehoach_cli.__version__
TAG = f"v{VERSION}"
BIN = Path(sys.executable).parent


# ------------------------------------------------------------------ --kehoach-source


@pytest.mark.parametrize(
    ("given", "requirement", "git_url"),
    [
        (
            "https://git.example.gov.vn/cds/kehoach.git",
            f"kehoach @ git+https://git.example.gov.vn/cds/kehoach.git@{TAG}",
            "https://git.example.gov.vn/cds/kehoach.git",
        ),
        (
            "git+https://git.example.gov.vn/cds/kehoach",
            f"kehoach @ git+https://git.example.gov.vn/cds/kehoach@{TAG}",
            "https://git.example.gov.vn/cds/kehoach",
        ),
        (  # git's short form: pip needs ssh://, pre-commit takes it as it is
            "git@git.example.gov.vn:cds/kehoach.git",
            f"kehoach @ git+ssh://git@git.example.gov.vn/cds/kehoach.git@{TAG}",
            "git@git.example.gov.vn:cds/kehoach.git",
        ),
        (  # a folder on a shared disk: pip wants a host name in a git+file URL
            "file:///srv/kehoach",
            f"kehoach @ git+file://localhost/srv/kehoach@{TAG}",
            "file:///srv/kehoach",
        ),
    ],
)
def test_a_git_source_is_pinned_at_the_release_tag(given: str, requirement: str, git_url: str):
    source = from_option(given, VERSION)
    assert (source.requirement, source.git_url, source.git_rev) == (requirement, git_url, TAG)


def test_a_wheel_source_is_pinned_by_its_file_name():
    url = f"https://files.example.gov.vn/kehoach/kehoach-{VERSION}-py3-none-any.whl"
    source = from_option(url, VERSION)
    assert (source.requirement, source.version) == (f"kehoach @ {url}", VERSION)
    assert source.git_url is None  # pre-commit cannot install a wheel: `repo: local`


@pytest.mark.parametrize(
    "given",
    [  # the pip requirement copied from the guide, a trailing slash: the same pin
        f"git+https://git.example.gov.vn/cds/kehoach.git@{TAG}",
        f"https://git.example.gov.vn/cds/kehoach.git@{TAG}",
        "https://git.example.gov.vn/cds/kehoach.git/",
    ],
)
def test_a_revision_of_this_version_or_a_slash_is_the_same_pin(given: str):
    source = from_option(given, VERSION)
    assert source.requirement == f"kehoach @ git+https://git.example.gov.vn/cds/kehoach.git@{TAG}"
    assert source.git_url == "https://git.example.gov.vn/cds/kehoach.git"


@pytest.mark.parametrize(
    "given",
    [
        "kehoach",  # the unclaimed name: exactly what must never be installed
        "kehoach==0.2.0",
        "./dist/kehoach-0.2.0-py3-none-any.whl",  # a path of this machine: CI cannot read it
        "C:\\kehoach",
        "ftp://example.gov.vn/kehoach.git",
        "https://example.gov.vn/tai-ve/ban-moi.whl",  # a wheel that is not kehoach's
        # what GitHub, GitLab or a shell would expand, or a quote that ends a string:
        "https://git.example.gov.vn/${{ secrets.TOKEN }}/kehoach.git",
        "https://git.example.gov.vn/$CI_JOB_TOKEN/kehoach.git",
        'https://git.example.gov.vn/kehoach.git"; curl evil',
        "https://git.example.gov.vn/kehoach.git\nrun: evil",
        "https://git.example.gov.vn/`id`/kehoach.git",
        # another version than the one writing the repository
        "https://git.example.gov.vn/cds/kehoach.git@v0.1.0",
        "https://files.example.gov.vn/kehoach/kehoach-0.1.0-py3-none-any.whl",
        # a secret that would be committed with the recipes; plain http; not git nor wheel
        "https://oauth2:bi-mat@git.example.gov.vn/cds/kehoach.git",
        f"https://files.example.gov.vn/kehoach-{VERSION}-py3-none-any.whl?token=abc",
        "http://git.example.gov.vn/cds/kehoach.git",
        "https://git.example.gov.vn/cds/kehoach.git#egg=kehoach",
        f"https://files.example.gov.vn/kehoach/kehoach-{VERSION}.tar.gz",
    ],
)
def test_a_source_ci_cannot_install_from_is_refused(given: str):
    with pytest.raises(SourceRefused):
        from_option(given, VERSION)


def test_init_refuses_a_bare_name_with_a_located_message(cli, tmp_path: Path):
    result = cli("init", "kho", "--kehoach-source", "kehoach", cwd=tmp_path)
    assert result.code == 2
    assert "--kehoach-source: 'kehoach' không phải địa chỉ để CI tải kehoach về" in result.stderr
    assert not (tmp_path / "kho").exists()  # refused before anything is written


# ------------------------------------------------------------------ how this kehoach was installed


def _direct_url(**record: object) -> str:
    return json.dumps(record)


def test_the_source_of_the_running_kehoach_is_reused_when_ci_can_reach_it():
    tagged = _direct_url(
        url="https://git.example.gov.vn/cds/kehoach.git",
        vcs_info={"vcs": "git", "requested_revision": TAG, "commit_id": "a" * 40},
    )
    source = from_installation(tagged, VERSION)
    assert source.requirement == f"kehoach @ git+https://git.example.gov.vn/cds/kehoach.git@{TAG}"
    assert source.git_rev == TAG
    # Installed from a branch: pinned at the exact commit, not the moving branch.
    branch = _direct_url(
        url="https://git.example.gov.vn/cds/kehoach.git",
        vcs_info={"vcs": "git", "requested_revision": "main", "commit_id": "b" * 40},
    )
    assert from_installation(branch, VERSION).requirement.endswith("@" + "b" * 40)
    wheel = _direct_url(
        url=f"https://files.example.gov.vn/kehoach-{VERSION}-py3-none-any.whl",
        archive_info={"hashes": {"sha256": "c" * 64}},
    )
    assert from_installation(wheel, VERSION).requirement == (
        f"kehoach @ https://files.example.gov.vn/kehoach-{VERSION}-py3-none-any.whl#sha256="
        + "c" * 64
    )


@pytest.mark.parametrize(
    "direct_url",
    [
        None,  # from an index: whose name we do not trust
        _direct_url(url="file:///home/van-thu/kehoach", dir_info={"editable": True}),
        _direct_url(url="file:///tmp/kehoach-0.2.0-py3-none-any.whl", archive_info={}),
        _direct_url(url="https://git.example.gov.vn/kehoach.git", vcs_info={"vcs": "hg"}),
        _direct_url(  # an address the recipes would expand
            url="https://git.example.gov.vn/$CI_JOB_TOKEN/kehoach.git",
            vcs_info={"vcs": "git", "requested_revision": TAG, "commit_id": "a" * 40},
        ),
        "{không phải JSON",
    ],
)
def test_a_source_ci_cannot_reach_is_left_for_the_clerk_to_fill_in(direct_url: str | None):
    assert not from_installation(direct_url, VERSION).known


# ------------------------------------------------------------------ the recipes without a source


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_without_a_source_the_recipes_say_what_to_fill_in_and_install_nothing(cli, tmp_path: Path):
    result = cli("init", "kho", *ESSENTIALS, cwd=tmp_path)  # this checkout: an editable install
    assert result.code == 0
    assert "Chưa biết nơi CI cài kehoach: điền biến KEHOACH_PIP ở đầu" in result.stderr
    repo = tmp_path / "kho"
    github = _load(repo / ".github/workflows/kehoach.yml")
    gitlab = _load(repo / ".gitlab-ci.yml")
    assert github["env"]["KEHOACH_PIP"] == gitlab["variables"]["KEHOACH_PIP"] == ""
    for name in (".github/workflows/kehoach.yml", ".gitlab-ci.yml"):
        text = (repo / name).read_text(encoding="utf-8")
        assert "# ĐIỀN: chưa biết nơi cài" in text
        installs = [line.strip() for line in text.splitlines() if "pip install" in line]
        assert installs and set(installs) == {'python -m pip install --quiet "$KEHOACH_PIP"'}
    assert _load(repo / ".pre-commit-config.yaml")["repos"][0]["repo"] == "local"

    if not shutil.which("sh"):
        pytest.skip("needs sh")
    stopped = subprocess.run(
        ["sh", "-e", "-c", install_script(VERSION)],
        env={**os.environ, "KEHOACH_PIP": ""},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert stopped.returncode == 1
    assert "Chưa biết nơi cài kehoach: điền biến KEHOACH_PIP" in stopped.stderr
    assert f'"kehoach @ git+https://<máy chủ>/<nhóm>/kehoach.git@{TAG}"' in stopped.stderr


def test_with_a_git_source_pre_commit_pins_the_same_tag(cli, tmp_path: Path):
    url = "https://git.example.gov.vn/cds/kehoach.git"
    assert cli("init", "kho", *ESSENTIALS, "--kehoach-source", url, cwd=tmp_path).code == 0
    config = _load(tmp_path / "kho/.pre-commit-config.yaml")
    assert config == {"repos": [{"repo": url, "rev": TAG, "hooks": [{"id": "kehoach-validate"}]}]}
    # The hook id is one this repository declares.
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [hook["id"] for hook in hooks] == ["kehoach-validate"]


# ------------------------------------------------------------------ end to end: a tagged repository

NOT_RELEASED = shutil.ignore_patterns(
    ".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache",
    ".hypothesis", ".kehoach-cache", "bao-cao-*.docx",
)  # fmt: skip


def _git(*args: str, cwd: Path) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "kehoach",
        "GIT_AUTHOR_EMAIL": "kehoach@example.gov.vn",
        "GIT_COMMITTER_NAME": "kehoach",
        "GIT_COMMITTER_EMAIL": "kehoach@example.gov.vn",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, timeout=120)


def _tagged_kehoach(base: Path) -> Path:
    """This checkout as a git repository with the release tag: what an agency's mirror of
    kehoach holds."""
    mirror = base / "kehoach"
    shutil.copytree(REPO, mirror, ignore=NOT_RELEASED)
    _git("init", "-q", "-b", "main", cwd=mirror)
    _git("add", "-A", cwd=mirror)
    _git("commit", "-q", "-m", "phát hành", cwd=mirror)
    _git("tag", "-a", TAG, "-m", TAG, cwd=mirror)
    _git("commit", "-q", "--allow-empty", "-m", "sau bản phát hành", cwd=mirror)  # not HEAD
    return mirror


def _job_scripts(repo: Path) -> dict[str, list[str]]:
    """recipe/job → its shell commands, in order (GitHub steps' `run`; GitLab's
    before_script then script)."""
    github = _load(repo / ".github/workflows/kehoach.yml")
    scripts = {
        f"github/{name}": [step["run"] for step in job.get("steps", []) if "run" in step]
        for name, job in github["jobs"].items()
    }
    gitlab = _load(repo / ".gitlab-ci.yml")
    before = gitlab["default"]["before_script"]
    for name, job in gitlab.items():
        if isinstance(job, dict) and "script" in job:
            scripts[f"gitlab/{name}"] = [*before, *job["script"]]
    return {name: lines for name, lines in scripts.items() if lines}


@pytest.mark.skipif(not shutil.which("git") or not shutil.which("sh"), reason="needs git and sh")
def test_the_recipes_install_the_tagged_release_and_run_green(cli, tmp_path: Path):
    mirror = _tagged_kehoach(tmp_path)
    source = f"file://{mirror.as_posix()}"
    assert cli("init", "kho", *ESSENTIALS, "--kehoach-source", source, cwd=tmp_path).code == 0
    repo = tmp_path / "kho"
    pinned = _load(repo / ".gitlab-ci.yml")["variables"]["KEHOACH_PIP"]
    assert pinned == _load(repo / ".github/workflows/kehoach.yml")["env"]["KEHOACH_PIP"]
    assert pinned.endswith(f"@{TAG}")

    # A fresh environment with pip, as a CI image has; offline: kehoach's dependencies and
    # setuptools are borrowed from this one (PYTHONPATH; .pth files there are not read).
    environment = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(environment)
    bin_dir = environment / "bin"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("KEHOACH_ROOT", "PYTHONPATH", "PYTEST_ADDOPTS", "GITHUB_ACTIONS")
    }
    env.update(
        PATH=f"{bin_dir}{os.pathsep}{env['PATH']}",
        PYTHONPATH=sysconfig.get_paths()["purelib"],
        KEHOACH_PIP=pinned,
        TZ="ICT-7",
        NO_COLOR="1",
        GITHUB_STEP_SUMMARY=str(tmp_path / "summary.md"),
        PIP_NO_INDEX="1",
        PIP_NO_DEPS="1",
        PIP_NO_BUILD_ISOLATION="0",  # pip's spelling of --no-build-isolation
        PIP_DISABLE_PIP_VERSION_CHECK="1",
    )
    for job, lines in _job_scripts(repo).items():
        for line in lines:
            done = subprocess.run(
                ["sh", "-e", "-c", line], cwd=repo, env=env, capture_output=True, text=True,
                check=False, timeout=600,
            )  # fmt: skip
            assert done.returncode == 0, f"{job}: {line}\n{done.stdout}{done.stderr}"
        # What the jobs ran is the release the recipe pins, from the new environment.
        which = subprocess.run(
            ["kehoach", "--version"], cwd=repo, env=env, capture_output=True, text=True, check=True
        )
        assert which.stdout == f"kehoach {VERSION}\n"
        assert shutil.which("kehoach", path=env["PATH"]) == str(bin_dir / "kehoach")
    where = subprocess.run(
        [bin_dir / "python", "-c", "import kehoach_cli; print(kehoach_cli.__file__)"],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert Path(where.stdout.strip()).is_relative_to(environment)  # not this checkout
    assert (repo / "public/index.html").stat().st_size > 10_000
    assert "|---" in (tmp_path / "summary.md").read_text(encoding="utf-8")
    report = json.loads((repo / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert report == []  # the initialised data has no problem to show


def test_init_over_an_existing_repository_says_nothing_untrue(cli, tmp_path: Path):
    """--force keeps every file of the user's: the recipes' KEHOACH_PIP and the plan are
    theirs, so init neither claims a source for CI nor lists 'missing' options."""
    assert cli("init", "kho", *ESSENTIALS, cwd=tmp_path).code == 0
    source = "https://git.example.gov.vn/cds/kehoach.git"
    again = cli("init", "kho", "--force", "--kehoach-source", source, cwd=tmp_path)
    assert again.code == 0, again.stderr
    assert "Đã tạo 0 tệp" in again.stderr
    for untrue in ("CI cài kehoach", "Chưa biết nơi CI", "Còn thiếu", "Tiếp theo"):
        assert untrue not in again.stderr, again.stderr
    workflow = _load(tmp_path / "kho/.github/workflows/kehoach.yml")
    assert workflow["env"]["KEHOACH_PIP"] == ""  # kept as it was
