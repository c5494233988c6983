"""The development corpus: real published reports, and forms made from them, against hand-read values.

Each entry of ``tests/data/reports/corpus/<slug>/`` holds a published report
(``page.html``, ``page.txt``) and ``expected.json``, the tables as printed, read by
hand from the page (never from the parser). ``tests/data/reports/forms/<slug>/``
holds the same report in derived forms (PDF, DOCX, copied text, pdftotext output),
made by ``scripts/make_report_forms.py``. Every file of every entry is parsed and
compared cell by cell with ``expected.json``.

A form the parser cannot read yet is listed once in :data:`UNSUPPORTED`; a single
file it reads wrong is listed in :data:`KNOWN_WRONG` with the cells it gets wrong.
Both are strict xfails: when the parser learns a form, the xfail fails and the
entry is removed.

The checks run on the corpus too: ``check_report`` must find exactly the errors a
report prints (:data:`PUBLISHED_ERRORS`, worked out by hand) and none in the others,
and ``check_carry_forward`` must flag exactly the columns where an agency's 四、结转
下年度继续办理 differs from its next report's 二、上年结转 in the hand-read tables.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from opengov import OutcomeRow, ReportFormat
from opengov.reports import (
    AnnualReport,
    ApplicantColumn,
    Cell,
    CheckRule,
    DisclosureColumn,
    DisclosureRow,
    Severity,
    check_carry_forward,
    check_report,
    check_reports,
    disclosure_layout,
    parse_report,
)
from opengov.reports.model import REVIEW_KEYS

DATA = Path(__file__).parent.parent / "data" / "reports"
CORPUS = DATA / "corpus"
FORMS = DATA / "forms"

# Form kind (file name) -> why the parser cannot read it yet. One entry per kind:
# remove it when the parser learns the form (the strict xfail then fails).
UNSUPPORTED: dict[str, str] = {
    # read, but not whole: unread cells (never wrong ones, test_report_shapes.py)
    "page.txt": "crawler text: a table-二 row of several columns printed as one run of "
    "digits has several splits and no sum to choose one, so it stays unread",
    "layout.txt": "pdftotext -layout: rows whose values are printed over two lines "
    "cannot be placed and stay unread",
    "raw.txt": "pdftotext output orders text by position, values before their labels: "
    "such tables stay unread",
}

# Optional library a reader of the form needs: the test is skipped without it.
OPTIONAL_LIBRARY: dict[str, str] = {
    "report.pdf": "pdfplumber",
    "report.docx": "docx",
}

# (slug, form kind) -> the cells the parser reads wrong today (parser bugs to fix).
_LABEL_RUNS_INTO_VALUE = (
    "二/其他对外管理服务事项: 3 cells unread; table 二 is printed without ruling lines, so "
    "it is read from the PDF's laid-out text, where the long label runs into its first "
    "value (其他对外管理服务事项0) and the row's cells cannot be told apart"
)

KNOWN_WRONG: dict[tuple[str, str], str] = {
    ("pingtan-scj-2024", "tab.txt"): (
        "三/（六）2.未缴费 and 3.其他: all 14 cells come back unread; the page prints one 0 "
        "per column merged (rowspan=3) over the three （六） rows, and a browser copy "
        "gives that 0 on the first row only, leaving rows 2 and 3 empty: which rows the "
        "0 covered is no longer in the text, so they are rightly unread (the page itself "
        "reads 0 in all three)"
    ),
    ("pingtan-scj-2024", "report.pdf"): (
        "二/行政事业性收费 (printed without ruling lines) is unread: in the PDF's laid-out "
        "text its label runs into its value (行政事业性收费0)"
    ),
    ("pingtan-gwh-2020", "report.pdf"): _LABEL_RUNS_INTO_VALUE,
    ("pingtan-zrz-2019", "report.pdf"): _LABEL_RUNS_INTO_VALUE,
    ("pingtan-zrz-2020", "report.pdf"): _LABEL_RUNS_INTO_VALUE,
}

# Reports that print an arithmetic error, and the error findings of check_report on
# their page.html, worked out by hand from the printed tables: (rule, the cell that
# should hold the sum, the sum, the printed value). Every other entry with a
# page.html must give no error finding.
PUBLISHED_ERRORS: dict[str, set[tuple[str, str, int, int]]] = {
    # 商业企业 1 in （二）部分公开 and （七）总计, left out of both rows' 总计 (8 and 19);
    # 商业企业 received and carried over nothing.
    "pingtan-zrz-2023": {
        ("column_total", "applications[partially_disclosed, total]", 9, 8),
        ("column_total", "applications[total, total]", 20, 19),
        ("balance", "applications[carried_forward, commercial_enterprise]", -1, 0),
    },
    # 法律服务机构 1 in 本机关不掌握 (row total 2), missing from （七）总计 (0 and 9).
    "pingtan-zrz-2020": {
        ("result_total", "applications[total, legal_service_institution]", 1, 0),
        ("result_total", "applications[total, total]", 10, 9),
    },
    # 复议后起诉 13 + 2 + 4 + 0 printed with 总计 15.
    "pingtan-shs-2024": {
        ("review_total", "review[litigation_after_review, total]", 19, 15),
    },
}


@dataclass(frozen=True)
class Case:
    """One file of one corpus entry."""

    slug: str
    kind: str
    path: Path

    @property
    def expected(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(
            (CORPUS / self.slug / "expected.json").read_text(encoding="utf-8")
        )
        return data


def _slugs() -> list[str]:
    return sorted(p.parent.name for p in CORPUS.glob("*/expected.json"))


def _cases() -> Iterator[Case]:
    for slug in _slugs():
        for name in ("page.html", "page.txt"):
            path = CORPUS / slug / name
            if path.exists():
                yield Case(slug, name, path)
        forms = FORMS / slug
        if forms.is_dir():
            for path in sorted(forms.iterdir()):
                yield Case(slug, path.name, path)


def _params() -> list[Any]:
    out = []
    for case in _cases():
        reason = UNSUPPORTED.get(case.kind) or KNOWN_WRONG.get((case.slug, case.kind))
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        out.append(pytest.param(case, id=f"{case.slug}/{case.kind}", marks=marks))
    return out


def _same(expected_text: str, actual: Cell, *, money: bool = False) -> bool:
    want = Cell.read(expected_text, money=money)
    if want.kind is not actual.kind:
        return False
    if want.value is None or actual.value is None:
        return want.value is actual.value
    return Decimal(want.value) == Decimal(actual.value)


def _mismatches(report: AnnualReport, expected: dict[str, Any], where: str) -> list[str]:
    out: list[str] = []
    fmt = ReportFormat(expected["format"])
    if (report.agency, report.year, report.format) != (expected["agency"], expected["year"], fmt):
        out.append(
            f"{where}: agency/year/format {(report.agency, report.year, report.format.value)} "
            f"!= {(expected['agency'], expected['year'], fmt.value)}"
        )
        if report.format is not fmt:
            return out
    for entry in expected["applications"]:
        row = OutcomeRow(entry["row"])
        for column, text in zip(ApplicantColumn, entry["cells"], strict=True):
            got = report.applications.cell(row, column)
            if not _same(text, got):
                out.append(
                    f"{where}: 三/{row.printed_zh}/{column.label_zh}: "
                    f"expected {text!r}, got {got.display()!r} ({got.kind.value})"
                )
    for (kind, result), text in zip(REVIEW_KEYS, expected["review"], strict=True):
        got = report.review.cell(kind, result)
        if not _same(text, got):
            out.append(
                f"{where}: 四/{kind.label_zh}/{result.label_zh}: "
                f"expected {text!r}, got {got.display()!r} ({got.kind.value})"
            )
    for row_code, columns in expected.get("disclosure", {}).items():
        drow = DisclosureRow(row_code)
        for column_code, text in columns.items():
            dcol = DisclosureColumn(column_code)
            got = report.disclosure.cell(drow, dcol)
            if not _same(text, got, money=dcol.is_money):
                out.append(
                    f"{where}: 二/{drow.label_zh_in(fmt)}/{dcol.label_zh}: "
                    f"expected {text!r}, got {got.display()!r} ({got.kind.value})"
                )
    return out


@pytest.mark.parametrize("case", _params())
def test_corpus_file_parses_to_the_hand_read_tables(case: Case) -> None:
    library = OPTIONAL_LIBRARY.get(case.kind)
    if library is not None:
        pytest.importorskip(library)
    where = str(case.path.relative_to(DATA))
    report = parse_report(case.path)
    problems = _mismatches(report, case.expected, where)
    assert not problems, f"{len(problems)} cell(s) differ:\n" + "\n".join(problems)


def test_every_expected_file_follows_its_format() -> None:
    assert _slugs(), "the corpus is empty"
    for slug in _slugs():
        expected = json.loads((CORPUS / slug / "expected.json").read_text(encoding="utf-8"))
        fmt = ReportFormat(expected["format"])
        assert fmt is ReportFormat.for_year(expected["year"]), slug
        rows = [OutcomeRow(e["row"]) for e in expected["applications"]]
        assert rows == list(fmt.rows), slug
        assert all(len(e["cells"]) == 7 for e in expected["applications"]), slug
        assert len(expected["review"]) == 15, slug
        for row_code, columns in expected.get("disclosure", {}).items():
            for column_code in columns:
                key = (DisclosureRow(row_code), DisclosureColumn(column_code))
                assert any(
                    key[0] in s.rows and key[1] in s.columns for s in disclosure_layout(fmt)
                ), (slug, key)


def test_every_entry_is_described_in_the_readme() -> None:
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for slug in _slugs():
        assert f"`{slug}`" in readme, slug
    if FORMS.is_dir():
        forms_readme = (FORMS / "README.md").read_text(encoding="utf-8")
        for path in FORMS.iterdir():
            if path.is_dir():
                assert f"`{path.name}`" in forms_readme, path.name


def test_xfail_tables_name_only_existing_files() -> None:
    kinds = {case.kind for case in _cases()}
    assert set(OPTIONAL_LIBRARY) <= set(UNSUPPORTED) | kinds
    for slug, kind in KNOWN_WRONG:
        assert (CORPUS / slug / kind).exists() or (FORMS / slug / kind).exists(), (slug, kind)


def _error_keys(report: AnnualReport) -> set[tuple[str, str, int, int]]:
    out = set()
    for f in check_report(report):
        if f.severity is Severity.ERROR:
            assert f.expected is not None, f
            assert f.actual is not None, f
            out.add((f.rule.value, str(f.cells[-1].ref), int(f.expected), int(f.actual)))
    return out


@pytest.mark.parametrize("slug", [s for s in _slugs() if (CORPUS / s / "page.html").exists()])
def test_check_report_finds_exactly_the_published_errors(slug: str) -> None:
    report = parse_report(CORPUS / slug / "page.html")
    assert _error_keys(report) == PUBLISHED_ERRORS.get(slug, set())


def _consecutive_pairs() -> list[tuple[str, str]]:
    by_key = {}
    for slug in _slugs():
        e = json.loads((CORPUS / slug / "expected.json").read_text(encoding="utf-8"))
        by_key[(e["agency"], e["year"])] = slug
    return [
        (by_key[(agency, year - 1)], slug)
        for (agency, year), slug in sorted(by_key.items())
        if (agency, year - 1) in by_key
    ]


def _printed_row(slug: str, row: OutcomeRow) -> list[str]:
    e = json.loads((CORPUS / slug / "expected.json").read_text(encoding="utf-8"))
    cells: list[str] = next(x["cells"] for x in e["applications"] if x["row"] == row.value)
    return cells


def test_the_corpus_has_consecutive_pairs() -> None:
    assert ("pingtan-zrz-2019", "pingtan-zrz-2020") in _consecutive_pairs()
    assert ("pingtan-zrz-2023", "pingtan-zrz-2024") in _consecutive_pairs()
    assert ("pingtan-gwh-2019", "pingtan-gwh-2020") in _consecutive_pairs()
    assert ("pingtan-scj-2024", "pingtan-scj-2025") in _consecutive_pairs()


@pytest.mark.parametrize(
    ("previous", "current"),
    [
        pytest.param(a, b, id=f"{a}->{b}")
        for a, b in _consecutive_pairs()
        if (CORPUS / a / "page.html").exists() and (CORPUS / b / "page.html").exists()
    ],
)
def test_carry_forward_between_consecutive_reports(previous: str, current: str) -> None:
    # The hand-read tables say which columns differ: last year's 四 vs this year's 二.
    forward = _printed_row(previous, OutcomeRow.CARRIED_FORWARD)
    over = _printed_row(current, OutcomeRow.CARRIED_OVER)
    differing = {
        col
        for col, a, b in zip(ApplicantColumn, forward, over, strict=True)
        if Decimal(a) != Decimal(b)
    }
    before = parse_report(CORPUS / previous / "page.html")
    after = parse_report(CORPUS / current / "page.html")
    findings = check_carry_forward(before, after)
    assert {ApplicantColumn(f.cells[0].ref.column) for f in findings} == differing
    assert all(f.severity is Severity.ERROR for f in findings)
    pair = [f for f in check_reports([after, before]) if f.rule is CheckRule.CARRY_FORWARD]
    assert pair == list(findings)
