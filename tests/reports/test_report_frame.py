"""The tidy and wide frames of the real corpus, against the hand-read expectations.

Expected values come from each entry's ``expected.json`` (read by hand from the
published page, see the corpus README), never from the parser or the frame.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opengov import OutcomeRow, ReportFormat
from opengov.errors import InvalidInputError
from opengov.reports import (
    AnnualReport,
    ApplicantColumn,
    Cell,
    CellRef,
    DisclosureColumn,
    DisclosureRow,
    ReviewKind,
    ReviewResult,
    disclosure_layout,
    parse_report,
    read_reports,
)

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

from opengov.reports import to_frame, to_parquet, to_wide_frame  # noqa: E402

CORPUS = Path(__file__).parent.parent / "data" / "reports" / "corpus"
LEGACY = CORPUS / "legacy"


def _expected(slug: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CORPUS / slug / "expected.json").read_text(encoding="utf-8"))
    return data


def _int(text: str) -> int:
    return int(text.replace("\xa0", "").strip())


@pytest.fixture(scope="module")
def corpus() -> Any:
    return to_frame(str(CORPUS))


def test_columns_and_dtypes(corpus: Any) -> None:
    assert list(corpus.columns[:10]) == [
        "source",
        "agency",
        "year",
        "format",
        "legacy",
        "table",
        "group",
        "row",
        "column",
        "value",
    ]
    assert str(corpus["value"].dtype) == "Int64"
    for name in ("table", "group", "row", "column", "row_zh", "column_en", "kind"):
        assert corpus[name].dtype == "category"
        assert corpus[name].cat.ordered
    assert corpus["group"].notna().all()  # every row has its group


def test_categories_are_in_the_printed_order_of_each_format(corpus: Any) -> None:
    rows = list(corpus["row"].cat.categories)
    columns = list(corpus["column"].cat.categories)
    for fmt in ReportFormat:
        mine = [r.value for r in fmt.rows]
        assert [r for r in rows if r in mine] == mine
        layout = [r.value for s in disclosure_layout(fmt) for r in s.rows]
        assert [r for r in rows if r in layout] == list(dict.fromkeys(layout))
    applicants = [c.value for c in ApplicantColumn]
    assert [c for c in columns if c in applicants] == applicants
    results = [r.value for r in ReviewResult]
    assert [c for c in columns if c in results] == results
    assert list(corpus["table"].cat.categories) == ["disclosure", "applications", "review"]
    # 自然人 … 其他, 总计 as printed, not sorted
    assert list(corpus["column_zh"].cat.categories).index("自然人") < list(
        corpus["column_zh"].cat.categories
    ).index("其他")


def test_groups_of_rows_one_two_and_four_are_the_rows(corpus: Any) -> None:
    t3 = corpus[corpus.table == "applications"]
    for row in ("received", "carried_over", "carried_forward"):
        assert set(t3[t3.row == row]["group"].astype(str)) == {row}
    assert set(t3[t3.row == "withheld_third_party"]["group"].astype(str)) == {"withheld"}
    assert set(t3[t3.row == "withheld_third_party"]["group_zh"].astype(str)) == {"（三）不予公开"}
    t4 = corpus[corpus.table == "review"]
    assert set(t4[t4.row == "administrative_review"]["group"].astype(str)) == {"review"}
    assert set(t4[t4.row == "litigation_after_review"]["group_en"].astype(str)) == {
        "Administrative litigation"
    }


@pytest.mark.parametrize("slug", ["pingtan-2024", "pingtan-2025", "pingtan-zrz-2023"])
def test_tables_three_and_four_are_the_hand_read_values(corpus: Any, slug: str) -> None:
    exp = _expected(slug)
    page = str(CORPUS / slug / "page.html")
    mine = corpus[corpus.source == page]
    assert set(mine["agency"].astype(str)) == {exp["agency"]}
    assert set(mine["year"]) == {exp["year"]}
    t3 = mine[mine.table == "applications"]
    for line in exp["applications"]:
        got = t3[t3.row == line["row"]].sort_values("column")["value"].tolist()
        assert got == [_int(c) for c in line["cells"]], line["row"]
    t4 = mine[mine.table == "review"].sort_values(["row", "column"])
    assert t4["value"].tolist() == [_int(c) for c in exp["review"]]


def test_money_is_decimal_and_counts_are_int64(corpus: Any) -> None:
    # pingtan-2023 prints 5949.088667 万元 in 本年收费金额 (corpus README)
    page = str(CORPUS / "pingtan-2023" / "page.html")
    fee = corpus[(corpus.source == page) & (corpus.column == DisclosureColumn.FEE_AMOUNT.value)]
    assert fee["amount"].tolist() == [Decimal("5949.088667")]
    assert fee["value"].isna().all()
    # 规范性文件 现行有效 440 in pingtan-2024 (expected.json)
    page24 = str(CORPUS / "pingtan-2024" / "page.html")
    cell = corpus[
        (corpus.source == page24)
        & (corpus.row == "normative_documents")
        & (corpus.column == "in_force")
    ]
    assert cell["value"].tolist() == [440]
    assert cell["amount"].isna().all()


def test_legacy_reports_join_through_the_conversions(corpus: Any) -> None:
    # 平潭县 2012 (legacy/pingtan-county-2012/expected.json, narrative): 收到申请 21,
    # 答复总数 21, 同意公开 17, 同意部分公开 2
    table = str(LEGACY / "pingtan-county-2012" / "table.html")
    old = corpus[corpus.source == table]
    assert old["legacy"].all()
    assert set(old["format"].astype(str)) == {"2021"}
    got = dict(zip(old["row"].astype(str), old["value"].tolist(), strict=True))
    assert got["received"] == 21
    assert got["total"] == 21
    assert got["disclosed"] == 17
    assert got["partially_disclosed"] == 2
    # 受理…总数 read as 一、本年新收 and 答复总数 as （七）总计 are interpretations;
    # 同意公开 → （一）予以公开 is lossless
    flags = dict(zip(old["row"].astype(str), old["interpreted"].tolist(), strict=True))
    assert flags["received"]
    assert flags["total"]
    assert not flags["disclosed"]
    assert not corpus[~corpus.legacy]["interpreted"].any()


def test_paths_reports_and_results_give_the_same_frame(corpus: Any) -> None:
    results = list(read_reports(str(CORPUS)))
    from_results = to_frame(results)
    from_reports = to_frame([r.report for r in results if r.report is not None])
    pd.testing.assert_frame_equal(from_results, corpus)
    pd.testing.assert_frame_equal(from_reports, corpus)


def test_a_file_that_cannot_be_read_gives_no_row() -> None:
    # legacy/pingtan-landtax-2013/page.txt is not read (no table found, corpus README)
    bad = LEGACY / "pingtan-landtax-2013" / "page.txt"
    assert len(to_frame(str(bad))) == 0
    assert list(to_frame([]).columns) == list(to_frame(str(bad)).columns)


def test_wide_frame_has_one_row_per_report() -> None:
    files = [str(CORPUS / s / "page.html") for s in ("pingtan-2023", "pingtan-2024")]
    wide = to_wide_frame(files)
    assert len(wide) == 2
    assert wide["source"].astype(str).tolist() == files
    # 一、本年新收 总计: 218 in 2024 (expected.json)
    assert wide["applications.received.total"].tolist()[1] == 218
    assert str(wide["applications.received.total"].dtype) == "Int64"
    # the 2019-only row is <NA> in 2021-format reports
    assert wide["applications.other.total"].isna().all()
    assert wide["disclosure.administrative_fees.fee_amount"].tolist() == [
        Decimal("5949.088667"),
        Decimal("18651.06"),
    ]
    cells = [c for c in wide.columns if "." in c]
    assert cells[0] == "disclosure.rules.newly_made"
    assert cells[-1] == "review.litigation_after_review.total"


def test_parquet_round_trip(tmp_path: Path, corpus: Any) -> None:
    path = tmp_path / "corpus.parquet"
    to_parquet(corpus, path)
    back = pd.read_parquet(path)
    assert list(back.columns) == list(corpus.columns)
    assert back["row"].dtype == corpus["row"].dtype
    assert back["value"].tolist() == corpus["value"].tolist()
    assert back["amount"].dropna().tolist() == corpus["amount"].dropna().tolist()
    with pytest.raises(InvalidInputError, match="must be a pandas DataFrame"):
        to_parquet([1, 2], path)


def test_bad_input_is_named() -> None:
    with pytest.raises(InvalidInputError, match="iterable of them, got int"):
        to_frame(3)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"each item must be .* got int"):
        to_frame([3])  # type: ignore[list-item]


_SEEDS = [r.report for r in read_reports(str(CORPUS)) if isinstance(r.report, AnnualReport)]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(0, len(_SEEDS) - 1), max_size=12))
def test_one_row_per_cell_in_report_order(picks: list[int]) -> None:
    reports = [_SEEDS[i] for i in picks]
    df = to_frame(reports)
    assert len(df) == sum(r.completeness().total for r in reports)
    # a frame of a list is the frames of its parts, one after the other
    if reports:
        parts = pd.concat([to_frame(r) for r in reports], ignore_index=True)
        assert df["value"].tolist() == parts["value"].tolist()
        assert df["row"].astype(str).tolist() == parts["row"].astype(str).tolist()


def test_one_report_alone() -> None:
    r = parse_report(CORPUS / "pingtan-2024" / "page.html")
    df = to_frame(r)
    received = df[(df.row == OutcomeRow.RECEIVED.value) & (df.column == "total")]
    assert received["value"].tolist() == [218]
    assert len(df[df.table == "review"]) == len(ReviewKind) * len(ReviewResult)


def test_an_amount_with_more_places_is_kept_exactly() -> None:
    r = parse_report(CORPUS / "pingtan-2024" / "page.html")
    ref = CellRef.disclosure(DisclosureRow.ADMINISTRATIVE_FEES, DisclosureColumn.FEE_AMOUNT)
    odd = r.with_cell(ref, Cell.number(Decimal("1.1234567")))
    df = to_frame([r, odd])
    assert df["amount"].dropna().tolist() == [Decimal("18651.06"), Decimal("1.1234567")]
    wide = to_wide_frame([r, odd])
    assert wide["disclosure.administrative_fees.fee_amount"].tolist() == [
        Decimal("18651.06"),
        Decimal("1.1234567"),
    ]
