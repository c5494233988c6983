"""The service over HTTP: every endpoint, the errors, the token, the limits.

Each test talks to a real uvicorn on a loopback port (tests/server_support.py).
Expected dates are counted by hand from the 2026 holiday notice (国务院办公厅关于
2026年部分节假日安排的通知: 国庆节 10月1日至7日, 9月20日、10月10日上班) and the
Regulation's periods; expected findings from the hand-made report fixture.
"""

from __future__ import annotations

import http.client
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from opengov.server import ServerSettings
from server_support import call, running

DATA = Path(__file__).parent / "data" / "reports"
TOKEN = "a-test-token-of-32-characters-xx"
APP = {"channel": "in_person", "applicant_type": "natural_person", "submitted_on": "2026-09-28"}
PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with running(ServerSettings()) as url:
        yield url


@pytest.fixture(scope="module")
def guarded() -> Iterator[str]:
    settings = ServerSettings(
        token=TOKEN, max_json_bytes=4096, max_report_bytes=8192, body_timeout_seconds=1.0
    )
    with running(settings) as url:
        yield url


def problem_of(reply: Any, status: int, code: str) -> dict[str, Any]:
    assert reply.status == status, reply.body[:500]
    assert reply.headers["content-type"].startswith(PROBLEM)
    body: dict[str, Any] = reply.json()
    assert body["status"] == status
    assert body["code"] == code
    assert body["type"] == f"urn:opengov:problem:{code}"
    assert body["detail"]
    return body


# -- health, vocabulary, schemas ---------------------------------------------------------


def test_health(base: str) -> None:
    reply = call(base, "GET", "/health")
    assert reply.status == 200
    assert reply.json()["status"] == "ok"


def test_every_answer_names_the_calendar_it_rests_on(base: str) -> None:
    data = call(base, "GET", "/v1/calendar/days/2026-10-10").json()["data"]
    assert data["calendar_last_day"] == "2026-12-28"  # 29-31 Dec wait for the 2027 notice
    assert data["calendar_first_day"] == "2004-01-01"
    assert data["installed_notices"] == []
    assert len(data["calendar_id"]) == 16
    # refusals too carry the digest, as a header
    refused = call(base, "GET", "/v1/calendar/days/not-a-day")
    assert refused.headers["opengov-calendar"] == data["calendar_id"]


def test_vocabulary(base: str) -> None:
    body = call(base, "GET", "/v1/vocabulary").json()
    grounds = body["vocabularies"]["ExemptionGround"]["members"]
    assert grounds[0]["code"] == "state_secret"
    assert grounds[0]["basis"][0]["citation"] == "ogi-2019:14"
    one = call(base, "GET", "/v1/vocabulary/ReplyType").json()
    assert list(one["vocabularies"]) == ["ReplyType"]
    problem_of(call(base, "GET", "/v1/vocabulary/NoSuch"), 404, "unknown_code")


def test_schemas(base: str) -> None:
    body = call(base, "GET", "/v1/schemas/ExtensionApproved").json()
    days = body["schemas"]["ExtensionApproved"]["validation"]["properties"]["days"]
    assert (days["minimum"], days["maximum"]) == (1, 20)  # Art. 33 para. 2: at most 20
    assert "Application" in call(base, "GET", "/v1/schemas").json()["schemas"]
    problem_of(call(base, "GET", "/v1/schemas/NoSuch"), 404, "unknown_code")


# -- calendar ----------------------------------------------------------------------------


def test_calendar_year_2026_from_its_notice(base: str) -> None:
    body = call(base, "GET", "/v1/calendar/years/2026").json()
    # 元旦 3 + 春节 9 + 清明 3 + 劳动节 5 + 端午 3 + 中秋 3 + 国庆 7 days
    assert len(body["rest_days"]) == 33
    assert body["rest_days"][0] == {
        "day": "2026-01-01",
        "name_zh": "元旦",
        "name_en": "New Year's Day",
    }
    assert body["make_up_workdays"] == [
        "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
    ]  # fmt: skip
    assert [n["year"] for n in body["notices"]] == [2026]
    assert body["notices"][0]["origin"] == "bundled"
    assert body["provisional"] is False


def test_calendar_year_without_a_notice(base: str) -> None:
    problem_of(call(base, "GET", "/v1/calendar/years/2031"), 422, "calendar_coverage")
    body = call(base, "GET", "/v1/calendar/years/2031?provisional=true").json()
    assert body["provisional"] is True
    assert body["notices"] == []


def test_working_day(base: str) -> None:
    saturday = call(base, "GET", "/v1/calendar/days/2026-10-10").json()
    assert saturday["working_day"] is True  # 10月10日（周六）上班
    holiday = call(base, "GET", "/v1/calendar/days/2026-10-03").json()
    assert (holiday["working_day"], holiday["holiday_zh"]) == (False, "国庆节")
    problem_of(call(base, "GET", "/v1/calendar/days/2035-01-02"), 422, "calendar_coverage")
    problem_of(call(base, "GET", "/v1/calendar/days/not-a-day"), 422, "invalid_input")


def test_add_and_count_working_days(base: str) -> None:
    # 9-29, 9-30, 10-8, 10-9, 10-10 (Sat, worked), then three weeks of five: 20 on 10-30
    body = call(base, "GET", "/v1/calendar/add-working-days?start=2026-09-28&days=20").json()
    assert body["due"] == "2026-10-30"
    assert [d["day"] for d in body["skipped"]][:7] == [f"2026-10-0{i}" for i in range(1, 8)]
    count = call(
        base, "GET", "/v1/calendar/working-days-between?start=2026-09-28&end=2026-10-30"
    ).json()
    assert count["working_days"] == 20
    problem_of(
        call(base, "GET", "/v1/calendar/add-working-days?start=2026-09-28&days=99999"),
        422,
        "invalid_input",
    )


# -- deadlines ---------------------------------------------------------------------------


def test_reply_deadline_with_options(base: str) -> None:
    plain = call(base, "POST", "/v1/deadlines/reply", {"received_on": "2026-09-28"}).json()
    assert plain["deadline"]["due"] == "2026-10-30"
    assert plain["deadline"]["basis"][0] == {
        "instrument": "ogi-2019", "article": 33, "paragraph": 2, "item": None,
    }  # fmt: skip
    assert plain["explanation"]["steps"][-1]["kind"] == "due"
    assert plain["deadline"]["notices"][0]["year"] == 2026
    # extended: 20 more working days, 11-02 … 11-27
    ext = call(base, "POST", "/v1/deadlines/reply", {"received_on": "2026-09-28", "extended": True})
    assert ext.json()["deadline"]["due"] == "2026-11-27"
    # receipt day counted (an interpretation): day 1 is 9-28 itself, so one day earlier
    counted = call(
        base,
        "POST",
        "/v1/deadlines/reply",
        {"received_on": "2026-09-28", "options": {"receipt_day": "counted"}},
    ).json()
    assert counted["deadline"]["due"] == "2026-10-29"
    # by channel: post is received when signed for (Art. 31(2))
    post = call(
        base,
        "POST",
        "/v1/deadlines/reply",
        {"channel": "registered_post", "submitted_on": "2026-09-25", "signed_for_on": "2026-09-28"},
    ).json()
    assert post["deadline"]["start"] == "2026-09-28"


def test_reply_deadline_refusals(base: str) -> None:
    problem_of(call(base, "POST", "/v1/deadlines/reply", {}), 422, "invalid_input")
    problem_of(
        call(base, "POST", "/v1/deadlines/reply", {"received_on": "2001-01-01"}),
        422,
        "edition_not_in_force",
    )
    bad = problem_of(
        call(base, "POST", "/v1/deadlines/reply", {"received_on": "2026-09-28", "extra": 1}),
        422,
        "invalid_input",
    )
    assert bad["field"] == "request.extra" or bad["field"].endswith("extra")


# -- applications ------------------------------------------------------------------------


def test_application_status(base: str) -> None:
    body = call(
        base, "POST", "/v1/applications/status", {"application": APP, "as_of": "2026-10-15"}
    ).json()
    assert body["state"] == "open"
    assert body["status"]["kind"] == "open"
    assert body["status"]["due"] == "2026-10-30"
    # working days in (10-15, 10-30]: 10-16, 10-19…23, 10-26…30
    assert body["status"]["working_days_left"] == 11
    # the reply, and the 补正 notice: 7 working days (Art. 30): 9-29, 9-30, 10-8, 10-9,
    # 10-10 (Sat, worked), 10-12, 10-13
    assert [(d["deadline"]["kind"], d["deadline"]["due"]) for d in body["deadlines"]] == [
        ("reply", "2026-10-30"),
        ("correction_notice", "2026-10-13"),
    ]
    assert body["deadlines"][0]["explanation"]["title_zh"]
    assert body["report_rows"] == [
        {"format": "2019", "row": None},
        {"format": "2021", "row": None},
    ]


def test_application_after_no_reply_has_remedy_periods(base: str) -> None:
    strict = problem_of(
        call(base, "POST", "/v1/applications/status", {"application": APP, "as_of": "2026-11-03"}),
        422,
        "calendar_coverage",
    )  # the 60-day review period runs past 2026-12-28, the end of the official data
    assert "options.provisional" in strict["detail"]
    flagged = {**APP, "options": {"provisional": True}}
    body = call(
        base, "POST", "/v1/applications/status", {"application": flagged, "as_of": "2026-11-03"}
    ).json()
    assert body["status"]["kind"] == "overdue"
    # 10-30 passed: 10-31 Sat, 11-01 Sun, 11-02 Mon, 11-03 Tue → 2 working days overdue
    assert body["status"]["working_days_overdue"] == 2
    assert len(body["remedies"]) == 2
    assert all(r["deadline"]["provisional"] for r in body["remedies"])


def test_record_an_event(base: str) -> None:
    body = call(
        base,
        "POST",
        "/v1/applications/record",
        {
            "application": APP,
            "event": {"kind": "extension_approved", "on": "2026-10-20", "days": 10},
            "as_of": "2026-10-21",
        },
    ).json()
    # 10-30 + 10 working days: 11-02…06, 11-09…13
    assert body["status"]["due"] == "2026-11-13"
    assert body["application"]["events"][0]["kind"] == "extension_approved"
    replied = call(
        base,
        "POST",
        "/v1/applications/record",
        {
            # the remedy periods run into 2027, after the official data: flagged answers
            "application": {**body["application"], "options": {"provisional": True}},
            "event": {"kind": "reply_issued", "on": "2026-11-10", "reply": {"type": "disclosed"}},
            "as_of": "2026-11-10",
        },
    ).json()
    assert replied["state"] == "replied"
    assert replied["reply_type"] == "disclosed"
    assert {r["format"]: r["row"] for r in replied["report_rows"]} == {
        "2019": "disclosed",
        "2021": "disclosed",
    }
    remedies = {d["deadline"]["kind"]: d["deadline"]["due"] for d in replied["remedies"]}
    # review: 60 days from 11-10 is 2027-01-09, a Saturday → Monday 01-11 (Civil Code
    # Art. 203); litigation: 6 months → 2027-05-10, a Monday
    assert remedies == {"administrative_review": "2027-01-11", "litigation": "2027-05-10"}


def test_recording_a_refused_event_is_a_conflict(base: str) -> None:
    body = problem_of(
        call(
            base,
            "POST",
            "/v1/applications/record",
            {
                "application": APP,
                "event": {"kind": "extension_approved", "on": "2026-10-20", "days": 25},
            },
        ),
        409,
        "invalid_event",
    )
    assert "ogi-2019:33.2" in body["detail"]
    assert body["field"] == "event"
    twice = {**APP, "events": [{"kind": "extension_approved", "on": "2026-10-20", "days": 5}]}
    again = problem_of(
        call(
            base,
            "POST",
            "/v1/applications/record",
            {
                "application": twice,
                "event": {"kind": "extension_approved", "on": "2026-10-21", "days": 5},
            },
        ),
        409,
        "invalid_event",
    )
    assert "once" in again["detail"]


def test_a_history_that_does_not_replay_is_refused_with_the_library_code(base: str) -> None:
    bad = {**APP, "events": [{"kind": "withdrawn", "on": "2026-09-01"}]}  # before receipt
    body = problem_of(
        call(base, "POST", "/v1/applications/status", {"application": bad}), 409, "invalid_event"
    )
    assert body["field"] == "application"
    problem_of(
        call(
            base,
            "POST",
            "/v1/applications/record",
            {"application": APP, "event": {"kind": "no_such_event", "on": "2026-10-01"}},
        ),
        422,
        "invalid_input",
    )


# -- reports -----------------------------------------------------------------------------


def test_report_check(base: str) -> None:
    raw = (DATA / "f2021-errors.txt").read_bytes()
    reply = call(base, "POST", "/v1/reports/check", raw, content_type="text/plain")
    assert reply.status == 200, reply.body[:300]
    body = reply.json()
    assert body["report"]["agency"] == "某市交通运输局"
    assert body["completeness"] == {"total": 200, "read": 200, "unread": 0, "ratio": 1.0}
    # the fixture's carried-forward row: 3 + 1 in the columns, 3 in 总计
    first = body["findings"][0]
    assert (first["rule"], first["expected"], first["actual"]) == ("column_total", 4, 3)
    assert body["errors"] >= 3


def test_report_refusals(base: str) -> None:
    problem_of(
        call(base, "POST", "/v1/reports/check", b"no tables here", content_type="text/plain"),
        422,
        "report_parse",
    )
    problem_of(
        call(base, "POST", "/v1/reports/check", b"", content_type="text/plain"),
        422,
        "invalid_input",
    )
    problem_of(
        call(
            base,
            "POST",
            "/v1/reports/check",
            b"--x\r\n\r\n--x--",
            content_type="multipart/form-data; boundary=x",
        ),
        415,
        "unsupported_media_type",
    )


def test_report_time_limit() -> None:
    with running(ServerSettings(report_timeout_seconds=0.001)) as url:
        raw = (DATA / "f2021-errors.txt").read_bytes()
        problem_of(
            call(url, "POST", "/v1/reports/check", raw, content_type="text/plain"),
            422,
            "report_timeout",
        )
        assert call(url, "GET", "/health").status == 200


# -- errors of the request itself ---------------------------------------------------------


def test_malformed_json_wrong_type_unknown_path(base: str) -> None:
    problem_of(
        call(base, "POST", "/v1/deadlines/reply", b"{not json", content_type="application/json"),
        400,
        "malformed_json",
    )
    problem_of(
        call(base, "POST", "/v1/deadlines/reply", b"{}", content_type="text/plain"),
        415,
        "unsupported_media_type",
    )
    problem_of(call(base, "GET", "/v2/nothing"), 404, "not_found")
    problem_of(call(base, "DELETE", "/v1/vocabulary"), 405, "method_not_allowed")
    problem_of(call(base, "POST", "/v1/deadlines/reply", [1, 2, 3]), 422, "invalid_input")


# -- token and limits ----------------------------------------------------------------------


def test_token_is_required_except_for_health(guarded: str) -> None:
    assert call(guarded, "GET", "/health").status == 200
    body = problem_of(call(guarded, "GET", "/v1/vocabulary"), 401, "unauthorized")
    assert "Bearer" in body["detail"]
    reply = call(guarded, "GET", "/v1/vocabulary", token="wrong-token-of-the-same-length-x")
    assert reply.status == 401
    assert reply.headers["www-authenticate"].startswith("Bearer")
    assert call(guarded, "GET", "/openapi.json").status == 401
    assert call(guarded, "GET", "/").status == 401
    assert call(guarded, "GET", "/v1/vocabulary", token=TOKEN).status == 200


def test_body_size_limits(guarded: str) -> None:
    big = {"received_on": "2026-09-28", "pad": "x" * 5000}
    problem_of(
        call(guarded, "POST", "/v1/deadlines/reply", big, token=TOKEN), 413, "payload_too_large"
    )
    problem_of(
        call(
            guarded,
            "POST",
            "/v1/reports/check",
            b"x" * 9000,
            content_type="text/plain",
            token=TOKEN,
        ),
        413,
        "payload_too_large",
    )
    assert call(guarded, "GET", "/health").status == 200


def _raw(url: str, data: bytes) -> bytes:
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=20) as conn:
        conn.sendall(data)
        chunks = []
        while chunk := conn.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def test_a_body_longer_than_it_says_or_chunked_past_the_limit(guarded: str) -> None:
    auth = f"Authorization: Bearer {TOKEN}\r\n".encode()
    chunk = b"1000\r\n" + b"x" * 4096 + b"\r\n"
    head = (
        b"POST /v1/reports/check HTTP/1.1\r\nHost: x\r\n" + auth
        + b"Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    )  # fmt: skip
    answer = _raw(guarded, head + chunk * 3 + b"0\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]


def test_a_slow_body_is_cut_off(guarded: str) -> None:
    host, port = guarded.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=20) as conn:
        conn.sendall(
            b"POST /v1/deadlines/reply HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + TOKEN.encode()
            + b"\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"
        )
        start = time.monotonic()
        answer = conn.recv(65536)
        assert time.monotonic() - start < 15
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert call(guarded, "GET", "/health").status == 200


def test_cors_is_off_unless_configured(base: str) -> None:
    reply = call(base, "GET", "/health", headers={"Origin": "https://example.org"})
    assert "access-control-allow-origin" not in {k.lower() for k in reply.headers}
    with running(ServerSettings(cors_origins=("https://portal.example",))) as url:
        ok = call(url, "GET", "/health", headers={"Origin": "https://portal.example"})
        assert ok.headers.get("access-control-allow-origin") == "https://portal.example"
        other = call(url, "GET", "/health", headers={"Origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in {k.lower() for k in other.headers}


def test_http_client_keeps_one_connection(base: str) -> None:
    host, port = base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=20)
    for _ in range(3):
        conn.request("GET", "/health")
        assert conn.getresponse().read()
    conn.close()
