"""Remedy periods (救济期限, 行政复议法 Art. 20; 行政诉讼法 Arts. 45-47): review and litigation.

An applicant who disagrees with a reply may apply for administrative review
(行政复议) within 60 days of knowing of it (行政复议法 2023 Art. 20; 2017 Art. 9
before 2024-01-01), sue directly within 6 months (行政诉讼法 Art. 46), or sue within
15 days of receiving a review decision (Art. 45). These are calendar-day and
month periods, not working days: counting starts the day after the start day
(Civil Code Art. 201), a month period ends on the corresponding day or the
month's last day (Art. 202), and a last day that is a rest day rolls forward to
the next working day (Art. 203). Which rest days roll is the calendar's
interpretation (weekends, festival and 调休 rest days, as courts do in practice).

Since 2024-01-01, review must come before litigation (复议前置) when an agency
refuses disclosure (行政复议法 2023 Art. 23(4)); the application's remedy list
notes this.

When the reply did not tell the applicant of the remedy (``remedies_notified=False``),
the period runs from the day they learnt of it (``informed_on``) and ends no later
than one year after they knew the reply's content: 60 days for review (行政复议法
2023 Art. 20 para. 3), 6 months for litigation (行诉解释 2018 Art. 64). Without
``informed_on`` the one-year outer limit itself is the due date, and a note says
so. The year is counted like any period (:data:`REMEDY_CAP_COUNTING`).

When the agency never replies (不履行法定职责), the periods run from the day the
reply period expired, i.e. its last day (the reply deadline's ``due``): litigation
within 6 months (行诉解释 2018 Art. 66, on 行政诉讼法 Art. 47 para. 1) and, by
opengov's reading of 行政复议法实施条例 2007 Art. 16(1) ("有履行期限规定的，自履行期限届满
之日起计算"), review within 60 days. Whether that regulation still governs after
the 2023 revision of the Law is an open question; every such result records the
reading in its ``notes`` (see ``docs/concepts/deadlines.md``).

Legal basis:
    - admin-reconsideration-2023:20, admin-reconsideration-2017:9,
      admin-litigation-2017:46, admin-litigation-2017:45,
      admin-reconsideration-2023:23(4); civil-code:201, civil-code:202,
      civil-code:203;
    - not told of the remedy: admin-reconsideration-2023:20.3,
      admin-litigation-interpretation-2018:64;
    - no reply: admin-reconsideration-regs-2007:16(1),
      admin-litigation-interpretation-2018:66, admin-litigation-2017:47.1.

>>> from datetime import date
>>> from opengov.remedies import review_deadline
>>> review_deadline(date(2026, 8, 2)).due      # 60th day is Thu 2026-10-01 (国庆节)
datetime.date(2026, 10, 8)
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta
from typing import TYPE_CHECKING

from opengov._dates import as_date
from opengov._engine import (
    Deadline,
    DeadlineKind,
    DeadlineOptions,
    period_deadline,
)
from opengov.citations import Citation, cite
from opengov.errors import CalendarCoverageError, InvalidInputError

if TYPE_CHECKING:
    from opengov.calendar import WorkdayCalendar

__all__ = [
    "NO_REPLY_REVIEW_START",
    "REMEDY_CAP_COUNTING",
    "litigation_after_review_deadline",
    "litigation_deadline",
    "no_reply_litigation_deadline",
    "no_reply_review_deadline",
    "review_deadline",
]

_REVIEW_2023_IN_FORCE = date(2024, 1, 1)
_INTERPRETATION_2018_IN_FORCE = date(2018, 2, 8)


def review_deadline(
    known_on: date,
    *,
    remedies_notified: bool = True,
    informed_on: date | None = None,
    options: DeadlineOptions | None = None,
    calendar: WorkdayCalendar | None = None,
) -> Deadline:
    """Last day to apply for administrative review: 60 days after ``known_on``.

    ``known_on`` is the day the applicant knew or should have known of the reply
    (usually the day it was delivered). If the reply did not tell the applicant
    of the right to review, the review body and the period
    (``remedies_notified=False``), the 60 days run from ``informed_on``, the day
    they learnt of them, but end no later than one year after ``known_on``
    (2023 Art. 20 para. 3; for acts known from 2024-01-01 only). Without
    ``informed_on`` the due date is that one-year outer limit, with a note.

    >>> from datetime import date
    >>> d = review_deadline(date(2025, 10, 3), remedies_notified=False)
    >>> d.nominal_due, d.due      # one year: 2026-10-03, in 国庆节 → 10-08
    (datetime.date(2026, 10, 3), datetime.date(2026, 10, 8))
    """
    day = as_date(known_on, "known_on")
    basis = (
        cite("admin-reconsideration-2023:20")
        if day >= _REVIEW_2023_IN_FORCE
        else cite("admin-reconsideration-2017:9")
    )
    if _notified(remedies_notified, informed_on):
        return period_deadline(
            DeadlineKind.ADMINISTRATIVE_REVIEW,
            day,
            (basis,),
            days=60,
            options=options,
            calendar=calendar,
        )
    if day < _REVIEW_2023_IN_FORCE:
        raise InvalidInputError(
            f"the one-year cap for an applicant not told of the right to review "
            f"(行政复议法 2023 Art. 20 para. 3) applies from 2024-01-01; known_on {day} is "
            f"earlier and that case is not computed: pass a known_on from 2024-01-01 or "
            f"remedies_notified=True"
        )
    return _not_informed(
        DeadlineKind.ADMINISTRATIVE_REVIEW,
        day,
        informed_on,
        (basis, cite("admin-reconsideration-2023:20.3")),
        "60 days",
        days=60,
        options=options,
        calendar=calendar,
    )


def litigation_deadline(
    known_on: date,
    *,
    remedies_notified: bool = True,
    informed_on: date | None = None,
    options: DeadlineOptions | None = None,
    calendar: WorkdayCalendar | None = None,
) -> Deadline:
    """Last day to sue directly: 6 months after ``known_on`` (行政诉讼法 Art. 46).

    If the reply did not tell the applicant of the litigation period
    (``remedies_notified=False``), the 6 months run from ``informed_on``, the day
    they learnt of it, but end no later than one year after ``known_on``
    (行诉解释 2018 Art. 64; for acts known from 2018-02-08 only). Without
    ``informed_on`` the due date is that one-year outer limit, with a note.

    >>> from datetime import date
    >>> litigation_deadline(date(2026, 4, 3)).due   # 10-03 is in 国庆节 → 10-08
    datetime.date(2026, 10, 8)
    >>> litigation_deadline(date(2025, 9, 1), remedies_notified=False,
    ...                     informed_on=date(2026, 4, 3)).due   # the cap, 2026-09-01
    datetime.date(2026, 9, 1)
    """
    day = as_date(known_on, "known_on")
    basis = cite("admin-litigation-2017:46")
    if _notified(remedies_notified, informed_on):
        return period_deadline(
            DeadlineKind.LITIGATION,
            day,
            (basis,),
            months=6,
            options=options,
            calendar=calendar,
        )
    if day < _INTERPRETATION_2018_IN_FORCE:
        raise InvalidInputError(
            f"the one-year cap for an applicant not told of the litigation period "
            f"(行诉解释 2018 Art. 64) applies from 2018-02-08; known_on {day} is earlier and "
            f"that case is not computed: pass a known_on from 2018-02-08 or "
            f"remedies_notified=True"
        )
    return _not_informed(
        DeadlineKind.LITIGATION,
        day,
        informed_on,
        (basis, cite("admin-litigation-interpretation-2018:64")),
        "6 months",
        months=6,
        options=options,
        calendar=calendar,
    )


# -- not told of the remedy (未告知救济权利、期限) ----------------------------------------

REMEDY_CAP_COUNTING = (
    "interpretation remedy_cap_counting: the one-year cap is a period like any other: "
    "counted from the day after the applicant knew the reply's content (Civil Code "
    "Art. 201), it ends on the corresponding day a year later, or 28 February for "
    "29 February (Art. 202, a year being 12 months), and a last day that is a rest day "
    "rolls forward to the next working day (Art. 203)"
)
"""How the one-year cap for an applicant not told of the remedy is counted.

Recorded in the ``notes`` of every result for that case (行政复议法 2023 Art. 20
para. 3, 行诉解释 2018 Art. 64). Neither text says how "一年" is counted; opengov
applies the Civil Code's period rules, roll-forward included, as for every
other remedy period.
"""


def _notified(remedies_notified: object, informed_on: date | None) -> bool:
    if not isinstance(remedies_notified, bool):
        raise InvalidInputError(
            f"remedies_notified must be True or False, got {type(remedies_notified).__name__}"
        )
    if remedies_notified and informed_on is not None:
        raise InvalidInputError(
            "informed_on is the day an applicant not told of the remedy learnt of it; "
            "pass remedies_notified=False with it, or leave it out"
        )
    return remedies_notified


def _not_informed(
    kind: DeadlineKind,
    known: date,
    informed_on: date | None,
    basis: tuple[Citation, ...],
    period: str,
    *,
    days: int | None = None,
    months: int | None = None,
    options: DeadlineOptions | None,
    calendar: WorkdayCalendar | None,
) -> Deadline:
    """The period for an applicant not told of the remedy, or its one-year cap."""
    not_told = f"the reply did not tell the applicant of the remedy ({period})"
    if informed_on is None:
        cap = period_deadline(kind, known, basis, months=12, options=options, calendar=calendar)
        return _with_notes(
            cap,
            (
                f"{not_told}, and no day is given on which they learnt of it: the due "
                f"date is the one-year cap counted from {known.isoformat()}, the day they "
                f"knew the reply's content, not the ordinary period; once they learn of "
                f"the remedy, {period} run from that day, ending no later than this",
                REMEDY_CAP_COUNTING,
            ),
        )
    informed = as_date(informed_on, "informed_on")
    if informed < known:
        raise InvalidInputError(
            f"informed_on {informed} is before known_on {known}: the applicant learns of the "
            f"remedy at the earliest when they know of the reply; pass a day on or after it"
        )
    if max(known, informed).year >= 9998:
        # no calendar covers it, and the cap would leave datetime's range
        raise CalendarCoverageError(
            f"a one-year period from {known} ends after 9998; no working-day calendar covers it"
        )
    # compare the last days before roll-forward: rolling is monotone, so the earlier
    # nominal end also gives the earlier due date, and only that period needs the calendar
    ordinary_nominal = _nominal_end(informed, days=days, months=months)
    cap_nominal = _nominal_end(known, months=12)
    if ordinary_nominal <= cap_nominal:
        ordinary = period_deadline(
            kind, informed, basis, days=days, months=months, options=options, calendar=calendar
        )
        return _with_notes(
            ordinary,
            (
                f"{not_told}: {period} counted from {informed.isoformat()}, the day they "
                f"learnt of it; within the one-year cap from {known.isoformat()}, whose "
                f"last day is {cap_nominal.isoformat()} before any roll-forward",
                REMEDY_CAP_COUNTING,
            ),
        )
    cap = period_deadline(kind, known, basis, months=12, options=options, calendar=calendar)
    return _with_notes(
        cap,
        (
            f"{not_told}: {period} from {informed.isoformat()}, the day they learnt of it, "
            f"would end {ordinary_nominal.isoformat()} (before any roll-forward), after the "
            f"one-year cap counted from {known.isoformat()}, the day they knew the reply's "
            f"content; the cap applies",
            REMEDY_CAP_COUNTING,
        ),
    )


def _with_notes(deadline: Deadline, notes: tuple[str, ...]) -> Deadline:
    """``deadline`` with ``notes`` instead of its own, as a new validated value."""
    return Deadline.model_validate({**dict(deadline), "notes": notes})


def _nominal_end(start: date, *, days: int | None = None, months: int | None = None) -> date:
    """A period's last day before roll-forward (Civil Code Arts. 201-202)."""
    if days is not None:
        return start + timedelta(days=days)
    assert months is not None
    year, month = divmod(start.year * 12 + start.month - 1 + months, 12)
    return date(year, month + 1, min(start.day, monthrange(year, month + 1)[1]))


def litigation_after_review_deadline(
    decision_received_on: date,
    *,
    options: DeadlineOptions | None = None,
    calendar: WorkdayCalendar | None = None,
) -> Deadline:
    """Last day to sue after a review decision: 15 days (行政诉讼法 Art. 45).

    >>> from datetime import date
    >>> litigation_after_review_deadline(date(2026, 9, 16)).due
    datetime.date(2026, 10, 8)
    """
    day = as_date(decision_received_on, "decision_received_on")
    return period_deadline(
        DeadlineKind.LITIGATION_AFTER_REVIEW,
        day,
        (cite("admin-litigation-2017:45"),),
        days=15,
        options=options,
        calendar=calendar,
    )


# -- no reply (不履行法定职责) ------------------------------------------------------------

NO_REPLY_REVIEW_START = (
    "interpretation no_reply_review_start: with no reply, the 60-day review period runs "
    "from the day the reply period expired (行政复议法实施条例 2007 Art. 16(1), "
    "有履行期限规定的，自履行期限届满之日起计算), the OGI reply period being the period "
    "for performance; the expiry day is not counted (Civil Code Art. 201)"
)
"""The reading behind :func:`no_reply_review_deadline`, recorded in its ``notes``.

Art. 16 of the 2007 implementing regulations speaks of duties under Art. 6 items
(8)-(10) of the Law as it then stood; opengov applies its item (1) to the OGI
reply period, which is a period for performance set by the Regulation (Art. 33).
"""

_REGS_16_1 = cite("admin-reconsideration-regs-2007:16(1)")
_NO_REPLY_REVIEW_2023 = (
    "open question: whether 行政复议法实施条例 (2007) Art. 16 survives the 2023 revision of "
    "the Law is unsettled; opengov reads it as still in force, so the applicant is taken to "
    "know of the non-reply (2023 Art. 20) on the day the reply period expired"
)
_NO_REPLY_LITIGATION_2023 = (
    "since 2024-01-01 a court may treat a non-reply as a failure to perform a duty that "
    "must go to administrative review first (行政复议法 2023 Art. 23(1)(3)); opengov does "
    "not, and lists this period, but applying for review within its period is the safe course"
)


def _expired_note(day: date) -> str:
    return f"no reply: counted from {day.isoformat()}, the day the reply period expired"


def no_reply_review_deadline(
    reply_due: date,
    *,
    options: DeadlineOptions | None = None,
    calendar: WorkdayCalendar | None = None,
) -> Deadline:
    """Last day to apply for review when the agency never replied: 60 days.

    ``reply_due`` is the last day of the reply period (the reply
    :class:`~opengov.deadlines.Deadline`'s ``due``). The period is counted from
    that day, which is itself not counted, so day 1 is the day after it; this
    rests on an interpretation (:data:`NO_REPLY_REVIEW_START`) recorded in the
    result's ``notes``, with the open question of the 2023 revision for reply
    periods that expired from 2024-01-01.

    >>> from datetime import date
    >>> d = no_reply_review_deadline(date(2026, 3, 30))   # 03-31 is day 1
    >>> d.due, [str(c) for c in d.basis[:2]]
    (datetime.date(2026, 5, 29), ['admin-reconsideration-2023:20', 'admin-reconsideration-regs-2007:16(1)'])
    """
    day = as_date(reply_due, "reply_due")
    new_law = day >= _REVIEW_2023_IN_FORCE
    law = cite("admin-reconsideration-2023:20" if new_law else "admin-reconsideration-2017:9")
    notes: tuple[str, ...] = (_expired_note(day), NO_REPLY_REVIEW_START)
    if new_law:
        notes = (*notes, _NO_REPLY_REVIEW_2023)
    return period_deadline(
        DeadlineKind.ADMINISTRATIVE_REVIEW,
        day,
        (law, _REGS_16_1),
        days=60,
        options=options,
        calendar=calendar,
        notes=notes,
    )


def no_reply_litigation_deadline(
    reply_due: date,
    *,
    options: DeadlineOptions | None = None,
    calendar: WorkdayCalendar | None = None,
) -> Deadline:
    """Last day to sue when the agency never replied: 6 months (行诉解释 2018 Art. 66).

    "应当在行政机关履行法定职责期限届满之日起六个月内提出": counted from
    ``reply_due``, the last day of the reply period (not itself counted). For a
    reply period that expired from 2024-01-01 the result notes that a court may
    require review first (行政复议法 2023 Art. 23(1)(3)).

    >>> from datetime import date
    >>> no_reply_litigation_deadline(date(2026, 4, 3)).due   # 10-03 is in 国庆节 → 10-08
    datetime.date(2026, 10, 8)
    """
    day = as_date(reply_due, "reply_due")
    notes: tuple[str, ...] = (_expired_note(day),)
    if day >= _REVIEW_2023_IN_FORCE:
        notes = (*notes, _NO_REPLY_LITIGATION_2023)
    return period_deadline(
        DeadlineKind.LITIGATION,
        day,
        (cite("admin-litigation-interpretation-2018:66"), cite("admin-litigation-2017:47.1")),
        months=6,
        options=options,
        calendar=calendar,
        notes=notes,
    )
