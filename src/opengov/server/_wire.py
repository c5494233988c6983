"""The service's request and response bodies: frozen models over the library's own.

Every response body carries ``data`` (:class:`DataBasis`): the opengov version and
the calendar the answer rests on (the holiday notices bundled with opengov and
those the deployment installed), so a stored answer can be traced to its data.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field

from opengov._model import FrozenModel
from opengov.applicants import ApplicantType
from opengov.applications import (
    Application,
    ApplicationEvent,
    ApplicationFlag,
    ApplicationState,
    ApplicationStatus,
)
from opengov.catalogue import MAX_CATALOGUE_CHARS, CatalogueRecord
from opengov.categories import ProactiveItem
from opengov.channels import SubmissionChannel
from opengov.deadlines import Deadline, DeadlineOptions, Explanation, NoticeOrigin, NoticeRef
from opengov.disclosure import (
    DecisionEvent,
    DecisionKind,
    DisclosureDecision,
    ReevaluationDue,
    Timeliness,
)
from opengov.exemptions import ExemptionGround
from opengov.law import Evidence, Unit
from opengov.outcomes import OutcomeRow, ReportFormat
from opengov.replies import ReplyType
from opengov.reports.checks import Finding
from opengov.reports.model import AnnualReport

__all__ = [
    "ApplicationView",
    "CalendarDay",
    "CalendarYear",
    "CaseRequest",
    "CatalogueParse",
    "CatalogueRequest",
    "CitationOut",
    "CompletenessOut",
    "DataBasis",
    "DecisionRequest",
    "DecisionView",
    "ExplainedDeadline",
    "Health",
    "LawInForce",
    "LawParameter",
    "LawValue",
    "NoticeOut",
    "Problem",
    "RecordRequest",
    "ReplyDeadlineRequest",
    "ReportCheck",
    "ReportRowOut",
    "RestDayOut",
    "Schemas",
    "StatuteBook",
    "Vocabularies",
    "WorkingDayCount",
    "WorkingDayOffset",
]

_YEAR = Field(ge=1949, le=9999, strict=True)


class DataBasis(FrozenModel):
    """What an answer rests on: opengov's version and the calendar in use.

    ``calendar_id`` is a digest of every notice of the calendar (bundled and
    installed): two answers with the same id were counted on the same days.
    ``installed_notices`` are the notices the deployment added to those bundled
    with opengov (file paths left out).
    """

    opengov_version: str
    calendar_id: str = Field(pattern=r"^[0-9a-f]{16}$")
    calendar_first_day: date
    calendar_last_day: date
    bundled_notices: int = Field(ge=0)
    installed_notices: tuple[NoticeRef, ...]


class Problem(FrozenModel):
    """An RFC 9457 problem (``application/problem+json``).

    ``code`` is the stable code of the opengov error (e.g. ``invalid_event``) or of
    the service's own refusal (``payload_too_large``, ``unauthorized``, …);
    ``field`` the request field at fault, where one is.
    """

    type: str
    title: str
    status: int = Field(ge=400, le=599)
    detail: str
    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    field: str | None = None
    instance: str | None = None
    errors: tuple[dict[str, Any], ...] = ()


class Health(FrozenModel):
    """The service is up."""

    status: str
    opengov_version: str


class Vocabularies(FrozenModel):
    """Every vocabulary, as ``opengov vocab --json`` prints it."""

    opengov_version: str
    vocabularies: dict[str, Any]
    data: DataBasis


class Schemas(FrozenModel):
    """JSON Schemas (Draft 2020-12) of the public models, by name."""

    schemas: dict[str, Any]
    data: DataBasis


class NoticeOut(FrozenModel):
    """A State Council holiday notice of the calendar in use, with its provenance."""

    year: int = _YEAR
    revision: int = Field(ge=0)
    notice_no: str | None
    title: str
    published: date | None
    source_url: str | None
    evidence: str
    origin: NoticeOrigin


class RestDayOut(FrozenModel):
    """A rest day and the festival it belongs to (周末 for an ordinary weekend)."""

    day: date
    name_zh: str
    name_en: str


class CalendarYear(FrozenModel):
    """A year's rest days set by notice, make-up working days, and the notices."""

    year: int = _YEAR
    rest_days: tuple[RestDayOut, ...]
    make_up_workdays: tuple[date, ...]
    notices: tuple[NoticeOut, ...]
    provisional: bool
    data: DataBasis


class CalendarDay(FrozenModel):
    """Whether a day is a working day, and why not."""

    day: date
    working_day: bool
    holiday_zh: str | None
    holiday_en: str | None
    notice: str | None
    provisional: bool
    data: DataBasis


class WorkingDayOffset(FrozenModel):
    """``days`` working days counted from ``start`` (the start day not counted)."""

    start: date
    days: int
    due: date
    provisional: bool
    skipped: tuple[RestDayOut, ...]
    data: DataBasis


class WorkingDayCount(FrozenModel):
    """Working days in (start, end]."""

    start: date
    end: date
    working_days: int
    data: DataBasis


class ReplyDeadlineRequest(FrozenModel):
    """Receipt of an application, and how to count the reply deadline.

    Give ``received_on`` or the ``channel`` with the fact its Art. 31 rule needs
    (``submitted_on``, ``signed_for_on`` or ``confirmed_on``). ``extended`` adds the
    edition's maximum extension (Art. 33 para. 2).
    """

    received_on: date | None = None
    channel: SubmissionChannel | None = None
    submitted_on: date | None = None
    signed_for_on: date | None = None
    confirmed_on: date | None = None
    extended: bool = Field(default=False, strict=True)
    options: DeadlineOptions = DeadlineOptions()


class ExplainedDeadline(FrozenModel):
    """A deadline and the steps that lead to its due date."""

    deadline: Deadline
    explanation: Explanation


class ReportRowOut(FrozenModel):
    """The table 三 row an application is counted in, per report format."""

    format: ReportFormat
    row: OutcomeRow | None


class CaseRequest(FrozenModel):
    """An application with its history, and the day to report its status on.

    ``as_of`` defaults to today in China Standard Time; the response echoes it.
    """

    application: Application
    as_of: date | None = None


class RecordRequest(FrozenModel):
    """An application with its history, one more event, and the status day."""

    application: Application
    event: ApplicationEvent
    as_of: date | None = None


class ApplicationView(FrozenModel):
    """Everything the history gives rise to, on ``as_of``.

    ``deadlines`` are every deadline of the history (reply, 补正, opinions, fee,
    remedies after a reply), each with its explanation; ``remedies`` the review
    and litigation periods on ``as_of`` (after a reply, or after no reply by then).
    """

    application: Application
    applicant_type: ApplicantType
    received_on: date
    as_of: date
    state: ApplicationState
    status: ApplicationStatus
    flags: tuple[ApplicationFlag, ...]
    deadlines: tuple[ExplainedDeadline, ...]
    remedies: tuple[ExplainedDeadline, ...]
    reply_type: ReplyType | None
    closed_on: date | None
    report_rows: tuple[ReportRowOut, ...]
    data: DataBasis


class CompletenessOut(FrozenModel):
    """How many table cells were read."""

    total: int = Field(ge=0)
    read: int = Field(ge=0)
    unread: int = Field(ge=0)
    ratio: float = Field(ge=0, le=1)


class ReportCheck(FrozenModel):
    """A parsed annual report, how much of it was read, and the findings."""

    report: AnnualReport
    completeness: CompletenessOut
    findings: tuple[Finding, ...]
    errors: int = Field(ge=0)
    warnings: int = Field(ge=0)
    data: DataBasis


# -- the statute book ------------------------------------------------------------------------


class CitationOut(FrozenModel):
    """A citation: the canonical string (``Citation.parse`` reads it back), and its
    Chinese and English renderings, as ``opengov vocab --json`` gives them."""

    citation: str
    zh: str
    en: str


class LawValue(FrozenModel):
    """One value of a parameter, in force from ``since`` until the next value.

    ``value`` is null where the law set no such rule from that day (``note`` says
    why); ``evidence`` says how well the value was checked, ``source`` where.
    """

    since: date
    value: bool | int | str | tuple[tuple[int, int], ...] | None
    basis: tuple[CitationOut, ...]
    evidence: Evidence
    source: str
    note: str


class LawParameter(FrozenModel):
    """A dated legal fact of the statute book (``opengov.law``): its values by date."""

    name: str
    unit: Unit
    description: str
    values: tuple[LawValue, ...] = Field(min_length=1)


class StatuteBook(FrozenModel):
    """Every parameter of the statute book, in the order of its reference page."""

    parameters: tuple[LawParameter, ...]
    data: DataBasis


class LawInForce(FrozenModel):
    """One parameter, and the value in force on ``on`` (``in_force``; null without ``on``)."""

    parameter: LawParameter
    on: date | None
    in_force: LawValue | None
    data: DataBasis


# -- proactive disclosure and the catalogue ---------------------------------------------------


class DecisionRequest(FrozenModel):
    """A disclosure decision with its review trail, and the day to report on.

    ``as_of`` defaults to today in China Standard Time; the response echoes it.
    ``reevaluation_interval_months`` is the agency's interval for re-evaluating
    withheld information (Art. 18 sets none); without it no re-evaluation day is
    given. ``provisional`` counts days after the official holiday data from the
    statutory rules (the deadline is flagged).
    """

    decision: DisclosureDecision
    as_of: date | None = None
    reevaluation_interval_months: int | None = Field(default=None, ge=1, le=120, strict=True)
    provisional: bool = Field(default=False, strict=True)


class DecisionRecordRequest(FrozenModel):
    """A disclosure decision with its review trail, one more event, and the day to
    report on (``as_of``, ``reevaluation_interval_months`` and ``provisional`` as
    for a ``DecisionRequest``)."""

    decision: DisclosureDecision
    event: DecisionEvent
    as_of: date | None = None
    reevaluation_interval_months: int | None = Field(default=None, ge=1, le=120, strict=True)
    provisional: bool = Field(default=False, strict=True)


class DecisionView(FrozenModel):
    """Everything a decision's trail gives rise to, on ``as_of``.

    ``decided`` is the approved decision in force (null before approval, or while a
    change or a re-evaluation awaits a new approval). ``publication_deadline`` and
    ``timeliness`` are null when nothing is to be published (依申请公开, 不予公开, or
    not yet within proactive disclosure); ``reevaluation`` is null unless something
    is withheld and ``reevaluation_interval_months`` was given.
    """

    decision: DisclosureDecision
    as_of: date
    decided: DecisionKind | None
    grounds: tuple[ExemptionGround, ...]
    proactive_item: ProactiveItem | None
    publication_start: date
    published_on: date | None
    repealed_on: date | None
    publication_deadline: ExplainedDeadline | None
    timeliness: Timeliness | None
    reevaluation: ReevaluationDue | None
    data: DataBasis


class CatalogueRequest(FrozenModel):
    """A catalogue metadata block as a page prints it (text, or an HTML fragment).

    ``require_uscc_check``: refuse (``missing_extra``) rather than leave a
    统一社会信用代码 unchecked when python-stdnum is not installed on the service.
    """

    text: str = Field(max_length=MAX_CATALOGUE_CHARS)
    require_uscc_check: bool = Field(default=False, strict=True)


class CatalogueParse(FrozenModel):
    """The catalogue record read from the text."""

    record: CatalogueRecord
    data: DataBasis
