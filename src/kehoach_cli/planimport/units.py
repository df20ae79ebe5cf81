"""The units a plan names: one entry per unit however it is spelled, its kind guessed from
its name, an id made from it; plural names ('các sở, ban, ngành', 'UBND các huyện…')
become groups whose members are guessed from the kinds."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach_cli.planimport.text import name_key, short_slug

_KINDS: list[tuple[str, str]] = [
    (r"^(ủy ban nhân dân|ubnd)\s+(huyện|thị xã|thành phố|quận)\b", "ubnd_huyen"),
    (r"^(ủy ban nhân dân|ubnd)\s+(xã|phường|thị trấn)\b", "ubnd_xa"),
    (r"^(ủy ban mặt trận|ủy ban mttq|ubmttq|mặt trận|mttq)\b", "mat_tran"),
    # the mass organisations ('đoàn thể') and the other associations
    (
        r"^(hội(?! đồng)|đoàn thanh niên|đoàn tncs|đoàn tn|tỉnh đoàn|thành đoàn|huyện đoàn|xã đoàn|"
        r"liên đoàn lao động|công đoàn)\b",
        "doan_the",
    ),
    (r"^công an\b", "cong_an"),
    (r"^(ban chỉ huy quân sự|bộ chỉ huy quân sự|ban chqs|bộ chqs|bộ chỉ huy)\b", "quan_su"),
    (r"^(trạm y tế|trung tâm y tế|bệnh viện|phòng khám|trung tâm kiểm soát bệnh tật)\b", "y_te"),
    (r"^trường\b", "truong_hoc"),
    (r"^phòng\b", "phong"),
    (r"^(trung tâm|ban quản lý|đài|viện)\b", "trung_tam"),
    (r"^thanh tra\b", "thanh_tra"),
    (r"^văn phòng\b", "van_phong"),
    (r"^(sở|ban)\b", "so_nganh"),
    (
        r"^(bộ|cục|tổng cục|ngân hàng|kho bạc|bảo hiểm xã hội|tỉnh ủy|huyện ủy|đảng ủy|báo|"
        r"liên đoàn|chi cục thuế|cục thuế|tòa án|viện kiểm sát)\b",
        "external",
    ),
]
# A company wherever the words stand ('Trung tâm Viễn thông Đăk R'lấp', 'Công ty Điện lực').
_COMPANY = (
    r"viễn thông(?! và)|viettel|vnpt|mobifone|bưu điện|bưu chính|công ty|tập đoàn|điện lực|"
    r"cấp nước"
)
# Outside the administration wherever the words stand.
_OUTSIDE = r"ngân hàng|cục thống kê"

_INSIDE = {"phong", "trung_tam", "thanh_tra", "van_phong"}
# Public bodies a plan of the locality assigns work to, beside its sở, phòng and UBND.
_LOCAL = {"cong_an", "quan_su", "truong_hoc", "y_te"}
# Bodies that answer to their own superiors, not to the plan's issuer (the Front, the mass
# organisations, companies): one the plan makes lead a task reports on it; one it only
# names among those who cooperate is an outside partner (it does not report).
OUTSIDE_UNLESS_LEADING = {
    "mat_tran": "Mặt trận Tổ quốc",
    "doan_the": "đoàn thể, hội",
    "doanh_nghiep": "doanh nghiệp",
}

# What a plural name covers, by kind (the members are a guess: the plan seldom lists them).
_GROUP_KINDS: list[tuple[str, set[str]]] = [
    # a plural name of one of the newer kinds names it first ('Ủy ban MTTQ xã và các đoàn
    # thể', 'các trường học'); further on, the words can be a place ('… trường học trên
    # địa bàn xã') or one kind among others ('các cơ quan, đơn vị, doanh nghiệp')
    (r"^((ủy ban |ub)?(mặt trận|mttq)|các (đoàn thể|tổ chức chính trị))", {"mat_tran", "doan_the"}),
    (r"^các (trường|cơ sở giáo dục)", {"truong_hoc"}),
    (r"^các (cơ sở y tế|bệnh viện|trạm y tế)", {"y_te"}),
    (r"^các doanh nghiệp", {"doanh_nghiep"}),
    (r"sở,? ban,? ngành|các sở\b", {"so_nganh", "cong_an", "quan_su"}),
    (r"(huyện|thị xã|quận)", {"ubnd_huyen"}),
    (r"(xã|phường|thị trấn)", {"ubnd_xa"}),
    (r"phòng chuyên môn", {"phong"}),
    (r"phòng,? (đơn vị|trung tâm)|đơn vị (thuộc|trực thuộc)", _INSIDE),
    (r"cơ quan|đơn vị", {*_INSIDE, *_LOCAL, "so_nganh", "ubnd_huyen", "ubnd_xa"}),
]


@dataclass
class Entry:
    id: str
    name: str
    kind: str
    group: bool = False
    spellings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)


def is_group_name(name: str) -> bool:
    return bool(re.search(r"(^|\s)các\s", name, re.IGNORECASE))


def guess_kind(name: str) -> tuple[str, bool]:
    """The kind its name says, and whether it is a guess worth checking (no known words)."""
    lowered = name.lower().replace("uỷ", "ủy")
    if re.search(_COMPANY, lowered):
        return "doanh_nghiep", False
    if re.search(_OUTSIDE, lowered):
        return "external", False
    for pattern, kind in _KINDS:
        if re.search(pattern, lowered):
            return kind, False
    return "so_nganh", True


# The ids agencies use for the newer kinds, locality left out ('Công an xã Long Phụng' →
# 'cong-an', 'Trường Trung học cơ sở Long Phụng' → 'truong-thcs'): the first that fits.
_KIND_IDS: list[tuple[str, str]] = [
    (r"^công an\b", "cong-an"),
    (r"quân sự|chqs", "quan-su"),
    (r"^(ủy ban |ub)?(mặt trận|mttq)", "mat-tran"),
    (r"phụ nữ|lhpn", "hoi-phu-nu"),
    (r"nông dân", "hoi-nong-dan"),
    (r"cựu chiến binh|ccb", "hoi-ccb"),
    (r"đoàn thanh niên|đoàn tn|^(tỉnh|thành|huyện|xã) đoàn", "doan-thanh-nien"),
    (r"liên đoàn lao động|công đoàn", "cong-doan"),
    (r"^trường (trung học cơ sở|thcs)", "truong-thcs"),
    (r"^trường (trung học phổ thông|thpt)", "truong-thpt"),
    (r"^trường (tiểu học|th)\b", "truong-th"),
    (r"^trường (mầm non|mẫu giáo|mn)", "truong-mn"),
    (r"^trạm y tế", "tram-y-te"),
    (r"^trung tâm y tế", "ttyt"),
    (r"viettel", "viettel"),
    (r"viễn thông|vnpt", "vnpt"),
    (r"mobifone", "mobifone"),
    (r"điện lực", "dien-luc"),
    (r"bưu điện|bưu chính", "buu-dien"),
]
_NEWER_KINDS = {*_LOCAL, *OUTSIDE_UNLESS_LEADING}


def kind_id(name: str, kind: str) -> str | None:
    """The usual id of a unit of a newer kind; None: made from its initials."""
    if kind not in _NEWER_KINDS:
        return None
    lowered = name.lower().replace("uỷ", "ủy")
    return next((ident for pattern, ident in _KIND_IDS if re.search(pattern, lowered)), None)


def canonical(name: str) -> str:
    """A name as a list of units writes it: the final period gone, the first letter up."""
    name = " ".join(name.split()).rstrip(".;,")
    return name[:1].upper() + name[1:]


class UnitBook:
    def __init__(self, leading: set[str] | None = None) -> None:
        self.entries: list[Entry] = []
        self._by_key: dict[str, Entry] = {}
        self._taken: set[str] = set()
        # name_key of every name that leads a task somewhere in the plan
        self._leading = leading or set()

    def ref(self, written: str) -> str:
        """The id ('stttt') or group reference ('group:cac-so-nganh') for a name."""
        entry = self.entry(written)
        return f"group:{entry.id}" if entry.group else entry.id

    def entry(self, written: str) -> Entry:
        name = canonical(written)
        key = name_key(name)
        found = self._by_key.get(key)
        if found is None:
            group = is_group_name(name)
            kind, unsure = ("", False) if group else guess_kind(name)
            found = Entry(
                short_slug(name, self._taken, kind_id(name, kind)), name, kind, group=group
            )
            if unsure:
                found.notes.append("loại đơn vị là đoán (tên không cho biết)")
            if kind in OUTSIDE_UNLESS_LEADING:
                _outside_or_reporting(found, key in self._leading)
            self._taken.add(found.id)
            self._by_key[key] = found
            self.entries.append(found)
        if written not in found.spellings:
            found.spellings.append(written)
        return found

    def name_of(self, ref: str) -> str:
        bare = ref.removeprefix("group:")
        return next(entry.name for entry in self.entries if entry.id == bare)

    def units(self) -> list[Entry]:
        return [entry for entry in self.entries if not entry.group]

    def groups(self) -> list[Entry]:
        """Each plural name with its members guessed from the kinds it names."""
        groups = [entry for entry in self.entries if entry.group]
        for group in groups:
            lowered = group.name.lower()
            kinds: set[str] = set()
            for pattern, covered in _GROUP_KINDS:
                if re.search(pattern, lowered):
                    kinds = covered
                    break
            group.members = [u.id for u in self.units() if u.kind in kinds]
        return groups


def _outside_or_reporting(entry: Entry, leads: bool) -> None:
    """A body of the Front, a mass organisation or a company: a unit that reports when the
    plan makes it lead a task, else an outside partner — the document does not say which."""
    words = OUTSIDE_UNLESS_LEADING[entry.kind]
    if leads:
        entry.notes.append(
            f"tên là của {words} ({entry.kind}); chủ trì nhiệm vụ nên là đơn vị nộp báo cáo: "
            "ghi 'parent' (cơ quan cấp trên) nếu phần đầu báo cáo của đơn vị có dòng đó, "
            "'place' (địa danh ở dòng ngày tháng) nếu tên không có"
        )
        return
    entry.notes.append(
        f"tên là của {words} ({entry.kind}) và không chủ trì nhiệm vụ nào: ghi là cơ quan "
        "bên ngoài (external: phối hợp ở 'partners', không nộp báo cáo); nếu đơn vị này nộp "
        f"báo cáo, đổi kind thành {entry.kind} và chuyển mã từ 'partners' sang 'cooperate'"
    )
    entry.kind = "external"
