"""Statutory festival days of the holiday measures (全国年节及纪念日放假办法), by year.

First cut, used by the notice checks: the revisions' day counts, with lunar dates
from the ``holidays`` package's public API.
"""

from __future__ import annotations

from datetime import date, timedelta

STATUTORY_FESTIVALS = ("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节")


def statutory_days(year: int) -> dict[str, tuple[date, ...]]:
    import holidays

    h = holidays.country_holidays("CN", years=year, observed=False, language="zh_CN")
    by: dict[str, list[date]] = {}
    for d, names in h.items():
        for n in names.split("; "):
            by.setdefault(n, []).append(d)
    ny = min(by["春节"])
    one = timedelta(days=1)
    if year < 2008:
        return {
            "元旦": (date(year, 1, 1),),
            "春节": (ny, ny + one, ny + 2 * one),
            "劳动节": tuple(date(year, 5, d) for d in (1, 2, 3)),
            "国庆节": tuple(date(year, 10, d) for d in (1, 2, 3)),
        }
    spring: tuple[date, ...]
    labour: tuple[date, ...]
    if year >= 2025:
        spring = (ny - one, ny, ny + one, ny + 2 * one)
        labour = (date(year, 5, 1), date(year, 5, 2))
    elif year >= 2014:
        spring = (ny, ny + one, ny + 2 * one)
        labour = (date(year, 5, 1),)
    else:
        spring = (ny - one, ny, ny + one)
        labour = (date(year, 5, 1),)
    return {
        "元旦": (date(year, 1, 1),),
        "春节": spring,
        "清明节": (min(by["清明节"]),),
        "劳动节": labour,
        "端午节": (min(by["端午节"]),),
        "中秋节": (min(by["中秋节"]),),
        "国庆节": tuple(date(year, 10, d) for d in (1, 2, 3)),
    }
