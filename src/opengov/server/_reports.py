"""Reading and checking one uploaded report in a child process, with a time limit.

A report's parse is bounded by the library's own size caps, but a hostile file can
still cost seconds of CPU; threads cannot be stopped, so each upload is read in a
process of its own (started from a fork server that has opengov's report modules
loaded) and killed when it runs past the limit. At most ``workers`` run at once.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import threading
from typing import Any

from opengov.errors import OpenGovError, ReportTimeoutError

__all__ = ["check_in_child", "check_report_bytes"]

_PRELOAD = ["opengov.server._reports", "opengov.reports.parse_html", "opengov.reports.parse_text"]


def check_report_bytes(
    data: bytes,
    *,
    name: str,
    agency: str | None,
    year: int | None,
    fmt: str | None,
    blank_as_zero: bool,
) -> dict[str, Any]:
    """Parse and check ``data`` here; the JSON-ready parts of a ReportCheck."""
    from opengov.reports.checks import Severity, check_report
    from opengov.reports.files import parse_report_bytes

    report = parse_report_bytes(data, name=name, agency=agency, year=year, format=fmt)
    findings = check_report(report, blank_as_zero=blank_as_zero)
    done = report.completeness()
    return {
        "report": report.model_dump(mode="json"),
        "completeness": {
            "total": done.total,
            "read": done.read,
            "unread": done.unread,
            "ratio": done.ratio,
        },
        "findings": [f.model_dump(mode="json") for f in findings],
        "errors": sum(f.severity is Severity.ERROR for f in findings),
        "warnings": sum(f.severity is Severity.WARNING for f in findings),
    }


def _child(conn: multiprocessing.connection.Connection, kwargs: dict[str, Any]) -> None:
    try:
        result: tuple[str, Any] = ("ok", check_report_bytes(**kwargs))
    except OpenGovError as exc:
        result = ("error", (exc.code, type(exc).__name__, str(exc)))
    except Exception as exc:  # a bug in a parser: reported, never a crash of the service
        result = ("bug", f"{type(exc).__name__}: {exc}")
    conn.send(result)
    conn.close()


_CONTEXT: list[Any] = []
_LOCK = threading.Lock()


def _context() -> Any:
    with _LOCK:
        if not _CONTEXT:
            methods = multiprocessing.get_all_start_methods()
            ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
            if "forkserver" in methods:
                ctx.set_forkserver_preload(_PRELOAD)
            _CONTEXT.append(ctx)
        return _CONTEXT[0]


def check_in_child(kwargs: dict[str, Any], timeout: float) -> tuple[str, Any]:
    """Run :func:`check_report_bytes` in a child process; ``("ok", result)``,
    ``("error", (code, class name, message))`` or ``("bug", text)``.

    Raises :class:`~opengov.errors.ReportTimeoutError` after ``timeout`` seconds (the child is killed).
    """
    ctx = _context()
    ours, theirs = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(theirs, kwargs), daemon=True)
    child.start()
    theirs.close()
    try:
        if not ours.poll(timeout):
            raise ReportTimeoutError(
                f"reading the report took longer than {timeout:g} seconds; check that the "
                "file is one annual report (HTML, text, PDF or .docx), or send its HTML page"
            )
        try:
            answer: tuple[str, Any] = ours.recv()
        except EOFError:
            return ("bug", f"the reader stopped (exit status {child.exitcode})")
        return answer
    finally:
        ours.close()
        if child.is_alive():
            child.kill()
        child.join(5)
