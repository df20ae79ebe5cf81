"""Write a synthetic, valid kehoach workspace at province scale (deterministic per seed).

    python benchmarks/make_corpus.py --units 120 --tasks 300 --years 10 --out /tmp/corpus

Tasks form a tree (top-level groups with leaf tasks under them, leaves have a lead and
cooperating units); every unit reports every year on the tasks it leads and on some it
cooperates on, with about 40 activities per file and Vietnamese text. The result passes
`kehoach validate`.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

WORDS = (
    "triển khai nghiên cứu đề xuất chính sách hỗ trợ doanh nghiệp đổi mới sáng tạo chuyển giao "
    "công nghệ khoa học tiêu chuẩn đo lường chất lượng thông tin tuyên truyền hội thảo tập huấn "
    "khảo sát đánh giá xây dựng cơ sở dữ liệu hệ sinh thái khởi nghiệp nhân lực trí thức thị "
    "trường sở hữu trí tuệ ứng dụng kiểm tra giám sát phối hợp tổng hợp báo cáo"
).split()


def sentence(rng: random.Random, low: int = 6, high: int = 16) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def money(rng: random.Random) -> int:
    return rng.randint(5, 500) * 1_000_000


def vn_money(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def quote(text: str) -> str:
    return '"' + text.replace('"', "'") + '"'


def plan_text(
    rng: random.Random, units: int, tasks: int
) -> tuple[str, dict[str, str], dict[str, list[str]]]:
    unit_ids = [f"dv{n:03d}" for n in range(1, units + 1)]
    groups = max(1, tasks // 10)
    leaves_per_group = max(1, (tasks - groups) // groups)
    lines = [
        "# Kế hoạch tổng hợp cho đo hiệu năng (dữ liệu giả lập, không phải văn bản thật).",
        "schema_version: 1",
        "document:",
        "  type: KẾ HOẠCH",
        "  symbol: KH-THU",
        "  place: Thử Nghiệm",
        '  date: "2023"',
        "  parent_body: UBND tỉnh Thử Nghiệm",
        "  issuing_body: Sở Thử Nghiệm",
        f"  title: {quote(sentence(rng, 12, 20))}",
        f"  preamble: {quote(sentence(rng, 20, 30))}",
        '  closing: "Trên đây là Kế hoạch./."',
        '  recipients: [Như trên, "Lưu: VT"]',
        "  signer: {title: GIÁM ĐỐC, name: Người Ký}",
        "sections:",
        "  purposes: {heading: MỤC ĐÍCH, items: [" + quote(sentence(rng)) + "]}",
        "  tasks: {heading: NHIỆM VỤ}",
        "  schedule_budget: {heading: THỜI GIAN, items: [" + quote(sentence(rng)) + "]}",
        "  organization: {heading: TỔ CHỨC, items: [" + quote(sentence(rng)) + "]}",
        "units:",
    ]
    lines += [f"  - {{id: {u}, name: Đơn vị số {u[2:]}, kind: phong}}" for u in unit_ids]
    lines += ["  - {id: ngoai, name: Cơ quan thống kê, kind: external}"]
    lines += [
        "groups:",
        f"  - {{id: tat-ca, name: Tất cả đơn vị, members: [{', '.join(unit_ids)}]}}",
    ]
    lines.append("tasks:")
    leads: dict[str, str] = {}
    cooperators: dict[str, list[str]] = {}
    counter = 0
    for group in range(1, groups + 1):
        lines += [f'  - id: "{group}"', f"    title: {quote(sentence(rng, 4, 8))}", "    subtasks:"]
        for leaf in range(1, leaves_per_group + 1):
            task_id = f"{group}.{leaf}"
            lead = unit_ids[counter % len(unit_ids)]
            counter += 1
            others = rng.sample([u for u in unit_ids if u != lead], k=min(4, len(unit_ids) - 1))
            leads[task_id] = lead
            cooperators[task_id] = others
            lines += [
                f'      - id: "{task_id}"',
                f"        name: {quote(sentence(rng, 4, 9)[:-1])}",
                f"        text: [{quote(sentence(rng, 20, 40))}]",
                f"        lead: {lead}",
                f"        cooperate: [{', '.join(others)}]",
            ]
    lines += [
        "indicators:",
        '  - {id: chi-so, name: Chỉ số tổng hợp, unit_of_measure: "%", target: "62,8", '
        'comparison: about, period: {start: 2011, end: 2025}, task: "1.1"}',
        "reporting:",
        '  deadline: "15/11"',
        f"  receiver: {unit_ids[0]}",
        f"  escalation_to: {unit_ids[0]}",
        "  report:",
        "    symbol: BC-THU",
        "    addressees: [UBND tỉnh Thử Nghiệm]",
        '    recipients: [Như trên, "Lưu: VT"]',
        "    signer: {title: GIÁM ĐỐC, name: Người Ký}",
    ]
    return "\n".join(lines) + "\n", leads, cooperators


def progress_text(
    rng: random.Random, unit: str, year: int, tasks: list[str], activities: int, led: set[str]
) -> str:
    lines = [
        "# Dữ liệu giả lập cho đo hiệu năng.",
        "schema_version: 1",
        f"unit: {unit}",
        f"year: {year}",
        f"submitted_on: {rng.randint(1, 20):02d}/11/{year}",
        "prepared_by: Cán bộ tổng hợp",
        "tasks:",
    ]
    per_task = [activities // len(tasks)] * len(tasks)
    for extra in range(activities - sum(per_task)):
        per_task[extra] += 1
    for task_id, count in zip(tasks, per_task, strict=True):
        progress = rng.choice([0, 20, 40, 60, 80, 100])
        status = (
            "done" if progress == 100 else rng.choice(["in_progress", "delayed", "not_started"])
        )
        if status == "not_started" and (progress or task_id in led):
            status = "in_progress"
        lines += [
            f'  "{task_id}":',
            f"    status: {status}",
            f"    progress: {progress}%",
            "    activities:",
        ]
        for _ in range(count):
            start_month = rng.randint(1, 9)
            due_month = rng.randint(start_month, 12)
            planned = money(rng)
            spent = rng.randint(0, planned // 1_000_000) * 1_000_000
            # work finished after the report was sent would contradict it (KH325)
            done = rng.random() < 0.5 and due_month <= 10
            lines += [
                f"      - title: {quote(sentence(rng, 6, 14)[:-1])}",
                f"        start: 01/{start_month:02d}/{year}",
                f"        due: 28/{due_month:02d}/{year}",
            ]
            if done:
                lines += [f"        finished_on: 28/{due_month:02d}/{year}", "        status: done"]
            else:
                lines.append("        status: in_progress")
            lines += [
                f"        budget: {{planned: {vn_money(planned)}, spent: {vn_money(spent)}}}",
                f"        result: {quote(sentence(rng, 10, 24))}",
            ]
        lines += [
            f"    results: {quote(sentence(rng, 20, 40))}",
            "    difficulties:",
            f"      - {{text: {quote(sentence(rng))}, raised_on: 15/06/{year}, resolved: false}}",
            f"    proposals: [{quote(sentence(rng))}]",
            f"    next_year: [{quote(sentence(rng))}]",
        ]
    if "1.1" in led:
        value = str(rng.randint(300, 600) / 10).replace(".", ",")
        lines += ["indicators:", f'  chi-so: {{value: "{value}"}}']
    return "\n".join(lines) + "\n"


LAST_YEAR = 2025


def make_corpus(
    out: Path, units: int, tasks: int, years: int, seed: int, activities: int = 40
) -> int:
    """Write the workspace; returns the number of progress files."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "data" / "progress").mkdir(parents=True)
    plan, leads, cooperators = plan_text(rng, units, tasks)
    (out / "data" / "plan.yaml").write_text(plan, encoding="utf-8")
    led_by: dict[str, list[str]] = {}
    for task_id, lead in leads.items():
        led_by.setdefault(lead, []).append(task_id)
    helps: dict[str, list[str]] = {}
    for task_id, others in cooperators.items():
        for unit in others:
            helps.setdefault(unit, []).append(task_id)
    count = 0
    # Years that have passed: a report sent after today is warned about (KH324).
    first_year = LAST_YEAR - years
    for year in range(first_year + 1, first_year + years + 1):
        folder = out / "data" / "progress" / str(year)
        folder.mkdir()
        for unit_number in range(1, units + 1):
            unit = f"dv{unit_number:03d}"
            own = led_by.get(unit, [])
            extra = rng.sample(helps.get(unit, []), k=min(2, len(helps.get(unit, []))))
            task_list = own + [t for t in extra if t not in own]
            if not task_list:
                continue
            text = progress_text(rng, unit, year, task_list, activities, set(own))
            (folder / f"{unit}.yaml").write_text(text, encoding="utf-8")
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=120)
    parser.add_argument("--tasks", type=int, default=300)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--activities", type=int, default=40, help="activities per file")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    files = make_corpus(args.out, args.units, args.tasks, args.years, args.seed, args.activities)
    size = sum(p.stat().st_size for p in args.out.rglob("*.yaml"))
    print(f"{files} tệp tiến độ, {size / 1e6:.1f} MB trong {args.out}")


if __name__ == "__main__":
    main()
