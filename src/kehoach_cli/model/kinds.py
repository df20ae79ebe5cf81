"""What each kind of unit implies for the documents: how a group of them is named, who
signs for one, and whether its header has a parent line. The report takes its fixed words
from here (or from plan.yaml), never from one agency's wording."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kehoach_cli.model.plan import Signer, Unit, UnitKind


@dataclass(frozen=True)
class KindWords:
    plural: str  # how a plan names several units of the kind together
    head_title: str  # who signs a unit's report when plan.yaml names nobody
    head_authority: str | None = None  # "TM. ỦY BAN NHÂN DÂN" for a collegial body
    own_header: bool = False  # its name alone heads its documents (no parent line)


# Units inside one agency (its phòng, trung tâm, thanh tra, văn phòng) are named together.
INSIDE = "các phòng, đơn vị"
KINDS: dict[UnitKind, KindWords] = {
    UnitKind.SO_NGANH: KindWords("các sở, ban, ngành", "GIÁM ĐỐC"),
    UnitKind.UBND_HUYEN: KindWords(
        "UBND các huyện, thị xã, thành phố", "CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", own_header=True
    ),
    UnitKind.UBND_XA: KindWords(
        "UBND các xã, phường, thị trấn", "CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", own_header=True
    ),
    UnitKind.PHONG: KindWords(INSIDE, "TRƯỞNG PHÒNG"),
    UnitKind.TRUNG_TAM: KindWords(INSIDE, "GIÁM ĐỐC"),
    UnitKind.THANH_TRA: KindWords(INSIDE, "CHÁNH THANH TRA"),
    UnitKind.VAN_PHONG: KindWords(INSIDE, "CHÁNH VĂN PHÒNG"),
    # Bodies that carry out a plan but are neither its sở/phòng nor a UBND. The police, the
    # Front, the mass organisations and companies answer to their own superiors, not to the
    # plan's issuer: their names alone head their documents unless `parent` says otherwise.
    UnitKind.CONG_AN: KindWords("lực lượng Công an", "TRƯỞNG CÔNG AN", own_header=True),
    UnitKind.QUAN_SU: KindWords("Ban Chỉ huy quân sự", "CHỈ HUY TRƯỞNG"),
    UnitKind.MAT_TRAN: KindWords(
        "Ủy ban Mặt trận Tổ quốc Việt Nam",
        "CHỦ TỊCH",
        "TM. BAN THƯỜNG TRỰC",
        own_header=True,
    ),
    UnitKind.DOAN_THE: KindWords(
        "các tổ chức chính trị - xã hội", "CHỦ TỊCH", "TM. BAN THƯỜNG VỤ", own_header=True
    ),
    UnitKind.TRUONG_HOC: KindWords("các trường học", "HIỆU TRƯỞNG"),
    UnitKind.Y_TE: KindWords("các cơ sở y tế", "GIÁM ĐỐC"),
    UnitKind.DOANH_NGHIEP: KindWords("các doanh nghiệp", "GIÁM ĐỐC", own_header=True),
    UnitKind.EXTERNAL: KindWords("các cơ quan liên quan", "THỦ TRƯỞNG CƠ QUAN"),
}


def units_phrase(units: list[Unit]) -> str:
    """'các phòng, đơn vị' / 'các sở, ban, ngành, UBND các huyện, thị xã, thành phố' — the
    kinds present, in the order first met."""
    phrases: list[str] = []
    for unit in units:
        plural = KINDS[unit.kind].plural
        if plural not in phrases:
            phrases.append(plural)
    return ", ".join(phrases) or INSIDE


def unit_signer(unit: Unit) -> Signer:
    """The unit's own head from plan.yaml, else the usual one for its kind."""
    if unit.head is not None:
        return unit.head
    words = KINDS[unit.kind]
    return Signer(authority=words.head_authority, title=words.head_title)


def unit_parent(unit: Unit, issuing_body: str) -> str:
    """The header's first line over the unit's name: its own `parent`, else the plan's
    issuer — except for a body whose name alone heads its documents (a UBND)."""
    if unit.parent:
        return unit.parent
    if KINDS[unit.kind].own_header:
        return ""
    # the usual short form of a parent line: "UBND TỈNH …" (Decree 30's own samples)
    return re.sub(r"^(Ủy|Uỷ) ban nhân dân", "UBND", issuing_body, flags=re.IGNORECASE)


def unit_symbol(unit: Unit) -> str:
    return unit.symbol or f"BC-{unit.id.upper()}"


# "Ủy ban nhân dân xã Nhân Cơ" → "Nhân Cơ": Decree 30 dates a document at the place where
# the body sits, which for a UBND is its own commune, district or city.
_LOCALITY = re.compile(
    r"\s(?:xã|phường|thị trấn|huyện|thị xã|thành phố|quận|tỉnh)\s+(\S.*)$", re.IGNORECASE
)
_UBND_PLACE = re.compile(
    r"^(?:(?:ủy|uỷ) ban nhân dân|ubnd)\s+(?:xã|phường|thị trấn|huyện|thị xã|thành phố|quận|tỉnh)"
    r"\s+(.+)$",
    re.IGNORECASE,
)


def unit_place(unit: Unit) -> str | None:
    """The place name of the unit's own documents: its `place`, else for a UBND the name
    of the locality it governs; None: the plan's place (a phòng or sở sits there)."""
    if unit.place:
        return unit.place
    if KINDS[unit.kind].own_header:
        name = " ".join(unit.name.split())
        # a UBND, or a body named after its locality ("Công an xã Long Phụng")
        match = _UBND_PLACE.match(name) or _LOCALITY.search(name)
        if match:
            return match.group(1)
    return None
