"""The library's junk sweep replayed over HTTP: every bad input is a 4xx problem.

The values of ``tests/test_robustness.py`` (None, bools, NaN and infinities, huge
and negative ints, odd strings, bytes, naive and aware datetimes, enum members of
the wrong vocabulary, lists, dicts) are put, as JSON, into each field of each JSON
endpoint, into path and query parameters, and as raw bytes into the report check.
An answer may be 200 (the junk happened to be valid) or a 4xx
``application/problem+json`` with an opengov code; a 5xx, a broken connection or a
non-problem error is a failure. The count is bounded (hypothesis examples) and each
request has a time limit.
"""

from __future__ import annotations

import json
import math
import urllib.parse
from collections.abc import Callable, Iterator
from datetime import date, datetime
from enum import Enum
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opengov.server import ServerSettings
from server_support import Reply, call, running
from test_robustness import junk

APP = {"channel": "in_person", "applicant_type": "natural_person", "submitted_on": "2026-09-28"}
EXT = {"kind": "extension_approved", "on": "2026-10-20", "days": 10}
DOC = {"title": "某某管理办法", "formed_on": "2026-09-28", "document_kind": "normative_document"}


def to_json(value: object) -> Any:
    """The junk as JSON would carry it (the closest value JSON has)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("latin-1")
    if isinstance(value, (list, tuple, frozenset, set)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, (bool, str)) or value is None:
        return value
    if isinstance(value, int):
        return value if value.bit_length() < 1000 else Huge(value)
    if isinstance(value, float):
        return value
    return str(value)


class Huge:
    """An int too long for ``json.dumps``: written out as its digits (5000 of them)."""

    def __init__(self, value: int) -> None:
        self.value = value


def dumps(value: Any) -> bytes:
    """JSON text, NaN and Infinity included (Python's json reads them), huge ints as
    digit runs."""
    huge: list[Huge] = []

    def default(obj: object) -> str:
        if isinstance(obj, Huge):
            huge.append(obj)
            return f"@@HUGE{len(huge) - 1}@@"
        raise TypeError(type(obj).__name__)

    text = json.dumps(value, default=default, allow_nan=True)
    for i, h in enumerate(huge):
        digits = ("-" if h.value < 0 else "") + "9" * min(5000, h.value.bit_length() // 3)
        text = text.replace(f'"@@HUGE{i}@@"', digits)
    return text.encode()


Target = Callable[[str, Any], Reply]


def _post(path: str, build: Callable[[Any], Any]) -> Target:
    def send(base: str, value: Any) -> Reply:
        return call(base, "POST", path, dumps(build(value)), content_type="application/json")

    return send


def _get(template: str) -> Target:
    def send(base: str, value: Any) -> Reply:
        text = value if isinstance(value, str) else json.dumps(value, default=str)
        return call(base, "GET", template.format(urllib.parse.quote(text[:300], safe="")))

    return send


def _report(base: str, value: Any) -> Reply:
    raw = value if isinstance(value, bytes) else dumps(value)
    return call(base, "POST", "/v1/reports/check", raw, content_type="application/octet-stream")


TARGETS: dict[str, Target] = {
    "reply: body": _post("/v1/deadlines/reply", lambda x: x),
    "reply: received_on": _post("/v1/deadlines/reply", lambda x: {"received_on": x}),
    "reply: extended": _post(
        "/v1/deadlines/reply", lambda x: {"received_on": "2026-09-28", "extended": x}
    ),
    "reply: options": _post(
        "/v1/deadlines/reply", lambda x: {"received_on": "2026-09-28", "options": x}
    ),
    "reply: receipt_day": _post(
        "/v1/deadlines/reply",
        lambda x: {"received_on": "2026-09-28", "options": {"receipt_day": x}},
    ),
    "reply: channel": _post(
        "/v1/deadlines/reply", lambda x: {"channel": x, "submitted_on": "2026-09-28"}
    ),
    "status: application": _post("/v1/applications/status", lambda x: {"application": x}),
    "status: submitted_on": _post(
        "/v1/applications/status", lambda x: {"application": {**APP, "submitted_on": x}}
    ),
    "status: as_of": _post("/v1/applications/status", lambda x: {"application": APP, "as_of": x}),
    "status: events": _post(
        "/v1/applications/status", lambda x: {"application": {**APP, "events": [x]}}
    ),
    "record: event": _post("/v1/applications/record", lambda x: {"application": APP, "event": x}),
    "record: on": _post(
        "/v1/applications/record", lambda x: {"application": APP, "event": {**EXT, "on": x}}
    ),
    "record: days": _post(
        "/v1/applications/record", lambda x: {"application": APP, "event": {**EXT, "days": x}}
    ),
    "calendar: day": _get("/v1/calendar/days/{}"),
    "calendar: year": _get("/v1/calendar/years/{}"),
    "calendar: add days": _get("/v1/calendar/add-working-days?start=2026-09-28&days={}"),
    "calendar: start": _get("/v1/calendar/add-working-days?days=3&start={}"),
    "calendar: between": _get("/v1/calendar/working-days-between?start=2026-01-01&end={}"),
    "vocabulary: name": _get("/v1/vocabulary/{}"),
    "law: name": _get("/v1/law/{}"),
    "law: on": _get("/v1/law/ogi.reply_days?on={}"),
    "disclosure: decision": _post("/v1/disclosure/decision", lambda x: {"decision": x}),
    "disclosure: formed_on": _post(
        "/v1/disclosure/decision", lambda x: {"decision": {**DOC, "formed_on": x}}
    ),
    "disclosure: events": _post(
        "/v1/disclosure/decision", lambda x: {"decision": {**DOC, "events": [x]}}
    ),
    "disclosure: interval": _post(
        "/v1/disclosure/decision",
        lambda x: {"decision": DOC, "reevaluation_interval_months": x},
    ),
    "disclosure record: event": _post(
        "/v1/disclosure/record", lambda x: {"decision": DOC, "event": x}
    ),
    "disclosure record: on": _post(
        "/v1/disclosure/record",
        lambda x: {"decision": DOC, "event": {"kind": "changed", "on": x}},
    ),
    "catalogue: text": _post("/v1/catalogue/parse", lambda x: {"text": x}),
    "report: body": _report,
}
EXPECTED = {200, 400, 404, 405, 408, 409, 413, 415, 422}


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with running(ServerSettings(report_timeout_seconds=20)) as url:
        yield url


def _check(reply: Reply, where: str) -> None:
    assert reply.status in EXPECTED, (where, reply.status, reply.body[:300])
    if reply.status != 200:
        assert reply.headers["content-type"].startswith("application/problem+json"), where
        body = json.loads(reply.body)
        assert body["status"] == reply.status
        assert body["code"], (where, body)
        assert body["detail"], (where, body)


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(value=junk, target=st.sampled_from(sorted(TARGETS)))
def test_junk_over_http_is_answered_with_a_4xx_problem(
    base: str, value: object, target: str
) -> None:
    _check(TARGETS[target](base, to_json(value)), target)


@pytest.mark.parametrize("target", sorted(TARGETS))
@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "２０２６-０９-２８",
        10**5000,
        -(2**63),
        math.nan,
        math.inf,
        [],
        {},
        "\x00",
        "'; --",
    ],
    ids=lambda v: "10**5000" if isinstance(v, int) and v > 10**100 else repr(v),
)
def test_classic_junk_in_every_field(base: str, target: str, value: object) -> None:
    _check(TARGETS[target](base, to_json(value)), target)


def test_raw_bytes_as_every_report_kind(base: str) -> None:
    for raw in (
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\nnot really a pdf",
        b"PK\x03\x04" + b"\x00" * 100,  # a zip that is no Word file
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,  # legacy Word
        b"\xff\xfe" + "表三".encode("utf-16-le"),
        b"<html><table><tr><td>" * 2000,
        bytes(range(256)) * 10,
    ):
        _check(_report(base, raw), repr(raw[:12]))
