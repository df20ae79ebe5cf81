"""What went wrong with a file or folder, in words a clerk can act on.

The operating system's own text ("No space left on device") is English, and on Windows
the commonest failure, a report still open in Word, reads as a bare permission error.
"""

from __future__ import annotations

import errno

_REASONS = {
    errno.ENOSPC: "ổ đĩa đã đầy; giải phóng dung lượng rồi chạy lại",
    errno.EDQUOT: "đã dùng hết hạn mức dung lượng của tài khoản",
    errno.EROFS: "ổ đĩa chỉ cho phép đọc",
    errno.EACCES: "không có quyền (kiểm tra quyền của thư mục; nếu tệp đang mở trong Word, "
    "hãy đóng lại)",
    errno.EPERM: "không được phép (kiểm tra quyền của thư mục; nếu tệp đang mở trong Word, "
    "hãy đóng lại)",
    errno.ENOENT: "không tồn tại",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.EISDIR: "là một thư mục",
    errno.ENAMETOOLONG: "tên tệp hoặc đường dẫn quá dài",
    errno.ELOOP: "liên kết tượng trưng vòng quanh",
    errno.EBUSY: "tệp đang được chương trình khác dùng",
    errno.ETXTBSY: "tệp đang được chương trình khác dùng",
    errno.EIO: "lỗi đọc/ghi của ổ đĩa",
}


def describe_os_error(error: OSError) -> str:
    """A Vietnamese reason for `error`; the system's text (and errno) when we have none."""
    reason = _REASONS.get(error.errno) if error.errno is not None else None
    if reason is not None:
        return reason
    return error.strerror or str(error) or type(error).__name__
