"""The deadline engine: deadline values, the counting, and their explanations.

One private module holds what :mod:`opengov.deadlines`, :mod:`opengov.remedies`
and :mod:`opengov.applications` share: the deadline types (options, kinds,
intervals, counted runs, notices, :class:`Deadline`, :class:`Explanation`), the
checks of ``options=`` and ``calendar=``, the working-day count with pauses and
an extension, calendar-day and month periods, and the explanation builder. The
public modules re-export the types and hold the rules (which period, which
citation, from which day); nothing here decides a legal question.

Results are built with :func:`opengov._model.trusted`, the package's one
validation bypass: every value is computed here from validated input.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pydantic import Field

from opengov import law
from opengov._lookup import CodeEnum
from opengov._model import FrozenModel, trusted
from opengov.citations import Citation, cite
from opengov.editions import Edition
from opengov.errors import CalendarCoverageError, InvalidInputError

if TYPE_CHECKING:
    from opengov.calendar import WorkdayCalendar

__all__ = [
    "DEFAULT_OPTIONS",
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
    "Pause",
    "PauseEndpoints",
    "PauseKind",
    "PeriodUnit",
    "ReceiptDay",
    "RegionalRestDays",
    "StepKind",
    "build_explanation",
    "check_options",
    "counting_calendar",
    "make_pause",
    "period_deadline",
    "reply_basis",
    "roll_rule",
    "start_rule",
    "working_day_deadline",
]

_ONE_DAY = timedelta(days=1)


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


class CorrectionEdition(CodeEnum):
    """Which edition's reply period runs after a correction that crosses an edition change.

    An application received under the 2007 edition (before 2019-05-15) whose
    corrected version arrives from 2019-05-15 restarts its reply period on that
    day (2007 Art. 21(4); 2019 Art. 30). Neither edition says which period then runs:

    - ``RECEIPT`` (default): the edition in force when the application was first
      received (2007: 15 working days, extension 15). The conservative reading: a
      deadline never later than the law's.
    - ``CORRECTION``: the edition in force when the corrected application arrived
      (程序从新, procedure follows the new rule: 2019, 20 working days, extension 20,
      the 2019 consultation and delay rules).
    """

    RECEIPT = "receipt"
    CORRECTION = "correction"

    @property
    def label_zh(self) -> str:
        """Chinese description."""
        if self is CorrectionEdition.RECEIPT:
            return "适用收到申请时施行的条例"
        return "适用收到补正申请时施行的条例（程序从新）"

    @property
    def label_en(self) -> str:
        """English description."""
        if self is CorrectionEdition.RECEIPT:
            return "the edition in force when the application was received"
        return "the edition in force when the corrected application was received (程序从新)"

    @property
    def basis(self) -> tuple[Citation, ...]:
        """Why."""
        return (cite("ogi-2007:21(4)"), cite("ogi-2019:30"), cite("ogi-2019:56"))


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
    ``correction_edition`` chooses the reply period after a 2007-edition
    application is corrected from 2019-05-15 (:class:`CorrectionEdition`).

    >>> DeadlineOptions().receipt_day.value
    'not_counted'
    """

    receipt_day: ReceiptDay = ReceiptDay.NOT_COUNTED
    pause_endpoints: PauseEndpoints = PauseEndpoints.AFTER_START_THROUGH_END
    fee_window: FeeWindow | None = None
    provisional: bool = Field(default=False, strict=True)
    regional_rest_days: tuple[RegionalRestDays, ...] = ()
    correction_edition: CorrectionEdition = CorrectionEdition.RECEIPT


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
                trusted(
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
        return build_explanation(self, calendar)


# -- the counting engine ----------------------------------------------------------------


def check_options(options: object) -> DeadlineOptions:
    """``options`` checked (``None`` gives the defaults)."""
    if options is None:
        return DEFAULT_OPTIONS
    if not isinstance(options, DeadlineOptions):
        raise InvalidInputError(f"options must be a DeadlineOptions, got {type(options).__name__}")
    return options


def counting_calendar(
    options: DeadlineOptions, calendar: WorkdayCalendar | None
) -> WorkdayCalendar:
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


class Pause:
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
    pauses: Sequence[Pause],
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
            runs.append(trusted(CountedRun, after=cursor, days=gap, through=lo,
                                 first_day=first_day, extension=extension))  # fmt: skip
            first_day += gap
            remaining -= gap
        used[idx] = used.get(idx, 0) + cal.working_days_between(lo, p.hi)
        cursor = p.hi
    due = cal.add_working_days(cursor, remaining) if remaining else cursor
    if remaining:
        runs.append(trusted(CountedRun, after=cursor, days=remaining, through=due,
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
    pauses: Sequence[Pause] = (),
    extension_days: int = 0,
    notes: tuple[str, ...] = (),
    calendar: WorkdayCalendar | None = None,
    start_counted: bool = False,
) -> Deadline:
    """Count a working-day period with pauses and an extension (internal engine).

    ``start_counted`` applies :attr:`ReceiptDay.COUNTED` (only reply periods
    take the receipt-day option).
    """
    cal = counting_calendar(options, calendar)
    anchor = start - _ONE_DAY if start_counted and cal.is_working_day(start) else start
    ordered = (sorted(pauses, key=_by_lo) if len(pauses) > 1 else pauses) if pauses else ()
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
            trusted(
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
    return trusted(
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


def _by_lo(p: Pause) -> date:
    return p.lo


def make_pause(
    kind: PauseKind, start: date, end: date, *, open_: bool, options: DeadlineOptions
) -> Pause:
    """An interval to exclude from a working-day count (internal helper)."""
    return Pause(kind, start, end, open_, options.pause_endpoints)


_REPLY_BASIS: dict[tuple[Edition, bool, Citation], tuple[Citation, ...]] = {}


def start_rule(start: date) -> Citation:
    """The start-day rule (the start day is not counted) in force on ``start``.

    From the statute book: 民法通则 Art. 154 para. 2 before 2017-10-01, 民法总则
    Art. 201 until 2020-12-31, the Civil Code's Art. 201 from 2021-01-01.
    """
    return law.parameter("periods.start_day_not_counted").at(start).basis[0]


def roll_rule(start: date) -> Citation:
    """The roll-forward rule (a last day that is a rest day rolls) in force on ``start``."""
    return law.parameter("periods.last_day_rolls_forward").at(start).basis[0]


def reply_basis(edition: Edition, extended: bool, start: date) -> tuple[Citation, ...]:
    """Citations for a reply deadline under ``edition`` counted from ``start`` (cached)."""
    rule = start_rule(start)
    key = (edition, extended, rule)
    found = _REPLY_BASIS.get(key)
    if found is None:
        r = edition.rules
        found = (r.reply_basis, rule)
        if extended and r.extension_basis != r.reply_basis:
            found = (*found, r.extension_basis)
        _REPLY_BASIS[key] = found
    return found


def period_deadline(
    kind: DeadlineKind,
    start: date,
    basis: tuple[Citation, ...],
    *,
    days: int | None = None,
    months: int | None = None,
    options: DeadlineOptions | None,
    calendar: WorkdayCalendar | None,
    notes: tuple[str, ...] = (),
) -> Deadline:
    """A period of ``days`` days or ``months`` months after ``start``, rolled over
    rest days (Civil Code Arts. 201-203, :meth:`WorkdayCalendar.add_period`)."""
    opts = check_options(options)
    cal = counting_calendar(opts, calendar)
    if start.year >= 9999:
        # no calendar covers it, and a period from it would leave datetime's range
        raise CalendarCoverageError(
            f"a period starting {start} ends after 9999-12-31; no working-day calendar covers it"
        )
    end = cal.add_period(start, days=days, months=months)
    period_basis = tuple(cite(b) for b in end.basis)
    return trusted(
        Deadline,
        kind=kind,
        due=end.due,
        start=start,
        days=days if days is not None else (months or 0),
        unit=PeriodUnit.DAYS if days is not None else PeriodUnit.MONTHS,
        edition=None,
        basis=basis + period_basis,
        extension_days=0,
        original_due=None,
        nominal_due=end.nominal_end,
        excluded=(),
        runs=(),
        rolled=tuple((r.day, r.name_zh, r.name_en) for r in end.rolled),
        provisional=end.provisional,
        options=opts,
        notes=notes,
        notices=NoticeRef.between(cal, start, end.due),
    )


# -- explanations -------------------------------------------------------------------------

_WD_ZH = "一二三四五六日"
_WD_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _step(
    *,
    kind: StepKind,
    text_zh: str,
    text_en: str,
    start: date | None = None,
    end: date | None = None,
    days: int | None = None,
    names: tuple[tuple[date, str, str], ...] = (),
) -> ExplanationStep:
    """A step from values built here (every field of the right type): trusted."""
    return trusted(
        ExplanationStep,
        kind=kind,
        start=start,
        end=end,
        days=days,
        names=names,
        text_zh=text_zh,
        text_en=text_en,
    )


def _zh(d: date) -> str:
    return f"{d.isoformat()}（星期{_WD_ZH[d.weekday()]}）"


def _en(d: date) -> str:
    return f"{d.isoformat()} ({_WD_EN[d.weekday()]})"


def _rest_text(names: tuple[tuple[date, str, str], ...]) -> tuple[str, str]:
    """The rest days as Chinese and English text, consecutive days of one name
    joined into a span ("2026-10-01至2026-10-07 国庆节")."""
    zh: list[str] = []
    en: list[str] = []
    first, zh_name, en_name = names[0]
    last = first
    prev = first.toordinal()
    for d, z, e in names[1:]:
        o = d.toordinal()
        if z == zh_name and o == prev + 1:
            last, prev = d, o
            continue
        _add_span(zh, en, first, last, zh_name, en_name)
        first, last, prev, zh_name, en_name = d, d, o, z, e
    _add_span(zh, en, first, last, zh_name, en_name)
    return "；".join(zh), "; ".join(en)


def _add_span(zh: list[str], en: list[str], a: date, b: date, zh_name: str, en_name: str) -> None:
    if a == b:
        iso = a.isoformat()
        zh.append(f"{iso} {zh_name}")
        en.append(f"{iso} {en_name}")
    else:
        a_iso, b_iso = a.isoformat(), b.isoformat()
        zh.append(f"{a_iso}至{b_iso} {zh_name}")
        en.append(f"{a_iso} to {b_iso} {en_name}")


def _rest_step(
    names: tuple[tuple[date, str, str], ...], rolled: bool = False, rule: Citation | None = None
) -> ExplanationStep:
    zh, en = _rest_text(names)
    if rolled:
        rule_zh, rule_en = _basis_text(rule) if rule is not None else ("", "")
        return _step(
            kind=StepKind.ROLL_FORWARD,
            start=names[0][0],
            end=names[-1][0],
            days=len(names),
            names=names,
            text_zh=f"期间最后一日为休息日，顺延：{zh}（{rule_zh}）",
            text_en=f"The last day is a rest day and rolls forward over: {en} ({rule_en})",
        )
    return _step(
        kind=StepKind.REST_DAYS,
        start=names[0][0],
        end=names[-1][0],
        days=len(names),
        names=names,
        text_zh=f"跳过休息日：{zh}",
        text_en=f"Rest days passed over: {en}",
    )


def _start_step(dl: Deadline, cal: WorkdayCalendar) -> ExplanationStep:
    s = dl.start
    counted = (
        dl.unit is PeriodUnit.WORKING_DAYS
        and dl.options.receipt_day is ReceiptDay.COUNTED
        and dl.runs
        and dl.runs[0].after < s
    )
    if counted:
        zh = f"起算：{_zh(s)}；收到申请当日为工作日，计入期限（选项 receipt_day=counted）"
        en = f"Start: {_en(s)}; the receipt day is a working day and counts as day 1 (option receipt_day=counted)"
    elif dl.unit is PeriodUnit.WORKING_DAYS and not cal.is_working_day(s):
        rule_zh, rule_en = _basis_text(start_rule(s))
        zh = f"起算：{_zh(s)}为休息日，当日不计入，自其后第一个工作日起算（{rule_zh}）"
        en = f"Start: {_en(s)} is a rest day; it is not counted and day 1 is the first working day after it ({rule_en})"
    else:
        rule_zh, rule_en = _basis_text(start_rule(s))
        zh = f"起算：{_zh(s)}，当日不计入，自次日起算（{rule_zh}）"
        en = f"Start: {_en(s)}; the start day is not counted, day 1 is the next {'working ' if dl.unit is PeriodUnit.WORKING_DAYS else ''}day ({rule_en})"
    return _step(kind=StepKind.START, start=s, text_zh=zh, text_en=en)


def _pause_step(p: ExcludedInterval) -> ExplanationStep:
    status_zh = "（尚未收到，按最长期限计）" if p.open else ""
    status_en = " (still running; counted to its latest end)" if p.open else ""
    return _step(
        kind=StepKind.PAUSE,
        start=p.start,
        end=p.end,
        days=p.working_days,
        text_zh=f"{p.kind.label_zh}：{p.start.isoformat()}发出至{p.end.isoformat()}{status_zh}，"
        f"{p.endpoints.label_zh}，扣除{p.working_days}个工作日",
        text_en=f"{p.kind.label_en.capitalize()}: sent {p.start.isoformat()}, until "
        f"{p.end.isoformat()}{status_en}; {p.endpoints.label_en} not counted: "
        f"{p.working_days} working days",
    )


def _count_step(r: CountedRun, cal: WorkdayCalendar) -> ExplanationStep:
    first, last = r.first_day, r.first_day + r.days - 1
    span = str(first) if first == last else f"{first}-{last}"
    span_zh = str(first) if first == last else f"{first}—{last}"
    start = cal.add_working_days(r.after, 1) if r.days else r.through
    return _step(
        kind=StepKind.COUNT,
        start=start,
        end=r.through,
        days=r.days,
        text_zh=f"第{span_zh}个工作日：{start.isoformat()}至{r.through.isoformat()}",
        text_en=f"Working day{'s' if r.days > 1 else ''} {span}: {start.isoformat()} to {r.through.isoformat()}",
    )


def _calendar_step(notices: tuple[NoticeRef, ...]) -> ExplanationStep:
    # An explanation may be shown to an applicant: it names each notice and its
    # origin; the file an installed notice came from stays in Deadline.notices.
    found = _CALENDAR_STEPS.get(id(notices))
    if found is None or found[0] is not notices:
        zh = "；".join(f"{ref.label}（{ref.origin.label_zh}）" for ref in notices)
        en = "; ".join(f"{ref.label} ({ref.origin.label_en})" for ref in notices)
        step = _step(
            kind=StepKind.CALENDAR, text_zh=f"日历依据：{zh}", text_en=f"Calendar data: {en}"
        )
        if len(_CALENDAR_STEPS) > 1024:
            _CALENDAR_STEPS.clear()
        # keyed by the notices tuple NoticeRef.between shares, kept alive here
        found = (notices, step)
        _CALENDAR_STEPS[id(notices)] = found
    return found[1]


_CALENDAR_STEPS: dict[int, tuple[tuple[NoticeRef, ...], ExplanationStep]] = {}


def _basis_text(basis: Citation) -> tuple[str, str]:
    """``basis`` in Chinese and English (each citation's text built once)."""
    found = _BASIS_TEXT.get(basis)
    if found is None:
        found = (basis.to_zh(), basis.to_en())
        if len(_BASIS_TEXT) < 1024:
            _BASIS_TEXT[basis] = found
    return found


_BASIS_TEXT: dict[Citation, tuple[str, str]] = {}


def build_explanation(dl: Deadline, calendar: WorkdayCalendar | None) -> Explanation:
    """See :meth:`Deadline.explain`."""
    cal = counting_calendar(dl.options, calendar)
    from opengov.calendar._core import rest_days_passed

    basis_zh, basis_en = _basis_text(dl.basis[0]) if dl.basis else ("", "")
    unit_zh, unit_en = dl.unit.label_zh, dl.unit.label_en
    if dl.unit is PeriodUnit.FIXED_DATE:
        title_zh = f"{dl.kind.label_zh}（{basis_zh}）"
        title_en = f"{dl.kind.label_en} ({basis_en})"
    else:
        title_zh = f"{dl.kind.label_zh}：{dl.days}{unit_zh}（{basis_zh}）"
        title_en = f"{dl.kind.label_en}: {dl.days} {unit_en} ({basis_en})"
    steps: list[ExplanationStep] = []
    if dl.unit is PeriodUnit.FIXED_DATE:
        steps.append(
            _step(
                kind=StepKind.NOTE,
                text_zh="法定日期，不因休息日顺延",
                text_en="A fixed date set by the Regulation; it does not roll over rest days",
            )
        )
    else:
        steps.append(_start_step(dl, cal))
    if dl.unit is PeriodUnit.WORKING_DAYS:
        items: Sequence[CountedRun | ExcludedInterval] = dl.runs  # in order already
        if dl.excluded:
            keyed: list[tuple[date, int, CountedRun | ExcludedInterval]] = []
            for r in dl.runs:
                keyed.append((r.after, 1, r))
            for p in dl.excluded:
                lo, _ = p.endpoints.bounds(p.start, p.end)
                keyed.append((lo, 0, p))
            keyed.sort(key=lambda t: (t[0], t[1]))
            items = [item for _, _, item in keyed]
        extension_shown = False
        for item in items:
            if isinstance(item, ExcludedInterval):
                if item.working_days:
                    steps.append(_pause_step(item))
                else:
                    steps.append(
                        _step(
                            kind=StepKind.NOTE,
                            start=item.start,
                            end=item.end,
                            days=0,
                            text_zh=f"{item.kind.label_zh}（{item.start.isoformat()}起）未扣除工作日：开始于期限届满之后",
                            text_en=f"{item.kind.label_en.capitalize()} from {item.start.isoformat()} removed no working days: it began after the deadline",
                        )
                    )
                continue
            if item.extension and not extension_shown:
                extension_shown = True
                orig = dl.original_due
                steps.append(
                    _step(
                        kind=StepKind.EXTENSION,
                        start=orig,
                        days=dl.extension_days,
                        text_zh=f"经批准延长{dl.extension_days}个工作日（原期限{orig.isoformat() if orig else ''}）",
                        text_en=f"Extension of {dl.extension_days} working days approved (original due date {orig.isoformat() if orig else ''})",
                    )
                )
            steps.append(_count_step(item, cal))
            if item.days:
                skipped = rest_days_passed(cal, item.after, item.days)
                if skipped is None:  # provisional or uncovered: offset() warns or raises
                    skipped = tuple((d.day, d.name_zh, d.name_en) for d in cal.offset(item.after, item.days).skipped)  # fmt: skip
                if skipped:
                    steps.append(_rest_step(skipped))
    elif dl.unit in (PeriodUnit.DAYS, PeriodUnit.MONTHS):
        nominal = dl.nominal_due or dl.due
        steps.append(
            _step(
                kind=StepKind.COUNT,
                start=dl.start + timedelta(days=1),
                end=nominal,
                days=dl.days,
                text_zh=f"{dl.days}{unit_zh}届满于{_zh(nominal)}",
                text_en=f"{dl.days} {unit_en} end on {_en(nominal)}",
            )
        )
        if dl.rolled:
            steps.append(_rest_step(dl.rolled, rolled=True, rule=roll_rule(dl.start)))
    for note in dl.notes:
        steps.append(_step(kind=StepKind.NOTE, text_zh=note, text_en=note))
    if dl.notices:
        steps.append(_calendar_step(dl.notices))
    if dl.provisional:
        steps.append(
            _step(
                kind=StepKind.NOTE,
                text_zh="注意：依据暂定日历（尚无国务院放假通知），不含调休",
                text_en="Provisional: rests on calendar data without a State Council notice (no 调休)",
            )
        )
    steps.append(
        _step(
            kind=StepKind.DUE,
            end=dl.due,
            text_zh=f"期限届满：{_zh(dl.due)}",
            text_en=f"Due: {_en(dl.due)}",
        )
    )
    return trusted(Explanation, title_zh=title_zh, title_en=title_en, steps=tuple(steps))
