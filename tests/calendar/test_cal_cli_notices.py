"""A new notice from the command line, as an agency's IT department would in December.

Each command runs in a fresh process with its own per-user data directory, as on a
fresh install: nothing carries over between commands except the installed files.
The 2027 notice used is invented test data (see its file's header), never bundled.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
INVENTED_2027 = DATA / "invented_notice_2027.txt"


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    env = {k: v for k, v in os.environ.items() if k != "OPENGOV_NOTICES"}
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    env["HOME"] = str(tmp_path / "home")

    def call(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "opengov", *args],
            env=env,
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )

    return call


def test_a_new_notice_reaches_the_deadline_and_names_itself(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Without the 2027 notice: the coverage error, whose advice now names the command.
    before = run("deadline", "2026-12-10")
    assert before.returncode == 2
    assert "calendar_coverage" in before.stderr
    assert "opengov calendar add-notice" in before.stderr
    assert "Traceback" not in before.stderr

    added = run("calendar", "add-notice", str(INVENTED_2027))
    assert added.returncode == 0, added.stderr
    installed = tmp_path / "data" / "opengov" / "notices" / "notice-2027-r0.json"
    assert installed.is_file()
    assert str(installed) in added.stdout

    after = run("deadline", "2026-12-10", "--json")
    assert after.returncode == 0, after.stderr
    out = json.loads(after.stdout)
    # Received Thu 2026-12-10: 11 (1), 14-18 (6), 21-25 (11), 28-31 (15); 1-3 January
    # 2027 rest (invented notice); 4-8 January (16-20). Due Fri 2027-01-08.
    assert out["deadline"]["due"] == "2027-01-08"
    assert out["deadline"]["provisional"] is False
    origins = [(n["year"], n["origin"], n["path"]) for n in out["deadline"]["notices"]]
    assert origins == [(2026, "bundled", None), (2027, "installed", str(installed))]
    steps = out["explanation"]["steps"]
    assert any(s["kind"] == "calendar" and "本地安装" in s["text_zh"] for s in steps)

    listed = run("calendar", "notices", "--json")
    rows = json.loads(listed.stdout)
    assert rows[-1]["year"] == 2027
    assert rows[-1]["origin"] == "installed"
    assert all(r["origin"] == "bundled" for r in rows[:-1])

    # Installing it again changes nothing; removing it brings the refusal back.
    assert run("calendar", "add-notice", str(INVENTED_2027)).returncode == 0
    removed = run("calendar", "remove-notice", "2027")
    assert removed.returncode == 0
    assert not installed.exists()
    assert run("deadline", "2026-12-10").returncode == 2


def test_an_application_uses_the_installed_notice(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from opengov import (
        ApplicantType,
        Application,
        CalendarCoverageError,
        StatusKind,
        SubmissionChannel,
    )
    from opengov.calendar import parse_notice_text, reload_default_calendar

    monkeypatch.setenv("OPENGOV_NOTICES", str(tmp_path / "notices"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    reload_default_calendar()
    try:
        app = Application.receive(
            SubmissionChannel.IN_PERSON,
            applicant_type=ApplicantType.NATURAL_PERSON,
            submitted_on=date(2026, 12, 10),
        )
        with pytest.raises(
            CalendarCoverageError, match="20 working days after 2026-12-10 falls after 2026-12-28"
        ):
            app.reply_deadline()
        notice = parse_notice_text(2027, INVENTED_2027.read_text(encoding="utf-8"))
        (tmp_path / "notices").mkdir()
        (tmp_path / "notices" / "2027.json").write_text(notice.to_json(), encoding="utf-8")
        reload_default_calendar()
        assert app.reply_deadline().due == date(2027, 1, 8)  # worked out in the test above
        status = app.status(date(2026, 12, 15))
        # 11, 14, 15 December are working days 1-3 after receipt: 17 left to 8 January.
        assert status.kind is StatusKind.OPEN
        assert status.due == date(2027, 1, 8)
        assert status.working_days_left == 17
        assert [n.year for n in app.reply_deadline().notices] == [2026, 2027]
    finally:
        monkeypatch.delenv("OPENGOV_NOTICES")
        monkeypatch.delenv("XDG_DATA_HOME")
        reload_default_calendar()


def test_hostile_notice_is_refused_and_nothing_is_installed(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = INVENTED_2027.read_text(encoding="utf-8").replace(
        "一、元旦：1月1日（周五）至3日（周日）放假，共3天。",
        "一、元旦：2026年12月7日（周一）至2027年1月3日（周日）放假，共28天。",
    )
    bad = tmp_path / "bad.txt"
    bad.write_text(text, encoding="utf-8")
    result = run("calendar", "add-notice", str(bad))
    assert result.returncode == 2
    assert "notice_rejected" in result.stderr
    assert "2026-12-07" in result.stderr
    assert not (tmp_path / "data" / "opengov" / "notices").exists()


def test_a_batch_of_cases_in_one_call(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cases = tmp_path / "cases.csv"
    cases.write_text(
        "id,received_on,extended\nA,2026-09-28,\nB,2026-02-30,\nC,2026-09-28,yes\n",
        encoding="utf-8",
    )
    result = run("deadline", "--input", str(cases))
    assert result.returncode == 1  # one case failed
    lines = result.stdout.splitlines()
    assert lines[0].split(",")[:4] == ["id", "received_on", "extended", "due"]
    # A: the README's worked example, 2026-10-30; C: 20 more working days, 2026-11-27
    # (11-02..06, 09..13, 16..20, 23..27).
    assert lines[1].startswith("A,2026-09-28,False,2026-10-30,20,0,False,")
    assert lines[2].startswith("B,2026-02-30,")
    assert "invalid_input" in lines[2]
    assert lines[3].startswith("C,2026-09-28,True,2026-11-27,20,20,False,")
    jsonl = run("deadline", "--input", "-", stdin='{"id": "A", "received_on": "2026-09-28"}\n')
    assert jsonl.returncode == 0
    assert json.loads(jsonl.stdout)["due"] == "2026-10-30"


def test_recompute_lists_exactly_the_deadlines_that_moved(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Deadlines counted provisionally for 2027 (statutory days only: 春节 5-8 February
    # with 补假 9-10 February) against the invented notice (5-13 February off, Sunday
    # 14 and Saturday 20 February worked).
    # X, received Tue 2027-01-12: 13-15 (3), 18-22 (8), 25-29 (13), 1-4 Feb (17); old:
    #   11, 12, 15 Feb = 18-20, due 15 Feb; new: 14, 15, 16 Feb = 18-20, due 16 Feb.
    #   Days that differ up to 16 Feb: 11 and 12 Feb (now off), 14 Feb (now worked).
    # Y, received Wed 2027-01-20: old 21-22, 25-29, 1-4, 11-12, 15-19, 22-23 Feb = 20
    #   (23 Feb); new 21-22, 25-29, 1-4, 14, 15-19, 20, 22-23 Feb = 20 (23 Feb): unchanged.
    cases = tmp_path / "cases.jsonl"
    cases.write_text(
        '{"id": "X", "received_on": "2027-01-12"}\n{"id": "Y", "received_on": "2027-01-20"}\n',
        encoding="utf-8",
    )
    result = run(
        "calendar", "recompute", str(cases), "--notice", str(INVENTED_2027), "--provisional"
    )
    assert result.returncode == 0, result.stderr
    changes = [json.loads(line) for line in result.stdout.splitlines()]
    assert changes == [
        {
            "case": "X",
            "kind": "reply",
            "start": "2027-01-12",
            "old_due": "2027-02-15",
            "new_due": "2027-02-16",
            "days": ["2027-02-11", "2027-02-12", "2027-02-14"],
            "old_error": None,
            "new_error": None,
        }
    ]


def test_a_malformed_case_file_is_one_clear_error(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cases = tmp_path / "cases.csv"
    cases.write_text('id,received_on\nA,2026-09-28\nB,"never closed\n', encoding="utf-8")
    result = run("deadline", "--input", str(cases))
    assert "Traceback" not in result.stderr
    big = tmp_path / "big.csv"
    big.write_text("id,received_on\nA," + "9" * 200_000 + "\n", encoding="utf-8")
    result = run("deadline", "--input", str(big))
    assert result.returncode == 2
    assert "not CSV" in result.stderr
    assert "Traceback" not in result.stderr
