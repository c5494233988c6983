"""Applications as a case system uses them, against a plain python-holidays loop.

Three measurements, in one run:

- building a history of N events with ``Application.record`` (N = 10, 100, 300,
  1000: consultations and their opinions): the cost of one ``record`` should not
  grow with N. The python-holidays column is what the same loop costs when each
  event only computes the consulted party's 15-working-day due date with
  ``get_nth_working_day``, and nothing is checked;
- the daily status run: ``status(day)`` of 100,000 open applications with typical
  histories (none, one consultation, a consultation and its opinion, an
  extension), received over four months, in CPU seconds of this one-threaded
  process (so that other work on a shared machine counts less), against a loop
  computing each one's bare 20-working-day due date with python-holidays;
- ``Application.reply_deadline()`` with one event, on an application in memory
  and on one just read from JSON, against python-holidays' bare date.

Run: ``python benchmarks/bench_applications.py`` (or ``make bench``);
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
from opengov.applications import (
    Application,
    ConsultationSent,
    ConsultedParty,
    ExtensionApproved,
    OpinionReceived,
)
from opengov.channels import SubmissionChannel

TP = ConsultedParty.THIRD_PARTY
RECEIVED = date(2026, 1, 5)
TODAY = date(2026, 10, 15)
CN = holidays.country_holidays("CN", years=range(2025, 2028))


def best(fn: Callable[[], object], repeat: int = 5) -> float:
    """Best-of-``repeat`` seconds for one call of ``fn`` (one call in quick mode)."""
    return min(timeit.repeat(fn, number=1, repeat=scaled(repeat)))


def best_cpu(fn: Callable[[], object], repeat: int) -> float:
    """Best-of-``repeat`` CPU seconds of this (one-threaded) process for one call."""
    return min(timeit.repeat(fn, number=1, repeat=scaled(repeat), timer=time.process_time))


def receive(day: date) -> Application:
    return Application.receive(
        SubmissionChannel.IN_PERSON, submitted_on=day, applicant_type=ApplicantType.NATURAL_PERSON
    )


def history(n: int) -> Application:
    """n events: consultation i sent on day 1 + i // 20, its opinion the next event."""
    app = receive(RECEIVED)
    for i in range(n):
        on = RECEIVED + timedelta(days=1 + i // 20)
        name = str(i - i % 2)
        if i % 2 == 0:
            app = app.record(ConsultationSent(on=on, party=TP, name=name))
        else:
            app = app.record(OpinionReceived(on=on, party=TP, name=name))
    return app


def stretches(n: int, repeat: int) -> tuple[float, float]:
    """Best mean µs of one record() over the first and the last tenth of n events."""
    firsts, lasts = [], []
    tenth = max(n // 10, 1)
    for _ in range(repeat):
        app = receive(RECEIVED)
        spent = [0.0] * n
        for i in range(n):
            on = RECEIVED + timedelta(days=1 + i // 20)
            name = str(i - i % 2)
            event: ConsultationSent | OpinionReceived
            if i % 2 == 0:
                event = ConsultationSent(on=on, party=TP, name=name)
            else:
                event = OpinionReceived(on=on, party=TP, name=name)
            t0 = time.process_time()
            app = app.record(event)
            spent[i] = time.process_time() - t0
        firsts.append(sum(spent[:tenth]) / tenth * 1e6)
        lasts.append(sum(spent[-tenth:]) / tenth * 1e6)
    return min(firsts), min(lasts)


def holidays_history(n: int) -> None:
    for i in range(n):
        CN.get_nth_working_day(RECEIVED + timedelta(days=1 + i // 20), 15)


def build_rows() -> None:
    print(f"{'building a history of N events':<40} {'cpu ms':>8} {'µs/event':>9} "
          f"{'vs N=10':>8} {'vs holidays':>12}")  # fmt: skip
    history(10)  # warm the calendar and the event types
    per10 = 0.0
    for n in (10, 100, 300, 1000):
        n_run = scaled(n, min(n, 10))
        ours = best_cpu(lambda n_run=n_run: history(n_run), repeat=5)  # type: ignore[misc]
        ref = best_cpu(lambda n_run=n_run: holidays_history(n_run), repeat=5)  # type: ignore[misc]
        per = ours / n_run * 1e6
        per10 = per10 or per
        print(f"{'record() x ' + str(n):<40} {ours * 1e3:>8.2f} {per:>9.1f} "
              f"{per / per10:>7.2f}x {ref / ours:>11.1f}x")  # fmt: skip
    n = scaled(1000, 20)
    first, last = stretches(n, scaled(5))
    head, tail = f"1-{n // 10} of {n}", f"{n - n // 10 + 1}-{n} of {n}"
    print(f"{'one record(), events ' + head:<40} {'':>8} {first:>9.1f}")
    print(f"{'one record(), events ' + tail:<40} {'':>8} {last:>9.1f} "
          f"{last / first:>7.2f}x")  # fmt: skip
    app = history(scaled(1000, 10))
    text = app.model_dump_json()
    load = best_cpu(lambda: Application.model_validate_json(text), repeat=5)
    print(f"{'model_validate_json, 1000 events':<40} {load * 1e3:>8.2f}")


def caseload(count: int) -> list[Application]:
    """Open applications received over 2026-05-04..2026-09-04, 0-2 events each."""
    apps = []
    for i in range(count):
        day = date(2026, 5, 4) + timedelta(days=i % 124)
        app = receive(day)
        mix = i % 20
        if mix >= 12:  # 40%: a third party consulted, some answered, some extended
            app = app.record(ConsultationSent(on=day + timedelta(days=3), party=TP))
            if mix >= 16:
                app = app.record(OpinionReceived(on=day + timedelta(days=10), party=TP))
        elif mix >= 10:  # 10%: an extension
            app = app.record(ExtensionApproved(on=day + timedelta(days=14), days=20))
        apps.append(app)
    return apps


def status_rows() -> None:
    count = scaled(100_000, 200)
    apps = caseload(count)
    received = [a.received_on for a in apps]

    def ours() -> None:
        for a in apps:
            a.status(TODAY)

    def ref() -> None:
        for d in received:
            _ = CN.get_nth_working_day(d, 20) < TODAY

    ours_s = best_cpu(ours, repeat=3)
    ref_s = best_cpu(ref, repeat=1)
    print()
    print(
        f"{'status run, one core':<40} {'apps':>8} {'cpu s':>9} {'µs/app':>8} {'vs holidays':>12}"
    )
    print(f"{'Application.status(day)':<40} {count:>8} {ours_s:>9.3f} "
          f"{ours_s / count * 1e6:>8.2f} {ref_s / ours_s:>11.1f}x")  # fmt: skip
    print(f"{'holidays get_nth_working_day(d, 20)':<40} {count:>8} {ref_s:>9.3f} "
          f"{ref_s / count * 1e6:>8.2f} {1:>11.1f}x")  # fmt: skip
    texts = [a.model_dump_json() for a in apps[: scaled(10_000, 50)]]
    t0 = time.process_time()
    for t in texts:
        Application.model_validate_json(t).status(TODAY)
    per = (time.process_time() - t0) / len(texts) * 1e6
    print(f"{'read from JSON, then status(day)':<40} {len(texts):>8} {'':>9} {per:>8.2f} "
          f"{ref_s / count * 1e6 / per:>11.1f}x")  # fmt: skip


def reply_rows() -> None:
    app = receive(date(2026, 9, 28)).record(ConsultationSent(on=date(2026, 10, 9), party=TP))
    number = scaled(20_000, 5)
    ours = (
        min(
            timeit.repeat(
                app.reply_deadline, number=number, repeat=scaled(5), timer=time.process_time
            )
        )
        / number
    )
    text = app.model_dump_json()
    n_fresh = scaled(2_000, 2)
    fresh = (
        min(
            timeit.repeat(
                lambda: Application.model_validate_json(text).reply_deadline(),
                number=n_fresh,
                repeat=scaled(5),
                timer=time.process_time,
            )
        )
        / n_fresh
    )
    n = scaled(200, 2)
    ref = (
        min(
            timeit.repeat(
                lambda: CN.get_nth_working_day(date(2026, 9, 28), 20),
                number=n,
                repeat=scaled(5),
                timer=time.process_time,
            )
        )
        / n
    )
    print()
    print(f"{'reply deadline, 1 event (a pause)':<40} {'cpu µs':>8} {'vs holidays':>12}")
    print(f"{'Application.reply_deadline() [kept]':<40} {ours * 1e6:>8.2f} {ref / ours:>11.1f}x")
    print(f"{'from JSON, then reply_deadline()':<40} {fresh * 1e6:>8.2f} {ref / fresh:>11.1f}x")
    print(f"{'holidays get_nth_working_day(d, 20)':<40} {ref * 1e6:>8.2f} {1:>11.1f}x")


def main() -> None:
    build_rows()
    status_rows()
    reply_rows()


if __name__ == "__main__":
    main()
