"""The eras of the holiday measures (全国年节及纪念日放假办法) come from the statute book.

Sources: 国务院令第270号 (1999-09-18, 自发布之日起施行; newton.com.tw copy): 春节 正月初一、
初二、初三, 劳动节 5月1日、2日、3日, no 清明. 国务院令第513号 (本决定自2008年1月1日起施行;
zh.wikisource.org copy): 春节 除夕、正月初一、初二, 清明节 1 day, 劳动节 5月1日.
Lunar dates: 2007 正月初一 = Sun 02-18; 2008 除夕 = Wed 02-06, 清明 = Fri 04-04.
"""

from __future__ import annotations

from datetime import date

from opengov import law
from opengov.calendar._measures import REVISIONS, statutory_days


def test_the_table_reads_each_revisions_day_from_the_book() -> None:
    assert law.in_force("holiday-measures-1999") == date(1999, 9, 18)
    assert law.in_force("holiday-measures-2007") == date(2008, 1, 1)
    # 1999-09-18 is mid-year: the table governs from the first whole year, 2000
    assert [r.first_year for r in REVISIONS] == [2000, 2008, 2014, 2025]
    entry = law.parameter("in_force.holiday-measures-1999").values[0]
    assert entry.evidence is law.Evidence.PARTLY_VERIFIED
    assert "自发布之日起施行" in entry.note


def test_2007_and_2008_follow_their_revisions() -> None:
    y2007 = statutory_days(2007)
    assert y2007["劳动节"] == (date(2007, 5, 1), date(2007, 5, 2), date(2007, 5, 3))
    assert y2007["春节"] == (date(2007, 2, 18), date(2007, 2, 19), date(2007, 2, 20))
    assert "清明节" not in y2007
    y2008 = statutory_days(2008)
    assert y2008["劳动节"] == (date(2008, 5, 1),)
    assert y2008["春节"] == (date(2008, 2, 6), date(2008, 2, 7), date(2008, 2, 8))
    assert y2008["清明节"] == (date(2008, 4, 4),)
