"""Reading a State Council holiday notice from its own text (部分节假日安排的通知).

Each numbered item of a notice names a festival, its rest days and its make-up
working days, e.g. ``一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）
上班。`` Every weekday the notice states in brackets, and every day count (共N天,
放假N天), is checked against the Gregorian calendar; a mismatch raises
:class:`~opengov.errors.NoticeParseError` quoting the line, because it means the text
was mistyped or misread.
"""

from __future__ import annotations

import re
from datetime import date

from opengov._show import show
from opengov.calendar._records import DateRange, Festival, HolidayNotice
from opengov.errors import (
    CalendarDataError,
    InvalidInputError,
    NoticeParseError,
    NoticeRejectedError,
)

__all__ = ["FESTIVAL_NAMES_EN", "parse_notice_text"]

#: English names of the festivals notices name (joint items are joined with "and").
FESTIVAL_NAMES_EN: dict[str, str] = {
    "元旦": "New Year's Day",
    "新年": "New Year's Day",
    "春节": "Spring Festival",
    "清明节": "Qingming Festival",
    "清明": "Qingming Festival",
    "劳动节": "Labour Day",
    "端午节": "Dragon Boat Festival",
    "中秋节": "Mid-Autumn Festival",
    "国庆节": "National Day",
}

_NUMERALS = "一二三四五六七八九十"
_DATE = re.compile(
    # A bracketed note (周五, 农历除夕、周五) is short: bounding it keeps the scan
    # linear on a line of brackets that never close.
    r"(?:(?P<y>\d{4})年)?(?:(?P<m>\d{1,2})月)?(?P<d>\d{1,2})日(?:[（(](?P<note>[^）)]{0,30})[）)])?"
)
_WEEKDAYS = "一二三四五六日"
_WEEKDAY = re.compile(r"(?:周|星期)([一二三四五六日天])")
_COUNT = re.compile(r"(?:共|放假)(\d+)天")
_NOTICE_NO = re.compile(r"国办发明电〔(\d{4})〕(\d+)号")
_SIGNED_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")

# A notice is two or three kilobytes; these caps keep hostile input cheap (every
# pattern above is linear in a line, and no line is longer than this).
MAX_TEXT_CHARS = 64 * 1024
MAX_LINE_CHARS = 2000


def _item(line: str) -> tuple[str, str] | None:
    """(name, body) of a numbered item ``一、元旦：…``, else None (string search, linear)."""
    mark = line.find("、")
    if mark < 1 or any(c not in _NUMERALS for c in line[:mark]):
        return None
    rest = line[mark + 1 :]
    colons = [i for i in (rest.find("："), rest.find(":")) if i >= 0]
    if not colons:
        return None
    name, body = rest[: min(colons)].strip(), rest[min(colons) + 1 :]
    if not name or not body.strip():
        return None
    return name, body


def _signed(line: str) -> re.Match[str] | None:
    """The signature date line (``国务院办公厅 2025年11月4日``), else None."""
    text = line.lstrip("… \t\u3000")
    if text.startswith("国务院办公厅"):
        text = text[len("国务院办公厅") :].strip()
    return _SIGNED_DATE.fullmatch(text)


def _english(name: str) -> str:
    parts = [p for p in re.split(r"[、和与]", name) if p]
    if all(p in FESTIVAL_NAMES_EN for p in parts):
        return " and ".join(FESTIVAL_NAMES_EN[p] for p in parts)
    return name


def _dates_in(clause: str, year: int, line: str) -> list[tuple[date, bool]]:
    """Dates in a clause, each with whether it ends a ``至`` range."""
    out: list[tuple[date, bool]] = []
    cur_year, cur_month = year, None
    pos = 0
    for m in _DATE.finditer(clause):
        if m["y"]:
            cur_year = int(m["y"])
        if m["m"]:
            cur_month = int(m["m"])
        if cur_month is None:
            raise NoticeParseError(f"a day without a month in: {line}")
        try:
            day = date(cur_year, cur_month, int(m["d"]))
        except ValueError:
            raise NoticeParseError(f"no such date {show(m.group(0))} in: {line}") from None
        stated = _WEEKDAY.search(m["note"] or "")
        if stated:
            want = 6 if stated.group(1) in "日天" else _WEEKDAYS.index(stated.group(1))
            if day.weekday() != want:
                raise NoticeParseError(
                    f"{day.isoformat()} is a 周{_WEEKDAYS[day.weekday()]}, "
                    f"not {stated.group(0)} as the notice says, in: {line}"
                )
        between = clause[pos : m.start()]
        out.append((day, "至" in between or "—" in between))
        pos = m.end()
    return out


def _parse_item(name: str, body: str, year: int, line: str) -> Festival:
    rest: list[DateRange] = []
    workdays: list[date] = []
    stated_count: int | None = None
    for clause in re.split(r"[。；;，,]", body):
        if not clause.strip():
            continue
        found = _dates_in(clause, year, line)
        count = _COUNT.search(clause)
        if count:
            if len(count.group(1)) > 3:
                raise NoticeParseError(f"no festival lasts {count.group(1)} days, in: {line}")
            stated_count = int(count.group(1))
        if "上班" in clause:
            workdays.extend(day for day, _ in found)
        elif found and (
            "放假" in clause or "补休" in clause or "休息" in clause or "调休" in clause
        ):
            for day, ends_range in found:
                if ends_range and rest:
                    if day < rest[-1].first:
                        raise NoticeParseError(f"a range ends before it starts in: {line}")
                    rest[-1] = DateRange(rest[-1].first, day)
                else:
                    rest.append(DateRange(day, day))
        elif found:
            raise NoticeParseError(
                f"dates in a clause that says neither 放假 nor 上班 ({show(clause)}) in: {line}"
            )
    if not rest:
        raise NoticeParseError(f"no rest days found in: {line}")
    total = sum(len(r) for r in rest)
    if stated_count is not None and stated_count != total:
        raise NoticeParseError(
            f"the notice says {stated_count} days but the dates give {total} "
            f"({', '.join(str(r) for r in rest)}) in: {line}"
        )
    try:
        return Festival(name, _english(name), tuple(rest), tuple(workdays))
    except (NoticeParseError, NoticeRejectedError):
        raise
    except CalendarDataError as exc:
        raise NoticeParseError(f"{exc} in: {line}") from None


def parse_notice_text(
    year: int,
    text: str,
    *,
    revision: int = 0,
    notice_no: str | None = None,
    source_url: str | None = None,
    evidence: str = "verified",
) -> HolidayNotice:
    """Read a holiday notice for ``year`` from its text.

    Numbered items (``一、元旦：…``) are read; other lines are ignored, except a
    document number (国办发明电〔2025〕N号) and a signature date
    (``国务院办公厅 2025年11月4日``), which become ``notice_no`` and ``published``
    unless given.

    >>> n = parse_notice_text(2026, "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。"
    ...                             "1月4日（周日）上班。")
    >>> n.festivals[0].rest, n.festivals[0].workdays
    ((DateRange(first=datetime.date(2026, 1, 1), last=datetime.date(2026, 1, 3)),), (datetime.date(2026, 1, 4),))
    >>> parse_notice_text(2026, "一、元旦：1月1日（周三）放假1天。")
    Traceback (most recent call last):
    ...
    opengov.errors.NoticeParseError: 2026-01-01 is a 周四, not 周三 as the notice says, in: 一、元旦：1月1日（周三）放假1天。
    """
    if type(year) is not int or not 2000 <= year <= 9998:
        raise InvalidInputError(f"year must be an int such as 2027, got {show(year)}")
    if not isinstance(text, str):
        raise InvalidInputError(f"the notice text must be a str, got {type(text).__name__}")
    if len(text) > MAX_TEXT_CHARS:
        raise NoticeParseError(
            f"the notice text has {len(text)} characters; a notice has a few thousand "
            f"(at most {MAX_TEXT_CHARS} are read): give the notice's own text only"
        )
    festivals: list[Festival] = []
    published: date | None = None
    found_no = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if len(line) > MAX_LINE_CHARS:
            raise NoticeParseError(
                f"a line of {len(line)} characters (at most {MAX_LINE_CHARS}) starting "
                f"{line[:40]!r}: a notice's items are short lines; check the text"
            )
        if notice_no is None and found_no is None:
            no = _NOTICE_NO.search(line)
            if no:
                found_no = no.group(0)
        signed = _signed(line)
        if signed:
            try:
                published = date(int(signed[1]), int(signed[2]), int(signed[3]))
            except ValueError:
                raise NoticeParseError(f"no such date in: {line}") from None
            continue
        item = _item(line)
        if item is None:
            continue
        festivals.append(_parse_item(item[0], item[1], year, line))
    if not festivals:
        raise NoticeParseError(
            "no numbered items like '一、元旦：1月1日（周四）放假1天。' found in the notice text"
        )
    try:
        return HolidayNotice(
            year=year,
            festivals=tuple(festivals),
            revision=revision,
            notice_no=notice_no or found_no,
            published=published,
            source_url=source_url,
            evidence=evidence,
        )
    except (NoticeParseError, NoticeRejectedError):
        raise
    except CalendarDataError as exc:
        raise NoticeParseError(str(exc)) from None
