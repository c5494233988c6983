"""Rendering annual reports (年度报告): Markdown, plain text, HTML and JSON.

The tables follow the official layout: table 三's three label columns (一/二/四 span
all three; 三、本年度办理结果 and the groups （三）（四）（五） and, in 2021, （六） are
merged cells), table 四's two header levels. :func:`to_html` uses ``rowspan`` and
``colspan`` exactly like the official tables; :func:`to_text` writes the
``|``-separated dump that :func:`~opengov.reports.parse_report_text` reads back;
:func:`to_markdown` writes GitHub-flavoured tables (table 四 transposed into three
rows, as Markdown has no merged cells). Text and Markdown both parse back with
:func:`~opengov.reports.parse_report_text` to the same cells (blanks and "/"
included). JSON is :meth:`AnnualReport.to_json`.

Legal basis:
    - report-format-2019, report-format-2021 (the layout).

>>> from opengov.reports import ApplicationTable, AnnualReport, to_text
>>> r = AnnualReport.create(agency="某局", year=2021, applications=ApplicationTable.empty(2021))
>>> print(to_text(r).splitlines()[0])
某局2021年政府信息公开工作年度报告
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from html import escape

from opengov.errors import InvalidInputError
from opengov.outcomes import OutcomeGroup, OutcomeRow, ReportFormat
from opengov.reports._tables import (
    APPLICANT_COLUMNS,
    BALANCE_NOTE,
    TYPE_COLUMNS,
    ApplicantColumn,
    Cell,
    CellKind,
    CellRef,
    ReportData,
    ReviewKind,
    ReviewResult,
    disclosure_layout,
    require_report,
)
from opengov.reports.checks import Finding, Severity, check_report

__all__ = ["to_html", "to_markdown", "to_styled_html", "to_text"]

_RESULTS = "三、本年度办理结果"
_PARTS = (
    ("overview", "一、总体情况"),
    ("disclosure", "二、主动公开政府信息情况"),
    ("applications", "三、收到和处理政府信息公开申请情况"),
    ("review", "四、政府信息公开行政复议、行政诉讼情况"),
    ("problems", "五、存在的主要问题及改进情况"),
    ("other_matters", "六、其他需要报告的事项"),
)


def title(report: ReportData) -> str:
    """The report's title, e.g. 某局2021年政府信息公开工作年度报告."""
    return f"{report.agency or ''}{report.year}年政府信息公开工作年度报告"


def _application_rows(report: ReportData) -> Iterator[tuple[str, str, str, tuple[Cell, ...]]]:
    """(label col 1, col 2, col 3, cells) per row; merged labels only on their first row."""
    fmt = report.format
    seen: set[OutcomeGroup] = set()
    first_result = True
    for row, cells in zip(fmt.rows, report.applications.cells, strict=False):
        if row.group is None:
            yield row.printed_zh, "", "", cells
            continue
        c1 = _RESULTS if first_result else ""
        first_result = False
        if _is_group_member(row, fmt):
            assert row.group is not None
            c2 = "" if row.group in seen else row.group.number_zh + row.group.label_zh
            seen.add(row.group)
            yield c1, c2, row.printed_zh, cells
        else:
            yield c1, row.printed_zh, "", cells


def _is_group_member(row: OutcomeRow, fmt: ReportFormat) -> bool:
    """True for numbered sub-items (1. 2. …) under a group heading."""
    return row.number_zh[0].isdigit()


def _v(cell: Cell) -> str:
    shown = cell.display()
    if cell.kind is CellKind.UNREAD and Cell.read(shown).kind is not CellKind.UNREAD:
        # an unread cell keeps what was printed (a run of digits, a blank); shown as
        # it is, it would be read back as a number or a blank
        return f"?{shown}"
    return shown


def _pipe_lines(report: ReportData, markdown: bool) -> Iterator[str]:
    def line(cells: list[str], header: bool = False) -> Iterator[str]:
        cells = [c.replace("|", "\\|") for c in cells]
        if markdown:
            yield "| " + " | ".join(cells) + " |"
            if header:
                yield "|" + "---|" * len(cells)
        else:
            yield " | ".join(cells) + " |"

    fmt = report.format
    text = report.text
    yield title(report)
    if markdown:
        yield ""
        yield f"（{fmt.document_no}格式）"
    for part, heading in _PARTS:
        yield ""
        yield ("## " if markdown else "") + heading
        prose = getattr(text, part)
        if prose:
            yield ""
            yield from prose.splitlines()
        if part == "disclosure":
            cells = iter(report.disclosure.cells)
            for section in disclosure_layout(fmt):
                yield ""
                width = len(section.columns) + 1
                yield from line([section.heading_zh] + [""] * (width - 1), header=True)
                yield from line(["信息内容"] + [c.label_zh for c in section.columns])
                for row in section.rows:
                    values = [_v(next(cells)) for _ in section.columns]
                    yield from line([row.label_zh_in(fmt), *values])
        elif part == "applications":
            yield ""
            yield from line(
                [BALANCE_NOTE, "", "", *(c.label_zh for c in APPLICANT_COLUMNS)], header=True
            )
            for c1, c2, c3, cells_ in _application_rows(report):
                yield from line([c1, c2, c3, *(_v(c) for c in cells_)])
        elif part == "review":
            yield ""
            if markdown:
                yield from line(["", *(r.label_zh for r in ReviewResult)], header=True)
                for kind in ReviewKind:
                    label = kind.label_zh
                    if kind is not ReviewKind.ADMINISTRATIVE_REVIEW:
                        label = "行政诉讼：" + label
                    yield from line(
                        [label, *(_v(report.review.cell(kind, r)) for r in ReviewResult)]
                    )
            else:
                results = [r.label_zh for r in ReviewResult]
                yield from line(["行政复议", "行政诉讼"])
                yield from line([*results, "未经复议直接起诉", "复议后起诉"])
                yield from line(results * 2)
                yield from line([_v(c) for c in report.review.cells])


def to_markdown(report: ReportData) -> str:
    """The report as Markdown: headings, prose and the three tables."""
    report = require_report(report)
    return "\n".join(_pipe_lines(report, markdown=True)) + "\n"


def to_text(report: ReportData) -> str:
    """The report as a ``|``-separated text dump (one table row per line)."""
    report = require_report(report)
    return "\n".join(_pipe_lines(report, markdown=False)) + "\n"


def _td(text: str, rowspan: int = 1, colspan: int = 1, cls: str = "", title: str = "") -> str:
    attrs = ""
    if rowspan > 1:
        attrs += f' rowspan="{rowspan}"'
    if colspan > 1:
        attrs += f' colspan="{colspan}"'
    if cls:
        attrs += f' class="{cls}"'
    if title:
        attrs += f' title="{escape(title)}"'
    return f"<td{attrs}>{escape(text)}</td>"


class _Style:
    """How each value cell of a styled page is marked: its classes and hover text."""

    def __init__(self, report: ReportData, findings: Iterable[Finding]) -> None:
        self.notes: dict[CellRef, list[Finding]] = {}
        for f in findings:
            for c in f.cells:
                if c.year is None or c.year == report.year:
                    self.notes.setdefault(c.ref, []).append(f)
        self.recovered = {ref for r in report.recoveries if r.recovered for ref in r.cells}

    def td(self, ref: CellRef, cell: Cell) -> str:
        classes: list[str] = []
        titles: list[str] = []
        if cell.kind is CellKind.NUMBER:
            classes.append("og-num")
        elif cell.kind is CellKind.UNREAD:
            classes.append("og-unread")
            titles.append(
                "未读取 (unread): " + (f"printed {cell.raw!r}" if cell.raw else "nothing was read")
            )
        elif cell.kind is CellKind.NOT_APPLICABLE:
            classes.append("og-na")
        if cell.recovered or ref in self.recovered:
            classes.append("og-recovered")
            titles.append("恢复 (recovered): split from a run of digits by the row's arithmetic")
        found = self.notes.get(ref, [])
        if any(f.severity is Severity.ERROR for f in found):
            classes.append("og-error")
        elif found:
            classes.append("og-warning")
        titles.extend(f"{f.severity.label_zh} {f.rule.value}: {f.message}" for f in found)
        return _td(_v(cell), cls=" ".join(classes), title="\n".join(titles))


def _tds(
    cells: tuple[Cell, ...] | list[Cell],
    style: _Style | None = None,
    refs: Iterable[CellRef] = (),
) -> str:
    if style is None:
        return "".join(_td(_v(c)) for c in cells)
    return "".join(style.td(ref, c) for ref, c in zip(refs, cells, strict=True))


def _html_applications(report: ReportData, style: _Style | None = None) -> Iterator[str]:
    fmt = report.format
    yield '<table class="opengov-report-table3" border="1">'
    yield f"<tr>{_td(BALANCE_NOTE, 3, 3)}{_td('申请人情况', 1, 7)}</tr>"
    yield f"<tr>{_td('自然人', 2)}{_td('法人或其他组织', 1, 5)}{_td('总计', 2)}</tr>"
    yield "<tr>" + "".join(_td(c.label_zh) for c in TYPE_COLUMNS[1:]) + "</tr>"
    group_size: dict[OutcomeGroup, int] = {}
    for row in fmt.result_rows:
        if _is_group_member(row, fmt) and row.group is not None:
            group_size[row.group] = group_size.get(row.group, 0) + 1
    seen: set[OutcomeGroup] = set()
    first_result = True
    for row, cells in zip(fmt.rows, report.applications.cells, strict=False):
        refs = [CellRef.applications(row, c) for c in ApplicantColumn]
        if row.group is None:
            yield f"<tr>{_td(row.printed_zh, 1, 3)}{_tds(cells, style, refs)}</tr>"
            continue
        head = _td(_RESULTS, len(fmt.result_rows)) if first_result else ""
        first_result = False
        if _is_group_member(row, fmt):
            g = row.group
            if g not in seen:
                seen.add(g)
                head += _td(g.number_zh + g.label_zh, group_size[g])
            yield f"<tr>{head}{_td(row.printed_zh)}{_tds(cells, style, refs)}</tr>"
        else:
            yield f"<tr>{head}{_td(row.printed_zh, 1, 2)}{_tds(cells, style, refs)}</tr>"
    yield "</table>"


def _html_review(report: ReportData, style: _Style | None = None) -> Iterator[str]:
    results = [r.label_zh for r in ReviewResult]
    yield '<table class="opengov-report-table4" border="1">'
    yield f"<tr>{_td('行政复议', 1, 5)}{_td('行政诉讼', 1, 10)}</tr>"
    yield (
        "<tr>"
        + "".join(_td(r, 2) for r in results)
        + _td("未经复议直接起诉", 1, 5)
        + _td("复议后起诉", 1, 5)
        + "</tr>"
    )
    yield "<tr>" + "".join(_td(r) for r in results * 2) + "</tr>"
    refs = [CellRef.review(k, r) for k in ReviewKind for r in ReviewResult]
    yield f"<tr>{_tds(report.review.cells, style, refs)}</tr>"
    yield "</table>"


def _html_disclosure(report: ReportData, style: _Style | None = None) -> Iterator[str]:
    fmt = report.format
    cells = iter(report.disclosure.cells)
    yield '<table class="opengov-report-table2" border="1">'
    for section in disclosure_layout(fmt):
        width = len(section.columns) + 1
        yield f"<tr>{_td(section.heading_zh, 1, width)}</tr>"
        yield "<tr>" + _td("信息内容") + "".join(_td(c.label_zh) for c in section.columns)
        yield "</tr>"
        for row in section.rows:
            values = [next(cells) for _ in section.columns]
            refs = [CellRef.disclosure(row, c) for c in section.columns]
            yield f"<tr>{_td(row.label_zh_in(fmt))}{_tds(values, style, refs)}</tr>"
    yield "</table>"


def _html_body(report: ReportData, style: _Style | None) -> list[str]:
    out = ['<div class="opengov-report">', f"<h1>{escape(title(report))}</h1>"]
    for part, heading in _PARTS:
        out.append(f"<h2>{escape(heading)}</h2>")
        out.extend(f"<p>{escape(p)}</p>" for p in getattr(report.text, part).splitlines() if p)
        if part == "disclosure":
            out.extend(_html_disclosure(report, style))
        elif part == "applications":
            out.extend(_html_applications(report, style))
        elif part == "review":
            out.extend(_html_review(report, style))
    out.append("</div>")
    return out


def to_html(report: ReportData) -> str:
    """The report as an HTML fragment with the official table layout."""
    report = require_report(report)
    return "\n".join(_html_body(report, None)) + "\n"


_CSS = """
.opengov-report { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
  "Microsoft YaHei", sans-serif; font-size: 13px; }
.opengov-report h1 { font-size: 16px; } .opengov-report h2 { font-size: 14px; }
.opengov-report table { border-collapse: collapse; margin: 4px 0 12px; }
.opengov-report td { border: 1px solid #bbb; padding: 2px 6px; text-align: left; }
.opengov-report td.og-num { text-align: right; font-variant-numeric: tabular-nums; }
.opengov-report td.og-na { text-align: center; color: #888; }
.opengov-report td.og-unread { background: #eee; color: #666; font-style: italic;
  text-align: right; }
.opengov-report td.og-recovered { text-decoration: underline dotted; background: #eef5ff; }
.opengov-report td.og-warning { background: #fff4d6; }
.opengov-report td.og-error { background: #ffd9d9; font-weight: bold; cursor: help; }
.opengov-report .og-legend span { padding: 0 6px; margin-right: 6px; border: 1px solid #bbb; }
"""


def to_styled_html(report: ReportData, findings: Iterable[Finding] | None = None) -> str:
    """The report as a styled HTML fragment, as a notebook shows it (``_repr_html_``).

    The official layout of :func:`to_html`, with a ``<meta charset="utf-8">``, a
    style sheet scoped to the report and marked cells: numbers right-aligned;
    cells named by a finding highlighted (errors red, warnings amber) with the
    findings' messages on hover (``title``); unread cells grey with what was
    printed on hover; recovered cells (split from a run of digits) underlined.
    ``findings`` default to :func:`~opengov.reports.check_report`'s.

    >>> from opengov.reports import parse_report
    >>> page = to_styled_html(parse_report("tests/data/reports/f2019-errors.html"))
    >>> '<meta charset="utf-8">' in page, 'class="og-num og-error"' in page
    (True, True)
    """
    report = require_report(report)
    if findings is None:
        findings = check_report(report)
    elif isinstance(findings, (str, bytes)) or not isinstance(findings, Iterable):
        raise InvalidInputError(f"findings must be an iterable of Finding, got {findings!r}")
    found = list(findings)
    if not all(isinstance(f, Finding) for f in found):
        raise InvalidInputError("findings must hold Finding objects (from check_report)")
    style = _Style(report, found)
    errors = sum(f.severity is Severity.ERROR for f in found)
    done = report.completeness()
    summary = (
        f'<p class="og-legend">{report.format.document_no}格式 · '
        f"{done.read}/{done.total} cells read · {errors} error(s), "
        f"{len(found) - errors} warning(s) "
        '<span class="og-error" style="background:#ffd9d9">error</span>'
        '<span style="background:#fff4d6">warning</span>'
        '<span style="background:#eee">unread</span>'
        '<span style="background:#eef5ff">recovered</span></p>'
    )
    body = _html_body(report, style)
    return (
        "\n".join(
            [
                '<meta charset="utf-8">',
                f"<style>{_CSS}</style>",
                body[0],
                body[1],
                summary,
                *body[2:],
            ]
        )
        + "\n"
    )
