"""Shared and precomputed values give the same results as computing them afresh.

Reading reports shares frozen values (one :class:`Cell` per cell text, one tuple of
rows per format) instead of building each again. These tests compare the shared
values with fresh ones, for any input.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from opengov import OutcomeRow, ReportFormat
from opengov.reports import (
    AnnualReport,
    Cell,
    CellKind,
    DisclosureRow,
    parse_report_html,
    parse_report_text,
)

# cell-like text: digits (ASCII and full-width), separators, units, markers, CJK
_CELL_CHARS = st.sampled_from(
    list("0123456789０１２３４５６７８９ ,.+-/／—–件项个万元人次约无不适用\\\t\u3000")
)
cell_texts = st.one_of(
    st.text(_CELL_CHARS, max_size=12),
    st.text(max_size=12),
    st.text(_CELL_CHARS, min_size=60, max_size=80),
)


def _exact(cell: Cell) -> tuple[object, ...]:
    # Decimal("1") == 1 and Decimal("1.0") == Decimal("1.00"): compare types and digits
    v = cell.value
    return (type(cell), cell.kind, type(v), str(v) if isinstance(v, Decimal) else v, cell.raw)


@given(text=cell_texts, money=st.booleans())
@example(text="0", money=False)
@example(text="0", money=True)
@example(text="1,200", money=False)
@example(text="", money=False)
def test_a_shared_cell_is_the_cell_read_afresh(text: str, money: bool) -> None:
    fresh = Cell._read_text(text, money=money)
    shared = Cell.read(text, money=money)
    assert _exact(shared) == _exact(fresh)
    assert shared.model_dump() == fresh.model_dump()
    assert Cell.read(text, money=money) is shared or len(text) > 64  # read once, then shared


def test_a_subclass_reads_its_own_cells() -> None:
    class Marked(Cell):
        pass

    assert type(Marked.read("3")) is Marked
    assert type(Cell.read("3")) is Cell


def test_rows_of_a_format_are_the_rows_in_the_format() -> None:
    for fmt in ReportFormat:
        rows = tuple(r for r in OutcomeRow if fmt in r.formats)
        assert fmt.rows == rows
        assert fmt.result_rows == tuple(r for r in rows if r.group is not None)
        assert fmt.counted_rows == tuple(r for r in fmt.result_rows if r is not OutcomeRow.TOTAL)


def test_cell_addresses_are_the_addresses_built_afresh() -> None:
    from opengov.reports import (
        AnnualReport,
        ApplicantColumn,
        CellRef,
        ReportTable,
        ReviewKind,
        ReviewResult,
        disclosure_layout,
    )

    for fmt in ReportFormat:
        report = AnnualReport.create(agency="某局", year=fmt.first_report_year)
        expected = [
            *(
                CellRef(table=ReportTable.DISCLOSURE, row=r.value, column=c.value)
                for s in disclosure_layout(fmt)
                for r in s.rows
                for c in s.columns
            ),
            *(
                CellRef(table=ReportTable.APPLICATIONS, row=r.value, column=c.value)
                for r in fmt.rows
                for c in ApplicantColumn
            ),
            *(
                CellRef(table=ReportTable.REVIEW, row=k.value, column=r.value)
                for k in ReviewKind
                for r in ReviewResult
            ),
        ]
        assert [ref for ref, _ in report.items()] == expected
        assert [report.cell(ref) for ref in expected] == [c for _, c in report.items()]


def test_shared_blank_and_unread_cells_are_the_cells_built_afresh() -> None:
    assert Cell.blank() == Cell(kind=CellKind.BLANK)
    assert Cell.unread() == Cell(kind=CellKind.UNREAD)
    assert Cell.unread("约3") == Cell(kind=CellKind.UNREAD, raw="约3")
    assert Cell.blank() is Cell.blank()
    assert Cell.unread() is Cell.unread()


@given(st.text(st.sampled_from(list("|\\ 　0１a一/")), max_size=20))
def test_a_line_without_escapes_splits_on_every_separator(line: str) -> None:
    from opengov.reports.parse_text import _SEPARATOR

    if "\\|" not in line:
        assert line.split("|") == _SEPARATOR.split(line)


@given(st.text(st.sampled_from(list("|\\ \n　0１a一/")), max_size=40))
def test_labels_are_known_the_same_with_or_without_the_cache(text: str) -> None:
    from opengov.reports._reader import CELL, Tok, _is_label, is_boundary

    fresh = bool(_reader_cjk(text)) and Cell._read_text(text).kind is CellKind.UNREAD
    assert _is_label(text) is fresh
    assert is_boundary(Tok(text, CELL)) is fresh


def _reader_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


_DATA = Path(__file__).parent.parent / "data" / "reports"
_SEED = Path(__file__).parent.parent.parent / "examples" / "data" / "hunjiang-minzheng-2019.txt"
_FIXTURES = sorted([*_DATA.glob("*.txt"), *_DATA.glob("*.html"), _SEED])


def _parse(path: Path) -> AnnualReport:
    text = path.read_text(encoding="utf-8")
    return parse_report_html(text) if path.suffix == ".html" else parse_report_text(text)


@pytest.mark.parametrize("path", _FIXTURES, ids=lambda p: p.name)
def test_tables_built_by_the_reader_are_valid_tables(path: Path) -> None:
    report = _parse(path)
    for table in (report.disclosure, report.applications, report.review):
        again = type(table).model_validate(table.model_dump())
        assert again == table
        assert again.model_dump() == table.model_dump()
    assert AnnualReport.model_validate_json(report.to_json()) == report


@given(
    st.text(st.sampled_from(list("一二三四、.()（）0１予以公开部分总计其他处理 ")), max_size=16),
    st.sampled_from(list(OutcomeRow)),
    st.sampled_from(list(DisclosureRow)),
)
def test_row_labels_are_matched_the_same_with_or_without_the_cache(
    text: str, row: OutcomeRow, drow: DisclosureRow
) -> None:
    from opengov.reports import _reader

    assert _reader._row_matches(text, row) is _reader._row_matches.__wrapped__(text, row)
    assert _reader._row_exact(text, row) is _reader._row_exact.__wrapped__(text, row)
    assert _reader._disclosure_row_matches(
        text, drow
    ) is _reader._disclosure_row_matches.__wrapped__(text, drow)
    assert _reader._marks_2021(text) is _reader._marks_2021.__wrapped__(text)


@given(st.text(st.sampled_from(list("|:- \t\u30000a一\\")), max_size=20))
def test_a_line_with_other_characters_is_never_a_rule(line: str) -> None:
    from opengov.reports.parse_text import _RULE_LINE, _SEPARATOR, _is_rule

    pieces = _SEPARATOR.split(line)
    if _is_rule(pieces):
        assert _RULE_LINE.fullmatch(line)


@given(st.text(max_size=40) | st.text(st.sampled_from(list("共１２件5²①٣٤a1 ，。¤")), max_size=20))
def test_prose_digits_through_the_table_are_the_digits_char_by_char(text: str) -> None:
    import unicodedata

    from opengov.reports._tables import ODD_DIGIT, _odd_digit, prose_digits

    by_char = "".join(ODD_DIGIT if not c.isascii() and _odd_digit(c) else c for c in text)
    assert prose_digits(text) == unicodedata.normalize("NFKC", by_char)


def test_characters_prose_digits_skips_are_never_odd_digits() -> None:
    from opengov.reports._tables import _MAYBE_ODD, _odd_digit

    skipped = [chr(o) for o in range(0x110000) if not _MAYBE_ODD.match(chr(o))]
    assert len(skipped) > 20000
    assert not [c for c in skipped if not c.isascii() and _odd_digit.__wrapped__(c)]
