"""The statutory festival days of the holiday measures (全国年节及纪念日放假办法), by year.

One table, :data:`REVISIONS`, says which festivals each revision of the measures
gives and which days; :func:`statutory_days` applies the revision in force in a
year. The notice checks (:mod:`opengov.calendar._validate`) and the provisional
calendar (:mod:`opengov.calendar._provisional`) both read it, so a new revision is
one new row here.

Lunar dates (正月初一, 端午, 中秋) and 清明 come from the ``holidays`` package's
public API (``holidays.country_holidays("CN", observed=False)``), the runtime
dependency that computes them; nothing private of it is used.

The day each revision took effect is read from the statute book
(``in_force.holiday-measures-*``, :mod:`opengov.law`), with its source; this module
keeps the festival rules only.

Evidence for the rows: the 2024 revision (国务院令第795号) and the 2013 text are
verified against their published texts (the project's legal reference, §6.1); the
2007 revision (国务院令第513号, 2007-12-14, in force 2008-01-01) and the 1999
measures (国务院令第270号, 1999-09-18) are partly verified: their Art. 2 was read
in secondary copies only, their dates in the revision history printed with the 2013
text; both are corroborated by every bundled notice of their years: the weekdays
each notice gives off, net of its make-up days, equal the days in this table
(tested).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from opengov import law
from opengov.errors import CalendarDataError

__all__ = [
    "REVISIONS",
    "STATUTORY_FESTIVALS",
    "Revision",
    "Rule",
    "revision_in_force",
    "statutory_days",
]

#: The festivals of the measures, as notices name them.
STATUTORY_FESTIVALS: tuple[str, ...] = (
    "元旦",
    "春节",
    "清明节",
    "劳动节",
    "端午节",
    "中秋节",
    "国庆节",
)

_ONE_DAY = timedelta(days=1)


class Rule(NamedTuple):
    """A festival's statutory days: ``days`` of ``month``, or offsets from an anchor.

    ``anchor`` is ``"date"`` (Gregorian: ``days`` of ``month``), or ``"new_year"``
    (正月初一; offset −1 is 除夕), ``"qingming"``, ``"dragon_boat"`` (端午) or
    ``"mid_autumn"`` (中秋), with ``days`` the offsets from that day.
    """

    anchor: str
    days: tuple[int, ...]
    month: int = 0


class Revision(NamedTuple):
    """One revision of the measures: the first year it governs and its rules (Art. 2)."""

    instrument: str
    first_year: int
    evidence: str
    rules: dict[str, Rule]


_ON_THE_DAY = (0,)
_BASE_RULES: dict[str, Rule] = {
    "元旦": Rule("date", (1,), 1),
    "清明节": Rule("qingming", _ON_THE_DAY),
    "劳动节": Rule("date", (1,), 5),
    "端午节": Rule("dragon_boat", _ON_THE_DAY),
    "中秋节": Rule("mid_autumn", _ON_THE_DAY),
    "国庆节": Rule("date", (1, 2, 3), 10),
}


def _first_year(instrument: str) -> int:
    """The first whole year a revision governs, from the day it took effect (statute book).

    Revisions since 2007 took effect on 1 January; the 1999 one on the day it was
    published (1999-09-18), so the table applies it from 2000.
    """
    day = law.in_force(instrument)
    assert day is not None, instrument
    return day.year if (day.month, day.day) == (1, 1) else day.year + 1


#: The revisions, oldest first.
REVISIONS: tuple[Revision, ...] = (
    Revision(
        "国务院令第270号",
        _first_year("holiday-measures-1999"),
        "partly_verified",
        {
            "元旦": Rule("date", (1,), 1),
            "春节": Rule("new_year", (0, 1, 2)),
            "劳动节": Rule("date", (1, 2, 3), 5),
            "国庆节": Rule("date", (1, 2, 3), 10),
        },
    ),
    Revision(
        "国务院令第513号",
        _first_year("holiday-measures-2007"),
        "partly_verified",
        {**_BASE_RULES, "春节": Rule("new_year", (-1, 0, 1))},
    ),
    Revision(
        "国务院令第644号",
        _first_year("holiday-measures-2013"),
        "verified",
        {**_BASE_RULES, "春节": Rule("new_year", (0, 1, 2))},
    ),
    Revision(
        "国务院令第795号",
        _first_year("holiday-measures-2024"),
        "verified",
        {**_BASE_RULES, "春节": Rule("new_year", (-1, 0, 1, 2)), "劳动节": Rule("date", (1, 2), 5)},
    ),
)


def revision_in_force(year: int) -> Revision:
    """The revision of the measures that governs ``year``."""
    found = [r for r in REVISIONS if r.first_year <= year]
    if not found:
        raise CalendarDataError(
            f"no revision of the holiday measures in opengov's table governs {year}; "
            f"the table starts with {REVISIONS[0].first_year}"
        )
    return found[-1]


def _lunar(year: int, needed: set[str]) -> dict[str, date]:
    """The ``needed`` of 正月初一, 清明, 端午, 中秋 in ``year`` from ``holidays``' public API."""
    import holidays

    table = holidays.country_holidays("CN", years=year, observed=False, language="zh_CN")
    by_name: dict[str, list[date]] = {}
    for day, names in table.items():
        for name in names.split("; "):  # two holidays on one day are joined with "; "
            by_name.setdefault(name, []).append(day)
    wanted = {
        "new_year": "春节",
        "qingming": "清明节",
        "dragon_boat": "端午节",
        "mid_autumn": "中秋节",
    }
    out = {}
    for key, name in wanted.items():
        if key not in needed:
            continue
        days = by_name.get(name)
        if not days:
            raise CalendarDataError(
                f"the holidays package gives no {name} for {year}; the lunar dates of the "
                "holiday measures cannot be computed"
            )
        out[key] = min(days)
    return out


def statutory_days(year: int) -> dict[str, tuple[date, ...]]:
    """Each festival of the measures in force in ``year`` with its statutory days.

    The days before any 补假 or 调休, in order.

    >>> statutory_days(2027)["春节"]
    (datetime.date(2027, 2, 5), datetime.date(2027, 2, 6), datetime.date(2027, 2, 7), datetime.date(2027, 2, 8))
    >>> statutory_days(2007)["劳动节"][-1], "清明节" in statutory_days(2007)
    (datetime.date(2007, 5, 3), False)
    """
    revision = revision_in_force(year)
    lunar = _lunar(year, {r.anchor for r in revision.rules.values() if r.anchor != "date"})
    out: dict[str, tuple[date, ...]] = {}
    for name in STATUTORY_FESTIVALS:
        rule = revision.rules.get(name)
        if rule is None:
            continue
        if rule.anchor == "date":
            out[name] = tuple(date(year, rule.month, d) for d in rule.days)
        else:
            out[name] = tuple(lunar[rule.anchor] + _ONE_DAY * k for k in rule.days)
    return out
