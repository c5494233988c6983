"""Reading many cases from CSV or JSON Lines, and writing results the same ways.

Input is streamed one row at a time, so a file of any number of cases runs in
bounded memory; a row longer than :data:`MAX_LINE` is refused with its line number.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from datetime import date
from itertools import chain
from typing import TYPE_CHECKING, Any, TextIO

from opengov._show import show
from opengov.errors import InvalidInputError

if TYPE_CHECKING:
    from opengov.applications import Application
    from opengov.recompute import DeadlineChange

#: The longest input line read (an application's JSON history fits easily).
MAX_LINE = 1 << 20


def open_input(path: str) -> TextIO:
    """``path`` opened as UTF-8 text, or standard input for ``-``."""
    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")
    try:
        return open(path, encoding="utf-8-sig", newline="")
    except (OSError, ValueError) as exc:
        raise InvalidInputError(f"cannot read {show(path)}: {exc}") from None


def _lines(handle: TextIO, name: str) -> Iterator[tuple[int, str]]:
    number = 0
    while True:
        try:
            line = handle.readline(MAX_LINE + 1)
        except UnicodeDecodeError as exc:
            raise InvalidInputError(
                f"{name}: not UTF-8 text after line {number} ({exc.reason}); save it as UTF-8"
            ) from None
        if not line:
            return
        number += 1
        if len(line) > MAX_LINE:
            raise InvalidInputError(f"{name} line {number} is longer than {MAX_LINE} characters")
        yield number, line


def rows(path: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, row) for each case: JSON Lines, or CSV with a header row.

    The form is told by the first non-blank character: ``{`` is JSON Lines.
    """
    name = "standard input" if path == "-" else path
    handle = open_input(path)
    try:
        lines = _lines(handle, name)
        first = next(((n, line) for n, line in lines if line.strip()), None)
        if first is None:
            return
        if first[1].lstrip().startswith("{"):
            for number, line in chain([first], lines):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except (ValueError, RecursionError) as exc:
                    raise InvalidInputError(f"{name} line {number}: not JSON ({exc})") from None
                if not isinstance(row, dict):
                    raise InvalidInputError(f"{name} line {number}: expected a JSON object")
                yield number, row
            return
        texts = (line for _, line in chain([first], lines))
        reader = csv.DictReader(texts)
        try:
            for row in reader:
                # A short row fills missing columns with None; a long one puts the
                # surplus under the key None (dropped).
                yield (
                    reader.line_num,
                    {
                        k.strip(): (v or "").strip()
                        for k, v in row.items()
                        if isinstance(k, str) and (v is None or isinstance(v, str))
                    },
                )
        except csv.Error as exc:  # a NUL byte, an over-long field, a stray quote
            raise InvalidInputError(f"{name} line {reader.line_num}: not CSV ({exc})") from None
    finally:
        if handle is not sys.stdin:
            handle.close()


def received_on(row: dict[str, Any], where: str) -> date:
    """The receipt date of a row (``received_on``, or ``date``)."""
    value = row.get("received_on", row.get("date"))
    if not isinstance(value, str):
        raise InvalidInputError(f"{where}: give received_on as YYYY-MM-DD")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInputError(
            f"{where}: received_on must be a date like 2026-12-10, got {show(value)}"
        ) from None


def read_cases(path: str) -> Iterator[tuple[str, Application | date]]:
    """Cases for recomputing: ``id`` with ``received_on`` or ``application`` (its JSON)."""
    from opengov.applications import Application

    name = "standard input" if path == "-" else path
    for number, row in rows(path):
        where = f"{name} line {number}"
        case_id = str(row.get("id") or f"line {number}")
        app = row.get("application")
        if app is not None:
            from pydantic import ValidationError

            try:
                if isinstance(app, str):
                    yield case_id, Application.model_validate_json(app)
                else:
                    yield case_id, Application.model_validate(app)
            except ValidationError as exc:
                first = exc.errors()[0]
                loc = ".".join(str(p) for p in first["loc"]) or "application"
                raise InvalidInputError(f"{where}: {loc}: {first['msg']}") from None
        else:
            yield case_id, received_on(row, where)


def write_rows(records: Iterator[dict[str, Any]], fmt: str, fields: list[str]) -> None:
    """Write records as CSV (with a header) or JSON Lines to standard output."""
    out = sys.stdout
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for record in records:
            writer.writerow(record)
            out.flush()
        return
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()


def write_changes(changes: tuple[DeadlineChange, ...], fmt: str) -> None:
    """The changed deadlines, one per row."""
    fields = ["case", "kind", "start", "old_due", "new_due", "days", "old_error", "new_error"]

    def records() -> Iterator[dict[str, Any]]:
        for c in changes:
            record = json.loads(c.model_dump_json())
            if fmt == "csv":
                record["days"] = " ".join(record["days"])
            yield record

    write_rows(records(), fmt, fields)
