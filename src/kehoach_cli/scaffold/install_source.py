"""Where the CI of a new data repository installs kehoach from: one pinned version, from a
source that exists.

Never a bare package name: `kehoach` is not published on any package index, and whoever
registered that name would run code in every data repository's CI. The source is a git
repository of kehoach at the release tag (`v0.3.0`), or a release wheel at a URL (the
agency's own mirror: docs/huong-dan.md, "Cài kehoach"). `kehoach init` takes it from
`--kehoach-source`, or else from how the running kehoach was installed (the
`direct_url.json` pip records, PEP 610) when that was from a git repository or a wheel on a
server — never from a folder of this machine, which CI cannot reach. When neither says,
the recipes are written with the version pinned and the source left empty, and their
install step stops with a message that says what to fill in.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import SplitResult, urlsplit

from kehoach_cli.errors import shortened

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


def unknown(version: str) -> InstallSource:
    return InstallSource("", version)


def from_option(value: str, version: str) -> InstallSource:
    """`--kehoach-source`: a git repository's address (pinned here at tag v<version>), or
    the address of this version's release wheel. Refused, with the reason: what CI cannot
    fetch from, what the recipes would expand, a secret that would be committed with them,
    plain http, another version than the one writing the repository."""
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
    git_url = _without_revision(value.rstrip("/"), version)
    tag = f"v{version}"
    return InstallSource(_git_requirement(_pip_git_url(git_url), tag), version, git_url, tag)


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


def _without_revision(url: str, version: str) -> str:
    """The repository's address without an '@<revision>' at its end (a copy of the pip
    requirement from the guide): kehoach pins the tag of its own version itself."""
    head, _, last = url.rpartition("/")
    if "@" not in last or (":" in last and not head):  # scp-like git@host:repo
        return url
    name, _, revision = last.rpartition("@")
    if revision != f"v{version}":
        raise SourceRefused(
            f"địa chỉ ghim ở '{revision}', khác phiên bản kehoach đang chạy ({version}); bỏ "
            f"'@{revision}': kehoach tự ghim ở thẻ v{version}"
        )
    return f"{head}/{name}"


def from_installation(direct_url: str | None, version: str) -> InstallSource:
    """The source the running kehoach was installed from, when CI can reach it too;
    `direct_url` is the text of the distribution's direct_url.json (None: installed from
    an index, whose name we do not trust for the reason above)."""
    if not direct_url:
        return unknown(version)
    try:
        record: Any = json.loads(direct_url)
        url = str(record["url"])
    except (ValueError, KeyError, TypeError):
        return unknown(version)
    parts = urlsplit(url)
    secret = parts.password is not None or bool(parts.query)
    if parts.scheme not in ("https", "ssh", "git") or secret or not _URL.match(url):
        return unknown(version)  # a folder or file of this machine, or an odd address
    vcs = record.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("vcs") == "git":
        tag = f"v{version}"
        # Pinned: the release tag if that is what was asked for, else the exact commit.
        rev = tag if vcs.get("requested_revision") == tag else str(vcs.get("commit_id", ""))
        if not rev:
            return unknown(version)
        return InstallSource(_git_requirement(url, rev), version, url, rev)
    archive = record.get("archive_info")
    if isinstance(archive, dict) and urlsplit(url).path.endswith(".whl"):
        hashes = archive.get("hashes")
        sha256 = hashes.get("sha256") if isinstance(hashes, dict) else None
        return InstallSource(f"kehoach @ {url}" + (f"#sha256={sha256}" if sha256 else ""), version)
    return unknown(version)


def installed_source(version: str) -> InstallSource:
    """The source of the kehoach that is running (see from_installation)."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        direct_url = distribution("kehoach").read_text("direct_url.json")
    except PackageNotFoundError:  # run from a source tree, not installed
        direct_url = None
    return from_installation(direct_url, version)


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
