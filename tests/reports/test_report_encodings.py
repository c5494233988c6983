"""Report files in the encodings portals publish them in.

The byte fixtures are made here from the real report text in
``tests/data/reports/f2021-clean.txt`` (and ``f2021-spans.html``): each is that text
saved in another encoding, as a word processor or a portal would.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opengov.errors import ReportParseError
from opengov.reports import parse_report, parse_report_bytes
from opengov.reports._decode import decode_report_bytes

DATA = Path(__file__).parent.parent / "data" / "reports"
CLEAN = (DATA / "f2021-clean.txt").read_text(encoding="utf-8")
SPANS = (DATA / "f2021-spans.html").read_text(encoding="utf-8")

# The characters of the report's first four lines that Big5 lacks, with their
# traditional forms, so that those lines can be saved as a Taiwanese or Hong Kong
# editor would save traditional text.
TRADITIONAL = str.maketrans(
    "场监开报华国条务办厅发编数统计总况关请结转继续内",
    "場監開報華國條務辦廳發編數統計總況關請結轉繼續內",
)


@pytest.mark.parametrize(
    ("encoding", "codec", "reason"),
    [
        ("utf-8", "utf-8", "detected"),
        ("utf-8-sig", "utf-8", "byte-order mark"),
        ("gbk", "gb18030", "detected"),
        ("gb2312", "gb18030", "detected"),
        ("gb18030", "gb18030", "detected"),
        ("utf-16", "utf-16-le", "byte-order mark"),  # Python writes a LE mark here
        ("utf-16-le", "utf-16-le", "UTF-16 pattern"),
        ("utf-16-be", "utf-16-be", "UTF-16 pattern"),
    ],
)
def test_the_clean_report_reads_the_same_in_every_encoding(
    tmp_path: Path, encoding: str, codec: str, reason: str
) -> None:
    data = CLEAN.replace("\n", "\r\n").encode(encoding)
    decoded = decode_report_bytes(data, "r.txt")
    assert (decoded.encoding, decoded.reason) == (codec, reason)
    assert decoded.text == CLEAN.replace("\n", "\r\n")
    saved = tmp_path / f"report-{encoding}.txt"
    saved.write_bytes(data)
    assert parse_report(saved) == parse_report(DATA / "f2021-clean.txt")


def test_big5_traditional_text_is_told_from_gbk() -> None:
    lines = "\n".join(CLEAN.splitlines()[:4]).translate(TRADITIONAL)
    assert lines.startswith("某市市場監督管理局2021年政府信息公開工作年度報告")
    decoded = decode_report_bytes(lines.encode("big5"), "r.txt")
    assert (decoded.text, decoded.encoding) == (lines, "cp950")
    # the same bytes read as GB18030 would decode without error, but as rare
    # characters: 某市市場 is not 某甯甯
    assert lines.encode("big5").decode("gb18030") != lines
    # and the simplified text in GBK stays GB18030 (it is valid Big5 in places)
    simplified = "\n".join(CLEAN.splitlines()[:4])
    assert decode_report_bytes(simplified.encode("gbk"), "r.txt").encoding == "gb18030"


@pytest.mark.parametrize(
    "meta",
    [
        '<meta charset="gbk">',
        "<meta http-equiv=Content-Type content='text/html; charset=gb2312'>",
        '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=GBK">',
    ],
)
def test_a_declared_charset_is_honoured(meta: str) -> None:
    page = SPANS.replace('<meta charset="utf-8">', meta)
    decoded = decode_report_bytes(page.encode("gbk"), "r.html")
    assert (decoded.text, decoded.encoding, decoded.reason) == (page, "gb18030", "declared")
    assert parse_report_bytes(page.encode("gbk")) == parse_report(DATA / "f2021-spans.html")


def test_a_stale_declaration_loses_to_valid_utf8() -> None:
    page = SPANS.replace('<meta charset="utf-8">', '<meta charset="gb2312">')
    decoded = decode_report_bytes(page.encode("utf-8"), "r.html")
    assert (decoded.encoding, decoded.reason) == ("utf-8", "detected")


def test_a_declared_charset_that_does_not_decode_is_an_error() -> None:
    # UTF-8 declared, GBK bytes: nothing else is tried
    data = SPANS.encode("gbk")
    offset = data.index("某市".encode("gbk"))
    with pytest.raises(
        ReportParseError, match="it declares charset=utf-8, but the bytes"
    ) as caught:
        parse_report_bytes(data, name="page.html")
    message = str(caught.value)
    assert "'page.html'" in message
    assert "declares charset=utf-8" in message
    # 某 (c4 b3) happens to be valid UTF-8 (ĳ); 市 (ca d0) is not
    assert f"byte offset {offset + 2}: ca d0 c9 fa" in message
    assert "save the file as UTF-8" in message


def test_a_western_declaration_is_ignored() -> None:
    page = SPANS.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    decoded = decode_report_bytes(page.encode("gbk"), "r.html")
    assert (decoded.text, decoded.encoding) == (page, "gb18030")


def test_an_undecodable_file_says_where() -> None:
    gbk = CLEAN.encode("gbk")
    cut = gbk.index(b"\n") + 1
    data = gbk[:cut] + b"\xff\xff" + gbk[cut:]
    with pytest.raises(ReportParseError, match="it is neither UTF-8") as caught:
        parse_report_bytes(data, name="r.txt")
    message = str(caught.value)
    assert "'r.txt'" in message
    assert "neither UTF-8 (at byte offset 2: ca d0" in message  # 某 (c4 b3) passes as UTF-8
    assert f"nor GB18030 (at byte offset {cut}: ff ff" in message
    assert "nor Big5" in message
    assert "save the file as UTF-8" in message


def test_a_bom_with_broken_bytes_after_it_is_an_error() -> None:
    data = b"\xef\xbb\xbf" + CLEAN.encode("gbk")
    with pytest.raises(
        ReportParseError,
        match=r"UTF-8 byte-order mark, but the bytes at byte offset 5: ca d0 .* are not UTF-8",
    ):
        parse_report_bytes(data, name="r.txt")


def test_mojibake_never_yields_numbers() -> None:
    # GBK bytes forced through Big5 give garbled labels: no row is found, so no number
    data = CLEAN.encode("gbk")
    garbled = data.decode("cp950", errors="replace")
    with pytest.raises(ReportParseError, match="no table 三"):
        parse_report_bytes(garbled.encode("utf-8"))


def test_encoding_named_when_parsing_fails() -> None:
    with pytest.raises(
        ReportParseError, match=r"'x\.txt' \(read as GB18030, detected\): no table 三"
    ):
        parse_report_bytes("某局2021年政府信息公开工作年度报告".encode("gbk"), name="x.txt")


@given(st.binary(max_size=300))
def test_any_bytes_decode_or_raise_a_report_parse_error(data: bytes) -> None:
    try:
        decoded = decode_report_bytes(data, "r.txt")
    except ReportParseError:
        return
    assert decoded.text == data[len(_bom(data)) :].decode(decoded.encoding)


def _bom(data: bytes) -> bytes:
    for bom in (
        b"\xef\xbb\xbf",
        b"\xff\xfe\x00\x00",
        b"\x00\x00\xfe\xff",
        b"\xff\xfe",
        b"\xfe\xff",
    ):
        if data.startswith(bom):
            return bom
    return b""
