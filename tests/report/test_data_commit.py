"""Provenance is read from the repository's files: right answers, and nothing executed.

git itself is used here only to build the repositories (on a configuration these tests
write) and, as the reference, to say what the answer should be."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from kehoach_cli.report.data_commit import DataCommit, DataCommitProbe, read_data_commit

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

# Builders run with a known configuration only, whatever the machine's.
CLEAN_ENV = {
    **{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


def git(root: Path, *args: str, env: dict[str, str] | None = None) -> str:
    completed = subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        capture_output=True,
        text=True,
        check=True,
        env=env or CLEAN_ENV,
    )
    return completed.stdout.strip()


def git_says_dirty(root: Path) -> bool:
    """The reference: `git status` on a repository whose configuration we wrote."""
    return bool(git(root, "status", "--porcelain", "--untracked-files=all", "--", "data"))


@pytest.fixture
def repository(workspace: Path) -> Path:
    git(workspace, "init", "-q", "-b", "main")
    git(workspace, "add", "data")
    git(workspace, "commit", "-q", "-m", "data")
    return workspace


def probe(root: Path) -> DataCommit:
    with DataCommitProbe(root) as running:
        return running.result()


def head(root: Path) -> str:
    return git(root, "rev-parse", "HEAD")


def test_clean_repository_gives_head(repository: Path):
    assert probe(repository) == DataCommit(head(repository), False)


@pytest.mark.parametrize("change", ["modified", "untracked", "deleted", "staged", "removed"])
def test_changes_under_data_make_it_dirty(repository: Path, change: str):
    plan = repository / "data/plan.yaml"
    if change == "modified":
        with plan.open("a", encoding="utf-8") as file:
            file.write("# sửa\n")
    elif change == "untracked":
        (repository / "data/progress/2024/moi.yaml").write_text("unit: moi\n", encoding="utf-8")
    elif change == "deleted":
        (repository / "data/progress/2024/qlkh.yaml").unlink()
    elif change == "staged":  # work tree equals the index, the index differs from HEAD
        with plan.open("a", encoding="utf-8") as file:
            file.write("# sửa\n")
        git(repository, "add", "data/plan.yaml")
    else:
        git(repository, "rm", "-q", "--cached", "data/progress/2024/qlkh.yaml")
        (repository / "data/progress/2024/qlkh.yaml").unlink()
    assert git_says_dirty(repository)
    assert probe(repository) == DataCommit(head(repository), True)


def test_a_file_rewritten_with_the_same_bytes_is_clean(repository: Path):
    """New stat data, same content: git hashes it and finds it unchanged; so do we."""
    plan = repository / "data/plan.yaml"
    plan.write_bytes(plan.read_bytes())
    os.utime(plan, ns=(time.time_ns() + 5_000_000_000,) * 2)
    assert probe(repository) == DataCommit(head(repository), False)


def test_a_same_size_edit_with_the_old_timestamp_is_seen(repository: Path):
    """Racy git: an edit in the same instant as the index is caught by the content."""
    plan = repository / "data/plan.yaml"
    before = plan.stat()
    text = plan.read_bytes()
    assert "Kế hoạch".encode() in text
    plan.write_bytes(text.replace("Kế hoạch".encode(), "Kế hoặch".encode(), 1))
    assert plan.stat().st_size == before.st_size
    os.utime(plan, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.utime(repository / ".git/index", ns=(before.st_mtime_ns,) * 2)
    assert probe(repository).dirty is True
    assert git_says_dirty(repository)


def test_changes_outside_data_do_not_count(repository: Path):
    (repository / "ghi-chu.txt").write_text("x", encoding="utf-8")
    assert probe(repository) == DataCommit(head(repository), False)


def test_packed_refs_packed_objects_and_deltas(repository: Path):
    """After gc: the branch in packed-refs, commits and trees in a pack, trees as deltas."""
    plan = repository / "data/plan.yaml"
    for round_ in range(6):
        with plan.open("a", encoding="utf-8") as file:
            file.write(f"# vòng {round_}\n")
        (repository / f"data/progress/2024/x{round_}.yaml").write_text("a: 1\n", encoding="utf-8")
        git(repository, "add", "data")
        git(repository, "commit", "-q", "-m", f"vòng {round_}")
    git(repository, "gc", "-q", "--aggressive", "--prune=now")
    assert not list((repository / ".git/refs/heads").iterdir())
    assert probe(repository) == DataCommit(head(repository), False)
    git(repository, "checkout", "-q", "--detach", "HEAD~3")
    assert probe(repository) == DataCommit(head(repository), False)
    (repository / "data/progress/2024/x5.yaml").write_text("a: 2\n", encoding="utf-8")
    assert git_says_dirty(repository) and probe(repository).dirty is True


def test_index_version_4_and_sha256(workspace: Path):
    git(workspace, "init", "-q", "--object-format=sha256")
    git(workspace, "config", "index.version", "4")
    git(workspace, "add", "data")
    git(workspace, "commit", "-q", "-m", "data")
    assert len(head(workspace)) == 64
    assert probe(workspace) == DataCommit(head(workspace), False)
    (workspace / "data/plan.yaml").write_text("x: 1\n", encoding="utf-8")
    assert probe(workspace).dirty is True


def test_a_linked_worktree_and_a_workspace_below_the_top(repository: Path, tmp_path: Path):
    other = tmp_path.parent / f"{tmp_path.name}-wt"
    git(repository, "worktree", "add", "-q", "-b", "khac", str(other))
    assert (other / ".git").is_file()
    assert probe(other) == DataCommit(head(other), False)
    nested = tmp_path.parent / f"{tmp_path.name}-nested"
    (nested / "du-lieu").mkdir(parents=True)
    shutil.copytree(repository / "data", nested / "du-lieu/data")
    git(nested, "init", "-q")
    git(nested, "add", ".")
    git(nested, "commit", "-q", "-m", "x")
    assert probe(nested / "du-lieu") == DataCommit(head(nested), False)


def test_before_the_first_commit(workspace: Path):
    git(workspace, "init", "-q")
    assert probe(workspace) == DataCommit(None, True)  # data/ holds files no commit has


def test_probe_writes_nothing_into_the_repository(repository: Path):
    """No index refresh: a report must not change the workspace, .git included."""
    index = repository / ".git" / "index"
    (repository / "data/plan.yaml").touch()  # stale stat data: plain `git status` would rewrite
    before = (index.read_bytes(), index.stat().st_mtime_ns)
    probe(repository)
    assert (index.read_bytes(), index.stat().st_mtime_ns) == before


def test_outside_a_repository(workspace: Path):
    assert probe(workspace) == DataCommit(None, False)


def test_without_git_installed(repository: Path, monkeypatch: pytest.MonkeyPatch):
    expected = head(repository)
    monkeypatch.setenv("PATH", str(repository))  # no git there: nothing needs it
    assert probe(repository) == DataCommit(expected, False)


@pytest.mark.parametrize(
    "damage", ["reftable", "bad HEAD", "missing object", "split index without its shared file"]
)
def test_what_cannot_be_read_is_unknown_not_guessed(repository: Path, damage: str):
    dot_git = repository / ".git"
    if damage == "reftable":
        with (dot_git / "config").open("a", encoding="utf-8") as config:
            config.write("[extensions]\n\trefStorage = reftable\n")
        assert probe(repository) == DataCommit(None, None)
    elif damage == "bad HEAD":
        (dot_git / "HEAD").write_text("ref: ../../etc/passwd\n", encoding="utf-8")
        assert probe(repository) == DataCommit(None, None)
    elif damage == "missing object":
        commit = head(repository)
        shutil.rmtree(dot_git / "objects" / commit[:2])
        assert probe(repository) == DataCommit(commit, None)
    else:
        git(repository, "update-index", "--split-index")
        for shared in dot_git.glob("sharedindex.*"):
            shared.unlink()
        assert probe(repository) == DataCommit(head(repository), None)


# --- nothing from the workspace is ever executed ------------------------------------------


def hostile_repository(workspace: Path, marker: Path, vector: str) -> None:
    """A repository whose configuration runs `touch marker` if git obeys it. The data files
    get fresh stat data, the state in which `git status` runs filters."""
    touch = f"touch '{marker}'"
    git(workspace, "init", "-q")
    git(workspace, "add", "data")
    git(workspace, "commit", "-q", "-m", "data")
    config = workspace / ".git/config"
    lines: list[str] = []
    if vector == "filter.clean":
        (workspace / ".gitattributes").write_text("*.yaml filter=x\n", encoding="utf-8")
        lines = ['[filter "x"]', f"\tclean = {touch}; cat"]
    elif vector == "filter.process":
        (workspace / "data/.gitattributes").write_text("* filter=p\n", encoding="utf-8")
        lines = ['[filter "p"]', f"\tprocess = {touch}; exit 1", "\trequired = false"]
    elif vector == "info/attributes":
        (workspace / ".git/info").mkdir(exist_ok=True)
        (workspace / ".git/info/attributes").write_text("*.yaml filter=y\n", encoding="utf-8")
        lines = ['[filter "y"]', f"\tclean = {touch}; cat"]
    elif vector == "core.fsmonitor":
        hook = workspace / ".git/fsmonitor.sh"
        hook.write_text(f"#!/bin/sh\n{touch}\n", encoding="utf-8")
        hook.chmod(0o755)
        lines = ["[core]", f"\tfsmonitor = {hook}"]
    elif vector == "core.hooksPath":
        hooks = workspace / "hooks"
        hooks.mkdir()
        for name in ("post-index-change", "pre-commit", "post-checkout"):
            (hooks / name).write_text(f"#!/bin/sh\n{touch}\n", encoding="utf-8")
            (hooks / name).chmod(0o755)
        lines = ["[core]", f"\thooksPath = {hooks}"]
    elif vector == "submodule":
        inner = workspace / "data/con"
        inner.mkdir()
        (inner / "a.yaml").write_text("a: 1\n", encoding="utf-8")
        git(inner, "init", "-q")
        git(inner, "add", ".")
        git(inner, "commit", "-q", "-m", "con")
        git(workspace, "add", "data/con")
        git(workspace, "commit", "-q", "-m", "submodule")
        (inner / ".gitattributes").write_text("*.yaml filter=z\n", encoding="utf-8")
        with (inner / ".git/config").open("a", encoding="utf-8") as inner_config:
            inner_config.write(f'[filter "z"]\n\tclean = {touch}; cat\n')
            inner_config.write(f"[core]\n\tfsmonitor = {touch}; echo\n")
        (inner / "a.yaml").touch()
    elif vector == "diff.external":
        lines = ["[diff]", f"\texternal = {touch}"]
    elif vector == "core.pager":
        lines = ["[core]", f"\tpager = {touch}; cat", "[pager]", "\tstatus = true"]
    with config.open("a", encoding="utf-8") as file:
        file.write("\n".join(lines) + "\n")
    future = time.time_ns() + 5_000_000_000
    for path in (workspace / "data").rglob("*.yaml"):
        os.utime(path, ns=(future, future))


VECTORS = [
    "filter.clean",
    "filter.process",
    "info/attributes",
    "core.fsmonitor",
    "core.hooksPath",
    "submodule",
    "diff.external",
    "core.pager",
]
# The vectors that plain `git status` obeys on this repository: the positive control.
OBEYED_BY_GIT_STATUS = {"filter.clean", "filter.process", "info/attributes", "core.fsmonitor"}


@pytest.mark.parametrize("vector", VECTORS)
def test_a_hostile_repository_runs_nothing(workspace: Path, tmp_path_factory, vector: str):
    marker = tmp_path_factory.mktemp("marker") / "executed"
    hostile_repository(workspace, marker, vector)
    result = probe(workspace)
    assert not marker.exists(), f"{vector}: the probe ran a command of the repository"
    assert result.commit == head(workspace)
    if vector == "submodule":
        assert result.dirty is None  # a submodule inside data/ is not read: unknown
    else:
        assert result.dirty is False  # touched, not changed
    if vector in OBEYED_BY_GIT_STATUS:  # the trap is real: git itself springs it
        subprocess.run(
            ["git", "-C", str(workspace), "status", "--porcelain"],
            env=CLEAN_ENV,
            capture_output=True,
            check=False,
        )
        assert marker.exists(), f"{vector}: the test's trap does not work"


def test_reading_the_bundled_repository_is_fast_and_agrees_with_git():
    from tests.conftest import REPO

    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    started = time.perf_counter()
    result = read_data_commit(REPO)
    assert time.perf_counter() - started < 1.0
    assert result.commit == head(REPO)


# --- every index and ref format git writes ------------------------------------------------


@pytest.mark.parametrize("change", [None, "modified", "staged", "untracked"])
def test_index_version_4(workspace: Path, change: str | None):
    """Index v4 (prefix-compressed paths), read by dulwich, against git's own answer."""
    git(workspace, "init", "-q")
    git(workspace, "config", "index.version", "4")
    git(workspace, "add", "data")
    git(workspace, "commit", "-q", "-m", "data")
    assert (workspace / ".git/index").read_bytes()[4:8] == b"\0\0\0\x04"
    plan = workspace / "data/plan.yaml"
    if change in ("modified", "staged"):
        with plan.open("a", encoding="utf-8") as file:
            file.write("# sửa\n")
        if change == "staged":
            git(workspace, "add", "data/plan.yaml")
    elif change == "untracked":
        (workspace / "data/progress/2024/moi.yaml").write_text("unit: moi\n", encoding="utf-8")
    assert probe(workspace) == DataCommit(head(workspace), git_says_dirty(workspace))


@pytest.mark.parametrize(
    "change", [None, "modified", "staged", "added", "removed", "deleted", "untracked"]
)
@pytest.mark.parametrize("version", ["2", "4"])
def test_a_split_index(repository: Path, change: str | None, version: str):
    """A split index keeps most entries in .git/sharedindex.<id> and the changes since in
    .git/index (the `link` extension, its bitmaps of deleted and replaced entries); read
    together, the answer is git's own."""
    git(repository, "config", "index.version", version)
    git(repository, "config", "splitIndex.maxPercentChange", "100")  # keep the split
    git(repository, "update-index", "--split-index")
    plan = repository / "data/plan.yaml"
    qlkh = repository / "data/progress/2024/qlkh.yaml"
    if change in ("modified", "staged"):
        with plan.open("a", encoding="utf-8") as file:
            file.write("# sửa\n")
        if change == "staged":  # a replaced entry: in .git/index, its name left empty
            git(repository, "add", "data/plan.yaml")
    elif change == "added":  # an added entry, in .git/index only
        (repository / "data/progress/2024/moi.yaml").write_text("unit: moi\n", encoding="utf-8")
        git(repository, "add", "data")
    elif change == "removed":  # a deleted entry: a bit of the delete bitmap
        git(repository, "rm", "-q", "--cached", str(qlkh.relative_to(repository)))
    elif change == "deleted":
        qlkh.unlink()
    elif change == "untracked":
        (repository / "data/progress/2024/moi.yaml").write_text("unit: moi\n", encoding="utf-8")
    index = (repository / ".git/index").read_bytes()
    assert b"link" in index and list((repository / ".git").glob("sharedindex.*"))
    assert probe(repository) == DataCommit(head(repository), git_says_dirty(repository))
    assert _entries(repository) == git(repository, "ls-files", "--stage").splitlines()
    if change in ("staged", "added"):  # committed: clean again, the index still split
        git(repository, "commit", "-q", "-m", "thay đổi")
        assert b"link" in (repository / ".git/index").read_bytes()
        assert probe(repository) == DataCommit(head(repository), False)


def _entries(repository: Path) -> list[str]:
    """The index as kehoach reads it, in `git ls-files --stage`'s words."""
    from dulwich.object_format import get_object_format

    from kehoach_cli.report.git_index import read_index

    entries = read_index(repository / ".git/index", get_object_format("sha1"))
    return [f"{e.mode:06o} {e.oid} {e.stage}\t{e.path}" for e in entries]


def test_a_sparse_index_is_unknown_not_guessed(repository: Path):
    git(repository, "sparse-checkout", "init", "--cone", "--sparse-index")
    git(repository, "sparse-checkout", "set", "data")
    index = (repository / ".git/index").read_bytes()
    if b"sdir" not in index:
        pytest.skip("this git wrote no sparse index (nothing outside the cone to fold)")
    assert probe(repository).dirty is None


def test_reftable_refs(workspace: Path):
    """Refs in a reftable: written by git where it can (2.45 and later: init
    --ref-format=reftable); by an older git, the repository's refs are moved into a
    reftable with dulwich's writer (HEAD and the branch; what git 2.45 writes has the
    same tables)."""
    try:
        git(workspace, "init", "-q", "-b", "main", "--ref-format=reftable")
        written_by_git = True
    except subprocess.CalledProcessError:
        git(workspace, "init", "-q", "-b", "main")
        written_by_git = False
    git(workspace, "add", "data")
    git(workspace, "commit", "-q", "-m", "data")
    commit = head(workspace)
    if not written_by_git:
        from dulwich.reftable import ReftableRefsContainer

        git(workspace, "config", "core.repositoryformatversion", "1")
        git(workspace, "config", "extensions.refStorage", "reftable")
        (workspace / ".git/refs/heads/main").unlink()
        tables = ReftableRefsContainer(str(workspace / ".git"))
        tables[b"refs/heads/main"] = commit.encode()
        tables.set_symbolic_ref(b"HEAD", b"refs/heads/main")
    assert (workspace / ".git/reftable/tables.list").is_file()
    assert probe(workspace) == DataCommit(commit, False)
    (workspace / "data/plan.yaml").write_text("x: 1\n", encoding="utf-8")
    assert probe(workspace) == DataCommit(commit, True)
