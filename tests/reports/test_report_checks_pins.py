"""Pins for reports/checks.py: whole findings on real reports of the corpus.

Each report is built from its ``expected.json`` (the tables as printed, read by hand
from the published page, tests/data/reports/corpus), not from the parser, so the
checks are tested on their own. The expected findings are worked out by hand from
those printed numbers (see the comments).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from opengov import OutcomeRow, ReportFormat
from opengov.citations import cite
from opengov.errors import InvalidInputError
from opengov.reports import (
    AnnualReport,
    ApplicantColumn,
    ApplicationTable,
    Cell,
    CellKind,
    CellRef,
    CheckRule,
    DisclosureColumn,
    DisclosureRow,
    DisclosureTable,
    ReportTable,
    ReportText,
    ReviewKind,
    ReviewResult,
    ReviewTable,
    Severity,
    check_carry_forward,
    check_report,
    check_reports,
)
from opengov.reports.checks import CellValue, Finding

CORPUS = Path(__file__).parent.parent / "data" / "reports" / "corpus"
TOTAL = ApplicantColumn.TOTAL
ZRZ = "平潭综合实验区自然资源与生态环境局"


def hand_read(slug: str, source: str | None = None) -> AnnualReport:
    """The report of corpus entry ``slug``, from its hand-read ``expected.json``."""
    e: dict[str, Any] = json.loads((CORPUS / slug / "expected.json").read_text("utf-8"))
    fmt = ReportFormat(e["format"])
    apps = ApplicationTable(
        format=fmt, cells=tuple(tuple(Cell.read(t) for t in r["cells"]) for r in e["applications"])
    )
    review = ReviewTable(cells=tuple(Cell.read(t) for t in e["review"]))
    disclosure = DisclosureTable.empty(fmt)
    for row, columns in e.get("disclosure", {}).items():
        for column, text in columns.items():
            col = DisclosureColumn(column)
            disclosure = disclosure.with_cell(
                DisclosureRow(row), col, Cell.read(text, money=col.is_money)
            )
    r = AnnualReport.create(
        agency=e["agency"],
        year=e["year"],
        format=fmt,
        disclosure=disclosure,
        applications=apps,
        review=review,
    )
    src = f"{slug}/page.html" if source is None else source
    return AnnualReport.model_validate({**dict(r), "source": src})


def app_ref(row: OutcomeRow, col: ApplicantColumn) -> CellRef:
    return CellRef.applications(row, col)


def _key(f: Finding) -> tuple[Any, ...]:
    return (f.severity, f.rule, f.message, f.expected, f.actual, f.agency, f.year, f.basis)


def errors(r: AnnualReport) -> list[Finding]:
    return [f for f in check_report(r) if f.severity is Severity.ERROR]


# -- the published errors, whole -------------------------------------------------------------


def test_zrz_2023_column_total_and_balance_in_full() -> None:
    # Printed: 商业企业 1 in （二）部分公开 and in （七）总计, but the rows' 总计 are 8 and
    # 19 (the six columns sum to 9 and 20). 商业企业: 一 0 + 二 0 - （七） 1 = -1, printed 四 0.
    r = hand_read("pingtan-zrz-2023")
    found = errors(r)
    assert [(f.rule, str(f.cells[-1].ref), f.expected, f.actual) for f in found] == [
        (CheckRule.COLUMN_TOTAL, "applications[partially_disclosed, total]", 9, 8),
        (CheckRule.COLUMN_TOTAL, "applications[total, total]", 20, 19),
        (CheckRule.BALANCE, "applications[carried_forward, commercial_enterprise]", -1, 0),
    ]
    partial, total, balance = found
    assert partial.message == (
        f"{OutcomeRow.PARTIALLY_DISCLOSED.printed_zh}: 总计 should be the sum of the six "
        "applicant columns: expected 9, found 8"
    )
    # the cells: the six applicant columns, then the total
    assert [c.value for c in partial.cells] == [8, 1, 0, 0, 0, 0, 8]
    assert all(c.kind is CellKind.NUMBER and c.year is None for c in partial.cells)
    assert (partial.agency, partial.year, partial.basis, partial.sources) == (
        ZRZ,
        2023,
        cite("report-format-2021"),
        ("pingtan-zrz-2023/page.html",),
    )
    assert total.message.endswith("expected 20, found 19")
    assert balance.message == (
        f"{ApplicantColumn.COMMERCIAL_ENTERPRISE.label_zh}: 一+二 should equal （七）总计+四, "
        "so 四 should be 一+二-（七）: expected -1, found 0"
    )
    # 一, 二, （七）, 四
    assert [c.value for c in balance.cells] == [0, 0, 1, 0]
    assert str(balance) == (
        f"error balance: {balance.message} [applications[received, commercial_enterprise], "
        "applications[carried_over, commercial_enterprise], "
        "applications[total, commercial_enterprise], "
        "applications[carried_forward, commercial_enterprise]]"
    )
    # more than four cells: the first four, then an ellipsis
    assert str(partial) == (
        f"error column_total: {partial.message} [applications[partially_disclosed, "
        "natural_person], applications[partially_disclosed, commercial_enterprise], "
        "applications[partially_disclosed, research_institution], "
        "applications[partially_disclosed, social_welfare_organization], …]"
    )


def test_zrz_2020_result_total_in_full() -> None:
    # 法律服务机构 1 in 本机关不掌握, missing from （七）总计 (printed 0; 总计 9 for 10).
    found = errors(hand_read("pingtan-zrz-2020"))
    assert [(f.rule, f.expected, f.actual) for f in found] == [
        (CheckRule.RESULT_TOTAL, 1, 0),
        (CheckRule.RESULT_TOTAL, 10, 9),
    ]
    assert found[0].message == (
        f"{ApplicantColumn.LEGAL_SERVICE_INSTITUTION.label_zh}: （七）总计 should be the sum "
        "of the result rows: expected 1, found 0"
    )
    assert found[0].basis == cite("report-format-2019")
    assert found[0].cells[-1].ref == app_ref(
        OutcomeRow.TOTAL, ApplicantColumn.LEGAL_SERVICE_INSTITUTION
    )
    assert len(found[0].cells) == len(ReportFormat.F2019.counted_rows) + 1


def test_shs_2024_review_total_in_full() -> None:
    # 复议后起诉: 结果维持 13 + 结果纠正 2 + 其他结果 4 + 尚未审结 0 = 19, printed 15.
    (f,) = errors(hand_read("pingtan-shs-2024"))
    assert (f.rule, f.expected, f.actual) == (CheckRule.REVIEW_TOTAL, 19, 15)
    assert f.message.endswith("总计 should be the sum of its four results: expected 19, found 15")
    assert [c.value for c in f.cells] == [13, 2, 4, 0, 15]
    assert str(f.cells[-1]) == "review[litigation_after_review, total]"
    # five cells: four shown, then an ellipsis
    assert str(f).endswith(
        "[review[litigation_after_review, upheld], review[litigation_after_review, corrected], "
        "review[litigation_after_review, other], review[litigation_after_review, pending], …]"
    )
    # a cell of the finding's own report is of the finding's year
    assert f.names(CellRef.review(ReviewKind.LITIGATION_AFTER_REVIEW, ReviewResult.TOTAL), 2024)
    assert not f.names(CellRef.review(ReviewKind.LITIGATION_AFTER_REVIEW, ReviewResult.TOTAL), 2023)


def test_a_clean_report_has_no_finding_and_errors_come_first() -> None:
    assert check_report(hand_read("pingtan-2024")) == ()
    # An unread cell in table 三 gives a warning, after the errors.
    r = hand_read("pingtan-zrz-2023").with_cell(
        app_ref(OutcomeRow.RECEIVED, ApplicantColumn.NATURAL_PERSON), Cell.unread("l9")
    )
    found = check_report(r)
    assert [f.severity for f in found] == [Severity.ERROR] * 3 + [Severity.WARNING]
    warning = found[-1]
    assert warning.rule is CheckRule.INCOMPLETE
    assert warning.message == (
        f"1 cell(s) of {ReportTable.APPLICATIONS.label_zh} hold no number; rules involving "
        "them were not checked"
    )
    # the balance of 自然人 was skipped (一 unread), the others stay
    assert [f.rule for f in found[:3]] == [
        CheckRule.COLUMN_TOTAL,
        CheckRule.COLUMN_TOTAL,
        CheckRule.BALANCE,
    ]


def test_format_year_warning_in_full() -> None:
    # zrz-2019's tables (2019 format), labelled 2021: the 2021 format was due.
    r = hand_read("pingtan-zrz-2019")
    r = AnnualReport.model_validate({**dict(r), "year": 2021})
    (f,) = check_report(r)
    assert (f.severity, f.rule, f.year, f.agency) == (
        Severity.WARNING,
        CheckRule.FORMAT_YEAR,
        2021,
        ZRZ,
    )
    assert f.message == (
        "report year 2021 calls for the 2021 format (国办公开办函〔2021〕30号), "
        "the report follows the 2019 format"
    )
    assert (f.expected, f.actual, f.cells) == (None, None, ())


# -- table values ------------------------------------------------------------------------------


def test_amounts_may_be_fractions_or_zero_but_not_negative() -> None:
    r = hand_read("pingtan-zrz-2019")
    amount = CellRef.disclosure(
        DisclosureRow.CENTRALISED_PROCUREMENT, DisclosureColumn.PROCUREMENT_AMOUNT
    )
    for ok in (Decimal("0"), Decimal("0.5")):
        assert check_report(r.with_cell(amount, Cell.number(ok))) == ()
    # a negative amount, and a bad count in table 三 after it (still checked)
    bad = r.with_cell(amount, Cell.number(Decimal("-0.5"))).with_cell(
        app_ref(OutcomeRow.DISCLOSED, ApplicantColumn.OTHER_ORGANIZATION),
        Cell.number(Decimal("1.5")),
    )
    money, count = [f for f in check_report(bad) if f.rule is CheckRule.NON_NEGATIVE_INTEGER]
    assert money.message == f"{amount.label_zh}: an amount cannot be negative"
    assert [c.ref for c in money.cells] == [amount]
    assert count.message.endswith(": 1.5 is not a non-negative whole number")


def test_the_change_column_may_be_negative_but_whole() -> None:
    # 2019 format, 本年增/减: -3 is a decrease (allowed); 1.5 is not a count.
    r = hand_read("pingtan-zrz-2019")
    change = CellRef.disclosure(DisclosureRow.PENALTIES, DisclosureColumn.CHANGE)
    assert check_report(r.with_cell(change, Cell.number(-3))) == ()
    (f,) = check_report(r.with_cell(change, Cell.number(Decimal("1.5"))))
    assert (f.rule, f.message) == (
        CheckRule.NON_NEGATIVE_INTEGER,
        f"{change.label_zh}: 1.5 is not a whole number",
    )
    decisions = CellRef.disclosure(DisclosureRow.PENALTIES, DisclosureColumn.DECISIONS)
    (g,) = check_report(r.with_cell(decisions, Cell.number(-1)))
    assert g.message == f"{decisions.label_zh}: -1 is not a non-negative whole number"


def test_blank_cells_count_as_zero_unless_told() -> None:
    # zrz-2024 prints 0 for every carried-over cell; a blank there is 0 by default.
    r = hand_read("pingtan-zrz-2024").with_cell(
        app_ref(OutcomeRow.CARRIED_OVER, TOTAL), Cell.blank()
    )
    assert check_report(r) == ()
    # a blank where 69 was printed counts as 0: the sums no longer hold
    gone = hand_read("pingtan-zrz-2024").with_cell(
        app_ref(OutcomeRow.RECEIVED, ApplicantColumn.NATURAL_PERSON), Cell.blank()
    )
    assert [(f.rule, f.expected, f.actual) for f in check_report(gone)] == [
        (CheckRule.COLUMN_TOTAL, 0, 69),  # 一: six columns 0, printed 总计 69
        (CheckRule.BALANCE, -69, 0),  # 自然人: 0 + 0 - 69, printed 四 0
    ]
    strict = check_report(r, blank_as_zero=False)
    assert [f.rule for f in strict] == [CheckRule.INCOMPLETE]
    assert [c.ref for c in strict[0].cells] == [app_ref(OutcomeRow.CARRIED_OVER, TOTAL)]


# -- carry-forward -----------------------------------------------------------------------------


def test_carry_forward_between_zrz_2023_and_2024() -> None:
    # Both print 0 carried forward (2023) and 0 carried over (2024): nothing to report.
    a, b = hand_read("pingtan-zrz-2023"), hand_read("pingtan-zrz-2024")
    assert check_carry_forward(a, b) == ()
    # A blank 二 in 2024 counts as 0 (equal); as unread when told (not compared).
    blank = b.with_cell(app_ref(OutcomeRow.CARRIED_OVER, TOTAL), Cell.blank())
    assert check_carry_forward(a, blank) == ()
    assert check_carry_forward(a, blank, blank_as_zero=False) == ()
    # 2024 says 2 carried over (自然人); 2023 carried forward 0.
    two = b.with_cell(
        app_ref(OutcomeRow.CARRIED_OVER, ApplicantColumn.NATURAL_PERSON), Cell.number(2)
    )
    (f,) = check_carry_forward(a, two)
    assert (f.severity, f.rule, f.expected, f.actual, f.agency, f.year) == (
        Severity.ERROR,
        CheckRule.CARRY_FORWARD,
        0,
        2,
        ZRZ,
        2024,
    )
    assert f.sources == ("pingtan-zrz-2024/page.html", "pingtan-zrz-2023/page.html")
    assert f.message == (
        f"{ApplicantColumn.NATURAL_PERSON.label_zh}: 2024 二、上年结转 is 2, but 2023 "
        "四、结转下年度继续办理 is 0"
    )
    assert [str(c) for c in f.cells] == [
        "applications[carried_over, natural_person] (2024)",
        "applications[carried_forward, natural_person] (2023)",
    ]
    assert f.names(app_ref(OutcomeRow.CARRIED_FORWARD, ApplicantColumn.NATURAL_PERSON), 2023)
    assert not f.names(app_ref(OutcomeRow.CARRIED_FORWARD, ApplicantColumn.NATURAL_PERSON), 2024)
    # an unread cell on one side only: not compared either
    unread = two.with_cell(
        app_ref(OutcomeRow.CARRIED_OVER, ApplicantColumn.NATURAL_PERSON), Cell.unread()
    )
    assert check_carry_forward(a, unread) == ()


def test_carry_forward_says_why_nothing_was_compared() -> None:
    z19, z23, z24 = (hand_read(f"pingtan-zrz-{y}") for y in (2019, 2023, 2024))
    (f,) = check_carry_forward(z19, z23)
    assert f.message == (
        f"not compared: {ZRZ} 2019 and {ZRZ} 2023 are not consecutive reports of one agency "
        "(not consecutive years)"
    )
    assert (f.severity, f.sources) == (
        Severity.WARNING,
        ("pingtan-zrz-2023/page.html", "pingtan-zrz-2019/page.html"),
    )
    other = AnnualReport.model_validate({**dict(z24), "agency": "平潭综合实验区社会事业局"})
    (g,) = check_carry_forward(z23, other)
    assert g.message.endswith("are not consecutive reports of one agency (not one agency)")
    nameless = AnnualReport.model_validate({**dict(z24), "agency": None})
    (h,) = check_carry_forward(z23, nameless)
    assert h.message.endswith("(the agency of a report is not known)")
    with pytest.raises(InvalidInputError, match=r"^previous must be an AnnualReport"):
        check_carry_forward(None, z24)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"^current must be an AnnualReport"):
        check_carry_forward(z23, None)  # type: ignore[arg-type]


# -- collections: duplicates, order, which reading is compared ---------------------------------


def test_duplicates_identical_agreeing_and_differing() -> None:
    a = hand_read("pingtan-zrz-2024", "a.html")
    same = hand_read("pingtan-zrz-2024", "b.html")
    (f,) = [x for x in check_reports([same, a]) if x.rule is CheckRule.DUPLICATE]
    assert f == Finding(
        severity=Severity.WARNING,
        rule=CheckRule.DUPLICATE,
        basis=cite("report-format-2021"),
        agency=ZRZ,
        year=2024,
        message=f"{ZRZ} has two reports for 2024, read from 'a.html' and 'b.html': their "
        "tables are identical (the same report read twice)",
        sources=("a.html", "b.html"),
    )
    # one cell unread in the second reading: they agree wherever both were read
    part = same.with_cell(app_ref(OutcomeRow.RECEIVED, TOTAL), Cell.unread())
    (g,) = [x for x in check_reports([a, part]) if x.rule is CheckRule.DUPLICATE]
    assert g.severity is Severity.WARNING
    assert g.message.endswith(
        "their tables agree wherever both were read (the same report, read in part from one "
        "of them)"
    )
    # a cell differs: an error; without a source the report is named as such
    differ = AnnualReport.model_validate(
        {
            **dict(same.with_cell(app_ref(OutcomeRow.RECEIVED, TOTAL), Cell.number(70))),
            "source": None,
        }
    )
    (h,) = [x for x in check_reports([a, differ]) if x.rule is CheckRule.DUPLICATE]
    assert h.severity is Severity.ERROR
    assert h.message == (
        f"{ZRZ} has two reports for 2024, read from a report without a source and 'a.html': "
        "their tables differ; keep the one the agency published"
    )  # a report without a source sorts first
    assert h.sources == ("a.html",)
    # a report read as n/a where the other has a number does not agree
    na = same.with_cell(app_ref(OutcomeRow.RECEIVED, TOTAL), Cell.not_applicable())
    (k,) = [x for x in check_reports([a, na]) if x.rule is CheckRule.DUPLICATE]
    assert k.severity is Severity.ERROR
    # a blank and a printed 0 say the same
    blank = same.with_cell(app_ref(OutcomeRow.CARRIED_OVER, TOTAL), Cell.blank())
    (m,) = [x for x in check_reports([a, blank]) if x.rule is CheckRule.DUPLICATE]
    assert m.severity is Severity.WARNING
    # three readings: two findings, each against the first
    three = [x for x in check_reports([a, same, differ]) if x.rule is CheckRule.DUPLICATE]
    assert len(three) == 2
    # a blank where the other reading has a number: 0 against 69, they differ
    blank69 = same.with_cell(
        app_ref(OutcomeRow.RECEIVED, ApplicantColumn.NATURAL_PERSON), Cell.blank()
    )
    (q,) = [x for x in check_reports([a, blank69]) if x.rule is CheckRule.DUPLICATE]
    assert q.severity is Severity.ERROR
    # two readings from one file name (read twice, differently): the same finding
    # whatever the input order
    x1 = hand_read("pingtan-zrz-2024", "same.html").with_cell(
        app_ref(OutcomeRow.RECEIVED, TOTAL), Cell.number(71)
    )
    x2 = x1.with_cell(app_ref(OutcomeRow.RECEIVED, TOTAL), Cell.number(70))
    assert check_reports([x1, x2]) == check_reports([x2, x1])
    # readings of one agency-year are taken by source: 'a.html' before 'b.html' even
    # when 'a.html' holds the larger numbers
    big = a.with_cell(app_ref(OutcomeRow.RECEIVED, TOTAL), Cell.number(70))
    (r_,) = [x for x in check_reports([same, big]) if x.rule is CheckRule.DUPLICATE]
    assert r_.sources == ("a.html", "b.html")
    # a report without an agency comes before those with one
    nameless = AnnualReport.model_validate({**dict(hand_read("pingtan-zrz-2020")), "agency": None})
    found = check_reports([hand_read("pingtan-zrz-2023"), nameless])
    assert [f.agency for f in found] == [None, None, ZRZ, ZRZ, ZRZ]
    # two formats never agree
    old = AnnualReport.model_validate(
        {**dict(hand_read("pingtan-zrz-2019", "c.html")), "year": 2024, "agency": ZRZ}
    )
    (n,) = [x for x in check_reports([a, old]) if x.rule is CheckRule.DUPLICATE]
    assert n.severity is Severity.ERROR


def test_check_reports_compares_consecutive_years_of_each_agency() -> None:
    z23, z24 = hand_read("pingtan-zrz-2023"), hand_read("pingtan-zrz-2024")
    z24_two = z24.with_cell(
        app_ref(OutcomeRow.CARRIED_OVER, ApplicantColumn.NATURAL_PERSON), Cell.number(2)
    )
    shs = hand_read("pingtan-shs-2024")
    found = check_reports([shs, z24_two, z23])
    carry = [f for f in found if f.rule is CheckRule.CARRY_FORWARD]
    assert [(f.expected, f.actual, f.year) for f in carry] == [(0, 2, 2024)]
    # a blank in 2024's 二 where 2023's 四 said 2: 0 by default, unread when told
    two_fwd = z23.with_cell(
        app_ref(OutcomeRow.CARRIED_FORWARD, ApplicantColumn.NATURAL_PERSON), Cell.number(2)
    )
    blank_over = z24.with_cell(
        app_ref(OutcomeRow.CARRIED_OVER, ApplicantColumn.NATURAL_PERSON), Cell.blank()
    )
    (c,) = check_carry_forward(two_fwd, blank_over)
    assert (c.expected, c.actual) == (2, 0)
    # and a blank in 2023's 四 where 2024's 二 says 2
    blank_fwd = z23.with_cell(
        app_ref(OutcomeRow.CARRIED_FORWARD, ApplicantColumn.NATURAL_PERSON), Cell.blank()
    )
    (d,) = check_carry_forward(blank_fwd, z24_two)
    assert (d.expected, d.actual) == (0, 2)
    assert check_carry_forward(blank_fwd, z24_two, blank_as_zero=False) == ()
    with pytest.raises(InvalidInputError, match=r"^blank_as_zero must be True or False, got 1$"):
        check_report(z23, blank_as_zero=1)  # type: ignore[arg-type]
    assert check_carry_forward(two_fwd, blank_over, blank_as_zero=False) == ()
    pair = [two_fwd, blank_over]
    assert [f.rule for f in check_reports(pair)].count(CheckRule.CARRY_FORWARD) == 1
    assert CheckRule.CARRY_FORWARD not in [f.rule for f in check_reports(pair, blank_as_zero=False)]
    # errors before warnings: the format-year warning of a mislabelled report comes
    # after its errors
    mislabelled = AnnualReport.model_validate({**dict(hand_read("pingtan-zrz-2020")), "year": 2022})
    assert [f.rule for f in check_report(mislabelled)] == [
        CheckRule.RESULT_TOTAL,
        CheckRule.RESULT_TOTAL,
        CheckRule.FORMAT_YEAR,
    ]
    # the order of the input does not show: agencies sorted by name, then year
    assert check_reports([z23, shs, z24_two]) == found
    assert [f.agency for f in found if f.rule is not CheckRule.CARRY_FORWARD] == sorted(
        f.agency
        for f in found
        if f.rule is not CheckRule.CARRY_FORWARD  # type: ignore[type-var]
    )
    # the same agency written with full-width spaces and letters is the same agency
    spaced = AnnualReport.model_validate(
        {**dict(z23), "agency": " 平潭综合实验区 自然资源与生态环境局"}
    )
    assert [f.rule for f in check_reports([spaced, z24_two])].count(CheckRule.CARRY_FORWARD) == 1
    # two years apart: not compared
    z19 = hand_read("pingtan-zrz-2019")
    assert CheckRule.CARRY_FORWARD not in [f.rule for f in check_reports([z19, z23])]
    # reports without an agency are checked alone
    nameless = [AnnualReport.model_validate({**dict(r), "agency": None}) for r in (z23, z24_two)]
    assert {f.rule for f in check_reports(nameless)} == {
        CheckRule.COLUMN_TOTAL,  # zrz-2023's printed errors and 2024's changed 二 cell
        CheckRule.BALANCE,
    }
    # blank_as_zero reaches the single-report checks
    blank = z24.with_cell(app_ref(OutcomeRow.CARRIED_OVER, TOTAL), Cell.blank())
    assert check_reports([blank]) == ()
    assert [f.rule for f in check_reports([blank], blank_as_zero=False)] == [CheckRule.INCOMPLETE]


def test_of_agreeing_readings_the_most_complete_is_compared() -> None:
    # Two readings of zrz-2023: one with 四/自然人 unread. They agree, so only the
    # fuller one is compared with 2024 (whose 二/自然人 is 2): one finding, not two.
    z23 = hand_read("pingtan-zrz-2023", "full.html")
    part = hand_read("pingtan-zrz-2023", "part.html").with_cell(
        app_ref(OutcomeRow.CARRIED_FORWARD, ApplicantColumn.OTHER_ORGANIZATION),
        Cell.unread(),
    )
    z24 = hand_read("pingtan-zrz-2024").with_cell(
        app_ref(OutcomeRow.CARRIED_OVER, ApplicantColumn.NATURAL_PERSON), Cell.number(2)
    )
    for order in ([part, z23, z24], [z23, part, z24], [z24, part, z23]):
        carry = [f for f in check_reports(order) if f.rule is CheckRule.CARRY_FORWARD]
        assert [f.sources for f in carry] == [("pingtan-zrz-2024/page.html", "full.html")]
    # readings that differ are each compared
    other = hand_read("pingtan-zrz-2023", "other.html").with_cell(
        app_ref(OutcomeRow.CARRIED_FORWARD, ApplicantColumn.NATURAL_PERSON), Cell.number(2)
    )
    carry = [f for f in check_reports([z23, other, z24]) if f.rule is CheckRule.CARRY_FORWARD]
    assert [f.sources[1] for f in carry] == ["full.html"]
    assert CellValue.of(app_ref(OutcomeRow.RECEIVED, TOTAL), Cell.number(1), 2024).year == 2024


# -- the prose -----------------------------------------------------------------------------------

# pingtan-scj-2025's sentence, verbatim from its page; its table prints 21 received and
# 2 carried forward, as the sentence says.
SCJ_2025 = (
    "2025年，共受理政府信息公开申请21件，经分类处置后，给予同意公开答复 1 件，不予公开答复3件，"
    "区分处理后公开11件，因无法提供相关信息答复2件，其他处理2件，结转下年度继续办理2件，所有申请"
    "均在法定期限内办结，切实保障申请人合法权益。"
)


def _with_text(r: AnnualReport, text: str) -> AnnualReport:
    return AnnualReport.model_validate({**dict(r), "text": ReportText(applications=text)})


def test_the_prose_agrees_with_the_table() -> None:
    r = _with_text(hand_read("pingtan-scj-2025"), SCJ_2025)
    assert check_report(r) == ()
    # 四/总计 read as 3 instead of 2: the sentence disagrees (a warning, beside the
    # errors of the table's own sums).
    wrong = r.with_cell(app_ref(OutcomeRow.CARRIED_FORWARD, TOTAL), Cell.number(3))
    narrative = [f for f in check_report(wrong) if f.rule is CheckRule.NARRATIVE]
    (f,) = narrative
    assert (f.severity, f.expected, f.actual) == (Severity.WARNING, 2, 3)
    assert f.message == (
        f"the text says “结转下年度继续办理2件” but {OutcomeRow.CARRIED_FORWARD.printed_zh}/总计 is 3"
    )
    assert [c.ref for c in f.cells] == [app_ref(OutcomeRow.CARRIED_FORWARD, TOTAL)]
    # only the later clause: the received pattern does not match, the carried-forward one
    # is still tried
    tail = _with_text(wrong, SCJ_2025[SCJ_2025.index("其他处理") :])
    assert [x.expected for x in check_report(tail) if x.rule is CheckRule.NARRATIVE] == [2]
