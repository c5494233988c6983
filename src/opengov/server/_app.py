"""The FastAPI application: endpoints, errors as problems, the guard middleware.

Imported only by :func:`opengov.server.create_app`, after the ``server`` extra was
found; nothing here runs at ``import opengov``.
"""

import asyncio
import functools
import hashlib
import hmac
import json
import re
import warnings
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Annotated, Any

from fastapi import FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

import opengov
from opengov import law
from opengov._model import FrozenModel
from opengov._schema import tighten_schema
from opengov.applications import Application
from opengov.calendar import WorkdayCalendar, default_calendar
from opengov.catalogue import parse_catalogue_record
from opengov.channels import receipt_date
from opengov.citations import Citation
from opengov.deadlines import Deadline, NoticeOrigin, NoticeRef, reply_deadline
from opengov.disclosure import DisclosureDecision
from opengov.errors import (
    CalendarCoverageError,
    CatalogueParseError,
    InvalidDecisionError,
    InvalidEventError,
    InvalidInputError,
    OpenGovError,
    ProvisionalCalendarWarning,
    UnknownCodeError,
)
from opengov.outcomes import ReportFormat
from opengov.server._page import page_html, problem_html, report_html
from opengov.server._reports import check_in_child
from opengov.server._settings import ServerSettings
from opengov.server._wire import (
    ApplicationView,
    CalendarDay,
    CalendarYear,
    CaseRequest,
    CatalogueParse,
    CatalogueRequest,
    CitationOut,
    DataBasis,
    DecisionRecordRequest,
    DecisionRequest,
    DecisionView,
    ExplainedDeadline,
    Health,
    LawInForce,
    LawParameter,
    LawValue,
    NoticeOut,
    Problem,
    RecordRequest,
    ReplyDeadlineRequest,
    ReportCheck,
    ReportRowOut,
    RestDayOut,
    Schemas,
    StatuteBook,
    Vocabularies,
    WorkingDayCount,
    WorkingDayOffset,
)
from opengov.vocabulary import export_vocabulary, json_schemas

__all__ = ["build_app"]

PROBLEM = "application/problem+json"
_CST = timezone(timedelta(hours=8))
_REPORT_PATHS = ("/v1/reports/check", "/page/check")
_REFUSED_REPORT_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")

_TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    405: "Method Not Allowed",
    408: "Request Timeout",
    409: "Conflict",
    413: "Content Too Large",
    415: "Unsupported Media Type",
    422: "Unprocessable Content",
    500: "Internal Server Error",
}


# -- problems --------------------------------------------------------------------------


def problem(
    status: int,
    code: str,
    detail: str,
    *,
    field: str | None = None,
    instance: str | None = None,
    errors: tuple[dict[str, Any], ...] = (),
) -> dict[str, Any]:
    """An RFC 9457 problem body."""
    body = Problem(
        type=f"urn:opengov:problem:{code}",
        title=_TITLES.get(status, "Error"),
        status=status,
        detail=detail,
        code=code,
        field=field,
        instance=instance,
        errors=errors,
    )
    return body.model_dump(mode="json", exclude_defaults=True) | {
        "field": field,
        "status": status,
    }


def problem_response(status: int, body: dict[str, Any], **headers: str) -> JSONResponse:
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers or None)


# Errors answered with a status other than 422, by their stable code: a refused event
# conflicts with the application's state, a refused decision or trail event with the
# decision's.
_STATUS_BY_CODE = {InvalidEventError.code: 409, InvalidDecisionError.code: 409}


def status_of(exc: OpenGovError) -> int:
    """The HTTP status for an opengov error, decided by its code (never its message):
    409 for a refused event or decision (``invalid_event``, ``invalid_decision``);
    every other error is unprocessable input (422). A 404 is not an error's status
    but an endpoint's answer: the endpoint whose path names a vocabulary, a schema
    or a statute-book parameter that does not exist says so itself (``_Refused``
    with 404 and the field ``name``)."""
    return _STATUS_BY_CODE.get(exc.code, 422)


def _jsonable_errors(errors: Any) -> tuple[dict[str, Any], ...]:
    out = []
    for e in list(errors)[:20]:
        out.append(
            {
                "loc": [str(p) for p in e.get("loc", ())],
                "type": str(e.get("type", "")),
                "msg": str(e.get("msg", ""))[:500],
            }
        )
    return tuple(out)


def _validation_problem(errors: list[Any], instance: str) -> tuple[int, dict[str, Any]]:
    """A request that does not validate: the first error decides code and field."""
    first = errors[0] if errors else {}
    loc = [str(p) for p in first.get("loc", ()) if p not in ("body", "query", "path")]
    field = ".".join(loc) or None
    if first.get("type") == "json_invalid":
        return 400, problem(
            400,
            "malformed_json",
            f"the request body is not valid JSON: {first.get('msg', '')}",
            instance=instance,
        )
    cause = (first.get("ctx") or {}).get("error")
    if isinstance(cause, OpenGovError):
        status = status_of(cause)
        named = _named_field(cause)
        return status, problem(
            status,
            cause.code,
            f"{field or 'input'}: {cause}",
            field=field if named is None else ".".join(p for p in (field, named) if p),
            instance=instance,
            errors=_jsonable_errors(errors),
        )
    msg = str(first.get("msg", "invalid input"))
    return 422, problem(
        422,
        InvalidInputError.code,
        f"{field or 'input'}: {msg}",
        field=field,
        instance=instance,
        errors=_jsonable_errors(errors),
    )


_NAMED = re.compile(r"([a-z_]+(?:\.[a-z_]+)*)(?: \([^()]{1,20}\))?: ")


def _named_field(exc: OpenGovError) -> str | None:
    """The field a disclosure or catalogue error names at the start of its message
    (``approved.grounds: …``, ``formed_on (成文日期): …``), if it does."""
    if not isinstance(exc, (InvalidDecisionError, CatalogueParseError)):
        return None
    m = _NAMED.match(str(exc))
    return None if m is None else m[1]


def _event_field(exc: InvalidDecisionError, kind: str) -> str:
    """The request field a refused trail event names: the library names the event
    by its kind (``approved.grounds``), the request by ``event`` (``event.grounds``);
    the trail's cap (``events``) is the decision's."""
    named = _named_field(exc)
    if named is None or named == kind:
        return "event"
    if named.startswith(kind + "."):
        return "event" + named[len(kind) :]
    return f"decision.{named}"


# -- the calendar in use and what answers rest on ----------------------------------------


class _Data:
    """The calendar of the deployment (strict and provisional) and its DataBasis."""

    def __init__(self, calendar: WorkdayCalendar | None) -> None:
        cal = calendar if calendar is not None else default_calendar()
        self.strict = cal.with_provisional(False)
        self.provisional = cal.with_provisional(True)
        sources = sorted(cal.sources, key=lambda s: (s.notice.year, s.notice.revision))
        digest = hashlib.sha256()
        for s in sources:
            digest.update(s.notice.to_json().encode("utf-8"))
        installed = tuple(
            NoticeRef(
                year=s.notice.year,
                revision=s.notice.revision,
                label=s.notice.label,
                origin=NoticeOrigin(s.origin),
                path=None,
                evidence=s.notice.evidence,
            )
            for s in sources
            if s.origin != "bundled"
        )
        self.basis = DataBasis(
            opengov_version=opengov.__version__,
            calendar_id=digest.hexdigest()[:16],
            calendar_first_day=cal.coverage.first,
            calendar_last_day=cal.coverage.last,
            bundled_notices=sum(s.origin == "bundled" for s in sources),
            installed_notices=installed,
        )

    def cal(self, provisional: bool) -> WorkdayCalendar:
        return self.provisional if provisional else self.strict


def _no_paths(d: Deadline) -> Deadline:
    """``d`` without the server's file paths of installed notices."""
    if all(n.path is None for n in d.notices):
        return d
    notices = tuple(NoticeRef.model_validate({**dict(n), "path": None}) for n in d.notices)
    return Deadline.model_validate({**dict(d), "notices": notices})


def _explained(d: Deadline, cal: WorkdayCalendar) -> ExplainedDeadline:
    return ExplainedDeadline(deadline=_no_paths(d), explanation=d.explain(cal))


@contextmanager
def _flagged(provisional: bool) -> Iterator[None]:
    """Provisional answers carry their flag in the body, so the library's warning is
    not repeated in the service's log (the library silences it the same way)."""
    if not provisional:
        yield
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalCalendarWarning)
        yield


def _today() -> date:
    return datetime.now(_CST).date()


def _citation(c: Citation) -> CitationOut:
    return CitationOut(citation=str(c), zh=c.to_zh(), en=c.to_en())


def _law_value(v: law.DatedValue) -> LawValue:
    return LawValue(
        since=v.since,
        value=v.value,
        basis=tuple(_citation(c) for c in v.basis),
        evidence=v.evidence,
        source=v.source,
        note=v.note,
    )


@lru_cache(maxsize=64)
def _law_parameter(name: str) -> LawParameter:
    p = law.parameter(name)
    return LawParameter(
        name=p.name,
        unit=p.unit,
        description=p.description,
        values=tuple(_law_value(v) for v in p.values),
    )


def _decision_view(
    doc: DisclosureDecision, request: DecisionRequest | DecisionRecordRequest, data: _Data
) -> DecisionView:
    with _flagged(request.provisional):
        return _decision_view_of(doc, request, data)


def _decision_view_of(
    doc: DisclosureDecision, request: DecisionRequest | DecisionRecordRequest, data: _Data
) -> DecisionView:
    day = _today() if request.as_of is None else request.as_of
    cal = data.cal(request.provisional)
    due = doc.publication_deadline(calendar=cal)
    timeliness = None
    if due is not None:
        t = doc.timeliness(day, calendar=cal)
        timeliness = type(t).model_validate({**dict(t), "deadline": _no_paths(t.deadline)})
    decided = doc.decision
    reevaluation = None
    months = request.reevaluation_interval_months
    if months is not None and decided is not None and decided.withholds:
        reevaluation = doc.reevaluation_due(months, as_of=day)
    return DecisionView(
        decision=doc,
        as_of=day,
        decided=decided,
        grounds=doc.grounds,
        proactive_item=doc.proactive_item,
        publication_start=doc.publication_start,
        published_on=doc.published_on,
        repealed_on=doc.repealed_on,
        publication_deadline=None if due is None else _explained(due, cal),
        timeliness=timeliness,
        reevaluation=reevaluation,
        data=data.basis,
    )


def _view(app: Application, as_of: date | None, data: _Data) -> ApplicationView:
    with _flagged(app.options.provisional):
        return _view_of(app, as_of, data)


def _view_of(app: Application, as_of: date | None, data: _Data) -> ApplicationView:
    day = _today() if as_of is None else as_of
    cal = data.cal(app.options.provisional)
    return ApplicationView(
        application=app,
        applicant_type=app.applicant_type,
        received_on=app.received_on,
        as_of=day,
        state=app.state,
        status=app.status(day, calendar=cal),
        flags=app.flags,
        deadlines=tuple(_explained(d, cal) for d in app.deadlines(calendar=cal)),
        remedies=tuple(_explained(d, cal) for d in app.remedy_deadlines(day, calendar=cal)),
        reply_type=app.reply_type(),
        closed_on=app.closed_on,
        report_rows=tuple(ReportRowOut(format=f, row=app.report_row(f)) for f in ReportFormat),
        data=data.basis,
    )


# -- the guard: token, content type, body size and time -----------------------------------

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class Guard:
    """Pure ASGI middleware in front of every endpoint.

    Refuses, before the application sees the request: a missing or wrong bearer
    token when one is configured (401; ``/health`` is open); a JSON endpoint's
    body that is not ``application/json`` (415); a body over the limit, by its
    Content-Length or as it streams (413); a body that takes longer than the
    limit to arrive (408). Every response, refusals included, carries the
    ``OpenGov-Calendar`` header: the digest of the calendar data answers rest on.
    """

    def __init__(self, app: ASGIApp, settings: ServerSettings, calendar_id: str) -> None:
        self.app = app
        self.settings = settings
        self.calendar = (b"opengov-calendar", calendar_id.encode())
        token = settings.token.get_secret_value() if settings.token is not None else None
        self.expected = None if token is None else f"Bearer {token}".encode()

    async def __call__(self, scope: Scope, receive: Receive, outer: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, outer)
            return

        async def send(message: Message) -> None:
            if message.get("type") == "http.response.start":
                message = {**message, "headers": [*message.get("headers", ()), self.calendar]}
            await outer(message)

        path: str = scope.get("path", "")
        headers = {k.lower(): v for k, v in scope.get("headers", ())}
        instance = path[:200]

        async def refuse(status: int, code: str, detail: str, **extra: str) -> None:
            body = json.dumps(problem(status, code, detail, instance=instance)).encode()
            head = [
                (b"content-type", PROBLEM.encode()),
                (b"content-length", str(len(body)).encode()),
            ]
            head += [(k.encode(), v.encode()) for k, v in extra.items()]
            await send({"type": "http.response.start", "status": status, "headers": head})
            await send({"type": "http.response.body", "body": body})

        if self.expected is not None and path != "/health" and scope.get("method") != "OPTIONS":
            given = headers.get(b"authorization", b"")
            if not hmac.compare_digest(given, self.expected):
                await refuse(
                    401,
                    "unauthorized",
                    "this service needs a token: send the header 'Authorization: Bearer <token>'",
                    **{"www-authenticate": 'Bearer realm="opengov"'},
                )
                return
        is_report = path in _REPORT_PATHS
        limit = self.settings.max_report_bytes if is_report else self.settings.max_json_bytes
        method = scope.get("method", "GET")
        if method in ("POST", "PUT", "PATCH"):
            ctype = (
                headers.get(b"content-type", b"").split(b";")[0].strip().lower().decode("latin-1")
            )
            if is_report:
                if ctype in _REFUSED_REPORT_TYPES:
                    await refuse(
                        415,
                        "unsupported_media_type",
                        f"send the report file itself as the body, not as {ctype} "
                        "(curl --data-binary @report.html -H 'Content-Type: application/octet-stream')",
                    )
                    return
            elif path.startswith("/v1/") and not (
                ctype == "application/json" or ctype.endswith("+json")
            ):
                await refuse(
                    415,
                    "unsupported_media_type",
                    f"this endpoint takes JSON: send 'Content-Type: application/json' (got {ctype or 'none'})",
                )
                return
            length = headers.get(b"content-length")
            if length is not None:
                try:
                    declared = int(length)
                except ValueError:
                    await refuse(400, "bad_request", "the Content-Length header is not a number")
                    return
                if declared > limit:
                    await refuse(
                        413,
                        "payload_too_large",
                        f"the body has {declared} bytes; this endpoint takes at most {limit}",
                    )
                    return
        if method not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        # Read the whole body here, bounded in size and time, then hand it on: the
        # application never waits on a slow client nor holds more than the limit.
        chunks: list[bytes] = []
        seen = 0
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.settings.body_timeout_seconds
        while True:
            try:
                message = await asyncio.wait_for(
                    receive(), timeout=max(deadline - loop.time(), 0.001)
                )
            except asyncio.TimeoutError:
                await refuse(
                    408,
                    "request_timeout",
                    f"the body did not arrive within {self.settings.body_timeout_seconds:g} seconds",
                    connection="close",
                )
                return
            if message.get("type") == "http.disconnect":
                return
            body = message.get("body", b"")
            seen += len(body)
            if seen > limit:
                await refuse(
                    413,
                    "payload_too_large",
                    f"the body is larger than this endpoint's {limit} bytes",
                    connection="close",
                )
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        whole = b"".join(chunks)
        chunks.clear()
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": whole, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _as_json(value: object) -> object:
    """A model as a ready JSON response: FastAPI then skips validating the result
    again (which for an application would replay its whole history once more)."""
    if isinstance(value, FrozenModel):
        return Response(value.model_dump_json(), media_type="application/json")
    return value


def _fast(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    """``endpoint`` answering with :func:`_as_json`; its signature (parameters and the
    response model the OpenAPI document shows) is unchanged."""
    if asyncio.iscoroutinefunction(endpoint):

        @functools.wraps(endpoint)
        async def run_async(*args: Any, **kwargs: Any) -> object:
            return _as_json(await endpoint(*args, **kwargs))

        return run_async

    @functools.wraps(endpoint)
    def run(*args: Any, **kwargs: Any) -> object:
        return _as_json(endpoint(*args, **kwargs))

    return run


# -- the application --------------------------------------------------------------------


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, Any]:
    return export_vocabulary()


@lru_cache(maxsize=1)
def _schemas() -> dict[str, Any]:
    return json_schemas()


_PROBLEMS: dict[int | str, dict[str, Any]] = {
    code: {"model": Problem, "content": {PROBLEM: {}}, "description": _TITLES[code]}
    for code in (401, 413, 415, 422)
}
_JSON_PROBLEMS = {**_PROBLEMS, 400: {"model": Problem, "content": {PROBLEM: {}}}}


def build_app(settings: ServerSettings, calendar: WorkdayCalendar | None = None) -> FastAPI:
    """The application (see :func:`opengov.server.create_app`)."""
    data = _Data(calendar)
    app = FastAPI(
        title="opengov",
        version=opengov.__version__,
        summary="China's Regulations on Open Government Information as a service: "
        "working-day deadlines, applications and annual-report checks.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    report_slots: list[asyncio.Semaphore] = []

    def report_semaphore() -> asyncio.Semaphore:
        if not report_slots:
            report_slots.append(asyncio.Semaphore(settings.report_workers))
        return report_slots[0]

    # errors -----------------------------------------------------------------------

    @app.exception_handler(OpenGovError)
    async def _opengov_error(request: Request, exc: OpenGovError) -> JSONResponse:
        status = status_of(exc)
        detail = str(exc)
        if isinstance(exc, CalendarCoverageError) and "provisional=True" in detail:
            detail += (
                "; in this service, set options.provisional to true in the request body "
                "(provisional on /v1/disclosure/decision; ?provisional=true on the "
                "calendar endpoints)"
            )
        return problem_response(
            status, problem(status, exc.code, detail, instance=request.url.path[:200])
        )

    @app.exception_handler(RequestValidationError)
    async def _request_invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        status, body = _validation_problem(list(exc.errors()), request.url.path[:200])
        return problem_response(status, body)

    @app.exception_handler(ValidationError)
    async def _model_invalid(request: Request, exc: ValidationError) -> JSONResponse:
        status, body = _validation_problem(list(exc.errors()), request.url.path[:200])
        return problem_response(status, body)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        detail = exc.detail if isinstance(exc.detail, str) else _TITLES.get(exc.status_code, "")
        if exc.status_code == 404:
            detail = (
                f"no endpoint {request.url.path[:200]!r}; the endpoints are listed in /openapi.json"
            )
        return problem_response(
            exc.status_code,
            problem(exc.status_code, code, detail, instance=request.url.path[:200]),
        )

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> JSONResponse:
        return problem_response(
            500,
            problem(
                500,
                "internal_error",
                f"an error opengov did not expect ({type(exc).__name__}); please report it "
                "with the request",
                instance=request.url.path[:200],
            ),
        )

    # health, vocabulary, schemas ----------------------------------------------------------

    @app.get("/health", tags=["service"])
    @_fast
    def health() -> Health:
        """The service is up (needs no token)."""
        return Health(status="ok", opengov_version=opengov.__version__)

    @app.get("/v1/vocabulary", tags=["vocabulary"], responses=_PROBLEMS)
    @_fast
    def vocabulary() -> Vocabularies:
        """Every vocabulary: codes, official Chinese labels, English labels, citations."""
        v = _vocabulary()
        return Vocabularies(
            opengov_version=v["opengov_version"], vocabularies=v["vocabularies"], data=data.basis
        )

    @app.get(
        "/v1/vocabulary/{name}",
        tags=["vocabulary"],
        responses={**_PROBLEMS, 404: {"model": Problem}},
    )
    @_fast
    def one_vocabulary(
        name: Annotated[str, Path(max_length=100, pattern=r"^[A-Za-z]+$")],
    ) -> Vocabularies:
        """One vocabulary by its name, e.g. ``ExemptionGround``."""
        v = _vocabulary()
        if name not in v["vocabularies"]:
            unknown = UnknownCodeError(
                f"unknown vocabulary {name!r}; known: {', '.join(v['vocabularies'])}"
            )
            raise _Refused(unknown, status=404, field="name")
        return Vocabularies(
            opengov_version=v["opengov_version"],
            vocabularies={name: v["vocabularies"][name]},
            data=data.basis,
        )

    @app.get("/v1/schemas", tags=["schemas"], responses=_PROBLEMS)
    @_fast
    def schemas() -> Schemas:
        """The JSON Schema (Draft 2020-12) of every public model, for validation and
        for what the library serialises."""
        return Schemas(schemas=_schemas(), data=data.basis)

    @app.get(
        "/v1/schemas/{name}", tags=["schemas"], responses={**_PROBLEMS, 404: {"model": Problem}}
    )
    @_fast
    def one_schema(name: Annotated[str, Path(max_length=100, pattern=r"^[A-Za-z]+$")]) -> Schemas:
        """One model's schemas, e.g. ``Application``."""
        s = _schemas()
        if name not in s:
            unknown = UnknownCodeError(
                f"unknown vocabulary or model {name!r}; known: {', '.join(s)}"
            )
            raise _Refused(unknown, status=404, field="name")
        return Schemas(schemas={name: s[name]}, data=data.basis)

    # calendar ------------------------------------------------------------------------

    Provisional = Annotated[
        bool,
        Query(
            description="answer days after the official notices from the statutory rules (flagged)"
        ),
    ]

    @app.get("/v1/calendar/years/{year}", tags=["calendar"], responses=_PROBLEMS)
    @_fast
    def calendar_year(
        year: Annotated[int, Path(ge=1949, le=9999)], provisional: Provisional = False
    ) -> CalendarYear:
        """A year's rest days set by the State Council notices, the make-up working
        days, and the notices with their provenance."""
        cal = data.cal(provisional)
        sources = [s for s in cal.sources if s.notice.year == year]
        if not sources and not provisional:
            raise CalendarCoverageError(
                f"no State Council holiday notice for {year} in the calendar in use "
                f"(it covers {cal.coverage.first} to {cal.coverage.last}); "
                "add ?provisional=true for the statutory rules, flagged"
            )
        with _flagged(provisional):
            rest_days = cal.rest_days(year)
            make_up = cal.make_up_workdays(year)
        notices = tuple(
            NoticeOut(
                year=s.notice.year,
                revision=s.notice.revision,
                notice_no=s.notice.notice_no,
                title=s.notice.title,
                published=s.notice.published,
                source_url=s.notice.source_url,
                evidence=s.notice.evidence,
                origin=NoticeOrigin(s.origin),
            )
            for s in sorted(sources, key=lambda s: s.notice.revision)
        )
        return CalendarYear(
            year=year,
            rest_days=tuple(
                RestDayOut(day=r.day, name_zh=r.name_zh, name_en=r.name_en) for r in rest_days
            ),
            make_up_workdays=make_up,
            notices=notices,
            provisional=not sources,
            data=data.basis,
        )

    @app.get("/v1/calendar/days/{day}", tags=["calendar"], responses=_PROBLEMS)
    @_fast
    def calendar_day(day: date, provisional: Provisional = False) -> CalendarDay:
        """Whether ``day`` is a working day; the festival and notice when it is not."""
        cal = data.cal(provisional)
        with _flagged(provisional):
            working = cal.is_working_day(day)
            name = cal.holiday_name(day)
        return CalendarDay(
            day=day,
            working_day=working,
            holiday_zh=None if name is None else name[0],
            holiday_en=None if name is None else name[1],
            notice=cal.source(day),
            provisional=cal.is_provisional(day),
            data=data.basis,
        )

    @app.get("/v1/calendar/add-working-days", tags=["calendar"], responses=_PROBLEMS)
    @_fast
    def add_working_days(
        start: date,
        days: Annotated[int, Query(ge=-3660, le=3660)],
        provisional: Provisional = False,
    ) -> WorkingDayOffset:
        """The day ``days`` working days after ``start`` (before it when negative), with
        the rest days passed over. The start day is not counted."""
        with _flagged(provisional):
            off = data.cal(provisional).offset(start, days)
        return WorkingDayOffset(
            start=off.start,
            days=off.n,
            due=off.due,
            provisional=off.provisional,
            skipped=tuple(
                RestDayOut(day=r.day, name_zh=r.name_zh, name_en=r.name_en) for r in off.skipped
            ),
            data=data.basis,
        )

    @app.get("/v1/calendar/working-days-between", tags=["calendar"], responses=_PROBLEMS)
    @_fast
    def working_days_between(
        start: date, end: date, provisional: Provisional = False
    ) -> WorkingDayCount:
        """The number of working days in (start, end]; negative when end is earlier."""
        if abs((end - start).days) > 36600:
            raise InvalidInputError("start and end must be at most 100 years apart")
        with _flagged(provisional):
            n = data.cal(provisional).working_days_between(start, end)
        return WorkingDayCount(start=start, end=end, working_days=n, data=data.basis)

    # deadlines -----------------------------------------------------------------------

    @app.post("/v1/deadlines/reply", tags=["deadlines"], responses=_JSON_PROBLEMS)
    @_fast
    def deadline_reply(request: ReplyDeadlineRequest) -> ExplainedDeadline:
        """The reply deadline (Art. 33; 2007 Art. 24) with every counting option, and
        its explanation in Chinese and English."""
        if request.received_on is not None:
            if request.channel is not None:
                raise InvalidInputError(
                    "give received_on or a channel with its receipt facts, not both"
                )
            day = request.received_on
        elif request.channel is not None:
            day = receipt_date(
                request.channel,
                submitted_on=request.submitted_on,
                signed_for_on=request.signed_for_on,
                confirmed_on=request.confirmed_on,
            )
        else:
            raise InvalidInputError(
                "give received_on, or a channel with the fact its receipt rule needs "
                "(submitted_on, signed_for_on or confirmed_on)"
            )
        cal = data.cal(request.options.provisional)
        with _flagged(request.options.provisional):
            d = reply_deadline(
                day, extended=request.extended, options=request.options, calendar=cal
            )
            return _explained(d, cal)

    # applications --------------------------------------------------------------------

    @app.post("/v1/applications/status", tags=["applications"], responses=_JSON_PROBLEMS)
    @_fast
    def application_status(request: CaseRequest) -> ApplicationView:
        """Replay a history: state and status on ``as_of``, every deadline with its
        explanation, the remedy periods and the annual-report row."""
        return _view(request.application, request.as_of, data)

    @app.post(
        "/v1/applications/record",
        tags=["applications"],
        responses={**_JSON_PROBLEMS, 409: {"model": Problem, "content": {PROBLEM: {}}}},
    )
    @_fast
    def application_record(request: RecordRequest) -> ApplicationView:
        """Record one more event with the library's own checks: the new application,
        or a 409 problem (``invalid_event``) saying why the event cannot be recorded."""
        try:
            app_after = request.application.record(request.event)
        except InvalidEventError as exc:
            raise _Refused(exc, status=409, field="event") from None
        return _view(app_after, request.as_of, data)

    @app.exception_handler(_Refused)
    async def _refused(request: Request, exc: _Refused) -> JSONResponse:
        return problem_response(
            exc.status,
            problem(
                exc.status,
                exc.error.code,
                str(exc.error),
                field=exc.field,
                instance=request.url.path[:200],
            ),
        )

    # the statute book ----------------------------------------------------------------

    @app.get("/v1/law", tags=["law"], responses=_PROBLEMS)
    @_fast
    def statute_book() -> StatuteBook:
        """The statute book: every dated parameter (periods, caps, in-force days, fee
        scales, report formats) with its values by date, each with its citations,
        evidence level and source."""
        return StatuteBook(
            parameters=tuple(_law_parameter(p.name) for p in law.STATUTE_BOOK),
            data=data.basis,
        )

    @app.get("/v1/law/{name}", tags=["law"], responses={**_PROBLEMS, 404: {"model": Problem}})
    @_fast
    def law_parameter(
        name: Annotated[str, Path(max_length=100, pattern=r"^[a-z][a-z0-9_.\-]*$")],
        on: Annotated[
            date | None,
            Query(description="the day to give the value in force on (none: every value)"),
        ] = None,
    ) -> LawInForce:
        """One parameter, e.g. ``litigation.period_months``, and with ``?on=`` the value
        in force on that day: a ``law_not_in_force`` problem before its first day. A
        value of null says the law set no such rule then (the note says why)."""
        try:
            parameter = _law_parameter(name)
        except UnknownCodeError as exc:
            raise _Refused(exc, status=404, field="name") from None
        in_force = None
        if on is not None:
            try:
                in_force = _law_value(law.parameter(name).at(on))
            except OpenGovError as exc:
                raise _Refused(exc, status=422, field="on") from None
        return LawInForce(parameter=parameter, on=on, in_force=in_force, data=data.basis)

    # proactive disclosure and the catalogue ------------------------------------------

    @app.post(
        "/v1/disclosure/decision",
        tags=["disclosure"],
        responses={**_JSON_PROBLEMS, 409: {"model": Problem, "content": {PROBLEM: {}}}},
    )
    @_fast
    def disclosure_decision(request: DecisionRequest) -> DecisionView:
        """Replay a disclosure decision's review trail (Arts. 17-21): the decision in
        force, the publication deadline (Art. 26, or the recorded period) with its
        explanation, timeliness on ``as_of``, and the re-evaluation day of withheld
        information (Art. 18) for the agency's interval. A trail the library refuses
        is a 409 problem (``invalid_decision``) naming the field."""
        return _decision_view(request.decision, request, data)

    @app.post(
        "/v1/disclosure/record",
        tags=["disclosure"],
        responses={**_JSON_PROBLEMS, 409: {"model": Problem, "content": {PROBLEM: {}}}},
    )
    @_fast
    def disclosure_record(request: DecisionRecordRequest) -> DecisionView:
        """Record one more event on a decision's trail with the library's own checks:
        the new decision, or a 409 problem (``invalid_decision``) naming the field of
        ``event`` (or ``decision.events`` past the cap) that cannot be recorded."""
        try:
            after = request.decision.record(request.event)
        except InvalidDecisionError as exc:
            raise _Refused(exc, status=409, field=_event_field(exc, request.event.kind)) from None
        return _decision_view(after, request, data)

    @app.post("/v1/catalogue/parse", tags=["disclosure"], responses=_JSON_PROBLEMS)
    @_fast
    def catalogue_parse(request: CatalogueRequest) -> CatalogueParse:
        """Read a catalogue metadata block (索引号, 信息名称, 生成日期, 发布机构, 文号…;
        Art. 12) into a catalogue record; a 统一社会信用代码 in the 索引号 is checked."""
        try:
            record = parse_catalogue_record(
                request.text, require_uscc_check=request.require_uscc_check
            )
        except CatalogueParseError as exc:
            raise _Refused(exc, status=422, field=_named_field(exc) or "text") from None
        return CatalogueParse(record=record, data=data.basis)

    # reports -------------------------------------------------------------------------

    async def run_check(
        request: Request,
        agency: str | None,
        year: int | None,
        fmt: ReportFormat | None,
        blank_as_zero: bool,
    ) -> dict[str, Any]:
        body = await request.body()
        if not body:
            raise InvalidInputError(
                "the body is empty: send the report file itself (curl --data-binary @report.html)"
            )
        kwargs = {
            "data": body,
            "name": "upload",
            "agency": agency,
            "year": year,
            "fmt": None if fmt is None else fmt.value,
            "blank_as_zero": blank_as_zero,
        }
        async with report_semaphore():
            kind, value = await asyncio.to_thread(
                check_in_child, kwargs, settings.report_timeout_seconds
            )
        if kind == "ok":
            result: dict[str, Any] = value
            return result
        if kind == "error":
            code, name, message = value
            raise _ChildError(code, name, message)
        raise _ChildError(
            "report_parse", "ReportParseError", f"the report could not be read: {value}"
        )

    @app.exception_handler(_ChildError)
    async def _child_error(request: Request, exc: _ChildError) -> Response:
        status = 422
        body = problem(status, exc.code, exc.message, instance=request.url.path)
        if request.url.path == "/page/check":
            return HTMLResponse(problem_html(body), status_code=status)
        return problem_response(status, body)

    Agency = Annotated[
        str | None, Query(max_length=200, description="the agency, if the report does not name it")
    ]
    Year = Annotated[
        int | None,
        Query(ge=2008, le=2100, description="the report year, if the report does not give it"),
    ]
    Format = Annotated[
        ReportFormat | None, Query(description="the report format, if it cannot be told")
    ]
    BlankAsZero = Annotated[bool, Query(description="read blank cells as 0 in the sums")]

    @app.post(
        "/v1/reports/check",
        tags=["reports"],
        responses=_PROBLEMS,
        openapi_extra={
            "requestBody": {
                "required": True,
                "description": "the report file: HTML, a text dump, PDF or Word (.docx), any encoding",
                "content": {
                    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
                    "text/html": {"schema": {"type": "string"}},
                    "text/plain": {"schema": {"type": "string"}},
                },
            }
        },
    )
    @_fast
    async def report_check(
        request: Request,
        agency: Agency = None,
        year: Year = None,
        format: Format = None,
        blank_as_zero: BlankAsZero = True,
    ) -> ReportCheck:
        """Read an annual report file and check it: the parsed tables, how many cells
        were read, and the findings (sums, balances, format), errors first."""
        result = await run_check(request, agency, year, format, blank_as_zero)
        return ReportCheck.model_validate({**result, "data": data.basis})

    # the report-check page -----------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def page() -> HTMLResponse:
        return HTMLResponse(page_html(token_needed=settings.token is not None))

    @app.post("/page/check", include_in_schema=False)
    async def page_check(
        request: Request,
        agency: Agency = None,
        year: Year = None,
        format: Format = None,
    ) -> HTMLResponse:
        try:
            result = await run_check(request, agency, year, format, True)
        except OpenGovError as exc:
            status = status_of(exc)
            return HTMLResponse(
                problem_html(problem(status, exc.code, str(exc))), status_code=status
            )
        return HTMLResponse(report_html(result, data.basis))

    # the contract --------------------------------------------------------------------

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            doc = get_openapi(
                title=app.title,
                version=app.version,
                summary=app.summary,
                routes=app.routes,
            )
            doc["components"]["securitySchemes"] = {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "needed on every endpoint but /health when the "
                    "deployment sets a token (OPENGOV_TOKEN or --token-file)",
                }
            }
            doc["security"] = [{"bearer": []}, {}]
            doc["paths"]["/health"]["get"]["security"] = [{}]
            app.openapi_schema = tighten_schema(doc, keep_mapping=True)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(Guard, settings=settings, calendar_id=data.basis.calendar_id)
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    else:
        app.add_middleware(Guard, settings=settings, calendar_id=data.basis.calendar_id)
    return app


class _Refused(Exception):
    """An opengov error answered with its own status and the request field at fault
    (an event the library refused to record: 409, ``event``)."""

    def __init__(self, error: OpenGovError, *, status: int, field: str | None) -> None:
        super().__init__(str(error))
        self.error, self.status, self.field = error, status, field


class _ChildError(Exception):
    """An opengov error raised while reading a report in the child process."""

    def __init__(self, code: str, name: str, message: str) -> None:
        super().__init__(message)
        self.code, self.name, self.message = code, name, message
