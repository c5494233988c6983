"""Aggregating and comparing annual reports (年度报告汇总与对比).

:func:`aggregate_reports` sums reports of one format cell by cell (e.g. every
department of a city); :func:`compare_reports` lists the change of every cell two
reports share (e.g. one agency's 2020 and 2021 reports, whose table-三 rows mostly
coincide).

Summing: numbers add; a blank counts as 0 next to numbers (all blank stays blank);
a cell unread in any report is unread in the sum (never guessed); a cell not
applicable in every report stays not applicable, and is skipped next to numbers.

Legal basis:
    - ogi-2019:50 (report contents); report-format-2019, report-format-2021 (the
      cells summed and compared).

>>> from opengov import ApplicantType, OutcomeRow
>>> from opengov.reports import AnnualReport, ApplicationTable, aggregate_reports
>>> t = ApplicationTable.from_counts(2021, {OutcomeRow.RECEIVED: {ApplicantType.NATURAL_PERSON: 2}})
>>> a = AnnualReport.create(agency="甲", year=2021, applications=t)
>>> s = aggregate_reports([a, a], agency="合计")
>>> s.applications.value(OutcomeRow.RECEIVED, "total")
4
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from opengov._model import FrozenModel
from opengov.errors import InvalidInputError
from opengov.reports.model import (
    AnnualReport,
    ApplicationTable,
    Cell,
    CellKind,
    CellRef,
    DisclosureTable,
    ReviewTable,
    report_list,
    require_report,
)

__all__ = ["CellChange", "aggregate_reports", "compare_reports"]


def _sum_cells(cells: Sequence[Cell]) -> Cell:
    kinds = {c.kind for c in cells}
    if CellKind.UNREAD in kinds:
        return Cell.unread()
    numbers = [c.value for c in cells if c.value is not None]
    if numbers:
        total: int | Decimal = 0
        for n in numbers:
            total += n
        return Cell.number(total)
    if kinds == {CellKind.NOT_APPLICABLE}:
        return Cell.not_applicable()
    return Cell.blank()


def aggregate_reports(
    reports: Sequence[AnnualReport], *, agency: str | None, year: int | None = None
) -> AnnualReport:
    """Sum reports of one format and year cell by cell, under a new agency name."""
    rs = report_list(reports)
    if not rs:
        raise InvalidInputError("aggregate_reports needs at least one report")
    fmt = rs[0].format
    if any(r.format is not fmt for r in rs):
        raise InvalidInputError(
            "reports in different formats cannot be summed cell by cell; "
            "aggregate each format separately"
        )
    y = year if year is not None else rs[0].year
    apps = ApplicationTable(
        format=fmt,
        cells=tuple(
            tuple(_sum_cells([r.applications.cells[i][j] for r in rs]) for j in range(7))
            for i in range(len(fmt.rows))
        ),
    )
    disc = DisclosureTable(
        format=fmt,
        cells=tuple(
            _sum_cells([r.disclosure.cells[i] for r in rs])
            for i in range(len(rs[0].disclosure.cells))
        ),
    )
    rev = ReviewTable(cells=tuple(_sum_cells([r.review.cells[i] for r in rs]) for i in range(15)))
    return AnnualReport.create(
        agency=agency, year=y, format=fmt, disclosure=disc, applications=apps, review=rev
    )


class CellChange(FrozenModel):
    """One cell in two reports: the values and the change (``None`` unless both numbers)."""

    ref: CellRef
    before: Cell
    after: Cell

    @property
    def change(self) -> int | Decimal | None:
        """after - before, when both are numbers."""
        if self.before.value is None or self.after.value is None:
            return None
        return self.after.value - self.before.value


def compare_reports(before: AnnualReport, after: AnnualReport) -> tuple[CellChange, ...]:
    """Every cell present in both reports, in the later report's order."""
    before = require_report(before, "before")
    after = require_report(after, "after")
    earlier = dict(before.items())
    return tuple(
        CellChange(ref=ref, before=earlier[ref], after=cell)
        for ref, cell in after.items()
        if ref in earlier
    )
