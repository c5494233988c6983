"""The deadline engine's fast paths give what the plain ones give, and models stay frozen.

The engine (``opengov._engine``) builds its results without validation
(``opengov._model.trusted``) and reads the rest days of an explanation from the
calendar's index. These tests hold it to independent references: the counting
written out with the calendar's public methods (runs and excluded working days
included), the rest days from ``WorkdayCalendar.offset``, and validated rebuilds
of every result.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, PrivateAttr, ValidationError

from opengov._engine import Pause, PauseEndpoints, PauseKind, working_day_deadline
from opengov._model import FrozenModel, trusted
from opengov.applicants import ApplicantType
from opengov.applications import Application, ConsultationSent, ConsultedParty, OpinionReceived
from opengov.calendar import WorkdayCalendar, official_calendar
from opengov.calendar._core import rest_days_passed
from opengov.channels import SubmissionChannel
from opengov.citations import Citation, cite
from opengov.deadlines import (
    Deadline,
    DeadlineKind,
    DeadlineOptions,
    Explanation,
    reply_deadline,
)
from opengov.editions import Edition
from opengov.errors import CitationError

CAL = official_calendar()
# days the official data settles (2004-01-01 .. 2026-12-28), with room for a count
days_2005_2025 = st.dates(date(2005, 1, 1), date(2025, 10, 31))


def reference_count(
    cal: WorkdayCalendar, anchor: date, n: int, pauses: list[tuple[date, date]]
) -> tuple[date, list[tuple[date, int, date]], list[int]]:
    """The count written out with public calendar methods: working days after
    ``anchor``, skipping each (lo, hi] pause; (due, runs, working days per pause)."""
    cursor, remaining = anchor, n
    runs: list[tuple[date, int, date]] = []
    used = [0] * len(pauses)
    for i, (lo, hi) in sorted(enumerate(pauses), key=lambda t: t[1][0]):
        if hi <= cursor:
            continue
        lo = max(lo, cursor)
        gap = cal.working_days_between(cursor, lo)
        if gap >= remaining:
            break
        if gap:
            runs.append((cursor, gap, lo))
            remaining -= gap
        used[i] += cal.working_days_between(lo, hi)
        cursor = hi
    if remaining:
        due = cal.add_working_days(cursor, remaining)
        runs.append((cursor, remaining, due))
    else:
        due = cursor
    return due, runs, used


pause_spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 40)), max_size=3
)  # (days after the start, length in days)


@settings(max_examples=300)
@given(days_2005_2025, st.integers(1, 40), pause_spans, st.sampled_from(PauseEndpoints))
def test_the_count_matches_the_public_calendar_methods(
    start: date, n: int, spans: list[tuple[int, int]], endpoints: PauseEndpoints
) -> None:
    opts = DeadlineOptions(pause_endpoints=endpoints)
    pauses = [
        Pause(
            PauseKind.THIRD_PARTY_CONSULTATION,
            start + timedelta(days=a),
            start + timedelta(days=a + b),
            False,
            endpoints,
        )
        for a, b in spans
    ]
    dl = working_day_deadline(
        DeadlineKind.REPLY, start, n, basis=(), edition=None, options=opts, pauses=pauses
    )
    due, runs, used = reference_count(CAL, start, n, [(p.lo, p.hi) for p in pauses])
    assert dl.due == due
    assert [(r.after, r.days, r.through) for r in dl.runs] == runs
    by_start = sorted(range(len(pauses)), key=lambda i: pauses[i].lo)
    assert [e.working_days for e in dl.excluded] == [used[i] for i in by_start]
    assert sum(r.days for r in dl.runs) == n


@settings(max_examples=300)
@given(days_2005_2025, st.integers(1, 60))
def test_rest_days_passed_are_what_offset_skips(after: date, n: int) -> None:
    skipped = CAL.offset(after, n).skipped
    assert rest_days_passed(CAL, after, n) == tuple((d.day, d.name_zh, d.name_en) for d in skipped)


def test_rest_days_passed_leaves_provisional_and_uncovered_days_to_offset() -> None:
    assert rest_days_passed(CAL, date(2026, 12, 1), 30) is None  # past the settled data
    assert rest_days_passed(CAL, date(2003, 12, 1), 5) is None  # before the first notice
    assert rest_days_passed(CAL, date(2026, 9, 28), 0) is None
    # 2026-09-30 + 1 working day passes over the National Day block (10-01..10-07)
    days = rest_days_passed(CAL, date(2026, 9, 30), 1)
    assert days is not None
    assert [d for d, _, _ in days] == [date(2026, 10, i) for i in range(1, 8)]
    assert {zh for _, zh, _ in days} == {"国庆节"}


def _validated(model: BaseModel) -> BaseModel:
    return type(model).model_validate(model.model_dump())


@given(st.dates(date(2008, 5, 1), date(2025, 10, 31)), st.booleans())
def test_trusted_results_equal_validated_rebuilds(received: date, extended: bool) -> None:
    dl = reply_deadline(received, extended=extended)
    assert _validated(dl) == dl
    expl = dl.explain()
    assert _validated(expl) == expl
    assert Explanation.model_validate_json(expl.model_dump_json()) == expl


def test_an_application_deadline_with_a_pause_equals_its_validated_rebuild() -> None:
    app = Application.receive(
        SubmissionChannel.IN_PERSON,
        submitted_on=date(2026, 9, 28),
        applicant_type=ApplicantType.NATURAL_PERSON,
    )
    app = app.record(ConsultationSent(on=date(2026, 10, 9), party=ConsultedParty.THIRD_PARTY))
    app = app.record(OpinionReceived(on=date(2026, 10, 16), party=ConsultedParty.THIRD_PARTY))
    dl = app.reply_deadline()
    # By hand (2026 notice: rest 10-01..10-07, Saturday 10-10 a make-up working day):
    # days 1-4 are 09-29, 09-30, 10-08, 10-09; the consultation removes the working
    # days after sending through the opinion, 10-10 and 10-12..10-16 (6); days 5-20
    # are 10-19 .. 11-09.
    assert dl.excluded[0].working_days == 6
    assert dl.due == date(2026, 11, 9)
    assert [(r.first_day, r.days, r.through) for r in dl.runs] == [
        (1, 4, date(2026, 10, 9)),
        (5, 16, date(2026, 11, 9)),
    ]
    assert _validated(dl) == dl
    assert Deadline.model_validate_json(dl.model_dump_json()) == dl


def test_trusted_builds_without_validation_and_stays_frozen() -> None:
    class Pair(FrozenModel):
        a: int
        b: str = "x"

    p = trusted(Pair, a=1, b="y")
    assert (p.a, p.b) == (1, "y")
    assert p == Pair(a=1, b="y")
    with pytest.raises(ValidationError, match="frozen"):
        p.a = 2  # type: ignore[misc]


class _Sample(FrozenModel):
    x: int = 1


@pytest.mark.parametrize("name", ["x", "y", "_x", "_private", "__weird__"])
def test_frozen_models_refuse_every_assignment(name: str) -> None:
    obj = _Sample()
    with pytest.raises(ValidationError, match="Instance is frozen"):
        setattr(obj, name, 5)
    with pytest.raises(ValidationError, match="Instance is frozen"):
        delattr(obj, name)
    assert obj == _Sample()
    assert not hasattr(obj, "_x")


def test_a_public_model_refuses_a_private_attribute() -> None:
    dl = reply_deadline(date(2026, 9, 28))
    with pytest.raises(ValidationError, match="Instance is frozen"):
        dl._cache = 1
    with pytest.raises(ValidationError, match="Instance is frozen"):
        dl.due = date(2026, 1, 1)  # type: ignore[misc]


def test_a_declared_private_attribute_is_refused_too() -> None:
    app = Application.receive(
        SubmissionChannel.IN_PERSON,
        submitted_on=date(2026, 9, 28),
        applicant_type=ApplicantType.NATURAL_PERSON,
    )
    due = app.reply_deadline().due
    with pytest.raises(ValidationError, match="Instance is frozen"):
        app._state = None
    assert app.reply_deadline().due == due == date(2026, 10, 30)


def test_trusted_gives_private_attributes_their_defaults() -> None:
    class Kept(FrozenModel):
        a: int
        _memo: dict[str, int] = PrivateAttr(default_factory=dict)

    kept = trusted(Kept, a=1)
    assert kept.__pydantic_private__ == {"_memo": {}}
    assert kept.__pydantic_private__ == Kept(a=1).__pydantic_private__
    assert trusted(_Sample, x=2).__pydantic_private__ is None


def test_cite_shares_one_value_per_string_and_still_refuses_bad_input() -> None:
    a = cite("ogi-2019:33.2")
    assert a is cite("ogi-2019:33.2")
    assert a == Citation.parse("ogi-2019:33.2")
    with pytest.raises(CitationError, match="cannot parse citation"):
        cite("ogi-2019:")
    with pytest.raises(CitationError, match="a citation string is needed"):
        cite(["ogi-2019:33.2"])  # type: ignore[arg-type]


def test_explanation_of_a_provisional_deadline_still_warns() -> None:
    from opengov.errors import ProvisionalCalendarWarning

    opts = DeadlineOptions(provisional=True)
    with pytest.warns(ProvisionalCalendarWarning, match="provisional"):
        dl = reply_deadline(date(2027, 3, 1), options=opts)
    with pytest.warns(ProvisionalCalendarWarning, match="provisional"):
        steps = dl.explain().steps
    assert dl.edition is Edition.REG_2019
    assert steps[-1].end == dl.due


def test_trusted_is_the_one_way_around_validation_and_the_guards() -> None:
    """No ``model_construct``, no ``model_copy`` (whose ``update=`` skips
    validation), and ``object.__setattr__`` only where the two guards set values."""
    src = Path(__file__).parent.parent / "src" / "opengov"
    allowed = {src / "_model.py", src / "calendar" / "_records.py"}
    for path in sorted(src.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "model_construct(" not in text, path
        assert ".model_copy(" not in text, path
        if path not in allowed:
            assert "object.__setattr__" not in text, path
