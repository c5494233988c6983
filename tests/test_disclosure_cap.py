"""A disclosure decision holds at most MAX_DECISION_EVENTS (1,000) events, like an application.

The cap bounds the replay :meth:`DisclosureDecision.record` runs and the JSON a
decision is validated from; the 1,001st event is refused with InvalidDecisionError
naming the field, JSON with more is refused by validation.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from pydantic import ValidationError

from opengov import applications
from opengov.disclosure import (
    MAX_DECISION_EVENTS,
    DecisionKind,
    DisclosureDecision,
    DraftingOpinion,
)
from opengov.errors import InvalidDecisionError

OPINION = DraftingOpinion(on=date(2026, 9, 21), proposed=DecisionKind.ON_REQUEST)


def _full() -> DisclosureDecision:
    d = DisclosureDecision.form("关于某某事项的通知", formed_on=date(2026, 9, 28))
    return DisclosureDecision.model_validate(
        {**dict(d), "events": (OPINION,) * MAX_DECISION_EVENTS}
    )


def test_the_cap_is_the_applications_cap() -> None:
    assert MAX_DECISION_EVENTS == 1000 == applications.MAX_EVENTS


def test_record_refuses_the_event_after_the_cap() -> None:
    full = _full()
    assert len(full.events) == 1000
    with pytest.raises(
        InvalidDecisionError,
        match=re.escape("events: a disclosure decision holds at most 1000 events"),
    ):
        full.record(OPINION)
    assert len(full.events) == 1000  # unchanged


def test_one_below_the_cap_still_records() -> None:
    d = DisclosureDecision.form("关于某某事项的通知", formed_on=date(2026, 9, 28))
    d = DisclosureDecision.model_validate(
        {**dict(d), "events": (OPINION,) * (MAX_DECISION_EVENTS - 1)}
    )
    assert len(d.record(OPINION).events) == MAX_DECISION_EVENTS


def test_json_with_more_events_is_refused_by_validation() -> None:
    data = _full().model_dump(mode="json")
    data["events"].append(data["events"][0])
    with pytest.raises(ValidationError, match="at most 1000 items"):
        DisclosureDecision.model_validate(data)
