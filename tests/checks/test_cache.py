from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kehoach_cli.checks import cache as cache_module
from kehoach_cli.checks import run as run_module
from kehoach_cli.checks.cache import CACHE_DIR, CACHE_FILE
from kehoach_cli.checks.validation import validate
from kehoach_cli.loading.workspace import Workspace
from tests.conftest import edit

QLKH = "data/progress/2024/qlkh.yaml"
PLAN = "data/plan.yaml"


def run(root: Path, version: str = "1.0", use_cache: bool = True, paths=None):
    return validate(Workspace(root), paths, version, use_cache=use_cache)


def cache_path(root: Path) -> Path:
    return root / CACHE_DIR / CACHE_FILE


def stored(root: Path) -> dict:
    """The cache's document (after its signed header line)."""
    return json.loads(cache_path(root).read_bytes().partition(b"\n")[2])


def test_second_run_reuses_every_result(workspace: Path, rechecked: list[str]):
    cold = run(workspace)
    assert len(rechecked) == 9
    warm = run(workspace)
    assert (cold.cache_hits, warm.cache_hits) == (0, 9)
    assert len(rechecked) == 9  # nothing loaded the second time
    assert warm.issues == cold.issues and warm.files == cold.files == 10
    assert (workspace / CACHE_DIR / ".gitignore").read_text() == "*\n"


def test_cached_issues_equal_fresh_ones(workspace: Path):
    edit(workspace / QLKH, "spent: 142.300.000", "spent: 152.300.000")  # a warning
    cold = run(workspace)
    warm = run(workspace)
    assert [i.code for i in cold.issues] == ["KH310"]
    assert warm.issues == cold.issues and warm.cache_hits == 9


def test_a_changed_file_is_checked_again(workspace: Path, rechecked: list[str]):
    run(workspace)
    edit(workspace / QLKH, "spent: 142.300.000", "spent: 152.300.000")
    again = run(workspace)
    assert again.cache_hits == 8 and rechecked[9:] == ["2024/qlkh"]
    assert [i.code for i in again.issues] == ["KH310"]


def test_a_run_with_errors_writes_nothing(workspace: Path):
    """Bad input never causes a write: no cache is created, an existing one is untouched."""
    edit(workspace / QLKH, "progress: 70%", "progress: 150")
    first = run(workspace)
    assert [i.code for i in first.issues] == ["KH105"]
    assert not (workspace / CACHE_DIR).exists()

    edit(workspace / QLKH, "progress: 150", "progress: 70%")
    run(workspace)  # valid: the cache is written
    cache = cache_path(workspace)
    before = (cache.read_bytes(), cache.stat().st_mtime_ns)
    edit(workspace / QLKH, "progress: 70%", "progress: 150")
    broken = run(workspace)
    assert broken.cache_hits == 8 and [i.code for i in broken.issues] == ["KH105"]
    assert (cache.read_bytes(), cache.stat().st_mtime_ns) == before


def test_an_unchanged_run_does_not_rewrite_the_cache(workspace: Path):
    run(workspace)
    cache = cache_path(workspace)
    before = (cache.read_bytes(), cache.stat().st_mtime_ns)
    assert run(workspace).cache_hits == 9
    assert run(workspace, paths=[workspace / QLKH]).cache_hits == 1
    assert (cache.read_bytes(), cache.stat().st_mtime_ns) == before


# --- issue 17.5: the pre-commit hook's `kehoach validate FILE` keeps the others' entries ---


def test_full_run_after_validating_one_file_is_served_from_the_cache(
    workspace: Path, rechecked: list[str]
):
    run(workspace)
    edit(workspace / QLKH, "spent: 142.300.000", "spent: 152.300.000")
    named = run(workspace, paths=[workspace / QLKH])  # what pre-commit runs
    assert [i.code for i in named.issues] == ["KH310"] and rechecked[9:] == ["2024/qlkh"]
    assert len(stored(workspace)["files"]) == 9  # the 8 others kept, the edited one updated

    full = run(workspace)
    assert full.cache_hits == 9 and rechecked[10:] == []  # no file loaded again
    assert [i.code for i in full.issues] == ["KH310"]


def test_full_validate_after_cli_validate_file_rechecks_nothing(
    workspace: Path, cli, rechecked: list[str]
):
    assert cli("validate", "--root", str(workspace)).code == 0
    assert cli("validate", "--root", str(workspace), str(workspace / QLKH)).code == 0
    assert cli("validate", "--root", str(workspace)).code == 0
    assert len(rechecked) == 9  # only the first run checked files


def test_only_a_full_run_forgets_files_that_are_gone(workspace: Path):
    run(workspace)
    (workspace / "data/progress/2023/tdc.yaml").unlink()
    edit(workspace / QLKH, "spent: 142.300.000", "spent: 152.300.000")
    run(workspace, paths=[workspace / QLKH])
    assert "data/progress/2023/tdc.yaml" in stored(workspace)["files"]
    assert run(workspace).cache_hits == 8
    assert sorted(stored(workspace)["files"]) == sorted(
        p.relative_to(workspace).as_posix() for p in (workspace / "data/progress").rglob("*.yaml")
    )


# --- the plan: keyed by its data for progress results, by its bytes for its own issues ---


def test_a_comment_or_layout_edit_of_the_plan_keeps_the_results(
    workspace: Path, rechecked: list[str]
):
    before = "        lead: qlkh\n        cooperate: [thanhtra, khtc, tdc]\n"
    lead_twice = "        lead: qlkh\n        cooperate: [thanhtra, khtc, tdc, qlkh]\n"
    edit(workspace / PLAN, before, lead_twice)  # KH205: a plan warning, with a line
    first = run(workspace)
    (warning,) = first.issues
    assert warning.code == "KH205" and len(rechecked) == 9

    # the same data, written differently: comments, block style, quotes
    same_data = (
        "        lead: 'qlkh'   # phòng chủ trì\n"
        "        cooperate:\n"
        "          - thanhtra\n"
        '          - "khtc"\n'
        "          - tdc\n"
        "          - qlkh\n"
    )
    text = (workspace / PLAN).read_text(encoding="utf-8").replace(lead_twice, same_data)
    (workspace / PLAN).write_text("# một dòng chú thích mới\n\n" + text, encoding="utf-8")
    again = run(workspace)
    assert again.cache_hits == 9 and len(rechecked) == 9  # no progress file re-checked
    (moved,) = again.issues
    # the plan's own issue is found again in the new bytes: its line moved with the edit
    assert moved.code == "KH205" and moved.position is not None
    assert warning.position is not None
    assert moved.position.line > warning.position.line
    assert again.issues == run(workspace, use_cache=False).issues


def test_a_changed_plan_or_tool_version_empties_the_cache(workspace: Path):
    run(workspace)
    assert run(workspace, version="1.1").cache_hits == 0
    edit(workspace / PLAN, 'task: "2.6"', 'task: "2"')
    changed = run(workspace, version="1.1")
    assert changed.cache_hits == 0
    assert [i.code for i in changed.issues] == ["KH312", "KH312"]


def test_the_tool_fingerprint_follows_its_source(monkeypatch, tmp_path: Path):
    source = tmp_path / "rules.py"
    source.write_text("A = 1\n")
    monkeypatch.setattr(cache_module, "_package_sources", lambda: [source])
    before = cache_module.tool_fingerprint("0.1.0")
    assert cache_module.tool_fingerprint("0.1.0") == before
    source.write_text("A = 2\n")  # a rule edited, same version number
    assert cache_module.tool_fingerprint("0.1.0") != before
    assert cache_module.tool_fingerprint("0.1.1") != cache_module.tool_fingerprint("0.1.0")


def test_no_cache_neither_reads_nor_writes(workspace: Path):
    outcome = run(workspace, use_cache=False)
    assert outcome.cache_hits == 0
    assert not (workspace / CACHE_DIR).exists()


@pytest.mark.parametrize(
    ("environment", "used"),
    [
        ({"CI": "true"}, False),
        ({"CI": "true", "KEHOACH_CACHE": "1"}, True),
        ({"KEHOACH_CACHE": "0"}, False),
    ],
)
def test_ci_ignores_the_cache_unless_asked(workspace: Path, monkeypatch, environment, used):
    run(workspace)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert run(workspace).cache_hits == (9 if used else 0)


# --- a cache that cannot lie ---------------------------------------------------------------


def test_corrupt_cache_is_ignored(workspace: Path, private_cache_secret: Path):
    run(workspace)
    cache = cache_path(workspace)
    header, _, body = cache.read_bytes().partition(b"\n")
    document = json.loads(body)
    secret = private_cache_secret.read_bytes()

    def signed(text: bytes) -> bytes:
        return b"kehoach-cache 2 " + cache_module._sign(secret, text) + b"\n" + text

    for garbage in (
        b"kh\xf4ng ph\xe1i JSON",
        header + b"\n" + body[:-1],  # truncated
        header + b"\n" + body.replace(b'"issues":[]', b'"issues":[{"code":"KH105"}]', 1),
        signed(b"[]"),
        signed(json.dumps({**document, "files": []}).encode()),
        signed(b"[" * 100_000),
    ):
        cache.write_bytes(garbage)
        outcome = run(workspace)
        assert outcome.issues == [] and outcome.files == 10
    # a signed entry whose digest matches but whose issues are malformed is recomputed
    document["files"][QLKH]["issues"] = [{"code": "KH105"}]
    cache.write_bytes(signed(json.dumps(document).encode()))
    assert run(workspace).issues == []


def broken_qlkh(workspace: Path) -> bytes:
    edit(workspace / QLKH, "progress: 70%", "progress: 150")
    return (workspace / QLKH).read_bytes()


def forged_cache(workspace: Path, broken: bytes, secret: bytes) -> bytes:
    """What a contributor would commit: the broken file's digest marked as clean, in the
    right format, signed with their own machine's secret."""
    run(workspace)  # a genuine cache of the valid data (made with this test's secret)
    document = stored(workspace)
    document["files"][QLKH] = {"sha256": cache_module.digest(broken), "issues": []}
    body = json.dumps(document).encode()
    return b"kehoach-cache 2 " + cache_module._sign(secret, body) + b"\n" + body


def git(*args: str, cwd: Path) -> None:
    import subprocess

    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def test_a_forged_cache_committed_to_git_is_not_trusted(
    workspace: Path, tmp_path: Path, monkeypatch
):
    original = (workspace / QLKH).read_bytes()
    broken = broken_qlkh(workspace)
    (workspace / QLKH).write_bytes(original)
    forged = forged_cache(workspace, broken, secret=b"another machine's secret.......")
    (workspace / QLKH).write_bytes(broken)
    (workspace / CACHE_DIR / CACHE_FILE).write_bytes(forged)
    (workspace / CACHE_DIR / ".gitignore").unlink()
    git("init", "-q", cwd=workspace)
    git("add", "-f", ".", cwd=workspace)
    git("commit", "-q", "-m", "dữ liệu và một cache giả", cwd=workspace)

    clone = tmp_path / "clone"
    git("clone", "-q", str(workspace), str(clone), cwd=tmp_path)
    assert (clone / CACHE_DIR / CACHE_FILE).read_bytes() == forged
    outcome = run(clone)
    assert [i.code for i in outcome.issues] == ["KH105"] and outcome.cache_hits == 0
    # the same forgery in CI (no secret of this machine at all) is not read either
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "fresh-ci-home"))
    monkeypatch.setenv("CI", "true")
    assert [i.code for i in run(clone).issues] == ["KH105"]


def test_a_cache_signed_on_this_machine_for_other_bytes_does_not_apply(workspace: Path):
    run(workspace)
    broken_qlkh(workspace)
    assert [i.code for i in run(workspace).issues] == ["KH105"]


def test_a_file_changing_between_lookup_and_check_is_recorded_as_checked(
    workspace: Path, monkeypatch
):
    """The race: the lookup hashes the broken file, then the file becomes valid before the
    checker reads it. The result must be recorded under the bytes actually checked, never
    as 'broken bytes → no issues'."""
    run(workspace)  # an entry exists for qlkh, so the lookup reads and hashes it
    original = (workspace / QLKH).read_bytes()
    broken = broken_qlkh(workspace)
    fixed_again = original.replace(b"spent: 142.300.000", b"spent: 142.300.001")
    real_read = run_module.read_checked_bytes

    def racing_read(path: Path):
        if path.name == "qlkh.yaml" and path.parent.name == "2024":
            path.write_bytes(fixed_again)  # someone saves the file right now
        return real_read(path)

    monkeypatch.setattr(run_module, "read_checked_bytes", racing_read)
    raced = run(workspace)
    assert raced.issues == []  # it checked (and reports) the valid bytes it read
    assert stored(workspace)["files"][QLKH]["sha256"] == cache_module.digest(fixed_again)
    monkeypatch.setattr(run_module, "read_checked_bytes", real_read)

    (workspace / QLKH).write_bytes(broken)  # the broken bytes are back
    again = run(workspace)
    assert [i.code for i in again.issues] == ["KH105"] and again.cache_hits == 8


# --- the cache file itself: only a real file of sane size, never written through links ---


def test_unwritable_cache_is_not_fatal(workspace: Path):
    (workspace / CACHE_DIR).write_text("một tệp chắn chỗ thư mục cache", encoding="utf-8")
    outcome = run(workspace)
    assert outcome.issues == [] and outcome.files == 10


def test_a_symlinked_cache_file_is_neither_read_nor_written_through(
    workspace: Path, tmp_path: Path
):
    run(workspace)
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_bytes(cache_path(workspace).read_bytes())  # a valid, signed cache
    cache_path(workspace).unlink()
    cache_path(workspace).symlink_to(elsewhere)
    edit(workspace / QLKH, "spent: 142.300.000", "spent: 152.300.000")
    before = elsewhere.read_bytes()
    assert run(workspace).cache_hits == 0
    assert cache_path(workspace).is_symlink() and elsewhere.read_bytes() == before

    cache_path(workspace).unlink()
    cache_path(workspace).symlink_to("/dev/zero")
    outcome = run(workspace)
    assert outcome.cache_hits == 0 and [i.code for i in outcome.issues] == ["KH310"]
    assert cache_path(workspace).is_symlink()


def test_a_symlinked_cache_folder_is_not_used(workspace: Path, tmp_path: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (workspace / CACHE_DIR).symlink_to(outside)
    run(workspace)
    assert list(outside.iterdir()) == []  # nothing written through the link
    assert run(workspace).cache_hits == 0


def test_a_fifo_in_place_of_the_cache_does_not_block(workspace: Path):
    import os

    (workspace / CACHE_DIR).mkdir()
    os.mkfifo(cache_path(workspace))
    outcome = run(workspace)  # would hang for ever if the FIFO were opened for reading
    assert outcome.issues == [] and outcome.cache_hits == 0
    assert not cache_path(workspace).is_file()  # and nothing replaced it


def test_a_huge_cache_is_ignored_even_when_signed(workspace: Path, private_cache_secret: Path):
    run(workspace)
    body = cache_path(workspace).read_bytes().partition(b"\n")[2]
    huge = body + b" " * (cache_module.MAX_CACHE_BYTES + 1)
    mac = cache_module._sign(private_cache_secret.read_bytes(), huge)
    cache_path(workspace).write_bytes(b"kehoach-cache 2 " + mac + b"\n" + huge)
    assert run(workspace).cache_hits == 0


def test_a_secret_inside_the_workspace_is_refused(workspace: Path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(workspace / "bi-mat"))
    run(workspace)
    assert not (workspace / "bi-mat").exists() and not cache_path(workspace).exists()


def test_the_secret_is_private_to_the_user(workspace: Path, private_cache_secret: Path):
    run(workspace)
    assert private_cache_secret.stat().st_mode & 0o777 == 0o600
    assert len(private_cache_secret.read_bytes()) == cache_module.SECRET_BYTES


def test_a_cache_tracked_by_git_is_ignored_even_when_genuine(workspace: Path):
    """A cache that is part of the repository is someone's: the issue's rule is to ignore
    it outright, signature or not (read from .git/index, git is not run)."""
    run(workspace)  # a genuine cache of this machine
    assert run(workspace).cache_hits > 0
    (workspace / CACHE_DIR / ".gitignore").unlink()
    git("init", "-q", cwd=workspace)
    git("add", "-f", ".", cwd=workspace)
    assert cache_module.tracked_by_git(workspace)
    assert run(workspace).cache_hits == 0
    git("rm", "-q", "--cached", f"{CACHE_DIR}/{CACHE_FILE}", cwd=workspace)
    assert not cache_module.tracked_by_git(workspace)


def planted_secret(private_cache_secret: Path, mode: int, owner: int | None) -> bytes:
    """A secret someone else put in the (shared) cache folder: mode `mode`, owned by the
    user `owner` (None: this user)."""
    secret = b"known to the other user........."
    private_cache_secret.parent.mkdir(parents=True, exist_ok=True)
    private_cache_secret.write_bytes(secret)
    private_cache_secret.chmod(mode)
    if owner is not None:
        os.chown(private_cache_secret, owner, -1)
    return secret


def forge_with(workspace: Path, secret: bytes) -> None:
    """A cache saying the broken qlkh.yaml has no issue, signed with `secret`."""
    edit(workspace / QLKH, "progress: 70%", "progress: 150")
    body = json.dumps(
        {"tool": "x", "plan": {}, "files": {QLKH: {"sha256": "0", "issues": []}}}
    ).encode()
    header = b"kehoach-cache 4 " + cache_module._sign(secret, body)
    (workspace / CACHE_DIR).mkdir(exist_ok=True)
    cache_path(workspace).write_bytes(header + b"\n" + body)


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="file owners are POSIX")
@pytest.mark.parametrize(("mode", "other_owner"), [(0o644, True), (0o600, True), (0o644, False)])
def test_a_secret_others_can_know_is_not_trusted(
    workspace: Path, private_cache_secret: Path, monkeypatch, mode: int, other_owner: bool
):
    """Planted in a shared cache folder (another owner, or readable by others), a secret
    signs nothing: the cache is neither read nor written, the secret is left as it is,
    and the run says so once."""
    give_away = other_owner and os.geteuid() == 0
    if other_owner and not give_away:  # only root can give a file away: pretend
        monkeypatch.setattr(cache_module, "_current_user", lambda: os.geteuid() + 1)
    secret = planted_secret(private_cache_secret, mode, 54321 if give_away else None)
    # (the forged cache itself: what verification would accept with this secret)
    cache = cache_module.ValidationCache.open(workspace, "x")
    assert cache.entries == {} and cache.note is None  # no cache file yet: nothing said
    forge_with(workspace, secret)
    before = cache_path(workspace).read_bytes()
    cache = cache_module.ValidationCache.open(workspace, "x")
    assert cache.entries == {} and "bỏ qua bộ nhớ đệm" in (cache.note or "")
    assert ("người dùng khác" if other_owner else "người khác đọc hoặc ghi") in cache.note
    edit(workspace / QLKH, "progress: 150", "progress: 70%")  # valid again: a save is tried
    outcome = run(workspace)
    assert outcome.cache_hits == 0 and outcome.cache_note is not None
    assert cache_path(workspace).read_bytes() == before  # not re-signed with the secret
    assert private_cache_secret.read_bytes() == secret


def test_the_cli_says_once_that_the_cache_is_not_used(
    workspace: Path, private_cache_secret: Path, cli
):
    planted_secret(private_cache_secret, 0o644, None)
    result = cli("validate", "--root", str(workspace))
    assert result.code == 0
    assert result.stderr.count("Ghi chú: bỏ qua bộ nhớ đệm") == 1
    assert "(quyền 644)" in result.stderr and "Traceback" not in result.stderr
