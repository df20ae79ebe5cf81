"""Hostile inputs, each a damage done to a copy of the bundled workspace.

Shared by tests/robustness/test_hostile.py and benchmarks/hostile.py (which runs them
from the shell and prints the table of outcomes).
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

PROGRESS = "data/progress/2024/qlkh.yaml"
PLAN = "data/plan.yaml"
MARKER = "kehoach-pwned-marker"


@dataclass(frozen=True)
class Case:
    name: str
    damage: Callable[[Path], None]
    validate_exit: int  # 0 accepted, 1 data problem, 2 environment problem
    code: str | None = None  # the issue validate must report
    located: bool = True  # the message carries file:line:col
    single: bool = True  # exactly one error
    in_plan: bool = False  # the damage is to the plan (status/report cannot run)


def snapshot(root: Path) -> dict[str, str]:
    """Every path under `root` with its content hash (or link target): to prove nothing
    was created, changed or removed."""
    files = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if path.is_symlink():
            files[relative] = "->" + str(path.readlink())
        elif path.is_file():
            files[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            files[relative] = "dir"
    return files


def write(rel: str, data: bytes | str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    return apply


def replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        target = root / rel
        text = target.read_text(encoding="utf-8")
        assert text.count(old) == 1, (rel, old)
        target.write_text(text.replace(old, new), encoding="utf-8")

    return apply


def transform(rel: str, change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        target = root / rel
        target.write_bytes(change(target.read_bytes()))

    return apply


def _symlink_outside(root: Path) -> None:
    outside = root.parent / f"{root.name}-ngoai.yaml"
    outside.write_bytes((root / PROGRESS).read_bytes())
    (root / PROGRESS).unlink()
    os.symlink(outside, root / PROGRESS)


def _folder_like_yaml(root: Path) -> None:
    (root / PROGRESS).unlink()
    (root / PROGRESS).mkdir()


def _missing_plan(root: Path) -> None:
    (root / PLAN).unlink()


def _alias_bomb() -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, 9):
        previous, name = chr(96 + n), chr(97 + n)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def _nfc_nfd_keys() -> Callable[[Path], None]:
    """Two keys that look the same, typed once composed and once decomposed (as macOS
    and some Vietnamese keyboards do): after NFC they are one key written twice."""
    composed = "ghi_chú"
    decomposed = unicodedata.normalize("NFD", composed)
    return replace(PROGRESS, "unit: qlkh\n", f"unit: qlkh\n{composed}: 1\n{decomposed}: 2\n")


HEAD = "schema_version: 1\nunit: qlkh\nyear: 2024\n"
LEGACY_TCVN3 = b"unit: qlkh\nprepared_by: Tr\xa7\xeau V\xa8n H\xf9ng\n"  # TCVN3 (ABC) bytes
LEGACY_VNI = b"unit: qlkh\nprepared_by: Tra\xa7n Va\xefn Hu\xf8ng\n"  # VNI bytes
CP1258 = "prepared_by: Trần Văn Hùng\n".encode("cp1258", errors="ignore")

CASES = [
    Case("tệp rỗng", write(PROGRESS, b""), 1, "KH012", located=False),
    Case("chỉ có chú thích", write(PROGRESS, "# chưa điền\n# gì cả\n"), 1, "KH012", located=False),
    Case("danh sách thay cho bảng", write(PROGRESS, "- a\n- b\n"), 1, "KH012"),
    Case("một giá trị thay cho bảng", write(PROGRESS, "xin chào\n"), 1, "KH012"),
    Case("dữ liệu nhị phân", write(PROGRESS, bytes(range(256)) * 4), 1, "KH002"),
    Case("mã UTF-16", write(PROGRESS, (HEAD + "prepared_by: Hùng\n").encode("utf-16")), 1, "KH002"),
    Case("mã Windows-1258", write(PROGRESS, b"unit: qlkh\n" + CP1258), 1, "KH002"),
    Case("mã TCVN3", write(PROGRESS, LEGACY_TCVN3), 1, "KH002"),
    Case("mã VNI", write(PROGRESS, LEGACY_VNI), 1, "KH002"),
    Case("có BOM (được nhận)", transform(PROGRESS, lambda b: b"\xef\xbb\xbf" + b), 0),
    Case(
        "xuống dòng CRLF (được nhận)", transform(PROGRESS, lambda b: b.replace(b"\n", b"\r\n")), 0
    ),
    Case("thụt lề bằng Tab", replace(PROGRESS, '\n  "1":', '\n\t"1":'), 1, "KH005"),
    Case(
        "chữ dựng sẵn NFD (được nhận)",
        transform(PROGRESS, lambda b: unicodedata.normalize("NFD", b.decode()).encode()),
        0,
    ),
    Case(
        "tệp 20 MB", write(PROGRESS, b"# " + b"x" * (20 * 1024 * 1024)), 1, "KH003", located=False
    ),
    Case(
        "lồng 20.000 cấp",
        write(PROGRESS, HEAD + "x: " + "[" * 20000 + "]" * 20000 + "\n"),
        1,
        "KH010",
    ),
    Case("bom bí danh", write(PROGRESS, _alias_bomb()), 1, "KH007"),
    Case(
        "khóa gộp <<",
        replace(PROGRESS, "year: 2024", "year: 2024\n<<: {prepared_by: x}"),
        1,
        "KH009",
    ),
    Case(
        "thẻ !!python/object/apply",
        replace(
            PROGRESS,
            "year: 2024",
            f"year: 2024\nx: !!python/object/apply:os.system ['touch {MARKER}']",
        ),
        1,
        "KH008",
    ),
    Case(
        "thẻ !!python/name",
        replace(PROGRESS, "year: 2024", "year: !!python/name:os.system"),
        1,
        "KH008",
    ),
    Case(
        "khóa trùng ở đầu tệp",
        replace(PROGRESS, "year: 2024", "year: 2024\nyear: 2023"),
        1,
        "KH006",
    ),
    Case(
        "khóa trùng trong nhiệm vụ",
        replace(PROGRESS, "    progress: 70%", "    progress: 70%\n    progress: 80%"),
        1,
        "KH006",
    ),
    Case(
        "khóa trùng trong hoạt động",
        replace(
            PROGRESS,
            "        start: 04/03/2024",
            "        start: 04/03/2024\n        start: 05/03/2024",
        ),
        1,
        "KH006",
    ),
    Case(
        "mã nhiệm vụ trùng (sau khi gộp nhánh)",
        replace(
            PROGRESS,
            '  "2.6":  # TFP',
            '  "1":\n    status: done\n    progress: 100\n  "2.6":  # TFP',
        ),
        1,
        "KH006",
    ),
    Case(
        "khóa trùng trong {…} một dòng",
        replace(
            PROGRESS,
            "budget: {planned: 90.000.000, spent: 40.000.000}",
            "budget: {planned: 90.000.000, spent: 40.000.000, planned: 9.000.000}",
        ),
        1,
        "KH006",
    ),
    # KH006 for the pair, and KH101: no progress file has a key of that name
    Case("khóa chỉ khác NFC/NFD", _nfc_nfd_keys(), 1, "KH006", single=False),
    Case(
        "nhiệm vụ 2.10 cạnh 2.1",
        replace(
            PROGRESS,
            '  "1":  # Thông tin',
            '  "2.10":\n    status: done\n    progress: 100\n  "1":  # Thông tin',
        ),
        1,
        "KH304",
    ),
    Case("mã đơn vị có ../", replace(PROGRESS, "unit: qlkh", "unit: ../../etc/passwd"), 1, "KH108"),
    Case(
        "mã nhiệm vụ có ../",
        replace(
            PROGRESS,
            '  "1":  # Thông tin',
            '  "../1":\n    status: done\n    progress: 100\n  "1":  # Thông tin',
        ),
        1,
        "KH108",
    ),
    Case(
        "chuỗi rất dài (được nhận)",
        replace(
            PROGRESS,
            "    results: >-\n      Hoàn thành khảo sát",
            "    results: >-\n      " + "Rất dài " * 50_000 + "Hoàn thành khảo sát",
        ),
        0,
    ),
    Case(
        "ký tự điều khiển",
        replace(PROGRESS, "prepared_by: Trần Văn Hùng", "prepared_by: Trần\x1bVăn Hùng"),
        1,
        "KH004",
    ),
    Case(
        "ngày 31/02",
        replace(PROGRESS, "submitted_on: 2024-11-12", "submitted_on: 31/02/2024"),
        1,
        "KH106",
    ),
    Case("tiền âm", replace(PROGRESS, "planned: 150.000.000", "planned: -150.000.000"), 1, "KH107"),
    Case("tiền 1e309", replace(PROGRESS, "planned: 150.000.000", "planned: 1e309"), 1, "KH107"),
    Case("tiền NaN", replace(PROGRESS, "planned: 150.000.000", "planned: .nan"), 1, "KH107"),
    Case("tiến độ 150", replace(PROGRESS, "progress: 70%", "progress: 150"), 1, "KH105"),
    Case(
        "status: no",
        replace(
            PROGRESS, "status: in_progress\n    progress: 70%", "status: no\n    progress: 70%"
        ),
        1,
        "KH104",
    ),
    Case(
        "danh sách ở chỗ cần một giá trị",
        replace(
            PROGRESS,
            "status: in_progress\n    progress: 70%",
            "status:\n      - done\n    progress: 70%",
        ),
        1,
        "KH103",
    ),
    Case(
        "đơn vị không có",
        replace(PROGRESS, "unit: qlkh", "unit: phong-ma"),
        1,
        "KH302",
        single=False,
    ),
    Case(
        "nhiệm vụ không có",
        replace(
            PROGRESS,
            '  "1":  # Thông tin',
            '  "9.9":\n    status: done\n    progress: 100\n  "1":  # Thông tin',
        ),
        1,
        "KH304",
    ),
    Case("symlink ra ngoài workspace", _symlink_outside, 1, "KH317", located=False),
    Case("thư mục đặt tên như tệp YAML", _folder_like_yaml, 1, "KH001", located=False),
    Case("năm trong tệp là số lẻ", replace(PROGRESS, "year: 2024", "year: 2024.5"), 1, "KH105"),
    Case(
        "khóa là danh sách",
        replace(PROGRESS, "year: 2024", "year: 2024\n? [a, b]\n: 1"),
        1,
        "KH013",
    ),
    Case("hai tài liệu YAML", replace(PROGRESS, "year: 2024", "year: 2024\n---\nx: 1"), 1, "KH011"),
    Case(
        "UTF-8 hỏng giữa tệp",
        transform(PROGRESS, lambda b: b.replace("Hùng".encode(), b"H\xc3\x28ng", 1)),
        1,
        "KH002",
    ),
    Case("thiếu data/plan.yaml", _missing_plan, 2, None, located=False, in_plan=True),
    Case(
        "plan.yaml sai cú pháp",
        replace(PLAN, "schema_version: 1", "schema_version: 1\n  x: : y"),
        1,
        "KH005",
        in_plan=True,
    ),
    Case("plan.yaml rỗng", write(PLAN, b""), 1, "KH012", located=False, in_plan=True),
    Case("plan.yaml có bom bí danh", write(PLAN, _alias_bomb()), 1, "KH007", in_plan=True),
    Case(
        "plan.yaml khóa sai",
        replace(PLAN, "  symbol: KH-SKHCN", "  symbol: KH-SKHCN\n  sybmol: x"),
        1,
        "KH101",
        in_plan=True,
    ),
    Case(
        "plan.yaml khóa trùng",
        replace(PLAN, "  symbol: KH-SKHCN", "  symbol: KH-SKHCN\n  symbol: KH-UBND"),
        1,
        "KH006",
        in_plan=True,
    ),
    Case(
        "plan.yaml trỏ tới đơn vị không có",
        replace(PLAN, "lead: thanhtra", "lead: thanh-tra"),
        1,
        "KH203",
        in_plan=True,
    ),
]
