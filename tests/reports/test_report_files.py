"""Reading report files: only regular files, within a size cap."""

from __future__ import annotations

import gzip
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opengov.errors import CalendarDataError, MissingExtraError, OpenGovError, ReportParseError
from opengov.reports import parse_report, parse_report_bytes
from opengov.reports.files import MAX_DOCUMENT_FILE_BYTES, MAX_TEXT_FILE_BYTES

DATA = Path(__file__).parent.parent / "data" / "reports"
CLEAN = (DATA / "f2021-clean.txt").read_bytes()


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
        handle.write(CLEAN)
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


def test_a_document_over_its_cap_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    with big.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(MAX_DOCUMENT_FILE_BYTES + 1)
    with pytest.raises(ReportParseError, match=rf"larger than {MAX_DOCUMENT_FILE_BYTES}"):
        parse_report(big)


def _zip(tmp_path: Path, members: dict[str, bytes]) -> Path:
    path = tmp_path / "report.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    return path


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({"OFD.xml": b"<ofd:OFD/>"}, r"an OFD document \(版式文档\); export it as PDF"),
        (
            {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"},
            r"an OpenDocument text \(\.odt\); convert it to \.docx: soffice --headless",
        ),
        ({"xl/workbook.xml": b"<workbook/>"}, "a spreadsheet; give the report itself"),
        ({"f2021-clean.txt": CLEAN}, r"a ZIP archive but not a Word document"),
    ],
)
def test_zip_packages_other_than_word_are_refused(
    tmp_path: Path, members: dict[str, bytes], message: str
) -> None:
    with pytest.raises(ReportParseError, match=message):
        parse_report(_zip(tmp_path, members))


def test_a_damaged_zip_is_refused(tmp_path: Path) -> None:
    path = _zip(tmp_path, {"word/document.xml": b"<w:document/>"})
    data = path.read_bytes()
    with pytest.raises(ReportParseError, match="a damaged ZIP archive"):
        parse_report_bytes(data[: len(data) // 2], name="cut.docx")


def test_a_legacy_word_file_is_refused_with_the_conversion_to_run() -> None:
    # an OLE2 compound file: the signature and an empty header sector
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    with pytest.raises(ReportParseError, match="legacy Word or WPS file") as caught:
        parse_report_bytes(ole2, name="报告.doc")
    assert str(caught.value) == (
        "cannot read report file '报告.doc': it is a legacy Word or WPS file (.doc, .wps; "
        "an OLE2 compound file); convert it to .docx or PDF, e.g. "
        "soffice --headless --convert-to docx FILE"
    )


def test_the_extension_does_not_decide(tmp_path: Path) -> None:
    # a text dump saved as .pdf is read as text; a gzip saved as .html is refused
    renamed = tmp_path / "report.pdf"
    renamed.write_bytes((DATA / "f2021-clean.txt").read_bytes())
    assert parse_report(renamed) == parse_report(DATA / "f2021-clean.txt")
    packed = tmp_path / "report.html"
    packed.write_bytes(gzip.compress(CLEAN))
    with pytest.raises(ReportParseError, match="it is a gzip archive; unpack it"):
        parse_report(packed)


@pytest.mark.parametrize(
    ("head", "what"),
    [
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff\xe0", "a JPEG image"),
        (b"II*\x00", "a TIFF image"),
    ],
)
def test_an_image_is_refused_as_a_scan(head: bytes, what: str) -> None:
    with pytest.raises(ReportParseError, match=rf"{what} \(a scan\); OCR is out of scope"):
        parse_report_bytes(head + bytes(64))


def test_a_binary_file_is_refused() -> None:
    with pytest.raises(ReportParseError, match=r"a binary file \(it holds NUL bytes\)"):
        parse_report_bytes(bytes(range(256)) * 4)


@settings(max_examples=60)
@given(
    st.sampled_from([b"", b"%PDF-1.7\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"<html>"]),
    st.binary(max_size=400),
)
def test_any_bytes_are_read_or_refused_with_an_opengov_error(head: bytes, tail: bytes) -> None:
    message = "fuzz"
    try:
        parse_report_bytes(head + tail, name="fuzz")
    except MissingExtraError:
        pass
    except OpenGovError as exc:  # every other failure names the file
        message = str(exc)
    assert "'fuzz'" in message or message == "fuzz"


def test_a_word_package_is_known_by_its_declared_main_part(tmp_path: Path) -> None:
    from opengov.reports._kinds import file_kind

    types = (
        b'<Types><Override PartName="/word/document2.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    path = _zip(tmp_path, {"[Content_Types].xml": types, "word/document2.xml": b"<w/>"})
    assert file_kind(path.read_bytes(), "r.docx") == "docx"
