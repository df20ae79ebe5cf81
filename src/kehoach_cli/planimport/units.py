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
    (r"^phòng\b", "phong"),
    (r"^(trung tâm|ban quản lý|đài|bệnh viện|trường|viện)\b", "trung_tam"),
    (r"^thanh tra\b", "thanh_tra"),
    (r"^văn phòng\b", "van_phong"),
    (r"^(sở|ban|công an tỉnh|bộ chỉ huy)\b", "so_nganh"),
    (
        r"^(bộ|cục|tổng cục|viễn thông|viettel|vnpt|bưu điện|công ty|tập đoàn|ngân hàng|"
        r"kho bạc|bảo hiểm xã hội|tỉnh ủy|huyện ủy|ủy ban mặt trận|mặt trận|hội|liên đoàn|"
        r"tỉnh đoàn|báo|chi cục thuế|cục thuế|tòa án|viện kiểm sát)\b",
        "external",
    ),
]
# Outside the administration wherever the words stand ('Trung tâm Viễn thông Đăk R'lấp').
_OUTSIDE = r"viễn thông(?! và)|viettel|vnpt|bưu điện|công ty|tập đoàn|ngân hàng|cục thống kê"

_INSIDE = {"phong", "trung_tam", "thanh_tra", "van_phong"}

# What a plural name covers, by kind (the members are a guess: the plan seldom lists them).
_GROUP_KINDS: list[tuple[str, set[str]]] = [
    (r"sở,? ban,? ngành|các sở\b", {"so_nganh"}),
    (r"(huyện|thị xã|quận)", {"ubnd_huyen"}),
    (r"(xã|phường|thị trấn)", {"ubnd_xa"}),
    (r"phòng chuyên môn", {"phong"}),
    (r"phòng,? (đơn vị|trung tâm)|đơn vị (thuộc|trực thuộc)", _INSIDE),
    (r"cơ quan|đơn vị", {*_INSIDE, "so_nganh", "ubnd_huyen", "ubnd_xa"}),
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
    """The kind, and whether it is a guess worth checking (no known first words)."""
    lowered = name.lower().replace("uỷ", "ủy")
    if re.search(_OUTSIDE, lowered):
        return "external", False
    for pattern, kind in _KINDS:
        if re.search(pattern, lowered):
            return kind, False
    return "so_nganh", True


def canonical(name: str) -> str:
    """A name as a list of units writes it: the final period gone, the first letter up."""
    name = " ".join(name.split()).rstrip(".;,")
    return name[:1].upper() + name[1:]


class UnitBook:
    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self._by_key: dict[str, Entry] = {}
        self._taken: set[str] = set()

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
            found = Entry(short_slug(name, self._taken), name, kind, group=group)
            if unsure:
                found.notes.append("loại đơn vị là đoán (tên không cho biết)")
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
