"""The example workspaces in examples/: two real plans of other shapes than the bundled one.

- examples/ubnd-tinh-ha-tang-so: Kế hoạch 8124/KH-UBND of UBND tỉnh Lâm Đồng (an issuer
  without a parent body; sở and UBND cấp huyện; tasks led by a group of districts; an
  indicator summed over districts; plan period 2023–2025; reports every 6 months (due 05/6)
  and every year (due '15/01 năm sau'), with hand-computed late lists for both).
- examples/huyen-chuyen-doi-so: the 2023 plan of Ban Chỉ đạo chuyển đổi số huyện Đăk R'lấp
  (an issuer under UBND huyện; phòng of the huyện and UBND các xã, thị trấn; bullets).

Each is copied to a scratch folder (validate writes its cache next to the data), then run
through the real CLI as a user would: validate --strict, plan render, status, report (the
consolidated one and every unit's), and the documents are read back with python-docx.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn

from tests.conftest import REPO

EXAMPLES = REPO / "examples"


@dataclass(frozen=True)
class Unit:
    id: str
    header: tuple[str, ...]  # the header's paragraphs (parent line, name), line breaks as spaces
    signer: tuple[str, ...]  # the signer block's lines
    addressee: str  # Kính gửi


@dataclass(frozen=True)
class Example:
    folder: str
    year: int
    as_of: str
    period: str
    # verbatim text of the public document that the plan document must print
    verbatim: tuple[str, ...]
    header: tuple[str, ...]  # the consolidated report's header paragraphs
    signer: tuple[str, ...]
    group_task: str
    group_lead_line: str  # the plan document's lead line of the group-led task
    group_members_sent: dict[str, str]  # member name → a phrase of its own results
    group_members_missing: tuple[str, ...]
    sent: tuple[Unit, ...]
    not_sent: dict[str, str]  # unit id → why the report is refused
    foreign: tuple[str, ...]  # phrases of other agencies that must appear nowhere
    outside: tuple[int, ...] = field(default=())


LAM_DONG = Example(
    folder="ubnd-tinh-ha-tang-so",
    year=2024,
    as_of="2025-02-01",  # after the yearly deadline 15/01/2025
    period="2023–2025",
    verbatim=(
        "Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ về việc phê "
        "duyệt Chương trình chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030;",
        "Căn cứ Quyết định số 885/QĐ-BTTTT ngày 25/5/2023 của Bộ Thông tin và Truyền thông ban "
        "hành Bộ tiêu chí đánh giá phát triển hạ tầng số của các tỉnh, thành phố trực thuộc "
        "Trung ương;",
        "Căn cứ văn bản số 3115/BTTTT-CVT ngày 02/8/2023 của Bộ Thông tin và Truyền thông về "
        "việc xây dựng Kế hoạch phát triển hạ tầng số giai đoạn 2023 - 2025 của địa phương.",
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch phát triển hạ tầng số trên địa bàn tỉnh Lâm "
        "Đồng giai đoạn 2023-2025, cụ thể như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
    ),
    header=("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",),
    signer=("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    group_task="3.1",
    group_lead_line="- Cơ quan chủ trì: UBND các huyện, thành phố",
    group_members_sent={
        "Ủy ban nhân dân thành phố Đà Lạt": "Xóa xong 4/4 thôn lõm sóng",
        "Ủy ban nhân dân thành phố Bảo Lộc": "Đã xóa 3/5 thôn lõm sóng",
        "Ủy ban nhân dân huyện Lâm Hà": "Đã xóa 6/8 thôn lõm sóng",
    },
    group_members_missing=("Ủy ban nhân dân huyện Đức Trọng",),
    sent=(
        Unit(
            "stttt",
            ("UBND TỈNH LÂM ĐỒNG", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"),
            ("GIÁM ĐỐC",),
            "Ủy ban nhân dân tỉnh Lâm Đồng",  # the receiving unit reports to the issuer
        ),
        Unit(
            "sxd",
            ("UBND TỈNH LÂM ĐỒNG", "SỞ XÂY DỰNG"),
            ("GIÁM ĐỐC",),
            "Sở Thông tin và Truyền thông",
        ),
        Unit(
            "stc",
            ("UBND TỈNH LÂM ĐỒNG", "SỞ TÀI CHÍNH"),
            ("GIÁM ĐỐC",),
            "Sở Thông tin và Truyền thông",
        ),
        Unit(
            "skhdt",
            ("UBND TỈNH LÂM ĐỒNG", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ"),
            ("GIÁM ĐỐC",),
            "Sở Thông tin và Truyền thông",
        ),
        Unit(
            "da-lat",
            ("ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ LẠT",),
            ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
            "Sở Thông tin và Truyền thông",
        ),
        Unit(
            "bao-loc",
            ("ỦY BAN NHÂN DÂN THÀNH PHỐ BẢO LỘC",),
            ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
            "Sở Thông tin và Truyền thông",
        ),
        Unit(
            "lam-ha",
            ("ỦY BAN NHÂN DÂN HUYỆN LÂM HÀ",),
            ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
            "Sở Thông tin và Truyền thông",
        ),
    ),
    not_sent={"sgtvt": "bản nháp", "duc-trong": "chưa có tệp báo cáo đã gửi"},
    foreign=(
        "Đồng Nai",
        "ĐỒNG NAI",
        "Khoa học và Công nghệ",
        "KH-SKHCN",
        "BC-SKHCN",
        "Phòng Kế hoạch Tài chính",
        "Phòng KHTC",
        "phòng, đơn vị",
        "THỦ TRƯỞNG ĐƠN VỊ",
        "thị xã",  # Lâm Đồng's districts are huyện and thành phố only
        "R’lấp",
    ),
    outside=(2022, 2026),
)

DAK_RLAP = Example(
    folder="huyen-chuyen-doi-so",
    year=2023,
    as_of="2023-12-15",
    period="(năm 2023, ghi ở data/plan.yaml:",  # one year: never "2023–2023"
    verbatim=(
        "Triển khai thực hiện Quyết định số 47/QĐ-UBND ngày 12/01/2023 của Ủy ban nhân dân tỉnh "
        "Đăk Nông về ban hành Kế hoạch chuyển đổi số năm 2023, Ban Chỉ đạo chuyển đổi số huyện "
        "Đăk R’lấp (sau đây gọi tắt là Ban Chỉ đạo) ban hành Kế hoạch hoạt động của Ban Chỉ đạo "
        "huyện với các nội dung cụ thể như sau:",
        "Nâng cao chất lượng hoạt động của Ban Chỉ đạo, xác định rõ trách nhiệm của từng thành "
        "viên Ban Chỉ đạo trong việc thực hiện nhiệm vụ được giao. Các thành viên Ban Chỉ đạo "
        "tích cực, chủ động phối hợp chặt chẽ với các phòng, ban, ngành, đoàn thể; tổ chức chính "
        "trị - xã hội; UBND các xã, thị trấn; các cơ quan, đơn vị liên quan trong quá trình triển "
        "khai thực hiện nhiệm vụ.",
        "II. MỤC TIÊU",
    ),
    header=("UBND HUYỆN ĐĂK R’LẤP", "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ"),
    signer=("TRƯỞNG BAN",),
    group_task="3.2",
    group_lead_line="- Đơn vị chủ trì: UBND các xã, thị trấn",
    group_members_sent={
        "Ủy ban nhân dân thị trấn Kiến Đức": "Thành lập 10 Tổ công nghệ số cộng đồng",
        "Ủy ban nhân dân xã Nhân Cơ": "14/14 thôn, bon có Tổ công nghệ số cộng đồng",
        "Ủy ban nhân dân xã Kiến Thành": "Thành lập 12/15 Tổ công nghệ số cộng đồng",
    },
    group_members_missing=("Ủy ban nhân dân xã Quảng Tín",),
    sent=(
        Unit(
            "vhtt",
            ("UBND HUYỆN ĐĂK R’LẤP", "PHÒNG VĂN HÓA VÀ THÔNG TIN"),
            ("TRƯỞNG PHÒNG",),
            "Ban Chỉ đạo chuyển đổi số",  # the receiving unit reports to the issuer
        ),
        Unit(
            "noi-vu",
            ("UBND HUYỆN ĐĂK R’LẤP", "PHÒNG NỘI VỤ"),
            ("TRƯỞNG PHÒNG",),
            "Phòng Văn hóa và Thông tin",
        ),
        Unit(
            "tckh",
            ("UBND HUYỆN ĐĂK R’LẤP", "PHÒNG TÀI CHÍNH - KẾ HOẠCH"),
            ("TRƯỞNG PHÒNG",),
            "Phòng Văn hóa và Thông tin",
        ),
        Unit(
            "van-phong",
            ("UBND HUYỆN ĐĂK R’LẤP", "VĂN PHÒNG HĐND VÀ UBND HUYỆN"),
            ("CHÁNH VĂN PHÒNG",),
            "Phòng Văn hóa và Thông tin",
        ),
        Unit(
            "ttvh",
            ("UBND HUYỆN ĐĂK R’LẤP", "TRUNG TÂM VĂN HÓA - THỂ THAO VÀ TRUYỀN THÔNG"),
            ("GIÁM ĐỐC",),
            "Phòng Văn hóa và Thông tin",
        ),
        Unit(
            "kien-duc",
            ("ỦY BAN NHÂN DÂN THỊ TRẤN KIẾN ĐỨC",),
            ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
            "Phòng Văn hóa và Thông tin",
        ),
        Unit(
            "nhan-co",
            ("ỦY BAN NHÂN DÂN XÃ NHÂN CƠ",),
            ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
            "Phòng Văn hóa và Thông tin",
        ),
        Unit(
            "kien-thanh",
            ("ỦY BAN NHÂN DÂN XÃ KIẾN THÀNH",),
            ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
            "Phòng Văn hóa và Thông tin",
        ),
    ),
    not_sent={"quang-tin": "chưa có tệp báo cáo đã gửi"},
    foreign=(
        "Đồng Nai",
        "ĐỒNG NAI",
        "Khoa học và Công nghệ",
        "KH-SKHCN",
        "BC-SKHCN",
        "Phòng Kế hoạch Tài chính",
        "Phòng KHTC",
        "phòng, đơn vị",
        "xã, phường, thị trấn",  # a huyện has no phường
        "sở, ban, ngành",
        "Lâm Đồng",
    ),
    outside=(2022, 2024),
)

EXAMPLE_LIST = [LAM_DONG, DAK_RLAP]
IDS = [example.folder for example in EXAMPLE_LIST]
ALL_SENT = [(example, unit) for example in EXAMPLE_LIST for unit in example.sent]
ALL_SENT_IDS = [f"{example.folder}:{unit.id}" for example, unit in ALL_SENT]


# --- helpers ---------------------------------------------------------------------------------


@pytest.fixture
def copy_of(tmp_path: Path):
    def make(example: Example) -> Path:
        target = tmp_path / example.folder
        shutil.copytree(EXAMPLES / example.folder, target, ignore=shutil.ignore_patterns(".*"))
        return target

    return make


def plan_data(example: Example) -> dict[str, Any]:
    text = (EXAMPLES / example.folder / "data/plan.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def leaf_tasks(tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    leaves = []
    for task in tasks:
        if task.get("subtasks"):
            leaves.extend(leaf_tasks(task["subtasks"]))
        else:
            leaves.append(task)
    return leaves


def lines(document: Any) -> list[str]:
    """Every paragraph of the body, tables included, as printed (runs joined)."""
    text_tag, breaks = qn("w:t"), {qn("w:br"), qn("w:tab")}

    def printed(paragraph: Any) -> str:
        parts = [
            (node.text or "") if node.tag == text_tag else " "
            for node in paragraph.iter()
            if node.tag == text_tag or node.tag in breaks
        ]
        return "".join(parts).replace("\xa0", " ")

    return [printed(p) for p in document.element.body.iter(qn("w:p"))]


def squash(text: str) -> str:
    return " ".join(text.split())


def header_paragraphs(document: Any) -> list[tuple[str, bool]]:
    """The issuer cell of the header: (text, bold) of each non-empty paragraph."""
    cell = document.tables[0].cell(0, 0)
    out = []
    for paragraph in cell.paragraphs:
        runs = [run for run in paragraph.runs if run.text.strip()]
        if runs:
            out.append((squash(paragraph.text), all(bool(run.bold) for run in runs)))
    return out


def signer_lines(document: Any) -> list[str]:
    for table in document.tables:
        if table.cell(0, 0).text.startswith("Nơi nhận"):
            cell = table.cell(0, 1)
            return [p.text for p in cell.paragraphs if p.text.strip()]
    raise AssertionError("no signer block")


def report(cli, root: Path, example: Example, out: Path, *args: str):
    return cli(
        "report",
        "--root",
        str(root),
        "--year",
        str(example.year),
        "--as-of",
        example.as_of,
        "-o",
        str(out),
        *args,
    )


@pytest.fixture
def consolidated(cli, copy_of, tmp_path: Path):
    def make(example: Example) -> Any:
        root = copy_of(example)
        out = tmp_path / "bao-cao.docx"
        result = report(cli, root, example, out)
        assert result.code == 0, result.stderr
        return Document(out)

    return make


# --- the workspaces --------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLE_LIST, ids=IDS)
def test_the_example_validates_strictly(cli, copy_of, example: Example):
    result = cli("validate", "--strict", "--root", str(copy_of(example)))
    assert result.code == 0, result.stderr
    assert "Dữ liệu hợp lệ" in result.stderr + result.stdout


@pytest.mark.parametrize("example", EXAMPLE_LIST, ids=IDS)
def test_the_readme_says_what_is_real_and_what_is_sample(example: Example):
    readme = (EXAMPLES / example.folder / "README.md").read_text(encoding="utf-8")
    assert "MẪU" in readme and "tái dựng" in readme.lower() and "nguyên văn" in readme.lower()
    for path in (EXAMPLES / example.folder / "data/progress").rglob("*.yaml"):
        assert "DỮ LIỆU MẪU" in path.read_text(encoding="utf-8"), path


# --- the plan document -----------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLE_LIST, ids=IDS)
def test_the_plan_renders_its_verbatim_opening_and_every_task_line(
    cli, copy_of, tmp_path: Path, example: Example
):
    root = copy_of(example)
    out = tmp_path / "ke-hoach.docx"
    result = cli("plan", "render", "--root", str(root), "-o", str(out))
    assert result.code == 0, result.stderr
    printed = [squash(line) for line in lines(Document(out))]
    for paragraph in example.verbatim:
        assert squash(paragraph) in printed, paragraph
    data = plan_data(example)
    section = next(s for s in data["sections"] if s.get("content") == "tasks")
    deadline_label = section.get("deadline_label", "Thời gian hoàn thành")
    product_label = section.get("product_label", "Sản phẩm")
    leaves = leaf_tasks(data["tasks"])
    assert len(leaves) >= 8
    for task in leaves:
        assert f"- {deadline_label}: {task['deadline']}" in printed, task["id"]
        assert f"- {product_label}: {squash(task['product'])}" in printed, task["id"]
    assert example.group_lead_line in printed


# --- the consolidated report -----------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLE_LIST, ids=IDS)
def test_consolidated_report_header_and_signer(consolidated, example: Example):
    document = consolidated(example)
    header = header_paragraphs(document)
    assert [text for text, _ in header] == list(example.header)
    if len(example.header) == 1:  # an issuer without a parent body: its name alone, bold
        assert header[0][1]
    else:  # parent line regular, the issuer bold
        assert [bold for _, bold in header] == [False, True]
    assert signer_lines(document)[: len(example.signer)] == list(example.signer)


@pytest.mark.parametrize("example", EXAMPLE_LIST, ids=IDS)
def test_consolidated_report_signer_without_a_name_prints_no_name(consolidated, example: Example):
    assert signer_lines(consolidated(example)) == list(example.signer)


@pytest.mark.parametrize("example", EXAMPLE_LIST, ids=IDS)
def test_consolidated_report_gives_each_member_of_the_leading_group(consolidated, example: Example):
    text = [squash(line) for line in lines(consolidated(example))]
    start = next(i for i, line in enumerate(text) if f"(nhiệm vụ {example.group_task})" in line)
    end = next(i for i, line in enumerate(text[start + 1 :], start + 1) if "(nhiệm vụ " in line)
    part = "\n".join(text[start:end])
    assert "mỗi đơn vị chủ trì phần của mình" in part
    for member, result in example.group_members_sent.items():
        assert f"- {member}: " in part, member
        assert result in part, member
    for member in example.group_members_missing:
        assert f"Chưa có báo cáo của: {member}" in part


@pytest.mark.parametrize("example", EXAMPLE_LIST, ids=IDS)
def test_consolidated_report_shows_every_task_deadline(consolidated, example: Example):
    text = "\n".join(squash(line) for line in lines(consolidated(example)))
    label = next(
        section.get("deadline_label", "Thời gian hoàn thành")
        for section in plan_data(example)["sections"]
        if section.get("content") == "tasks"
    )  # the plan's own word for it
    for task in leaf_tasks(plan_data(example)["tasks"]):
        assert f"- {label}: {task['deadline']}" in text, task["id"]


@pytest.mark.parametrize("example", EXAMPLE_LIST, ids=IDS)
def test_consolidated_report_has_no_phrase_of_another_agency(consolidated, example: Example):
    text = "\n".join(lines(consolidated(example)))
    for phrase in example.foreign:
        assert phrase not in text, phrase


@pytest.mark.parametrize("example", EXAMPLE_LIST, ids=IDS)
def test_assessment_counts_a_group_led_task_its_members_reported(consolidated, example: Example):
    text = "\n".join(lines(consolidated(example)))
    assert "chưa có báo cáo của đơn vị chủ trì" not in text


# --- every unit's report ---------------------------------------------------------------------


@pytest.mark.parametrize(("example", "unit"), ALL_SENT, ids=ALL_SENT_IDS)
def test_unit_report_header_signer_and_addressee(
    cli, copy_of, tmp_path: Path, example: Example, unit: Unit
):
    out = tmp_path / f"bao-cao-{unit.id}.docx"
    result = report(cli, copy_of(example), example, out, "--unit", unit.id)
    assert result.code == 0, result.stderr
    document = Document(out)
    header = header_paragraphs(document)
    assert [text for text, _ in header] == list(unit.header)
    assert header[-1][1]  # the unit's own name is bold
    assert all(not bold for _, bold in header[:-1])  # its parent line is not
    assert signer_lines(document) == list(unit.signer)
    text = "\n".join(lines(document))
    assert f"Kính gửi: {unit.addressee}." in text
    for phrase in example.foreign:
        assert phrase not in text, phrase


@pytest.mark.parametrize("example", EXAMPLE_LIST, ids=IDS)
def test_a_group_members_own_report_holds_its_part_in_full(
    cli, copy_of, tmp_path: Path, example: Example
):
    root = copy_of(example)
    names = {unit["name"]: unit["id"] for unit in plan_data(example)["units"]}
    for member, result_phrase in example.group_members_sent.items():
        out = tmp_path / f"{names[member]}.docx"
        assert report(cli, root, example, out, "--unit", names[member]).code == 0
        text = "\n".join(squash(line) for line in lines(Document(out)))
        assert "chủ trì phần của đơn vị" in text
        assert result_phrase in text
        for other, other_phrase in example.group_members_sent.items():
            if other != member:
                assert other_phrase not in text, (member, other)


@pytest.mark.parametrize("example", EXAMPLE_LIST, ids=IDS)
def test_the_receiving_units_report_does_not_send_to_itself(
    cli, copy_of, tmp_path: Path, example: Example
):
    receiver = plan_data(example)["reporting"]["receiver"]
    name = next(u["name"] for u in plan_data(example)["units"] if u["id"] == receiver)
    out = tmp_path / "nhan.docx"
    assert report(cli, copy_of(example), example, out, "--unit", receiver).code == 0
    text = "\n".join(lines(Document(out)))
    assert f"Gửi báo cáo về {name}" not in text


@pytest.mark.parametrize("example", EXAMPLE_LIST, ids=IDS)
def test_a_unit_that_has_not_sent_gets_no_report(cli, copy_of, tmp_path: Path, example: Example):
    root = copy_of(example)
    for unit, why in example.not_sent.items():
        out = tmp_path / f"{unit}.docx"
        result = report(cli, root, example, out, "--unit", unit)
        assert result.code == 1, unit
        assert "chưa gửi báo cáo" in result.stderr and why in result.stderr
        assert not out.exists()


# --- status and the plan period --------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLE_LIST, ids=IDS)
def test_status_tells_late_and_missing_units(cli, copy_of, example: Example):
    root = copy_of(example)
    args = ("--root", str(root), "--year", str(example.year), "--as-of", example.as_of)
    result = cli("status", *args)
    assert result.code == 0, result.stderr
    assert "gửi muộn" in result.stdout and "chưa gửi, quá hạn" in result.stdout
    assert cli("status", *args, "--check-deadline").code == 1


@pytest.mark.parametrize("example", EXAMPLE_LIST, ids=IDS)
def test_a_year_outside_the_plan_period_is_refused(cli, copy_of, tmp_path: Path, example: Example):
    root = copy_of(example)
    for year in example.outside:
        status = cli("status", "--root", str(root), "--year", str(year))
        out = tmp_path / f"{year}.docx"
        written = cli("report", "--root", str(root), "--year", str(year), "-o", str(out))
        for result in (status, written):
            assert result.code != 0
            assert f"năm {year}" in result.stderr and example.period in result.stderr
        assert not out.exists()


# --- reporting periods: 6 tháng and năm (the Lâm Đồng example) ----------------------------
#
# reporting.periods: 6-thang (months 1-6, deadline 05/6) and nam (months 1-12, deadline
# '15/01 năm sau': the report on 2024 is due 15/01/2025). Expectations computed by hand from
# the submitted_on of data/progress/2024/6-thang/*.yaml and data/progress/2024/*.yaml:
# days late = sent − deadline; days overdue = as-of − deadline (05/06 → 01/07 is 26 days,
# 15/01 → 01/02 is 17 days).

SIX_MONTHS = ("6-thang", "2024-07-01")  # (period, as-of)
WHOLE_YEAR = ("nam", "2025-02-01")
EXPECTED_SUBMISSIONS = {  # unit → (sent, state, days late or overdue)
    "6-thang": {
        "stttt": ("2024-06-04", "on_time", None),
        "sxd": ("2024-06-05", "on_time", None),  # on the deadline day: on time
        "stc": ("2024-05-31", "on_time", None),
        "skhdt": (None, "missing", 26),
        "sgtvt": (None, "missing", 26),
        "da-lat": ("2024-06-03", "on_time", None),
        "bao-loc": ("2024-06-04", "on_time", None),  # on time here, late for the year
        "duc-trong": ("2024-05-30", "on_time", None),  # sent this one, not the yearly one
        "lam-ha": ("2024-06-12", "late", 7),
    },
    "nam": {
        "stttt": ("2024-12-20", "on_time", None),
        "sxd": ("2024-12-18", "on_time", None),
        "stc": ("2025-01-10", "on_time", None),
        "skhdt": ("2025-01-15", "on_time", None),  # on the deadline day: on time
        "sgtvt": (None, "draft", 17),
        "da-lat": ("2024-12-26", "on_time", None),
        "bao-loc": ("2025-01-22", "late", 7),
        "duc-trong": (None, "missing", 17),
        "lam-ha": ("2025-01-08", "on_time", None),
    },
}
# The appendix of the consolidated report: (unit, sent, state, days late), in plan order.
EXPECTED_APPENDIX = {
    "6-thang": [
        ("Sở Kế hoạch và Đầu tư", "—", "chưa gửi, quá hạn 26 ngày", "—"),
        ("Sở Giao thông vận tải", "—", "chưa gửi, quá hạn 26 ngày", "—"),
        ("Ủy ban nhân dân huyện Lâm Hà", "12/06/2024", "gửi muộn", "7"),
    ],
    "nam": [
        ("Sở Giao thông vận tải", "—", "bản nháp, chưa gửi, quá hạn 17 ngày", "—"),
        ("Ủy ban nhân dân thành phố Bảo Lộc", "22/01/2025", "gửi muộn", "7"),
        ("Ủy ban nhân dân huyện Đức Trọng", "—", "chưa gửi, quá hạn 17 ngày", "—"),
    ],
}
EXPECTED_REPORT = {  # title, section IV, the line of section I on who sent (7/9: 6 + 1 late)
    "6-thang": (
        "Kết quả thực hiện Kế hoạch số 8124/KH-UBND 6 tháng đầu năm 2024",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024",
        "- Đến ngày 01/07/2024, 7/9 đơn vị đã gửi báo cáo về Sở Thông tin và Truyền thông "
        "(6 đúng hạn, 1 gửi muộn; hạn 05/06/2024); chưa gửi: Sở KH&ĐT, Sở GTVT.",
    ),
    "nam": (
        "Kết quả thực hiện Kế hoạch số 8124/KH-UBND năm 2024",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025",
        "- Đến ngày 01/02/2025, 7/9 đơn vị đã gửi báo cáo về Sở Thông tin và Truyền thông "
        "(6 đúng hạn, 1 gửi muộn; hạn 15/01/2025); chưa gửi: Sở GTVT (đang soạn, chưa gửi), "
        "H. Đức Trọng.",
    ),
}
PERIODS = [SIX_MONTHS, WHOLE_YEAR]
PERIOD_IDS = [period for period, _ in PERIODS]


def period_args(root: Path, period: str, as_of: str) -> tuple[str, ...]:
    return ("--root", str(root), "--year", "2024", "--period", period, "--as-of", as_of)


def appendix_rows(document: Any) -> list[tuple[str, ...]]:
    """The rows of the last table headed 'STT | Đơn vị | Ngày gửi …' (the appendix)."""
    head = ["STT", "Đơn vị", "Ngày gửi"]
    table = [t for t in document.tables if [c.text for c in t.rows[0].cells[:3]] == head][-1]
    return [tuple(cell.text for cell in row.cells[1:]) for row in table.rows[1:]]


def test_the_plan_reports_every_six_months_and_every_year():
    periods = plan_data(LAM_DONG)["reporting"]["periods"]
    assert [(p["id"], p["months"], p["deadline"]) for p in periods] == [
        ("6-thang", "1-6", "05/6"),
        ("nam", "1-12", "15/01 năm sau"),
    ]
    six_months = EXAMPLES / LAM_DONG.folder / "data/progress/2024/6-thang"
    assert sorted(path.stem for path in six_months.glob("*.yaml")) == sorted(
        unit for unit, (sent, _, _) in EXPECTED_SUBMISSIONS["6-thang"].items() if sent
    )


@pytest.mark.parametrize(("period", "as_of"), PERIODS, ids=PERIOD_IDS)
def test_status_of_each_period_gives_its_late_list_and_days(cli, copy_of, period: str, as_of: str):
    root = copy_of(LAM_DONG)
    args = period_args(root, period, as_of)
    result = cli("status", *args, "--by", "submission", "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["deadline"] == {"6-thang": "2024-06-05", "nam": "2025-01-15"}[period]
    rows = {
        row["unit"]: (
            row["submitted_on"],
            row["state"],
            row["days_late"] if row["days_late"] is not None else row["days_overdue"],
        )
        for row in data["views"]["submission"]["rows"]
    }
    assert rows == EXPECTED_SUBMISSIONS[period]
    table = cli("status", *args)
    assert table.code == 0, table.stderr
    deadline = {"6-thang": "05/06/2024", "nam": "15/01/2025"}[period]
    assert f"hạn nộp {deadline}" in table.stdout  # a next-year deadline in full, too
    assert cli("status", *args, "--check-deadline").code == 1


def test_the_yearly_period_is_the_default(cli, copy_of):
    root = copy_of(LAM_DONG)
    common = ("--root", str(root), "--year", "2024", "--as-of", "2025-02-01")
    default = cli("status", *common, "--by", "submission", "--format", "json")
    explicit = cli("status", *common, "--period", "nam", "--by", "submission", "--format", "json")
    assert default.code == explicit.code == 0
    assert json.loads(default.stdout) == json.loads(explicit.stdout)


@pytest.mark.parametrize(("period", "as_of"), PERIODS, ids=PERIOD_IDS)
def test_the_report_of_each_period(cli, copy_of, tmp_path: Path, period: str, as_of: str):
    out = tmp_path / f"bao-cao-{period}.docx"
    result = cli("report", *period_args(copy_of(LAM_DONG), period, as_of), "-o", str(out))
    assert result.code == 0, result.stderr
    document = Document(out)
    text = [squash(line) for line in lines(document)]
    title, direction, who_sent = EXPECTED_REPORT[period]
    assert title in text
    assert direction in text
    assert who_sent in text
    assert appendix_rows(document) == EXPECTED_APPENDIX[period]
    other = {"6-thang": "năm 2024", "nam": "6 tháng đầu năm 2024"}[period]
    assert f"Kết quả thực hiện Kế hoạch số 8124/KH-UBND {other}" not in text


def test_the_yearly_deadline_is_shown_as_a_full_date(cli, copy_of, tmp_path: Path):
    out = tmp_path / "bao-cao-2024.docx"
    assert cli("report", *period_args(copy_of(LAM_DONG), *WHOLE_YEAR), "-o", str(out)).code == 0
    text = "\n".join(lines(Document(out)))
    assert "hạn 15/01/2025" in text
    assert "15/01 năm sau" not in text and "hạn 15/01/2024" not in text


@pytest.mark.parametrize(("period", "as_of"), PERIODS, ids=PERIOD_IDS)
def test_the_group_led_task_and_the_summed_indicator_in_each_period(
    cli, copy_of, tmp_path: Path, period: str, as_of: str
):
    out = tmp_path / "bao-cao.docx"
    assert cli("report", *period_args(copy_of(LAM_DONG), period, as_of), "-o", str(out)).code == 0
    text = "\n".join(squash(line) for line in lines(Document(out)))
    if period == "6-thang":  # every district sent: 9 + 6 + 7 + 4 stations
        assert "bình quân 4/4 đơn vị chủ trì có báo cáo" in text
        assert "26 trạm (tổng của 4 đơn vị" in text
    else:  # Đức Trọng has not sent its yearly report: 14 + 9 + 11, said to be partial
        # a mean over 3 of the 4 leads is not the task's progress: said to be partial
        assert "chưa đủ báo cáo (3/4 đơn vị chủ trì); bình quân phần đã báo cáo" in text
        assert "34 trạm (tổng của 3/4 đơn vị" in text
        assert "chưa có số liệu của H. Đức Trọng" in text


def test_one_unit_on_time_for_six_months_and_late_for_the_year(cli, copy_of, tmp_path: Path):
    """TP. Bảo Lộc: 6-month report sent 04/06/2024 (deadline 05/06/2024), yearly report sent
    22/01/2025 (deadline 15/01/2025: 7 days late); its own reports say so, dated at its place
    on the day each was sent (a report dated after its own sending contradicts itself)."""
    root = copy_of(LAM_DONG)
    six_months = tmp_path / "bao-loc-6-thang.docx"
    args = period_args(root, *SIX_MONTHS)
    assert cli("report", *args, "--unit", "bao-loc", "-o", str(six_months)).code == 0
    document = Document(six_months)
    assert document.tables[0].cell(1, 1).text == "Bảo Lộc, ngày 04 tháng 6 năm 2024"
    text = [squash(line) for line in lines(document)]
    assert (
        "Ủy ban nhân dân thành phố Bảo Lộc gửi báo cáo ngày 04/06/2024, đúng hạn "
        "(hạn 05/06/2024)." in text
    )
    assert not any("gửi muộn" in line or "sau hạn" in line for line in text)

    yearly = tmp_path / "bao-loc-nam.docx"
    args = period_args(root, *WHOLE_YEAR)
    assert cli("report", *args, "--unit", "bao-loc", "-o", str(yearly)).code == 0
    document = Document(yearly)
    assert document.tables[0].cell(1, 1).text == "Bảo Lộc, ngày 22 tháng 01 năm 2025"
    assert appendix_rows(document) == [
        ("Ủy ban nhân dân thành phố Bảo Lộc", "22/01/2025", "gửi muộn", "7")
    ]
    assert any("22/01/2025" in line and "15/01/2025" in line for line in lines(document))


def test_a_unit_may_have_sent_one_periods_report_and_not_the_other(cli, copy_of, tmp_path: Path):
    root = copy_of(LAM_DONG)
    for unit, sent, refused in (
        ("duc-trong", SIX_MONTHS, WHOLE_YEAR),
        ("skhdt", WHOLE_YEAR, SIX_MONTHS),
    ):
        ok = tmp_path / f"{unit}-ok.docx"
        assert cli("report", *period_args(root, *sent), "--unit", unit, "-o", str(ok)).code == 0
        no = tmp_path / f"{unit}-no.docx"
        result = cli("report", *period_args(root, *refused), "--unit", unit, "-o", str(no))
        assert result.code == 1 and "chưa gửi báo cáo" in result.stderr
        label = {"6-thang": "6 tháng đầu năm 2024", "nam": "năm 2024"}[refused[0]]
        assert f"chưa gửi báo cáo {label}" in result.stderr
        assert not no.exists()


@pytest.mark.parametrize(
    ("today", "head", "flagged"),
    [
        (
            "2024-07-01",
            "Hạn nộp báo cáo 6 tháng đầu năm 2024 (05/06/2024) đã qua; 3 đơn vị chưa đạt:",
            [
                "Sở KH&ĐT (skhdt): chưa gửi, quá hạn 26 ngày",
                "Sở GTVT (sgtvt): chưa gửi, quá hạn 26 ngày",
                "H. Lâm Hà (lam-ha): gửi muộn 7 ngày (gửi 12/06/2024)",
            ],
        ),
        (
            "2025-02-01",  # January's deadline is last year's yearly report
            "Hạn nộp báo cáo năm 2024 (15/01/2025) đã qua; 3 đơn vị chưa đạt:",
            [
                "TP. Bảo Lộc (bao-loc): gửi muộn 7 ngày (gửi 22/01/2025)",
                "H. Đức Trọng (duc-trong): chưa gửi, quá hạn 17 ngày",
            ],
        ),
    ],
)
def test_the_deadline_check_takes_the_deadline_passed_most_recently(
    cli, copy_of, today: str, head: str, flagged: list[str]
):
    result = cli("status", "--check-deadline", "--as-of", today, "--root", str(copy_of(LAM_DONG)))
    assert result.code == 1
    printed = [line.strip(" -") for line in result.stdout.splitlines()]
    assert head in printed
    for line in flagged:
        assert line in printed
    if today == "2025-02-01":
        assert any(line.startswith("Sở GTVT (sgtvt): bản nháp") for line in printed)


def test_an_overdue_tasks_deadline_reads_as_part_of_the_sentence(cli, copy_of):
    """The plan writes "Năm 2024" and "Quý II/2024" at the start of a line; inside the
    status's sentence they read "(hạn năm 2024)", "(hạn quý II/2024)"."""
    root = copy_of(LAM_DONG)
    result = cli("status", "--root", str(root), "--year", "2024", "--as-of", "2025-02-01")
    assert result.code == 0, result.stderr
    attention = " ".join(result.stdout.split("Tiến độ các nhiệm vụ")[0].split())
    assert "(hạn quý II/2024)" in attention and "(hạn năm 2024)" in attention
    assert "hạn Năm" not in attention and "hạn Quý" not in attention
