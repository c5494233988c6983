"""Notice-text parser: cost per character on adversarial lines (linearity check).

``parse_notice_text`` reads text a user pastes in, so a hostile or broken line must
not take super-linear time. Each case below is a line built to make a backtracking
regular expression work hard (long runs of whitespace with no colon, a date followed
by many unclosed brackets, …). Rows:

- ``line``: one line of N characters as given. Lines over the parser's line cap are
  refused up front, so their cost is only the check.
- ``line, cap lifted``: the same line with the caps raised for this benchmark only, so
  the scanning itself is timed; the ns/char column should stay flat as N grows.
- ``lines of 1k``: N characters as lines of 1,000 characters (100 in quick mode), each
  built the same way; the caps accept them, so this is the cost a user can cause.

A case that takes longer than ``SLOW`` seconds skips its larger sizes (older, quadratic
versions of the parser would otherwise run for minutes). ``OPENGOV_BENCH_QUICK=1``
makes it a smoke run (see ``_quick.py``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from _quick import QUICK, scaled
from opengov.calendar import _parse, parse_notice_text
from opengov.errors import OpenGovError

SIZES = (200, 400) if QUICK else (1_000, 5_000, 10_000, 20_000)
SLOW = 1.0  # seconds; a case slower than this skips its larger sizes

CASES: dict[str, Callable[[int], str]] = {
    # numbered item, spaces and no colon: the item pattern's name/whitespace split
    "item, spaces": lambda n: "一、" + " " * (n - 3) + "x",
    "item name, spaces": lambda n: "一、元" + " " * (n - 4) + "x",
    # signature-like line: leading dots, then whitespace, no date
    "signature, spaces": lambda n: "…" + " " * (n - 2) + "x",
    # dates followed by brackets that never close
    "date notes, unclosed": lambda n: ("一、元旦：" + "1月1日（" * n)[:n],
}


@contextmanager
def _caps_lifted() -> Iterator[None]:
    # Older parsers have no caps; only lift what exists.
    saved = {
        k: getattr(_parse, k) for k in ("MAX_TEXT_CHARS", "MAX_LINE_CHARS") if hasattr(_parse, k)
    }
    for k in saved:
        setattr(_parse, k, 10**9)
    try:
        yield
    finally:
        for k, v in saved.items():
            setattr(_parse, k, v)


def _time(text: str) -> tuple[float, str]:
    """Best-of-3 seconds for one parse, and how it ended."""
    best = float("inf")
    outcome = "parsed"
    for _ in range(scaled(3)):
        start = time.perf_counter()
        try:
            parse_notice_text(2026, text)
        except OpenGovError as exc:
            outcome = type(exc).__name__
        best = min(best, time.perf_counter() - start)
        if best > SLOW:
            break
    return best, outcome


WIDTH = scaled(1_000, 100)


def _lines(build: Callable[[int], str], n: int) -> str:
    return "\n".join(build(WIDTH) for _ in range(max(1, n // WIDTH)))


def main() -> None:
    print(f"{'case':<42}{'chars':>8}{'ms':>12}{'ns/char':>12}  outcome")
    for name, build in CASES.items():
        for mode in ("line", "line, cap lifted", "lines of 1k"):
            for i, n in enumerate(SIZES):
                text = _lines(build, n) if mode == "lines of 1k" else build(n)
                if mode == "line, cap lifted":
                    with _caps_lifted():
                        secs, outcome = _time(text)
                else:
                    secs, outcome = _time(text)
                label = f"{name} ({mode})"
                print(
                    f"{label:<42}{len(text):>8}{secs * 1e3:>12.2f}"
                    f"{secs / len(text) * 1e9:>12.0f}  {outcome}"
                )
                if secs > SLOW and i + 1 < len(SIZES):
                    print(f"{label:<42}{'':>8}  larger sizes skipped (over {SLOW:.0f} s)")
                    break


if __name__ == "__main__":
    main()
