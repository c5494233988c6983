"""Statutory deadlines (法定期限, Arts. 26, 30, 32-34, 49) that explain themselves.

A :class:`Deadline` is a value: the due date, the rule and its citations, the
intervals excluded from the count, whether it rests on provisional calendar data,
the interpretation options used, and the counting itself (compact runs of working
days), from which :meth:`Deadline.explain` builds an ordered, bilingual
explanation on demand: start day, days counted, rest days passed over with their
holiday names, paused intervals, extension.

Working-day periods are counted on the calendar in use,
:func:`opengov.calendar.default_calendar` (the bundled notices plus those a deployment
installed), or on the ``calendar=`` given; each result names the notices it rests on
(:attr:`Deadline.notices`). The start day is not counted and day 1 is the first working day after it (Civil
Code Art. 201). Where the law leaves the counting open, a named option in
:class:`DeadlineOptions` decides, with a documented default; each result records
the options it used (see ``docs/concepts/deadlines.md``).

Legal basis:
    - ogi-2019:33.2 (reply within 20 working days, extension up to 20),
      ogi-2019:33.3 (consultation time not counted), ogi-2019:30 (补正),
      ogi-2019:32, ogi-2019:34 (15 working days for opinions), ogi-2019:26
      (proactive disclosure), ogi-2019:49 (annual reports); 2007 edition:
      ogi-2007:24.2, ogi-2007:24.3, ogi-2007:18, ogi-2007:31;
    - civil-code:201 (start day not counted), guiding-case-26.

>>> from datetime import date
>>> from opengov.deadlines import reply_deadline
>>> d = reply_deadline(date(2026, 9, 28))
>>> d.due
datetime.date(2026, 10, 30)
>>> print(d.explain().to_en())  # doctest: +ELLIPSIS
Reply deadline: 20 working days (Regulations on Open Government Information (2019) art. 33 para. 2)
1. Start: 2026-09-28 (Mon); the start day is not counted, day 1 is the next working day (Civil Code art. 201)
2. Working days 1-20: 2026-09-29 to 2026-10-30
3. Rest days passed over: 2026-10-01 to 2026-10-07 National Day; ...
4. Calendar data: 国办发明电〔2025〕7号 (shipped with opengov)
5. Due: 2026-10-30 (Fri)
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from opengov._dates import as_date
from opengov._engine import (
    DEFAULT_OPTIONS,
    CorrectionEdition,
    CountedRun,
    Deadline,
    DeadlineKind,
    DeadlineOptions,
    ExcludedInterval,
    Explanation,
    ExplanationStep,
    FeeWindow,
    NoticeOrigin,
    NoticeRef,
    PauseEndpoints,
    PauseKind,
    PeriodUnit,
    ReceiptDay,
    RegionalRestDays,
    StepKind,
    check_options,
    reply_basis,
    start_rule,
    working_day_deadline,
)
from opengov._lookup import CodeEnum
from opengov._model import trusted
from opengov.citations import Citation, cite
from opengov.editions import Edition, edition_in_force
from opengov.errors import InvalidInputError

if TYPE_CHECKING:
    from opengov.calendar import WorkdayCalendar

__all__ = [
    "AgencyKind",
    "CorrectionEdition",
    "CountedRun",
    "Deadline",
    "DeadlineKind",
    "DeadlineOptions",
    "ExcludedInterval",
    "Explanation",
    "ExplanationStep",
    "FeeWindow",
    "NoticeOrigin",
    "NoticeRef",
    "PauseEndpoints",
    "PauseKind",
    "PeriodUnit",
    "ReceiptDay",
    "RegionalRestDays",
    "StepKind",
    "annual_report_due",
    "proactive_disclosure_deadline",
    "reply_deadline",
]


def reply_deadline(
    received_on: date,
    *,
    extended: bool = False,
    options: DeadlineOptions | None = None,
    calendar: WorkdayCalendar | None = None,
) -> Deadline:
    """The reply deadline for an application received on ``received_on``.

    The edition in force on the receipt day gives the period (2019: 20 working
    days, 2007: 15); ``extended=True`` adds the edition's maximum extension (20 or
    15 working days, Art. 33 para. 2 / 2007 Art. 24 para. 2). For corrections,
    consultations and fees, record events on an
    :class:`~opengov.applications.Application` instead.

    >>> from datetime import date
    >>> reply_deadline(date(2026, 9, 28), extended=True).due
    datetime.date(2026, 11, 27)
    >>> reply_deadline(date(2018, 3, 1)).days
    15
    """
    day = received_on if type(received_on) is date else as_date(received_on, "received_on")
    if type(extended) is not bool:
        raise InvalidInputError(f"extended must be True or False, got {extended!r}")
    opts = check_options(options)
    edition = edition_in_force(day)
    rules = edition.rules
    return working_day_deadline(
        DeadlineKind.REPLY,
        day,
        rules.reply_days,
        basis=reply_basis(edition, extended, day),
        edition=edition,
        options=opts,
        extension_days=rules.max_extension_days if extended else 0,
        calendar=calendar,
        start_counted=opts.receipt_day is ReceiptDay.COUNTED,
    )


def proactive_disclosure_deadline(
    formed_on: date,
    *,
    days: int | None = None,
    options: DeadlineOptions | None = None,
    calendar: WorkdayCalendar | None = None,
) -> Deadline:
    """When information formed or changed on ``formed_on`` must be published.

    The statutory period is the edition's (20 working days, Art. 26; 2007 Art.
    18). Local rules may be stricter: pass ``days`` (e.g. ``days=5``); the result
    then notes that a local rule was applied.

    >>> from datetime import date
    >>> proactive_disclosure_deadline(date(2026, 9, 28)).due
    datetime.date(2026, 10, 30)
    >>> proactive_disclosure_deadline(date(2026, 9, 28), days=5).due
    datetime.date(2026, 10, 10)
    """
    day = as_date(formed_on, "formed_on")
    edition = edition_in_force(day)
    statutory = edition.rules.proactive_disclosure_days
    notes: tuple[str, ...] = ()
    if days is None:
        n = statutory
    else:
        if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 1000:
            raise InvalidInputError(f"days must be an int from 1 to 1000, got {days!r}")
        n = days
        if n != statutory:
            notes = (f"local rule: {n} working days instead of the statutory {statutory}",)
    return working_day_deadline(
        DeadlineKind.PROACTIVE_DISCLOSURE,
        day,
        n,
        basis=(edition.rules.proactive_disclosure_basis, start_rule(day)),
        edition=edition,
        options=check_options(options),
        notes=notes,
        calendar=calendar,
    )


class AgencyKind(CodeEnum):
    """Who publishes an annual report (Art. 49)."""

    DEPARTMENT = "department"
    GOVERNMENT = "government"

    @property
    def label_zh(self) -> str:
        """The Regulation's words."""
        if self is AgencyKind.DEPARTMENT:
            return "县级以上人民政府部门"
        return "县级以上地方人民政府（政府信息公开工作主管部门公布）"

    @property
    def label_en(self) -> str:
        """English description."""
        if self is AgencyKind.DEPARTMENT:
            return "department of a government at county level or above"
        return "local government at county level or above"

    @property
    def basis(self) -> tuple[Citation, ...]:
        """Art. 49 paragraph for the kind."""
        return (cite("ogi-2019:49.1" if self is AgencyKind.DEPARTMENT else "ogi-2019:49.2"),)


def annual_report_due(report_year: int, agency: AgencyKind) -> Deadline:
    """The day by which the annual report for ``report_year`` is due.

    The edition in force on 1 January of the following year decides: 2019
    edition Art. 49 (departments 31 January, governments 31 March), 2007 edition
    Art. 31 (31 March for every agency). The date is fixed by the Regulation
    ("每年…前") and does not roll over rest days.

    >>> annual_report_due(2025, AgencyKind.DEPARTMENT).due
    datetime.date(2026, 1, 31)
    >>> annual_report_due(2018, AgencyKind.DEPARTMENT).due
    datetime.date(2019, 3, 31)
    """
    if isinstance(report_year, bool) or not isinstance(report_year, int):
        raise InvalidInputError(f"report_year must be an int, got {report_year!r}")
    if not 2008 <= report_year <= 9000:
        raise InvalidInputError(
            f"report_year must be 2008 or later (the first year under the 2007 edition), "
            f"got {report_year}"
        )
    if not isinstance(agency, AgencyKind):
        try:
            agency = AgencyKind(agency)
        except (ValueError, TypeError):
            raise InvalidInputError(
                f"unknown agency kind {agency!r}; use 'department' or 'government'"
            ) from None
    edition = edition_in_force(date(report_year + 1, 1, 1))
    rules = edition.rules
    month, day = (
        rules.report_due_department
        if agency is AgencyKind.DEPARTMENT
        else rules.report_due_government
    )
    due = date(report_year + 1, month, day)
    basis = agency.basis if edition is Edition.REG_2019 else rules.report_due_basis
    return trusted(
        Deadline,
        kind=DeadlineKind.ANNUAL_REPORT,
        due=due,
        start=date(report_year, 12, 31),
        days=0,
        unit=PeriodUnit.FIXED_DATE,
        edition=edition,
        basis=basis,
        extension_days=0,
        original_due=None,
        nominal_due=None,
        excluded=(),
        runs=(),
        rolled=(),
        provisional=False,
        options=DEFAULT_OPTIONS,
        notes=(),
        notices=(),
    )
