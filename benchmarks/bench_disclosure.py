"""Disclosure decisions as a document system records them, against rebuilding the trail.

Two measurements, in one run:

- building a trail of N events with ``DisclosureDecision.record`` (N = 10, 100,
  1000: the drafting opinion, the review and the approval, publication, then
  changes, each reviewed, approved and published again): the cost of one
  ``record`` should not grow with N. The comparison column is what a document
  system without ``record`` would do: validate the decision again from its whole
  trail plus the new event (``model_validate``, which replays every event), the
  way ``record`` itself worked before it kept its state;
- reading a trail of 1,000 events from JSON (replayed once), and the queries a
  document system asks afterwards (the publication deadline), which read the kept
  state.

Run: ``python benchmarks/bench_disclosure.py`` (or ``make bench``);
``OPENGOV_BENCH_QUICK=1`` makes it a smoke run (see ``_quick.py``).
"""

from __future__ import annotations

import time
import timeit
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from _quick import scaled
from opengov.disclosure import (
    Approved,
    Changed,
    ConfidentialityReview,
    DecisionKind,
    DisclosureDecision,
    DocumentKind,
    DraftingOpinion,
    Published,
    ReviewOutcome,
)

FORMED = date(2026, 3, 2)
PROACTIVE = DecisionKind.PROACTIVE


def best_cpu(fn: Callable[[], object], repeat: int) -> float:
    """Best-of-``repeat`` CPU seconds of this (one-threaded) process for one call."""
    return min(timeit.repeat(fn, number=1, repeat=scaled(repeat), timer=time.process_time))


def form() -> DisclosureDecision:
    return DisclosureDecision.form(
        "某市财政局关于印发某某资金管理办法的通知",
        formed_on=FORMED,
        document_kind=DocumentKind.NORMATIVE_DOCUMENT,
    )


def event(i: int) -> Any:
    """Event i of the trail: opinion, then (review, approval, publication, change) cycles."""
    on = FORMED + timedelta(days=i // 4)  # a cycle a day: 1,000 events end in November
    if i == 0:
        return DraftingOpinion(on=on, proposed=PROACTIVE, item=1)
    step = (i - 1) % 4
    if step == 0:
        return ConfidentialityReview(on=on, outcome=ReviewOutcome.NO_SECRET)
    if step == 1:
        return Approved(on=on, decision=PROACTIVE, item=1)
    if step == 2:
        return Published(on=on)
    return Changed(on=on)


def trail(n: int) -> DisclosureDecision:
    d = form()
    for i in range(n):
        d = d.record(event(i))
    return d


def rebuilt(n: int) -> DisclosureDecision:
    """The same trail, validating the whole decision again at every event."""
    d = form()
    fields = dict(d)
    for i in range(n):
        d = DisclosureDecision.model_validate({**fields, "events": (*d.events, event(i))})
    return d


def stretches(n: int, repeat: int) -> tuple[float, float]:
    """Best mean µs of one record() over the first and the last tenth of n events."""
    firsts, lasts = [], []
    tenth = max(n // 10, 1)
    events = [event(i) for i in range(n)]
    for _ in range(repeat):
        d = form()
        spent = [0.0] * n
        for i, e in enumerate(events):
            t0 = time.process_time()
            d = d.record(e)
            spent[i] = time.process_time() - t0
        firsts.append(sum(spent[:tenth]) / tenth * 1e6)
        lasts.append(sum(spent[-tenth:]) / tenth * 1e6)
    return min(firsts), min(lasts)


def build_rows() -> None:
    print(f"{'building a trail of N events':<40} {'cpu ms':>8} {'µs/event':>9} "
          f"{'vs N=10':>8} {'rebuild ÷ this':>15}")  # fmt: skip
    trail(10)  # warm the event types
    per10 = 0.0
    for n in (10, 100, 1000):
        n_run = scaled(n, min(n, 10))
        ours = best_cpu(lambda n_run=n_run: trail(n_run), repeat=5)  # type: ignore[misc]
        ref = best_cpu(lambda n_run=n_run: rebuilt(n_run), repeat=3 if n < 1000 else 1)  # type: ignore[misc]
        per = ours / n_run * 1e6
        per10 = per10 or per
        print(f"{'record() x ' + str(n):<40} {ours * 1e3:>8.2f} {per:>9.1f} "
              f"{per / per10:>7.2f}x {ref / ours:>14.1f}x")  # fmt: skip
    n = scaled(1000, 20)
    first, last = stretches(n, scaled(5))
    head, tail = f"1-{n // 10} of {n}", f"{n - n // 10 + 1}-{n} of {n}"
    print(f"{'one record(), events ' + head:<40} {'':>8} {first:>9.1f}")
    print(f"{'one record(), events ' + tail:<40} {'':>8} {last:>9.1f} "
          f"{last / first:>7.2f}x")  # fmt: skip


def read_rows() -> None:
    d = trail(scaled(1000, 10))
    text = d.model_dump_json()
    load = best_cpu(lambda: DisclosureDecision.model_validate_json(text), repeat=5)
    print(f"{'model_validate_json, 1000 events':<40} {load * 1e3:>8.2f}")
    number = scaled(2_000, 5)
    query = (
        min(
            timeit.repeat(
                d.publication_deadline, number=number, repeat=scaled(5), timer=time.process_time
            )
        )
        / number
    )
    print(f"{'publication_deadline(), 1000 events':<40} {query * 1e3:>8.3f}")


def main() -> None:
    build_rows()
    read_rows()


if __name__ == "__main__":
    main()
