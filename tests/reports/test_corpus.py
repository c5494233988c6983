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
    DisclosureColumn,
    DisclosureRow,
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
    "page.txt": "crawler text joins table cells with no separator; no reader for it yet",
    "tab.txt": "browser copy (tab-separated cells); the text reader splits on '|' only",
    "layout.txt": "pdftotext -layout output (cells aligned by spaces); no reader for it yet",
    "raw.txt": "pdftotext output (one cell per line, no separator); no reader for it yet",
    "report.pdf": "no PDF reader yet",
    "report.docx": "no DOCX reader yet",
}

# Optional library a reader of the form needs: the test is skipped without it.
OPTIONAL_LIBRARY: dict[str, str] = {
    "report.pdf": "pdfplumber",
    "report.docx": "docx",
}

# (slug, form kind) -> the cells the parser reads wrong today (parser bugs to fix).
KNOWN_WRONG: dict[tuple[str, str], str] = {}


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
