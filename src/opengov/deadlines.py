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

from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import Field

from opengov._dates import as_date
from opengov._lookup import CodeEnum
from opengov._model import FrozenModel
from opengov.citations import Citation, cite
from opengov.editions import Edition, edition_in_force
from opengov.errors import InvalidInputError

if TYPE_CHECKING:
    from opengov.calendar import WorkdayCalendar

__all__ = [
    "AgencyKind",
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
    "StepKind",
    "annual_report_due",
    "proactive_disclosure_deadline",
    "reply_deadline",
]

_M = TypeVar("_M", bound=FrozenModel)
_ONE_DAY = timedelta(days=1)


def _trusted(cls: type[_M], **values: Any) -> _M:
    """Build a model from values opengov computed itself, skipping validation.

    Only for internal results whose every field is passed and already has the
    right type; anything a caller gives goes through normal validation.
    """
    obj = _new(cls)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", set(values))
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


_new = object.__new__
_set = object.__setattr__


# -- interpretation options ------------------------------------------------------------


class ReceiptDay(CodeEnum):
    """Whether the day the application is received counts as day 1.

    ``NOT_COUNTED`` (default): the start day is not counted and day 1 is the first
    working day after it, so a rest-day receipt counts from the next working day
    (Civil Code Art. 201; consistent with SPC Guiding Case No. 26, whose
    plaintiff counted the 2007 15-day period that way). ``COUNTED``: a receipt on
    a working day is day 1 (the stricter reading some agencies use internally;
    a rest-day receipt is still counted from the next working day).
    """

    NOT_COUNTED = "not_counted"
    COUNTED = "counted"

    @property
    def label_zh(self) -> str:
        """Chinese description."""
        if self is ReceiptDay.NOT_COUNTED:
            return "收到申请当日不计入，自下一个工作日起算"
        return "收到申请当日为工作日的计入期限"

    @property
    def label_en(self) -> str:
        """English description."""
        if self is ReceiptDay.NOT_COUNTED:
            return "receipt day not counted; day 1 is the next working day"
        return "receipt day counted as day 1 when it is a working day"

    @property
    def basis(self) -> tuple[Citation, ...]:
        """Why."""
        return (cite("civil-code:201"), cite("guiding-case-26"))


class PauseEndpoints(CodeEnum):
    """Which working days a consultation (or an excluded fee window) removes.

    For an interval from the day a letter (or fee notice) is sent to the day the
    opinion (or payment) arrives:

    - ``AFTER_START_THROUGH_END`` (default): working days from the day after
      sending through the day of arrival are not counted. The sending day was
      already spent on the application; the waiting period, like any period,
      starts the day after (Civil Code Art. 201), and the reply count resumes the
      day after the opinion arrives.
    - ``START_THROUGH_END``: the sending day is excluded too (most generous to
      the agency).
    - ``AFTER_START_BEFORE_END``: only days strictly between sending and arrival
      (most generous to the applicant).
    """

    AFTER_START_THROUGH_END = "after_start_through_end"
    START_THROUGH_END = "start_through_end"
    AFTER_START_BEFORE_END = "after_start_before_end"

    @property
    def label_zh(self) -> str:
        """Chinese description."""
        return {
            "after_start_through_end": "自发出次日起至收到之日止不计入",
            "start_through_end": "自发出之日起至收到之日止不计入",
            "after_start_before_end": "发出之日与收到之日之间的日期不计入",
        }[self.value]

    @property
    def label_en(self) -> str:
        """English description."""
        return {
            "after_start_through_end": "from the day after sending through the day of arrival",
            "start_through_end": "from the day of sending through the day of arrival",
            "after_start_before_end": "only the days strictly between sending and arrival",
        }[self.value]

    @property
    def basis(self) -> tuple[Citation, ...]:
        """Why."""
        return (cite("ogi-2019:33.3"), cite("civil-code:201"))

    def bounds(self, start: date, end: date) -> tuple[date, date]:
        """The interval as (lo, hi): working days in (lo, hi] are not counted."""
        if self is PauseEndpoints.START_THROUGH_END:
            return start - _ONE_DAY, end
        if self is PauseEndpoints.AFTER_START_BEFORE_END:
            return start, max(start, end - _ONE_DAY)
        return start, end


class FeeWindow(CodeEnum):
    """Whether the fee payment window is excluded from the reply period.

    The reply period's treatment of the time between a fee notice and payment
    rests on 国办函〔2020〕109号, whose official text was not verified: it is
    recalled (not confirmed) that the window is not counted. There is no
    default: a reply deadline for an application with a fee notice needs an
    explicit choice, and raises :class:`~opengov.errors.NeedsInterpretationError`
    without one.

    - ``EXCLUDED``: the window is paused like a consultation (endpoints per
      :class:`PauseEndpoints`); the reading recalled from the Measures, and the
      only one under which an agency can always wait for the applicant's 20
      working days.
    - ``COUNTED``: the reply period keeps running (the conservative reading: a
      deadline that is never later than the law allows).
    """

    EXCLUDED = "excluded"
    COUNTED = "counted"

    @property
    def label_zh(self) -> str:
        """Chinese description."""
        return "缴费期间不计入答复期限" if self is FeeWindow.EXCLUDED else "缴费期间计入答复期限"

    @property
    def label_en(self) -> str:
        """English description."""
        if self is FeeWindow.EXCLUDED:
            return "fee payment window not counted in the reply period"
        return "fee payment window counted in the reply period"

    @property
    def basis(self) -> tuple[Citation, ...]:
        """Why."""
        return (cite("fee-measures-2020"),)


class RegionalRestDays(FrozenModel):
    """Rest days a local government sets for its area, e.g. a minority festival.

    The 全国年节及纪念日放假办法 (Art. 4) lets the local governments of areas where
    minority peoples live set rest days for their festivals (古尔邦节, 藏历新年, …);
    agencies there do not work on them, so deadlines counted for such an agency
    skip them. ``source`` names the local notice, for the record.

    >>> from datetime import date
    >>> RegionalRestDays(name="古尔邦节", days=(date(2026, 5, 27),)).days
    (datetime.date(2026, 5, 27),)
    """

    name: str = Field(min_length=1, max_length=100)
    days: tuple[date, ...] = Field(min_length=1)
    source: str = Field(default="", max_length=300)

    @property
    def basis(self) -> tuple[Citation, ...]:
        """Where local rest days come from."""
        return (cite("holiday-measures-2024:4"),)


class DeadlineOptions(FrozenModel):
    """How a deadline is counted: the interpretations used and the local rest days.

    Recorded on every result. ``regional_rest_days`` adds a local government's
    rest days (:class:`RegionalRestDays`) to the calendar counted on.

    >>> DeadlineOptions().receipt_day.value
    'not_counted'
    """

    receipt_day: ReceiptDay = ReceiptDay.NOT_COUNTED
    pause_endpoints: PauseEndpoints = PauseEndpoints.AFTER_START_THROUGH_END
    fee_window: FeeWindow | None = None
    provisional: bool = Field(default=False, strict=True)
    regional_rest_days: tuple[RegionalRestDays, ...] = ()


DEFAULT_OPTIONS = DeadlineOptions()


# -- the deadline value ---------------------------------------------------------------


class DeadlineKind(CodeEnum):
    """Which deadline. Values are stable wire codes."""

    REPLY = "reply"
    CORRECTION_NOTICE = "correction_notice"
    CORRECTION = "correction"
    THIRD_PARTY_OPINION = "third_party_opinion"
    AGENCY_OPINION = "agency_opinion"
    FEE_PAYMENT = "fee_payment"
    ADMINISTRATIVE_REVIEW = "administrative_review"
    LITIGATION = "litigation"
    LITIGATION_AFTER_REVIEW = "litigation_after_review"
    PROACTIVE_DISCLOSURE = "proactive_disclosure"
    ANNUAL_REPORT = "annual_report"

    @property
    def label_zh(self) -> str:
        """Chinese name."""
        return _KIND_LABELS[self][0]

    @property
    def label_en(self) -> str:
        """English name."""
        return _KIND_LABELS[self][1]


_KIND_LABELS: dict[DeadlineKind, tuple[str, str]] = {
    DeadlineKind.REPLY: ("答复期限", "Reply deadline"),
    DeadlineKind.CORRECTION_NOTICE: ("补正告知期限", "Deadline to ask for correction"),
    DeadlineKind.CORRECTION: ("补正期限", "Applicant's correction deadline"),
    DeadlineKind.THIRD_PARTY_OPINION: ("第三方提出意见期限", "Third party's opinion deadline"),
    DeadlineKind.AGENCY_OPINION: ("被征求意见机关提出意见期限", "Consulted agency's deadline"),
    DeadlineKind.FEE_PAYMENT: ("缴纳信息处理费期限", "Fee payment deadline"),
    DeadlineKind.ADMINISTRATIVE_REVIEW: ("申请行政复议期限", "Administrative review deadline"),
    DeadlineKind.LITIGATION: ("提起行政诉讼期限", "Litigation deadline"),
    DeadlineKind.LITIGATION_AFTER_REVIEW: (
        "不服复议决定提起诉讼期限",
        "Litigation deadline after a review decision",
    ),
    DeadlineKind.PROACTIVE_DISCLOSURE: ("主动公开期限", "Proactive disclosure deadline"),
    DeadlineKind.ANNUAL_REPORT: ("年度报告公布期限", "Annual report due date"),
}


class PeriodUnit(CodeEnum):
    """What the period counts."""

    WORKING_DAYS = "working_days"
    DAYS = "days"
    MONTHS = "months"
    FIXED_DATE = "fixed_date"

    @property
    def label_zh(self) -> str:
        """Chinese unit."""
        return {"working_days": "个工作日", "days": "日", "months": "个月", "fixed_date": ""}[
            self.value
        ]

    @property
    def label_en(self) -> str:
        """English unit."""
        return {
            "working_days": "working days",
            "days": "days",
            "months": "months",
            "fixed_date": "",
        }[self.value]


class PauseKind(CodeEnum):
    """Why an interval is not counted."""

    THIRD_PARTY_CONSULTATION = "third_party_consultation"
    AGENCY_CONSULTATION = "agency_consultation"
    FEE_PAYMENT = "fee_payment"

    @property
    def label_zh(self) -> str:
        """Chinese description."""
        return {
            "third_party_consultation": "征求第三方意见",
            "agency_consultation": "征求其他机关意见",
            "fee_payment": "等待缴纳信息处理费",
        }[self.value]

    @property
    def label_en(self) -> str:
        """English description."""
        return {
            "third_party_consultation": "consulting a third party",
            "agency_consultation": "consulting another agency",
            "fee_payment": "waiting for the fee",
        }[self.value]


class ExcludedInterval(FrozenModel):
    """An interval not counted in a working-day period.

    ``start`` is the day the letter or notice was sent, ``end`` the day the answer
    (or payment) arrived; which of those days are excluded is ``endpoints``.
    ``open`` marks an interval still running: ``end`` is then the latest day it
    can last (the other side's own deadline) and the due date may move earlier
    once the answer arrives. ``working_days`` is how many working days it removed
    from the count (0 if it began after the deadline).
    """

    kind: PauseKind
    start: date
    end: date
    endpoints: PauseEndpoints
    open: bool = Field(strict=True)
    working_days: int = Field(strict=True, ge=0)


class CountedRun(FrozenModel):
    """Working days ``first_day`` … ``first_day + days - 1`` of a period, counted
    strictly after ``after`` and ending on ``through``. ``extension`` marks days
    added by an approved extension."""

    after: date
    days: int = Field(strict=True, ge=0)
    through: date
    first_day: int = Field(strict=True, ge=1)
    extension: bool = Field(strict=True)


class StepKind(CodeEnum):
    """A step of an explanation."""

    START = "start"
    COUNT = "count"
    REST_DAYS = "rest_days"
    PAUSE = "pause"
    EXTENSION = "extension"
    ROLL_FORWARD = "roll_forward"
    NOTE = "note"
    CALENDAR = "calendar"
    DUE = "due"


class ExplanationStep(FrozenModel):
    """One step, with its data and its text in both languages."""

    kind: StepKind
    start: date | None = None
    end: date | None = None
    days: int | None = None
    names: tuple[tuple[date, str, str], ...] = ()
    text_zh: str
    text_en: str


class Explanation(FrozenModel):
    """How a deadline was computed, as ordered steps."""

    title_zh: str
    title_en: str
    steps: tuple[ExplanationStep, ...]

    def to_zh(self) -> str:
        """The explanation as numbered Chinese lines."""
        return "\n".join(
            [self.title_zh, *(f"{i}. {s.text_zh}" for i, s in enumerate(self.steps, 1))]
        )

    def to_en(self) -> str:
        """The explanation as numbered English lines."""
        return "\n".join(
            [self.title_en, *(f"{i}. {s.text_en}" for i, s in enumerate(self.steps, 1))]
        )


class NoticeOrigin(CodeEnum):
    """Where the calendar in use got a holiday notice (see :mod:`opengov.calendar`)."""

    BUNDLED = "bundled"
    INSTALLED = "installed"
    ADDED = "added"

    @property
    def label_zh(self) -> str:
        """Chinese description."""
        return {"bundled": "opengov随附数据", "installed": "本地安装", "added": "程序添加"}[
            self.value
        ]

    @property
    def label_en(self) -> str:
        """English description."""
        return {
            "bundled": "shipped with opengov",
            "installed": "installed locally",
            "added": "added in code",
        }[self.value]


class NoticeRef(FrozenModel):
    """A State Council holiday notice a result rests on, and where its data came from.

    ``label`` is the document number, or the title where the number is unknown;
    ``path`` the file an installed notice was read from.
    """

    year: int = Field(strict=True)
    revision: int = Field(strict=True, ge=0)
    label: str
    origin: NoticeOrigin
    path: str | None = None
    evidence: str

    @classmethod
    def between(cls, calendar: WorkdayCalendar, first: date, last: date) -> tuple[NoticeRef, ...]:
        """The notices whose days ``first``..``last`` rest on (see
        :meth:`WorkdayCalendar.sources_between <opengov.calendar.WorkdayCalendar.sources_between>`).

        >>> from datetime import date
        >>> from opengov.calendar import official_calendar
        >>> [r.label for r in NoticeRef.between(official_calendar(), date(2026, 9, 28), date(2026, 10, 30))]
        ['国办发明电〔2025〕7号']
        """
        sources = calendar.sources_between(first, last)
        key = id(sources)
        found = _REFS.get(key)
        if found is None or found[0] is not sources:
            refs = tuple(
                _trusted(
                    cls,
                    year=s.notice.year,
                    revision=s.notice.revision,
                    label=s.notice.label,
                    origin=NoticeOrigin(s.origin),
                    path=s.path,
                    evidence=s.notice.evidence,
                )
                for s in sources
            )
            if len(_REFS) > 4096:  # bounded: many short-lived calendars in one process
                _REFS.clear()
            # Keyed by the calendar's own cached tuple, kept alive here so its id
            # cannot be reused while the entry exists.
            found = (sources, refs)
            _REFS[key] = found
        return found[1]


_REFS: dict[int, tuple[object, tuple[NoticeRef, ...]]] = {}


class Deadline(FrozenModel):
    """A computed deadline: due date, rule, citations, exclusions and the counting.

    ``start`` is the day the period runs from (receipt, corrected receipt,
    sending, knowledge of the act); ``days`` the statutory length in ``unit``;
    ``extension_days`` working days added by an approved extension, with
    ``original_due`` the due date before it. ``nominal_due`` is, for
    calendar-day and month periods, the last day before rolling over rest days.
    ``notes`` carry assumptions specific to this result (in English).
    ``notices`` are the State Council holiday notices the dates from ``start`` to
    ``due`` rest on, each with where the calendar got it (bundled with opengov,
    installed by the deployment, or added in code); empty for a fixed date.
    """

    kind: DeadlineKind
    due: date
    start: date
    days: int = Field(strict=True, ge=0)
    unit: PeriodUnit
    edition: Edition | None
    basis: tuple[Citation, ...]
    extension_days: int = Field(default=0, strict=True, ge=0)
    original_due: date | None = None
    nominal_due: date | None = None
    excluded: tuple[ExcludedInterval, ...] = ()
    runs: tuple[CountedRun, ...] = ()
    rolled: tuple[tuple[date, str, str], ...] = ()
    provisional: bool = Field(default=False, strict=True)
    options: DeadlineOptions = DEFAULT_OPTIONS
    notes: tuple[str, ...] = ()
    notices: tuple[NoticeRef, ...] = ()

    @property
    def excluded_working_days(self) -> int:
        """Working days removed from the count by the excluded intervals."""
        return sum(e.working_days for e in self.excluded)

    def explain(self, calendar: WorkdayCalendar | None = None) -> Explanation:
        """The ordered steps that lead to :attr:`due`, in Chinese and English.

        Rest days are looked up in ``calendar`` (default: the calendar in use,
        :func:`~opengov.calendar.default_calendar`, provisional if this deadline
        is); the last steps name the notices the result rests on.
        """
        from opengov._explain import explain

        return explain(self, calendar)


# -- the counting engine ----------------------------------------------------------------


def _options(options: object) -> DeadlineOptions:
    """``options`` checked (``None`` gives the defaults)."""
    if options is None:
        return DEFAULT_OPTIONS
    if not isinstance(options, DeadlineOptions):
        raise InvalidInputError(f"options must be a DeadlineOptions, got {type(options).__name__}")
    return options


def _calendar(options: DeadlineOptions, calendar: WorkdayCalendar | None) -> WorkdayCalendar:
    """The calendar to count on: ``calendar``, else the one in use; plus local rest days."""
    if calendar is not None:
        from opengov.calendar import WorkdayCalendar

        if not isinstance(calendar, WorkdayCalendar):
            raise InvalidInputError(
                f"calendar must be a WorkdayCalendar (e.g. default_calendar()), "
                f"got {type(calendar).__name__}"
            )
        cal = calendar
    else:
        global _default
        if _default is None:
            from opengov.calendar import default_calendar

            _default = default_calendar
        cal = _default(provisional=options.provisional)
    if options.regional_rest_days:
        cal = _with_regional(cal, options.regional_rest_days)
    return cal


_default: Any = None


@lru_cache(maxsize=32)
def _with_regional(cal: WorkdayCalendar, regional: tuple[RegionalRestDays, ...]) -> WorkdayCalendar:
    """The calendar with local rest days added (built once per calendar and set)."""
    for group in regional:
        cal = cal.with_extra_rest_days(group.days, group.name)
    return cal


class _Pause:
    """An interval (lo, hi] to exclude, before counting (internal)."""

    __slots__ = ("end", "hi", "kind", "lo", "open", "start")

    def __init__(
        self, kind: PauseKind, start: date, end: date, open_: bool, endpoints: PauseEndpoints
    ) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.open = open_
        self.lo, self.hi = endpoints.bounds(start, end)


def _count(
    cal: WorkdayCalendar,
    anchor: date,
    n: int,
    pauses: Sequence[_Pause],
    first_day: int,
    extension: bool,
    runs: list[CountedRun],
    used: dict[int, int],
) -> date:
    """Count ``n`` working days after ``anchor``, skipping the pauses.

    Appends the counted runs to ``runs`` and adds each pause's excluded working
    days to ``used`` (by index). Pauses must be sorted by ``lo``.
    """
    cursor = anchor
    remaining = n
    for idx, p in enumerate(pauses):
        if p.hi <= cursor:
            continue
        lo = p.lo if p.lo > cursor else cursor
        gap = cal.working_days_between(cursor, lo) if lo > cursor else 0
        if gap >= remaining:
            break
        if gap:
            runs.append(_trusted(CountedRun, after=cursor, days=gap, through=lo,
                                 first_day=first_day, extension=extension))  # fmt: skip
            first_day += gap
            remaining -= gap
        used[idx] = used.get(idx, 0) + cal.working_days_between(lo, p.hi)
        cursor = p.hi
    due = cal.add_working_days(cursor, remaining) if remaining else cursor
    if remaining:
        runs.append(_trusted(CountedRun, after=cursor, days=remaining, through=due,
                             first_day=first_day, extension=extension))  # fmt: skip
    return due


def working_day_deadline(
    kind: DeadlineKind,
    start: date,
    days: int,
    *,
    basis: tuple[Citation, ...],
    edition: Edition | None,
    options: DeadlineOptions = DEFAULT_OPTIONS,
    pauses: Sequence[_Pause] = (),
    extension_days: int = 0,
    notes: tuple[str, ...] = (),
    calendar: WorkdayCalendar | None = None,
    start_counted: bool = False,
) -> Deadline:
    """Count a working-day period with pauses and an extension (internal engine).

    ``start_counted`` applies :attr:`ReceiptDay.COUNTED` (only reply periods
    take the receipt-day option).
    """
    cal = _calendar(options, calendar)
    anchor = start - _ONE_DAY if start_counted and cal.is_working_day(start) else start
    ordered = sorted(pauses, key=lambda p: p.lo) if pauses else ()
    runs: list[CountedRun] = []
    used: dict[int, int] = {}
    due = _count(cal, anchor, days, ordered, 1, False, runs, used)
    original_due = None
    if extension_days:
        original_due = due
        due = _count(cal, due, extension_days, ordered, days + 1, True, runs, used)
    excluded: tuple[ExcludedInterval, ...] = ()
    if ordered:
        excluded = tuple(
            _trusted(
                ExcludedInterval,
                kind=p.kind,
                start=p.start,
                end=p.end,
                endpoints=options.pause_endpoints,
                open=p.open,
                working_days=used.get(i, 0),
            )
            for i, p in enumerate(ordered)
        )
    return _trusted(
        Deadline,
        kind=kind,
        due=due,
        start=start,
        days=days,
        unit=PeriodUnit.WORKING_DAYS,
        edition=edition,
        basis=basis,
        extension_days=extension_days,
        original_due=original_due,
        nominal_due=None,
        excluded=excluded,
        runs=tuple(runs),
        rolled=(),
        provisional=cal.is_provisional(due),
        options=options,
        notes=notes,
        notices=NoticeRef.between(cal, start, due),
    )


def make_pause(
    kind: PauseKind, start: date, end: date, *, open_: bool, options: DeadlineOptions
) -> _Pause:
    """An interval to exclude from a working-day count (internal helper)."""
    return _Pause(kind, start, end, open_, options.pause_endpoints)


_CIVIL_201 = cite("civil-code:201")
_REPLY_BASIS: dict[tuple[Edition, bool], tuple[Citation, ...]] = {}


def reply_basis(edition: Edition, extended: bool) -> tuple[Citation, ...]:
    """Citations for a reply deadline under ``edition`` (cached constants)."""
    key = (edition, extended)
    found = _REPLY_BASIS.get(key)
    if found is None:
        r = edition.rules
        found = (r.reply_basis, _CIVIL_201)
        if extended and r.extension_basis != r.reply_basis:
            found = (*found, r.extension_basis)
        _REPLY_BASIS[key] = found
    return found


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
    opts = _options(options)
    edition = edition_in_force(day)
    rules = edition.rules
    return working_day_deadline(
        DeadlineKind.REPLY,
        day,
        rules.reply_days,
        basis=reply_basis(edition, extended),
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
        basis=(edition.rules.proactive_disclosure_basis, _CIVIL_201),
        edition=edition,
        options=_options(options),
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
    return _trusted(
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
