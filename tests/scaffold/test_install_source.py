"""Where the CI of a new data repository installs kehoach from: the exact source of the
running kehoach (a git commit, a tag only when the source has it, or a release wheel), never
a bare package name; and, end to end, in a clone that carries no tags, the recipes and the
pre-commit hook `kehoach init` writes install that kehoach and run green on the initialised
data."""

from __future__ import annotations

import json
import os
import shlex
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
    Origin,
    SourceRefused,
    from_installation,
    from_option,
)
from tests.conftest import REPO
from tests.scaffold.test_ci_recipes import ESSENTIALS

VERSION = kehoach_cli.__version__
TAG = f"v{VERSION}"
COMMIT = "0123456789abcdef" * 2 + "01234567"
RUNNING = Origin("https://git.example.gov.vn/cds/kehoach.git", COMMIT)  # a git install
BIN = Path(sys.executable).parent


# ------------------------------------------------------------------ --kehoach-source


@pytest.mark.parametrize(
    ("given", "requirement", "git_url"),
    [
        (
            "https://git.example.gov.vn/cds/kehoach.git",
            f"kehoach @ git+https://git.example.gov.vn/cds/kehoach.git@{COMMIT}",
            "https://git.example.gov.vn/cds/kehoach.git",
        ),
        (
            "git+https://git.example.gov.vn/cds/kehoach",
            f"kehoach @ git+https://git.example.gov.vn/cds/kehoach@{COMMIT}",
            "https://git.example.gov.vn/cds/kehoach",
        ),
        (  # git's short form: pip needs ssh://, pre-commit takes it as it is
            "git@git.example.gov.vn:cds/kehoach.git",
            f"kehoach @ git+ssh://git@git.example.gov.vn/cds/kehoach.git@{COMMIT}",
            "git@git.example.gov.vn:cds/kehoach.git",
        ),
    ],
)
def test_a_git_source_is_pinned_at_the_running_commit(given: str, requirement: str, git_url: str):
    source = from_option(given, VERSION, RUNNING)
    assert (source.requirement, source.git_url, source.git_rev) == (requirement, git_url, COMMIT)
    assert source.pin == f"commit {COMMIT[:12]}"


def test_without_a_known_commit_a_revision_must_be_written():
    """Installed from a wheel: no commit to pin; never a made-up tag."""
    with pytest.raises(SourceRefused, match="ghi rõ commit hoặc thẻ"):
        from_option("https://git.example.gov.vn/cds/kehoach.git", VERSION, Origin(None, None))
    given = from_option(f"https://git.example.gov.vn/cds/kehoach.git@{COMMIT}", VERSION)
    assert given.git_rev == COMMIT


def test_a_wheel_source_is_pinned_by_its_file_name():
    url = f"https://files.example.gov.vn/kehoach/kehoach-{VERSION}-py3-none-any.whl"
    source = from_option(url, VERSION)
    assert (source.requirement, source.version) == (f"kehoach @ {url}", VERSION)
    assert source.git_url is None  # pre-commit cannot install a wheel: `repo: local`


@pytest.mark.parametrize(
    ("given", "revision"),
    [  # the pip requirement copied from the guide, a written revision, a trailing slash
        (f"git+https://git.example.gov.vn/cds/kehoach.git@{COMMIT}", COMMIT),
        (f"https://git.example.gov.vn/cds/kehoach.git@{TAG}", TAG),
        ("https://git.example.gov.vn/cds/kehoach.git/", COMMIT),
    ],
)
def test_a_written_revision_is_pinned_as_given(given: str, revision: str):
    source = from_option(given, VERSION, RUNNING)
    url = "https://git.example.gov.vn/cds/kehoach.git"
    assert source.requirement == f"kehoach @ git+{url}@{revision}"
    assert source.git_url == url


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
        from_option(given, VERSION, RUNNING)


def test_init_refuses_a_bare_name_with_a_located_message(cli, tmp_path: Path):
    result = cli("init", "kho", "--kehoach-source", "kehoach", cwd=tmp_path)
    assert result.code == 2
    assert "--kehoach-source: 'kehoach' không phải địa chỉ để CI tải kehoach về" in result.stderr
    assert not (tmp_path / "kho").exists()  # refused before anything is written


# ------------------------------------------------------------------ how this kehoach was installed


def _direct_url(**record: object) -> str:
    return json.dumps(record)


def test_the_source_of_the_running_kehoach_is_reused_when_ci_can_reach_it():
    """Pinned at the installed commit, even when a tag was asked for: the commit is what
    was installed, and a mirror of the repository may carry no tags."""
    tagged = _direct_url(
        url="https://git.example.gov.vn/cds/kehoach.git",
        vcs_info={"vcs": "git", "requested_revision": TAG, "commit_id": "a" * 40},
    )
    source = from_installation(tagged, VERSION)
    url = "https://git.example.gov.vn/cds/kehoach.git"
    assert source.requirement == f"kehoach @ git+{url}@" + "a" * 40
    assert source.git_rev == "a" * 40
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
    assert '"kehoach @ git+https://<máy chủ>/<nhóm>/kehoach.git@<commit>"' in stopped.stderr


def test_with_a_git_source_pre_commit_pins_the_same_revision(cli, tmp_path: Path):
    url = "https://git.example.gov.vn/cds/kehoach.git"
    given = f"{url}@{COMMIT}"
    result = cli("init", "kho", *ESSENTIALS, "--kehoach-source", given, cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert f"CI và pre-commit cài kehoach {VERSION}, ghim ở commit {COMMIT[:12]}" in result.stderr
    config = _load(tmp_path / "kho/.pre-commit-config.yaml")
    assert config == {
        "repos": [{"repo": url, "rev": COMMIT, "hooks": [{"id": "kehoach-validate"}]}]
    }
    # The hook id is one this repository declares.
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [hook["id"] for hook in hooks] == ["kehoach-validate"]


# ------------------------------------------------------------------ a folder's repository

needs_git = pytest.mark.skipif(
    not shutil.which("git") or not shutil.which("sh"), reason="needs git and sh"
)


@needs_git
def test_a_folder_source_is_looked_into(tmp_path: Path):
    """file://: a revision the repository lacks is refused (a tag of a clone without tags
    included); a branch is pinned at its commit; a tag it has stays the tag."""
    clone, commit = _untagged_clone(tmp_path)
    url = f"file://{clone.as_posix()}"
    with pytest.raises(SourceRefused, match=f"không có thẻ {TAG}"):
        from_option(f"{url}@{TAG}", VERSION, RUNNING)
    with pytest.raises(SourceRefused, match=f"không có commit {COMMIT[:12]}"):
        from_option(url, VERSION, RUNNING)  # the running commit is not in that repository
    assert from_option(f"{url}@main", VERSION).git_rev == commit
    assert from_option(url, VERSION, Origin(url, commit)).requirement == (
        f"kehoach @ git+file://localhost{clone.as_posix()}@{commit}"
    )
    _git("tag", "v9.9.9-thu", cwd=clone)
    assert from_option(f"{url}@v9.9.9-thu", VERSION).git_rev == "v9.9.9-thu"


# ------------------------------------------------------------------ end to end: a clone without tags

NOT_RELEASED = shutil.ignore_patterns(
    ".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache",
    ".hypothesis", ".kehoach-cache", "bao-cao-*.docx",
)  # fmt: skip


def _git(*args: str, cwd: Path) -> str:
    env = {
        **{key: value for key, value in os.environ.items() if not key.startswith("GIT_")},
        "GIT_AUTHOR_NAME": "kehoach",
        "GIT_AUTHOR_EMAIL": "kehoach@example.gov.vn",
        "GIT_COMMITTER_NAME": "kehoach",
        "GIT_COMMITTER_EMAIL": "kehoach@example.gov.vn",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True, timeout=120
    )
    return done.stdout.strip()


def _untagged_clone(base: Path) -> tuple[Path, str]:
    """This checkout, committed and tagged in an upstream repository, then cloned without
    its tags, as the project's history is published: the clone and its HEAD commit."""
    upstream = base / "upstream"
    shutil.copytree(REPO, upstream, ignore=NOT_RELEASED)
    _git("init", "-q", "-b", "main", cwd=upstream)
    _git("add", "-A", cwd=upstream)
    _git("commit", "-q", "-m", "phát hành", cwd=upstream)
    _git("tag", "-a", TAG, "-m", TAG, cwd=upstream)
    clone = base / "kehoach"
    _git("clone", "-q", "--no-tags", str(upstream), str(clone), cwd=base)
    assert _git("tag", "-l", cwd=clone) == ""
    return clone, _git("rev-parse", "HEAD", cwd=clone)


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


def _fresh_environment(path: Path, **extra: str) -> dict[str, str]:
    """A fresh environment with pip, as a CI image has; offline: kehoach's dependencies and
    setuptools are borrowed from this one (PYTHONPATH; .pth files there are not read)."""
    venv.EnvBuilder(with_pip=True).create(path)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("KEHOACH_ROOT", "PYTHONPATH", "PYTEST_ADDOPTS", "GITHUB_ACTIONS")
    }
    env.update(
        PATH=f"{path / 'bin'}{os.pathsep}{env['PATH']}",
        PYTHONPATH=sysconfig.get_paths()["purelib"],
        NO_COLOR="1",
        PIP_NO_INDEX="1",
        PIP_NO_DEPS="1",
        PIP_NO_BUILD_ISOLATION="0",  # pip's spelling of --no-build-isolation
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        **extra,
    )
    return env


def _sh(line: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sh", "-e", "-c", line], cwd=cwd, env=env, capture_output=True, text=True,
        check=False, timeout=600,
    )  # fmt: skip


def _guide_install_line() -> str:
    """The pinned install line of the guide's §1 (docs/huong-dan.md)."""
    guide = (REPO / "docs/huong-dan.md").read_text(encoding="utf-8")
    [line] = [
        line
        for line in guide.splitlines()
        if line.startswith('pip install "kehoach @ git+https://<máy chủ>')
    ]
    return line


@needs_git
def test_in_a_clone_without_tags_the_pins_install_that_kehoach(tmp_path: Path):
    """kehoach installed from a clone that has no tags writes recipes, a pre-commit hook and
    (as the guide shows) an install line pinned at its commit; each installs that very
    kehoach in a fresh environment, and the recipes' jobs run green."""
    clone, commit = _untagged_clone(tmp_path)
    installer = _fresh_environment(tmp_path / "venv-user")
    requirement = f"kehoach @ git+file://localhost{clone.as_posix()}@{commit}"
    done = _sh(f'python -m pip install --quiet "{requirement}"', tmp_path, installer)
    assert done.returncode == 0, done.stdout + done.stderr
    version = _sh("kehoach --version", tmp_path, installer)
    assert version.stdout == f"kehoach {VERSION} (commit {commit})\n"

    source = f"file://{clone.as_posix()}"
    init = _sh(
        f"kehoach init kho {shlex.join(ESSENTIALS)} --kehoach-source {source}", tmp_path, installer
    )
    assert init.returncode == 0, init.stderr
    assert f"ghim ở commit {commit[:12]}" in init.stderr
    assert "Đã tạo kho git trong 'kho'" in init.stderr
    repo = tmp_path / "kho"
    assert (repo / ".git/HEAD").is_file()
    pinned = _load(repo / ".gitlab-ci.yml")["variables"]["KEHOACH_PIP"]
    assert pinned == _load(repo / ".github/workflows/kehoach.yml")["env"]["KEHOACH_PIP"]
    assert pinned == f"kehoach @ git+file://localhost{clone.as_posix()}@{commit}"
    hook = _load(repo / ".pre-commit-config.yaml")["repos"][0]
    assert (hook["repo"], hook["rev"]) == (source, commit)
    # The guide's line, its address and commit filled in, is the recipes' install.
    guide = _guide_install_line()
    filled = guide.replace(
        "https://<máy chủ>/<nhóm>/kehoach.git", f"file://localhost{clone.as_posix()}"
    )
    assert filled.replace("<commit>", commit) == f'pip install "{pinned}"'
    # pre-commit clones `repo` at `rev` and installs it: that checkout exists and has the hook.
    checkout = tmp_path / "pre-commit-checkout"
    _git("clone", "-q", "--no-checkout", hook["repo"], str(checkout), cwd=tmp_path)
    _git("checkout", "-q", hook["rev"], cwd=checkout)
    hooks = _load(checkout / ".pre-commit-hooks.yaml")
    assert [entry["id"] for entry in hooks] == [entry["id"] for entry in hook["hooks"]]

    ci = _fresh_environment(
        tmp_path / "venv-ci",
        KEHOACH_PIP=pinned,
        TZ="ICT-7",
        GITHUB_STEP_SUMMARY=str(tmp_path / "summary.md"),
    )
    bin_dir = tmp_path / "venv-ci" / "bin"
    for job, lines in _job_scripts(repo).items():
        for line in lines:
            done = _sh(line, repo, ci)
            assert done.returncode == 0, f"{job}: {line}\n{done.stdout}{done.stderr}"
        # What the jobs ran is the commit the recipe pins, from the new environment.
        which = _sh("kehoach --version", repo, ci)
        assert which.stdout == f"kehoach {VERSION} (commit {commit})\n"
        assert shutil.which("kehoach", path=ci["PATH"]) == str(bin_dir / "kehoach")
    where = subprocess.run(
        [bin_dir / "python", "-c", "import kehoach_cli; print(kehoach_cli.__file__)"],
        env=ci, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert Path(where.stdout.strip()).is_relative_to(tmp_path / "venv-ci")  # not this checkout
    assert (repo / "public/index.html").stat().st_size > 10_000
    assert "|---" in (tmp_path / "summary.md").read_text(encoding="utf-8")
    report = json.loads((repo / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert report == []  # the initialised data has no problem to show


def test_init_over_an_existing_repository_says_nothing_untrue(cli, tmp_path: Path):
    """--force keeps every file of the user's: the recipes' KEHOACH_PIP and the plan are
    theirs, so init neither claims a source for CI nor lists 'missing' options."""
    assert cli("init", "kho", *ESSENTIALS, cwd=tmp_path).code == 0
    source = f"https://git.example.gov.vn/cds/kehoach.git@{COMMIT}"
    again = cli("init", "kho", "--force", "--kehoach-source", source, cwd=tmp_path)
    assert again.code == 0, again.stderr
    assert "Đã tạo 0 tệp" in again.stderr
    for untrue in ("CI cài kehoach", "Chưa biết nơi CI", "Còn thiếu", "Tiếp theo"):
        assert untrue not in again.stderr, again.stderr
    workflow = _load(tmp_path / "kho/.github/workflows/kehoach.yml")
    assert workflow["env"]["KEHOACH_PIP"] == ""  # kept as it was


@pytest.mark.parametrize(
    ("direct_url", "line"),
    [
        (None, f"kehoach {VERSION}"),
        (
            _direct_url(
                url="https://git.example.gov.vn/cds/kehoach.git",
                vcs_info={"vcs": "git", "commit_id": COMMIT},
            ),
            f"kehoach {VERSION} (commit {COMMIT})",
        ),
        (
            _direct_url(url="https://files.example.gov.vn/kehoach.whl", archive_info={}),
            f"kehoach {VERSION}",
        ),
    ],
)
def test_version_names_the_installed_commit(monkeypatch, direct_url, line):
    from kehoach_cli.cli.version import version_line
    from kehoach_cli.scaffold import install_source

    monkeypatch.setattr(install_source, "installed_direct_url", lambda: direct_url)
    assert version_line() == line
