"""Junk-input sweep: every public entry point of the vocabulary and the calendar.

Each test feeds values of every kind (None, bools, floats, strings, bytes, naive and
aware datetimes, dates at both ends of the range, huge and negative ints, members of
the wrong enum, lists, dicts) to every argument of a public function, method or
constructor. A call may succeed or raise an ``OpenGovError`` subclass or pydantic's
``ValidationError``; a bare builtin error (TypeError, KeyError, OverflowError, …)
is a bug. The objects a call works on, and the junk itself, must be unchanged
afterwards. The command line gets the same treatment: a usage error is one line on
stderr and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import contextlib
import copy
import io
import warnings
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from enum import Enum
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import opengov
from opengov import (
    ApplicantGroup,
    ApplicantType,
    Citation,
    DateRange,
    DisclosureMode,
    Edition,
    EditionRules,
    ExemptionGround,
    ExemptionKind,
    Festival,
    GovernmentLevel,
    HolidayNotice,
    Instrument,
    LegacyOutcome,
    LocalProactiveItem,
    OpenGovError,
    OutcomeGroup,
    OutcomeRow,
    Override,
    PeriodEnd,
    ProactiveItem,
    ProvisionalCalendarWarning,
    ReceiptRule,
    Reply,
    ReplyType,
    ReportFormat,
    RestDay,
    SubmissionChannel,
    WorkdayCalendar,
    WorkdayOffset,
    edition_in_force,
    export_vocabulary,
    load_notice,
    lookup,
    official_calendar,
    parse_notice_text,
    receipt_date,
)
from opengov.citations import cite, to_chinese_numeral
from opengov.cli import main

CAL = official_calendar()
PROV = official_calendar(provisional=True)
DAY = date(2026, 9, 28)
DAYS = np.array(["2026-09-28", "2026-10-09"], dtype="datetime64[D]")
CITATION = Citation.parse("ogi-2019:33.2")
REPLY = Reply(type=ReplyType.WITHHELD, grounds=(ExemptionGround.STATE_SECRET,))
FESTIVAL = Festival("元旦", "New Year's Day", (DateRange(date(2027, 1, 1), date(2027, 1, 3)),))
NOTICE = HolidayNotice(2027, (FESTIVAL,))
# A one-year calendar: cheap to build, so constructor calls stay fast.
NOTICE_ONLY = (HolidayNotice(2026, (Festival("元旦", "New Year's Day", ()),)),)
NOTICE_TEXT = "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。"

ENUMS: tuple[type[Enum], ...] = (
    ApplicantGroup,
    ApplicantType,
    DisclosureMode,
    Edition,
    ExemptionGround,
    ExemptionKind,
    GovernmentLevel,
    Instrument,
    LegacyOutcome,
    LocalProactiveItem,
    OutcomeGroup,
    OutcomeRow,
    Override,
    ProactiveItem,
    ReceiptRule,
    ReplyType,
    ReportFormat,
    SubmissionChannel,
)

_offsets = st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
_extreme_datetimes = st.sampled_from([datetime.min, datetime.max]).flatmap(
    lambda dt: _offsets.map(lambda tz: dt.replace(tzinfo=tz))
)
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.sampled_from([0, -1, 1, 20, 2**63, -(2**63), 2**64 - 1, 10**5000]),
    st.text(max_size=20),
    st.sampled_from(
        ["", " ", "2026-09-28", "2019", "2021", "2007", "ogi-2019:33.2", "２０２６", "state_secret"]
    ),
    st.binary(max_size=8),
    st.dates(),
    st.sampled_from([date.min, date.max, date(2003, 12, 31), date(2027, 1, 1)]),
    st.datetimes(),
    st.datetimes(timezones=_offsets),
    _extreme_datetimes,
    st.sampled_from(ENUMS).flatmap(lambda e: st.sampled_from(list(e))),
    st.just(CITATION),
    st.just(NOTICE),
)
junk = st.one_of(
    _scalars,
    st.lists(_scalars, max_size=3),
    st.tuples(_scalars, _scalars),
    st.dictionaries(st.text(max_size=5), _scalars, max_size=2),
    st.frozensets(st.integers(), max_size=2),
)

Call = Callable[[Any], object]


def _constructor(enum_type: type[Enum]) -> Call:
    return lambda x: enum_type(x)


# Every public entry point of the areas under test, with the junk in one argument.
CALLS: dict[str, Call] = {
    # citations and editions
    "Citation(instrument=)": lambda x: Citation(instrument=x),
    "Citation(article=)": lambda x: Citation(instrument=Instrument.OGI_2019, article=x),
    "Citation(paragraph=)": lambda x: Citation(instrument="ogi-2019", article=1, paragraph=x),
    "Citation(item=)": lambda x: Citation(instrument="ogi-2019", article=1, item=x),
    "Citation.parse": lambda x: Citation.parse(x),
    "Citation.model_validate": lambda x: Citation.model_validate(x),
    "Citation.model_validate_json": lambda x: Citation.model_validate_json(
        x if isinstance(x, (str, bytes)) else _show(x)
    ),
    "cite": lambda x: cite(x),
    "to_chinese_numeral": lambda x: to_chinese_numeral(x),
    "edition_in_force": lambda x: edition_in_force(x),
    "EditionRules.model_validate": lambda x: EditionRules.model_validate(x),
    # vocabulary enums: constructors and their methods
    **{f"{e.__name__}()": _constructor(e) for e in ENUMS},
    "lookup(ReplyType, x)": lambda x: lookup(ReplyType, x),
    "lookup(x, code)": lambda x: lookup(x, "disclosed"),
    "ReportFormat.for_year": lambda x: ReportFormat.for_year(x),
    "ProactiveItem.by_number": lambda x: ProactiveItem.by_number(x),
    "LocalProactiveItem.binds": lambda x: LocalProactiveItem.LAND_EXPROPRIATION.binds(x),
    "SubmissionChannel.receipt_rule": lambda x: SubmissionChannel.ONLINE.receipt_rule(x),
    "SubmissionChannel.receipt_basis": lambda x: SubmissionChannel.ONLINE.receipt_basis(x),
    "receipt_date(channel)": lambda x: receipt_date(x, submitted_on=DAY),
    "receipt_date(submitted_on=)": lambda x: receipt_date("in_person", submitted_on=x),
    "receipt_date(signed_for_on=)": lambda x: receipt_date(
        SubmissionChannel.REGISTERED_POST, signed_for_on=x
    ),
    "receipt_date(confirmed_on=)": lambda x: receipt_date(
        SubmissionChannel.ONLINE, submitted_on=DAY, confirmed_on=x
    ),
    "receipt_date(edition=)": lambda x: receipt_date(
        SubmissionChannel.ONLINE, submitted_on=DAY, confirmed_on=DAY, edition=x
    ),
    "ExemptionGround.basis_for": lambda x: ExemptionGround.STATE_SECRET.basis_for(x),
    "ExemptionGround.exists_in": lambda x: ExemptionGround.PROHIBITED_BY_LAW.exists_in(x),
    "Reply(type=)": lambda x: Reply(type=x),
    "Reply(grounds=)": lambda x: Reply(type=ReplyType.WITHHELD, grounds=x),
    "Reply.model_validate": lambda x: Reply.model_validate(x),
    "Reply.report_row": lambda x: REPLY.report_row(x),
    "LegacyOutcome.to_report_row": lambda x: LegacyOutcome.AGREED.to_report_row(x),
    "LegacyOutcome.assume_report_row": lambda x: LegacyOutcome.TOLD_TO_AMEND.assume_report_row(x),
    # the calendar
    "official_calendar(provisional=)": lambda x: official_calendar(provisional=x),
    "WorkdayCalendar(notices)": lambda x: WorkdayCalendar(x),
    "WorkdayCalendar(provisional=)": lambda x: WorkdayCalendar(NOTICE_ONLY, provisional=x),
    "WorkdayCalendar(extra_rest_days=)": lambda x: WorkdayCalendar(NOTICE_ONLY, extra_rest_days=x),
    "is_working_day": lambda x: CAL.is_working_day(x),
    "holiday_name": lambda x: CAL.holiday_name(x),
    "source": lambda x: CAL.source(x),
    "is_provisional": lambda x: CAL.is_provisional(x),
    "add_working_days(start)": lambda x: CAL.add_working_days(x, 20),
    "add_working_days(n)": lambda x: CAL.add_working_days(DAY, x),
    "provisional add_working_days(start)": lambda x: PROV.add_working_days(x, -20),
    "provisional add_working_days(n)": lambda x: PROV.add_working_days(DAY, x),
    "working_days_between(start)": lambda x: CAL.working_days_between(x, DAY),
    "working_days_between(end)": lambda x: PROV.working_days_between(DAY, x),
    "offset(start)": lambda x: CAL.offset(x, 3),
    "offset(n)": lambda x: PROV.offset(DAY, x),
    "add_period(start)": lambda x: CAL.add_period(x, months=1),
    "provisional add_period(start)": lambda x: PROV.add_period(x, days=10),
    "add_period(days=)": lambda x: CAL.add_period(DAY, days=x),
    "add_period(months=)": lambda x: PROV.add_period(DAY, months=x),
    "add_period(roll=)": lambda x: CAL.add_period(DAY, days=3, roll=x),
    "rest_days": lambda x: CAL.rest_days(x),
    "make_up_workdays": lambda x: PROV.make_up_workdays(x),
    "notices_for": lambda x: CAL.notices_for(x),
    "with_notice": lambda x: CAL.with_notice(x),
    "with_extra_rest_days(days)": lambda x: CAL.with_extra_rest_days(x, "古尔邦节"),
    "with_extra_rest_days([day])": lambda x: CAL.with_extra_rest_days([x], "古尔邦节"),
    "with_extra_rest_days(name)": lambda x: CAL.with_extra_rest_days([DAY], x),
    "with_provisional": lambda x: CAL.with_provisional(x),
    "add_working_days_array(dates)": lambda x: CAL.add_working_days_array(x, 1),
    "add_working_days_array(n)": lambda x: CAL.add_working_days_array(DAYS, x),
    "working_days_between_array(starts)": lambda x: CAL.working_days_between_array(x, DAYS),
    "working_days_between_array(ends)": lambda x: CAL.working_days_between_array(DAYS, x),
    "DateRange(first)": lambda x: (len(DateRange(x, date.max)), list(DateRange(x, x))),
    "DateRange(last)": lambda x: len(DateRange(date.min, x)),
    "DateRange.__contains__": lambda x: x in DateRange(DAY, DAY),
    "Festival(zh)": lambda x: Festival(x, "en", ()),
    "Festival(en)": lambda x: Festival("春节", x, ()),
    "Festival(rest)": lambda x: Festival("春节", "Spring Festival", x),
    "Festival(rest=(range,))": lambda x: Festival("春节", "Spring Festival", (DateRange(x, x),)),
    "Festival(workdays)": lambda x: Festival("春节", "Spring Festival", (), x),
    "HolidayNotice(year)": lambda x: HolidayNotice(x, (FESTIVAL,)),
    "HolidayNotice(festivals)": lambda x: HolidayNotice(2027, x),
    "HolidayNotice(revision)": lambda x: HolidayNotice(2027, (FESTIVAL,), revision=x),
    "HolidayNotice(strings)": lambda x: HolidayNotice(
        2027, (FESTIVAL,), notice_no=x, source_url=x, title=x, note=x
    ),
    "HolidayNotice(published)": lambda x: HolidayNotice(2027, (FESTIVAL,), published=x),
    "HolidayNotice(evidence)": lambda x: HolidayNotice(2027, (FESTIVAL,), evidence=x),
    "RestDay": lambda x: hash(RestDay(x, x, x)),
    "WorkdayOffset": lambda x: hash(WorkdayOffset(DAY, x, DAY, x, x)),
    "PeriodEnd": lambda x: hash(PeriodEnd(DAY, x, DAY, x, False, x)),
    "load_notice": lambda x: load_notice(x),
    "parse_notice_text(year)": lambda x: parse_notice_text(x, NOTICE_TEXT),
    "parse_notice_text(text)": lambda x: parse_notice_text(2026, x),
    "parse_notice_text(options)": lambda x: parse_notice_text(
        2026, NOTICE_TEXT, revision=x, notice_no=x, source_url=x
    ),
    "parse_notice_text(evidence)": lambda x: parse_notice_text(2026, NOTICE_TEXT, evidence=x),
}


def _snapshot() -> tuple[object, ...]:
    """The observable state of the shared objects the calls use."""
    return (
        CAL.notices,
        CAL.coverage,
        bytes(CAL._work),
        len(CAL._wd),
        CAL._cum[-1],
        PROV.notices,
        bytes(PROV._work),
        CITATION.model_dump(),
        REPLY.model_dump(),
        NOTICE.to_dict(),
        FESTIVAL.rest,
        DAYS.tolist(),
    )


BEFORE = _snapshot()


ENUM_CONSTRUCTORS = frozenset(f"{e.__name__}()" for e in ENUMS)


def _unprintable(value: object) -> bool:
    try:
        repr(value)
    except ValueError:
        return True
    return False


def _show(value: object) -> str:
    try:
        return f"{value!r:.80}"
    except ValueError:  # repr() of an int with more than 4300 digits
        return f"<{type(value).__name__}>"


def _call(name: str, value: object) -> None:
    kept = copy.deepcopy(value)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalCalendarWarning)
        try:
            CALLS[name](value)
        except (OpenGovError, ValidationError):
            pass
        except ValueError as exc:
            # Python's enum.py formats the value with %r before raising our
            # UnknownCodeError, and repr() of an int beyond the interpreter's
            # int-to-text limit (4300 digits) raises; that ValueError is the
            # interpreter's, not opengov's.
            if not (name in ENUM_CONSTRUCTORS and _unprintable(value)):
                pytest.fail(f"{name}({_show(value)}) let ValueError escape: {exc}")
        except Exception as exc:  # pragma: no cover - reported as the failure
            pytest.fail(f"{name}({_show(value)}) let {type(exc).__name__} escape: {exc}")
    # deepcopy returns immutable values (NaN included) as themselves
    assert value is kept or value == kept, f"{name} changed its argument {_show(kept)}"


@settings(deadline=None, max_examples=150)
@given(junk)
def test_junk_never_escapes_as_a_builtin_error(value: object) -> None:
    for name in CALLS:
        _call(name, value)
    assert _snapshot() == BEFORE


@pytest.mark.parametrize("name", sorted(CALLS))
def test_each_entry_point_survives_the_classic_junk(name: str) -> None:
    classic: tuple[object, ...] = (None, True, 1.5, "", b"x", [], {}, 10**5000, -1, date.max)
    for value in (*classic, date.min):
        _call(name, value)
    assert _snapshot() == BEFORE


def test_every_enum_of_the_vocabulary_refuses_unknown_codes_clearly() -> None:
    for enum_type in ENUMS:
        with pytest.raises(opengov.UnknownCodeError, match="known codes") as info:
            enum_type("no such code")
        assert isinstance(info.value, ValueError)  # what Enum(value) raises by default
        first = next(iter(enum_type))
        assert enum_type(first.value) is first


def test_codes_are_accepted_where_members_are() -> None:
    assert SubmissionChannel.ONLINE.receipt_rule("2007") is ReceiptRule.SYSTEM_RECEIPT_DAY
    assert receipt_date(
        SubmissionChannel.ONLINE,
        submitted_on=date(2020, 1, 2),
        confirmed_on=date(2020, 1, 3),
        edition="2007",
    ) == date(2020, 1, 2)
    assert REPLY.report_row("2019") is OutcomeRow.WITHHELD_STATE_SECRET
    assert ExemptionGround.PROHIBITED_BY_LAW.exists_in("2007") is False
    assert LocalProactiveItem.LAND_EXPROPRIATION.binds("township")
    with pytest.raises(opengov.UnknownCodeError, match="unknown ReportFormat code None"):
        REPLY.report_row(None)  # type: ignore[arg-type]
    with pytest.raises(opengov.UnknownCodeError, match="unknown Edition code '2020'"):
        receipt_date(SubmissionChannel.IN_PERSON, submitted_on=DAY, edition="2020")


def test_edges_of_the_date_range_are_clear_errors() -> None:
    west = datetime.max.replace(tzinfo=timezone(timedelta(hours=-12)))
    with pytest.raises(opengov.InvalidDateError, match="China Standard Time"):
        edition_in_force(west)
    with pytest.raises(opengov.CalendarCoverageError, match="the period's last day falls in 9999"):
        CAL.add_period(date.max, months=1)
    assert list(DateRange(date.max, date.max)) == [date.max]
    with pytest.raises(opengov.CitationError, match="1 to 9999"):
        Citation.parse("ogi-2019:" + "9" * 5000)
    with pytest.raises(opengov.CalendarDataError, match="notice data is not valid JSON"):
        load_notice('{"year": ' + "1" * 5000 + "}")


def test_array_steps_beyond_the_calendar_do_not_wrap() -> None:
    huge = np.array([2**64 - 1], dtype=np.uint64)
    with pytest.raises(
        opengov.CalendarCoverageError, match="some results fall outside the calendar"
    ):
        CAL.add_working_days_array(DAYS[:1], huge)
    with pytest.raises(opengov.CalendarCoverageError, match="2099-12-31"):
        PROV.add_working_days_array(np.array(["2099-12-30"], dtype="datetime64[D]"), 100)
    with pytest.raises(opengov.InvalidInputError, match="broadcast"):
        CAL.working_days_between_array(DAYS, np.concatenate([DAYS, DAYS[:1]]))


# -- the command line -------------------------------------------------------------------

_tokens = st.one_of(
    st.sampled_from(
        [
            "vocab",
            "calendar",
            "workdays",
            "add",
            "between",
            "--json",
            "--schema",
            "--provisional",
            "--explain",
            "--help",
            "-h",
            "--",
            "2026",
            "2027",
            "0",
            "-5",
            "99999999999999999999",
            "2026-09-28",
            "2027-01-04",
            "0001-01-01",
            "9999-12-31",
            "2026-02-30",
            "ReplyType",
            "Nope",
        ]
    ),
    st.text(max_size=6),
)


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with (
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
        warnings.catch_warnings(),
    ):
        warnings.simplefilter("ignore", ProvisionalCalendarWarning)
        try:
            status = main(argv)
        except SystemExit as exc:  # argparse: --help, usage errors
            status = exc.code if isinstance(exc.code, int) else 2
    return status, out.getvalue(), err.getvalue()


@settings(deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["vocab", "calendar", "workdays"]), st.lists(_tokens, max_size=4))
def test_cli_bad_arguments_are_one_line_and_non_zero(command: str, rest: list[str]) -> None:
    status, _, err = _run([command, *rest])
    assert "Traceback" not in err
    if status != 0:
        assert err.count("\n") == 1, err
        assert "error" in err


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["bogus"],
        ["workdays"],
        ["workdays", "add", "2026-09-28"],
        ["workdays", "add", "2026-09-28", "x"],
        ["workdays", "between", "2026-09-28", "2030-01-01"],
        ["calendar", "2100", "--provisional"],
        ["vocab", "--json", "--schema"],
    ],
)
def test_cli_usage_errors_are_one_line(argv: list[str]) -> None:
    status, out, err = _run(argv)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1, err
    assert err.startswith("opengov"), err


def test_cli_coverage_error_points_to_the_provisional_flag() -> None:
    status, _, err = _run(["workdays", "add", "2026-12-20", "20"])
    assert status == 2
    assert "--provisional" in err


def test_help_works_from_python_m() -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "opengov", "--help"], capture_output=True, text=True, check=True
    )
    assert "COMMAND" in out.stdout
    assert out.stderr == ""


def test_export_is_unaffected_by_the_sweep() -> None:
    assert export_vocabulary()["vocabularies"]["Edition"]["members"][0]["code"] == "2007"
