"""Annual reports: parse + check throughput (reports per second).

A typical report is the real 2019 seed report (text dump, ~9 KB) and the same report
rendered as HTML with the official rowspans. Each run parses and checks the report.
A second table times pages holding many copies of a report's table 三 (the spanned
one of ``tests/data/reports/f2021-spans.html``): a flat µs/table column means time
linear in the number of tables (each table was once spliced into the whole page's
token list, which made 1,600 tables take 35 s).
``OPENGOV_BENCH_QUICK=1`` makes it a smoke run (see ``_quick.py``).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

from _quick import scaled, seconds
from opengov.reports import check_report, parse_report_html, parse_report_text, to_html

SEED = Path(__file__).parent.parent / "examples" / "data" / "hunjiang-minzheng-2019.txt"
SPANS = Path(__file__).parent.parent / "tests" / "data" / "reports" / "f2021-spans.html"


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
    print()
    page = SPANS.read_text(encoding="utf-8")
    table = re.findall(r"<table.*?</table>", page, re.S)[1]
    review = page.index("<p><b>四、")  # copies before table 四: still one report
    print(f"{'page of tables 三':<20}{'KB':>8}{'ms':>10}{'µs/table':>10}")
    for copies in (scaled(50, 2), scaled(200, 4), scaled(800, 8)):
        html = page[:review] + ("<p>附表</p>" + table) * copies + page[review:]
        start = time.perf_counter()
        parse_report_html(html)
        ms = (time.perf_counter() - start) * 1000
        print(f"{copies:>8} tables{len(html) // 1024:>14}{ms:>10.0f}{ms * 1000 / copies:>10.0f}")


if __name__ == "__main__":
    main()
