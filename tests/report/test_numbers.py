"""Deep task numbers stay on one line in Table 1, a third-level heading is numbered, not a
bullet, and names that hold commas are set apart by ';'."""

from __future__ import annotations

from kehoach_cli import formatting as fmt
from kehoach_cli.model.plan import Task
from kehoach_cli.report.header_text import CELL_MARGINS_MM, text_width_mm
from kehoach_cli.report.parts.results import item_numbers
from kehoach_cli.report.template_builder import TASK_COLUMNS
from kehoach_cli.report.wording import join_names


def test_a_three_level_number_fits_the_tt_column_on_one_line():
    header, width, _, _ = TASK_COLUMNS[0]
    assert header == "TT"
    room = width - CELL_MARGINS_MM
    assert text_width_mm("3.2.10", size_pt=12, bold=True) <= room
    assert text_width_mm("3.2.1", size_pt=12, bold=True) <= room


def _tasks(*ids: str) -> tuple[list[Task], dict[str, str | None]]:
    tasks = [Task(id=i, title=f"Nhiệm vụ {i}") for i in ids]
    parents = {i: (i.rsplit(".", 1)[0] if "." in i else None) for i in ids}
    return tasks, parents


def test_two_levels_keep_numbers_and_letters():
    tasks, parents = _tasks("1", "2", "2.1", "2.2")
    assert item_numbers(tasks, parents) == {"1": "1.", "2": "2.", "2.1": "a)", "2.2": "b)"}


def test_a_third_level_heading_is_numbered_by_its_id_not_a_bullet():
    tasks, parents = _tasks("1", "3", "3.2", "3.2.1")
    numbers = item_numbers(tasks, parents)
    assert numbers["3.2.1"] == "3.2.1." and "-" not in numbers.values()
    assert numbers["3.2"] == "3.2."


def test_names_that_hold_commas_are_set_apart_by_semicolons():
    plain = ["Sở Tài chính", "Sở Nội vụ"]
    assert fmt.list_names(plain) == "Sở Tài chính, Sở Nội vụ"
    with_comma = ["UBND các xã, thị trấn", "Công an huyện"]
    assert fmt.list_names(with_comma) == "UBND các xã, thị trấn; Công an huyện"
    assert join_names([*with_comma, "Ban Chỉ huy quân sự huyện"]) == (
        "UBND các xã, thị trấn; Công an huyện và Ban Chỉ huy quân sự huyện"
    )
