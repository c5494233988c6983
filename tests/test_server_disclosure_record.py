"""Recording one more event on a disclosure decision's trail over HTTP.

``POST /v1/disclosure/record`` is to a decision what ``/v1/applications/record`` is
to an application: a trail plus one event gives the new decision with everything
it gives rise to, or a 409 problem naming the field the library refused. Each test
talks to a real uvicorn on a loopback port (tests/server_support.py). Dates are
counted by hand from the 2026 holiday notice (国庆节10月1日至7日放假, 10月10日上班;
no rest day but weekends in November).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from opengov.server import ServerSettings
from server_support import call, running
from test_server import problem_of

# A 规范性文件 formed (signed) on Monday 2026-09-28, reviewed and approved before it.
DECISION: dict[str, Any] = {
    "title": "关于印发某某管理办法的通知",
    "formed_on": "2026-09-28",
    "document_kind": "normative_document",
    "events": [
        {"kind": "drafting_opinion", "on": "2026-09-21", "proposed": "proactive", "item": 1},
        {"kind": "confidentiality_review", "on": "2026-09-22", "outcome": "no_secret"},
        {"kind": "approved", "on": "2026-09-25", "decision": "proactive", "item": 1},
    ],
}
PUBLISHED = {"kind": "published", "on": "2026-10-12"}


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with running(ServerSettings()) as url:
        yield url


def _record(base: str, decision: dict[str, Any], event: dict[str, Any], **extra: Any) -> Any:
    return call(
        base, "POST", "/v1/disclosure/record", {"decision": decision, "event": event, **extra}
    )


def test_publication_recorded_in_time(base: str) -> None:
    body = _record(base, DECISION, PUBLISHED, as_of="2026-10-20").json()
    assert [e["kind"] for e in body["decision"]["events"]] == [
        "drafting_opinion",
        "confidentiality_review",
        "approved",
        "published",
    ]
    assert (body["decided"], body["published_on"]) == ("proactive", "2026-10-12")
    # Art. 26: 20 working days from Mon 9-28: 9-29, 9-30, 10-8, 10-9, 10-10 (Sat,
    # worked), then three weeks of five: the 20th is Friday 10-30
    assert body["publication_deadline"]["deadline"]["due"] == "2026-10-30"
    # published 10-12: 9-29, 9-30, 10-8, 10-9, 10-10, 10-12 → 6 working days
    t = body["timeliness"]
    assert (t["working_days_elapsed"], t["working_days_late"], t["late"]) == (6, 0, False)
    assert body["as_of"] == "2026-10-20"
    assert body["data"]["calendar_id"]


def test_the_new_decision_records_the_next_event_too(base: str) -> None:
    published = _record(base, DECISION, PUBLISHED).json()["decision"]
    body = _record(base, published, {"kind": "changed", "on": "2026-11-02"}, as_of="2026-11-03")
    changed = body.json()
    # a change reopens the decision and Art. 26 runs again from Mon 11-02:
    # 11-03..06 (4), 11-09..13 (9), 11-16..20 (14), 11-23..27 (19), Mon 11-30 (20)
    assert (changed["decided"], changed["published_on"]) == (None, None)
    assert changed["publication_start"] == "2026-11-02"
    assert changed["publication_deadline"]["deadline"]["due"] == "2026-11-30"
    assert (changed["timeliness"]["working_days_elapsed"], changed["timeliness"]["late"]) == (
        1,
        False,
    )


def test_a_reevaluation_with_the_agencys_interval(base: str) -> None:
    withheld = {
        "title": "某专项工作方案",
        "formed_on": "2025-08-20",
        "events": [
            {"kind": "approved", "on": "2025-08-31", "decision": "withheld",
             "grounds": ["state_secret"]},
        ],
    }  # fmt: skip
    body = _record(
        base,
        withheld,
        {"kind": "reevaluated", "on": "2026-02-27", "still_withheld": True},
        as_of="2026-03-02",
        reevaluation_interval_months=6,
    ).json()
    assert (body["decided"], body["grounds"]) == ("withheld", ["state_secret"])
    # six months after the re-evaluation of 2026-02-27: 2026-08-27, not yet due
    r = body["reevaluation"]
    assert (r["due"], r["last_evaluated"], r["overdue"]) == ("2026-08-27", "2026-02-27", False)


def test_refused_events_are_conflicts_naming_the_field(base: str) -> None:
    before = problem_of(
        _record(base, DECISION, {"kind": "published", "on": "2026-09-27"}), 409, "invalid_decision"
    )
    assert before["field"] == "event.on"
    assert "2026-09-27 is before the information was formed (2026-09-28)" in before["detail"]
    assert before["instance"] == "/v1/disclosure/record"
    order = problem_of(
        _record(base, DECISION, {"kind": "drafting_opinion", "on": "2026-09-24",
                                 "proposed": "proactive", "item": 1}),
        409,
        "invalid_decision",
    )  # fmt: skip
    assert order["field"] == "event.on"
    assert "before the last event (2026-09-25)" in order["detail"]
    again = problem_of(
        _record(base, DECISION, {"kind": "approved", "on": "2026-09-26", "decision": "proactive",
                                 "item": 1}),
        409,
        "invalid_decision",
    )  # fmt: skip
    assert again["field"] == "event"
    assert "approved on 2026-09-25" in again["detail"]
    fresh = {**DECISION, "document_kind": "other", "events": []}
    grounds = problem_of(
        _record(base, fresh, {"kind": "approved", "on": "2026-09-25", "decision": "withheld"}),
        409,
        "invalid_decision",
    )
    assert grounds["field"] == "event.grounds"


def test_the_trail_cap_names_the_decisions_events(base: str) -> None:
    opinion = {"kind": "drafting_opinion", "on": "2026-09-21", "proposed": "on_request"}
    full = {**DECISION, "document_kind": "other", "events": [opinion] * 1000}
    body = problem_of(_record(base, full, opinion), 409, "invalid_decision")
    assert body["field"] == "decision.events"
    assert "at most 1000 events" in body["detail"]


def test_a_trail_that_does_not_replay_and_malformed_events(base: str) -> None:
    late_review = {**DECISION, "events": [DECISION["events"][1], DECISION["events"][0]]}
    body = problem_of(_record(base, late_review, PUBLISHED), 409, "invalid_decision")
    assert body["field"] == "decision.drafting_opinion.on"
    odd = problem_of(
        _record(base, DECISION, {"kind": "shredded", "on": "2026-10-12"}), 422, "invalid_input"
    )
    assert odd["field"] == "event"
    problem_of(
        _record(base, DECISION, {"kind": "published", "on": "2026-10-32"}), 422, "invalid_input"
    )
    problem_of(_record(base, DECISION, PUBLISHED, provisional="yes"), 422, "invalid_input")


# -- statuses: by the error's code, never its message ----------------------------------------


def test_the_status_follows_the_error_code_not_its_message() -> None:
    from opengov.errors import InvalidDecisionError, InvalidEventError, UnknownCodeError
    from opengov.server._app import status_of

    assert status_of(InvalidEventError("x")) == 409
    assert status_of(InvalidDecisionError("x")) == 409
    # an unknown code in a body is unprocessable input, whatever its message says
    # (before, a message with "vocabulary" near its start made it a 404)
    assert status_of(UnknownCodeError("unknown vocabulary code 'x' in a request body")) == 422
    assert status_of(UnknownCodeError("unknown DecisionKind code 'x'")) == 422


def test_unknown_names_in_the_path_are_404_naming_the_field(base: str) -> None:
    for path in ("/v1/vocabulary/NoSuch", "/v1/schemas/NoSuch", "/v1/law/no.such"):
        body = problem_of(call(base, "GET", path), 404, "unknown_code")
        assert body["field"] == "name"
        assert "'no" in body["detail"].lower()
