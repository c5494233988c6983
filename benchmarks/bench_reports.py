"""Annual reports: parse + check throughput (reports per second).

A typical report is the real 2019 seed report (text dump, ~9 KB) and the same report
rendered as HTML with the official rowspans. Each run parses and checks the report.
``OPENGOV_BENCH_QUICK=1`` makes it a smoke run (see ``_quick.py``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from _quick import seconds
from opengov.reports import check_report, parse_report_html, parse_report_text, to_html

SEED = Path(__file__).parent.parent / "examples" / "data" / "hunjiang-minzheng-2019.txt"


def _rate(fn: Callable[[], object], duration: float = 1.0) -> float:
    duration = seconds(duration)
    fn()  # warm up (imports, pydantic schemas)
    n = 0
    start = time.perf_counter()
    while time.perf_counter() - start < duration:
        fn()
        n += 1
    return n / (time.perf_counter() - start)


def main() -> None:
    text = SEED.read_text(encoding="utf-8")
    html = to_html(parse_report_text(text))
    report = parse_report_text(text)
    rows = [
        ("text dump, parse + check", _rate(lambda: check_report(parse_report_text(text)))),
        ("HTML, parse + check", _rate(lambda: check_report(parse_report_html(html)))),
        ("check only", _rate(lambda: check_report(report))),
    ]
    print(f"{'case':<28}{'reports/s':>12}")
    for name, rate in rows:
        print(f"{name:<28}{rate:>12.0f}")


if __name__ == "__main__":
    main()
