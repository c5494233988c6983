"""Junk into every public entry point of proactive disclosure: only opengov errors out."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from opengov import (
    Approved,
    ConfidentialityReview,
    DecisionKind,
    DisclosureDecision,
    DocumentKind,
    ExemptionGround,
    OpenGovError,
    ReviewOutcome,
    build_disclosure_table,
    parse_catalogue_record,
)

BASE = DisclosureDecision.form("x", formed_on=date(2026, 9, 28), document_kind=DocumentKind.RULE)
BASE = BASE.record(ConfidentialityReview(on=date(2026, 9, 28), outcome=ReviewOutcome.NO_SECRET))
WITHHELD = DisclosureDecision.form("y", formed_on=date(2026, 9, 28))
WITHHELD = WITHHELD.record(
    ConfidentialityReview(on=date(2026, 9, 28), outcome=ReviewOutcome.NO_SECRET)
)
WITHHELD = WITHHELD.record(
    Approved(
        on=date(2026, 9, 29),
        decision=DecisionKind.WITHHELD,
        grounds=(ExemptionGround.INTERNAL_AFFAIRS,),
    )
)

CALLS: dict[str, Callable[[Any], object]] = {
    "parse_catalogue_record": parse_catalogue_record,
    "parse_catalogue_record(require)": lambda x: parse_catalogue_record(
        "索引号：1", require_uscc_check=x
    ),
    "form(title)": lambda x: DisclosureDecision.form(x, formed_on=date(2026, 9, 28)),
    "form(formed_on)": lambda x: DisclosureDecision.form("x", formed_on=x),
    "form(kind)": lambda x: DisclosureDecision.form(
        "x", formed_on=date(2026, 9, 28), document_kind=x
    ),
    "form(period)": lambda x: DisclosureDecision.form("x", formed_on=date(2026, 9, 28), period=x),
    "record": lambda x: BASE.record(x),
    "record(on)": lambda x: BASE.record({"kind": "published", "on": x}),
    "record(item)": lambda x: BASE.record(
        {"kind": "approved", "on": "2026-09-29", "decision": "proactive", "item": x}
    ),
    "record(grounds)": lambda x: BASE.record(
        {"kind": "approved", "on": "2026-09-29", "decision": "withheld", "grounds": x}
    ),
    "timeliness(as_of)": lambda x: BASE.timeliness(x),
    "reevaluation_due(interval)": lambda x: WITHHELD.reevaluation_due(x),
    "reevaluation_due(as_of)": lambda x: WITHHELD.reevaluation_due(12, as_of=x),
    "build_disclosure_table(records)": lambda x: build_disclosure_table(x, 2024),
    "build_disclosure_table(year)": lambda x: build_disclosure_table([], x),
}

junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=50),
    st.binary(max_size=20),
    st.dates(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


def _call(name: str, value: object) -> None:
    with contextlib.suppress(OpenGovError, ValidationError):
        CALLS[name](value)


@settings(deadline=None, max_examples=80)
@given(junk)
def test_junk_raises_only_opengov_or_validation_errors(value: object) -> None:
    for name in CALLS:
        _call(name, value)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_classic_junk(name: str) -> None:
    classic: tuple[object, ...] = (None, True, 1.5, "", b"x", [], {}, 10**50, -1, date.max)
    for value in (*classic, date.min, "１２"):
        _call(name, value)
