"""Legacy reports (2008-2018) as whole documents: real pages, checks, series."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opengov import LegacyReportError, OutcomeRow, ReportFormat
from opengov.errors import InvalidInputError, ReportFormatError, ReportParseError
from opengov.reports import (
    Cell,
    LegacyItem,
    LegacyReport,
    LegacyRule,
    LegacySource,
    LegacyValue,
    SeriesSource,
    check_legacy_report,
    legacy_conversion,
    parse_legacy_report,
    parse_legacy_report_text,
    parse_report,
    report_series,
    series_frame,
)
from opengov.reports.legacy_series import OTHER_NOTE, RECEIVED_NOTE, TOTAL_NOTE

CORPUS = Path(__file__).parent.parent / "data" / "reports" / "corpus" / "legacy"
CASES = sorted(
    [(p.parent.name, p.name) for p in CORPUS.glob("*/expected*.json")],
)


def _expected(slug: str, name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CORPUS / slug / name).read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(("slug", "name"), CASES, ids=[f"{s}/{n}" for s, n in CASES])
def test_corpus_reads_as_read_by_hand(slug: str, name: str) -> None:
    want = _expected(slug, name)
    r = parse_legacy_report(CORPUS / slug / want["source"])
    assert (r.agency, r.year, r.table_title) == (want["agency"], want["year"], want["table_title"])
    table = [v for v in r.values if v.source is LegacySource.TABLE]
    assert len(table) == len(want["table"])
    for v, (label, item, year_value, cumulative) in zip(table, want["table"], strict=True):
        if label is not None:
            assert v.label_zh == label
        assert (v.item.value if v.item else None) == item, v.label_zh
        assert v.count == year_value, v.label_zh
        assert v.cumulative is not None
        assert v.cumulative.as_count(blank_as_zero=False) == cumulative, v.label_zh
        if year_value is None:
            assert v.cell.kind.value == "unread"
            assert v.cell.raw
    told = [
        [v.label_zh, v.item.value if v.item else None, v.count]
        for v in r.values
        if v.source is LegacySource.NARRATIVE
    ]
    assert told == want["narrative"]
    # a stated count is in its sentence (a zero is stated in words: 未收到…申请)
    assert all(
        v.sentence and str(v.count) in v.sentence
        for v in r.values
        if v.count and v.source is LegacySource.NARRATIVE
    )
    found = [[f.severity.value, f.rule.value] for f in check_legacy_report(r)]
    assert found == want["findings"]


def test_every_corpus_page_has_provenance() -> None:
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert "12f00b4205da89f3fa531f747c608e88308a046c" in readme
    for folder in CORPUS.iterdir():
        if folder.is_dir():
            assert f"`{folder.name}`" in readme, folder.name


def test_narrative_that_contradicts_the_table_is_reported() -> None:
    r = parse_legacy_report(CORPUS / "pingtan-zone-2013" / "page.txt")
    found = {
        (f.expected, f.actual) for f in check_legacy_report(r) if f.rule is LegacyRule.NARRATIVE
    }
    # 2013年主动公开政府信息4970条 vs 主动公开信息数 72804; 收到1份…行政复议申请 vs 行政复议数 0
    assert found == {(4970, 72804), (1, 0)}


def test_unknown_wordings_are_kept_and_named_in_the_reply_check() -> None:
    r = parse_legacy_report(CORPUS / "pingtan-county-2012" / "page.txt")
    assert [(v.label_zh, v.count) for v in r.unmapped()] == [
        ("其它公开答复数", 2),
        ("免于公开答复数", 2),
    ]
    (f,) = [f for f in check_legacy_report(r) if f.rule is LegacyRule.REPLY_TOTAL]
    assert (f.severity.value, f.expected, f.actual) == ("warning", 21, 17)
    assert "其它公开答复数 2" in f.message
    assert "免于公开答复数 2" in f.message


def test_text_and_html_of_one_report_agree_where_the_text_is_readable() -> None:
    text = parse_legacy_report(CORPUS / "pingtan-county-2012" / "page.txt")
    html = parse_legacy_report(CORPUS / "pingtan-county-2012" / "table.html")
    for told in text.items(LegacySource.NARRATIVE):
        if told.item is not None and (t := html.table(told.item)) is not None:
            assert t.count == told.count, told.label_zh


# ------------------------------------------------------------- the hook


def test_a_legacy_page_given_to_the_current_parser_says_what_it_is() -> None:
    with pytest.raises(LegacyReportError, match="parse_legacy_report") as info:
        parse_report(CORPUS / "pingtan-zone-2011" / "page.txt")
    assert isinstance(info.value, ReportParseError)
    assert "2007 Regulation" in str(info.value)
    with pytest.raises(LegacyReportError, match="no table 三 found"):
        parse_report(CORPUS / "pingtan-county-2012" / "table.html")


def test_a_page_without_legacy_wording_keeps_the_old_message() -> None:
    with pytest.raises(ReportParseError, match="no table 三 found") as info:
        parse_report_text_plain("某局2021年政府信息公开工作年度报告\n无表格。")
    assert not isinstance(info.value, LegacyReportError)


def parse_report_text_plain(text: str) -> object:
    from opengov.reports import parse_report_text

    return parse_report_text(text)


# --------------------------------------------------------------- reading


def test_years_outside_2008_2018_are_refused() -> None:
    text = "受理依申请公开信息总数 条 1"
    with pytest.raises(ReportFormatError, match="parse_report"):
        parse_legacy_report_text(text, year=2019)
    with pytest.raises(ReportFormatError, match="2008-05-01"):
        parse_legacy_report_text(text, year=2007)
    with pytest.raises(ReportParseError, match="year="):
        parse_legacy_report_text(text)
    with pytest.raises(InvalidInputError, match="year must be an int, got '2012'"):
        parse_legacy_report_text(text, year="2012")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="text must be a str, got bytes"):
        parse_legacy_report_text(b"x")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("label", "item"),
    [
        ("（一）当面申请数", LegacyItem.CHANNEL_IN_PERSON),
        ("1．当面申请 数", LegacyItem.CHANNEL_IN_PERSON),
        ("３、网上申请数", LegacyItem.CHANNEL_ONLINE),
        ("其中:2、同意部分公开答复数", LegacyItem.REPLY_AGREED_PARTIALLY),
        ("一、受理政府信息依申请公开总数", LegacyItem.APPLICATIONS_TOTAL),
        ("3、不予公开答复数", LegacyItem.REPLY_REFUSED),
        ("主动公开文件数", LegacyItem.PROACTIVE_TOTAL),
        ("非《规定》所指政府信息数", LegacyItem.REFUSED_NOT_GOVERNMENT_INFORMATION),
        ("不属于本行政机关公开数", LegacyItem.REPLY_NOT_THIS_AGENCY),
    ],
)
def test_label_matching_tolerates_numbering_and_forms(label: str, item: LegacyItem) -> None:
    assert LegacyItem.from_label(label) is item


def test_a_pipe_dump_table_is_read_by_cells() -> None:
    r = parse_legacy_report_text(
        "某局2010年政府信息公开工作年度报告\n"
        "某局政府信息公开情况统计表\n"
        "| 指标名称 | 计量单位 | 2010年度 |\n"
        "| 对申请的答复总数 | 件 | 5 |\n"
        "| 其中：1.同意公开答复数 | 件 | 3 |\n"
        "| 2.同意部分公开答复数 | 件 | 3 |\n"
        "| 某地方自定答复数 | 件 | 1 |\n"
    )
    assert [(v.label_zh, v.count) for v in r.values] == [
        ("对申请的答复总数", 5),
        ("其中：1.同意公开答复数", 3),
        ("2.同意部分公开答复数", 3),
        ("某地方自定答复数", 1),
    ]
    assert r.unmapped()[0].item is None
    (f,) = check_legacy_report(r)
    assert (f.severity.value, f.rule, f.expected, f.actual) == (
        "error",
        LegacyRule.REPLY_TOTAL,
        5,
        6,
    )


def test_flattened_rows_with_too_few_numbers_are_unread() -> None:
    r = parse_legacy_report_text(
        "某局2012年政府信息公开工作年度报告 统计表 指标名称 计量单位 2012年度 历年累计 "
        "行政复议数 件 3 行政诉讼数 件 1 2"
    )
    review, lawsuits = r.values
    assert review.cell.kind.value == "unread"
    assert review.cell.raw == "3"
    assert (lawsuits.count, lawsuits.cumulative) == (1, Cell.number(2))


# --------------------------------------------------------------- series


def test_conversion_names_each_step() -> None:
    r = parse_legacy_report(CORPUS / "pingtan-county-2012" / "table.html")
    lines = legacy_conversion(r, ReportFormat.F2021)
    assert [(ln.label_zh, ln.value, ln.row, ln.lossless) for ln in lines] == [
        ("其中：1.同意公开答复数", 17, OutcomeRow.DISCLOSED, True),
        ("2.同意部分公开答复数", 2, OutcomeRow.PARTIALLY_DISCLOSED, True),
        ("3.否决公开答复数", 2, None, False),
    ]
    assert lines[2].note is not None
    assert "reasons the report does not give" in lines[2].note


def test_series_of_a_legacy_table() -> None:
    r = parse_legacy_report(CORPUS / "pingtan-county-2012" / "table.html")
    rows = report_series([r])
    got = [(s.row, s.value, s.source, s.interpretations) for s in rows]
    assert got == [
        (OutcomeRow.RECEIVED, 21, SeriesSource.LEGACY_TABLE, (RECEIVED_NOTE,)),
        (OutcomeRow.DISCLOSED, 17, SeriesSource.LEGACY_TABLE, ()),
        (OutcomeRow.PARTIALLY_DISCLOSED, 2, SeriesSource.LEGACY_TABLE, ()),
        (None, 2, SeriesSource.LEGACY_TABLE, ()),
        (OutcomeRow.TOTAL, 21, SeriesSource.LEGACY_TABLE, (TOTAL_NOTE,)),
    ]
    assert rows[3].labels == ("3.否决公开答复数",)
    assert rows[3].notes


def test_series_from_the_narrative_and_interpreted_rows() -> None:
    county = parse_legacy_report(CORPUS / "pingtan-county-2013" / "page.txt")
    rows = {s.row: s for s in report_series([county]) if s.row is not None}
    assert (rows[OutcomeRow.DISCLOSED].value, rows[OutcomeRow.DISCLOSED].source) == (
        2,
        SeriesSource.NARRATIVE,
    )
    assert rows[OutcomeRow.RECEIVED].value == 7
    zone = parse_legacy_report(CORPUS / "pingtan-zone-2014" / "page.txt")
    other = next(s for s in report_series([zone]) if s.row is OutcomeRow.OTHER_MISC)
    assert (other.value, other.interpretations) == (0, (OTHER_NOTE,))
    other19 = next(
        s for s in report_series([zone], legacy_format="2019") if s.row is OutcomeRow.OTHER
    )
    assert other19.interpreted


def test_series_mixes_current_and_legacy_reports() -> None:
    current = parse_report("examples/data/hunjiang-minzheng-2019.txt")
    legacy = parse_legacy_report(CORPUS / "pingtan-zone-2011" / "page.txt")
    rows = report_series([current, legacy])
    assert [s.year for s in rows] == sorted(s.year for s in rows)
    t3 = [s for s in rows if s.source is SeriesSource.TABLE_3]
    assert t3
    assert all(not s.interpreted and s.agency == "浑江区民政局" for s in t3)
    legacy_rows = {s.row: s.value for s in rows if s.year == 2011}
    assert legacy_rows == {
        OutcomeRow.RECEIVED: 0,
        OutcomeRow.DISCLOSED: 0,
        OutcomeRow.PARTIALLY_DISCLOSED: 0,
        None: 0,  # 3.否决公开答复数: a total without its reasons, not converted
        OutcomeRow.TOTAL: 0,
    }
    frame = series_frame(rows)
    assert list(frame.columns[:4]) == ["agency", "year", "format", "row"]
    assert len(frame) == len(rows)
    with pytest.raises(
        InvalidInputError,
        match="reports must be an iterable of AnnualReport and LegacyReport objects",
    ):
        report_series(legacy)  # type: ignore[arg-type]


# ------------------------------------------------------------ properties

_ROWS = st.lists(
    st.tuples(
        st.sampled_from(
            ["受理依申请公开信息总数", "当面申请数", "网上申请数", "同意公开答复数", "行政复议数"]
        ),
        st.integers(0, 10**6),
        st.integers(0, 10**6),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=60, deadline=None)
@given(_ROWS)
def test_spaced_flat_rows_read_back(rows: list[tuple[str, int, int]]) -> None:
    body = " ".join(f"{i + 1}、{label} 条 {a} {b}" for i, (label, a, b) in enumerate(rows))
    r = parse_legacy_report_text(f"统计表 指标名称 计量单位 2012年度 历年累计 {body}", year=2012)
    assert [(v.count, v.cumulative) for v in r.values] == [(a, Cell.number(b)) for _, a, b in rows]


@settings(max_examples=60, deadline=None)
@given(_ROWS)
def test_digits_run_together_are_never_read(rows: list[tuple[str, int, int]]) -> None:
    body = "".join(f"{i + 1}.{label}条{a}{b}" for i, (label, a, b) in enumerate(rows))
    r = parse_legacy_report_text(f"统计表指标名称计量单位2012年度历年累计{body}", year=2012)
    assert len(r.values) == len(rows)
    assert all(v.count is None for v in r.values)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(0, 1000), min_size=1, max_size=5), st.integers(0, 5000))
def test_channel_rule_severity(parts: list[int], total: int) -> None:
    items = [LegacyItem.CHANNEL_IN_PERSON, LegacyItem.CHANNEL_FAX, LegacyItem.CHANNEL_EMAIL]
    items += [LegacyItem.CHANNEL_ONLINE, LegacyItem.CHANNEL_LETTER]

    def tv(item: LegacyItem, n: int) -> LegacyValue:
        return LegacyValue(
            label_zh=item.label_zh, item=item, cell=Cell.number(n), source=LegacySource.TABLE
        )

    r = LegacyReport(
        year=2015,
        values=(
            tv(LegacyItem.APPLICATIONS_TOTAL, total),
            *(tv(i, n) for i, n in zip(items, parts, strict=False)),
        ),
    )
    found = [f for f in check_legacy_report(r) if f.rule is LegacyRule.CHANNEL_TOTAL]
    s = sum(parts)
    if s == total:
        assert found == []
    else:
        (f,) = found
        assert f.severity.value == ("error" if s > total else "warning")
        assert (f.expected, f.actual) == (total, s)


def test_hostile_text_is_read_in_bounded_time() -> None:
    nasty = "统计表 指标名称 " + "条1" * 200_000 + "未收到" * 50_000 + "其中" * 50_000
    start = time.perf_counter()
    r = parse_legacy_report_text(nasty, year=2012)
    assert time.perf_counter() - start < 10
    assert len(r.values) <= 300
    stated = "收到有关政府信息公开的申请1条" * 100_000
    start = time.perf_counter()
    r = parse_legacy_report_text(stated, year=2012)
    assert time.perf_counter() - start < 10
    assert 1 <= len(r.values) <= 100  # at most 100 statements read per pattern
