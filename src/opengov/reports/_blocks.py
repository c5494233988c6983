"""A document as paragraphs and grid tables, written as minimal HTML (private).

The PDF and Word readers turn a file into :class:`Para` and :class:`Grid` blocks in
reading order and hand the HTML of :func:`blocks_html` to
:func:`~opengov.reports.parse_html.parse_report_html`, so one table reader serves
every kind of file. A grid places each cell at its row and column with its spans,
as the document draws it. A slot that no cell covers is written as an unread cell
(``?``, as the HTML reader itself reads a missing slot), never as an empty one,
which would read as blank.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

__all__ = ["Block", "Box", "Grid", "Para", "blocks_html", "join_grids", "join_lines"]

UNREAD_SLOT = "?"
_MAX_HEADER_ROWS = 8  # header rows a continued table may repeat (table 四 has 3)


class Para(NamedTuple):
    """A paragraph of prose."""

    text: str


class Box(NamedTuple):
    """A cell placed in a grid: its top-left slot, its spans and its text."""

    row: int
    col: int
    rowspan: int
    colspan: int
    text: str


class Grid(NamedTuple):
    """A table as a grid of ``rows`` x ``cols`` slots and the cells covering them."""

    rows: int
    cols: int
    boxes: tuple[Box, ...]

    def occupied(self) -> dict[tuple[int, int], Box] | None:
        """Slot to cell, or ``None`` when two cells claim one slot or one lies outside."""
        slots: dict[tuple[int, int], Box] = {}
        for box in self.boxes:
            if (
                box.row < 0
                or box.col < 0
                or box.rowspan < 1
                or box.colspan < 1
                or box.row + box.rowspan > self.rows
                or box.col + box.colspan > self.cols
            ):
                return None
            for r in range(box.row, box.row + box.rowspan):
                for c in range(box.col, box.col + box.colspan):
                    if (r, c) in slots:
                        return None
                    slots[(r, c)] = box
        return slots


Block = Para | Grid

_CJK_END = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]$")
_CJK_START = re.compile(r"^[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def join_lines(lines: Iterable[str]) -> str:
    """Lines of one paragraph or cell as one string.

    A line break between two Chinese characters is dropped (Chinese has no spaces
    between words); any other becomes a space.

    >>> join_lines(["三、本年度", "办理结果", "12 ", " 3"])
    '三、本年度办理结果 12 3'
    """
    out = ""
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        if out and not (_CJK_END.search(out) and _CJK_START.search(line)):
            out += " "
        out += line
    return out


def _rows(grid: Grid) -> list[list[Box]]:
    rows: list[list[Box]] = [[] for _ in range(grid.rows)]
    for box in grid.boxes:
        rows[box.row].append(box)
    for row in rows:
        row.sort(key=lambda b: b.col)
    return rows


def _signature(grid: Grid, rows: int) -> list[tuple[int, int, int, int, str]] | None:
    """The first ``rows`` rows as comparable cells, or ``None`` if a cell reaches past them."""
    sig = []
    for box in grid.boxes:
        if box.row < rows:
            if box.row + box.rowspan > rows:
                return None
            sig.append((box.row, box.col, box.rowspan, box.colspan, "".join(box.text.split())))
    return sorted(sig)


def join_grids(first: Grid, second: Grid) -> Grid:
    """One table continued in another with the same columns (split by a page).

    Header rows the second part repeats are dropped; a cell merged down to the
    first part's last row whose continuation in the second part is empty is
    extended, as it was one cell before the page split it.
    """
    assert first.cols == second.cols
    repeated = 0
    for k in range(min(_MAX_HEADER_ROWS, first.rows, second.rows - 1), 0, -1):
        mine = _signature(first, k)
        if mine and mine == _signature(second, k):
            repeated = k
            break
    boxes = list(first.boxes)
    reaching = {
        (b.col, b.colspan): i for i, b in enumerate(boxes) if b.row + b.rowspan == first.rows
    }
    for box in second.boxes:
        if box.row < repeated:
            continue
        row = box.row - repeated + first.rows
        at = reaching.get((box.col, box.colspan))
        if box.row == repeated and at is not None and not box.text.strip():
            old = boxes[at]
            if old.rowspan > 1 or not old.text.strip():
                boxes[at] = old._replace(rowspan=old.rowspan + box.rowspan)
                continue
        boxes.append(box._replace(row=row))
    return Grid(first.rows + second.rows - repeated, first.cols, tuple(boxes))


def _cell(text: str, rowspan: int, colspan: int) -> str:
    spans = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
        f' colspan="{colspan}"' if colspan > 1 else ""
    )
    return f"<td{spans}>{html.escape(text)}</td>"


def _grid_html(grid: Grid, slots: dict[tuple[int, int], Box]) -> str:
    out = ["<table>"]
    rows = _rows(grid)
    for r in range(grid.rows):
        cells = []
        c = 0
        for box in rows[r]:
            while c < box.col:  # slots no cell covers, and slots of cells from above
                if (r, c) not in slots:
                    cells.append(_cell(UNREAD_SLOT, 1, 1))
                c += 1
            cells.append(_cell(box.text, box.rowspan, box.colspan))
            c = box.col + box.colspan
        while c < grid.cols:
            if (r, c) not in slots:
                cells.append(_cell(UNREAD_SLOT, 1, 1))
            c += 1
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def blocks_html(blocks: Sequence[Block]) -> str:
    """The blocks as a minimal HTML page for the HTML reader.

    A grid whose cells overlap (its columns cannot be told) is written as
    paragraphs of its cells' text, so none of its numbers is read as a cell.

    >>> grid = Grid(2, 2, (Box(0, 0, 2, 1, "a<b"), Box(0, 1, 1, 1, "1")))
    >>> print(blocks_html([Para("标题"), grid]))
    <html><body>
    <p>标题</p>
    <table>
    <tr><td rowspan="2">a&lt;b</td><td>1</td></tr>
    <tr><td>?</td></tr>
    </table>
    </body></html>
    """
    out = ["<html><body>"]
    for block in blocks:
        if isinstance(block, Para):
            if block.text.strip():
                out.append(f"<p>{html.escape(block.text)}</p>")
            continue
        slots = block.occupied()
        if slots is None:
            out.extend(f"<p>{html.escape(b.text)}</p>" for b in block.boxes if b.text.strip())
        else:
            out.append(_grid_html(block, slots))
    out.append("</body></html>")
    return "\n".join(out)
