from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opengov.editions import Edition, edition_in_force
from opengov.errors import EditionNotInForceError, InvalidDateError


@pytest.mark.parametrize(
    ("day", "edition"),
    [
        (date(2008, 5, 1), Edition.REG_2007),
        (date(2019, 5, 14), Edition.REG_2007),
        (date(2019, 5, 15), Edition.REG_2019),
        (date(2026, 11, 21), Edition.REG_2019),
    ],
)
def test_edition_boundaries(day: date, edition: Edition) -> None:
    assert edition_in_force(day) is edition


def test_before_2007_edition_raises_with_the_date() -> None:
    with pytest.raises(EditionNotInForceError, match="2008-04-30"):
        edition_in_force(date(2008, 4, 30))


def test_aware_datetime_is_read_in_china_time() -> None:
    # 2019-05-14 17:00 UTC is 2019-05-15 01:00 in Beijing.
    moment = datetime(2019, 5, 14, 17, 0, tzinfo=timezone.utc)
    assert edition_in_force(moment) is Edition.REG_2019


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(InvalidDateError, match="naive"):
        edition_in_force(datetime(2020, 1, 1, 12))


def test_strings_are_refused() -> None:
    with pytest.raises(InvalidDateError, match=r"^on must be a datetime\.date"):
        edition_in_force("2020-01-01")  # type: ignore[arg-type]


@given(st.dates(min_value=date(2008, 5, 1)), st.integers(0, 4000))
def test_edition_never_goes_back_in_time(day: date, later: int) -> None:
    try:
        after = day + timedelta(days=later)
    except OverflowError:
        return
    order = [Edition.REG_2007, Edition.REG_2019]
    assert order.index(edition_in_force(after)) >= order.index(edition_in_force(day))


def test_edition_rules() -> None:
    old, new = Edition.REG_2007.rules, Edition.REG_2019.rules
    assert (old.reply_days, old.max_extension_days) == (15, 15)
    assert (new.reply_days, new.max_extension_days) == (20, 20)
    assert new.correction_notice_days == 7
    assert new.third_party_opinion_days == new.agency_opinion_days == 15
    assert old.proactive_disclosure_days == new.proactive_disclosure_days == 20
    assert old.report_due_department == old.report_due_government == (3, 31)
    assert (new.report_due_department, new.report_due_government) == ((1, 31), (3, 31))
    assert str(new.reply_basis) == "ogi-2019:33.2"
