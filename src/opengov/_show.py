"""Showing a caller's value in an error message: the one place that decides how."""

from __future__ import annotations

_LIMIT = 80


def show(value: object) -> str:
    """A short ``repr`` of ``value`` that never raises.

    ``repr`` itself can fail (an int of more than 4300 digits, a broken
    ``__repr__``); an error message must still say what it got.

    >>> show("2026-09-28")
    "'2026-09-28'"
    >>> show(10**5000)
    '<int of 5001 digits>'
    >>> show("x" * 200)[-3:]
    'xx…'
    """
    if type(value) is int and value.bit_length() > 14_000:  # about 4200 digits
        return f"<int of {_digits(value)} digits>"
    try:
        text = repr(value)
    except Exception:
        return f"<{type(value).__name__} that cannot be shown>"
    return text if len(text) <= _LIMIT else text[: _LIMIT - 1] + "…"


_PATH_LIMIT = 240


def show_path(path: object) -> str:
    """A file path for an error message, quoted, cut at its start when very long.

    The end of a path names the file, so a long one keeps its end; a path that is
    not text is shown as :func:`show` shows any value.

    >>> show_path("reports/2021/page.html")
    "'reports/2021/page.html'"
    >>> long = show_path("/reports" * 40 + "/page.html")
    >>> long[:3], long[-12:], len(long)
    ("'…r", "s/page.html'", 240)
    """
    import os

    if isinstance(path, os.PathLike):
        path = os.fspath(path)
    if not isinstance(path, str):
        return show(path)
    text = repr(path)
    return text if len(text) <= _PATH_LIMIT else "'…" + text[-(_PATH_LIMIT - 2) :]


def _digits(value: int) -> int:
    """The number of decimal digits of ``value`` without converting it to text."""
    n = abs(value)
    digits = max(1, int(n.bit_length() * 0.30102999566398120))
    while 10**digits <= n:
        digits += 1
    while digits > 1 and 10 ** (digits - 1) > n:
        digits -= 1
    return digits
