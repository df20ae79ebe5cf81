"""Where the CI of a new data repository installs kehoach from: the exact source of the
kehoach that writes it, from a source that exists.

Never a bare package name: `kehoach` is not published on any package index, and whoever
registered that name would run code in every data repository's CI. The source is a git
repository of kehoach at a commit, or a release wheel at a URL (the agency's own mirror:
docs/huong-dan.md, "Cài kehoach"). The commit is the one the running kehoach was installed
from (pip's `direct_url.json`, PEP 610: `vcs_info.commit_id` for a git install, else the
HEAD of the folder it was installed from); a revision the user writes after the address
(`…/kehoach.git@<commit or tag>`) is taken as given. Never a tag kehoach made up: clones
of the project may carry no tags at all, and a pin that names nothing fails every CI run.
Where the source is a folder of this machine (file://), the revision is looked up there
and refused when it is missing. `kehoach init` takes the address from `--kehoach-source`,
or else from how the running kehoach was installed when that was a git repository or a
wheel on a server — never a folder of this machine, which CI cannot reach. When neither
says, the recipes are written with the source left empty, and their install step stops
with a message that says what to fill in.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import SplitResult, urlsplit
from urllib.request import url2pathname

from kehoach_cli.errors import shortened
from kehoach_cli.gitrepo import is_commit_id

# Schemes a CI runner can fetch from (file: for a mirror on a shared disk, and for tests).
# The characters are those of an address and nothing that GitHub (`${{ }}`), GitLab (`$X`)
# or a shell would expand or end a quoted string with: an address goes into the recipes.
_SAFE = r"[\w.~:/?#@!&+,;=%-]+"
_URL = re.compile(rf"^(?:git\+)?(?:https?|ssh|git|file)://{_SAFE}$")
_SCP_LIKE = re.compile(rf"^[\w.-]+@[\w.-]+:{_SAFE}$")  # git@host:group/kehoach.git
_WHEEL_VERSION = re.compile(r"^kehoach-([^-]+)-")


class SourceRefused(ValueError):
    """`--kehoach-source` is not an address CI can install from (the message says why)."""


@dataclass(frozen=True)
class InstallSource:
    """A pinned pip requirement for CI, and the git repository for pre-commit (if any)."""

    requirement: str  # "" when unknown: the recipes' install step says what to fill in
    version: str
    git_url: str | None = None  # pre-commit's `repo:` (a git source only)
    git_rev: str | None = None  # pre-commit's `rev:`

    @property
    def known(self) -> bool:
        return bool(self.requirement)

    @property
    def pin(self) -> str:
        """What the requirement is pinned at, in words: 'commit 0123456789ab', 'thẻ v0.3.0'
        or 'tệp .whl'."""
        if self.git_rev is None:
            return "tệp .whl" if self.known else ""
        return pin_words(self.git_rev)


def pin_words(revision: str) -> str:
    return f"commit {revision[:12]}" if is_commit_id(revision) else f"thẻ {revision}"


@dataclass(frozen=True)
class Origin:
    """Where the running kehoach was installed from (pip's direct_url.json)."""

    url: str | None  # the address pip installed from; None: from an index, or unknown
    commit: str | None  # the commit, when known
    from_folder: bool = False  # `commit` is the HEAD of the folder installed from

    def describe(self) -> str:
        """'commit 0123…' for `kehoach --version`; '' when unknown."""
        if self.commit is None:
            return ""
        where = ", thư mục mã nguồn" if self.from_folder else ""
        return f"commit {self.commit}{where}"


def unknown(version: str) -> InstallSource:
    return InstallSource("", version)


def from_option(value: str, version: str, origin: Origin | None = None) -> InstallSource:
    """`--kehoach-source`: a git repository's address, pinned at the revision written after
    it (`…@<commit or tag>`) or else at the commit the running kehoach came from (`origin`);
    or the address of this version's release wheel. Refused, with the reason: what CI
    cannot fetch from, what the recipes would expand, a secret that would be committed
    with them, plain http, another version's wheel or tag, a revision that is unknown or
    that a folder's repository does not have."""
    value = value.strip().removeprefix("git+")
    _refuse_unsafe(value)
    parts = urlsplit(value) if "://" in value else None
    if parts is not None:
        _refuse_insecure(parts)
    path = (parts.path if parts is not None else value.split(":", 1)[1]).rstrip("/")
    if path.endswith(".whl"):
        return InstallSource(f"kehoach @ {value}", _wheel_version(path, version))
    if path.endswith(_ARCHIVES):
        raise SourceRefused(
            f"'{shortened(value)}' là một tệp nén mã nguồn; cần địa chỉ kho git hoặc tệp "
            f".whl của bản "
            "phát hành"
        )
    git_url, revision = _split_revision(value.rstrip("/"), version)
    if revision is None:
        revision = origin.commit if origin is not None else None
    if revision is None:
        raise SourceRefused(
            "không biết kehoach đang chạy được cài từ commit nào (cài từ tệp .whl hay từ kho "
            "gói), nên không ghim được; ghi rõ commit hoặc thẻ có trong kho đó sau địa chỉ: "
            f"--kehoach-source {git_url}@<commit>"
        )
    revision = _in_local_repository(git_url, revision)
    return InstallSource(
        _git_requirement(_pip_git_url(git_url), revision), version, git_url, revision
    )


_ARCHIVES = (".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".zip")
_ADDRESS_CHARACTER = re.compile(r"[\w.~:/?#@!&+,;=%-]")


def _refuse_unsafe(value: str) -> None:
    odd = next((c for c in value if not _ADDRESS_CHARACTER.fullmatch(c)), None)
    if odd is not None:
        shown = {" ": "dấu cách", "\n": "xuống dòng", "\t": "dấu tab"}.get(odd, f"'{odd}'")
        raise SourceRefused(
            f"địa chỉ có {shown}: ký tự này không có trong một địa chỉ, và GitHub, GitLab hay "
            "sh có thể hiểu nó thành biến hoặc lệnh khi chạy CI"
        )
    if not (_URL.match(value) or _SCP_LIKE.match(value)):
        raise SourceRefused(
            f"'{shortened(value)}' không phải địa chỉ để CI tải kehoach về; cần địa chỉ kho git "
            "(https://…/kehoach.git, git@…:…/kehoach.git) hoặc địa chỉ tệp .whl của bản phát hành"
        )


def _refuse_insecure(parts: SplitResult) -> None:
    if parts.scheme == "http":
        raise SourceRefused(
            "http không mã hóa đường truyền: người ở giữa sửa được mã kehoach mà CI sẽ chạy; "
            "dùng https"
        )
    if parts.password is not None or parts.query:
        raise SourceRefused(
            "địa chỉ có mật khẩu hoặc mã truy cập (phần 'tên:mật khẩu@' hay '?…'): nó sẽ được "
            "ghi vào tệp CI và commit cho mọi người thấy; dùng biến bí mật của CI hoặc một "
            "địa chỉ không cần đăng nhập"
        )
    if parts.fragment:
        raise SourceRefused(f"bỏ phần '#{parts.fragment}' ở cuối địa chỉ")


def _wheel_version(path: str, version: str) -> str:
    name = path.rsplit("/", 1)[-1]
    found = _WHEEL_VERSION.match(name)
    if found is None:
        raise SourceRefused(f"'{name}' không phải tệp .whl của kehoach (kehoach-<phiên bản>-…)")
    if found.group(1) != version:
        raise SourceRefused(
            f"tệp .whl là kehoach {found.group(1)}, còn kehoach đang tạo kho là {version}: "
            f"lược đồ và mẫu vừa ghi là của {version}, CI phải cùng phiên bản; dùng tệp "
            f"kehoach-{version}-…whl"
        )
    return version


def _split_revision(url: str, version: str) -> tuple[str, str | None]:
    """The repository's address and the '@<revision>' at its end, if any (a copy of the
    pip requirement from the guide). A release tag of another version is refused: the
    schemas and template init writes are this version's."""
    head, _, last = url.rpartition("/")
    if "@" not in last or (":" in last and not head):  # scp-like git@host:repo
        return url, None
    name, _, revision = last.rpartition("@")
    if not revision:
        raise SourceRefused(f"'{url}' có '@' mà không ghi commit hay thẻ sau nó")
    if _RELEASE_TAG.fullmatch(revision) and revision != f"v{version}":
        raise SourceRefused(
            f"địa chỉ ghim ở '{revision}', khác phiên bản kehoach đang chạy ({version}): "
            "lược đồ và mẫu init ghi là của phiên bản này; ghim ở commit của kehoach đang "
            f"chạy (bỏ '@{revision}') hoặc ở thẻ v{version}"
        )
    return f"{head}/{name}", revision


_RELEASE_TAG = re.compile(r"v\d+\.\d+\.\d+")


def _in_local_repository(git_url: str, revision: str) -> str:
    """A folder's repository (file://) is looked into: a revision it lacks is refused, a
    branch (which moves) is pinned at its commit. Other addresses cannot be looked into
    without the network; the revision is written as given."""
    if not git_url.startswith("file://"):
        return revision
    from kehoach_cli.gitrepo import resolve

    folder = Path(url2pathname(urlsplit(git_url).path))
    commit = resolve(folder, revision)
    if commit is None:
        raise SourceRefused(
            f"kho git ở '{folder}' không có {pin_words(revision)}: CI sẽ không cài được "
            "kehoach từ đó (kho sao chép không mang thẻ thì ghim theo commit)"
        )
    return revision if is_commit_id(revision) or _is_tag(folder, revision) else commit


def _is_tag(folder: Path, revision: str) -> bool:
    from kehoach_cli.gitrepo import has_tag

    return has_tag(folder, revision)


def origin_from(direct_url: str | None) -> Origin:
    """The origin that `direct_url` (the text of the distribution's direct_url.json, None
    when there is none: installed from an index) records. A folder installed from (`pip
    install .`, `-e .`) records no commit: its HEAD is read (running nothing)."""
    if not direct_url:
        return Origin(None, None)
    try:
        record: Any = json.loads(direct_url)
        url = str(record["url"])
    except (ValueError, KeyError, TypeError):
        return Origin(None, None)
    vcs = record.get("vcs_info")
    if isinstance(vcs, dict):
        commit = str(vcs.get("commit_id", ""))
        known = vcs.get("vcs") == "git" and is_commit_id(commit)
        return Origin(url, commit if known else None)
    if isinstance(record.get("dir_info"), dict) and url.startswith("file://"):
        from kehoach_cli.gitrepo import head_commit

        return Origin(url, head_commit(Path(url2pathname(urlsplit(url).path))), True)
    return Origin(url, None)


def from_installation(direct_url: str | None, version: str) -> InstallSource:
    """The source the running kehoach was installed from, when CI can reach it too: a git
    repository on a server, pinned at the installed commit, or a wheel on a server with
    its hash."""
    origin = origin_from(direct_url)
    url = origin.url or ""
    parts = urlsplit(url)
    secret = parts.password is not None or bool(parts.query)
    if parts.scheme not in ("https", "ssh", "git") or secret or not _URL.match(url):
        return unknown(version)  # a folder or file of this machine, or an odd address
    if origin.commit is not None:
        return InstallSource(_git_requirement(url, origin.commit), version, url, origin.commit)
    record: Any = json.loads(direct_url or "{}")
    archive = record.get("archive_info")
    if isinstance(archive, dict) and parts.path.endswith(".whl"):
        hashes = archive.get("hashes")
        sha256 = hashes.get("sha256") if isinstance(hashes, dict) else None
        return InstallSource(f"kehoach @ {url}" + (f"#sha256={sha256}" if sha256 else ""), version)
    return unknown(version)


def installed_direct_url() -> str | None:
    """The text of the running kehoach's direct_url.json; None when installed from an index
    or run from a source tree that is not installed. Only installed records count (those
    with an INSTALLER file; a source tree's egg-info is not one), and of several on the
    path (a test borrowing another environment's packages), the one whose files hold the
    running code; an editable install's code lies elsewhere: then the first."""
    import kehoach_cli

    running = Path(kehoach_cli.__file__).resolve()
    # The usual case first, without importlib.metadata (~25 ms of `kehoach --version`):
    # the record beside the package it describes (site-packages/kehoach-<v>.dist-info).
    beside = running.parents[1] / f"kehoach-{kehoach_cli.__version__}.dist-info"
    if (beside / "INSTALLER").is_file():
        record = beside / "direct_url.json"
        return record.read_text(encoding="utf-8") if record.is_file() else None
    from importlib.metadata import distributions

    installed = [d for d in distributions(name="kehoach") if d.read_text("INSTALLER")]
    for candidate in installed:
        located = Path(str(candidate.locate_file("kehoach_cli/__init__.py")))
        if located.resolve() == running:
            return candidate.read_text("direct_url.json")
    return installed[0].read_text("direct_url.json") if installed else None


def running_origin() -> Origin:
    return origin_from(installed_direct_url())


def installed_source(version: str) -> InstallSource:
    """The source of the kehoach that is running (see from_installation)."""
    return from_installation(installed_direct_url(), version)


def _pip_git_url(url: str) -> str:
    """The address as pip's requirement parser takes it: git's short form
    `git@host:group/kehoach.git` only as ssh://git@host/…, and a folder (file:///srv/…)
    only with a host name (file://localhost/srv/…)."""
    if _SCP_LIKE.match(url):
        user_host, path = url.split(":", 1)
        return f"ssh://{user_host}/{path}"
    if url.startswith("file:///"):
        return "file://localhost/" + url.removeprefix("file:///")
    return url


def _git_requirement(url: str, rev: str) -> str:
    return f"kehoach @ git+{url}@{rev}"
