"""Annual reports as tidy pandas DataFrames (年度报告数据表, ``analysis`` extra).

:func:`to_frame` gives one row per table cell of every report (the *long* frame),
:func:`to_wide_frame` one row per report with one column per cell, and
:func:`findings_to_frame` one row per check finding. Each takes reports, batch
results or paths (files, folders, glob patterns, read with
:func:`~opengov.reports.read_reports`). pandas is imported only when they run.

The long frame has these columns (:data:`COLUMNS`):

- ``source``, ``agency`` (categoricals), ``year`` (``int16``), ``format``
  (``"2019"``/``"2021"``; for a 2008-2018 report the format it was converted to),
  ``legacy`` (true for a 2008-2018 report);
- ``table``, ``group``, ``row``, ``column``: wire codes as **ordered** categoricals
  in the official order, read from the format definitions (table 二, 三, 四; rows
  and columns as printed; where the 2019 and 2021 formats differ, one order that
  keeps both). ``group`` is set on every row: the 第二十条 item of a table-二 row
  (``article_20_1``), the result group of a table-三 result row (``withheld``),
  the row itself for table 三's rows 一, 二 and 四 (``received``,
  ``carried_over``, ``carried_forward``), 行政复议 or 行政诉讼 in table 四
  (``review``, ``litigation``);
- ``value``: the count, a nullable ``Int64`` (``<NA>`` unless the cell holds a
  whole number, and for money columns); ``amount``: a decimal for the two money
  columns of table 二 (万元), and for a count printed with a fraction: Arrow
  ``decimal128(38, 6)`` (:data:`AMOUNT_SCALE`), or ``decimal.Decimal`` objects when
  a value has more places (never rounded);
- ``kind`` (number, blank, not applicable, unread), ``recovered`` (the number was
  split from a run of digits), ``interpreted`` (the value of a 2008-2018 report
  rests on an interpretation, see :func:`~opengov.reports.report_series`);
- ``table_zh``, ``group_zh``, ``row_zh``, ``column_zh`` and the ``_en`` labels:
  ordered categoricals like the codes.

A 2008-2018 report (:class:`~opengov.reports.LegacyReport`) gives the table-三
总计 cells its reply lines convert to (:func:`~opengov.reports.report_series`,
``legacy_format``): ``legacy`` is true, and ``interpreted`` says which values rest
on an interpretation. Lines that convert to no row are left out (the series keeps
them). A batch result whose file could not be read gives no row.

Legal basis:
    - report-format-2019, report-format-2021 (the tables, rows and columns);
    - ogi-2007:21 (2008-2018 replies, through the documented conversions).

>>> from opengov.reports import to_frame
>>> df = to_frame("examples/data/hunjiang-minzheng-2019.txt")
>>> df.shape[0], list(df["table"].cat.categories)
(198, ['disclosure', 'applications', 'review'])
>>> df[df["row"] == "received"]["group"].iloc[0]
'received'
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from functools import cache
from itertools import chain
from typing import TYPE_CHECKING, Any, NamedTuple

from opengov._extras import require
from opengov.errors import InvalidInputError
from opengov.outcomes import OutcomeRow, ReportFormat
from opengov.reports.batch import ReportResult, read_reports
from opengov.reports.checks import Finding
from opengov.reports.corpus import CorpusFinding, fingerprint
from opengov.reports.legacy_report import LegacyReport
from opengov.reports.legacy_series import report_series
from opengov.reports.model import (
    AnnualReport,
    ApplicantColumn,
    Cell,
    CellKind,
    CellRef,
    DisclosureColumn,
    DisclosureRow,
    ReportTable,
    ReviewKind,
    ReviewResult,
    disclosure_layout,
)

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

__all__ = [
    "AMOUNT_SCALE",
    "COLUMNS",
    "WIDE_KEYS",
    "findings_to_frame",
    "to_frame",
    "to_parquet",
    "to_wide_frame",
]

#: The columns of :func:`to_frame`'s DataFrame, in order.
COLUMNS: tuple[str, ...] = (
    "source",
    "agency",
    "year",
    "format",
    "legacy",
    "table",
    "group",
    "row",
    "column",
    "value",
    "amount",
    "kind",
    "recovered",
    "interpreted",
    "table_zh",
    "group_zh",
    "row_zh",
    "column_zh",
    "table_en",
    "group_en",
    "row_en",
    "column_en",
)

#: The columns of :func:`to_wide_frame` before the cells.
WIDE_KEYS: tuple[str, ...] = ("source", "agency", "year", "format", "legacy")

# The per-cell columns that come from the report format (the template), in order.
_CELL_COLUMNS = (
    "table",
    "group",
    "row",
    "column",
    "table_zh",
    "group_zh",
    "row_zh",
    "column_zh",
    "table_en",
    "group_en",
    "row_en",
    "column_en",
)


class _Labels(NamedTuple):
    code: str
    zh: str
    en: str


def _group(ref: CellRef, fmt: ReportFormat) -> _Labels:
    """The group of a cell: 第二十条 item, result group or row, 复议 or 诉讼."""
    if ref.table is ReportTable.DISCLOSURE:
        row = DisclosureRow(ref.row)
        section = next(s for s in disclosure_layout(fmt) if row in s.rows)
        return _Labels(
            f"article_20_{section.item}", section.heading_zh, f"Art. 20 item ({section.item})"
        )
    if ref.table is ReportTable.APPLICATIONS:
        outcome = OutcomeRow(ref.row)
        g = outcome.group
        if g is None:  # rows 一, 二 and 四 are their own group
            return _Labels(outcome.value, outcome.printed_zh, outcome.label_en)
        return _Labels(g.value, g.number_zh + g.label_zh, g.label_en)
    if ReviewKind(ref.row) is ReviewKind.ADMINISTRATIVE_REVIEW:
        return _Labels("review", "行政复议", "Administrative review")
    return _Labels("litigation", "行政诉讼", "Administrative litigation")


def _cell_labels(ref: CellRef, fmt: ReportFormat) -> tuple[str, ...]:
    """The values of :data:`_CELL_COLUMNS` for one cell of a format."""
    g = _group(ref, fmt)
    if ref.table is ReportTable.DISCLOSURE:
        drow = DisclosureRow(ref.row)
        dcol = DisclosureColumn(ref.column)
        row = (drow.label_zh_in(fmt), drow.label_en)
        col = (dcol.label_zh, dcol.label_en)
    elif ref.table is ReportTable.APPLICATIONS:
        orow = OutcomeRow(ref.row)
        acol = ApplicantColumn(ref.column)
        row = (orow.printed_zh, orow.label_en)
        col = (acol.label_zh, acol.label_en)
    else:
        kind = ReviewKind(ref.row)
        result = ReviewResult(ref.column)
        row = (kind.label_zh, kind.label_en)
        col = (result.label_zh, result.label_en)
    t = ref.table
    return (
        t.value,
        g.code,
        ref.row,
        ref.column,
        t.label_zh,
        g.zh,
        row[0],
        col[0],
        t.label_en,
        g.en,
        row[1],
        col[1],
    )


@cache
def _refs(fmt: ReportFormat) -> tuple[CellRef, ...]:
    """Every cell address of a format, in the order of :meth:`AnnualReport.items`."""
    empty = AnnualReport.create(agency=None, year=fmt.first_report_year, format=fmt)
    return tuple(ref for ref, _ in empty.items())


def _merge(sequences: Iterable[Sequence[str]]) -> tuple[str, ...]:
    """One order that keeps the order of every sequence (a stable topological sort:
    among items free to come next, the one seen first)."""
    seen: dict[str, int] = {}
    after: dict[str, set[str]] = {}
    before: dict[str, int] = {}
    for seq in sequences:
        for i, item in enumerate(seq):
            seen.setdefault(item, len(seen))
            after.setdefault(item, set())
            before.setdefault(item, 0)
            if i and item not in after[seq[i - 1]] and seq[i - 1] != item:
                after[seq[i - 1]].add(item)
                before[item] += 1
    ready = sorted((k for k, n in before.items() if n == 0), key=seen.__getitem__)
    out: list[str] = []
    while ready:
        item = ready.pop(0)
        out.append(item)
        for nxt in after[item]:
            before[nxt] -= 1
            if before[nxt] == 0:
                ready.append(nxt)
        ready.sort(key=seen.__getitem__)
    if len(out) != len(seen):  # pragma: no cover - the formats admit one order
        raise AssertionError("the report formats order their cells inconsistently")
    return tuple(out)


@cache
def _categories() -> dict[str, tuple[str, ...]]:
    """The categories of each cell column, in official order (both formats)."""
    # one sequence per format and table: a column shared by two tables (总计) comes
    # after the columns it follows in each
    tables = [
        [_cell_labels(ref, f) for ref in _refs(f) if ref.table is t]
        for t in ReportTable
        for f in ReportFormat
    ]
    return {
        name: _merge([_dedupe(labels[j] for labels in rows) for rows in tables])
        for j, name in enumerate(_CELL_COLUMNS)
    }


def _dedupe(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


class _Template(NamedTuple):
    """A format's cells as category codes, one row per cell column."""

    codes: np.ndarray  # (len(_CELL_COLUMNS), cells) int16
    money: np.ndarray  # (cells,) bool
    position: dict[tuple[str, str, str], int]  # (table, row, column) -> cell index
    wide: np.ndarray  # (cells,) index into _wide_keys()


@cache
def _template(fmt: ReportFormat) -> _Template:
    np = require("numpy", "analysis", "to_frame")
    cats = _categories()
    index = {name: {c: i for i, c in enumerate(cats[name])} for name in _CELL_COLUMNS}
    refs = _refs(fmt)
    codes = np.array(
        [
            [index[name][v] for name, v in zip(_CELL_COLUMNS, _cell_labels(ref, fmt), strict=True)]
            for ref in refs
        ],
        dtype=np.int16,
    ).T.copy()
    money = np.array(
        [r.table is ReportTable.DISCLOSURE and DisclosureColumn(r.column).is_money for r in refs],
        dtype=bool,
    )
    keys = {k: i for i, k in enumerate(_wide_keys())}
    return _Template(
        codes=codes,
        money=money,
        position={(r.table.value, r.row, r.column): i for i, r in enumerate(refs)},
        wide=np.array([keys[_wide_name(r)] for r in refs], dtype=np.int32),
    )


def _wide_name(ref: CellRef) -> str:
    return f"{ref.table.value}.{ref.row}.{ref.column}"


@cache
def _wide_keys() -> tuple[str, ...]:
    return _merge([[_wide_name(r) for r in _refs(f)] for f in ReportFormat])


# ------------------------------------------------------------------ the input


Source = str | os.PathLike[str]
Item = AnnualReport | LegacyReport | ReportResult | Source


def _reports(
    items: object, workers: int
) -> Iterator[tuple[str | None, AnnualReport | LegacyReport]]:
    """(source, report) for every report of ``items``, in order; paths are read with
    :func:`read_reports` (consecutive paths in one batch, ``workers`` processes)."""
    if isinstance(items, (AnnualReport, LegacyReport, ReportResult, str, os.PathLike)):
        items = [items]
    if isinstance(items, bytes) or not isinstance(items, Iterable):
        raise InvalidInputError(
            "reports must be a report, a batch result, a path, or an iterable of them, "
            f"got {type(items).__name__}"
        )
    paths: list[Source] = []

    def flush() -> Iterator[tuple[str | None, AnnualReport | LegacyReport]]:
        if paths:
            for result in read_reports(list(paths), workers=workers):
                if result.report is not None:
                    yield result.source, result.report
            paths.clear()

    for item in items:
        if isinstance(item, (str, os.PathLike)):
            paths.append(item)
            continue
        yield from flush()
        if isinstance(item, (AnnualReport, LegacyReport)):
            yield item.source, item
        elif isinstance(item, ReportResult):
            if item.report is not None:
                yield item.source, item.report
        else:
            raise InvalidInputError(
                "each item must be an AnnualReport, a LegacyReport, a ReportResult or a "
                f"path, got {type(item).__name__}"
            )
    yield from flush()


class _Part(NamedTuple):
    """One report's share of the frame."""

    source: str | None
    agency: str | None
    year: int
    format: ReportFormat
    legacy: bool
    codes: np.ndarray
    money: np.ndarray
    wide: np.ndarray
    cells: list[Cell]
    interpreted: list[bool] | None  # None: none interpreted


def _annual_part(source: str | None, r: AnnualReport) -> _Part:
    t = _template(r.format)
    cells: list[Cell] = [*r.disclosure.cells]
    cells.extend(chain.from_iterable(r.applications.cells))
    cells.extend(r.review.cells)
    return _Part(source, r.agency, r.year, r.format, False, t.codes, t.money, t.wide, cells, None)


def _legacy_part(source: str | None, r: LegacyReport, fmt: ReportFormat) -> _Part:
    t = _template(fmt)
    positions: list[int] = []
    cells: list[Cell] = []
    interpreted: list[bool] = []
    seen: set[int] = set()
    for s in report_series([r], legacy_format=fmt):
        if s.row is None:
            continue
        i = t.position[(ReportTable.APPLICATIONS.value, s.row.value, ApplicantColumn.TOTAL.value)]
        if i in seen:  # pragma: no cover - the series gives one value per row
            continue
        seen.add(i)
        positions.append(i)
        cells.append(Cell.unread() if s.value is None else Cell.number(s.value))
        interpreted.append(s.interpreted)
    order = sorted(range(len(positions)), key=positions.__getitem__)
    idx = [positions[k] for k in order]
    return _Part(
        source,
        r.agency,
        r.year,
        fmt,
        True,
        t.codes[:, idx],
        t.money[idx],
        t.wide[idx],
        [cells[k] for k in order],
        [interpreted[k] for k in order],
    )


def _parts(reports: object, legacy_format: ReportFormat | str, workers: int) -> list[_Part]:
    fmt = (
        ReportFormat(legacy_format)
        if not isinstance(legacy_format, ReportFormat)
        else legacy_format
    )
    out: list[_Part] = []
    for source, r in _reports(reports, workers):
        if isinstance(r, AnnualReport):
            out.append(_annual_part(source, r))
        else:
            out.append(_legacy_part(source, r, fmt))
    return out


# ------------------------------------------------------------------ the values


class _Values(NamedTuple):
    """Per row: value (int64 and its NA mask), amount (object), kind codes, recovered."""

    value: np.ndarray
    value_na: np.ndarray
    amount: np.ndarray
    kind: np.ndarray
    recovered: np.ndarray


_KINDS = tuple(CellKind)
_KIND_CODE = {k: i for i, k in enumerate(_KINDS)}


def _values(cells: list[Cell], money: np.ndarray) -> _Values:
    """The values of every cell, each distinct cell object looked at once: cells are
    frozen and shared, so a corpus holds a few thousand distinct ones."""
    np = require("numpy", "analysis", "to_frame")
    pd = require("pandas", "analysis", "to_frame")
    n = len(cells)
    ids = np.fromiter(map(id, cells), dtype=np.uintp, count=n)
    codes, uniques = pd.factorize(ids)
    first = np.empty(len(uniques), dtype=np.intp)
    first[codes[::-1]] = np.arange(n - 1, -1, -1, dtype=np.intp)
    m = len(uniques)
    u_value = np.zeros(m, dtype=np.int64)
    u_na = np.ones(m, dtype=bool)
    u_amount = np.empty(m, dtype=object)
    u_fraction = np.zeros(m, dtype=bool)
    u_kind = np.empty(m, dtype=np.int8)
    u_recovered = np.zeros(m, dtype=bool)
    for k, i in enumerate(first.tolist()):
        c = cells[i]
        u_kind[k] = _KIND_CODE[c.kind]
        u_recovered[k] = c.recovered
        v = c.value
        if v is None:
            continue
        if isinstance(v, int) or v == v.to_integral_value():
            iv = int(v)
            if -(2**63) <= iv < 2**63:
                u_value[k] = iv
                u_na[k] = False
            else:
                u_fraction[k] = True
        else:
            u_fraction[k] = True
        u_amount[k] = v if isinstance(v, Decimal) else Decimal(v)
    value = u_value[codes]
    value_na = u_na[codes] | money
    u_has = np.fromiter((d is not None for d in u_amount.tolist()), dtype=bool, count=m)
    has_amount = (money | u_fraction[codes]) & u_has[codes]
    amount = _decimals(u_amount, np.where(has_amount, codes, -1))
    return _Values(value, value_na, amount, u_kind[codes], u_recovered[codes])


#: The scale of the ``amount`` column: 万元 to six places is to the fen (0.01 元).
AMOUNT_SCALE = 6


def _decimals(distinct: np.ndarray, index: np.ndarray) -> Any:
    """``distinct[index]`` (``None`` where ``index`` is -1) as a pandas array of Arrow
    ``decimal128(38, 6)`` (the same dtype for every frame, so that frames concatenate);
    an array of ``Decimal`` objects, exactly as read, if a value has more than six
    decimal places or 32 digits before the point (nothing is rounded)."""
    np = require("numpy", "analysis", "to_frame")
    pd = require("pandas", "analysis", "to_frame")
    pa = require("pyarrow", "analysis", "to_frame")
    values = distinct.tolist()
    fits = all(
        d is None
        or (
            -int(d.as_tuple().exponent) <= AMOUNT_SCALE
            and abs(d) < Decimal(10) ** (38 - AMOUNT_SCALE)
        )
        for d in values
    )
    if fits:
        dictionary = pa.array(values, type=pa.decimal128(38, AMOUNT_SCALE))
        return pd.arrays.ArrowExtensionArray(dictionary.take(pa.array(index, mask=index < 0)))
    out = np.full(len(index), None, dtype=object)
    out[index >= 0] = distinct[index[index >= 0]]
    return out


def _categorical(pd: Any, codes: np.ndarray, cats: Sequence[str], ordered: bool = True) -> Any:
    return pd.Categorical.from_codes(
        codes, dtype=pd.CategoricalDtype(list(cats), ordered=ordered), validate=False
    )


def _report_columns(pd: Any, np: Any, parts: list[_Part], lengths: np.ndarray) -> dict[str, Any]:
    """source, agency, year, format and legacy, repeated over each report's rows."""
    out: dict[str, Any] = {}
    for name in ("source", "agency"):
        codes, uniques = pd.factorize(
            np.array([getattr(p, name) for p in parts], dtype=object), sort=True
        )
        out[name] = _categorical(
            pd, np.repeat(codes.astype(np.int32), lengths), list(uniques), ordered=False
        )
    out["year"] = np.repeat(np.array([p.year for p in parts], dtype=np.int16), lengths)
    formats = [f.value for f in ReportFormat]
    out["format"] = _categorical(
        pd,
        np.repeat(np.array([formats.index(p.format.value) for p in parts], dtype=np.int8), lengths),
        formats,
    )
    out["legacy"] = np.repeat(np.array([p.legacy for p in parts], dtype=bool), lengths)
    return out


def to_frame(
    reports: Item | Iterable[Item],
    *,
    legacy_format: ReportFormat | str = ReportFormat.F2021,
    workers: int = 1,
) -> pd.DataFrame:
    """One DataFrame row per table cell of every report (the columns of :data:`COLUMNS`).

    ``reports`` is a report, a batch result, a path (file, folder or glob pattern),
    or an iterable of them; paths are read with :func:`~opengov.reports.read_reports`
    in ``workers`` processes. Rows come in the order of the reports, each report's
    cells in printed order. ``legacy_format`` is the format 2008-2018 reports are
    converted to.

    The frame is built in one columnar pass: category codes come from each format's
    template, and each distinct (shared, frozen) cell is looked at once.
    """
    pd = require("pandas", "analysis", "to_frame")
    np = require("numpy", "analysis", "to_frame")
    parts = _parts(reports, legacy_format, workers)
    lengths = np.array([len(p.cells) for p in parts], dtype=np.intp)
    cats = _categories()
    columns = _report_columns(pd, np, parts, lengths)
    if parts:
        codes = np.concatenate([p.codes for p in parts], axis=1)
        money = np.concatenate([p.money for p in parts])
    else:
        codes = np.zeros((len(_CELL_COLUMNS), 0), dtype=np.int16)
        money = np.zeros(0, dtype=bool)
    vals = _values(list(chain.from_iterable(p.cells for p in parts)), money)
    cell_columns = {
        name: _categorical(pd, codes[j], cats[name]) for j, name in enumerate(_CELL_COLUMNS)
    }
    interpreted = np.zeros(len(money), dtype=bool)
    start = 0
    for p, n in zip(parts, lengths.tolist(), strict=True):
        if p.interpreted is not None:
            interpreted[start : start + n] = p.interpreted
        start += n
    columns.update({k: cell_columns[k] for k in ("table", "group", "row", "column")})
    columns["value"] = pd.arrays.IntegerArray(vals.value, vals.value_na)
    columns["amount"] = vals.amount
    columns["kind"] = _categorical(pd, vals.kind, [k.value for k in _KINDS])
    columns["recovered"] = vals.recovered
    columns["interpreted"] = interpreted
    columns.update({k: v for k, v in cell_columns.items() if k.endswith(("_zh", "_en"))})
    return pd.DataFrame({k: columns[k] for k in COLUMNS}, copy=False)


def to_wide_frame(
    reports: Item | Iterable[Item],
    *,
    legacy_format: ReportFormat | str = ReportFormat.F2021,
    workers: int = 1,
) -> pd.DataFrame:
    """One DataFrame row per report: :data:`WIDE_KEYS`, then one column per cell
    named ``table.row.column`` (``applications.received.total``), in official order
    (every cell of both formats; a cell not in a report's format is ``<NA>``).

    Counts are nullable ``Int64`` (``<NA>`` unless the cell holds a whole number);
    the money columns of table 二 hold ``decimal.Decimal`` objects. Arguments as for
    :func:`to_frame`.
    """
    pd = require("pandas", "analysis", "to_wide_frame")
    np = require("numpy", "analysis", "to_wide_frame")
    parts = _parts(reports, legacy_format, workers)
    lengths = np.array([len(p.cells) for p in parts], dtype=np.intp)
    ones = np.ones(len(parts), dtype=np.intp)
    columns = _report_columns(pd, np, parts, ones)
    keys = _wide_keys()
    money_keys = {
        t.wide[i] for f in ReportFormat for t in [_template(f)] for i in np.flatnonzero(t.money)
    }
    if parts:
        money = np.concatenate([p.money for p in parts])
        wide = np.concatenate([p.wide for p in parts])
    else:
        money = np.zeros(0, dtype=bool)
        wide = np.zeros(0, dtype=np.int32)
    vals = _values(list(chain.from_iterable(p.cells for p in parts)), money)
    report = np.repeat(np.arange(len(parts)), lengths)
    value = np.zeros((len(keys), len(parts)), dtype=np.int64)
    na = np.ones((len(keys), len(parts)), dtype=bool)
    value[wide, report] = vals.value
    na[wide, report] = vals.value_na
    for k, name in enumerate(keys):
        if k in money_keys:
            rows = np.flatnonzero(wide == k)
            columns[name] = _money_column(pd, np, vals.amount, rows, report[rows], len(parts))
        else:
            columns[name] = pd.arrays.IntegerArray(value[k], na[k])
    return pd.DataFrame(columns, copy=False)


def _money_column(pd: Any, np: Any, amount: Any, rows: Any, at: Any, n: int) -> Any:
    """The amounts of ``rows`` placed at reports ``at`` of ``n`` (``<NA>`` elsewhere)."""
    index = np.full(n, -1, dtype=np.intp)
    index[at] = rows
    if isinstance(amount, np.ndarray):  # Decimal objects (a value with more places)
        out = np.full(n, None, dtype=object)
        out[at] = amount[rows]
        return out
    return amount.take(index, allow_fill=True)


def to_parquet(frame: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Write a frame of this module to a Parquet file (pyarrow, ``analysis`` extra).

    Categoricals, ``Int64`` counts and decimal amounts are kept: read the file back
    with ``pandas.read_parquet`` to get the same frame (amounts as decimals).
    """
    pd = require("pandas", "analysis", "to_parquet")
    require("pyarrow", "analysis", "to_parquet")
    if not isinstance(frame, pd.DataFrame):
        raise InvalidInputError(
            f"frame must be a pandas DataFrame (from to_frame), got {type(frame).__name__}"
        )
    frame.to_parquet(path, engine="pyarrow", index=False)


def findings_to_frame(findings: Iterable[Finding | CorpusFinding]) -> pd.DataFrame:
    """One DataFrame row per finding: agency, year, severity, rule, message, cells,
    expected and actual values, the files it is about (``sources``, a tuple:
    ``frame.explode("sources")`` joins it to :func:`to_frame`'s ``source``) and its
    stable :func:`~opengov.reports.fingerprint` (to join reviewers' verdicts).
    Findings across reports (:class:`~opengov.reports.CorpusFinding`) are taken too."""
    pd = require("pandas", "analysis", "findings_to_frame")
    if isinstance(findings, (str, bytes)) or not isinstance(findings, Iterable):
        raise InvalidInputError(
            f"findings must be an iterable of Finding, got {type(findings).__name__}"
        )
    findings = list(findings)
    if not all(isinstance(f, (Finding, CorpusFinding)) for f in findings):
        raise InvalidInputError("findings must hold Finding objects (from check_report)")
    rows = [
        (
            f.agency,
            f.year,
            f.severity.value,
            f.rule.value,
            f.message,
            ", ".join(str(c) for c in f.cells),
            f.expected,
            f.actual,
            f.sources,
            fingerprint(f),
        )
        for f in findings
    ]
    return pd.DataFrame.from_records(
        rows,
        columns=[
            "agency",
            "year",
            "severity",
            "rule",
            "message",
            "cells",
            "expected",
            "actual",
            "sources",
            "fingerprint",
        ],
    )
