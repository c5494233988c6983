"""Documents as paragraphs and grids: the HTML the PDF and Word readers hand on.

The grids are the shapes found in printed reports: table 三's header rows repeated
on a new page, a row cut in two by a page break, a label merged down over a page
break, a line drawn in one column only.
"""

from __future__ import annotations

import pytest

from opengov.reports import parse_report_html
from opengov.reports._blocks import (
    Box,
    Grid,
    Para,
    blocks_html,
    drop_empty_boundaries,
    join_grids,
    join_lines,
)

HEADER = (Box(0, 0, 1, 1, "信息内容"), Box(0, 1, 1, 1, "本年处理决定数量"))


def test_repeated_header_rows_are_dropped() -> None:
    first = Grid(2, 2, (*HEADER, Box(1, 0, 1, 1, "行政许可"), Box(1, 1, 1, 1, "412")))
    second = Grid(2, 2, (*HEADER, Box(1, 0, 1, 1, "行政处罚"), Box(1, 1, 1, 1, "58")))
    joined = join_grids(first, second)
    assert joined == Grid(3, 2, (*first.boxes, Box(2, 0, 1, 1, "行政处罚"), Box(2, 1, 1, 1, "58")))


def test_a_row_cut_by_the_page_is_one_row_again() -> None:
    first = Grid(
        1, 2, (Box(0, 0, 1, 1, "2.申请人逾期未按收费通知要求缴纳费"), Box(0, 1, 1, 1, "0"))
    )
    second = Grid(
        1, 2, (Box(0, 0, 1, 1, "用、行政机关不再处理其政府信息公开申请"), Box(0, 1, 1, 1, ""))
    )
    joined = join_grids(first, second, split_row=True)
    assert joined == Grid(
        1,
        2,
        (
            Box(
                0,
                0,
                1,
                1,
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            ),
            Box(0, 1, 1, 1, "0"),
        ),
    )
    # without the cut, the second row stays a row of its own
    assert join_grids(first, second).rows == 2


def test_a_label_merged_down_goes_on_over_the_next_page() -> None:
    # page 1: the label and one row; page 2: an empty slice of the label, then a row
    first = Grid(1, 2, (Box(0, 0, 1, 1, "三、本年度办理结果"), Box(0, 1, 1, 1, "6")))
    empty_slice = Grid(1, 2, (Box(0, 0, 1, 1, ""), Box(0, 1, 1, 1, "2")))
    no_slice = Grid(1, 2, (Box(0, 1, 1, 1, "2"),))  # nothing drawn in column 0
    expected = Grid(
        2, 2, (Box(0, 0, 2, 1, "三、本年度办理结果"), Box(0, 1, 1, 1, "6"), Box(1, 1, 1, 1, "2"))
    )
    assert join_grids(first, no_slice) == expected
    # a one-row label cannot go on over a page (its row would be cut): an empty
    # cell below it is a cell of its own
    assert join_grids(first, empty_slice).boxes == (
        *first.boxes,
        *(b._replace(row=1) for b in empty_slice.boxes),
    )
    merged = Grid(2, 2, (Box(0, 0, 2, 1, "三、本年度办理结果"), Box(0, 1, 1, 1, "6"),
                         Box(1, 1, 1, 1, "8")))  # fmt: skip
    assert join_grids(merged, empty_slice).boxes[0] == Box(0, 0, 3, 1, "三、本年度办理结果")


def test_a_number_is_never_joined_to_another() -> None:
    first = Grid(1, 2, (Box(0, 0, 1, 1, "行政许可"), Box(0, 1, 1, 1, "412")))
    second = Grid(1, 2, (Box(0, 0, 1, 1, "行政处罚"), Box(0, 1, 1, 1, "58")))
    joined = join_grids(first, second)
    assert [b.text for b in joined.boxes] == ["行政许可", "412", "行政处罚", "58"]


def test_a_boundary_only_an_empty_cell_draws_is_dropped() -> None:
    # 3.其他 spans two grid rows because column 0 has a line between them
    grid = Grid(
        2,
        3,
        (Box(0, 0, 1, 1, "三、本年度"), Box(1, 0, 1, 1, ""), Box(0, 1, 2, 1, "3.其他"),
         Box(0, 2, 2, 1, "1")),
    )  # fmt: skip
    assert drop_empty_boundaries(grid) == Grid(
        1, 3, (Box(0, 0, 1, 1, "三、本年度"), Box(0, 1, 1, 1, "3.其他"), Box(0, 2, 1, 1, "1"))
    )
    # a boundary a cell with text starts at stays
    kept = Grid(2, 2, (Box(0, 0, 2, 1, "label"), Box(0, 1, 1, 1, "1"), Box(1, 1, 1, 1, "2")))
    assert drop_empty_boundaries(kept) == kept


def test_uncovered_slots_are_unread_and_overlaps_are_not_read_as_cells() -> None:
    page = blocks_html(
        [
            Para("某局2021年政府信息公开工作年度报告"),
            Grid(1, 3, (Box(0, 0, 1, 1, "a"), Box(0, 2, 1, 1, "1"))),
            Grid(1, 2, (Box(0, 0, 1, 2, "x"), Box(0, 1, 1, 1, "7"))),
        ]
    )
    assert "<tr><td>a</td><td>?</td><td>1</td></tr>" in page
    assert "<p>x</p>\n<p>7</p>" in page
    with pytest.raises(Exception, match="no table 三"):
        parse_report_html(page)


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["2021年，本机关共收到", "申请63件。"], "2021年，本机关共收到申请63件。"),
        (["发布信息672", "条"], "发布信息672条"),
        (["1,28", "4"], "1,28 4"),
        (["", "  行政 许可 "], "行政 许可"),
    ],
)
def test_lines_are_joined_as_chinese_is_written(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined
