"""Legacy and current reports as one series (年度报告数据序列, 2008-2025), with provenance.

:func:`legacy_conversion` says, line by line, where each count of a
:class:`~opengov.reports.legacy_report.LegacyReport` goes among the result rows of
a 2019/2021 format: losslessly (the same meaning,
:meth:`~opengov.legacy.LegacyOutcome.to_report_row`), by opengov's interpretation
(:meth:`~opengov.legacy.LegacyOutcome.assume_report_row`, whose note is kept), or
nowhere (a 不同意公开 total printed without its reasons, an unknown wording). The
row totals are computed with :func:`~opengov.reports.legacy.to_result_counts`
where every line is lossless, else :func:`~opengov.reports.legacy.assume_result_counts`.

:func:`report_series` turns a mix of :class:`~opengov.reports.AnnualReport` and
:class:`LegacyReport` objects into :class:`SeriesRow` records: one per agency,
year and result row, with the value, its provenance (table 三, the legacy table,
the narrative) and the interpretations applied to reach it. Nothing is dropped: a
line that converts to no row gives a row with ``row=None`` saying why.

Interpretations specific to the series (each named in the rows it touches):

- 受理依申请公开信息总数 (applications received in the year) is read as 一、本年新收
  [I]; legacy tables print no carried-over count.
- 对申请的答复总数 (replies) is read as （七）总计 [I].
- 其他类型答复数 (Fujian tables 2014-2018) is read as the residual other row
  (2019: （六）其他处理; 2021: （六）3.其他) [I].

Legal basis:
    - ogi-2007:21-22 (legacy reply types), report-format-2019, report-format-2021.

>>> from opengov.reports.parse_legacy import parse_legacy_report
>>> r = parse_legacy_report("tests/data/reports/corpus/legacy/pingtan-county-2012/table.html")
>>> [(s.label_zh, s.row.value if s.row else None, s.lossless) for s in legacy_conversion(r)][:3]
[('其中：1.同意公开答复数', 'disclosed', True), ('2.同意部分公开答复数', 'partially_disclosed', True), ('3.否决公开答复数', None, False)]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pydantic import Field

from opengov._lookup import CodeEnum, lookup
from opengov._model import FrozenModel
from opengov.errors import InvalidInputError, NeedsInterpretationError
from opengov.legacy import LegacyOutcome
from opengov.outcomes import OutcomeRow, ReportFormat
from opengov.reports.legacy import assume_result_counts, to_result_counts
from opengov.reports.legacy_report import (
    REFUSAL_REASONS,
    REPLY_LINES,
    LegacyItem,
    LegacyReport,
    LegacySource,
    LegacyValue,
)
from opengov.reports.model import AnnualReport, ApplicantColumn

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "LegacyLine",
    "SeriesRow",
    "SeriesSource",
    "legacy_conversion",
    "report_series",
    "series_frame",
]

RECEIVED_NOTE = (
    "受理依申请公开信息总数 (applications received in the year) read as 一、本年新收 "
    "(opengov's interpretation; legacy tables print no carried-over count)"
)
TOTAL_NOTE = "对申请的答复总数 (replies given) read as （七）总计 (opengov's interpretation)"
OTHER_NOTE = (
    "其他类型答复数 read as the residual other row (2019: （六）其他处理; 2021: （六）3.其他), "
    "opengov's interpretation: the table does not say which replies it counts"
)


class SeriesSource(CodeEnum):
    """Where a series value comes from."""

    TABLE_3 = "table_3"
    LEGACY_TABLE = "legacy_table"
    NARRATIVE = "narrative"

    @property
    def label_zh(self) -> str:
        """Chinese name."""
        return {"table_3": "表三", "legacy_table": "统计表", "narrative": "正文"}[self.value]

    @property
    def label_en(self) -> str:
        """English name."""
        return {
            "table_3": "table 三 (2019/2021 format)",
            "legacy_table": "legacy statistics table",
            "narrative": "narrative of a legacy report",
        }[self.value]


def _source(v: LegacyValue) -> SeriesSource:
    return SeriesSource.LEGACY_TABLE if v.source is LegacySource.TABLE else SeriesSource.NARRATIVE


class LegacyLine(FrozenModel):
    """Where one legacy line goes: its row, lossless or by which interpretation.

    ``row`` is ``None`` when the line converts to no row; ``note`` then says why.
    """

    label_zh: str
    item: LegacyItem | None
    value: int | Decimal | None
    source: SeriesSource
    row: OutcomeRow | None
    lossless: bool
    note: str | None = None


def _line(v: LegacyValue, fmt: ReportFormat, reasons_given: bool) -> LegacyLine:
    base: dict[str, Any] = {
        "label_zh": v.label_zh,
        "item": v.item,
        "value": v.count,
        "source": _source(v),
    }
    item = v.item
    if item is None:
        return LegacyLine(
            **base,
            row=None,
            lossless=False,
            note="wording not known: kept as printed, not converted",
        )
    if item is LegacyItem.REPLY_OTHER:
        row = OutcomeRow.OTHER if fmt is ReportFormat.F2019 else OutcomeRow.OTHER_MISC
        return LegacyLine(**base, row=row, lossless=False, note=OTHER_NOTE)
    outcome = item.outcome
    if outcome is None:  # pragma: no cover - REPLY_LINES all have an outcome but REPLY_OTHER
        return LegacyLine(**base, row=None, lossless=False, note="not a reply line")
    if outcome is LegacyOutcome.REFUSED:
        note = (
            f"{v.label_zh} is the total of the refusal reasons, which are converted instead"
            if reasons_given
            else f"{v.label_zh} is a total of refusals whose reasons the report does not "
            "give; its reasons map to different rows, so it is not converted"
        )
        return LegacyLine(**base, row=None, lossless=False, note=note)
    notes = [n for n in (item.note, outcome.note) if n]
    try:
        row = outcome.to_report_row(fmt)
        lossless = item.note is None
    except NeedsInterpretationError:
        row = outcome.assume_report_row(fmt)
        lossless = False
    return LegacyLine(**base, row=row, lossless=lossless, note=" ".join(notes) or None)


def _reply_values(report: LegacyReport) -> list[LegacyValue]:
    """The reply lines to convert: each item's table line when it holds a number,
    else its narrative value; narrative lines of unknown wording under a narrative
    replies total are kept too."""
    out: list[LegacyValue] = []
    for item in (*REPLY_LINES, *REFUSAL_REASONS):
        v = report.value(item)
        if v is not None and v.count is not None:
            out.append(v)
    told_total = report.narrative(LegacyItem.REPLIES_TOTAL)
    if told_total:
        sentence = told_total[0].sentence
        out.extend(
            v
            for v in report.items(LegacySource.NARRATIVE)
            if v.item is None and v.sentence == sentence and v.count is not None
        )
    return out


def legacy_conversion(
    report: LegacyReport, fmt: ReportFormat | str = ReportFormat.F2021
) -> tuple[LegacyLine, ...]:
    """Each reply line of ``report`` with the row of ``fmt`` it goes to, and how."""
    if not isinstance(report, LegacyReport):
        raise InvalidInputError(f"report must be a LegacyReport, got {type(report).__name__}")
    fmt = lookup(ReportFormat, fmt)
    values = _reply_values(report)
    reasons = any(v.item in REFUSAL_REASONS for v in values)
    return tuple(_line(v, fmt, reasons) for v in values)


class SeriesRow(FrozenModel):
    """One agency, year and result row of the series, with its provenance.

    ``row`` is ``None`` for a legacy line that converts to no row (``notes`` says
    why). ``interpretations`` lists every interpretive step behind ``value``;
    empty means the value is as printed (table 三) or lossless. ``labels`` are the
    printed legacy lines summed into the value.
    """

    agency: str | None
    year: int = Field(ge=2008, le=2100, strict=True)
    format: ReportFormat
    row: OutcomeRow | None
    value: int | Decimal | None
    source: SeriesSource
    labels: tuple[str, ...] = ()
    interpretations: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def interpreted(self) -> bool:
        """True when an interpretation was applied to reach the value."""
        return bool(self.interpretations)


def _annual_rows(report: AnnualReport) -> list[SeriesRow]:
    out: list[SeriesRow] = []
    fmt = report.format
    for row in (OutcomeRow.RECEIVED, *fmt.counted_rows, OutcomeRow.TOTAL):
        cell = report.applications.cell(row, ApplicantColumn.TOTAL)
        out.append(
            SeriesRow(
                agency=report.agency,
                year=report.year,
                format=fmt,
                row=row,
                value=cell.as_count(blank_as_zero=True),
                source=SeriesSource.TABLE_3,
                notes=() if cell.is_number else (f"cell is {cell.kind.value}",),
            )
        )
    return out


def _legacy_rows(report: LegacyReport, fmt: ReportFormat) -> list[SeriesRow]:
    out: list[SeriesRow] = []
    base: dict[str, Any] = {"agency": report.agency, "year": report.year, "format": fmt}
    received = report.value(LegacyItem.APPLICATIONS_TOTAL)
    if received is not None:
        out.append(
            SeriesRow(
                **base,
                row=OutcomeRow.RECEIVED,
                value=received.count,
                source=_source(received),
                labels=(received.label_zh,),
                interpretations=(RECEIVED_NOTE,),
            )
        )
    lines = legacy_conversion(report, fmt)
    converted = [ln for ln in lines if ln.row is not None and ln.value is not None]
    counts: dict[LegacyOutcome, int] = {}
    for ln in converted:
        if ln.item is not None and ln.item.outcome is not None and isinstance(ln.value, int):
            counts[ln.item.outcome] = counts.get(ln.item.outcome, 0) + ln.value
    try:
        sums = to_result_counts(counts, fmt)
    except NeedsInterpretationError:
        sums = assume_result_counts(counts, fmt)
    by_row: dict[OutcomeRow, list[LegacyLine]] = {}
    for ln in converted:
        assert ln.row is not None
        by_row.setdefault(ln.row, []).append(ln)
    for row, group in by_row.items():
        # 其他类型答复数 has no LegacyOutcome: it is added here
        value: int | Decimal = sums.get(row, 0) + sum(
            (ln.value or 0) for ln in group if ln.item is LegacyItem.REPLY_OTHER
        )
        sources = {ln.source for ln in group}
        out.append(
            SeriesRow(
                **base,
                row=row,
                value=value,
                source=SeriesSource.NARRATIVE
                if SeriesSource.NARRATIVE in sources
                else SeriesSource.LEGACY_TABLE,
                labels=tuple(ln.label_zh for ln in group),
                interpretations=tuple(
                    dict.fromkeys(ln.note for ln in group if not ln.lossless and ln.note)
                ),
            )
        )
    out.extend(
        SeriesRow(
            **base,
            row=None,
            value=ln.value,
            source=ln.source,
            labels=(ln.label_zh,),
            notes=(ln.note or "not converted",),
        )
        for ln in lines
        if ln.row is None
    )
    total = report.value(LegacyItem.REPLIES_TOTAL)
    if total is not None:
        out.append(
            SeriesRow(
                **base,
                row=OutcomeRow.TOTAL,
                value=total.count,
                source=_source(total),
                labels=(total.label_zh,),
                interpretations=(TOTAL_NOTE,),
            )
        )
    return out


def report_series(
    reports: Iterable[AnnualReport | LegacyReport],
    *,
    legacy_format: ReportFormat | str = ReportFormat.F2021,
) -> tuple[SeriesRow, ...]:
    """One series from a mix of current and legacy reports, sorted by agency and year.

    Rows of an :class:`AnnualReport` are its table-三 总计 column in its own format
    (一、本年新收, each counted result row, （七）总计). Rows of a
    :class:`LegacyReport` are its reply lines converted to ``legacy_format``, with
    the interpretations named. Agencies are matched by the ``agency`` string as
    given: pass ``agency=`` when parsing reports whose titles name one agency
    differently.
    """
    if isinstance(reports, (str, bytes, AnnualReport, LegacyReport)) or not isinstance(
        reports, Iterable
    ):
        raise InvalidInputError(
            "reports must be an iterable of AnnualReport and LegacyReport objects, "
            f"got {type(reports).__name__}"
        )
    fmt = lookup(ReportFormat, legacy_format)
    out: list[SeriesRow] = []
    for r in reports:
        if isinstance(r, AnnualReport):
            out.extend(_annual_rows(r))
        elif isinstance(r, LegacyReport):
            out.extend(_legacy_rows(r, fmt))
        else:
            raise InvalidInputError(
                f"each report must be an AnnualReport or a LegacyReport, got {type(r).__name__}"
            )
    return tuple(sorted(out, key=lambda s: (str(s.agency), s.year)))


SERIES_COLUMNS: Sequence[str] = (
    "agency",
    "year",
    "format",
    "row",
    "value",
    "source",
    "interpreted",
    "interpretations",
    "labels",
)


def series_frame(rows: Iterable[SeriesRow]) -> pd.DataFrame:
    """The series as a pandas DataFrame, one row per :class:`SeriesRow` (``analysis``
    extra); ``interpretations`` and ``labels`` are joined with "; "."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - depends on the environment
        raise InvalidInputError(
            "series_frame needs pandas: pip install 'opengov-cn[analysis]'"
        ) from None
    records = [
        {
            "agency": s.agency,
            "year": s.year,
            "format": s.format.value,
            "row": s.row.value if s.row is not None else None,
            "value": float(s.value) if s.value is not None else None,
            "source": s.source.value,
            "interpreted": s.interpreted,
            "interpretations": "; ".join(s.interpretations),
            "labels": "; ".join(s.labels),
        }
        for s in rows
    ]
    return pd.DataFrame.from_records(records, columns=list(SERIES_COLUMNS))
