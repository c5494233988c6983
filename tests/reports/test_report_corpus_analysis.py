"""Analysis across the real corpus: hierarchy, carry-forward, year over year, reviews.

Every expected number below is worked out by hand from the entries' ``expected.json``
(read by hand from the published pages; see the corpus README).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opengov.errors import InvalidInputError
from opengov.reports import AnnualReport, CheckRule, Finding, read_reports
from opengov.reports.corpus import (
    CorpusFinding,
    CorpusRule,
    Review,
    Verdict,
    agency_key,
    apply_reviews,
    check_corpus,
    check_hierarchy,
    fingerprint,
    read_reviews,
    write_reviews,
    year_over_year,
)

CORPUS = Path(__file__).parent.parent / "data" / "reports" / "corpus"
ZONE = "平潭综合实验区"

_ALL = [r.report for r in read_reports(str(CORPUS)) if isinstance(r.report, AnnualReport)]


def _page(slug: str) -> AnnualReport:
    want = str(CORPUS / slug / "page.html")
    return next(r for r in _ALL if r.source == want)


def test_the_government_holds_at_least_its_departments() -> None:
    # 2024: the zone received 218; 自然资源与生态环境局 69, 社会事业局 2, 市场监督管理局 4
    gov = _page("pingtan-2024")
    deps = [_page(s) for s in ("pingtan-zrz-2024", "pingtan-shs-2024", "pingtan-scj-2024")]
    assert check_hierarchy(gov, deps) == ()
    # told the three are all its departments, 218 against 69 + 2 + 4 = 75 is a finding
    found = check_hierarchy(gov, deps, complete=True)
    received = next(
        f for f in found if f.cells[0].ref.row == "received" and f.cells[0].ref.column == "total"
    )
    assert (received.expected, received.actual) == (75, 218)
    assert received.rule is CorpusRule.HIERARCHY
    assert received.severity.value == "warning"
    assert received.sources[0] == gov.source


def test_departments_adding_up_to_more_is_a_finding() -> None:
    # 2025: the zone's 市场监督管理局 alone counted against the 2024 zone report
    # is refused: one year and format only
    with pytest.raises(InvalidInputError, match="government's year and format"):
        check_hierarchy(_page("pingtan-2024"), [_page("pingtan-scj-2025")])
    # the zone 2023 (81 received) against itself twice: 162 > 81
    gov = _page("pingtan-2023")
    found = check_hierarchy(gov, [gov, gov])
    received = next(
        f for f in found if f.cells[0].ref.row == "received" and f.cells[0].ref.column == "total"
    )
    assert (received.expected, received.actual) == (162, 81)
    assert "more than" in received.message


def test_carry_forward_across_the_corpus() -> None:
    found = check_corpus(_ALL, aliases={"平潭综合实验区管委会": ZONE})
    # table 三: every consecutive pair carries on (结转 equal to 上年结转)
    assert not [f for f in found if isinstance(f, Finding) and f.rule is CheckRule.CARRY_FORWARD]
    got = {
        (f.agency, f.year, f.rule.value, f.cells[0].ref.row): (f.expected, f.actual)
        for f in found
        if isinstance(f, CorpusFinding)
    }
    assert got == {
        # 2023 现行有效 470 + 2024 制发 62 − 废止 33 = 499, printed 440
        (ZONE, 2024, "in_force", "normative_documents"): (499, 440),
        # 440 + 58 − 45 = 453, printed 546
        (ZONE, 2025, "in_force", "normative_documents"): (453, 546),
        # 市场监督管理局: 56 + 1 − 1 = 56, printed 73
        ("平潭综合实验区市场监督管理局", 2025, "in_force", "normative_documents"): (56, 73),
        # 社会事业局: 0 + 5 − 0 = 5, printed 0
        ("平潭综合实验区社会事业局", 2024, "in_force", "normative_documents"): (5, 0),
        # 2019 format, 自然资源与生态环境局 行政许可: 2019's 0 + 0, but 2020 prints 20
        ("平潭综合实验区自然资源与生态环境局", 2020, "items", "licensing"): (0, 20),
    }
    # 管委会办公室 2019 → 2020: 行政许可 0 + (+1) = 1, as printed: no finding
    assert not [f for f in found if f.agency == "平潭综合实验区管委会办公室"]


def test_findings_do_not_depend_on_input_order() -> None:
    assert check_corpus(list(reversed(_ALL))) == check_corpus(_ALL)


def test_agency_names_are_normalised() -> None:
    assert agency_key("平潭综合实验区 自然资源与生态环境局") == "平潭综合实验区自然资源与生态环境局"
    assert agency_key("ＡＢ局") == "AB局"
    assert agency_key(None) is None
    assert agency_key("平潭综合实验区管委会", {"平潭综合实验区 管委会": ZONE}) == ZONE


def test_year_over_year_table() -> None:
    pd = pytest.importorskip("pandas")
    from opengov.reports import to_frame

    table = year_over_year(to_frame(str(CORPUS)), aliases={"平潭综合实验区管委会": ZONE})
    zone = table.loc[ZONE]
    # 一、本年新收 总计: 2019 23, 2023 81, 2024 218, 2025 154 (expected.json)
    received = zone.loc["received"]
    assert [received[y] for y in (2019, 2023, 2024, 2025)] == [23, 81, 218, 154]
    assert pd.isna(received[2020])  # the zone's 2020 report is not in the corpus
    # rows in the official order
    rows = list(zone.index)
    assert rows.index("received") < rows.index("disclosed") < rows.index("carried_forward")
    # the 2014 report (平潭综合实验区管委会) joins the zone's series through the alias
    assert 2014 in zone.columns
    assert zone.loc["received", 2014] is not pd.NA


def test_fingerprints_are_stable_and_ignore_the_wording() -> None:
    first = check_corpus(_ALL)
    again = check_corpus(list(reversed(_ALL)))
    assert [fingerprint(f) for f in first] == [fingerprint(f) for f in again]
    assert len({fingerprint(f) for f in first}) == len(first)
    f = next(f for f in first if isinstance(f, CorpusFinding))
    reworded = CorpusFinding.model_validate({**dict(f), "message": "other words", "actual": 1})
    assert fingerprint(reworded) == f.fingerprint
    other_year = CorpusFinding.model_validate({**dict(f), "year": f.year + 1})
    assert fingerprint(other_year) != f.fingerprint
    with pytest.raises(InvalidInputError, match="must be a Finding or a CorpusFinding"):
        fingerprint("x")  # type: ignore[arg-type]


def test_reviews_are_kept_across_runs(tmp_path: Path) -> None:
    store = tmp_path / "reviews.jsonl"
    assert read_reviews(store) == {}
    first = check_corpus(_ALL)
    zone_2024 = next(f for f in first if f.agency == ZONE and f.year == 2024)
    review = Review(
        fingerprint=fingerprint(zone_2024),
        verdict=Verdict.DISMISSED,
        note="现行有效 recounted after the 2024 清理",
    )
    write_reviews(store, [review])
    # a later run, the reports read again
    rerun = check_corpus(list(reversed(_ALL)))
    reviewed = {fingerprint(f): r for f, r in apply_reviews(rerun, read_reviews(store))}
    assert reviewed[fingerprint(zone_2024)] == review
    assert sum(r is not None for r in reviewed.values()) == 1
    store.write_text("not json\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="line 1 is not a review"):
        read_reviews(store)


@settings(max_examples=20, deadline=None)
@given(st.permutations(list(range(len(_ALL)))))
def test_check_corpus_is_order_free(order: list[int]) -> None:
    assert check_corpus([_ALL[i] for i in order]) == check_corpus(_ALL)


def test_findings_frame_has_the_fingerprints() -> None:
    pytest.importorskip("pandas")
    from opengov.reports import findings_to_frame

    found = check_corpus(_ALL)
    frame = findings_to_frame(found)
    assert frame["fingerprint"].tolist() == [fingerprint(f) for f in found]
    assert frame["rule"].tolist()[:2] == ["in_force", "in_force"]
