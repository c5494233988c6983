"""Remedy periods (救济期限, 行政复议法 Art. 20; 行政诉讼法 Arts. 45-47): review and litigation.

An applicant who disagrees with a reply may apply for administrative review
(行政复议) within 60 days of knowing of it (行政复议法 2023 Art. 20; 2017 Art. 9
before 2024-01-01), sue directly within 6 months (行政诉讼法 Art. 46; 3 months under
the 1989 Law's Art. 39 for replies known before 2015-05-01, unless that period was
still running on 2015-05-01: 法释〔2015〕9号 Art. 26), or sue within 15 days
of receiving a review decision (Art. 45). Every period, cap and bar is read from
the statute book (:mod:`opengov.law`) on the day that matters, and a result that
rests on a value not verified against its source says so in its ``notes``. These are calendar-day and
month periods, not working days: counting starts the day after the start day
(Civil Code Art. 201), a month period ends on the corresponding day or the
month's last day (Art. 202), and a last day that is a rest day rolls forward to
the next working day (Art. 203); a period that started before 2021-01-01 cites
the same rules of the 民法总则 (from 2017-10-01) or Art. 154 of the 民法通则
(before). Which rest days roll is the calendar's
interpretation (weekends, festival and 调休 rest days, as courts do in practice).

Since 2024-01-01, review must come before litigation (复议前置) when an agency
refuses disclosure (行政复议法 2023 Art. 23(4)); the application's remedy list
notes this.

When the reply did not tell the applicant of the remedy (``remedies_notified=False``),
the period runs from the day they learnt of it (``informed_on``) and ends no later
than one year (two years for litigation before 2018-02-08) after they knew the
reply's content: 60 days for review (行政复议法
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
      admin-litigation-2017:46, admin-litigation-1989:39,
      admin-litigation-interpretation-2015:26.1, admin-litigation-2017:45,
      admin-reconsideration-2023:23(4); civil-code:201, civil-code:202,
      civil-code:203;
    - not told of the remedy: admin-reconsideration-2023:20.3,
      admin-litigation-interpretation-2018:64;
    - no reply: admin-reconsideration-regs-2007:16(1),
      admin-litigation-interpretation-2015:4,
      admin-litigation-interpretation-2018:66, admin-litigation-2017:47.1;
    - not told before 2018-02-08: admin-litigation-interpretation-2000:41;
    - bars: admin-litigation-2017:46.2, admin-litigation-interpretation-2000:42,
      admin-reconsideration-2023:21;
    - after 不再处理: ogi-2019:30, fee-measures-2020.

>>> from datetime import date
>>> from opengov.remedies import review_deadline
>>> review_deadline(date(2026, 8, 2)).due      # 60th day is Thu 2026-10-01 (国庆节)
datetime.date(2026, 10, 8)
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from opengov import law
from opengov._dates import as_date
from opengov._engine import Deadline, DeadlineKind, DeadlineOptions, period_deadline
from opengov._lookup import lookup
from opengov.citations import Citation, cite
from opengov.errors import CalendarCoverageError, InvalidInputError
from opengov.replies import CorrectionReply

if TYPE_CHECKING:
    from opengov.calendar import WorkdayCalendar

__all__ = [
    "BAR_COUNTING",
    "CLOSURE_REMEDY_START",
    "CORRECTION_REMEDIES",
    "NEWER_REGULATIONS_LEAD",
    "NO_REPLY_REVIEW_START",
    "PERIOD_TRANSITION",
    "REMEDY_CAP_COUNTING",
    "closure_remedy_deadlines",
    "correction_remedy_deadlines",
    "litigation_after_review_deadline",
    "litigation_bar",
    "litigation_deadline",
    "no_reply_litigation_deadline",
    "no_reply_review_deadline",
    "review_bar",
    "review_deadline",
]

_REVIEW_2023_IN_FORCE = law.parameter("in_force.admin-reconsideration-2023").first


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
    (2023 Art. 20 para. 3; for acts known from 2024-01-01 only: earlier ones raise
    :class:`~opengov.errors.LawNotInForceError`). Without ``informed_on`` the due
    date is that one-year outer limit, with a note. The period and the cap are
    read from the statute book (``review.period_days``,
    ``review.not_informed_cap_months``) on ``known_on``.

    >>> from datetime import date
    >>> d = review_deadline(date(2025, 10, 3), remedies_notified=False)
    >>> d.nominal_due, d.due      # one year: 2026-10-03, in 国庆节 → 10-08
    (datetime.date(2026, 10, 3), datetime.date(2026, 10, 8))
    """
    return _remedy(
        DeadlineKind.ADMINISTRATIVE_REVIEW,
        as_date(known_on, "known_on"),
        "review.period_days",
        "review.not_informed_cap_months",
        remedies_notified=remedies_notified,
        informed_on=informed_on,
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
    """Last day to sue directly: 6 months after ``known_on`` (3 before 2015-05-01).

    行政诉讼法 Art. 46 (in force 2015-05-01) gives six months; for a reply known
    before that day, the 1989 Law's Art. 39 gave three, unless those three months
    had not expired on 2015-05-01 (their last day, after any roll-forward, on or
    after it): then six months from the same day (法释〔2015〕9号 Art. 26 para. 1;
    :data:`PERIOD_TRANSITION`, book parameter ``litigation.period_transition``).
    If the reply did not tell
    the applicant of the litigation period (``remedies_notified=False``), the period
    runs from ``informed_on``, the day they learnt of it, but ends no later than
    the cap after ``known_on``: one year (行诉解释 2018 Art. 64) for replies known
    from 2018-02-08, two years before (the 2000 interpretation's Art. 41, partly
    verified, with a note). Without ``informed_on`` the due date is the cap itself,
    with a note. Period and cap are read from the statute book
    (``litigation.period_months``, ``litigation.not_informed_cap_months``).

    >>> from datetime import date
    >>> litigation_deadline(date(2026, 4, 3)).due   # 10-03 is in 国庆节 → 10-08
    datetime.date(2026, 10, 8)
    >>> litigation_deadline(date(2014, 6, 3)).due   # 3 months: Wed 2014-09-03
    datetime.date(2014, 9, 3)
    >>> litigation_deadline(date(2015, 2, 10)).due  # running on 2015-05-01: 6 months
    datetime.date(2015, 8, 10)
    >>> litigation_deadline(date(2025, 9, 1), remedies_notified=False,
    ...                     informed_on=date(2026, 4, 3)).due   # the cap, 2026-09-01
    datetime.date(2026, 9, 1)
    """
    return _remedy(
        DeadlineKind.LITIGATION,
        as_date(known_on, "known_on"),
        "litigation.period_months",
        "litigation.not_informed_cap_months",
        remedies_notified=remedies_notified,
        informed_on=informed_on,
        options=options,
        calendar=calendar,
    )


def _evidence_notes(*entries: law.DatedValue) -> tuple[str, ...]:
    """Notes for book entries that are not verified or carry a caveat."""
    out: list[str] = []
    for e in entries:
        refs = ", ".join(str(b) for b in e.basis)
        if e.evidence is not law.Evidence.VERIFIED:
            out.append(f"{refs}: evidence {e.evidence.value} ({e.source})")
        if e.note:
            out.append(f"{refs}: {e.note}")
    return tuple(out)


PERIOD_TRANSITION = (
    "interpretation period_transition: a direct-litigation period is still running "
    "(尚未届满) on 2015-05-01 when its last day under the 1989 Law's three months, after any "
    "roll-forward (民法通则 Art. 154 para. 3, in force then), is on or after 2015-05-01; such "
    "a period follows "
    "the amended Law (法释〔2015〕9号 Art. 26 para. 1): six months from the same start day"
)
"""How opengov reads 尚未届满 in 法释〔2015〕9号 Art. 26 para. 1.

Recorded in the ``notes`` of every litigation period counted from a day before
2015-05-01, whichever way it falls. The book holds the rule as
``litigation.period_transition``.
"""

# the book's transition rule for a period parameter, where it has one
_TRANSITIONS = {"litigation.period_months": "litigation.period_transition"}


def _unit(period: law.Parameter, length: int) -> dict[str, int]:
    return {"days": length} if period.unit is law.Unit.DAYS else {"months": length}


def _governing(
    kind: DeadlineKind,
    period: law.Parameter,
    read_on: date,
    start: date,
    *,
    options: DeadlineOptions | None,
    calendar: WorkdayCalendar | None,
) -> tuple[int, tuple[Citation, ...], tuple[str, ...]]:
    """The period (length, basis, notes) read on ``read_on`` for a period from ``start``.

    Where the book holds a transition rule for the parameter, a period that had not
    expired on the day the next value took effect takes that value
    (:data:`PERIOD_TRANSITION`).
    """
    entry = period.at(read_on)
    length = period.int_at(read_on)
    rule = _TRANSITIONS.get(period.name)
    nxt = next((v for v in period.values if v.since > entry.since), None)
    if rule is None or nxt is None or not isinstance(nxt.value, int):
        return length, entry.basis, _evidence_notes(entry)
    transition = law.parameter(rule)
    if nxt.since < transition.first or not transition.flag_at(nxt.since):
        return length, entry.basis, _evidence_notes(entry)
    old = period_deadline(
        kind, start, entry.basis, options=options, calendar=calendar, notes=(),
        **_unit(period, length),
    )  # fmt: skip
    unit = period.unit.value
    if old.due < nxt.since:
        return (
            length,
            entry.basis,
            (
                f"{length} {unit} from {start.isoformat()} ended on {old.due.isoformat()}, "
                f"before {nxt.since.isoformat()}: the period had expired, so the later "
                f"{nxt.value} {unit} do not apply",
                PERIOD_TRANSITION,
                *_evidence_notes(entry),
            ),
        )
    rule_entry = transition.at(nxt.since)
    return (
        nxt.value,
        (*nxt.basis, *rule_entry.basis),
        (
            f"{length} {unit} from {start.isoformat()} would end on {old.due.isoformat()}, "
            f"on or after {nxt.since.isoformat()}: the period was still running (尚未届满), "
            f"so it is {nxt.value} {unit} from the same day",
            PERIOD_TRANSITION,
            *_evidence_notes(nxt),
        ),
    )


def _remedy(
    kind: DeadlineKind,
    day: date,
    period_name: str,
    cap_name: str,
    *,
    remedies_notified: bool,
    informed_on: date | None,
    options: DeadlineOptions | None,
    calendar: WorkdayCalendar | None,
) -> Deadline:
    """The one reader behind review and litigation periods: a period and its cap."""
    period = law.parameter(period_name)
    notified = _notified(remedies_notified, informed_on)
    # the ordinary period runs from the day the applicant learnt of the remedy, if given
    start = day if informed_on is None else max(day, as_date(informed_on, "informed_on"))
    length, basis, notes = _governing(kind, period, day, start, options=options, calendar=calendar)
    unit = _unit(period, length)
    label = f"{length} {period.unit.value}"
    if notified:
        return period_deadline(
            kind,
            day,
            basis,
            options=options,
            calendar=calendar,
            notes=notes,
            **unit,
        )
    cap = law.parameter(cap_name)
    cap_entry = cap.at(day)
    return _not_informed(
        kind,
        day,
        informed_on,
        basis + cap_entry.basis,
        label,
        cap.int_at(day),
        notes + _evidence_notes(cap_entry),
        options=options,
        calendar=calendar,
        **unit,
    )


# -- not told of the remedy (未告知救济权利、期限) ----------------------------------------

REMEDY_CAP_COUNTING = (
    "interpretation remedy_cap_counting: the cap (one year; two years for litigation "
    "before 2018-02-08) is a period like any other: counted from the day after the "
    "applicant knew the reply's content, it ends on the corresponding day a year later, "
    "or 28 February for 29 February (a year being 12 months), and a last day that is a "
    "rest day rolls forward to the next working day (the counting rules in force on the "
    "start day: Civil Code Arts. 201-203 from 2021-01-01, 民法总则 Arts. 201-203 from "
    "2017-10-01, 民法通则 Art. 154 before)"
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
    cap_months: int,
    extra: tuple[str, ...],
    *,
    days: int | None = None,
    months: int | None = None,
    options: DeadlineOptions | None,
    calendar: WorkdayCalendar | None,
) -> Deadline:
    """The period for an applicant not told of the remedy, or its cap."""
    not_told = f"the reply did not tell the applicant of the remedy ({period})"
    cap_text = "one-year" if cap_months == 12 else f"{cap_months}-month"

    def noted(d: Deadline, first: str) -> Deadline:
        return Deadline.model_validate({**dict(d), "notes": (first, REMEDY_CAP_COUNTING, *extra)})

    if informed_on is None:
        cap = period_deadline(
            kind, known, basis, months=cap_months, options=options, calendar=calendar
        )
        return noted(
            cap,
            f"{not_told}, and no day is given on which they learnt of it: the due "
            f"date is the {cap_text} cap counted from {known.isoformat()}, the day they "
            f"knew the reply's content, not the ordinary period; once they learn of "
            f"the remedy, {period} run from that day, ending no later than this",
        )
    informed = as_date(informed_on, "informed_on")
    if informed < known:
        raise InvalidInputError(
            f"informed_on {informed} is before known_on {known}: the applicant learns of the "
            f"remedy at the earliest when they know of the reply; pass a day on or after it"
        )
    if max(known, informed).year >= 9997:
        # no calendar covers it, and the cap would leave datetime's range
        raise CalendarCoverageError(
            f"a {cap_text} period from {known} ends after 9997; no working-day calendar covers it"
        )
    # compare the last days before roll-forward: rolling is monotone, so the earlier
    # nominal end also gives the earlier due date, and only that period needs the calendar
    ordinary_nominal = _nominal_end(informed, days=days, months=months)
    cap_nominal = _nominal_end(known, months=cap_months)
    if ordinary_nominal <= cap_nominal:
        ordinary = period_deadline(
            kind, informed, basis, days=days, months=months, options=options, calendar=calendar
        )
        return noted(
            ordinary,
            f"{not_told}: {period} counted from {informed.isoformat()}, the day they "
            f"learnt of it; within the {cap_text} cap from {known.isoformat()}, whose "
            f"last day is {cap_nominal.isoformat()} before any roll-forward",
        )
    cap = period_deadline(kind, known, basis, months=cap_months, options=options, calendar=calendar)
    return noted(
        cap,
        f"{not_told}: {period} from {informed.isoformat()}, the day they learnt of it, "
        f"would end {ordinary_nominal.isoformat()} (before any roll-forward), after the "
        f"{cap_text} cap counted from {known.isoformat()}, the day they knew the reply's "
        f"content; the cap applies",
    )


def _nominal_end(start: date, *, days: int | None = None, months: int | None = None) -> date:
    """A period's last day before roll-forward (Civil Code Arts. 201-202).

    ``relativedelta`` keeps the day of the month, or takes the month's last day
    where it has none (31 Aug + 1 month = 30 Sep), which is Art. 202's rule.
    """
    if days is not None:
        return start + timedelta(days=days)
    assert months is not None
    end: date = start + relativedelta(months=months)
    return end


# -- after 不再处理 closures (逾期不补正, 逾期不缴费) ------------------------------------------

CLOSURE_REMEDY_START = (
    "interpretation closure_remedy_start: when an application is no longer processed "
    "(不再处理) because the applicant did not correct it (Art. 30) or did not pay the fee "
    "(国办函〔2020〕109号) in time, the applicant is taken to know of that outcome on the "
    "last day of the correction or payment window, and the review and litigation periods "
    "run from it (that day not counted); the earlier reading, and the safe one"
)
"""The reading behind :func:`closure_remedy_deadlines`, recorded in its ``notes``."""

_CLOSURE_BASIS = {
    "not_corrected": ("ogi-2019:30",),
    "fee_not_paid": ("fee-measures-2020",),
}


def closure_remedy_deadlines(
    window_end: date,
    reason: str,
    *,
    options: DeadlineOptions | None = None,
    calendar: WorkdayCalendar | None = None,
) -> tuple[Deadline, Deadline]:
    """Review and litigation periods after a 不再处理 closure.

    ``reason`` is ``"not_corrected"`` (逾期不补正, Art. 30: "视为放弃申请，行政机关不再处理")
    or ``"fee_not_paid"`` (逾期不缴费, 国办函〔2020〕109号: the fee decision cannot be
    challenged alone, the closure can be after the payment window, as reported).
    ``window_end`` is the last day of the correction or payment window; both
    periods run from it (:data:`CLOSURE_REMEDY_START`). A closure is not a refusal
    to disclose, so no review-first rule applies.

    >>> from datetime import date
    >>> review, suit = closure_remedy_deadlines(date(2026, 3, 17), "not_corrected")
    >>> review.due, suit.due     # 60 days: Sat 05-16 → Mon 05-18; 6 months: Thu 09-17
    (datetime.date(2026, 5, 18), datetime.date(2026, 9, 17))
    """
    day = as_date(window_end, "window_end")
    if reason not in _CLOSURE_BASIS:
        raise InvalidInputError(f"reason must be 'not_corrected' or 'fee_not_paid', got {reason!r}")
    extra = tuple(cite(c) for c in _CLOSURE_BASIS[reason])
    note = (
        f"不再处理 ({reason}): counted from {day.isoformat()}, the last day of the "
        f"{'correction' if reason == 'not_corrected' else 'payment'} window",
        CLOSURE_REMEDY_START,
    )
    out = []
    for reader in (review_deadline, litigation_deadline):
        d = reader(day, options=options, calendar=calendar)
        out.append(
            Deadline.model_validate(
                {**dict(d), "basis": d.basis + extra, "notes": (*note, *d.notes)}
            )
        )
    return out[0], out[1]


CORRECTION_REMEDIES = (
    "更正 answer (Art. 41): the ordinary review and litigation periods from the day the "
    "applicant knew of the answer; not review-first (行政复议法 2023 Art. 23(1)(4) covers "
    "refusals to disclose only); a refusal to correct, or not referring the request, is open "
    "to suit (法释〔2011〕17号 Art. 1(4))"
)
"""The note on the remedy periods of an answer to an Art. 41 更正 request."""


def correction_remedy_deadlines(
    reply: CorrectionReply | str,
    known_on: date,
    *,
    remedies_notified: bool = True,
    informed_on: date | None = None,
    options: DeadlineOptions | None = None,
    calendar: WorkdayCalendar | None = None,
) -> tuple[Deadline, Deadline]:
    """Review and litigation periods after an answer to a 更正 request (Art. 41).

    The periods are those of :func:`review_deadline` and :func:`litigation_deadline`
    from ``known_on``, each with the answer's basis added and the note
    :data:`CORRECTION_REMEDIES`. No review-first rule applies
    (:attr:`CorrectionReply.review_first`).

    >>> from datetime import date
    >>> review, suit = correction_remedy_deadlines("refused", date(2026, 3, 2))
    >>> review.due, suit.due     # 60 days: Fri 05-01 (劳动节) → Wed 05-06; 6 months: Wed 09-02
    (datetime.date(2026, 5, 6), datetime.date(2026, 9, 2))
    """
    answer = lookup(CorrectionReply, reply)
    day = as_date(known_on, "known_on")
    out = []
    for reader in (review_deadline, litigation_deadline):
        d = reader(
            day,
            remedies_notified=remedies_notified,
            informed_on=informed_on,
            options=options,
            calendar=calendar,
        )
        out.append(
            Deadline.model_validate(
                {
                    **dict(d),
                    "basis": d.basis + answer.basis,
                    "notes": (CORRECTION_REMEDIES, *d.notes),
                }
            )
        )
    return out[0], out[1]


# -- the longest bars (最长起诉期限 / 最长申请期限) ----------------------------------------

BAR_COUNTING = (
    "interpretation bar_counting: the longest bar (5 years; 20 for real property) is "
    "counted like the other remedy periods: from the day after the act was made, to the "
    "corresponding day, a rest day at the end rolling forward (the counting rules in force "
    "on the day the act was made: Civil Code Arts. 201-203 from 2021-01-01, 民法总则 Arts. "
    "201-203 from 2017-10-01, 民法通则 Art. 154 before); it bounds the period of an "
    "applicant who did not know of the act's content (行诉解释 2018 Art. 65)"
)
"""How the 5/20-year bars are counted; recorded in the ``notes`` of every bar."""


def litigation_bar(
    made_on: date,
    *,
    real_property: bool = False,
    options: DeadlineOptions | None = None,
    calendar: WorkdayCalendar | None = None,
) -> Deadline:
    """Last day a court accepts a suit against an act made on ``made_on``.

    "因不动产提起诉讼的案件自行政行为作出之日起超过二十年，其他案件自行政行为作出之日起超过
    五年提起诉讼的，人民法院不予受理" (行政诉讼法 Art. 46 para. 2, from 2015-05-01; the
    2000 interpretation's Art. 42 before, partly verified). This bounds the period
    of an applicant who did not know of the act's content (行诉解释 2018 Art. 65).
    The bar is read from the statute book on ``made_on``.

    >>> from datetime import date
    >>> litigation_bar(date(2016, 3, 10)).due     # 5 years: Wed 2021-03-10
    datetime.date(2021, 3, 10)
    """
    return _bar(
        DeadlineKind.LITIGATION,
        as_date(made_on, "made_on"),
        "litigation.bar_years_real_property" if _flag(real_property) else "litigation.bar_years",
        as_of=None,
        options=options,
        calendar=calendar,
    )


def review_bar(
    made_on: date,
    *,
    real_property: bool = False,
    options: DeadlineOptions | None = None,
    calendar: WorkdayCalendar | None = None,
) -> Deadline:
    """Last day a review body accepts an application against an act made on ``made_on``.

    行政复议法 2023 Art. 21: 20 years for real property, 5 years otherwise, from the
    day the act was made. The bar took effect on 2024-01-01 and governs applications
    from that day, whenever the act was made; earlier law set none, and the result
    then says so in its ``notes``.

    >>> from datetime import date
    >>> d = review_bar(date(2019, 6, 3))      # 5 years: Mon 2024-06-03
    >>> d.due, str(d.basis[0])
    (datetime.date(2024, 6, 3), 'admin-reconsideration-2023:21')
    """
    day = as_date(made_on, "made_on")
    return _bar(
        DeadlineKind.ADMINISTRATIVE_REVIEW,
        day,
        "review.bar_years_real_property" if _flag(real_property) else "review.bar_years",
        as_of=max(day, _REVIEW_2023_IN_FORCE),
        options=options,
        calendar=calendar,
    )


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise InvalidInputError(f"real_property must be True or False, got {type(value).__name__}")
    return value


def _bar(
    kind: DeadlineKind,
    day: date,
    name: str,
    *,
    as_of: date | None,
    options: DeadlineOptions | None,
    calendar: WorkdayCalendar | None,
) -> Deadline:
    bar = law.parameter(name)
    read = day if as_of is None else as_of
    entry = bar.at(read)
    years = bar.int_at(read)
    notes: tuple[str, ...] = (
        f"longest bar: {years} years from {day.isoformat()}, the day the act was made",
        BAR_COUNTING,
    )
    if read != day:
        notes = (
            *notes,
            f"the bar took effect on {read.isoformat()}: before that day the law set no such "
            f"bar on review, and from it an application past this day is refused",
        )
    # a year is 12 months (Civil Code Art. 202): the result counts 60 or 240 months
    return period_deadline(
        kind,
        day,
        entry.basis,
        months=12 * years,
        options=options,
        calendar=calendar,
        notes=notes + _evidence_notes(entry),
    )


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
    after = law.parameter("litigation.after_review_days")
    return period_deadline(
        DeadlineKind.LITIGATION_AFTER_REVIEW,
        day,
        after.at(day).basis,
        days=after.int_at(day),
        options=options,
        calendar=calendar,
    )


# -- no reply (不履行法定职责) ------------------------------------------------------------

NO_REPLY_REVIEW_START = (
    "interpretation no_reply_review_start: with no reply, the 60-day review period runs "
    "from the day the reply period expired (行政复议法实施条例 2007 Art. 16(1), "
    "有履行期限规定的，自履行期限届满之日起计算), the OGI reply period being the period "
    "for performance; the expiry day is not counted (Civil Code Art. 201; before 2021 民法总则 "
    "Art. 201, before 2017-10-01 民法通则 Art. 154 para. 2)"
)
"""The reading behind :func:`no_reply_review_deadline`, recorded in its ``notes``.

Art. 16 of the 2007 implementing regulations speaks of duties under Art. 6 items
(8)-(10) of the Law as it then stood; opengov applies its item (1) to the OGI
reply period, which is a period for performance set by the Regulation (Art. 33).
"""

_REGS_16_1 = cite("admin-reconsideration-regs-2007:16(1)")
NEWER_REGULATIONS_LEAD = (
    "open lead, not confirmed: a public code module on 复议前置 cites a newer 行政复议法实施条例 "
    "(its Arts. 30-31, whose content does not match the 2007 Arts. 30-31) under which a "
    "non-reply (受理后不予答复) must go to review first (行政复议法 2023 Art. 23(1)(3)); its "
    "text, number and date were not found, so opengov does not apply it"
)
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
    review = law.parameter("review.period_days")
    notes: tuple[str, ...] = (_expired_note(day), NO_REPLY_REVIEW_START)
    if day >= _REVIEW_2023_IN_FORCE:
        notes = (*notes, _NO_REPLY_REVIEW_2023, NEWER_REGULATIONS_LEAD)
    return period_deadline(
        DeadlineKind.ADMINISTRATIVE_REVIEW,
        day,
        (*review.at(day).basis, _REGS_16_1),
        days=review.int_at(day),
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
    ``reply_due``, the last day of the reply period (not itself counted). The period
    is read from the statute book (``litigation.no_reply_period_months``) on
    ``reply_due``: 法释〔2015〕9号 Art. 4 from 2015-05-01, 行诉解释 2018 Art. 66 from
    2018-02-08 (both six months); before 2015-05-01 the rule was not checked and the
    result says so. For a reply period that expired from 2024-01-01 the result
    notes that a court may require review first (行政复议法 2023 Art. 23(1)(3)).

    >>> from datetime import date
    >>> no_reply_litigation_deadline(date(2026, 4, 3)).due   # 10-03 is in 国庆节 → 10-08
    datetime.date(2026, 10, 8)
    """
    day = as_date(reply_due, "reply_due")
    period = law.parameter("litigation.no_reply_period_months")
    entry = period.at(day)
    notes: tuple[str, ...] = (_expired_note(day),)
    if day >= _REVIEW_2023_IN_FORCE:
        notes = (*notes, _NO_REPLY_LITIGATION_2023, NEWER_REGULATIONS_LEAD)
    return period_deadline(
        DeadlineKind.LITIGATION,
        day,
        entry.basis,
        months=period.int_at(day),
        options=options,
        calendar=calendar,
        notes=notes + _evidence_notes(entry),
    )
