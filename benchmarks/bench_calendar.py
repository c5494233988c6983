"""Working-day arithmetic: opengov against the libraries a user would otherwise pick.

Scalar "n-th working day after D" (n = 20 and 2000), the same over 1M dates with
numpy arrays, and the cost of ``import`` plus the first answer (in fresh
subprocesses). Run with ``make bench``; numbers vary by machine, ratios less so.
``OPENGOV_BENCH_QUICK=1`` shrinks everything to a smoke run (see ``_quick.py``).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import timeit
import warnings
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from _quick import QUICK, scaled
from opengov.calendar import official_calendar

START = date(2012, 3, 5)
ROWS: list[tuple[str, float, str]] = []


def best_us(func: Callable[[], object], number: int, repeat: int = 5) -> float:
    """Best-of-``repeat`` time per call, in microseconds (one call in quick mode)."""
    number, repeat = scaled(number), scaled(repeat)
    return min(timeit.repeat(func, number=number, repeat=repeat)) / number * 1e6


def row(name: str, us: float, note: str = "") -> None:
    ROWS.append((name, us, note))


def scalar() -> None:
    cal = official_calendar()
    ours20 = best_us(lambda: cal.add_working_days(START, 20), 200_000)
    ours2000 = best_us(lambda: cal.add_working_days(START, 2000), 200_000)
    row("opengov add_working_days n=20", ours20)
    row("opengov add_working_days n=2000", ours2000, f"{ours2000 / ours20:.2f}x of n=20")
    try:
        import holidays
    except ImportError:  # pragma: no cover
        return
    cn = holidays.country_holidays("CN", years=range(2011, 2022))
    h20 = best_us(lambda: cn.get_nth_working_day(START, 20), 2_000)
    h2000 = best_us(lambda: cn.get_nth_working_day(START, 2000), 20, repeat=3)
    row("python-holidays get_nth_working_day n=20", h20, f"opengov {h20 / ours20:.0f}x faster")
    row(
        "python-holidays get_nth_working_day n=2000",
        h2000,
        f"opengov {h2000 / ours2000:.0f}x faster",
    )
    try:
        import chinese_calendar
    except ImportError:  # pragma: no cover
        return
    c20 = best_us(lambda: chinese_calendar.find_workday(20, START), 500)
    row("chinese-calendar find_workday n=20", c20, f"opengov {c20 / ours20:.0f}x faster")


def vectorised() -> None:
    try:
        import numpy as np
    except ImportError:  # pragma: no cover
        print("numpy not installed: skipping the vectorised comparison")
        return
    cal = official_calendar()
    rng = np.random.default_rng(0)
    base = np.datetime64("2005-01-01", "D")
    starts = base + rng.integers(0, 365 * 20, size=scaled(1_000_000, 1_000))
    size = f"{len(starts) // 1000}k" if QUICK else "1M"
    ours = best_us(lambda: cal.add_working_days_array(starts, 20), 1, repeat=5) / len(starts)
    row(f"opengov add_working_days_array, {size} dates", ours * 1e3, "ns per date")
    # numpy.busday_offset with the notices' weekday rest days as holidays. It cannot
    # express make-up working days (weekmask only), so it is also wrong around 调休;
    # roll="forward" counts a rest-day start as day 0, hence the extra step below.
    rest = []
    day = date(2004, 1, 1)
    while day <= cal.coverage.last:
        if day.weekday() < 5 and not cal.is_working_day(day):
            rest.append(day)
        day += timedelta(days=1)
    bdc = np.busdaycalendar(weekmask="1111100", holidays=np.array(rest, dtype="datetime64[D]"))

    def busday() -> Any:
        return np.busday_offset(starts, 20, roll="backward", busdaycal=bdc)

    theirs = best_us(busday, 1, repeat=5) / len(starts)
    row(
        f"numpy.busday_offset (weekmask + holidays), {size} dates",
        theirs * 1e3,
        f"ns per date; opengov {theirs / ours:.1f}x faster",
    )
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover
        return
    cbd = pd.offsets.CustomBusinessDay(n=20, holidays=rest)
    few = pd.DatetimeIndex(starts[: scaled(2_000, 20)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pandas warns that this offset is not vectorised
        pand = best_us(lambda: few + cbd, 1, repeat=3) / len(few)
    row(
        f"pandas CustomBusinessDay ({len(few) if QUICK else '2k'} dates)",
        pand * 1e3,
        f"ns per date; opengov {pand / ours:.0f}x faster",
    )


FIRST_CALL = {
    "opengov": (
        "import opengov\nfrom datetime import date\n"
        "opengov.official_calendar().add_working_days(date(2026, 9, 28), 20)"
    ),
    "python-holidays": (
        "import holidays\nfrom datetime import date\n"
        "holidays.country_holidays('CN').get_nth_working_day(date(2026, 9, 28), 20)"
    ),
    "chinese-calendar": (
        "import chinese_calendar\nfrom datetime import date\n"
        "chinese_calendar.find_workday(20, date(2026, 9, 28))"
    ),
}


def first_call() -> None:
    """Import plus first answer, in fresh interpreters (bytecode caches warm)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    timer = "import time\n_t = time.perf_counter()\n{body}\nprint(time.perf_counter() - _t)"
    results: dict[str, float] = {}
    for name, body in FIRST_CALL.items():
        code = timer.format(body=body)
        runs: list[float] = []
        for _ in range(scaled(7)):
            out = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
            )
            if out.returncode != 0:
                break
            runs.append(float(out.stdout.strip()) * 1e6)
        if runs:
            results[name] = statistics.median(runs[1:] or runs)
    base = results.get("python-holidays")
    for name, us in results.items():
        note = f"{us / base:.2f} of python-holidays" if base else ""
        row(f"import + first answer: {name}", us, note)


def main() -> None:
    scalar()
    vectorised()
    first_call()
    width = max(len(name) for name, _, _ in ROWS)
    print(f"{'benchmark':<{width}}  {'time':>12}  notes")
    for name, us, note in ROWS:
        unit = "ns" if note.startswith("ns per date") else "µs"
        shown = f"{us:,.1f} {unit}" if unit == "ns" else f"{us:,.2f} µs"
        print(f"{name:<{width}}  {shown:>12}  {note.removeprefix('ns per date').lstrip('; ')}")


if __name__ == "__main__":
    main()
