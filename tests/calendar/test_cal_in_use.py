"""The calendar in use: installed notices, the default calendar, pickling and copies.

Worked by hand. The bundled data settles 2026 up to Mon 12-28; the invented 2027
notice (tests/calendar/data/invented_notice_2027.txt, never bundled) gives 元旦 as
Fri 2027-01-01 .. Sun 01-03 and sets nothing in December 2026.

A reply (20 working days) for an application received Thu 2026-12-10:
Fri 12-11 = 1; 12-14..18 = 2-6; 12-21..25 = 7-11; Mon 12-28 .. Thu 12-31 = 12-15;
01-01..03 rest; Mon 2027-01-04 .. Fri 01-08 = 16-20. Due Fri 2027-01-08. It needs
2026-12-29 on, which only the 2027 notice settles, so without it there is no answer.
On Tue 2026-12-15, 3 working days are used (12-11, 12-14, 12-15): 17 are left.
"""

from __future__ import annotations

import copy
import json
import multiprocessing
import os
import pickle
import sys
import threading
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from _workers import add_invented_2027
from hypothesis import given, settings
from hypothesis import strategies as st

from opengov.applicants import ApplicantType
from opengov.applications import Application, StatusKind
from opengov.calendar import (
    NOTICES_ENV,
    DateRange,
    Festival,
    HolidayNotice,
    NoticeSource,
    WorkdayCalendar,
    default_calendar,
    install_notice,
    installed_notices,
    load_notice,
    notice_dirs,
    official_calendar,
    parse_notice_text,
    reload_default_calendar,
    remove_notice,
    set_default_calendar,
    user_notice_dir,
)
from opengov.channels import SubmissionChannel
from opengov.deadlines import NoticeOrigin, StepKind, reply_deadline
from opengov.errors import (
    CalendarCoverageError,
    CalendarDataError,
    InvalidInputError,
    NoticeRejectedError,
    ProvisionalCalendarWarning,
)

DATA = Path(__file__).parent / "data"
OFFICIAL = official_calendar()
INVENTED = parse_notice_text(2027, (DATA / "invented_notice_2027.txt").read_text(encoding="utf-8"))
(BUNDLED_2026,) = OFFICIAL.notices_for(2026)

RECEIVED = date(2026, 12, 10)
DUE = date(2027, 1, 8)


def other_2027() -> HolidayNotice:
    """A different, plausible 2027 notice: the 国庆 make-up Sun 09-26 is Sun 09-19."""
    items = list(INVENTED.festivals)
    national = items[6]
    items[6] = Festival(
        national.zh, national.en, national.rest, (date(2027, 9, 19), date(2027, 10, 9))
    )
    return HolidayNotice(2027, tuple(items))


def without_national_day() -> HolidayNotice:
    return HolidayNotice(2027, INVENTED.festivals[:6])


def application(day: date = RECEIVED) -> Application:
    return Application.receive(
        SubmissionChannel.IN_PERSON,
        submitted_on=day,
        applicant_type=ApplicantType.NATURAL_PERSON,
        agency="某市自然资源局",
    )


def write(path: Path, notice: HolidayNotice) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(notice.to_json(), encoding="utf-8")
    return str(path)


@dataclass(frozen=True)
class Dirs:
    env: Path  # the deployment's directory (OPENGOV_NOTICES)
    user: Path  # the user's data directory, under a temporary XDG_DATA_HOME


@pytest.fixture
def dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Dirs]:
    env = tmp_path / "deployment"
    env.mkdir()
    monkeypatch.setenv(NOTICES_ENV, str(env))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    # Whatever the platform's rule, the real user directory is never reached.
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "appdata"))
    set_default_calendar(None)
    reload_default_calendar()
    try:
        yield Dirs(env=env, user=user_notice_dir())
    finally:
        # Cleared, not reloaded: the next use reads the real environment again.
        set_default_calendar(None)


# -- where notices are read from ---------------------------------------------------


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the XDG rule")
def test_the_user_directory_follows_xdg_data_home(dirs: Dirs, tmp_path: Path) -> None:
    assert dirs.user == tmp_path / "data" / "opengov" / "notices"
    assert notice_dirs() == (dirs.env, dirs.user)


def test_several_deployment_directories_are_read_in_order(
    dirs: Dirs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    second = tmp_path / "second"
    monkeypatch.setenv(NOTICES_ENV, os.pathsep.join([str(dirs.env), "", str(second)]))
    assert notice_dirs() == (dirs.env, second, dirs.user)
    path = write(second / "2027.json", INVENTED)
    assert reload_default_calendar().add_working_days(RECEIVED, 20) == DUE
    assert installed_notices() == (NoticeSource(INVENTED, "installed", path),)


# -- the default calendar ------------------------------------------------------------


def test_without_installed_notices_the_default_is_the_official_calendar(dirs: Dirs) -> None:
    assert default_calendar() is OFFICIAL
    assert installed_notices() == ()
    with pytest.raises(CalendarCoverageError, match="2027"):
        reply_deadline(RECEIVED)
    app = application()
    with pytest.raises(
        CalendarCoverageError, match="20 working days after 2026-12-10 falls after 2026-12-28"
    ):
        app.reply_deadline()
    with pytest.raises(
        CalendarCoverageError, match="20 working days after 2026-12-10 falls after 2026-12-28"
    ):
        app.status(date(2026, 12, 15))


def test_an_installed_file_reaches_every_deadline(dirs: Dirs) -> None:
    path = write(dirs.env / "notice-2027.json", INVENTED)
    # The default calendar is read once: the new file counts after a reload.
    with pytest.raises(
        CalendarCoverageError, match="20 working days after 2026-12-10 falls after 2026-12-28"
    ):
        reply_deadline(RECEIVED)
    cal = reload_default_calendar()
    assert default_calendar() is cal
    assert cal.sources == (*OFFICIAL.sources, NoticeSource(INVENTED, "installed", path))

    d = reply_deadline(RECEIVED)
    assert d.due == DUE
    assert [(r.year, r.revision, r.origin, r.path) for r in d.notices] == [
        (2026, 0, NoticeOrigin.BUNDLED, None),
        (2027, 0, NoticeOrigin.INSTALLED, path),
    ]
    assert [r.label for r in d.notices] == ["国办发明电〔2025〕7号", INVENTED.title]
    step = next(s for s in d.explain().steps if s.kind is StepKind.CALENDAR)
    # The explanation is shown to applicants: it names the origin, never a server path.
    assert "installed locally" in step.text_en
    assert path not in step.text_en
    assert "国办发明电〔2025〕7号" in step.text_zh

    app = application()
    assert app.reply_deadline().due == DUE
    assert app.reply_deadline().notices == d.notices
    status = app.status(date(2026, 12, 15))
    assert status.kind is StatusKind.OPEN
    assert status.due == DUE
    assert status.working_days_left == 17
    assert status.reply_deadline is not None
    assert status.reply_deadline.notices[-1].path == path


def test_a_span_inside_2026_rests_on_the_2026_notice_only(dirs: Dirs) -> None:
    write(dirs.env / "notice-2027.json", INVENTED)
    reload_default_calendar()
    # Received Mon 2026-09-28: due Fri 10-30 (tests/test_deadlines.py); 2027 plays no part.
    d = reply_deadline(date(2026, 9, 28))
    assert d.due == date(2026, 10, 30)
    assert [(r.year, r.origin) for r in d.notices] == [(2026, NoticeOrigin.BUNDLED)]


def test_application_queries_take_a_calendar(dirs: Dirs) -> None:
    added = OFFICIAL.with_notice(INVENTED)
    app = application()
    assert app.reply_deadline(calendar=added).due == DUE
    assert app.reply_deadline(calendar=added).notices[-1].origin is NoticeOrigin.ADDED
    assert app.status(date(2026, 12, 15), calendar=added).working_days_left == 17
    assert app.deadlines(calendar=added)[0].due == DUE
    # and the default (no 2027) is untouched
    with pytest.raises(
        CalendarCoverageError, match="20 working days after 2026-12-10 falls after 2026-12-28"
    ):
        app.reply_deadline()


def test_two_files_disagreeing_about_a_notice_are_refused_naming_both(dirs: Dirs) -> None:
    first = write(dirs.env / "a.json", INVENTED)
    second = write(dirs.user / "b.json", other_2027())
    with pytest.raises(
        NoticeRejectedError, match="two installed files give different 2027 notices"
    ) as info:
        reload_default_calendar()
    assert first in str(info.value)
    assert second in str(info.value)
    # The failed reload left the previous default in use.
    assert default_calendar() is OFFICIAL
    set_default_calendar(None)  # forget it: the next use reads the files
    with pytest.raises(NoticeRejectedError, match="two installed files"):
        default_calendar()
    with pytest.raises(
        NoticeRejectedError, match="two installed files give different 2027 notices"
    ):
        reply_deadline(date(2026, 9, 28))


def test_two_files_disagreeing_in_one_directory_are_refused(dirs: Dirs) -> None:
    first = write(dirs.env / "a.json", INVENTED)
    second = write(dirs.env / "b.json", other_2027())
    with pytest.raises(
        NoticeRejectedError, match="two installed files give different 2027 notices"
    ) as info:
        installed_notices()
    assert first in str(info.value)
    assert second in str(info.value)


def test_two_identical_files_are_one_notice(dirs: Dirs) -> None:
    first = write(dirs.env / "notice-2027.json", INVENTED)
    write(dirs.user / "notice-2027-r0.json", INVENTED)
    cal = reload_default_calendar()
    assert cal.notices_for(2027) == (INVENTED,)
    # The deployment's directory is read first.
    assert installed_notices() == (NoticeSource(INVENTED, "installed", first),)
    assert reply_deadline(RECEIVED).notices[-1].path == first


def test_a_file_holding_a_bundled_notice_is_the_bundled_notice(dirs: Dirs) -> None:
    path = write(dirs.env / "2026.json", BUNDLED_2026)
    cal = reload_default_calendar()
    assert cal.sources == OFFICIAL.sources
    assert [s.origin for s in cal.sources if s.notice.year == 2026] == ["bundled"]
    assert installed_notices() == (NoticeSource(BUNDLED_2026, "installed", path),)
    assert reply_deadline(date(2026, 9, 28)).notices[0].origin is NoticeOrigin.BUNDLED


def test_a_file_contradicting_a_bundled_notice_is_refused(dirs: Dirs) -> None:
    # The bundled 2026 notice with its 中秋节 item one day longer (Thu 09-24).
    items = tuple(
        Festival(f.zh, f.en, (DateRange(date(2026, 9, 24), date(2026, 9, 27)),), f.workdays)
        if f.zh == "中秋节"
        else f
        for f in BUNDLED_2026.festivals
    )
    assert items != BUNDLED_2026.festivals
    path = write(dirs.env / "2026.json", HolidayNotice(2026, items))
    with pytest.raises(NoticeRejectedError, match="differs from the one opengov ships") as info:
        reload_default_calendar()
    assert path in str(info.value)


def test_a_broken_file_is_named_and_can_still_be_removed(dirs: Dirs) -> None:
    dirs.user.mkdir(parents=True)
    broken = dirs.user / "notice-2027-r0.json"
    broken.write_text('{"year": 2027, "festivals": [', encoding="utf-8")
    with pytest.raises(CalendarDataError, match="not valid JSON") as info:
        reload_default_calendar()
    assert str(broken) in str(info.value)
    assert remove_notice(2027) == (str(broken),)
    assert not broken.exists()
    assert default_calendar().sources == OFFICIAL.sources
    with pytest.raises(InvalidInputError, match="no installed notice for 2027"):
        remove_notice(2027)


def test_an_implausible_installed_file_is_refused_naming_it(dirs: Dirs) -> None:
    path = write(dirs.env / "2027.json", without_national_day())
    with pytest.raises(NoticeRejectedError, match="has no item for 国庆节") as info:
        reload_default_calendar()
    assert path in str(info.value)


def test_install_notice_writes_once_and_refuses_a_different_notice(dirs: Dirs) -> None:
    target = dirs.user / "notice-2027-r0.json"
    source = install_notice(INVENTED)
    assert source == NoticeSource(INVENTED, "installed", str(target))
    assert sorted(p.name for p in dirs.user.iterdir()) == ["notice-2027-r0.json"]
    assert load_notice(target) == INVENTED
    written = target.read_bytes()
    # The default calendar was reloaded by the install.
    assert reply_deadline(RECEIVED).due == DUE
    assert reply_deadline(RECEIVED).notices[-1].path == str(target)

    assert install_notice(INVENTED) == source  # idempotent
    assert sorted(p.name for p in dirs.user.iterdir()) == ["notice-2027-r0.json"]
    assert target.read_bytes() == written

    with pytest.raises(NoticeRejectedError, match="already has a different 2027 notice") as info:
        install_notice(other_2027())
    assert str(target) in str(info.value)
    assert target.read_bytes() == written

    assert remove_notice(2027) == (str(target),)
    with pytest.raises(
        CalendarCoverageError, match="20 working days after 2026-12-10 falls after 2026-12-28"
    ):
        reply_deadline(RECEIVED)


def test_install_notice_refuses_an_implausible_notice_before_writing(dirs: Dirs) -> None:
    with pytest.raises(NoticeRejectedError, match="国庆节"):
        install_notice(without_national_day())
    assert not dirs.user.exists() or list(dirs.user.iterdir()) == []
    with pytest.raises(InvalidInputError, match="install_notice needs a HolidayNotice"):
        install_notice(INVENTED.to_dict())  # type: ignore[arg-type]


def test_installing_a_bundled_notice_writes_nothing(dirs: Dirs) -> None:
    source = install_notice(BUNDLED_2026)
    assert (source.origin, source.path) == ("bundled", None)
    assert not dirs.user.exists() or list(dirs.user.iterdir()) == []


def test_set_default_calendar_is_used_and_none_restores_the_files(dirs: Dirs) -> None:
    # A regional rest day on Tue 2026-09-29, received Mon 09-28: day 1 is Wed 09-30;
    # 10-01..07 rest; 10-08, 10-09, 10-10 (make-up) = 2-4; 10-12..16 = 5-9;
    # 10-19..23 = 10-14; 10-26..30 = 15-19; Mon 11-02 = 20 (one later than 10-30).
    local = OFFICIAL.with_extra_rest_days([date(2026, 9, 29)], "测试休息日")
    set_default_calendar(local)
    assert reply_deadline(date(2026, 9, 28)).due == date(2026, 11, 2)
    assert default_calendar() is local

    path = write(dirs.env / "notice-2027.json", INVENTED)
    set_default_calendar(OFFICIAL.with_notice(INVENTED))
    d = reply_deadline(RECEIVED)
    assert d.due == DUE
    assert (d.notices[-1].origin, d.notices[-1].path) == (NoticeOrigin.ADDED, None)
    assert default_calendar(provisional=True).provisional

    set_default_calendar(None)
    d = reply_deadline(RECEIVED)
    assert (d.notices[-1].origin, d.notices[-1].path) == (NoticeOrigin.INSTALLED, path)
    assert reply_deadline(date(2026, 9, 28)).due == date(2026, 10, 30)
    with pytest.raises(
        InvalidInputError, match="set_default_calendar needs a WorkdayCalendar or None, got str"
    ):
        set_default_calendar("official")  # type: ignore[arg-type]


def test_the_official_calendar_never_includes_installed_notices(dirs: Dirs) -> None:
    install_notice(INVENTED)
    assert default_calendar().notices_for(2027) == (INVENTED,)
    assert official_calendar().notices_for(2027) == ()
    assert official_calendar(provisional=True).notices_for(2027) == ()
    assert {s.origin for s in official_calendar().sources} == {"bundled"}
    with pytest.raises(
        CalendarCoverageError, match="20 working days after 2026-12-10 falls after 2026-12-28"
    ):
        reply_deadline(RECEIVED, calendar=official_calendar())


def test_eight_threads_get_one_default_calendar(dirs: Dirs) -> None:
    write(dirs.env / "notice-2027.json", INVENTED)
    fresh = reload_default_calendar()

    def race(provisional: bool) -> list[WorkdayCalendar]:
        barrier = threading.Barrier(8, timeout=60)
        got: list[WorkdayCalendar] = []
        failed: list[BaseException] = []

        def run() -> None:
            try:
                barrier.wait()
                got.append(default_calendar(provisional=provisional))
            except BaseException as exc:  # reported below
                failed.append(exc)

        threads = [threading.Thread(target=run) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        assert failed == []
        assert len(got) == 8
        return got

    # after a reload: every thread gets the calendar the reload built
    assert all(cal is fresh for cal in race(False))
    # after the cache is cleared, the threads race to build it: still one object
    set_default_calendar(None)
    got = race(False)
    assert all(cal is got[0] for cal in got)
    assert got[0] is not fresh
    assert got[0].notices_for(2027) == (INVENTED,)
    provisional = race(True)
    assert all(cal is provisional[0] for cal in provisional)
    assert provisional[0].provisional
    assert provisional[0] is default_calendar(provisional=True)


# -- pickling and copies -------------------------------------------------------------

EXTRA_DAY = date(2026, 3, 20)  # a Friday
CALENDARS = {
    "official": OFFICIAL,
    "provisional": official_calendar(provisional=True),
    "added_2027": OFFICIAL.with_notice(INVENTED),
    "extra_rest_day": OFFICIAL.with_extra_rest_days([EXTRA_DAY], "肉孜节"),
    "installed_2027": WorkdayCalendar(
        (*OFFICIAL.sources, NoticeSource(INVENTED, "installed", "notices/notice-2027-r0.json"))
    ),
}
ROUND_TRIPPED = {name: pickle.loads(pickle.dumps(cal)) for name, cal in CALENDARS.items()}


@pytest.mark.parametrize("name", CALENDARS)
@pytest.mark.parametrize("protocol", [2, pickle.HIGHEST_PROTOCOL])
def test_a_pickled_calendar_keeps_its_notices_and_options(name: str, protocol: int) -> None:
    cal = CALENDARS[name]
    back = pickle.loads(pickle.dumps(cal, protocol=protocol))
    assert isinstance(back, WorkdayCalendar)
    assert back is not cal
    assert back.sources == cal.sources
    assert back.notices == cal.notices
    assert back.coverage == cal.coverage
    assert back.provisional is cal.provisional


def test_pickled_calendars_answer_the_worked_examples() -> None:
    assert ROUND_TRIPPED["added_2027"].add_working_days(RECEIVED, 20) == DUE
    assert ROUND_TRIPPED["added_2027"].sources[-1].origin == "added"
    installed = ROUND_TRIPPED["installed_2027"].sources[-1]
    assert (installed.origin, installed.path) == ("installed", "notices/notice-2027-r0.json")
    # Fri 2026-03-20 is a working day, except where it is an extra rest day.
    assert ROUND_TRIPPED["official"].is_working_day(EXTRA_DAY)
    assert not ROUND_TRIPPED["extra_rest_day"].is_working_day(EXTRA_DAY)
    assert ROUND_TRIPPED["extra_rest_day"].holiday_name(EXTRA_DAY) == ("肉孜节", "肉孜节")
    with pytest.raises(
        CalendarCoverageError, match="20 working days after 2026-12-10 falls after 2026-12-28"
    ):
        ROUND_TRIPPED["official"].add_working_days(RECEIVED, 20)
    # Provisionally (statutory days only, no 调休) 2027 rests on Fri 01-01 alone: the
    # same count as above, due Fri 2027-01-08, flagged.
    assert ROUND_TRIPPED["provisional"].is_provisional(RECEIVED + timedelta(30))
    with pytest.warns(ProvisionalCalendarWarning):
        due = ROUND_TRIPPED["provisional"].add_working_days(RECEIVED, 20)
    assert due == DUE


def _answers(cal: WorkdayCalendar, day: date, n: int) -> tuple[object, ...]:
    def ask(f: Callable[[], object]) -> object:
        try:
            return f()
        except CalendarCoverageError as exc:
            return ("coverage", str(exc))

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalCalendarWarning)
        return (
            ask(lambda: cal.is_working_day(day)),
            ask(lambda: cal.holiday_name(day)),
            ask(lambda: cal.source(day)),
            ask(lambda: cal.add_working_days(day, n)),
            ask(lambda: cal.offset(day, n)),
        )


_DAYS = st.integers(date(2003, 12, 1).toordinal(), date(2028, 3, 1).toordinal()).map(
    date.fromordinal
)


@settings(max_examples=300, deadline=None)
@given(name=st.sampled_from(sorted(CALENDARS)), day=_DAYS, n=st.integers(-40, 40))
def test_a_pickled_calendar_answers_like_the_original(name: str, day: date, n: int) -> None:
    assert _answers(ROUND_TRIPPED[name], day, n) == _answers(CALENDARS[name], day, n)


@pytest.mark.parametrize("name", CALENDARS)
def test_copies_are_the_calendar_itself(name: str) -> None:
    cal = CALENDARS[name]
    assert copy.copy(cal) is cal
    assert copy.deepcopy(cal) is cal
    held = copy.deepcopy({"cal": [cal]})
    assert held["cal"][0] is cal


def test_a_calendar_goes_to_a_spawned_process_and_comes_back_with_2027() -> None:
    # The worker receives the official calendar pickled, adds the invented notice
    # itself, and returns the new calendar pickled.
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        back = pool.apply_async(add_invented_2027, (OFFICIAL,)).get(timeout=60)
    assert isinstance(back, WorkdayCalendar)
    assert back.sources == (*OFFICIAL.sources, NoticeSource(INVENTED, "added"))
    assert back.add_working_days(RECEIVED, 20) == DUE
    assert reply_deadline(RECEIVED, calendar=back).notices[-1].origin is NoticeOrigin.ADDED


def test_the_json_form_of_the_invented_notice_reads_back_equal() -> None:
    # Every installed file above is INVENTED.to_json(); the tests rely on this.
    assert load_notice(INVENTED.to_json()) == INVENTED
    assert json.loads(INVENTED.to_json())["year"] == 2027
