"""The statute book, disclosure decisions and catalogue records over HTTP.

Each test talks to a real uvicorn on a loopback port (tests/server_support.py).
Periods are those of the texts (行政诉讼法 1989 Art. 39: three months; 2014
amendment, in force 2015-05-01, Art. 46: six months; Regulation 2019 Art. 26: 20
working days); dates are counted by hand from the 2026 holiday notice (国庆节
10月1日至7日, 9月20日、10月10日上班).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from opengov.server import ServerSettings
from server_support import call, running
from test_server import problem_of


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with running(ServerSettings()) as url:
        yield url


# -- the statute book ------------------------------------------------------------------------


def test_the_book_lists_every_parameter_with_dated_cited_values(base: str) -> None:
    body = call(base, "GET", "/v1/law").json()
    assert body["data"]["calendar_id"]
    book = {p["name"]: p for p in body["parameters"]}
    # Art. 33 para. 2 (2019): 20 working days; 2007 Art. 24: 15
    reply = book["ogi.reply_days"]
    assert reply["unit"] == "working_days"
    assert [(v["since"], v["value"]) for v in reply["values"]] == [
        ("2008-05-01", 15),
        ("2019-05-15", 20),
    ]
    assert reply["values"][1]["basis"][0]["citation"] == "ogi-2019:33.2"
    assert (
        reply["values"][1]["basis"][0]["zh"] == "《中华人民共和国政府信息公开条例》第三十三条第二款"
    )
    assert reply["values"][1]["evidence"] == "verified"
    for p in body["parameters"]:
        days = [v["since"] for v in p["values"]]
        assert days == sorted(days), p["name"]
        for v in p["values"]:
            assert v["evidence"] in ("verified", "partly_verified", "recalled")
            assert v["basis"] or (v["value"] is None and v["note"]), p["name"]


def test_the_value_in_force_on_a_day(base: str) -> None:
    before = call(base, "GET", "/v1/law/litigation.period_months?on=2014-06-03").json()
    assert before["on"] == "2014-06-03"
    assert before["in_force"]["value"] == 3  # 行政诉讼法 1989 Art. 39
    assert before["in_force"]["basis"][0]["citation"] == "admin-litigation-1989:39"
    assert before["parameter"]["unit"] == "months"
    after = call(base, "GET", "/v1/law/litigation.period_months?on=2015-05-01").json()
    assert after["in_force"]["value"] == 6  # the 2014 amendment, from 2015-05-01
    whole = call(base, "GET", "/v1/law/litigation.period_months").json()
    assert whole["in_force"] is None
    assert [v["value"] for v in whole["parameter"]["values"]] == [3, 6]
    # the day an instrument took effect: 行政复议法 (2023 revision) from 2024-01-01
    review = call(base, "GET", "/v1/law/in_force.admin-reconsideration-2023?on=2024-01-01")
    assert review.json()["in_force"]["value"] is True


def test_before_the_first_day_and_unknown_names_are_problems(base: str) -> None:
    body = problem_of(
        call(base, "GET", "/v1/law/litigation.period_months?on=2008-04-30"),
        422,
        "law_not_in_force",
    )
    assert body["field"] == "on"
    assert "2008-05-01" in body["detail"]
    missing = problem_of(call(base, "GET", "/v1/law/no.such_parameter"), 404, "unknown_code")
    assert missing["field"] == "name"
    assert "litigation.period_months" in missing["detail"]  # the known names
    problem_of(call(base, "GET", "/v1/law/Bad%20Name"), 422, "invalid_input")
    problem_of(call(base, "GET", "/v1/law/ogi.reply_days?on=2019-02-30"), 422, "invalid_input")


# -- disclosure decisions ----------------------------------------------------------------------

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
PUBLISHED = {**DECISION, "events": [*DECISION["events"], {"kind": "published", "on": "2026-10-12"}]}


def _decide(base: str, decision: dict[str, Any], **extra: Any) -> Any:
    return call(base, "POST", "/v1/disclosure/decision", {"decision": decision, **extra})


def test_published_in_time(base: str) -> None:
    body = _decide(base, PUBLISHED, as_of="2026-10-20").json()
    assert body["decided"] == "proactive"
    assert body["proactive_item"] == "rules_and_normative_documents"  # Art. 20(1)
    # Art. 26: 20 working days from 9-28: 9-29, 9-30, 10-8, 10-9, 10-10 (Sat, worked),
    # then three weeks of five: the 20th is Friday 10-30
    deadline = body["publication_deadline"]["deadline"]
    assert (deadline["kind"], deadline["due"]) == ("proactive_disclosure", "2026-10-30")
    assert deadline["basis"][0] == {"instrument": "ogi-2019", "article": 26, "paragraph": None,
                                    "item": None}  # fmt: skip
    assert body["publication_deadline"]["explanation"]["title_zh"].startswith("主动公开期限")
    # published 10-12: 9-29, 9-30, 10-8, 10-9, 10-10, 10-12 → 6 working days
    t = body["timeliness"]
    assert (t["published_on"], t["working_days_elapsed"], t["late"]) == ("2026-10-12", 6, False)
    assert t["working_days_late"] == 0
    assert body["reevaluation"] is None
    assert body["as_of"] == "2026-10-20"
    assert body["data"]["calendar_last_day"] == "2026-12-28"


def test_unpublished_after_the_due_day_is_late(base: str) -> None:
    t = _decide(base, DECISION, as_of="2026-11-03").json()["timeliness"]
    # due Friday 10-30; 10-31 Sat, 11-01 Sun, 11-02 Mon, 11-03 Tue: 2 working days late
    assert (t["published_on"], t["late"], t["working_days_late"]) == (None, True, 2)
    assert t["working_days_elapsed"] == 22


def test_withheld_information_and_its_reevaluation(base: str) -> None:
    withheld = {
        "title": "某专项工作方案",
        "formed_on": "2025-08-20",
        "events": [
            {"kind": "drafting_opinion", "on": "2025-08-20", "proposed": "withheld",
             "grounds": ["state_secret"]},
            {"kind": "approved", "on": "2025-08-31", "decision": "withheld",
             "grounds": ["state_secret"]},
        ],
    }  # fmt: skip
    body = _decide(base, withheld, as_of="2026-03-02", reevaluation_interval_months=6).json()
    assert (body["decided"], body["grounds"]) == ("withheld", ["state_secret"])
    assert body["publication_deadline"] is None  # nothing to publish: Art. 26 does not apply
    assert body["timeliness"] is None
    # 6 months after 2025-08-31: February has no 31st, so its last day (Civil Code Art. 202)
    r = body["reevaluation"]
    assert (r["due"], r["last_evaluated"], r["interval_months"]) == ("2026-02-28", "2025-08-31", 6)
    assert r["overdue"] is True
    assert [c["article"] for c in r["basis"]] == [18, 202]
    # no interval given: no re-evaluation day
    assert _decide(base, withheld, as_of="2026-03-02").json()["reevaluation"] is None


def test_refused_trails_are_conflicts_naming_the_field(base: str) -> None:
    no_grounds = {
        **DECISION,
        "document_kind": "other",
        "events": [{"kind": "approved", "on": "2026-09-25", "decision": "withheld", "item": 3}],
    }
    body = problem_of(_decide(base, no_grounds), 409, "invalid_decision")
    assert body["field"] == "decision.approved.grounds"
    assert "grounds" in body["detail"]
    # a withheld absolute ground (Art. 14) is never published
    secret = {
        **DECISION,
        "document_kind": "other",
        "events": [
            {"kind": "approved", "on": "2026-09-25", "decision": "withheld",
             "grounds": ["state_secret"]},
            {"kind": "published", "on": "2026-10-12"},
        ],
    }  # fmt: skip
    assert problem_of(_decide(base, secret), 409, "invalid_decision")["field"] == (
        "decision.published"
    )
    # events out of date order
    late_review = {**DECISION, "events": [DECISION["events"][1], DECISION["events"][0]]}
    body = problem_of(_decide(base, late_review), 409, "invalid_decision")
    assert body["field"] == "decision.drafting_opinion.on"
    # decisions are modelled under the 2019 edition (in force 2019-05-15)
    old = {**DECISION, "formed_on": "2019-05-14", "events": []}
    body = problem_of(_decide(base, old), 409, "invalid_decision")
    assert body["field"] == "decision.formed_on"


def test_malformed_decisions_are_unprocessable(base: str) -> None:
    odd = {**DECISION, "events": [{"kind": "shredded", "on": "2026-09-25"}]}
    problem_of(_decide(base, odd), 422, "invalid_input")
    body = problem_of(_decide(base, DECISION, reevaluation_interval_months=0), 422, "invalid_input")
    assert body["field"] == "reevaluation_interval_months"
    problem_of(_decide(base, DECISION, provisional="yes"), 422, "invalid_input")


def test_a_deadline_after_the_official_data_needs_provisional(base: str) -> None:
    december = {**DECISION, "formed_on": "2026-12-21", "events": []}
    body = problem_of(_decide(base, december, as_of="2026-12-22"), 422, "calendar_coverage")
    assert "provisional" in body["detail"]
    flagged = _decide(base, december, as_of="2026-12-22", provisional=True).json()
    assert flagged["publication_deadline"]["deadline"]["provisional"] is True


# -- catalogue records ---------------------------------------------------------------------------

# The metadata block of 国发〔2018〕43号 as www.gov.cn prints it (tests/data/catalogue).
GOVCN = (
    "索 引 号：000014349/2018-00222   主题分类：卫生、体育\\医药管理\n"
    "发文机关：国务院   成文日期：2018年12月21日\n"
    "发文字号：国发〔2018〕43号   发布日期：2018年12月29日"
)


def test_a_catalogue_block_is_read(base: str) -> None:
    body = call(base, "POST", "/v1/catalogue/parse", {"text": GOVCN}).json()
    r = body["record"]
    assert (r["index_no"], r["publisher"], r["doc_number"]) == (
        "000014349/2018-00222",
        "国务院",
        "国发〔2018〕43号",
    )
    assert (r["formed_on"], r["published_on"]) == ("2018-12-21", "2018-12-29")
    assert r["uscc_check"] == "no_uscc"
    assert body["data"]["calendar_id"]
    # a 索引号 that begins with 榆林市医疗保障局's 统一社会信用代码 (see the fixtures' README)
    yulin = call(
        base, "POST", "/v1/catalogue/parse", {"text": "索引号：11610800MB2964997P/2024-00022"}
    ).json()["record"]
    assert (yulin["uscc"], yulin["uscc_check"]) == ("11610800MB2964997P", "valid")


def test_catalogue_refusals_name_the_field(base: str) -> None:
    wrong = problem_of(
        call(base, "POST", "/v1/catalogue/parse", {"text": "索引号：11610800MB2964997X/2024-1"}),
        422,
        "catalogue_parse",
    )
    assert wrong["field"] == "index_no"
    day = problem_of(
        call(base, "POST", "/v1/catalogue/parse", {"text": "索引号：1\n成文日期：2024年2月30日"}),
        422,
        "catalogue_parse",
    )
    assert day["field"] == "formed_on"
    nothing = problem_of(
        call(base, "POST", "/v1/catalogue/parse", {"text": "no labels here"}),
        422,
        "catalogue_parse",
    )
    assert nothing["field"] == "text"
    long = problem_of(
        call(base, "POST", "/v1/catalogue/parse", {"text": "x" * 200_001}), 422, "invalid_input"
    )
    assert long["field"] == "text"
    problem_of(call(base, "POST", "/v1/catalogue/parse", {"text": 3}), 422, "invalid_input")
