"""Applications for government information (政府信息公开申请, Arts. 30-34, 36) as replayable events.

An :class:`Application` is an immutable value: what happened at receipt (channel
and the facts Art. 31 needs, applicant type, agency) plus an append-only history
of events. :meth:`Application.record` returns a new application with one more
event, or raises :class:`~opengov.errors.InvalidEventError` (and changes nothing)
when the event is out of order, dated before receipt or before the notice it
answers reached its addressee (送达, ``delivered_on``), recorded after a reply or
closure, or impossible in the current state. Histories serialise to JSON and
replay, once, to the same application; the state they lead to is kept with the
application, so queries do not replay and :meth:`Application.record` checks one
event. An application holds at most :data:`MAX_EVENTS` events.

Deadlines follow from the events: the applicant's 补正 period runs from the day
after the notice was delivered, and a correction restarts the reply period from
receipt of the corrected application (Art. 30); consultation time is not counted (Art. 33
para. 3); an extension adds up to the edition's maximum, once, approved before
the deadline (Art. 33 para. 2); a fee notice gives the applicant 20 working days
to pay (国办函〔2020〕109号), and whether that window counts in the reply period is
an explicit option (:class:`~opengov.deadlines.FeeWindow`).

Legal basis:
    - ogi-2019:30, ogi-2019:31, ogi-2019:32, ogi-2019:33, ogi-2019:34,
      ogi-2019:36; ogi-2007:24; fee-measures-2020.

>>> from datetime import date
>>> from opengov.applications import Application, ExtensionApproved
>>> from opengov.channels import SubmissionChannel
>>> from opengov.applicants import ApplicantType
>>> app = Application.receive(SubmissionChannel.IN_PERSON, submitted_on=date(2026, 9, 28),
...                           applicant_type=ApplicantType.NATURAL_PERSON)
>>> app.reply_deadline().due
datetime.date(2026, 10, 30)
>>> app = app.record(ExtensionApproved(on=date(2026, 10, 20), days=20))
>>> app.reply_deadline().due
datetime.date(2026, 11, 27)
>>> app.status(date(2026, 11, 30)).kind.value
'overdue'
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union, cast

from pydantic import Field, PrivateAttr, TypeAdapter, field_validator, model_validator

from opengov import law
from opengov._dates import as_date
from opengov._engine import (
    DEFAULT_OPTIONS,
    CorrectionEdition,
    Deadline,
    DeadlineKind,
    DeadlineOptions,
    FeeWindow,
    PauseKind,
    PeriodUnit,
    ReceiptDay,
    counting_calendar,
    make_pause,
    period_deadline,
    reply_basis,
    start_rule,
    working_day_deadline,
)
from opengov._lookup import CodeEnum
from opengov._model import FrozenModel, trusted
from opengov.applicants import ApplicantType
from opengov.channels import SubmissionChannel, receipt_date
from opengov.citations import Citation, cite
from opengov.editions import Edition, edition_in_force
from opengov.errors import InvalidEventError, NeedsInterpretationError
from opengov.fees import FeeQuote, require_fee_chargeable
from opengov.outcomes import OutcomeRow, ReportFormat
from opengov.replies import Reply, ReplyType

if TYPE_CHECKING:
    from opengov.calendar import WorkdayCalendar

__all__ = [
    "MAX_EVENTS",
    "Application",
    "ApplicationEvent",
    "ApplicationFlag",
    "ApplicationState",
    "ApplicationStatus",
    "ConsultationSent",
    "ConsultedParty",
    "CorrectionNotReceived",
    "CorrectionReceived",
    "CorrectionRequested",
    "ExtensionApproved",
    "FeeNotPaid",
    "FeeNoticeSent",
    "FeePaid",
    "OpinionReceived",
    "ReplyDelayed",
    "ReplyIssued",
    "StatusKind",
    "Withdrawn",
]


class ConsultedParty(CodeEnum):
    """Who is consulted before replying."""

    THIRD_PARTY = "third_party"
    AGENCY = "agency"
    OTHER_AGENCY = "other_agency"

    @property
    def label_zh(self) -> str:
        """Chinese name, in the words of Arts. 32, 34 and 33 para. 3."""
        return _PARTY[self][0]

    @property
    def label_en(self) -> str:
        """English name."""
        return _PARTY[self][1]

    @property
    def basis(self) -> tuple[Citation, ...]:
        """Where the consultation is provided for (2019 edition)."""
        return (cite(_PARTY[self][2]),)


# AGENCY is Art. 34 (information two or more agencies produced jointly: 15 working
# days, silence is consent); OTHER_AGENCY any other agency consulted, whose time is
# not counted (Art. 33 para. 3) but which has no statutory time limit.
_PARTY = {
    ConsultedParty.THIRD_PARTY: ("第三方", "third party", "ogi-2019:32"),
    ConsultedParty.AGENCY: (
        "相关行政机关（共同制作）",
        "co-producing agency (jointly produced information)",
        "ogi-2019:34",
    ),
    ConsultedParty.OTHER_AGENCY: (
        "其他机关",
        "another agency (not a co-producer)",
        "ogi-2019:33.3",
    ),
}


# -- events ------------------------------------------------------------------------------


class _Event(FrozenModel):
    """Common shape: every event happens on a day (``on``)."""

    kind: str
    on: date

    @field_validator(
        "on", "delivered_on", "remedies_informed_on", mode="before", check_fields=False
    )
    @classmethod
    def _dates(cls, value: Any) -> Any:
        if isinstance(value, datetime):
            return as_date(value, "on")
        return value


class CorrectionRequested(_Event):
    """补正: the agency asks the applicant, once, to correct an unclear application.

    ``period_days`` is the period given to the applicant (合理的补正期限), in
    working days unless ``working_days`` is False (calendar days). Under the 2019
    edition the notice is due within 7 working days of receipt (Art. 30); a later
    notice is recorded and flagged (:attr:`ApplicationFlag.LATE_CORRECTION_NOTICE`).

    ``delivered_on`` is when the applicant received the notice (送达); the
    applicant's period runs from the day after it. Without it the notice is
    assumed received the day it was sent, and the application is flagged
    (:attr:`ApplicationFlag.CORRECTION_DELIVERY_ASSUMED`).
    """

    kind: Literal["correction_requested"] = "correction_requested"
    period_days: int = Field(strict=True, ge=1, le=365)
    working_days: bool = Field(default=True, strict=True)
    delivered_on: date | None = None


class CorrectionReceived(_Event):
    """The corrected application arrives; the reply period restarts (Art. 30).

    Not before the applicant received the notice. After the applicant's period it
    is still the correction, flagged :attr:`ApplicationFlag.LATE_CORRECTION` (the
    law lets a good reason excuse the delay; an agency that treats the period as
    lapsed records :class:`CorrectionNotReceived` first, and the late papers are a
    new application).
    """

    kind: Literal["correction_received"] = "correction_received"


class CorrectionNotReceived(_Event):
    """The correction period ran out: treated as abandoned (视为放弃申请, Art. 30).

    Refused on or before the last day of the applicant's period, which runs from
    the day after the notice was delivered.
    """

    kind: Literal["correction_not_received"] = "correction_not_received"


class ConsultationSent(_Event):
    """A consultation letter goes to a third party (Art. 32) or an agency.

    ``AGENCY`` is Art. 34's co-producing agency (15 working days, silence is
    consent); ``OTHER_AGENCY`` any other agency (Art. 33 para. 3: its time is not
    counted, and no statutory limit ends the pause before its opinion arrives).
    ``delivered_on`` is when the other side received it (the start of its 15
    working days); if unknown, the sending day is used.
    """

    kind: Literal["consultation_sent"] = "consultation_sent"
    party: ConsultedParty
    name: str = Field(default="", max_length=200)
    delivered_on: date | None = None


class OpinionReceived(_Event):
    """The consulted party's opinion arrives (match ``party`` and ``name``).

    Not before the letter was delivered (``ConsultationSent.delivered_on``).
    """

    kind: Literal["opinion_received"] = "opinion_received"
    party: ConsultedParty
    name: str = Field(default="", max_length=200)


class ExtensionApproved(_Event):
    """The OGI office head approves an extension, notified to the applicant."""

    kind: Literal["extension_approved"] = "extension_approved"
    days: int = Field(strict=True, ge=1, json_schema_extra={"maximum": 20})  # ogi-2019:33.2


class FeeNoticeSent(_Event):
    """A fee notice (收费通知) is sent; ``delivered_on`` when the applicant got it."""

    kind: Literal["fee_notice_sent"] = "fee_notice_sent"
    fee: FeeQuote
    delivered_on: date | None = None


class FeePaid(_Event):
    """The applicant paid the fee in time (not before receiving the notice)."""

    kind: Literal["fee_paid"] = "fee_paid"


class FeeNotPaid(_Event):
    """The payment window ran out unpaid: treated as abandoned."""

    kind: Literal["fee_not_paid"] = "fee_not_paid"


class ReplyDelayed(_Event):
    """Art. 35: the agency sets a reasonable later day for its reply (延迟答复).

    "行政机关认为申请理由合理，但是无法在本条例第三十三条规定的期限内答复申请人的，可以确定
    延迟答复的合理期限并告知申请人": for applications whose number or frequency
    clearly exceeds a reasonable range. ``until`` is the day the agency set and told
    the applicant; it becomes the reply deadline, which later pauses and
    extensions no longer move. 2019 edition only; recorded once, before the reply
    deadline has passed.
    """

    kind: Literal["reply_delayed"] = "reply_delayed"
    until: date


class ReplyIssued(_Event):
    """The agency replies; ``delivered_on`` is when the applicant received it.

    ``remedies_notified`` is False when the reply did not tell the applicant of
    the right to review or sue, where to and within what period; the remedy
    periods then run from ``remedies_informed_on``, the day they learnt of it,
    capped at one year from receiving the reply (行政复议法 2023 Art. 20 para. 3,
    行诉解释 2018 Art. 64; :func:`~opengov.remedies.review_deadline`).
    """

    kind: Literal["reply_issued"] = "reply_issued"
    reply: Reply
    delivered_on: date | None = None
    remedies_notified: bool = Field(default=True, strict=True)
    remedies_informed_on: date | None = None


class Withdrawn(_Event):
    """The applicant withdraws the application."""

    kind: Literal["withdrawn"] = "withdrawn"


ApplicationEvent = Annotated[
    Union[  # noqa: UP007 (a discriminated union needs Union on Python 3.10)
        CorrectionRequested,
        CorrectionReceived,
        CorrectionNotReceived,
        ConsultationSent,
        OpinionReceived,
        ExtensionApproved,
        FeeNoticeSent,
        FeePaid,
        FeeNotPaid,
        ReplyDelayed,
        ReplyIssued,
        Withdrawn,
    ],
    Field(discriminator="kind"),
]
_EVENT_ADAPTER: TypeAdapter[Any] = TypeAdapter(ApplicationEvent)


class ApplicationState(CodeEnum):
    """Where an application stands after its last event."""

    OPEN = "open"
    AWAITING_CORRECTION = "awaiting_correction"
    CONSULTING = "consulting"
    AWAITING_PAYMENT = "awaiting_payment"
    REPLIED = "replied"
    CLOSED = "closed"

    @property
    def label_zh(self) -> str:
        """Chinese label (opengov's wording: the Regulation names no states)."""
        return _STATE_LABELS[self.value][0]

    @property
    def label_en(self) -> str:
        """English label."""
        return _STATE_LABELS[self.value][1]

    @property
    def basis(self) -> tuple[Citation, ...]:
        """The rule that puts an application in this state (2019 edition)."""
        return tuple(cite(c) for c in _STATE_BASIS[self.value])

    @property
    def note(self) -> str | None:
        """Where the state rests on a reading of the law, what it is."""
        return _CLOSED_NOTE if self is ApplicationState.CLOSED else None


class StatusKind(CodeEnum):
    """An application's status on a given day."""

    OPEN = "open"
    AWAITING_CORRECTION = "awaiting_correction"
    PAUSED_FOR_CONSULTATION = "paused_for_consultation"
    AWAITING_PAYMENT = "awaiting_payment"
    OVERDUE = "overdue"
    REPLIED = "replied"
    CLOSED = "closed"

    @property
    def label_zh(self) -> str:
        """Chinese label."""
        return {
            "open": "办理中",
            "awaiting_correction": "等待补正",
            "paused_for_consultation": "征求意见中（期限中止计算）",
            "awaiting_payment": "等待缴费",
            "overdue": "已逾期",
            "replied": "已答复",
            "closed": "已终止",
        }[self.value]

    @property
    def label_en(self) -> str:
        """English label."""
        return self.value.replace("_", " ")

    @property
    def basis(self) -> tuple[Citation, ...]:
        """The rule that gives the status (2019 edition)."""
        return tuple(cite(c) for c in _STATUS_BASIS[self.value])

    @property
    def note(self) -> str | None:
        """Where the status rests on a reading of the law, what it is."""
        return _CLOSED_NOTE if self is StatusKind.CLOSED else None


# The articles behind each state and status, cited under the 2019 edition (as
# ConsultedParty is): the Regulation names the steps, not the states between them.
# A consultation pauses the reply period (Art. 33 para. 3) while a third party
# (Art. 32) or a co-producing agency (Art. 34) answers; a fee is due under Art. 42
# and the 2020 measures (国办函〔2020〕109号; its article numbers are not verified,
# so the instrument is cited, as for the fee flags).
_STATE_LABELS: dict[str, tuple[str, str]] = {
    "open": ("办理中", "open"),
    "awaiting_correction": ("等待补正", "awaiting correction"),
    "consulting": ("征求意见中", "consulting"),
    "awaiting_payment": ("等待缴费", "awaiting payment"),
    "replied": ("已答复", "replied"),
    "closed": ("已终止", "closed"),
}
_CLOSED = ("ogi-2019:30", "fee-measures-2020")
_STATE_BASIS: dict[str, tuple[str, ...]] = {
    "open": ("ogi-2019:33.2",),
    "awaiting_correction": ("ogi-2019:30",),
    "consulting": ("ogi-2019:32", "ogi-2019:34", "ogi-2019:33.3"),
    "awaiting_payment": ("ogi-2019:42", "fee-measures-2020"),
    "replied": ("ogi-2019:36",),
    "closed": _CLOSED,
}
_STATUS_BASIS: dict[str, tuple[str, ...]] = {
    "open": ("ogi-2019:33.2",),
    "awaiting_correction": ("ogi-2019:30",),
    "paused_for_consultation": ("ogi-2019:33.3", "ogi-2019:32", "ogi-2019:34"),
    "awaiting_payment": ("ogi-2019:42", "fee-measures-2020"),
    "overdue": ("ogi-2019:33.2",),
    "replied": ("ogi-2019:36",),
    "closed": _CLOSED,
}
_CLOSED_NOTE = (
    "Closed without a reply: treated as abandoned (视为放弃申请) when the correction "
    "(Art. 30) or the fee (2020 fee measures) did not arrive in time, or withdrawn by "
    "the applicant, which no article provides for: opengov reads an application as "
    "the applicant's to withdraw until the reply."
)


class ApplicationFlag(CodeEnum):
    """Something in the history a reviewer should see (recorded, not refused).

    The ``*_delivery_assumed`` flags say that a notice to the applicant was
    recorded without ``delivered_on``: the applicant's period (补正, payment,
    review and litigation) was counted from the day it was sent, which gives the
    applicant the earliest possible end. Record the delivery day to count from it.
    """

    LATE_CORRECTION_NOTICE = "late_correction_notice"
    LATE_REPLY = "late_reply"
    CORRECTION_DELIVERY_ASSUMED = "correction_delivery_assumed"
    LATE_CORRECTION = "late_correction"
    FEE_NOTICE_DELIVERY_ASSUMED = "fee_notice_delivery_assumed"
    REPLY_DELIVERY_ASSUMED = "reply_delivery_assumed"
    LATE_FEE_NOTICE = "late_fee_notice"

    @property
    def label_zh(self) -> str:
        """Chinese label."""
        return _FLAG_LABELS[self.value][0]

    @property
    def label_en(self) -> str:
        """English label."""
        return _FLAG_LABELS[self.value][1]

    @property
    def basis(self) -> tuple[Citation, ...]:
        """The rule broken, or the rule whose period the assumption moves."""
        return tuple(cite(c) for c in _FLAG_LABELS[self.value][2])


_FLAG_LABELS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "late_correction_notice": (
        "补正告知超过收到申请之日起7个工作日",
        "correction notice sent later than 7 working days after receipt",
        ("ogi-2019:30",),
    ),
    "late_reply": ("逾期答复", "reply issued after the deadline", ("ogi-2019:33.2",)),
    "correction_delivery_assumed": (
        "补正告知送达日期未记录，补正期限自发出之日起算",
        "correction notice delivery not recorded: the applicant's period counted from "
        "the day it was sent",
        ("ogi-2019:30",),
    ),
    "late_correction": (
        "补正超过补正期限，仍作为补正处理（行政机关可视为新的申请）",
        "corrected application received after the applicant's period; kept as the "
        "correction (the agency may treat it as a new application)",
        ("ogi-2019:30",),
    ),
    "fee_notice_delivery_assumed": (
        "收费通知送达日期未记录，缴费期限自发出之日起算",
        "fee notice delivery not recorded: the payment window counted from the day it was sent",
        ("fee-measures-2020",),
    ),
    "reply_delivery_assumed": (
        "答复送达日期未记录，复议、诉讼期限自答复之日起算",
        "reply delivery not recorded: the review and litigation periods counted from the reply day",
        ("admin-reconsideration-2023:20", "admin-litigation-2017:46"),
    ),
    # 109号 (as reported, article number not seen): "应当在政府信息公开申请处理期限内…发出收费通知"
    "late_fee_notice": (
        "收费通知超过政府信息公开申请处理期限",
        "fee notice sent after the reply period had ended",
        ("fee-measures-2020",),
    ),
}


class ApplicationStatus(FrozenModel):
    """Status on day ``on``: what is awaited, when it is due, working days left.

    ``due`` is the date that matters now: the applicant's correction or payment
    deadline while waiting for them, the consulted party's deadline during a
    consultation, otherwise the reply deadline. ``working_days_left`` counts the
    working days in (on, due]; ``working_days_overdue`` those in (due, on].
    """

    on: date
    kind: StatusKind
    due: date | None
    working_days_left: int | None
    working_days_overdue: int | None
    reply_deadline: Deadline | None


# -- state -------------------------------------------------------------------------------

MAX_EVENTS = 1000
"""The most events one application holds.

A real history is a handful of events (补正, a few consultations, an extension, a
fee, the reply); one with many third parties consulted runs to a few hundred.
1,000 leaves room for that and bounds, on hostile input, the cost of what is
linear in the history: validating a JSON history (once), a query about a day
before the last event (a replay of the events up to that day), and the memory
an application holds. :meth:`Application.record` refuses the next event with
:class:`~opengov.errors.InvalidEventError`; JSON with more events is refused by
validation.
"""

_REPLY_MEMO: dict[tuple[Any, ...], tuple[Any, Deadline]] = {}
_REPLY_MEMO_SIZE = 4096  # reply deadlines shared between applications (frozen values)


class _Consultation:
    """One consultation (never changed once built: an opinion makes a new one)."""

    __slots__ = ("delivered", "end", "event", "opinion_due", "party", "sent", "seq")

    def __init__(
        self, seq: int, e: ConsultationSent, opinion_due: date | None, end: date | None
    ) -> None:
        self.seq = seq  # its place among the application's consultations
        self.event = e
        self.party = e.party
        self.sent = e.on
        self.delivered = e.delivered_on
        self.opinion_due = opinion_due
        self.end = end


def _no_state() -> None:
    return None


def _delivery(e: Any) -> date:
    """The day a notice reached the other side (the sending day when not recorded)."""
    delivered: date | None = e.delivered_on
    return e.on if delivered is None else delivered


class _State:
    """An application's state after its events (internal).

    Built once per application: :meth:`Application.record` forks the state of the
    application it extends (a shallow copy; nothing in it is changed in place
    after the fork, so applications never share changes) and applies one event;
    validation from JSON applies every event to one state. Queries read it and
    never replay, except for a day before the last event or on another calendar
    (a replay of at most :data:`MAX_EVENTS` events).
    """

    def __init__(self, app: Application, cal: WorkdayCalendar) -> None:
        self.options = app.options
        self.on_the_spot = app.on_the_spot
        self.cal = cal
        self.received_on = app.received_on
        self.edition = edition_in_force(self.received_on)
        self.count = 0
        self.clock_start = self.received_on
        self.correction: CorrectionRequested | None = None
        self.correction_due: date | None = None
        self.correction_received: date | None = None
        # Consultations with an opinion, newest first, as a linked list of
        # (consultation, rest) pairs (appending never copies), and those without,
        # by (party, name), oldest first (copied on change: as many as are open).
        self.answered: tuple[_Consultation, Any] | None = None
        self.open: dict[tuple[ConsultedParty, str], tuple[_Consultation, ...]] = {}
        self.consulted = 0
        # the last day any of them still runs (date.max: one has no deadline)
        self.open_until: date | None = None
        self.extension: ExtensionApproved | None = None
        self.delay: ReplyDelayed | None = None
        self.fee: FeeNoticeSent | None = None
        self.fee_due: date | None = None
        self.fee_paid: date | None = None
        self.closing: _Event | None = None
        self.flags: tuple[ApplicationFlag, ...] = ()
        self.last: date = self.received_on
        self.cache: dict[Any, Deadline] = {}
        # the fields (``__dict__``) of the application this state belongs to: a
        # copy of the application, which has its own, replays once
        self.fields: dict[str, Any] | None = None

    def fork(self) -> _State:
        new = _State.__new__(_State)
        new.__dict__ = self.__dict__.copy()
        new.cache = {}
        return new

    def __eq__(self, other: object) -> bool:
        # The state is a function of the application's fields, which pydantic
        # compares; it never decides equality itself (None: not built yet).
        return other is None or isinstance(other, _State)

    __hash__ = None  # type: ignore[assignment]

    # Never changed once attached to an application, so a copy is the state itself;
    # a pickle leaves it out and the application replays its history once when
    # first asked.
    def __copy__(self) -> _State:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> _State:
        return self

    def __reduce__(self) -> tuple[Any, tuple[()]]:
        return (_no_state, ())

    # state --------------------------------------------------------------------------

    def pending(self, on: date) -> list[_Consultation]:
        """Consultations still running on ``on`` (no opinion, deadline not passed)."""
        if self.open_until is None or on > self.open_until:
            return []
        return [
            c
            for group in self.open.values()
            for c in group
            if c.opinion_due is None or on <= c.opinion_due
        ]

    @property
    def consultations(self) -> list[_Consultation]:
        """Every consultation, in the order sent (built on demand: queries only)."""
        out = [c for group in self.open.values() for c in group]
        node = self.answered
        while node is not None:
            out.append(node[0])
            node = node[1]
        out.sort(key=lambda c: c.seq)
        return out

    def state(self, on: date | None = None) -> ApplicationState:
        day = self.last if on is None else on
        if self.closing is not None:
            if isinstance(self.closing, ReplyIssued):
                return ApplicationState.REPLIED
            return ApplicationState.CLOSED
        if self.correction is not None and self.correction_received is None:
            return ApplicationState.AWAITING_CORRECTION
        if self.fee is not None and self.fee_paid is None:
            return ApplicationState.AWAITING_PAYMENT
        if self.open_until is not None and day <= self.open_until:
            return ApplicationState.CONSULTING
        return ApplicationState.OPEN

    # deadlines ----------------------------------------------------------------------

    def _wd(self, kind: DeadlineKind, start: date, n: int, basis: tuple[Citation, ...],
            notes: tuple[str, ...] = ()) -> Deadline:  # fmt: skip
        return working_day_deadline(
            kind, start, n, basis=basis, edition=self.edition,
            options=self.options, notes=notes, calendar=self.cal,
        )  # fmt: skip

    def opinion_due(self, e: ConsultationSent) -> date | None:
        """The last day of the consulted party's period (the date only: no Deadline built)."""
        if e.party is ConsultedParty.OTHER_AGENCY:
            return None  # Art. 33 para. 3: time not counted, but no statutory limit
        rules = self.consultation_edition(e.on).rules
        n = (
            rules.third_party_opinion_days
            if e.party is ConsultedParty.THIRD_PARTY
            else rules.agency_opinion_days
        )
        return None if n is None else self.cal.add_working_days(_delivery(e), n)

    def opinion_deadline(self, e: ConsultationSent) -> Deadline | None:
        rules = self.consultation_edition(e.on).rules
        if e.party is ConsultedParty.OTHER_AGENCY:
            return None  # Art. 33 para. 3: time not counted, but no statutory limit
        if e.party is ConsultedParty.THIRD_PARTY:
            n, basis = rules.third_party_opinion_days, rules.third_party_opinion_basis
            kind = DeadlineKind.THIRD_PARTY_OPINION
        else:
            n, basis = rules.agency_opinion_days, rules.agency_opinion_basis
            kind = DeadlineKind.AGENCY_OPINION
        if n is None or basis is None:
            return None
        notes = () if e.delivered_on else ("letter assumed received the day it was sent",)
        return self._wd(kind, _delivery(e), n, (basis,), notes)

    def fee_deadline(self) -> Deadline | None:
        if self.fee is None:
            return None
        notes = () if self.fee.delivered_on else ("notice assumed received the day it was sent",)
        window = law.parameter("fees.payment_days").at(self.fee.on)
        return self._wd(
            DeadlineKind.FEE_PAYMENT,
            _delivery(self.fee),
            _payment_days(self.fee.on),
            window.basis,
            notes,
        )

    def procedure_edition(self) -> Edition:
        """The edition whose reply period runs now: the receipt day's, or under
        ``CorrectionEdition.CORRECTION`` the corrected application's (程序从新)."""
        if (
            self.correction_received is not None
            and self.options.correction_edition is CorrectionEdition.CORRECTION
        ):
            return edition_in_force(self.correction_received)
        return self.edition

    def consultation_edition(self, sent: date) -> Edition:
        """The edition a consultation sent on ``sent`` follows: the procedure edition
        for one sent on or after the corrected application arrived, else the receipt's."""
        if self.correction_received is not None and sent >= self.correction_received:
            return self.procedure_edition()
        return self.edition

    def correction_deadline(self) -> Deadline | None:
        e = self.correction
        if e is None:
            return None
        basis = (_correction_basis(self.edition),)
        notes = () if e.delivered_on else ("notice assumed received the day it was sent",)
        if e.working_days:
            return self._wd(DeadlineKind.CORRECTION, _delivery(e), e.period_days, basis, notes)
        return period_deadline(
            DeadlineKind.CORRECTION, _delivery(e), basis, days=e.period_days,
            options=self.options, calendar=self.cal, notes=notes,
        )  # fmt: skip

    def correction_notice_deadline(self) -> Deadline | None:
        rules = self.edition.rules
        if rules.correction_notice_days is None or rules.correction_notice_basis is None:
            return None
        return working_day_deadline(
            DeadlineKind.CORRECTION_NOTICE,
            self.received_on,
            rules.correction_notice_days,
            basis=(rules.correction_notice_basis, start_rule(self.received_on)),
            edition=self.edition,
            options=self.options,
            calendar=self.cal,
            start_counted=self.options.receipt_day is ReceiptDay.COUNTED,
        )

    def reply_deadline(self, as_of: date | None = None) -> Deadline:
        """The reply deadline, counting running pauses to ``as_of`` (default: last event).

        Kept on the state by what ``as_of`` can change (which running
        consultations are still open on it), and shared between applications
        whose count has the same inputs.
        """
        horizon = as_of if as_of is not None else self.last
        key: tuple[Any, ...] = ()
        if self.closing is None and self.open:
            key = tuple(
                horizon if c.opinion_due is None else horizon <= c.opinion_due
                for group in self.open.values()
                for c in group
            )
        found = self.cache.get(key)
        if found is None:
            if len(self.cache) >= 16:
                self.cache.clear()
            found = self.cache[key] = self._reply_deadline(horizon)
        return found

    def _reply_deadline(self, horizon: date) -> Deadline:
        opts = self.options
        edition = self.procedure_edition()
        rules = edition.rules
        stop = self.closing.on if self.closing is not None else None
        if self.on_the_spot:
            return trusted(
                Deadline, kind=DeadlineKind.REPLY, due=self.received_on,
                start=self.received_on, days=0, unit=PeriodUnit.WORKING_DAYS,
                edition=edition,
                basis=(cite("ogi-2019:33.1" if edition is Edition.REG_2019 else "ogi-2007:24.1"),),
                extension_days=0, original_due=None, nominal_due=None, excluded=(), runs=(),
                rolled=(), provisional=False, options=opts,
                notes=("answerable on the spot: due the day it is received",), notices=(),
            )  # fmt: skip
        if self.delay is not None:  # Art. 35: the day the agency set
            return trusted(
                Deadline, kind=DeadlineKind.REPLY, due=self.delay.until,
                start=self.clock_start, days=0, unit=PeriodUnit.FIXED_DATE,
                edition=edition, basis=(cite("ogi-2019:35"),),
                extension_days=0, original_due=None, nominal_due=None, excluded=(), runs=(),
                rolled=(), provisional=False, options=opts,
                notes=(f"delayed reply (Art. 35): the agency set {self.delay.until.isoformat()} "
                       f"on {self.delay.on.isoformat()} and told the applicant",),
                notices=(),
            )  # fmt: skip
        spans: list[tuple[PauseKind, date, date, bool]] = []
        for c in self.consultations:
            if (
                self.consultation_edition(c.sent) is Edition.REG_2007
                and c.party is not ConsultedParty.THIRD_PARTY
            ):
                continue  # 2007 Art. 24 para. 3 excludes third-party time only
            kind = (
                PauseKind.THIRD_PARTY_CONSULTATION
                if c.party is ConsultedParty.THIRD_PARTY
                else PauseKind.AGENCY_CONSULTATION
            )
            if c.end is not None:
                end, open_ = c.end, False
            elif c.opinion_due is not None:
                end = c.opinion_due
                open_ = stop is None and horizon <= c.opinion_due
            else:
                end, open_ = horizon, stop is None
            if stop is not None and stop < end:
                end = stop
            spans.append((kind, c.sent, end, open_))
        notes: tuple[str, ...] = ()
        if self.fee is not None:
            if opts.fee_window is None:
                raise NeedsInterpretationError(
                    "this application has a fee notice: choose whether the payment window "
                    "counts in the reply period with DeadlineOptions(fee_window=...): "
                    "FeeWindow.EXCLUDED (the reading recalled from 国办函〔2020〕109号, not "
                    "verified) or FeeWindow.COUNTED (conservative)"
                )
            if opts.fee_window is FeeWindow.EXCLUDED:
                assert self.fee_due is not None
                if self.fee_paid is not None:
                    end, open_ = self.fee_paid, False
                else:
                    end = self.fee_due if stop is None else min(stop, self.fee_due)
                    open_ = stop is None
                spans.append((PauseKind.FEE_PAYMENT, self.fee.on, end, open_))
            else:
                notes = ("fee payment window counted in the reply period (fee_window=counted)",)
        basis = reply_basis(edition, self.extension is not None, self.clock_start)
        if self.correction_received is not None:
            basis = (*basis, _correction_basis(self.edition))
            if edition is not self.edition:
                basis = (*basis, cite("ogi-2019:56"))
                notes = (*notes, _procedure_note(self.edition, edition, self.correction_received))
        if spans:
            basis = (*basis, _pause_basis(edition))
        extension_days = self.extension.days if self.extension else 0
        # Everything the count depends on: the options by value (applications read
        # from JSON each have their own), the calendar by identity (kept alive in
        # the entry and checked on a hit).
        key = (id(self.cal), opts, edition, self.clock_start, extension_days,
               basis, tuple(spans), notes)  # fmt: skip
        hit = _REPLY_MEMO.get(key)
        if hit is not None and hit[0] is self.cal:
            return hit[1]
        found = working_day_deadline(
            DeadlineKind.REPLY,
            self.clock_start,
            rules.reply_days,
            basis=basis,
            edition=edition,
            options=opts,
            pauses=[make_pause(k, s, e, open_=o, options=opts) for k, s, e, o in spans],
            extension_days=extension_days,
            notes=notes,
            calendar=self.cal,
            start_counted=opts.receipt_day is ReceiptDay.COUNTED,
        )
        if len(_REPLY_MEMO) >= _REPLY_MEMO_SIZE:
            _REPLY_MEMO.clear()
        _REPLY_MEMO[key] = (self.cal, found)
        return found

    # events -------------------------------------------------------------------------

    def apply(self, e: _Event) -> None:
        """Check ``e`` against the state and apply it (raises before changing anything)."""
        name = e.kind

        def refuse(why: str) -> InvalidEventError:
            return InvalidEventError(f"cannot record {name} on {e.on}: {why}")

        if self.count >= MAX_EVENTS:
            raise refuse(
                f"an application holds at most {MAX_EVENTS} events (opengov.applications."
                "MAX_EVENTS); record the rest of this case as a new application"
            )
        if e.on < self.received_on:
            raise InvalidEventError(
                f"{name} on {e.on} is dated before the application was received "
                f"({self.received_on})"
            )
        if e.on < self.last:
            raise InvalidEventError(
                f"{name} on {e.on} is out of order: the last event is dated "
                f"{self.last}; record events in date order"
            )
        state = self.state(e.on)
        if self.closing is not None:
            raise refuse(
                f"the application was {state.value} on {self.closing.on} "
                f"({self.closing.kind}); nothing is recorded after a reply, a withdrawal "
                "or a closure"
            )
        delivered: date | None = getattr(e, "delivered_on", None)
        if delivered is not None and delivered < e.on:
            raise refuse(f"delivered_on {delivered} is before it was sent (on {e.on})")
        self._apply(e, state, refuse)
        self.cache = {}  # deadlines computed while checking the event are stale now
        self.count += 1
        self.last = e.on

    def _flag(self, flag: ApplicationFlag) -> None:
        self.flags = (*self.flags, flag)

    def _apply(self, e: _Event, state: ApplicationState, refuse: Any) -> None:
        if isinstance(e, Withdrawn):
            self.closing = e
        elif isinstance(e, CorrectionRequested):
            if self.correction is not None:
                raise refuse("a correction may be requested only once (一次性告知, Art. 30)")
            if state is not ApplicationState.OPEN:
                raise refuse(f"the application is {state.value}")
            notice = self.correction_notice_deadline()
            self.correction = e
            due = self.correction_deadline()
            self.correction_due = due.due if due else None
            if notice is not None and e.on > notice.due:
                self._flag(ApplicationFlag.LATE_CORRECTION_NOTICE)
            if e.delivered_on is None:
                self._flag(ApplicationFlag.CORRECTION_DELIVERY_ASSUMED)
        elif isinstance(e, CorrectionReceived):
            if state is not ApplicationState.AWAITING_CORRECTION:
                raise refuse("no correction was requested")
            assert self.correction is not None
            assert self.correction_due is not None
            delivered = _delivery(self.correction)
            if e.on < delivered:
                raise refuse(
                    f"the applicant received the correction notice on {delivered} "
                    "(correction_requested.delivered_on); a correction comes after it"
                )
            if e.on > self.correction_due:
                self._flag(ApplicationFlag.LATE_CORRECTION)
            self.correction_received = e.on
            self.clock_start = e.on
        elif isinstance(e, CorrectionNotReceived):
            if state is not ApplicationState.AWAITING_CORRECTION:
                raise refuse("no correction was requested")
            assert self.correction_due is not None
            if e.on <= self.correction_due:
                raise refuse(
                    f"the applicant has until {self.correction_due} to correct (the period "
                    "runs from the day after the notice was delivered)"
                )
            self.closing = e
        elif isinstance(e, ConsultationSent):
            if state not in (ApplicationState.OPEN, ApplicationState.CONSULTING):
                raise refuse(f"the application is {state.value}")
            key = (e.party, e.name)
            for running in self.open.get(key, ()):
                if running.opinion_due is None or e.on <= running.opinion_due:
                    raise refuse(f"{e.party.label_en} {e.name!r} is already being consulted")
            c = _Consultation(self.consulted, e, self.opinion_due(e), None)
            self.consulted += 1
            self.open = {**self.open, key: (*self.open.get(key, ()), c)}
            until = date.max if c.opinion_due is None else c.opinion_due
            self.open_until = until if self.open_until is None else max(self.open_until, until)
        elif isinstance(e, OpinionReceived):
            key = (e.party, e.name)
            group = self.open.get(key)
            if not group:
                raise refuse(f"no consultation of {e.party.label_en} {e.name!r} is open")
            c = group[0]
            if c.delivered is not None and e.on < c.delivered:
                raise refuse(
                    f"the letter reached {e.party.label_en} {e.name!r} on {c.delivered} "
                    "(consultation_sent.delivered_on); an opinion comes after it"
                )
            # a late opinion does not lengthen the pause: silence ended it
            end = e.on if c.opinion_due is None else min(e.on, c.opinion_due)
            self.answered = (_Consultation(c.seq, c.event, c.opinion_due, end), self.answered)
            rest = dict(self.open)
            if len(group) > 1:
                rest[key] = group[1:]
            else:
                del rest[key]
            self.open = rest
            dues = [
                date.max if j.opinion_due is None else j.opinion_due
                for js in rest.values()
                for j in js
            ]  # fmt: skip
            self.open_until = max(dues) if dues else None
        elif isinstance(e, ExtensionApproved):
            if self.extension is not None:
                raise refuse("the reply period may be extended only once")
            if self.delay is not None:
                raise refuse("a delayed reply day was set (Art. 35); it is the deadline")
            if state is ApplicationState.AWAITING_CORRECTION:
                raise refuse("the reply period has not started: a correction is awaited")
            edition = self.procedure_edition()
            limit = edition.rules.max_extension_days
            if e.days > limit:
                raise refuse(
                    f"an extension is at most {limit} working days under the "
                    f"{edition.value} edition ({edition.rules.extension_basis})"
                )
            current = self.reply_deadline(as_of=e.on).due
            if e.on > current:
                raise refuse(f"the reply deadline ({current}) has passed; extend before it")
            self.extension = e
        elif isinstance(e, ReplyDelayed):
            if self.procedure_edition() is not Edition.REG_2019:
                raise refuse("a delayed reply (Art. 35) exists under the 2019 edition only")
            if self.delay is not None:
                raise refuse("a delayed reply period may be set only once")
            if state not in (ApplicationState.OPEN, ApplicationState.CONSULTING):
                raise refuse(f"the application is {state.value}")
            current = self.reply_deadline(as_of=e.on).due
            if e.on > current:
                raise refuse(f"the reply deadline ({current}) has passed; set the delay before it")
            if e.until <= current:
                raise refuse(
                    f"until ({e.until}) must be after the reply deadline ({current}): Art. 35 "
                    "applies when the agency cannot reply within the Art. 33 period"
                )
            self.delay = e
        elif isinstance(e, FeeNoticeSent):
            if self.fee is not None:
                raise refuse("a fee notice was already sent")
            if state is not ApplicationState.OPEN:
                raise refuse(f"the application is {state.value}")
            require_fee_chargeable(self.received_on)  # 国办函〔2020〕109号 not yet in force
            if e.on > self.reply_deadline(as_of=e.on).due:  # 109号: within the reply period
                self._flag(ApplicationFlag.LATE_FEE_NOTICE)
            fee_due = self.cal.add_working_days(_delivery(e), _payment_days(e.on))
            self.fee = e
            self.fee_due = fee_due
            if e.delivered_on is None:
                self._flag(ApplicationFlag.FEE_NOTICE_DELIVERY_ASSUMED)
        elif isinstance(e, FeePaid):
            if state is not ApplicationState.AWAITING_PAYMENT:
                raise refuse("no fee is awaited")
            assert self.fee is not None
            assert self.fee_due is not None
            delivered = _delivery(self.fee)
            if e.on < delivered:
                raise refuse(
                    f"the applicant received the fee notice on {delivered} "
                    "(fee_notice_sent.delivered_on); payment comes after it"
                )
            if e.on > self.fee_due:
                raise refuse(
                    f"the payment window ended on {self.fee_due}; record FeeNotPaid instead "
                    "(unpaid in time is treated as abandoned)"
                )
            self.fee_paid = e.on
        elif isinstance(e, FeeNotPaid):
            if state is not ApplicationState.AWAITING_PAYMENT:
                raise refuse("no fee is awaited")
            assert self.fee_due is not None
            if e.on <= self.fee_due:
                raise refuse(f"the applicant has until {self.fee_due} to pay")
            self.closing = e
        elif isinstance(e, ReplyIssued):
            if state in (ApplicationState.AWAITING_CORRECTION, ApplicationState.AWAITING_PAYMENT):
                raise refuse(f"the application is {state.value}")
            if e.remedies_informed_on is not None:
                if e.remedies_notified:
                    raise refuse(
                        "remedies_informed_on is for a reply that did not tell the applicant "
                        "of the remedies; set remedies_notified to False or leave it out"
                    )
                if e.remedies_informed_on < _delivery(e):
                    raise refuse(
                        f"remedies_informed_on {e.remedies_informed_on} is before the applicant "
                        f"received the reply ({_delivery(e)})"
                    )
            late = False
            if self.options.fee_window is None and self.fee is not None:
                pass  # the lateness check needs the option; skip it
            else:
                late = e.on > self.reply_deadline(as_of=e.on).due
            if late:
                self._flag(ApplicationFlag.LATE_REPLY)
            if e.delivered_on is None:
                self._flag(ApplicationFlag.REPLY_DELIVERY_ASSUMED)
            self.closing = e


def _event_day(e: Any) -> date:
    day: date = e.on
    return day


def _pause_basis(edition: Edition) -> Citation:
    return cite("ogi-2019:33.3" if edition is Edition.REG_2019 else "ogi-2007:24.3")


def _correction_basis(edition: Edition) -> Citation:
    """Where the 补正 is provided for: 2019 Art. 30, or 2007 Art. 21(4) (告知作出更改、补充)."""
    return cite("ogi-2019:30" if edition is Edition.REG_2019 else "ogi-2007:21(4)")


def _payment_days(notice_day: date) -> int:
    """Working days to pay, read from the statute book on the day the fee notice was sent."""
    return law.parameter("fees.payment_days").int_at(notice_day)


def _procedure_note(received: Edition, edition: Edition, corrected: date) -> str:
    return (
        f"received under the {received.value} edition, corrected on {corrected.isoformat()}: "
        f"the reply period is the {edition.value} edition's (correction_edition=correction, "
        "程序从新); the default counts the receipt edition's, the shorter period"
    )


_EVENT_TYPES = frozenset(
    (
        CorrectionRequested, CorrectionReceived, CorrectionNotReceived, ConsultationSent,
        OpinionReceived, ExtensionApproved, FeeNoticeSent, FeePaid, FeeNotPaid, ReplyIssued,
        Withdrawn,
    )
)  # fmt: skip


# -- the application ---------------------------------------------------------------------


class Application(FrozenModel):
    """An application and its history (see the module docs).

    Build one with :meth:`receive` (clear errors for missing receipt facts) or
    from JSON with ``Application.model_validate_json`` (the history is replayed
    and checked, once). ``options`` are the interpretations used for its
    deadlines. The state after the history is kept with the application (not a
    field: not in its JSON, its equality or its hash), so queries never replay
    the history and :meth:`record` checks only the new event.
    """

    channel: SubmissionChannel
    applicant_type: ApplicantType
    submitted_on: date | None = None
    signed_for_on: date | None = None
    confirmed_on: date | None = None
    agency: str = Field(default="", max_length=200)
    on_the_spot: bool = Field(default=False, strict=True)
    options: DeadlineOptions = DEFAULT_OPTIONS
    events: tuple[ApplicationEvent, ...] = Field(default=(), max_length=MAX_EVENTS)

    _state: _State | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _replays(self) -> Application:
        self.__pydantic_private__["_state"] = self._attach(self._replay(self.events, None))  # type: ignore[index]
        return self

    def _attach(self, st: _State) -> _State:
        """``st`` marked as the state of this application's very fields."""
        st.fields = self.__dict__
        return st

    @classmethod
    def receive(
        cls,
        channel: SubmissionChannel,
        *,
        applicant_type: ApplicantType,
        submitted_on: date | None = None,
        signed_for_on: date | None = None,
        confirmed_on: date | None = None,
        agency: str = "",
        on_the_spot: bool = False,
        options: DeadlineOptions | None = None,
    ) -> Application:
        """A new application, received by the Art. 31 rule for ``channel``.

        Raises :class:`~opengov.errors.InvalidInputError` when the fact the rule
        needs is missing, and :class:`~opengov.errors.EditionNotInForceError`
        before 2008-05-01.
        """
        day = receipt_date(
            channel,
            submitted_on=submitted_on,
            signed_for_on=signed_for_on,
            confirmed_on=confirmed_on,
        )
        edition_in_force(day)
        return cls(
            channel=channel,
            applicant_type=applicant_type,
            submitted_on=None if submitted_on is None else as_date(submitted_on, "submitted_on"),
            signed_for_on=None
            if signed_for_on is None
            else as_date(signed_for_on, "signed_for_on"),
            confirmed_on=None if confirmed_on is None else as_date(confirmed_on, "confirmed_on"),
            agency=agency,
            on_the_spot=on_the_spot,
            options=DEFAULT_OPTIONS if options is None else options,
        )

    # receipt ------------------------------------------------------------------------

    @property
    def received_on(self) -> date:
        """The day the agency received the application (Art. 31, by channel)."""
        return receipt_date(
            self.channel,
            submitted_on=self.submitted_on,
            signed_for_on=self.signed_for_on,
            confirmed_on=self.confirmed_on,
        )

    @property
    def edition(self) -> Edition:
        """The edition in force on the receipt day."""
        return edition_in_force(self.received_on)

    # history ------------------------------------------------------------------------

    def _replay(self, events: tuple[Any, ...], calendar: WorkdayCalendar | None) -> _State:
        """A state built from ``events`` (at most MAX_EVENTS), applied in place."""
        st = _State(self, counting_calendar(self.options, calendar))
        for e in events:
            st.apply(e)
        return st

    def _st(self, calendar: WorkdayCalendar | None = None, day: date | None = None) -> _State:
        """The state after the events up to ``day`` (all by default), on ``calendar``.

        The kept state when it answers (the common case); otherwise a replay of
        the events up to ``day``, bounded by :data:`MAX_EVENTS`.
        """
        private = self.__pydantic_private__
        st: _State | None = private.get("_state") if private else None
        if st is None or st.fields is not self.__dict__:
            # unpickled, copied, or built without validation (model_construct,
            # model_copy(update=...)): the history is replayed, and checked, once
            st = self._attach(self._replay(self.events, None))
            if private is not None:
                private["_state"] = st
        cal = counting_calendar(self.options, calendar)
        if cal is st.cal and (day is None or day >= st.last):
            return st
        events = self.events if day is None or day >= st.last else self._upto(day)
        if cal is st.cal:
            return self._replay(events, cal)
        try:
            return self._replay(events, cal)
        except InvalidEventError as exc:
            # the history was checked on its own calendar; on this one a period ends
            # elsewhere, so an event it allowed may come too early: say which calendar
            raise InvalidEventError(
                f"this history is valid on the calendar it was recorded with, but not on "
                f"the calendar given: {exc}; ask on the history's own calendar, or put the "
                f"extra rest days in the application's options (regional_rest_days) so "
                f"the history is checked with them"
            ) from None

    def record(self, event: ApplicationEvent | dict[str, Any]) -> Application:
        """A new application with ``event`` appended; ``self`` is unchanged.

        Raises :class:`~opengov.errors.InvalidEventError` for an event out of
        order, dated before receipt or an earlier notice's delivery, after a reply
        or closure, impossible in the current state, or beyond
        :data:`MAX_EVENTS`. Only ``event`` is checked, against the state kept with
        the application: the cost does not grow with the history.
        """
        checked: _Event
        if type(event) in _EVENT_TYPES:
            checked = cast("_Event", event)  # an event model: validated when it was built
        else:
            checked = _EVENT_ADAPTER.validate_python(event)
        new_state = self._st().fork()  # replayed only if the calendar in use changed
        new_state.apply(checked)  # raises InvalidEventError before anything is built
        app = trusted(
            Application,
            channel=self.channel,
            applicant_type=self.applicant_type,
            submitted_on=self.submitted_on,
            signed_for_on=self.signed_for_on,
            confirmed_on=self.confirmed_on,
            agency=self.agency,
            on_the_spot=self.on_the_spot,
            options=self.options,
            events=(*self.events, checked),
        )
        # every field is this application's (validated) or the event just checked
        app.__pydantic_private__["_state"] = app._attach(new_state)  # type: ignore[index]
        return app

    def with_options(self, options: DeadlineOptions) -> Application:
        """The same history, with deadlines counted under ``options``."""
        return self._rebuilt(options, self.events)

    def _rebuilt(self, options: DeadlineOptions, events: tuple[Any, ...]) -> Application:
        """A new, fully validated application with the same receipt facts."""
        return Application(
            channel=self.channel,
            applicant_type=self.applicant_type,
            submitted_on=self.submitted_on,
            signed_for_on=self.signed_for_on,
            confirmed_on=self.confirmed_on,
            agency=self.agency,
            on_the_spot=self.on_the_spot,
            options=options,
            events=events,
        )

    @property
    def state(self) -> ApplicationState:
        """Where the application stands after its last event."""
        return self._st().state()

    @property
    def flags(self) -> tuple[ApplicationFlag, ...]:
        """Irregularities in the history (recorded, not refused)."""
        return self._st().flags

    # deadlines ----------------------------------------------------------------------

    def reply_deadline(
        self, as_of: date | None = None, *, calendar: WorkdayCalendar | None = None
    ) -> Deadline:
        """The reply deadline given the history (up to ``as_of``, default: all).

        A consultation or fee window still running is counted to its latest end
        (marked ``open`` in :attr:`Deadline.excluded`). Every date-computing query
        counts on ``calendar`` when given, else on the calendar in use
        (:func:`~opengov.calendar.default_calendar`).
        """
        if as_of is None:
            return self._st(calendar).reply_deadline()
        day = as_date(as_of, "as_of")
        return self._st(calendar, day).reply_deadline(as_of=day)

    def _upto(self, day: date) -> tuple[Any, ...]:
        """The events dated up to ``day`` (a prefix: events are in date order)."""
        return self.events[: bisect_right(self.events, day, key=_event_day)]

    def deadlines(self, *, calendar: WorkdayCalendar | None = None) -> tuple[Deadline, ...]:
        """Every deadline the history gives rise to, in a stable order.

        Reply, 补正 notice (2019 edition), the applicant's correction period,
        opinion deadlines, fee payment, and after a reply the remedy periods.
        """
        r = self._st(calendar)
        out: list[Deadline] = []
        if r.fee is None or self.options.fee_window is not None:
            out.append(r.reply_deadline())
        notice = r.correction_notice_deadline()
        if notice is not None and not self.on_the_spot:
            out.append(notice)
        correction = r.correction_deadline()
        if correction is not None:
            out.append(correction)
        for c in r.consultations:
            d = r.opinion_deadline(c.event)
            if d is not None:
                out.append(d)
        fee = r.fee_deadline()
        if fee is not None:
            out.append(fee)
        out.extend(self.remedy_deadlines(calendar=calendar))
        return tuple(out)

    def remedy_deadlines(
        self, as_of: date | None = None, *, calendar: WorkdayCalendar | None = None
    ) -> tuple[Deadline, ...]:
        """Review and litigation periods: after a reply, or after no reply by ``as_of``.

        After a reply they run from the day the applicant received it
        (``ReplyIssued.delivered_on``, else the reply day). Since 2024-01-01 a
        refusal to disclose must go to review first (行政复议法 2023 Art. 23(4)),
        so no direct-litigation period is given for a withheld reply. If the reply
        did not tell the applicant of the remedies (``remedies_notified=False``),
        each period runs from ``remedies_informed_on``, capped at one year from
        receipt of the reply, or is that one-year cap when the day is not known
        (:func:`~opengov.remedies.review_deadline`,
        :func:`~opengov.remedies.litigation_deadline`).

        After a 不再处理 closure (no correction, or the fee unpaid, in time) both
        periods run from the last day of the correction or payment window
        (:func:`~opengov.remedies.closure_remedy_deadlines`).

        Whether an agency failed to reply is a fact about a day, so the periods for
        a non-reply (不履行法定职责) need ``as_of``: only events recorded up to
        that day count, and if by then there is no reply, nothing is awaited from
        the applicant (no 补正 or fee pending) and the reply deadline has passed,
        the result is the review period (60 days,
        :func:`~opengov.remedies.no_reply_review_deadline`) and the litigation
        period (6 months, :func:`~opengov.remedies.no_reply_litigation_deadline`),
        both counted from the reply deadline's last day. Without ``as_of`` (or
        before the deadline passes) there are none. A later reply replaces them
        with the periods after that reply.
        """
        from opengov.remedies import (
            closure_remedy_deadlines,
            litigation_deadline,
            no_reply_litigation_deadline,
            no_reply_review_deadline,
            review_deadline,
        )

        day = None if as_of is None else as_date(as_of, "as_of")
        r = self._st(calendar, day)
        if isinstance(r.closing, ReplyIssued):
            known = _delivery(r.closing)
            told, informed = r.closing.remedies_notified, r.closing.remedies_informed_on
            out = [
                review_deadline(
                    known,
                    remedies_notified=told,
                    informed_on=informed,
                    options=self.options,
                    calendar=r.cal,
                )
            ]
            review_first = r.closing.reply.type in (
                ReplyType.WITHHELD,
                ReplyType.PARTIALLY_DISCLOSED,
            ) and law.parameter("review.first_when_withheld").flag_at(known)
            if not review_first:
                out.append(
                    litigation_deadline(
                        known,
                        remedies_notified=told,
                        informed_on=informed,
                        options=self.options,
                        calendar=r.cal,
                    )
                )
            return tuple(out)
        if isinstance(r.closing, (CorrectionNotReceived, FeeNotPaid)):  # 不再处理
            closed = isinstance(r.closing, CorrectionNotReceived)
            end, why = (
                (r.correction_due, "not_corrected") if closed else (r.fee_due, "fee_not_paid")
            )
            assert end is not None
            return closure_remedy_deadlines(end, why, options=self.options, calendar=r.cal)
        if day is None or r.state(day) not in (ApplicationState.OPEN, ApplicationState.CONSULTING):
            return ()
        expired = r.reply_deadline(as_of=day).due
        if day <= expired:
            return ()
        return (
            no_reply_review_deadline(expired, options=self.options, calendar=r.cal),
            no_reply_litigation_deadline(expired, options=self.options, calendar=r.cal),
        )

    def status(self, on: date, *, calendar: WorkdayCalendar | None = None) -> ApplicationStatus:
        """The status on day ``on``, from the events recorded up to that day.

        From the kept state for a day on or after the last event; for an earlier
        day, from a replay of the events up to it (at most :data:`MAX_EVENTS`).
        """
        day = as_date(on, "on")
        r = self._st(calendar, day)
        cal = r.cal
        state = r.state(day)
        if state in (ApplicationState.REPLIED, ApplicationState.CLOSED):
            kind = StatusKind.REPLIED if state is ApplicationState.REPLIED else StatusKind.CLOSED
            return trusted(ApplicationStatus, on=day, kind=kind, due=None, working_days_left=None,
                            working_days_overdue=None, reply_deadline=None)  # fmt: skip
        reply = None
        if r.fee is None or self.options.fee_window is not None:
            reply = r.reply_deadline(as_of=day)
        if state is ApplicationState.AWAITING_CORRECTION:
            kind, due = StatusKind.AWAITING_CORRECTION, r.correction_due
        elif state is ApplicationState.AWAITING_PAYMENT:
            kind, due = StatusKind.AWAITING_PAYMENT, r.fee_due
        elif state is ApplicationState.CONSULTING:
            pending = r.pending(day)
            dues = [c.opinion_due for c in pending if c.opinion_due is not None]
            kind = StatusKind.PAUSED_FOR_CONSULTATION
            due = max(dues) if dues else None
        else:
            if reply is None:  # a fee notice without a fee_window choice: raises
                reply = r.reply_deadline(as_of=day)
            due = reply.due
            kind = StatusKind.OVERDUE if day > due else StatusKind.OPEN
        left = overdue = None
        if due is not None:
            if day <= due:
                left = cal.working_days_between(day, due)
            else:
                overdue = cal.working_days_between(due, day)
        return trusted(ApplicationStatus, on=day, kind=kind, due=due, working_days_left=left,
                        working_days_overdue=overdue, reply_deadline=reply)  # fmt: skip

    # annual report ------------------------------------------------------------------

    @property
    def closed_on(self) -> date | None:
        """The day the application was replied to or otherwise closed."""
        closing = self._st().closing
        return None if closing is None else closing.on

    def reply_type(self) -> ReplyType | None:
        """How the application ended, as a reply type (``None`` while open).

        Withdrawn → ``OTHER``; not corrected → ``NOT_CORRECTED``; fee not paid →
        ``FEE_NOT_PAID``.
        """
        closing = self._st().closing
        if closing is None:
            return None
        if isinstance(closing, ReplyIssued):
            return closing.reply.type
        if isinstance(closing, CorrectionNotReceived):
            return ReplyType.NOT_CORRECTED
        if isinstance(closing, FeeNotPaid):
            return ReplyType.FEE_NOT_PAID
        return ReplyType.OTHER

    def report_row(self, fmt: ReportFormat) -> OutcomeRow | None:
        """The table 三 row this application is counted in (``None`` while open)."""
        closing = self._st().closing
        if closing is None:
            return None
        if isinstance(closing, ReplyIssued):
            return closing.reply.report_row(fmt)
        reply_type = self.reply_type()
        assert reply_type is not None
        return Reply(type=reply_type).report_row(fmt)
