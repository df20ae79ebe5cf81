"""`kehoach init`: the essentials from the command line, visible placeholders that fail
validation (located, on the line that says what to write) for the rest, nothing of one
agency kept silently."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from kehoach_cli.cli.init import PERIOD_IDS
from kehoach_cli.scaffold.essentials import KNOWN_PERIODS

YEAR = date.today().year
UBND_TINH = (
    "--issuer", "Ủy ban nhân dân tỉnh Mẫu",
    "--title", f"Chuyển đổi số năm {YEAR}",
    "--symbol", "KH-UBND",
    "--place", "Mẫu",
    "--signer", "KT. CHỦ TỊCH/PHÓ CHỦ TỊCH",
    "--deadline", "15/01 năm sau",
    "--receiver-name", "Sở Tài chính",
    "--report-to", "Bộ Tài chính",
)  # fmt: skip
SO = (
    "--issuer", "Sở Tài chính",
    "--parent", "UBND tỉnh Mẫu",
    "--title", "Cải cách hành chính",
    "--symbol", "KH-STC",
    "--place", "Mẫu",
    "--signer", "GIÁM ĐỐC",
    "--period", "6-thang=15/6",
    "--period", "nam=15/12",
    "--receiver-name", "Văn phòng Sở",
    "--years", f"{YEAR}-{YEAR + 4}",
)  # fmt: skip
# What each essential left out leaves in data/plan.yaml: the fields refused.
PLACEHOLDER_FIELDS = {
    "--issuer": ["document.issuing_body", "document.preamble[1]"],
    "--title": ["document.title", "document.preamble[1]", "document.closing"],
    "--symbol": ["document.symbol", "reporting.report.symbol"],
    "--place": ["document.place"],
    "--signer": ["document.signer.title", "reporting.report.signer.title"],
    "--deadline": ["reporting.deadline"],
    "--receiver-name": ["units[1].name", "units[1].kind"],
    "--report-to": ["reporting.report.addressees[1]"],
}
AGENCY_WORDING = ("Sở Khoa học", "KH-SKHCN", "SKHCN", "Các phòng thuộc Sở", "15/11", "Đồng Nai")
TEXT_FILES = (
    "data/plan.yaml",
    ".pre-commit-config.yaml",
    ".github/workflows/kehoach.yml",
    ".gitlab-ci.yml",
    "README.md",
)


def _errors(stderr: str) -> dict[str, int]:
    """field → line of each located error on data/plan.yaml."""
    found = {}
    for line in stderr.splitlines():
        if line.startswith("data/plan.yaml:") and "[lỗi]" in line:
            place, _, rest = line.partition(" [lỗi] ")
            found[rest.split(":")[0]] = int(place.split(":")[1])
    return found


def _without(args: tuple[str, ...], option: str) -> list[str]:
    out, skip = [], False
    for arg in args:
        if skip:
            skip = False
        elif arg == option:
            skip = True
        else:
            out.append(arg)
    return out


def test_init_with_every_essential_validates_strict(cli, tmp_path: Path):
    result = cli("init", "kho", *UBND_TINH, cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert "Còn thiếu" not in result.stderr and "--unit so-tai-chinh" in result.stderr
    root = tmp_path / "kho"
    for name in (*TEXT_FILES, "data/progress/.gitkeep", "templates/bao-cao.docx"):
        assert (root / name).exists(), name
    assert (root / "schemas/plan.schema.json").exists()
    checked = cli("validate", "--strict", cwd=root)
    assert checked.code == 0, checked.stderr
    plan = yaml.safe_load((root / "data/plan.yaml").read_text(encoding="utf-8"))
    document, reporting = plan["document"], plan["reporting"]
    assert "parent_body" not in document  # a UBND has no parent body
    assert document["issuing_body"] == "Ủy ban nhân dân tỉnh Mẫu"
    assert document["signer"] == {"authority": "KT. CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH"}
    assert document["preamble"] == [
        f"Ủy ban nhân dân tỉnh Mẫu ban hành Kế hoạch chuyển đổi số năm {YEAR} như sau:"
    ]
    assert plan["units"] == [{"id": "so-tai-chinh", "name": "Sở Tài chính", "kind": "so_nganh"}]
    assert plan["period"] == {"start": YEAR, "end": YEAR}
    assert reporting["deadline"] == "15/01 năm sau"
    assert reporting["receiver"] == reporting["escalation_to"] == "so-tai-chinh"
    assert reporting["report"]["symbol"] == "BC-UBND"
    assert reporting["report"]["addressees"] == ["Bộ Tài chính"]
    assert reporting["report"]["signer"] == document["signer"]
    # A fresh repository passes the deadline check CI runs on a schedule, and works on.
    assert cli("status", "--check-deadline", cwd=root).code == 0
    assert cli("new", "--unit", "so-tai-chinh", "--year", str(YEAR), cwd=root).code == 0
    assert cli("validate", cwd=root).code == 0


def test_a_so_plan_with_reporting_periods(cli, tmp_path: Path):
    assert cli("init", "kho", *SO, cwd=tmp_path).code == 0
    root = tmp_path / "kho"
    checked = cli("validate", "--strict", cwd=root)
    assert checked.code == 0, checked.stderr
    plan = yaml.safe_load((root / "data/plan.yaml").read_text(encoding="utf-8"))
    assert plan["document"]["parent_body"] == "UBND tỉnh Mẫu"
    assert plan["document"]["signer"] == {"title": "GIÁM ĐỐC"}
    assert plan["units"][0] == {"id": "van-phong-so", "name": "Văn phòng Sở", "kind": "van_phong"}
    assert plan["period"] == {"start": YEAR, "end": YEAR + 4}
    assert "deadline" not in plan["reporting"]
    assert plan["reporting"]["periods"] == [
        {"id": "6-thang", "name": "6 tháng đầu năm", "months": "1-6", "deadline": "15/6"},
        {"id": "nam", "name": "năm", "months": "1-12", "deadline": "15/12"},
    ]
    assert plan["reporting"]["report"]["addressees"] == ["UBND tỉnh Mẫu"]  # the parent
    assert plan["reporting"]["report"]["symbol"] == "BC-STC"
    early = cli("status", "--check-deadline", "--as-of", f"{YEAR}-01-02", cwd=root)
    assert early.code == 0 and "Chưa có hạn nộp báo cáo nào đã qua" in early.stdout


def test_init_without_options_fails_validation_on_each_placeholder_line(cli, tmp_path: Path):
    result = cli("init", "kho", cwd=tmp_path)
    assert result.code == 0, result.stderr
    for option in PLACEHOLDER_FIELDS:
        assert option in result.stderr.split("Còn thiếu:")[1].split("\n")[0]
    root = tmp_path / "kho"
    checked = cli("validate", cwd=root)
    assert checked.code == 1
    errors = _errors(checked.stderr)
    expected = {field for fields in PLACEHOLDER_FIELDS.values() for field in fields}
    assert set(errors) == expected, checked.stderr
    lines = (root / "data/plan.yaml").read_text(encoding="utf-8").splitlines()
    for field, number in errors.items():
        assert "ĐIỀN" in lines[number - 1], (field, lines[number - 1])  # says what to write
    # The messages say what is wrong and what is accepted.
    assert "không được để trống" in checked.stderr
    assert "Giá trị 'ĐIỀN' không thuộc các giá trị cho phép" in checked.stderr
    assert "so_nganh, ubnd_huyen, ubnd_xa, phong" in checked.stderr
    assert "'ĐIỀN: ngày/tháng' không phải dạng ngày/tháng" in checked.stderr
    assert "15/01 năm sau" in checked.stderr


@pytest.mark.parametrize("option", list(PLACEHOLDER_FIELDS))
def test_each_essential_left_out_is_refused_where_it_belongs(cli, tmp_path: Path, option):
    args = _without(UBND_TINH, option)
    assert cli("init", "kho", *args, cwd=tmp_path).code == 0
    root = tmp_path / "kho"
    checked = cli("validate", cwd=root)
    assert checked.code == 1
    assert set(_errors(checked.stderr)) == set(PLACEHOLDER_FIELDS[option]), checked.stderr


def test_a_receiver_of_unknown_kind_gets_a_placeholder_kind(cli, tmp_path: Path):
    args = [*_without(UBND_TINH, "--receiver-name"), "--receiver-name", "Công an tỉnh"]
    result = cli("init", "kho", *args, cwd=tmp_path)
    assert "--receiver-kind" in result.stderr
    checked = cli("validate", cwd=tmp_path / "kho")
    assert set(_errors(checked.stderr)) == {"units[1].kind"}
    assert cli("init", "hai", *args, "--receiver-kind", "so_nganh", cwd=tmp_path).code == 0
    assert cli("validate", "--strict", cwd=tmp_path / "hai").code == 0


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--deadline", "15-11"], "--deadline: '15-11' không phải hạn nộp"),
        (["--period", "hang-tuan=05/6"], "các kỳ: 6-thang"),
        (["--period", "6-thang"], "cần dạng <kỳ>=<hạn nộp>"),
        (["--period", "nam=31-12"], "--period: '31-12' không phải hạn nộp"),
        (["--deadline", "15/12", "--period", "nam=15/12"], "chỉ dùng một trong --deadline"),
        (["--receiver-kind", "so"], "dùng một trong: so_nganh"),
        (["--receiver-name", "!!!"], "ghi --receiver-id"),
        (["--receiver-id", "Sở TC"], "ghi --receiver-id"),
        (["--years", "2030-2026"], "--years '2030-2026'"),
    ],
)
def test_wrong_options_are_refused_before_writing(cli, tmp_path: Path, args, words):
    result = cli("init", "kho", *args, cwd=tmp_path)
    assert result.code == 2 and words in result.stderr, result.stderr
    assert not (tmp_path / "kho").exists()


@pytest.mark.parametrize("args", [(), UBND_TINH, SO], ids=["no-options", "ubnd", "so"])
def test_no_agency_wording_in_the_new_repository(cli, tmp_path: Path, args):
    assert cli("init", "kho", *args, cwd=tmp_path).code == 0
    for name in TEXT_FILES:
        text = (tmp_path / "kho" / name).read_text(encoding="utf-8")
        for words in AGENCY_WORDING:
            assert words not in text, (name, words)
    plan = (tmp_path / "kho/data/plan.yaml").read_text(encoding="utf-8")
    # Neutral examples of both shapes of plan in the comments.
    assert "kind: ubnd_huyen" in plan and "lead: group:cac-huyen" in plan
    assert "kind: phong" in plan and "kind: so_nganh" in plan


def test_values_are_written_as_yaml_text_whatever_they_contain(cli, tmp_path: Path):
    odd = 'Ủy ban "Mẫu": #1 \\ no'
    args = [*_without(UBND_TINH, "--issuer"), "--issuer", odd]
    assert cli("init", "kho", *args, "--receiver-id", "true", cwd=tmp_path).code == 0
    root = tmp_path / "kho"
    assert cli("validate", "--strict", cwd=root).code == 0
    plan = yaml.safe_load((root / "data/plan.yaml").read_text(encoding="utf-8"))
    assert plan["document"]["issuing_body"] == odd
    assert plan["reporting"]["receiver"] == "true"


def test_period_ids_in_the_help_are_the_known_periods():
    assert PERIOD_IDS.split(", ") == list(KNOWN_PERIODS)


def test_init_refuses_a_non_empty_folder_and_force_keeps_existing_files(cli, tmp_path: Path):
    (tmp_path / "ghi-chu.txt").write_text("của tôi", encoding="utf-8")
    (tmp_path / "README.md").write_text("README riêng", encoding="utf-8")
    refused = cli("init", ".", cwd=tmp_path)
    assert refused.code == 2 and "--force" in refused.stderr
    assert not (tmp_path / "data").exists()
    forced = cli("init", ".", "--force", cwd=tmp_path)
    assert forced.code == 0 and "Giữ nguyên 1 tệp" in forced.stderr
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "README riêng"
    assert (tmp_path / "data/plan.yaml").exists()


def _vscode_glob(pattern: str) -> re.Pattern[str]:
    """A yaml.schemas file pattern as Red Hat's YAML extension reads it: '**/' put in front,
    '**' any folders, '*' any name within one folder."""
    regex = ""
    for part in re.split(r"(\*\*/|\*)", "**/" + pattern.lstrip("/")):
        regex += {"**/": "(?:.*/)?", "*": "[^/]*"}.get(part, re.escape(part))
    return re.compile(regex + "$")


def test_init_sets_up_vscode_with_the_schemas_and_the_yaml_extension(cli, tmp_path: Path):
    import json
    import subprocess
    import sys

    assert cli("init", "kho", *UBND_TINH, cwd=tmp_path).code == 0
    root = tmp_path / "kho"
    assert cli("new", "--unit", "so-tai-chinh", "--year", str(YEAR), cwd=root).code == 0
    [progress] = (root / "data/progress").rglob("*.yaml")

    extensions = json.loads((root / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert extensions == {"recommendations": ["redhat.vscode-yaml"]}
    settings = json.loads((root / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert set(mapping) == {"./schemas/plan.schema.json", "./schemas/progress.schema.json"}
    files = {"plan": root / "data/plan.yaml", "progress": progress}
    for schema, pattern in mapping.items():
        assert (root / schema).is_file(), schema
        kind = Path(schema).name.split(".")[0]
        matched = [
            k
            for k, f in files.items()
            if _vscode_glob(pattern).search(f.relative_to(root).as_posix())
        ]
        assert matched == [kind], (pattern, matched)
        # The file the pattern maps is valid against the schema it is mapped to.
        checked = subprocess.run(
            [
                sys.executable,
                "-m",
                "check_jsonschema",
                "--schemafile",
                str(root / schema),
                str(files[kind]),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert checked.returncode == 0, checked.stdout + checked.stderr


def test_vscode_glob_reads_patterns_as_the_yaml_extension_does():
    progress = _vscode_glob("data/progress/**/*.yaml")
    assert progress.search("data/progress/2024/qlkh.yaml")
    assert progress.search("data/progress/2024/6-thang/qlkh.yaml")
    assert not progress.search("data/plan.yaml")
    assert _vscode_glob("data/plan.yaml").search("data/plan.yaml")
    assert not _vscode_glob("data/plan.yaml").search("data/plan.yaml.bak")


def test_the_plans_date_follows_the_years_it_covers(cli, tmp_path: Path):
    """A plan of earlier years is dated in its first year, not the year init runs in."""
    args = _without(SO, "--years")
    result = cli("init", "kho", *args, "--years", "2024-2025", cwd=tmp_path)
    assert result.code == 0, result.stderr
    plan = yaml.safe_load((tmp_path / "kho/data/plan.yaml").read_text(encoding="utf-8"))
    assert plan["document"]["date"] == "2024"
    assert plan["period"] == {"start": 2024, "end": 2025}
