from __future__ import annotations

import json

import pytest

from opengov.cli import main


def test_deadline_prints_due_date_and_explanation(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "2026-09-28"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "2026-10-30"
    assert "国庆节" in out


def test_extended_english_with_channel(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["deadline", "2026-09-28", "--extended", "--lang", "en", "--channel", "online"]) == 0
    )
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "2026-11-27"
    assert "confirm" in out
    assert "Extension of 20 working days" in out


def test_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "2026-09-28", "--json", "--channel", "in_person"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["deadline"]["due"] == "2026-10-30"
    assert data["explanation"]["steps"][-1]["kind"] == "due"
    assert data["receipt_rule"] == "submission_day"


@pytest.mark.parametrize("bad", ["2026-13-01", "tomorrow", "2027-03-01", "2001-01-01"])
def test_bad_input_exits_2_with_one_line(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", bad]) == 2
    err = capsys.readouterr().err
    assert err.startswith("opengov: error [")
    assert len(err.strip().splitlines()) == 1


def test_strict_coverage_error_points_at_provisional(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "2026-12-10"]) == 2
    err = capsys.readouterr().err
    assert "calendar_coverage" in err
    assert "--provisional" in err


def test_provisional_answer_is_flagged(capsys: pytest.CaptureFixture[str]) -> None:
    # 20 working days after Thursday 2026-12-10 with 2027 from the statutory rules only
    # (元旦 Friday 2027-01-01, no 调休): 12-11 (1), 12-14..18 (6), 12-21..25 (11),
    # 12-28..31 (15), 01-04..08 (20).
    assert main(["deadline", "2026-12-10", "--provisional", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first.startswith("2027-01-08")
    assert "provisional" in first
    assert "Provisional:" in out
