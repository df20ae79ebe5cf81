"""What `kehoach init` is told about the plan: issuer, signer, deadline, receiving unit …

Checked here, before anything is written, with the model's own parsers: a deadline that the
plan would refuse is refused on the command line with the same words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from pydantic import ValidationError

from kehoach_cli.errors import UsageProblem, shortened
from kehoach_cli.model.plan import DayMonth, UnitKind
from kehoach_cli.model.values import is_unit_id

PLACEHOLDER = "ĐIỀN"
RECEIVER_ID = "don-vi-tong-hop"

# Reporting periods a clerk can name on the command line: id → (name in text, months).
KNOWN_PERIODS: dict[str, tuple[str, str]] = {
    "6-thang": ("6 tháng đầu năm", "1-6"),
    "9-thang": ("9 tháng đầu năm", "1-9"),
    "nam": ("năm", "1-12"),
    "quy-1": ("quý I", "1-3"),
    "quy-2": ("quý II", "4-6"),
    "quy-3": ("quý III", "7-9"),
    "quy-4": ("quý IV", "10-12"),
}

# The first words of a unit's name → its kind (checked in this order).
_KIND_PREFIXES = (
    ("văn phòng ", "van_phong"),
    ("phòng ", "phong"),
    ("trung tâm ", "trung_tam"),
    ("thanh tra ", "thanh_tra"),
    ("sở ", "so_nganh"),
    ("ban ", "so_nganh"),
    ("ubnd huyện ", "ubnd_huyen"),
    ("ubnd quận ", "ubnd_huyen"),
    ("ubnd thị xã ", "ubnd_huyen"),
    ("ubnd thành phố ", "ubnd_huyen"),
    ("ubnd xã ", "ubnd_xa"),
    ("ubnd phường ", "ubnd_xa"),
    ("ubnd thị trấn ", "ubnd_xa"),
)


@dataclass(frozen=True)
class Essentials:
    """What `kehoach init` was told; None is "not given" (a placeholder is written)."""

    issuer: str | None = None
    parent: str | None = None
    title: str | None = None
    symbol: str | None = None
    place: str | None = None
    signer: str | None = None  # "KT. CHỦ TỊCH/PHÓ CHỦ TỊCH" or "GIÁM ĐỐC"
    deadline: str | None = None  # the yearly report's, e.g. "15/01 năm sau"
    periods: tuple[tuple[str, str], ...] = field(default=())  # (known period id, deadline)
    receiver_name: str | None = None
    receiver_id: str | None = None
    receiver_kind: str | None = None
    report_to: str | None = None  # "Kính gửi" of the consolidated report
    years: tuple[int, int] | None = None  # the plan period; default: the year of `init`

    @property
    def receiver(self) -> str:
        if self.receiver_id:
            return self.receiver_id
        return unit_id_from_name(self.receiver_name) if self.receiver_name else RECEIVER_ID

    @property
    def kind(self) -> str | None:
        """The receiving unit's kind: as given, else guessed from its name."""
        if self.receiver_kind:
            return self.receiver_kind
        return kind_from_name(self.receiver_name) if self.receiver_name else None

    @property
    def addressee(self) -> str | None:
        return self.report_to or self.parent


def kind_from_name(name: str) -> str | None:
    """'Sở Tài chính' → so_nganh, 'Ủy ban nhân dân huyện A' → ubnd_huyen; None if unsure."""
    text = " ".join(unicodedata.normalize("NFC", name).lower().split()) + " "
    text = re.sub(r"^(ủy|uỷ) ban nhân dân ", "ubnd ", text)
    return next((kind for prefix, kind in _KIND_PREFIXES if text.startswith(prefix)), None)


def unit_id_from_name(name: str) -> str:
    """'Sở Tài chính' → 'so-tai-chinh': no tone marks, lower case, words joined by '-',
    cut at a word to at most 40 characters. May be '' for a name without letters."""
    text = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    words = re.findall(r"[a-z0-9]+", text)
    out = ""
    for word in words:
        joined = f"{out}-{word}" if out else word
        if len(joined) > 40:
            break
        out = joined
    return out


def split_signer(text: str) -> tuple[str | None, str]:
    """'KT. CHỦ TỊCH/PHÓ CHỦ TỊCH' → ('KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'); 'GIÁM ĐỐC' → (None, …)."""
    authority, slash, title = text.rpartition("/")
    if not slash:
        return None, text.strip()
    return authority.strip() or None, title.strip()


# What a missing essential is called in the message after `init` (the option to give it).
_ESSENTIAL_OPTIONS = (
    ("issuer", "--issuer"),
    ("title", "--title"),
    ("symbol", "--symbol"),
    ("place", "--place"),
    ("signer", "--signer"),
    ("receiver_name", "--receiver-name"),
)


def missing_essentials(given: Essentials) -> list[str]:
    """The options not given whose place holds a placeholder, in the order of the file."""
    missing = [option for name, option in _ESSENTIAL_OPTIONS if not getattr(given, name)]
    if not (given.deadline or given.periods):
        missing.append("--deadline (hoặc --period)")
    if given.receiver_name and not given.kind:
        missing.append("--receiver-kind")
    if not given.addressee:
        missing.append("--report-to (hoặc --parent)")
    return missing


def essentials(*, periods: list[str], years: str | None, **options: str | None) -> Essentials:
    """The options of `init`, checked; UsageProblem names the option and what it accepts.
    Runs of spaces are collapsed; an empty value is "not given"."""
    values = {name: " ".join((value or "").split()) or None for name, value in options.items()}
    given = Essentials(
        **values,
        periods=tuple(_period(text) for text in periods),
        years=_years(years) if years else None,
    )
    if given.deadline and given.periods:
        raise UsageProblem("chỉ dùng một trong --deadline (một kỳ báo cáo năm) và --period.")
    if given.deadline:
        _check_deadline("--deadline", given.deadline)
    for _, deadline in given.periods:
        _check_deadline("--period", deadline)
    kinds = [kind.value for kind in UnitKind]
    if given.receiver_kind and given.receiver_kind not in kinds:
        raise UsageProblem(
            f"--receiver-kind '{shortened(given.receiver_kind)}' không phải loại đơn vị; "
            f"dùng một trong: "
            f"{', '.join(kinds)}."
        )
    if not is_unit_id(given.receiver):
        raise UsageProblem(
            f"mã đơn vị tổng hợp '{shortened(given.receiver)}' không hợp lệ; ghi "
            f"--receiver-id gồm chữ "
            "thường không dấu, chữ số và dấu '-', ví dụ --receiver-id so-tai-chinh."
        )
    return given


def _years(text: str) -> tuple[int, int]:
    """'2026' or '2026-2030' (also with an en dash)."""
    found = re.fullmatch(r"\s*(\d{4})\s*(?:[-–]\s*(\d{4})\s*)?", text)
    start, end = (int(found[1]), int(found[2] or found[1])) if found else (0, 0)
    if not found or not 1945 <= start <= end <= 2200:
        raise UsageProblem(
            f"--years '{shortened(text)}' cần năm đầu và năm cuối của kế hoạch, ví dụ "
            f"--years 2026 hoặc "
            "--years 2026-2030."
        )
    return start, end


def _period(text: str) -> tuple[str, str]:
    period_id, equals, deadline = text.partition("=")
    period_id = period_id.strip()
    if period_id not in KNOWN_PERIODS or not equals or not deadline.strip():
        known = ", ".join(KNOWN_PERIODS)
        raise UsageProblem(
            f"--period '{shortened(text)}' cần dạng <kỳ>=<hạn nộp>, ví dụ --period "
            f"6-thang=15/6 hoặc "
            f"--period 'nam=15/01 năm sau'; các kỳ: {known}."
        )
    return period_id, " ".join(deadline.split())


def _check_deadline(option: str, text: str) -> None:
    try:
        deadline = DayMonth.model_validate(text)
    except ValidationError:
        raise UsageProblem(
            f"{option}: '{shortened(text)}' không phải hạn nộp dạng ngày/tháng; ví dụ 15/12, hoặc "
            "'15/01 năm sau' khi hạn ở năm sau năm báo cáo."
        ) from None
    if not deadline.exists_every_year():  # what validate would refuse (KH208)
        raise UsageProblem(
            f"{option}: ngày hạn báo cáo không tồn tại: {deadline.as_missing_day()}; ghi một "
            "ngày có ở mọi năm, ví dụ 30/11, hoặc 28/02 thay cho 29/02."
        )
