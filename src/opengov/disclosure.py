"""Disclosure decisions (公开属性认定与发布审查, Arts. 17-21, 26) as replayable events.

A document an agency drafts gets a disclosure decision before it is issued: the
drafting unit proposes whether it is 主动公开 (with its Art. 20 item or an Art. 21
local item), 依申请公开, 不予公开 (with grounds) or published in a redacted version
(部分公开); the office runs the confidentiality review (保密审查, Art. 17 para. 2);
what the agency cannot decide goes to the competent department or the secrecy
administration (Art. 17 para. 3); a leader approves; the document is published
within 20 working days of its formation or change (Art. 26). Withheld information is
re-evaluated periodically (Art. 18).

A :class:`DisclosureDecision` is an immutable value: the document's identity plus an
append-only trail of events. :meth:`DisclosureDecision.record` returns a new
decision with one more event, or raises :class:`~opengov.errors.InvalidDecisionError`
naming the field and the rule (and changes nothing). Histories serialise to JSON
and replay to the same decision; a decision holds at most :data:`MAX_DECISION_EVENTS` events.

Rules enforced: grounds are required to withhold and refused for a proactive
decision; information within an Art. 20 item (a 规章 or 规范性文件 always is, item 1)
is never decided 依申请公开 without a ground; information withheld on an absolute
ground (Art. 14) is never published; a document is published only after its
confidentiality review and approval, and an uncertain review waits for the answer
of the department it was referred to; events are recorded in date order.

Legal basis:
    - ogi-2019:17 (review; referral), ogi-2019:18 (re-evaluation), ogi-2019:19,
      ogi-2019:20, ogi-2019:21 (proactive items), ogi-2019:14, ogi-2019:15,
      ogi-2019:16 (grounds), ogi-2019:26 (20 working days), civil-code:201.

>>> from datetime import date
>>> from opengov.disclosure import (Approved, ConfidentialityReview, DecisionKind,
...     DisclosureDecision, DocumentKind, DraftingOpinion, Published, ReviewOutcome)
>>> d = DisclosureDecision.form("关于印发某某管理办法的通知", formed_on=date(2026, 9, 28),
...                             document_kind=DocumentKind.NORMATIVE_DOCUMENT)
>>> d = d.record(DraftingOpinion(on=date(2026, 9, 21), proposed=DecisionKind.PROACTIVE, item=1))
>>> d = d.record(ConfidentialityReview(on=date(2026, 9, 22), outcome=ReviewOutcome.NO_SECRET))
>>> d = d.record(Approved(on=date(2026, 9, 25), decision=DecisionKind.PROACTIVE, item=1))
>>> d.publication_deadline().due
datetime.date(2026, 10, 30)
>>> d = d.record(Published(on=date(2026, 10, 12)))
>>> t = d.timeliness()
>>> t.late, t.working_days_elapsed
(False, 6)
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union, cast

from dateutil.relativedelta import relativedelta
from pydantic import (
    Field,
    PrivateAttr,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
)

from opengov import law
from opengov._dates import as_date
from opengov._lookup import CodeEnum
from opengov._model import FrozenModel, trusted
from opengov.categories import LocalProactiveItem, ProactiveItem
from opengov.citations import Citation, cite
from opengov.deadlines import Deadline, proactive_disclosure_deadline
from opengov.editions import Edition
from opengov.errors import InvalidDecisionError, UnknownCodeError
from opengov.exemptions import ExemptionGround, ExemptionKind

if TYPE_CHECKING:
    from opengov.calendar import WorkdayCalendar

__all__ = [
    "MAX_DECISION_EVENTS",
    "Approved",
    "Changed",
    "ConfidentialityReview",
    "DecisionEvent",
    "DecisionKind",
    "DisclosureDecision",
    "DocumentKind",
    "DraftingOpinion",
    "PeriodSource",
    "PublicationPeriod",
    "Published",
    "Reevaluated",
    "ReevaluationDue",
    "ReferralAnswered",
    "ReferralSent",
    "ReferralTarget",
    "Repealed",
    "ReviewOutcome",
    "Timeliness",
]

# Art. 26 (2019 edition): 20 working days, read from the statute book.
_REG_2019_IN_FORCE = Edition.REG_2019.rules.in_force
STATUTORY_DAYS = law.parameter("ogi.proactive_disclosure_days").int_at(_REG_2019_IN_FORCE)
_ART_26 = cite("ogi-2019:26")
_ART_18 = cite("ogi-2019:18")


# -- vocabularies --------------------------------------------------------------------------


class DocumentKind(CodeEnum):
    """What kind of document the information is (the rows of table 二 item 1)."""

    RULE = "rule"
    NORMATIVE_DOCUMENT = "normative_document"
    OTHER = "other"

    @property
    def label_zh(self) -> str:
        """The annual report's row label (2021 format) or 其他政府信息."""
        return {"rule": "规章", "normative_document": "行政规范性文件", "other": "其他政府信息"}[
            self.value
        ]

    @property
    def label_en(self) -> str:
        """English name."""
        return {
            "rule": "Rule (规章)",
            "normative_document": "Administrative normative document",
            "other": "Other government information",
        }[self.value]

    @property
    def basis(self) -> tuple[Citation, ...]:
        """Art. 20(1) for rules and normative documents; Arts. 19-21 otherwise."""
        if self is DocumentKind.OTHER:
            return (cite("ogi-2019:19"), cite("ogi-2019:20"), cite("ogi-2019:21"))
        return (cite("ogi-2019:20(1)"),)

    @property
    def proactive_item(self) -> ProactiveItem | None:
        """The Art. 20 item the kind falls under by its nature, if any."""
        if self is DocumentKind.OTHER:
            return None
        return ProactiveItem.RULES_AND_NORMATIVE_DOCUMENTS


class DecisionKind(CodeEnum):
    """The disclosure attribute (公开属性) decided for a document."""

    PROACTIVE = "proactive"
    ON_REQUEST = "on_request"
    WITHHELD = "withheld"
    PARTIAL = "partial"

    @property
    def label_zh(self) -> str:
        """The term used in disclosure reviews."""
        return {
            "proactive": "主动公开",
            "on_request": "依申请公开",
            "withheld": "不予公开",
            "partial": "部分公开（删减后主动公开）",
        }[self.value]

    @property
    def label_en(self) -> str:
        """English name."""
        return {
            "proactive": "Proactive disclosure",
            "on_request": "Disclosure on request",
            "withheld": "Not disclosed",
            "partial": "Redacted version disclosed proactively",
        }[self.value]

    @property
    def basis(self) -> tuple[Citation, ...]:
        """Where the decision is provided for."""
        return {
            "proactive": (cite("ogi-2019:13.2"), cite("ogi-2019:19"), cite("ogi-2019:20")),
            "on_request": (cite("ogi-2019:13.2"), cite("ogi-2019:27")),
            "withheld": (cite("ogi-2019:14"), cite("ogi-2019:15"), cite("ogi-2019:16")),
            "partial": (cite("ogi-2019:19"), cite("ogi-2019:37")),
        }[self.value]

    @property
    def note(self) -> str | None:
        """Where the decision rests on an interpretation, what it is."""
        if self is DecisionKind.PARTIAL:
            return (
                "Art. 37 provides 区分处理 for requests; opengov applies it by analogy to "
                "proactive disclosure: the redacted version is published under Art. 26 and "
                "the parts cut are withheld on their grounds (and re-evaluated, Art. 18)."
            )
        return None

    @property
    def publishes(self) -> bool:
        """True when the decision puts the document (or a redacted version) online."""
        return self in (DecisionKind.PROACTIVE, DecisionKind.PARTIAL)

    @property
    def withholds(self) -> bool:
        """True when something is withheld on grounds (and re-evaluated, Art. 18)."""
        return self in (DecisionKind.WITHHELD, DecisionKind.PARTIAL)


class ReviewOutcome(CodeEnum):
    """The result of the confidentiality review (保密审查, Art. 17 para. 2)."""

    NO_SECRET = "no_secret"
    STATE_SECRET = "state_secret"
    UNCERTAIN = "uncertain"

    @property
    def label_zh(self) -> str:
        """Chinese label."""
        return {
            "no_secret": "不涉及国家秘密",
            "state_secret": "涉及国家秘密",
            "uncertain": "不能确定是否可以公开",
        }[self.value]

    @property
    def label_en(self) -> str:
        """English label."""
        return {
            "no_secret": "no state secret",
            "state_secret": "contains a state secret",
            "uncertain": "cannot decide whether it may be disclosed",
        }[self.value]

    @property
    def basis(self) -> tuple[Citation, ...]:
        """Art. 17 para. 2, and para. 3 for an uncertain case."""
        if self is ReviewOutcome.UNCERTAIN:
            return (cite("ogi-2019:17.2"), cite("ogi-2019:17.3"))
        return (cite("ogi-2019:17.2"),)


class ReferralTarget(CodeEnum):
    """Who decides what the agency cannot (Art. 17 para. 3)."""

    COMPETENT_DEPARTMENT = "competent_department"
    SECRECY_ADMINISTRATION = "secrecy_administration"

    @property
    def label_zh(self) -> str:
        """The Regulation's words."""
        if self is ReferralTarget.COMPETENT_DEPARTMENT:
            return "有关主管部门"
        return "保密行政管理部门"

    @property
    def label_en(self) -> str:
        """English name."""
        if self is ReferralTarget.COMPETENT_DEPARTMENT:
            return "competent department"
        return "secrecy administration"

    @property
    def basis(self) -> tuple[Citation, ...]:
        """``ogi-2019:17.3``."""
        return (cite("ogi-2019:17.3"),)


class PeriodSource(CodeEnum):
    """Where a publication period other than Art. 26's 20 working days comes from."""

    LAW = "law"
    LOCAL_RULE = "local_rule"

    @property
    def label_zh(self) -> str:
        """Chinese label."""
        return "法律、法规另有规定" if self is PeriodSource.LAW else "本地更严格的规定"

    @property
    def label_en(self) -> str:
        """English label."""
        if self is PeriodSource.LAW:
            return "a law or regulation's own period (Art. 26, second sentence)"
        return "a stricter local rule"

    @property
    def basis(self) -> tuple[Citation, ...]:
        """``ogi-2019:26``."""
        return (_ART_26,)


class PublicationPeriod(FrozenModel):
    """A publication period in working days that replaces Art. 26's 20 (recorded).

    ``source`` says why: a law or regulation's own period (法律、法规…另有规定的，从其
    规定, Art. 26), or a stricter local rule (which may not exceed 20 working days);
    ``reference`` names the provision (e.g. "某市政务公开工作规定第十条").
    """

    days: int = Field(strict=True, ge=1, le=1000)
    source: PeriodSource
    reference: str = Field(default="", max_length=200)


# -- events ----------------------------------------------------------------------------------


class _Event(FrozenModel):
    """Common shape: every event happens on a day (``on``)."""

    kind: str
    on: date

    @field_validator("on", mode="before")
    @classmethod
    def _day(cls, value: Any) -> Any:
        if isinstance(value, datetime):
            return as_date(value, "on")
        return value


class _Attribute(_Event):
    """A disclosure attribute with its item or grounds (shared by opinion and approval)."""

    item: int | None = Field(default=None, strict=True)
    local_item: LocalProactiveItem | None = None
    grounds: tuple[ExemptionGround, ...] = ()
    reason: str = Field(default="", max_length=2000)


class DraftingOpinion(_Attribute):
    """The drafting unit's initial opinion on the disclosure attribute (拟稿单位意见)."""

    kind: Literal["drafting_opinion"] = "drafting_opinion"
    proposed: DecisionKind
    unit: str = Field(default="", max_length=200)


class ConfidentialityReview(_Event):
    """The confidentiality review before publication (保密审查, Art. 17 para. 2)."""

    kind: Literal["confidentiality_review"] = "confidentiality_review"
    outcome: ReviewOutcome
    reviewer: str = Field(default="", max_length=200)


class ReferralSent(_Event):
    """An uncertain case is referred for decision (Art. 17 para. 3)."""

    kind: Literal["referral_sent"] = "referral_sent"
    to: ReferralTarget
    name: str = Field(default="", max_length=200)


class ReferralAnswered(_Event):
    """The answer of the department referred to: may the information be disclosed?"""

    kind: Literal["referral_answered"] = "referral_answered"
    disclosable: bool = Field(strict=True)
    state_secret: bool = Field(default=False, strict=True)


class Approved(_Attribute):
    """The leader approves the disclosure attribute: the decision itself."""

    kind: Literal["approved"] = "approved"
    decision: DecisionKind
    approver: str = Field(default="", max_length=200)


class Published(_Event):
    """The document (or its redacted version) is published; ``url`` where."""

    kind: Literal["published"] = "published"
    url: str = Field(default="", max_length=2000)


class Changed(_Event):
    """The information changes (变更): Art. 26 runs again from this day.

    A change needs a new review and approval before it is published again.
    """

    kind: Literal["changed"] = "changed"
    note: str = Field(default="", max_length=2000)


class Reevaluated(_Event):
    """A periodic re-evaluation of withheld information (定期评估审查, Art. 18).

    ``still_withheld=False`` means circumstances changed and the information can be
    disclosed (因情势变化可以公开): a new approval follows, and Art. 26 runs from
    this day.
    """

    kind: Literal["reevaluated"] = "reevaluated"
    still_withheld: bool = Field(strict=True)
    note: str = Field(default="", max_length=2000)


class Repealed(_Event):
    """A 规章 or 规范性文件 is repealed or ceases to be in force (废止/失效)."""

    kind: Literal["repealed"] = "repealed"


DecisionEvent = Annotated[
    Union[  # noqa: UP007 (a discriminated union needs Union on Python 3.10)
        DraftingOpinion,
        ConfidentialityReview,
        ReferralSent,
        ReferralAnswered,
        Approved,
        Published,
        Changed,
        Reevaluated,
        Repealed,
    ],
    Field(discriminator="kind"),
]
_EVENT_ADAPTER: TypeAdapter[Any] = TypeAdapter(DecisionEvent)
_EVENT_TYPES = frozenset(
    (
        DraftingOpinion,
        ConfidentialityReview,
        ReferralSent,
        ReferralAnswered,
        Approved,
        Published,
        Changed,
        Reevaluated,
        Repealed,
    )
)


# -- results ---------------------------------------------------------------------------------


class Timeliness(FrozenModel):
    """Whether publication met its deadline (Art. 26 or the recorded period).

    ``working_days_elapsed`` counts the working days from the start (formation or
    change, not counted) to publication (or to ``as_of`` while unpublished);
    ``working_days_late`` those after the due date (0 when on time). ``late`` is
    True when published after ``due``, or still unpublished on an ``as_of`` after it
    (a rest day after ``due`` is late though it adds no working day).
    """

    deadline: Deadline
    published_on: date | None
    as_of: date | None
    working_days_elapsed: int | None
    working_days_late: int
    late: bool


class ReevaluationDue(FrozenModel):
    """When withheld information is next to be re-evaluated (Art. 18).

    ``interval_months`` is the agency's policy (the Regulation sets none); the due
    day is the same day ``interval_months`` later, or the month's last day where
    there is none (Civil Code Art. 202); it does not roll over rest days.
    """

    due: date
    last_evaluated: date
    interval_months: int
    basis: tuple[Citation, ...]
    overdue: bool | None


# -- replay ----------------------------------------------------------------------------------


def _refuse(field: str, why: str) -> InvalidDecisionError:
    return InvalidDecisionError(f"{field}: {why}")


_ABSOLUTE_BASIS = "Art. 14 (不予公开, no override)"


def _no_state() -> None:
    return None


class _Replay:
    """The state of a decision after its events (internal).

    Built once per decision: :meth:`DisclosureDecision.record` forks the state of
    the decision it extends (a shallow copy: every attribute is an immutable value
    and nothing is changed in place after the fork, so decisions never share
    changes) and applies one event; validation from JSON applies every event to
    one state. Queries read it and never replay.
    """

    def __init__(self, doc: DisclosureDecision) -> None:
        self.formed_on = doc.formed_on
        self.document_kind = doc.document_kind
        # the fields (``__dict__``) of the decision this state belongs to: a copy
        # of the decision, which has its own, replays once
        self.fields: dict[str, Any] | None = None
        self.last: date | None = None
        self.opinion: DraftingOpinion | None = None
        self.review: ConfidentialityReview | None = None
        self.referral: ReferralSent | None = None
        self.answer: ReferralAnswered | None = None
        self.approval: Approved | None = None
        self.clock_start: date = doc.formed_on
        self.published: Published | None = None
        self.last_evaluated: date | None = None
        self.reopened = False  # a change or a re-evaluation awaits a new approval
        self.disclosable = False  # re-evaluated as disclosable, awaiting approval
        self.repealed: date | None = None

    def fork(self) -> _Replay:
        new = _Replay.__new__(_Replay)
        new.__dict__ = self.__dict__.copy()
        return new

    def __eq__(self, other: object) -> bool:
        # The state is a function of the decision's fields, which pydantic
        # compares; it never decides equality itself (None: not built yet).
        return other is None or isinstance(other, _Replay)

    __hash__ = None  # type: ignore[assignment]

    # Never changed once attached to a decision, so a copy is the state itself; a
    # pickle leaves it out and the decision replays its trail once when first asked.
    def __copy__(self) -> _Replay:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> _Replay:
        return self

    def __reduce__(self) -> tuple[Any, tuple[()]]:
        return (_no_state, ())

    # the Art. 20 item the information falls under, when known
    def proactive_item(self) -> ProactiveItem | None:
        natural = self.document_kind.proactive_item
        if natural is not None:
            return natural
        for source in (self.approval, self.opinion):
            if source is not None and source.item is not None:
                return ProactiveItem.by_number(source.item)
        return None

    def check_attribute(self, e: _Attribute, decision: DecisionKind, who: str) -> None:
        if e.item is not None:
            try:
                ProactiveItem.by_number(e.item)
            except UnknownCodeError as err:
                raise _refuse(f"{who}.item", f"{err} (Art. 20 has items 1 to 15)") from None
        if decision in (DecisionKind.PROACTIVE, DecisionKind.ON_REQUEST) and e.grounds:
            raise _refuse(
                f"{who}.grounds",
                f"a {decision.label_zh} ({decision.value}) decision takes no exemption grounds; "
                f"to withhold, decide withheld or partial with the grounds",
            )
        if decision.withholds:
            if not e.grounds:
                raise _refuse(
                    f"{who}.grounds",
                    f"a {decision.label_zh} ({decision.value}) decision needs its grounds "
                    f"(ExemptionGround, Arts. 14-16): withholding without a ground is refused",
                )
            if len(set(e.grounds)) != len(e.grounds):
                raise _refuse(f"{who}.grounds", "a ground is given twice")
            for g in e.grounds:
                if g is ExemptionGround.ADMINISTRATIVE_INQUIRY:
                    raise _refuse(
                        f"{who}.grounds",
                        "administrative_inquiry (行政查询事项) answers a request (Art. 36(7)); "
                        "it is not a ground for withholding a document's disclosure",
                    )
                if decision is DecisionKind.PARTIAL and not g.partial_disclosure:
                    raise _refuse(f"{who}.grounds", f"{g.value} does not allow partial disclosure")
        if (
            decision is DecisionKind.PROACTIVE
            and e.item is None
            and e.local_item is None
            and self.document_kind.proactive_item is None
        ):
            raise _refuse(
                f"{who}.item",
                "a proactive decision names the Art. 20 item (1-15) or the Art. 21 "
                "local_item it falls under",
            )
        if decision is DecisionKind.ON_REQUEST:
            item = self.document_kind.proactive_item
            if item is None and e.item is not None:
                item = ProactiveItem.by_number(e.item)
            if item is None and e.local_item is not None:
                raise _refuse(
                    f"{who}.local_item",
                    f"{e.local_item.label_zh} is an Art. 21 item to disclose proactively: decide "
                    f"proactive, or withheld with a ground",
                )
            if item is not None:
                raise _refuse(
                    f"{who}.decision",
                    f"the information falls under Art. 20({item.item_no}) "
                    f"({item.label_zh}), which must be disclosed proactively: decide proactive, "
                    f"or withheld/partial with a ground; it is never left to requests silently",
                )

    def apply(self, e: _Event) -> None:
        if self.last is not None and e.on < self.last:
            raise _refuse(
                f"{e.kind}.on",
                f"{e.on} is before the last event ({self.last}); record events in date order",
            )
        if self.repealed is not None:
            raise _refuse(f"{e.kind}.on", f"the document was repealed on {self.repealed}")
        if isinstance(e, DraftingOpinion):
            if self.approval is not None and not self.reopened:
                raise _refuse("drafting_opinion", "the decision is already approved")
            self.check_attribute(e, e.proposed, "drafting_opinion")
            self.opinion = e
        elif isinstance(e, ConfidentialityReview):
            if self.approval is not None and not self.reopened:
                raise _refuse(
                    "confidentiality_review",
                    "the decision is already approved; record Changed or Reevaluated first",
                )
            self.review = e
            self.referral = None
            self.answer = None
        elif isinstance(e, ReferralSent):
            if self.review is None or self.review.outcome is not ReviewOutcome.UNCERTAIN:
                raise _refuse(
                    "referral_sent",
                    "a referral (Art. 17 para. 3) follows a confidentiality review whose "
                    "outcome is uncertain",
                )
            if self.referral is not None and self.answer is None:
                raise _refuse("referral_sent", "a referral is already awaiting its answer")
            self.referral = e
            self.answer = None
        elif isinstance(e, ReferralAnswered):
            if self.referral is None or self.answer is not None:
                raise _refuse("referral_answered", "no referral awaits an answer")
            if e.state_secret and e.disclosable:
                raise _refuse(
                    "referral_answered.disclosable",
                    "information determined to be a state secret is not disclosable (Art. 14)",
                )
            self.answer = e
        elif isinstance(e, Approved):
            self.approve(e)
        elif isinstance(e, Published):
            self.publish(e)
        elif isinstance(e, Changed):
            if e.on < self.formed_on:
                raise _refuse("changed.on", f"{e.on} is before the formation ({self.formed_on})")
            self.clock_start = e.on
            self.published = None
            self.review = None
            self.referral = None
            self.answer = None
            self.reopened = True
        elif isinstance(e, Reevaluated):
            if self.approval is None or self.reopened or not self.approval.decision.withholds:
                raise _refuse(
                    "reevaluated",
                    "only information decided withheld (or partly withheld) is re-evaluated "
                    "(Art. 18)",
                )
            self.last_evaluated = e.on
            if not e.still_withheld:
                self.disclosable = True
                self.clock_start = max(e.on, self.formed_on)
                self.published = None
                self.review = None
                self.reopened = True
        elif isinstance(e, Repealed):
            if self.document_kind is DocumentKind.OTHER:
                raise _refuse("repealed", "only a 规章 or 规范性文件 is repealed (document_kind)")
            if e.on < self.formed_on:
                raise _refuse("repealed.on", f"{e.on} is before the formation ({self.formed_on})")
            self.repealed = e.on
        self.last = e.on

    def approve(self, e: Approved) -> None:
        if self.approval is not None and not self.reopened:
            raise _refuse(
                "approved",
                f"the decision was approved on {self.approval.on} "
                f"({self.approval.decision.value}); record Changed or Reevaluated first",
            )
        self.check_attribute(e, e.decision, "approved")
        review = self.review
        if e.decision.publishes:
            if review is None:
                raise _refuse(
                    "approved.decision",
                    "information to be published needs its confidentiality review first "
                    "(Art. 17 para. 2): record ConfidentialityReview",
                )
            if review.outcome is ReviewOutcome.UNCERTAIN:
                if self.answer is None:
                    raise _refuse(
                        "approved.decision",
                        "the review could not decide: refer it to the competent department or "
                        "the secrecy administration and record its answer first (Art. 17 "
                        "para. 3)",
                    )
                if not self.answer.disclosable and e.decision is DecisionKind.PROACTIVE:
                    raise _refuse(
                        "approved.decision",
                        "the department referred to answered that it may not be disclosed",
                    )
            secret = review.outcome is ReviewOutcome.STATE_SECRET or (
                self.answer is not None and self.answer.state_secret
            )
            if secret and e.decision is DecisionKind.PROACTIVE:
                raise _refuse(
                    "approved.decision",
                    "the review found a state secret: withhold (state_secret) or publish a "
                    "redacted version (partial, with the state_secret ground)",
                )
            if secret and ExemptionGround.STATE_SECRET not in e.grounds:
                raise _refuse(
                    "approved.grounds",
                    "the review found a state secret: the redaction's grounds include state_secret",
                )
        self.approval = e
        self.reopened = False
        self.disclosable = False
        if e.decision.withholds:
            self.last_evaluated = e.on

    def publish(self, e: Published) -> None:
        if e.on < self.formed_on:
            raise _refuse(
                "published.on",
                f"{e.on} is before the information was formed ({self.formed_on})",
            )
        a = self.approval
        if a is None or self.reopened:
            raise _refuse(
                "published",
                "publish after the confidentiality review and the approval (record Approved)",
            )
        if not a.decision.publishes:
            absolute = [g for g in a.grounds if g.kind is ExemptionKind.ABSOLUTE]
            if absolute:
                raise _refuse(
                    "published",
                    f"the information is withheld on an absolute ground "
                    f"({', '.join(g.value for g in absolute)}, {_ABSOLUTE_BASIS}): it is never "
                    f"published",
                )
            raise _refuse(
                "published",
                f"the decision is {a.decision.value} ({a.decision.label_zh}); publishing needs "
                f"a proactive or partial decision",
            )
        if self.published is None:
            self.published = e


# -- the decision ----------------------------------------------------------------------------

MAX_DECISION_EVENTS = 1000
"""The most events one disclosure decision holds.

A real trail is a handful of events (the drafting opinion, the confidentiality
review, a referral and its answer, the approval, publication) plus a change or a
re-evaluation every few months over the document's life: a few dozen in decades.
1,000 leaves room for that and bounds, on hostile input, what is linear in the
trail: validating a JSON history (replayed once), the replay a copied or unpickled
decision runs when first asked, and the memory a decision holds (the same cap as
:data:`opengov.applications.MAX_EVENTS`). :meth:`DisclosureDecision.record` refuses
the next event with :class:`~opengov.errors.InvalidDecisionError`; JSON with more
events is refused by validation.
"""


class DisclosureDecision(FrozenModel):
    """A document's disclosure decision and its review trail (see the module docs).

    Build one with :meth:`form` or from JSON with ``model_validate_json`` (the trail
    is replayed and checked, once). ``formed_on`` is the day the information was
    formed (for a document, the day it was signed or issued, 成文日期); ``period`` a
    recorded publication period replacing Art. 26's 20 working days. The state
    after the trail is kept with the decision (not a field: not in its JSON, its
    equality or its hash), so queries never replay the trail and :meth:`record`
    checks only the new event.
    """

    title: str = Field(min_length=1, max_length=500)
    formed_on: date
    doc_number: str = Field(default="", max_length=100)
    document_kind: DocumentKind = DocumentKind.OTHER
    agency: str = Field(default="", max_length=200)
    period: PublicationPeriod | None = None
    events: tuple[DecisionEvent, ...] = Field(default=(), max_length=MAX_DECISION_EVENTS)

    _state: _Replay | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _replays(self) -> DisclosureDecision:
        p = self.period
        if p is not None and p.source is PeriodSource.LOCAL_RULE and p.days > STATUTORY_DAYS:
            raise _refuse(
                "period.days",
                f"a local rule can only be stricter than Art. 26 ({STATUTORY_DAYS} working "
                f"days), got {p.days}; a longer period needs a law or regulation "
                f"(source=law)",
            )
        start = _REG_2019_IN_FORCE
        if self.formed_on < start:
            raise _refuse(
                "formed_on",
                f"{self.formed_on} is before the 2019 Regulation took effect ({start}); "
                f"decisions are modelled under the 2019 edition only",
            )
        self.__pydantic_private__["_state"] = self._attach(self._replay())  # type: ignore[index]
        return self

    def _attach(self, r: _Replay) -> _Replay:
        """``r`` marked as the state of this decision's very fields."""
        r.fields = self.__dict__
        return r

    @classmethod
    def form(
        cls,
        title: str,
        *,
        formed_on: date,
        doc_number: str = "",
        document_kind: DocumentKind = DocumentKind.OTHER,
        agency: str = "",
        period: PublicationPeriod | None = None,
    ) -> DisclosureDecision:
        """A new decision for information formed on ``formed_on`` (no events yet).

        Raises :class:`~opengov.errors.InvalidDecisionError` naming the field for a
        period a local rule cannot set or a formation before 2019-05-15, and
        :class:`~opengov.errors.InvalidDateError` for a naive datetime.
        """
        day = as_date(formed_on, "formed_on")
        values = {
            "title": title,
            "formed_on": day,
            "doc_number": doc_number,
            "document_kind": document_kind,
            "agency": agency,
            "period": period,
        }
        try:
            return cls.model_validate(values)
        except ValidationError as err:
            raise _from_validation(err) from None

    # history --------------------------------------------------------------------------------

    def _replay(self) -> _Replay:
        """A state built from the events (at most MAX_DECISION_EVENTS), applied in place."""
        r = _Replay(self)
        for e in self.events:
            r.apply(e)
        return r

    def _st(self) -> _Replay:
        """The state after the trail: the kept one, or a replay (once) when there is none.

        A decision that was unpickled, copied, or built without validation
        (``model_construct``, ``model_copy(update=...)``) replays, and checks, its
        trail when first asked.
        """
        private = self.__pydantic_private__
        r: _Replay | None = private.get("_state") if private else None
        if r is None or r.fields is not self.__dict__:
            r = self._attach(self._replay())
            if private is not None:
                private["_state"] = r
        return r

    def record(self, event: DecisionEvent | dict[str, Any]) -> DisclosureDecision:
        """A new decision with ``event`` appended; ``self`` is unchanged.

        Raises :class:`~opengov.errors.InvalidDecisionError` naming the field for an
        event out of order or against a rule (also for a malformed event dict), and
        for an event beyond :data:`MAX_DECISION_EVENTS`. Only ``event`` is checked,
        against the state kept with the decision: the cost does not grow with the
        trail.
        """
        if len(self.events) >= MAX_DECISION_EVENTS:
            raise _refuse(
                "events",
                f"a disclosure decision holds at most {MAX_DECISION_EVENTS} events (opengov.disclosure."
                "MAX_DECISION_EVENTS); record the document's later history as a new decision",
            )
        checked: _Event
        if type(event) in _EVENT_TYPES:
            checked = cast("_Event", event)  # an event model: validated when it was built
        else:
            try:
                checked = _EVENT_ADAPTER.validate_python(event)
            except ValidationError as err:
                raise _from_validation(err) from None
        new_state = self._st().fork()
        new_state.apply(checked)  # raises InvalidDecisionError before anything is built
        d = trusted(
            DisclosureDecision,
            title=self.title,
            formed_on=self.formed_on,
            doc_number=self.doc_number,
            document_kind=self.document_kind,
            agency=self.agency,
            period=self.period,
            events=(*self.events, checked),
        )
        # every field is this decision's (validated) or the event just checked
        d.__pydantic_private__["_state"] = d._attach(new_state)  # type: ignore[index]
        return d

    # state ----------------------------------------------------------------------------------

    @property
    def decision(self) -> DecisionKind | None:
        """The approved decision in force (``None`` before approval or while reopened)."""
        r = self._st()
        return None if r.approval is None or r.reopened else r.approval.decision

    @property
    def grounds(self) -> tuple[ExemptionGround, ...]:
        """The grounds of the approved decision (empty when nothing is withheld)."""
        r = self._st()
        return () if r.approval is None or r.reopened else r.approval.grounds

    @property
    def proactive_item(self) -> ProactiveItem | None:
        """The Art. 20 item the information falls under, when known."""
        return self._st().proactive_item()

    @property
    def published_on(self) -> date | None:
        """First publication of the current version (after the last change)."""
        p = self._st().published
        return None if p is None else p.on

    @property
    def repealed_on(self) -> date | None:
        """The day a 规章 or 规范性文件 was repealed, if it was."""
        return self._st().repealed

    @property
    def publication_start(self) -> date:
        """The day Art. 26 runs from: formation, the last change, or a re-evaluation."""
        return self._st().clock_start

    # deadlines ------------------------------------------------------------------------------

    def publication_deadline(self, *, calendar: WorkdayCalendar | None = None) -> Deadline | None:
        """When the current version must be published (Art. 26 or the recorded period).

        ``None`` when nothing is to be published: the decision is 依申请公开 or 不予公开,
        or, before approval, neither the document's kind nor the drafting opinion puts
        it within proactive disclosure.
        """
        r = self._st()
        if r.approval is not None and not r.reopened:
            if not r.approval.decision.publishes:
                return None
        elif r.approval is not None and (r.approval.decision.publishes or r.disclosable):
            pass  # changed, or re-evaluated as disclosable (Art. 18: 应当公开)
        elif self.document_kind.proactive_item is None and (
            r.opinion is None or not r.opinion.proposed.publishes
        ):
            return None
        return self._deadline(r.clock_start, calendar)

    def _deadline(self, start: date, calendar: WorkdayCalendar | None) -> Deadline:
        p = self.period
        d = proactive_disclosure_deadline(
            start, days=None if p is None else p.days, calendar=calendar
        )
        if p is None:
            return d
        where = f" ({p.reference})" if p.reference else ""
        if p.source is PeriodSource.LAW:
            note = (
                f"a law or regulation's own period: {p.days} working days{where} "
                f"(Art. 26: 从其规定)"
            )
        else:
            note = f"stricter local rule: {p.days} working days{where}"
        return Deadline.model_validate({**dict(d), "notes": (note,)})

    def timeliness(
        self, as_of: date | None = None, *, calendar: WorkdayCalendar | None = None
    ) -> Timeliness:
        """Whether the current version was (or, on ``as_of``, is) published in time.

        Raises :class:`~opengov.errors.InvalidDecisionError` when nothing is to be
        published (see :meth:`publication_deadline`).
        """
        from opengov.calendar import default_calendar

        d = self.publication_deadline(calendar=calendar)
        if d is None:
            raise _refuse(
                "decision",
                "nothing is to be published (依申请公开 or 不予公开, or not yet in "
                "proactive scope), so Art. 26 does not apply",
            )
        day = None if as_of is None else as_date(as_of, "as_of")
        cal = calendar if calendar is not None else default_calendar()
        published = self.published_on
        end = published if published is not None else day
        elapsed = late_days = None
        if end is not None and end >= d.start:
            elapsed = cal.working_days_between(d.start, end)
        if end is not None and end > d.due:
            late_days = cal.working_days_between(d.due, end)
        return Timeliness(
            deadline=d,
            published_on=published,
            as_of=day,
            working_days_elapsed=elapsed,
            working_days_late=late_days or 0,
            # After the due day is late even on a rest day that adds no working day
            # (published on the Saturday after a Friday due day: 0 working days late).
            late=end is not None and end > d.due,
        )

    def reevaluation_due(
        self, interval_months: int, *, as_of: date | None = None
    ) -> ReevaluationDue:
        """When the withheld information is next re-evaluated (Art. 18).

        ``interval_months`` is the agency's policy (e.g. 12). The interval runs from
        the approval that withheld it or the last :class:`Reevaluated` event.
        ``overdue`` is ``None`` without ``as_of``.
        """
        if isinstance(interval_months, bool) or not isinstance(interval_months, int):
            raise _refuse("interval_months", f"an int from 1 to 120, got {interval_months!r}")
        if not 1 <= interval_months <= 120:
            raise _refuse("interval_months", f"an int from 1 to 120, got {interval_months}")
        r = self._st()
        if r.approval is None or r.reopened or not r.approval.decision.withholds:
            raise _refuse(
                "decision",
                "only information decided withheld (or partly withheld) is re-evaluated (Art. 18)",
            )
        assert r.last_evaluated is not None
        due = r.last_evaluated + relativedelta(months=interval_months)
        day = None if as_of is None else as_date(as_of, "as_of")
        return ReevaluationDue(
            due=due,
            last_evaluated=r.last_evaluated,
            interval_months=interval_months,
            basis=(
                _ART_18,
                *law.parameter("periods.month_corresponding_day").at(r.last_evaluated).basis,
            ),
            overdue=None if day is None else day > due,
        )

    # annual report (table 二) ---------------------------------------------------------------

    @property
    def issued_on(self) -> date:
        """The day the document was made (制发): its formation day."""
        return self.formed_on


def _from_validation(err: ValidationError) -> InvalidDecisionError:
    """A pydantic error as an InvalidDecisionError naming the fields."""
    parts = []
    for e in err.errors()[:5]:
        loc = ".".join(str(x) for x in e["loc"]) or "value"
        parts.append(f"{loc}: {e['msg']}")
    return InvalidDecisionError("; ".join(parts))
