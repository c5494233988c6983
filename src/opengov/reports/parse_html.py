"""Parsing annual reports from HTML (年度报告网页), with the standard library only.

Governments publish reports as web pages whose tables use ``rowspan`` and
``colspan`` like the official format. :func:`parse_html_tables` reads every table
into an :class:`HtmlTable` (cells with their spans, and :meth:`HtmlTable.grid`, the
rectangular grid with spanned cells repeated); :func:`parse_report_html` reads the
whole report. The report reader works on the cells in document order, so merged
label cells need no special handling; prose outside tables gives the text parts.

Legal basis:
    - report-format-2019, report-format-2021 (the labels searched for).

>>> from opengov.reports import parse_html_tables
>>> t = parse_html_tables('<table><tr><td rowspan="2">a</td><td>b</td></tr><tr><td>c</td></tr></table>')[0]
>>> t.grid()
(('a', 'b'), ('a', 'c'))
"""

from __future__ import annotations

from html.parser import HTMLParser

from opengov._model import FrozenModel
from opengov.errors import InvalidInputError
from opengov.outcomes import ReportFormat
from opengov.reports._reader import CELL, PARA, ROW_END, TABLE_END, Tok, read_report
from opengov.reports.model import AnnualReport
from opengov.reports.parse_text import _format_arg

__all__ = ["HtmlCell", "HtmlTable", "parse_html_tables", "parse_report_html"]

_BLOCKS = frozenset(
    {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "title", "section", "article"}
)
_SKIP = frozenset({"script", "style"})


class HtmlCell(FrozenModel):
    """A ``td``/``th`` with its text and spans."""

    text: str
    rowspan: int = 1
    colspan: int = 1


class HtmlTable(FrozenModel):
    """A table as published: rows of cells with their spans."""

    rows: tuple[tuple[HtmlCell, ...], ...]

    def grid(self) -> tuple[tuple[str, ...], ...]:
        """The table as a rectangle: a spanned cell's text fills every slot it covers."""
        placed: dict[tuple[int, int], str] = {}
        width = 0
        for r, row in enumerate(self.rows):
            c = 0
            for cell in row:
                while (r, c) in placed:
                    c += 1
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        placed[(r + dr, c + dc)] = cell.text
                c += cell.colspan
                width = max(width, c)
        height = max((r for r, _ in placed), default=-1) + 1
        return tuple(tuple(placed.get((r, c), "") for c in range(width)) for r in range(height))


def _span(value: str | None) -> int:
    try:
        n = int((value or "1").strip())
    except ValueError:
        return 1
    return n if 1 <= n <= 1000 else 1


class _Collector(HTMLParser):
    def __init__(self, keep_tables: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.keep_tables = keep_tables
        self.tokens: list[Tok] = []
        self.tables: list[list[list[HtmlCell]]] = []
        self._depth = 0
        self._cell: list[str] | None = None
        self._spans = (1, 1)
        self._para: list[str] = []
        self._skip = 0

    def _flush_para(self) -> None:
        text = " ".join("".join(self._para).split())
        if text:
            self.tokens.append(Tok(text, PARA))
        self._para = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip += 1
        elif tag == "table":
            self._flush_para()
            self._depth += 1
            self.tables.append([])
        elif tag == "tr" and self._depth:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self._depth:
            a = dict(attrs)
            self._cell = []
            self._spans = (_span(a.get("rowspan")), _span(a.get("colspan")))
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")
        elif tag in _BLOCKS and self._cell is None:
            self._flush_para()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in ("td", "th") and self._cell is not None:
            self._end_cell()
        elif tag == "tr" and self._depth:
            if self._cell is not None:
                self._end_cell()
            self.tokens.append(Tok("", ROW_END))
        elif tag == "table" and self._depth:
            if self._cell is not None:
                self._end_cell()
            self._depth -= 1
            self.tokens.append(Tok("", TABLE_END))
        elif tag in _BLOCKS and self._cell is None:
            self._flush_para()

    def _end_cell(self) -> None:
        assert self._cell is not None
        text = " ".join("".join(self._cell).split())
        self.tokens.append(Tok(text, CELL))
        if self.keep_tables and self.tables and self.tables[-1]:
            self.tables[-1][-1].append(
                HtmlCell(text=text, rowspan=self._spans[0], colspan=self._spans[1])
            )
        self._cell = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._cell is not None:
            self._cell.append(data)
        elif not self._depth:
            self._para.append(data)

    def close(self) -> None:
        super().close()
        self._flush_para()


def _collect(html: str, keep_tables: bool = False) -> _Collector:
    if not isinstance(html, str):
        raise InvalidInputError(f"html must be a str, got {type(html).__name__}")
    c = _Collector(keep_tables)
    c.feed(html)
    c.close()
    return c


def parse_html_tables(html: str) -> tuple[HtmlTable, ...]:
    """Every table in a page, in document order."""
    c = _collect(html, keep_tables=True)
    return tuple(HtmlTable(rows=tuple(tuple(row) for row in table if row)) for table in c.tables)


def parse_report_html(
    html: str,
    *,
    agency: str | None = None,
    year: int | None = None,
    format: ReportFormat | str | None = None,
) -> AnnualReport:
    """Parse a report from its HTML page; same options as :func:`parse_report_text`."""
    c = _collect(html)
    return read_report(c.tokens, agency=agency, year=year, format=_format_arg(format))
