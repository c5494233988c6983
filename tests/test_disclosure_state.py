"""A disclosure decision keeps the state its trail replays to, like an application.

The state is built once: :meth:`DisclosureDecision.record` forks the state of the
decision it extends and applies the one new event; validation from JSON replays
the trail once; queries never replay. The state is not a field (not in the JSON,
the equality or the hash); copies and pickles answer like the original.

The worked trail (counted by hand on the State Council notice for 2026: National
Day 10-01 to 10-07 off, Saturday 10-10 a working day): a 规范性文件 formed Mon
2026-09-28 is due 20 working days later: 09-29 (1), 09-30 (2), 10-08 (3), 10-09 (4),
Sat 10-10 (5), 10-12..16 (10), 10-19..23 (15), 10-26..30 (20) → Fri 10-30.
"""

from __future__ import annotations

import copy
import pickle
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opengov import disclosure
from opengov.disclosure import (
    Approved,
    Changed,
    ConfidentialityReview,
    DecisionKind,
    DisclosureDecision,
    DocumentKind,
    DraftingOpinion,
    Published,
    Reevaluated,
    Repealed,
    ReviewOutcome,
)
from opengov.errors import InvalidDecisionError, OpenGovError
from opengov.exemptions import ExemptionGround

D = date.fromisoformat


def approved() -> DisclosureDecision:
    d = DisclosureDecision.form(
        "某市财政局关于印发某某资金管理办法的通知",
        formed_on=D("2026-09-28"),
        document_kind=DocumentKind.NORMATIVE_DOCUMENT,
    )
    d = d.record(DraftingOpinion(on=D("2026-09-21"), proposed=DecisionKind.PROACTIVE, item=1))
    d = d.record(ConfidentialityReview(on=D("2026-09-22"), outcome=ReviewOutcome.NO_SECRET))
    return d.record(Approved(on=D("2026-09-25"), decision=DecisionKind.PROACTIVE, item=1))


def published() -> DisclosureDecision:
    return approved().record(Published(on=D("2026-10-12")))


def answers(d: DisclosureDecision) -> tuple[Any, ...]:
    deadline = d.publication_deadline()
    return (
        d.decision,
        d.grounds,
        d.proactive_item,
        d.published_on,
        d.repealed_on,
        d.publication_start,
        None if deadline is None else deadline.due,
    )


@pytest.fixture
def applied(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The kinds of the events the decisions' states apply, in order."""
    seen: list[str] = []
    apply = disclosure._Replay.apply

    def counting(self: Any, e: Any) -> None:
        seen.append(e.kind)
        apply(self, e)

    monkeypatch.setattr(disclosure._Replay, "apply", counting)
    return seen


def test_the_state_is_not_a_field_and_equal_trails_are_equal() -> None:
    built = published()
    again = DisclosureDecision.model_validate_json(built.model_dump_json())
    assert again == built
    assert hash(again) == hash(built)
    assert "_state" not in DisclosureDecision.model_json_schema()["properties"]
    assert "_state" not in built.model_dump()
    assert answers(built) == answers(again)
    assert built.publication_deadline().due == D("2026-10-30")  # type: ignore[union-attr]
    assert built.published_on == D("2026-10-12")


def test_record_applies_only_the_new_event(applied: list[str]) -> None:
    d = published()
    applied.clear()
    changed = d.record(Changed(on=D("2026-11-02")))
    assert applied == ["changed"]
    # queries read the kept state: nothing is applied again
    assert changed.publication_start == D("2026-11-02")
    assert changed.published_on is None
    assert changed.decision is None  # reopened until a new approval
    assert applied == ["changed"]


def test_json_round_trip_replays_once(applied: list[str]) -> None:
    text = published().model_dump_json()
    applied.clear()
    again = DisclosureDecision.model_validate_json(text)
    assert applied == [
        "drafting_opinion",
        "confidentiality_review",
        "approved",
        "published",
    ]
    answers(again)
    again.timeliness()
    assert len(applied) == 4


def test_forks_never_share_changes() -> None:
    parent = approved()
    a = parent.record(Published(on=D("2026-10-12")))
    b = parent.record(Changed(on=D("2026-10-09")))
    assert (parent.published_on, parent.publication_start) == (None, D("2026-09-28"))
    assert (a.published_on, a.publication_start) == (D("2026-10-12"), D("2026-09-28"))
    assert (b.published_on, b.publication_start) == (None, D("2026-10-09"))
    assert (parent.decision, a.decision, b.decision) == (
        DecisionKind.PROACTIVE,
        DecisionKind.PROACTIVE,
        None,
    )


def test_a_refused_event_leaves_the_kept_state_as_it_was() -> None:
    d = approved()
    before = answers(d)
    with pytest.raises(InvalidDecisionError, match=r"published\.on: 2026-09-27 is before"):
        d.record(Published(on=D("2026-09-27")))
    with pytest.raises(InvalidDecisionError, match=r"approved: the decision was approved"):
        d.record(Approved(on=D("2026-09-26"), decision=DecisionKind.PROACTIVE, item=1))
    assert answers(d) == before
    assert d.record(Published(on=D("2026-10-12"))).published_on == D("2026-10-12")


def test_copies_and_pickles_answer_like_the_original(applied: list[str]) -> None:
    d = published()
    for other in (copy.copy(d), copy.deepcopy(d), pickle.loads(pickle.dumps(d))):
        assert other == d
        assert hash(other) == hash(d)
        applied.clear()
        assert answers(other) == answers(d)
        assert len(applied) <= 4  # a copy has its own fields: it replays at most once
        answers(other)
        assert len(applied) <= 4
        assert other.record(Changed(on=D("2026-11-02"))).publication_start == D("2026-11-02")


def test_model_copy_with_update_replays_and_checks_its_trail() -> None:
    # model_copy(update=...) skips validation; the kept state is not trusted for it
    d = published()
    shorter = d.model_copy(update={"events": d.events[:2]})
    assert shorter.decision is None
    assert shorter.published_on is None
    wrong = d.model_copy(update={"events": (*d.events, Published(on=D("2026-10-01")))})
    with pytest.raises(InvalidDecisionError, match=r"published\.on: 2026-10-01 is before"):
        _ = wrong.published_on


# -- property: what the kept state answers is what a replay from JSON answers ------------


def _event(kind: str, on: date) -> Any:
    makers: dict[str, Any] = {
        "opinion": lambda: DraftingOpinion(on=on, proposed=DecisionKind.PROACTIVE, item=1),
        "opinion_withheld": lambda: DraftingOpinion(
            on=on, proposed=DecisionKind.WITHHELD, grounds=(ExemptionGround.STATE_SECRET,)
        ),
        "review": lambda: ConfidentialityReview(on=on, outcome=ReviewOutcome.NO_SECRET),
        "review_secret": lambda: ConfidentialityReview(on=on, outcome=ReviewOutcome.STATE_SECRET),
        "approve": lambda: Approved(on=on, decision=DecisionKind.PROACTIVE, item=1),
        "withhold": lambda: Approved(
            on=on,
            decision=DecisionKind.WITHHELD,
            grounds=(ExemptionGround.STATE_SECRET,),
        ),
        "publish": lambda: Published(on=on),
        "change": lambda: Changed(on=on),
        "reevaluate": lambda: Reevaluated(on=on, still_withheld=False),
        "keep_withheld": lambda: Reevaluated(on=on, still_withheld=True),
        "repeal": lambda: Repealed(on=on),
    }
    return makers[kind]()


KINDS = [
    "opinion",
    "opinion_withheld",
    "review",
    "review_secret",
    "approve",
    "withhold",
    "publish",
    "change",
    "reevaluate",
    "keep_withheld",
    "repeal",
]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(KINDS), st.integers(-2, 20)), max_size=12))
def test_recorded_trails_answer_like_their_json_replay(steps: list[tuple[str, int]]) -> None:
    d = DisclosureDecision.form(
        "关于印发某某办法的通知",
        formed_on=D("2026-03-02"),
        document_kind=DocumentKind.NORMATIVE_DOCUMENT,
    )
    on = D("2026-02-20")
    for kind, gap in steps:
        on = min(on + timedelta(days=gap), D("2026-11-30"))
        before = d.model_dump_json()
        kept = answers(d)
        try:
            d = d.record(_event(kind, on))
        except OpenGovError:
            # refused: the decision and the state kept with it are unchanged
            assert d.model_dump_json() == before
            assert answers(d) == kept
    again = DisclosureDecision.model_validate_json(d.model_dump_json())
    assert again == d
    assert answers(again) == answers(d)
