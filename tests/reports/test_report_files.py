"""Reading report files: only regular files, within a size cap."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from opengov.errors import CalendarDataError, ReportParseError
from opengov.reports import parse_report
from opengov.reports.files import MAX_TEXT_FILE_BYTES

DATA = Path(__file__).parent.parent / "data" / "reports"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "report.html"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer for ever
    with pytest.raises(ReportParseError, match=r"report\.html.*not a regular file"):
        parse_report(fifo)


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReportParseError, match=r"not a regular file.*give the path"):
        parse_report(tmp_path)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused_unread() -> None:
    # /dev/zero would be read until memory runs out
    with pytest.raises(ReportParseError, match=r"'/dev/zero'.*not a regular file"):
        parse_report("/dev/zero")


def test_a_file_over_the_cap_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # sparse: no need to write 20 MiB
        handle.truncate(MAX_TEXT_FILE_BYTES + 1)
    with pytest.raises(ReportParseError, match=rf"big\.txt.*larger than {MAX_TEXT_FILE_BYTES}"):
        parse_report(big)


def test_a_file_at_the_cap_is_read(tmp_path: Path) -> None:
    text = (DATA / "f2021-clean.txt").read_bytes()
    padded = tmp_path / "padded.txt"
    padded.write_bytes(text + b"\n" * (MAX_TEXT_FILE_BYTES - len(text)))
    assert parse_report(padded) == parse_report(DATA / "f2021-clean.txt")


def test_notice_files_share_the_reader(tmp_path: Path) -> None:
    from opengov.calendar import load_notice

    with pytest.raises(CalendarDataError, match=r"cannot read notice file.*not a regular file"):
        load_notice(tmp_path)
