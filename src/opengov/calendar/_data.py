"""Reading holiday-notice records from JSON (the bundled data file and users' files)."""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from os import PathLike, fspath
from typing import Any

from opengov._files import read_capped_file
from opengov._show import show
from opengov.calendar._records import DateRange, Festival, HolidayNotice
from opengov.errors import CalendarDataError, InvalidInputError

__all__ = [
    "MAX_NOTICE_BYTES",
    "bundled_notices",
    "load_notice",
    "notice_from_dict",
    "read_notice_file_bytes",
]

_DATA_FORMAT = 1


def _day(value: object, where: str) -> date:
    if not isinstance(value, str):
        raise CalendarDataError(f"{where}: a date must be an ISO string like '2027-01-01'")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CalendarDataError(f"{where}: {show(value)} is not an ISO date (YYYY-MM-DD)") from None


def _opt_str(record: dict[str, Any], key: str, where: str) -> str | None:
    value = record.get(key)
    if value is not None and not isinstance(value, str):
        raise CalendarDataError(f"{where}: {key} must be a string or null, got {show(value)}")
    return value


_NOTICE_KEYS = frozenset(
    {"year", "revision", "notice_no", "title", "published", "source_url", "evidence", "note"}
    | {"festivals"}
)
_FESTIVAL_KEYS = frozenset({"zh", "en", "rest", "workdays", "special"})


def notice_from_dict(record: object) -> HolidayNotice:
    """Build a :class:`HolidayNotice` from its JSON form (see ``HolidayNotice.to_dict``)."""
    if not isinstance(record, dict):
        raise CalendarDataError(f"a notice record must be a JSON object, got {show(record)}")
    where = f"notice {show(record.get('year'))}"
    unknown = sorted(set(record) - _NOTICE_KEYS)
    if unknown:
        raise CalendarDataError(f"{where}: unknown field(s) {unknown}")
    festivals = record.get("festivals")
    if not isinstance(festivals, list):
        raise CalendarDataError(f"{where}: festivals must be a list")
    built: list[Festival] = []
    for item in festivals:
        if not isinstance(item, dict) or set(item) - _FESTIVAL_KEYS:
            raise CalendarDataError(
                f"{where}: each festival is an object with zh, en, rest, workdays "
                f"(and optionally special); got {show(item)}"
            )
        rest = item.get("rest", [])
        workdays = item.get("workdays", [])
        if not isinstance(rest, list) or not all(isinstance(r, list) and len(r) == 2 for r in rest):
            raise CalendarDataError(f"{where}: rest must be a list of [first, last] pairs")
        if not isinstance(workdays, list):
            raise CalendarDataError(f"{where}: workdays must be a list of dates")
        built.append(
            Festival(
                zh=item.get("zh"),  # type: ignore[arg-type]  # checked by Festival
                en=item.get("en"),  # type: ignore[arg-type]
                rest=tuple(DateRange(_day(a, where), _day(b, where)) for a, b in rest),
                workdays=tuple(_day(d, where) for d in workdays),
                special=item.get("special", False),
            )
        )
    published = record.get("published")
    return HolidayNotice(
        year=record.get("year"),  # type: ignore[arg-type]  # checked by HolidayNotice
        festivals=tuple(built),
        revision=record.get("revision", 0),
        notice_no=_opt_str(record, "notice_no", where),
        title=_opt_str(record, "title", where) or "",
        published=None if published is None else _day(published, where),
        source_url=_opt_str(record, "source_url", where),
        evidence=record.get("evidence", "verified"),
        note=_opt_str(record, "note", where),
    )


def _notices_from_document(doc: object) -> tuple[HolidayNotice, ...]:
    if isinstance(doc, dict) and "notices" in doc:
        if doc.get("format", _DATA_FORMAT) != _DATA_FORMAT:
            raise CalendarDataError(f"unsupported notice data format {show(doc.get('format'))}")
        records = doc["notices"]
        if not isinstance(records, list):
            raise CalendarDataError("'notices' must be a list of notice records")
        return tuple(notice_from_dict(r) for r in records)
    return (notice_from_dict(doc),)


#: A notice file is a few kilobytes; a larger file is refused unread.
MAX_NOTICE_BYTES = 1 << 20


def read_notice_file_bytes(path: str) -> bytes:
    """The bytes of a notice file: a regular file of at most :data:`MAX_NOTICE_BYTES`.

    A FIFO, a device (``/dev/zero``) or a directory is refused before it is opened,
    so reading can neither block nor run without end.
    """
    return read_capped_file(
        path,
        MAX_NOTICE_BYTES,
        what="notice file",
        error=CalendarDataError,
        not_regular="give the path of the notice's text or JSON file",
        too_large="a notice is a few kilobytes: give the notice's text or its JSON record",
    )


def load_notice(source: str | PathLike[str]) -> HolidayNotice:
    """Read one notice record from a JSON file path or from JSON text.

    The record has the shape of ``HolidayNotice.to_dict()``: year, revision,
    notice_no, title, published, source_url, evidence, note and festivals (each
    with zh, en, rest ``[[first, last], ...]`` and workdays).

    >>> n = load_notice('''{"year": 2027, "notice_no": null, "festivals": [
    ...   {"zh": "元旦", "en": "New Year's Day", "rest": [["2027-01-01", "2027-01-03"]],
    ...    "workdays": []}]}''')
    >>> n.year, n.rest_days()[0]
    (2027, datetime.date(2027, 1, 1))
    """
    if isinstance(source, PathLike) or (
        isinstance(source, str) and not source.lstrip().startswith("{")
    ):
        raw = read_notice_file_bytes(fspath(source))
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CalendarDataError(
                f"notice file {show(source)} is not UTF-8 text ({exc.reason} at byte "
                f"{exc.start}); save it as UTF-8"
            ) from None
    elif isinstance(source, str):
        if len(source) > MAX_NOTICE_BYTES:
            raise CalendarDataError(
                f"notice JSON of {len(source)} characters; a notice record is a few "
                "kilobytes: give one notice"
            )
        text = source
    else:
        raise InvalidInputError(
            f"load_notice needs a path or JSON text, got {type(source).__name__}"
        )
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:  # also over-long integers, deep nesting
        raise CalendarDataError(f"notice data is not valid JSON: {exc}") from None
    notices = _notices_from_document(doc)
    if len(notices) != 1:
        raise CalendarDataError(
            f"expected one notice record, found {len(notices)}; load them one by one"
        )
    return notices[0]


def _read_bundled() -> bytes:
    """The bundled data file's bytes, through the package's loader (zip-safe).

    The loader's ``get_data`` is the resource protocol ``importlib.resources`` is
    built on; calling it directly avoids importing ``importlib.resources`` (about
    10 ms) on the first calendar query.
    """
    # This module's own loader reads any file of the package (zip imports too).
    spec = __spec__
    loader = None if spec is None else spec.loader
    origin = None if spec is None else spec.origin
    get_data = getattr(loader, "get_data", None)
    if get_data is not None and origin and origin.endswith("_data.py"):
        path = origin[: -len("_data.py")] + "data/notices.json"
        data: bytes = get_data(path)
        return data
    from importlib.resources import files  # pragma: no cover - unusual loaders

    return files("opengov.calendar").joinpath("data/notices.json").read_bytes()


@lru_cache(maxsize=1)
def bundled_notices() -> tuple[HolidayNotice, ...]:
    """The official notices shipped with opengov (read from the package data, once)."""
    return _notices_from_document(json.loads(_read_bundled().decode("utf-8")))
