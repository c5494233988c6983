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

__all__ = [
    "Block",
    "Box",
    "Grid",
    "Para",
    "blocks_html",
    "drop_empty_boundaries",
    "join_grids",
    "join_lines",
]

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

    A line break next to a Chinese character is dropped (Chinese has no spaces
    between words, nor between a number and its measure word); one between two
    other characters becomes a space.

    >>> join_lines(["三、本年度", "办理结果", "12", "件，", "12 ", " 3"])
    '三、本年度办理结果12件，12 3'
    """
    out = ""
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        if out and not (_CJK_END.search(out) or _CJK_START.search(line)):
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


def join_grids(first: Grid, second: Grid, *, split_row: bool = False) -> Grid:
    """One table continued in another with the same columns (split by a page).

    Header rows the second part repeats are dropped; a cell merged down to the
    first part's last row whose continuation in the second part is empty is
    extended, as it was one cell before the page split it. With ``split_row``, the
    page cut a row in two: the second part's first row is the rest of the first
    part's last row, and each of its cells is joined to the cell above it (texts
    joined), when the two rows have the same cells; else the rows stay apart.
    """
    assert first.cols == second.cols
    repeated = 0 if split_row else _repeated_header(first, second)
    boxes = list(first.boxes)
    reaching = {
        (b.col, b.colspan): i for i, b in enumerate(boxes) if b.row + b.rowspan == first.rows
    }
    top = [b for b in second.boxes if b.row == repeated]
    overlap = int(split_row and bool(top) and all((b.col, b.colspan) in reaching for b in top))
    for box in second.boxes:
        if box.row < repeated:
            continue
        at = reaching.get((box.col, box.colspan))
        if box.row == repeated and at is not None:
            old = boxes[at]
            if overlap:
                boxes[at] = old._replace(
                    rowspan=old.rowspan + box.rowspan - 1, text=join_lines([old.text, box.text])
                )
                continue
            if not box.text.strip() and (old.rowspan > 1 or not old.text.strip()):
                boxes[at] = old._replace(rowspan=old.rowspan + box.rowspan)
                continue
        boxes.append(box._replace(row=box.row - repeated - overlap + first.rows))
    rows = first.rows + second.rows - repeated - overlap
    # A cell merged down to the first part's last row, over slots the second part
    # leaves uncovered (the page cut the cell and the next page drew no cell there),
    # goes on down over them.
    taken = {
        (r, c)
        for b in boxes
        for r in range(b.row, b.row + b.rowspan)
        for c in range(b.col, b.col + b.colspan)
    }
    for i in sorted(reaching.values()):
        old = boxes[i]
        end = old.row + old.rowspan
        while end < rows and not any(
            (end, c) in taken for c in range(old.col, old.col + old.colspan)
        ):
            taken.update((end, c) for c in range(old.col, old.col + old.colspan))
            end += 1
        boxes[i] = old._replace(rowspan=end - old.row)
    return Grid(rows, first.cols, tuple(boxes))


def _repeated_header(first: Grid, second: Grid) -> int:
    """How many of the second part's first rows repeat the first part's first rows."""
    for k in range(min(_MAX_HEADER_ROWS, first.rows, second.rows - 1), 0, -1):
        mine = _signature(first, k)
        if mine and mine == _signature(second, k):
            return k
    return 0


def drop_empty_boundaries(grid: Grid) -> Grid:
    """The grid without row boundaries that only empty cells draw.

    A line drawn in one column (a page's slice of a merged cell, a filler cell)
    splits the grid's rows where no cell with text ends or starts, so every other
    cell of the row spans two rows, and a number spanning rows is read as unread.
    A boundary at which only empty cells end or start is dropped: an empty cell
    ending there and one starting below it in the same columns become one, and a
    lone empty cell takes the slots of the row it joins, which no cell covered.

    >>> split = Grid(2, 3, (Box(0, 0, 1, 1, ""), Box(1, 0, 1, 1, ""),
    ...                     Box(0, 1, 2, 1, "3.其他"), Box(0, 2, 2, 1, "1")))
    >>> drop_empty_boundaries(split)
    Grid(rows=1, cols=3, boxes=(Box(row=0, col=0, rowspan=1, colspan=1, text=''), Box(row=0, col=1, rowspan=1, colspan=1, text='3.其他'), Box(row=0, col=2, rowspan=1, colspan=1, text='1')))
    """
    boxes = list(grid.boxes)
    rows = grid.rows
    k = 1
    while k < rows:
        starting = {(b.col, b.colspan): b for b in boxes if b.row == k}
        ending = {(b.col, b.colspan): b for b in boxes if b.row + b.rowspan == k}
        if not _droppable(starting, ending):
            k += 1
            continue
        moved = []
        for b in boxes:
            key = (b.col, b.colspan)
            if b.row < k < b.row + b.rowspan:
                b = b._replace(rowspan=b.rowspan - 1)
            elif b.row == k:
                if key in ending:  # joined to the cell above it
                    continue
                b = b._replace(row=k - 1)
            elif b.row + b.rowspan == k and key in starting:
                b = b._replace(rowspan=b.rowspan + starting[key].rowspan - 1)
            elif b.row > k:
                b = b._replace(row=b.row - 1)
            moved.append(b)
        boxes = moved
        rows -= 1
    return Grid(rows, grid.cols, tuple(boxes))


def _droppable(starting: dict[tuple[int, int], Box], ending: dict[tuple[int, int], Box]) -> bool:
    """Whether a row boundary only empty cells start at can go (see above).

    Every cell starting there is empty, and either sits below a cell of the same
    columns ending there (they become one, with the upper one's text) or below
    slots no cell covers; a cell ending there with no cell of its columns below
    goes on over uncovered slots.
    """
    if not starting and not ending:
        return False
    if any(b.text.strip() for b in starting.values()):
        return False

    def meets(a: tuple[int, int], b: tuple[int, int]) -> bool:
        return a[0] < b[0] + b[1] and b[0] < a[0] + a[1]

    return not any(meets(a, b) for a in starting if a not in ending for b in ending) and not any(
        meets(a, b) for a in ending if a not in starting for b in starting
    )


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
