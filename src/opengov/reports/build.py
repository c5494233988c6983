"""Building table 三 from case records (依申请公开台账 → 年度报告表三).

Agencies compile table 三 by hand from their register of applications. Given the
case records (anything with the :class:`CaseRecord` shape) and a report year,
:func:`build_application_table` counts them by applicant type and row:

- received in the year → 一、本年新收;
- received before the year and still open on 1 January → 二、上年结转;
- closed in the year → its result row (``record.report_row(fmt)``) and （七）总计;
- still open on 31 December (received by then) → 四、结转下年度继续办理.

So 一 + 二 = （七）总计 + 四 holds by construction. Records received after the year,
or closed before it, are not counted.

Legal basis:
    - ogi-2019:50 (report contents); report-format-2019, report-format-2021.

>>> from datetime import date
>>> from opengov import ApplicantType, OutcomeRow, ReportFormat
>>> from opengov.reports import build_application_table
>>> class Case:
...     applicant_type = ApplicantType.NATURAL_PERSON
...     received_on = date(2023, 12, 20)
...     closed_on = date(2024, 1, 15)
...     def report_row(self, fmt: ReportFormat) -> OutcomeRow | None:
...         return OutcomeRow.DISCLOSED
>>> t = build_application_table([Case()], 2024)
>>> t.value(OutcomeRow.CARRIED_OVER, "total"), t.value(OutcomeRow.DISCLOSED, "total")
(1, 1)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, Protocol, runtime_checkable

from opengov._dates import as_date
from opengov._lookup import member
from opengov.applicants import ApplicantType
from opengov.errors import InvalidInputError
from opengov.outcomes import OutcomeRow, ReportFormat
from opengov.reports.model import (
    AnnualReport,
    ApplicationTable,
    DisclosureTable,
    ReportText,
    ReviewTable,
)

__all__ = ["CaseRecord", "build_application_table", "build_report"]


@runtime_checkable
class CaseRecord(Protocol):
    """What table 三 needs to know about one application."""

    @property
    def applicant_type(self) -> ApplicantType:
        """Who applied (the column)."""

    @property
    def received_on(self) -> date:
        """The date the application was received."""

    @property
    def closed_on(self) -> date | None:
        """The date it was closed (answered), ``None`` while open."""

    def report_row(self, fmt: ReportFormat) -> OutcomeRow | None:
        """The result row it counts under in ``fmt``; ``None`` while open."""


def _facts(rec: Any) -> tuple[ApplicantType, date, date | None]:
    """A record's applicant type, receipt and closing dates, checked."""
    missing = [a for a in ("applicant_type", "received_on", "closed_on", "report_row")
               if not hasattr(rec, a)]  # fmt: skip
    if missing:
        raise InvalidInputError(
            f"a case record needs {', '.join(missing)} (see CaseRecord); got {type(rec).__name__}"
        )
    t = member(ApplicantType, rec.applicant_type)
    received = as_date(rec.received_on, "received_on")
    closed = rec.closed_on
    return t, received, None if closed is None else as_date(closed, "closed_on")


def build_application_table(
    records: Iterable[CaseRecord], year: int, fmt: ReportFormat | None = None
) -> ApplicationTable:
    """Count case records into table 三 for a report year (format from the year)."""
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidInputError(f"year must be an int, got {year!r}")
    if not 1 < year < 9999:
        raise InvalidInputError(f"year must be a report year such as 2024, got {year}")
    f = ReportFormat.for_year(year) if fmt is None else member(ReportFormat, fmt)
    if isinstance(records, (str, bytes)) or not isinstance(records, Iterable):
        raise InvalidInputError(
            f"records must be an iterable of case records, got {type(records).__name__}"
        )
    start, end = date(year, 1, 1), date(year, 12, 31)
    counts: dict[OutcomeRow, dict[ApplicantType, int]] = {}

    def add(row: OutcomeRow, t: ApplicantType) -> None:
        per = counts.setdefault(row, {})
        per[t] = per.get(t, 0) + 1

    counted = frozenset(f.counted_rows)
    for rec in records:
        t, received, closed = _facts(rec)
        if closed is not None and closed < received:
            raise InvalidInputError(
                f"a case closed on {closed} before it was received on {received}: fix the record"
            )
        if received > end or (closed is not None and closed < start):
            continue
        if received >= start:
            add(OutcomeRow.RECEIVED, t)
        else:
            add(OutcomeRow.CARRIED_OVER, t)
        if closed is not None and closed <= end:
            row = rec.report_row(f)
            if not isinstance(row, OutcomeRow) or row not in counted:
                raise InvalidInputError(
                    f"a case closed on {closed} has report row {row!r}, which is not a result "
                    f"row of the {f.value} format; give it one of ReportFormat.counted_rows"
                )
            add(row, t)
        else:
            add(OutcomeRow.CARRIED_FORWARD, t)
    return ApplicationTable.from_counts(f, counts)


def build_report(
    records: Iterable[CaseRecord],
    year: int,
    *,
    agency: str | None,
    fmt: ReportFormat | None = None,
    disclosure: DisclosureTable | None = None,
    review: ReviewTable | None = None,
    text: ReportText | None = None,
) -> AnnualReport:
    """A report whose table 三 is built from case records; other tables as given."""
    table = build_application_table(records, year, fmt)
    return AnnualReport.create(
        agency=agency,
        year=year,
        format=table.format,
        applications=table,
        disclosure=disclosure,
        review=review,
        text=text,
    )
