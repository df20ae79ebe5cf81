from __future__ import annotations

import errno

import pytest

from kehoach_cli.os_errors import describe_os_error


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (errno.ENOSPC, "ổ đĩa đã đầy"),
        (errno.EACCES, "đang mở trong Word"),
        (errno.EROFS, "chỉ cho phép đọc"),
        (errno.ENAMETOOLONG, "quá dài"),
    ],
)
def test_common_failures_are_told_in_vietnamese(number: int, words: str):
    assert words in describe_os_error(OSError(number, "English text from the system"))


def test_unknown_failures_keep_the_system_text():
    assert describe_os_error(OSError(errno.EXDEV, "Invalid cross-device link")) == (
        "Invalid cross-device link"
    )
    assert describe_os_error(OSError("no errno at all")) == "no errno at all"
