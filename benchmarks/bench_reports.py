"""Annual reports: parse and check throughput (reports per second), memory per report.

A typical report is the real 2019 seed report (text dump, ~13 KB) and the same report
rendered as HTML with the official rowspans. Parsing and checking are timed apart and
together. Beside them, what a user would write or pick instead, on the same input:
a plain ``str.split('|')`` loop over the dump (cells as strings, no table found, no
cell read), the standard library's ``html.parser`` with no handlers (events only),
``lxml.html`` collecting the text of every table cell (no spans placed) and
``pandas.read_html`` (tables as data frames); each with its ratio to opengov's parse
of the same input. The last rows give the memory a parsed report holds (tracemalloc
over reports kept in a list). Rates are per second of CPU time of one core.
A second table times pages holding many copies of a report's table 三 (the spanned
one of ``tests/data/reports/f2021-spans.html``): a flat µs/table column means time
linear in the number of tables (each table was once spliced into the whole page's
token list, which made 1,600 tables take 35 s).
``OPENGOV_BENCH_QUICK=1`` makes it a smoke run (see
``_quick.py``).
"""

from __future__ import annotations

import gc
import re
import time
import tracemalloc
from collections.abc import Callable
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

from _quick import scaled, seconds
from opengov.reports import check_report, parse_report_html, parse_report_text, to_html

SEED = Path(__file__).parent.parent / "examples" / "data" / "hunjiang-minzheng-2019.txt"
SPANS = Path(__file__).parent.parent / "tests" / "data" / "reports" / "f2021-spans.html"


def _rate(fn: Callable[[], object], duration: float = 1.0) -> float:
    """Calls per second of CPU time (this thread's, so that other work on the machine
    does not count): the best of three runs of ``duration`` seconds each."""
    duration = seconds(duration)
    fn()  # warm up (imports, pydantic schemas, caches)
    best = 0.0
    for _ in range(scaled(3)):
        n = 0
        start = time.thread_time()
        while time.thread_time() - start < duration:
            fn()
            n += 1
        best = max(best, n / (time.thread_time() - start))
    return best


def _split_cells(text: str) -> list[list[str]]:
    """What a user would write: every '|' line split into stripped cells."""
    return [[c.strip() for c in line.split("|")] for line in text.splitlines() if "|" in line]


def _html_events(html: str) -> None:
    p = HTMLParser(convert_charrefs=True)
    p.feed(html)
    p.close()


def _alternatives(text: str, html: str) -> list[tuple[str, str, Callable[[], object]]]:
    """(name, input, call) for the plain alternatives that are installed."""
    out: list[tuple[str, str, Callable[[], object]]] = [
        ("plain str.split('|') loop, cells only", "text", lambda: _split_cells(text)),
        ("html.parser alone, events only", "html", lambda: _html_events(html)),
    ]
    try:
        import lxml.html
    except ImportError:
        pass
    else:

        def lxml_cells() -> object:
            doc = lxml.html.fromstring(html)
            return [
                [[td.text_content().strip() for td in tr] for tr in table.iter("tr")]
                for table in doc.iter("table")
            ]

        out.append(("lxml.html, text of every cell", "html", lxml_cells))
    try:
        import pandas
    except ImportError:
        pass
    else:
        out.append(("pandas.read_html", "html", lambda: pandas.read_html(StringIO(html))))
    return out


def _kib_per_report(parse: Callable[[], object], count: int) -> float:
    """Memory held by ``count`` parsed reports kept in a list, per report (KiB)."""
    parse()  # warm the shared values (cells, labels) before measuring
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = [parse() for _ in range(count)]
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(kept) == count
    return held / count / 1024


def main() -> None:
    text = SEED.read_text(encoding="utf-8")
    report = parse_report_text(text)
    html = to_html(report)
    parse_text = _rate(lambda: parse_report_text(text))
    parse_html = _rate(lambda: parse_report_html(html))
    rows = [
        ("text dump, parse", parse_text, ""),
        ("text dump, parse + check", _rate(lambda: check_report(parse_report_text(text))), ""),
        ("HTML, parse", parse_html, ""),
        ("HTML, parse + check", _rate(lambda: check_report(parse_report_html(html))), ""),
        ("check only", _rate(lambda: check_report(report)), ""),
    ]
    for name, source, fn in _alternatives(text, html):
        rate = _rate(fn)
        ours = parse_text if source == "text" else parse_html
        rows.append((name, rate, f"{rate / ours:.1f}x opengov's {source} parse"))
    print(f"{'case':<40}{'reports/s':>12}")
    for name, rate, note in rows:
        print(f"{name:<40}{rate:>12.0f}  {note}")
    count = scaled(1000, 20)
    size = len(text.encode("utf-8")) / 1024
    for name, parse in (
        ("text dump", lambda: parse_report_text(text)),
        ("HTML", lambda: parse_report_html(html)),
    ):
        kib = _kib_per_report(parse, count)
        print(
            f"memory per parsed report ({name}, {count} kept): {kib:.1f} KiB "
            f"({kib / size:.2f}x the {size:.1f} KiB dump)"
        )
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
