"""Adding notices without a release: the notice-text parser, JSON files, layering."""

from __future__ import annotations

import contextlib
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opengov import CalendarCoverageError, CalendarDataError, InvalidInputError, NoticeParseError
from opengov.calendar import (
    DateRange,
    Festival,
    HolidayNotice,
    load_notice,
    official_calendar,
    parse_notice_text,
)

DATA = Path(__file__).parent / "data"
CAL = official_calendar()


@pytest.mark.parametrize("year", [2025, 2026])
def test_parser_reproduces_the_bundled_data(year: int) -> None:
    text = (DATA / f"notice_{year}.txt").read_text(encoding="utf-8")
    parsed = parse_notice_text(year, text)
    (bundled,) = CAL.notices_for(year)
    assert parsed.festivals == bundled.festivals
    assert parsed.published == bundled.published
    assert parsed.title == bundled.title


def test_parser_reads_joint_items_and_lunar_notes() -> None:
    parsed = parse_notice_text(2025, (DATA / "notice_2025.txt").read_text(encoding="utf-8"))
    joint = parsed.festivals[-1]
    assert (joint.zh, joint.en) == ("国庆节、中秋节", "National Day and Mid-Autumn Festival")
    assert joint.rest == (DateRange(date(2025, 10, 1), date(2025, 10, 8)),)
    assert joint.workdays == (date(2025, 9, 28), date(2025, 10, 11))


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("一、元旦：1月1日（周三）至3日（周六）放假调休，共3天。", "not 周三"),
        ("一、元旦：1月1日（周四）至3日（周六）放假调休，共4天。", "says 4 days"),
        ("一、元旦：1月1日（周四）放假。1月5日（周一）上班。", "not a weekend"),
        ("一、元旦：2月30日放假。", "no such date"),
        ("一、元旦：1月4日（星期日）上班。", "no rest days"),
        ("这不是通知。", "no numbered items"),
    ],
)
def test_parser_rejects_inconsistent_text_quoting_the_line(line: str, message: str) -> None:
    with pytest.raises(NoticeParseError, match=message):
        parse_notice_text(2026, line)


def test_parser_reads_older_wording_and_cross_year_dates() -> None:
    n = parse_notice_text(
        2008,
        "一、元旦：2007年12月30日至2008年1月1日放假，共3天。2007年12月29日（星期六）上班。\n"
        "国办发明电〔2007〕40号",
    )
    assert n.notice_no == "国办发明电〔2007〕40号"
    assert n.festivals[0].rest == (DateRange(date(2007, 12, 30), date(2008, 1, 1)),)
    assert n.festivals[0].workdays == (date(2007, 12, 29),)


@pytest.mark.parametrize("bad", [None, 2027.0, True])
def test_parser_bad_arguments(bad: object) -> None:
    with pytest.raises(InvalidInputError, match="year must be an int such as 2027"):
        parse_notice_text(bad, "一、元旦：1月1日放假。")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="the notice text must be a str"):
        parse_notice_text(2027, bad)  # type: ignore[arg-type]


# Invented test data in the shape of a 2027 notice (never bundled): see the file's header.
NOTICE_2027 = (DATA / "invented_notice_2027.txt").read_text(encoding="utf-8")


def test_with_notice_extends_coverage_and_keeps_the_original() -> None:
    cal = CAL.with_notice(parse_notice_text(2027, NOTICE_2027))
    # Adding 2027 settles the end of 2026; 2027-12-29..31 wait for the 2028 notice.
    assert cal.coverage.last == date(2027, 12, 28)
    assert CAL.coverage.last == date(2026, 12, 28)
    assert cal.is_working_day(date(2026, 12, 31))
    assert not cal.is_working_day(date(2027, 2, 12))
    assert cal.is_working_day(date(2027, 2, 14))
    # 2026-12-21..25 and 28..31 (9), 1-3 January off, 4..8 (14), 11..15 (19), 18 (20).
    assert cal.add_working_days(date(2026, 12, 20), 20) == date(2027, 1, 18)
    with pytest.raises(CalendarCoverageError, match="day 2027-02-12 falls in 2027"):
        CAL.is_working_day(date(2027, 2, 12))


def test_with_notice_refuses_duplicates_gaps_and_junk() -> None:
    (n2026,) = CAL.notices_for(2026)
    with pytest.raises(CalendarDataError, match="revision"):
        CAL.with_notice(n2026)
    with pytest.raises(CalendarDataError, match="consecutive"):
        CAL.with_notice(parse_notice_text(2028, "一、元旦：1月1日（周六）放假。"))
    with pytest.raises(InvalidInputError, match="with_notice needs a HolidayNotice"):
        CAL.with_notice("2027")  # type: ignore[arg-type]


def test_an_amendment_replaces_the_festival_it_names() -> None:
    # An invented amendment: 中秋节 24-27 September 2026 (Thursday to Sunday), the
    # Thursday made up on Saturday 19 September; the year's balance is unchanged.
    amendment = HolidayNotice(
        2026,
        (
            Festival(
                "中秋节",
                "Mid-Autumn Festival",
                (DateRange(date(2026, 9, 24), date(2026, 9, 27)),),
                (date(2026, 9, 19),),
            ),
        ),
        revision=1,
        notice_no="示例〔2026〕1号",
    )
    cal = CAL.with_notice(amendment)
    assert not cal.is_working_day(date(2026, 9, 24))
    assert cal.is_working_day(date(2026, 9, 19))
    assert cal.source(date(2026, 9, 24)) == "示例〔2026〕1号"
    assert CAL.is_working_day(date(2026, 9, 24))


def test_json_round_trip_and_files(tmp_path: Path) -> None:
    (n2026,) = CAL.notices_for(2026)
    assert load_notice(n2026.to_json()) == n2026
    path = tmp_path / "2026.json"
    path.write_text(n2026.to_json(), encoding="utf-8")
    assert load_notice(path) == n2026
    assert load_notice(str(path)) == n2026


@pytest.mark.parametrize(
    ("record", "match"),
    [
        ("not json", "cannot read notice file 'not json'"),
        ("[]", r"cannot read notice file '\[\]'"),
        ('{"year": 2027}', "notice 2027: festivals must be a list"),
        ('{"year": 2027, "festivals": []}', "the 2027 notice names no festival"),
        (
            '{"year": "2027", "festivals": [{"zh": "元旦", "en": "x", "rest": [["2027-01-01", "2027-01-01"]]}]}',
            "a notice year must be an int such as 2027, got '2027'",
        ),
        (
            '{"year": 2027, "festivals": [{"zh": "元旦", "en": "x", "rest": [["2027-01-02", "2027-01-01"]]}]}',
            "range 2027-01-02 to 2027-01-01 ends before it starts",
        ),
        (
            '{"year": 2027, "festivals": [{"zh": "元旦", "en": "x", "rest": [["2027-13-01", "2027-01-01"]]}]}',
            r"'2027-13-01' is not an ISO date \(YYYY-MM-DD\)",
        ),
        (
            '{"year": 2027, "evidence": "rumour", "festivals": [{"zh": "元旦", "en": "x", "rest": []}]}',
            "evidence must be one of verified, partly_verified, recalled; got 'rumour'",
        ),
        ('{"year": 2027, "colour": 1, "festivals": []}', r"unknown field\(s\) \['colour'\]"),
    ],
)
def test_bad_notice_data_is_a_calendar_data_error(record: str, match: str) -> None:
    with pytest.raises(CalendarDataError, match=match):
        load_notice(record)


def test_missing_file_is_a_calendar_data_error(tmp_path: Path) -> None:
    with pytest.raises(CalendarDataError, match="cannot read"):
        load_notice(tmp_path / "nope.json")


def test_bundled_file_is_one_record_per_notice() -> None:
    from opengov.calendar._data import _read_bundled

    doc = json.loads(_read_bundled())
    years = [(r["year"], r["revision"]) for r in doc["notices"]]
    assert len(years) == len(set(years)) == len(CAL.notices)
    for record in doc["notices"]:
        assert record["evidence"] in ("verified", "partly_verified", "recalled")


def test_extra_rest_days_layer_on_top() -> None:
    cal = CAL.with_extra_rest_days([date(2026, 3, 20), date(2026, 3, 23)], "古尔邦节")
    assert cal.add_working_days(date(2026, 3, 19), 1) == date(2026, 3, 24)
    assert CAL.add_working_days(date(2026, 3, 19), 1) == date(2026, 3, 20)
    assert cal.offset(date(2026, 3, 19), 1).skipped[0].name_zh == "古尔邦节"
    with pytest.raises(InvalidInputError, match="extra rest days need a name"):
        CAL.with_extra_rest_days([date(2026, 3, 20)], "")
    with pytest.raises(InvalidInputError, match="days must be an iterable of dates"):
        CAL.with_extra_rest_days("2026-03-20", "x")  # type: ignore[arg-type]


def test_parser_caps_text_and_line_size() -> None:
    with pytest.raises(NoticeParseError, match="characters"):
        parse_notice_text(2026, "一、元旦：1月1日放假。\n" * 10_000)
    with pytest.raises(NoticeParseError, match="a line of 20001 characters"):
        parse_notice_text(2026, "一、" + " " * 19_998 + "x")


@given(
    st.text(
        alphabet=st.sampled_from(
            list(" \t…、：:一二三元旦春节月日年至（）()周四放假上班共天0123456789\n")
        ),
        max_size=400,
    )
)
def test_parser_never_fails_with_anything_but_its_own_errors(text: str) -> None:
    # NoticeParseError and NoticeRejectedError derive from CalendarDataError.
    with contextlib.suppress(CalendarDataError):
        parse_notice_text(2026, text)


def test_a_notice_file_that_is_not_a_regular_file_is_refused_unread(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "notice.json"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer for ever
    with pytest.raises(CalendarDataError, match="not a regular file"):
        load_notice(fifo)
    with pytest.raises(CalendarDataError, match="not a regular file"):
        load_notice(tmp_path)


def test_an_oversized_notice_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b"{" + b" " * (1 << 20) + b"}")
    with pytest.raises(CalendarDataError, match="larger than"):
        load_notice(big)
