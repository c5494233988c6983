"""Deadline values against python-holidays' bare date computation.

Compares computing a full :class:`opengov.deadlines.Deadline` (due date, rule,
citations, options, counted runs: everything the explanation is built from)
with ``holidays.China().get_nth_working_day(d, 20)``, which gives only the date.
The explanation text itself is built on demand and timed separately.

Run: ``python benchmarks/bench_deadlines.py`` (or ``make bench``);
``OPENGOV_BENCH_QUICK=1`` makes it a smoke run (see ``_quick.py``).
"""

from __future__ import annotations

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
    """Best-of-5 mean microseconds per call over STARTS (one pass in quick mode)."""
    number, repeat = scaled(number), scaled(5)

    def loop() -> None:
        for d in STARTS:
            fn(d)

    loop()  # warm caches (calendar index, holidays' year tables)
    best = min(timeit.repeat(loop, number=number, repeat=repeat))
    return best / (number * len(STARTS)) * 1e6


def main() -> None:
    cn = holidays.country_holidays("CN", years=range(2025, 2028))
    ref = per_call_us(lambda d: cn.get_nth_working_day(d, 20), number=20)
    full = per_call_us(lambda d: reply_deadline(d))
    ext = per_call_us(lambda d: reply_deadline(d, extended=True))
    explained = per_call_us(lambda d: reply_deadline(d).explain(), number=5)
    app = Application.receive(
        SubmissionChannel.IN_PERSON,
        submitted_on=date(2026, 9, 28),
        applicant_type=ApplicantType.NATURAL_PERSON,
    ).record(ConsultationSent(on=date(2026, 10, 9), party=ConsultedParty.THIRD_PARTY))
    app_us = per_call_us(lambda d: app.reply_deadline(), number=5)
    print(f"{'computation':<58} {'µs/call':>9} {'vs holidays':>12}")
    rows = [
        ("holidays.China().get_nth_working_day(d, 20) [date only]", ref),
        ("opengov.reply_deadline(d) [full Deadline value]", full),
        ("opengov.reply_deadline(d, extended=True)", ext),
        ("opengov.reply_deadline(d).explain() [steps, zh+en text]", explained),
        ("Application.reply_deadline() [replay 1 event, 1 pause]", app_us),
    ]
    for name, us in rows:
        print(f"{name:<58} {us:>9.2f} {ref / us:>11.1f}x")


if __name__ == "__main__":
    main()
