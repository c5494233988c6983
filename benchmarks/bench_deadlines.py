"""Deadline values against python-holidays' bare date computation.

Compares computing a full :class:`opengov.deadlines.Deadline` (due date, rule,
citations, options, counted runs, notices: everything the explanation is built
from) with ``holidays.China().get_nth_working_day(d, 20)``, which gives only the
date: what a user would otherwise write. The explanation (steps with holiday
names, text in both languages) is built on demand by ``Deadline.explain()`` and
timed apart.

Times are CPU time of this thread (``time.thread_time``), best of five, so that
other work on a shared machine counts less; every row is measured in the same
process as the python-holidays reference, and the ratios are what to compare.
The last lines give the two targets of issue 10 side by side.

Run: ``python benchmarks/bench_deadlines.py`` (or ``make bench``);
``OPENGOV_BENCH_QUICK=1`` makes it a smoke run (see ``_quick.py``).
"""

from __future__ import annotations

import time
import timeit
from collections.abc import Callable
from datetime import date, timedelta

import holidays

from _quick import scaled
from opengov.applicants import ApplicantType
from opengov.applications import Application, ConsultationSent, ConsultedParty
from opengov.channels import SubmissionChannel
from opengov.deadlines import reply_deadline

STARTS = [date(2026, 1, 5) + timedelta(days=7 * i) for i in range(40)]  # through 2026-10


def per_call_us(fn: Callable[[date], object], number: int = 200) -> float:
    """Best-of-5 mean CPU microseconds per call over STARTS (one pass in quick mode)."""
    number, repeat = scaled(number), scaled(5)

    def loop() -> None:
        for d in STARTS:
            fn(d)

    loop()  # warm caches (calendar index, holidays' year tables)
    best = min(timeit.repeat(loop, number=number, repeat=repeat, timer=time.thread_time))
    return best / (number * len(STARTS)) * 1e6


def _application(d: date, *events: object) -> Application:
    app = Application.receive(
        SubmissionChannel.IN_PERSON, submitted_on=d, applicant_type=ApplicantType.NATURAL_PERSON
    )
    for e in events:
        app = app.record(e)  # type: ignore[arg-type]
    return app


def main() -> None:
    cn = holidays.country_holidays("CN", years=range(2025, 2028))
    ref = per_call_us(lambda d: cn.get_nth_working_day(d, 20), number=20)
    deadlines = {d: reply_deadline(d) for d in STARTS}
    bare = {d: _application(d) for d in STARTS}
    one_event = {
        d: _application(
            d, ConsultationSent(on=d + timedelta(days=3), party=ConsultedParty.THIRD_PARTY)
        )
        for d in STARTS
    }
    full = per_call_us(lambda d: reply_deadline(d))
    ext = per_call_us(lambda d: reply_deadline(d, extended=True))
    app0 = per_call_us(lambda d: bare[d].reply_deadline(), number=50)
    app1 = per_call_us(lambda d: one_event[d].reply_deadline(), number=50)
    explain = per_call_us(lambda d: deadlines[d].explain(), number=50)
    both = per_call_us(lambda d: reply_deadline(d).explain(), number=50)
    print(f"{'computation':<62} {'µs/call':>9} {'vs holidays':>12}")
    rows = [
        ("holidays.China().get_nth_working_day(d, 20) [date only]", ref),
        ("opengov.reply_deadline(d) [full Deadline value]", full),
        ("opengov.reply_deadline(d, extended=True)", ext),
        ("Application.reply_deadline() [received, no event]", app0),
        ("Application.reply_deadline() [one event: a consultation]", app1),
        ("Deadline.explain() [steps, zh+en text]", explain),
        ("opengov.reply_deadline(d).explain() [deadline and explanation]", both),
    ]
    for name, us in rows:
        print(f"{name:<62} {us:>9.2f} {ref / us:>11.1f}x")
    print()
    print("targets (python-holidays' bare date ÷ opengov):")
    print(f"  Application.reply_deadline(), one event: {ref / app1:.1f}x (target >= 2x)")
    print(f"  Deadline.explain():                      {ref / explain:.1f}x (target >= 1x)")


if __name__ == "__main__":
    main()
