"""Table 二 item 1 from records, against a hand count."""

from __future__ import annotations

from datetime import date

import pytest

from opengov import (
    Approved,
    CatalogueRecord,
    ConfidentialityReview,
    DecisionKind,
    DisclosureDecision,
    DocumentKind,
    InvalidInputError,
    Published,
    Repealed,
    ReportFormat,
    ReviewOutcome,
    build_disclosure_table,
)
from opengov.reports import CellKind, DisclosureColumn, DisclosureRow, DocumentRecord

R, N = DocumentKind.RULE, DocumentKind.NORMATIVE_DOCUMENT


def decision(
    kind: DocumentKind, formed: date, published: date, repealed: date | None = None
) -> DisclosureDecision:
    d = DisclosureDecision.form("x", formed_on=formed, document_kind=kind)
    d = d.record(ConfidentialityReview(on=formed, outcome=ReviewOutcome.NO_SECRET))
    d = d.record(Approved(on=formed, decision=DecisionKind.PROACTIVE, item=1))
    d = d.record(Published(on=published))
    return d if repealed is None else d.record(Repealed(on=repealed))


def catalogue(
    kind: DocumentKind | None, formed: date, published: date, repealed: date | None = None
) -> CatalogueRecord:
    return CatalogueRecord(
        document_kind=kind, formed_on=formed, published_on=published, repealed_on=repealed
    )


RECORDS: list[DocumentRecord] = [
    decision(N, date(2023, 3, 1), date(2023, 3, 3)),  # A: in force all 2024
    decision(N, date(2023, 5, 4), date(2023, 5, 6), repealed=date(2024, 6, 30)),  # B: repealed 2024
    decision(N, date(2024, 2, 1), date(2024, 2, 2)),  # C: made 2024, in force
    decision(N, date(2024, 12, 30), date(2025, 1, 3)),  # D: made 2024, published 2025
    catalogue(
        N, date(2024, 7, 1), date(2024, 7, 2), repealed=date(2024, 11, 1)
    ),  # E: made and repealed 2024
    catalogue(R, date(2022, 1, 1), date(2022, 1, 5)),  # F: rule, in force
    catalogue(R, date(2024, 9, 9), date(2024, 9, 10)),  # G: rule made 2024
    catalogue(R, date(2025, 1, 2), date(2025, 1, 3)),  # H: after the year
    catalogue(None, date(2024, 1, 2), date(2024, 1, 3)),  # unknown kind: not counted
    catalogue(DocumentKind.OTHER, date(2024, 1, 2), date(2024, 1, 3)),  # other: not counted
]


def test_2021_format_hand_count() -> None:
    t = build_disclosure_table(RECORDS, 2024)
    assert t.format is ReportFormat.F2021
    got = {
        (row, col): t.cell(row, col).value
        for row in (DisclosureRow.RULES, DisclosureRow.NORMATIVE_DOCUMENTS)
        for col in (DisclosureColumn.ISSUED, DisclosureColumn.REPEALED, DisclosureColumn.IN_FORCE)
    }
    # 规章: made in 2024 G = 1; repealed 0; in force on 31 Dec: F, G = 2 (H made 2025).
    # 规范性文件: made C, D, E = 3; repealed B, E = 2; in force A, C, D = 3.
    assert got == {
        (DisclosureRow.RULES, DisclosureColumn.ISSUED): 1,
        (DisclosureRow.RULES, DisclosureColumn.REPEALED): 0,
        (DisclosureRow.RULES, DisclosureColumn.IN_FORCE): 2,
        (DisclosureRow.NORMATIVE_DOCUMENTS, DisclosureColumn.ISSUED): 3,
        (DisclosureRow.NORMATIVE_DOCUMENTS, DisclosureColumn.REPEALED): 2,
        (DisclosureRow.NORMATIVE_DOCUMENTS, DisclosureColumn.IN_FORCE): 3,
    }
    assert (
        t.cell(DisclosureRow.LICENSING, DisclosureColumn.DECISIONS_THIS_YEAR).kind
        is CellKind.UNREAD
    )


def test_2019_format_hand_count() -> None:
    t = build_disclosure_table(RECORDS, 2024, ReportFormat.F2019)

    def v(row: DisclosureRow, col: DisclosureColumn) -> object:
        return t.cell(row, col).value

    # 规范性文件: made C, D, E = 3; published in 2024 C, E = 2 (D in 2025);
    # published by 31 Dec and not repealed: A, C = 2 (B, E repealed; D not yet published).
    assert v(DisclosureRow.NORMATIVE_DOCUMENTS, DisclosureColumn.NEWLY_MADE) == 3
    assert v(DisclosureRow.NORMATIVE_DOCUMENTS, DisclosureColumn.NEWLY_PUBLISHED) == 2
    assert v(DisclosureRow.NORMATIVE_DOCUMENTS, DisclosureColumn.TOTAL_PUBLISHED) == 2
    # 规章: made G = 1; published G = 1; published and in force F, G = 2.
    assert v(DisclosureRow.RULES, DisclosureColumn.NEWLY_MADE) == 1
    assert v(DisclosureRow.RULES, DisclosureColumn.NEWLY_PUBLISHED) == 1
    assert v(DisclosureRow.RULES, DisclosureColumn.TOTAL_PUBLISHED) == 2


def test_bad_records() -> None:
    with pytest.raises(InvalidInputError, match=r"record 0: a document record needs"):
        build_disclosure_table([object()], 2024)  # type: ignore[list-item]
    with pytest.raises(InvalidInputError, match=r"record 0: repealed_on 2024-01-01 is before"):
        build_disclosure_table(
            [catalogue(R, date(2024, 2, 1), date(2024, 2, 1), date(2024, 1, 1))], 2024
        )
    with pytest.raises(InvalidInputError, match=r"year must be an int"):
        build_disclosure_table([], "2024")  # type: ignore[arg-type]
