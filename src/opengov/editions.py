"""Editions of the Regulation (条例版本, 2007 Art. 38; 2019 Art. 56): the 2007 original and the 2019 revision.

Rules that differ between the two editions are numbers on :class:`EditionRules`;
:func:`edition_in_force` picks the edition that governs a date. Which date matters
is the caller's choice and is documented where it is made: for an application it is
the date the agency received it (Art. 31 of the 2019 edition).

Legal basis:
    - 2007 edition: 国务院令第492号, in force 2008-05-01 (2007 Art. 38).
    - 2019 edition: 国务院令第711号, in force 2019-05-15 (2019 Art. 56).

>>> from datetime import date
>>> from opengov.editions import edition_in_force, Edition
>>> edition_in_force(date(2019, 5, 15))
<Edition.REG_2019: '2019'>
>>> edition_in_force(date(2019, 5, 14)).rules.reply_days
15
>>> Edition.REG_2019.rules.max_extension_days
20
"""

from __future__ import annotations

from datetime import date

from pydantic import Field

from opengov._dates import as_date
from opengov._lookup import CodeEnum
from opengov._model import FrozenModel
from opengov.citations import Citation, cite
from opengov.errors import EditionNotInForceError

__all__ = ["Edition", "EditionRules", "edition_in_force"]


class EditionRules(FrozenModel):
    """The numeric rules of one edition, each with its citation.

    A period that the edition does not set is ``None`` (the 2007 edition had no
    statutory 补正 notice period and no opinion period for third parties).
    """

    document_no: str
    promulgated: date
    in_force: date
    reply_days: int = Field(strict=True, gt=0)
    reply_basis: Citation
    max_extension_days: int = Field(strict=True, gt=0)
    extension_basis: Citation
    correction_notice_days: int | None = Field(strict=True, gt=0)
    correction_notice_basis: Citation | None
    third_party_opinion_days: int | None = Field(strict=True, gt=0)
    third_party_opinion_basis: Citation | None
    agency_opinion_days: int | None = Field(strict=True, gt=0)
    agency_opinion_basis: Citation | None
    proactive_disclosure_days: int = Field(strict=True, gt=0)
    proactive_disclosure_basis: Citation
    # Annual report due dates as (month, day) of the year after the report year.
    report_due_department: tuple[int, int]
    report_due_government: tuple[int, int]
    report_due_basis: tuple[Citation, ...]


class Edition(CodeEnum):
    """An edition of the Regulation. Values are stable wire codes."""

    REG_2007 = "2007"
    REG_2019 = "2019"

    @property
    def rules(self) -> EditionRules:
        """The edition's numeric rules."""
        return _RULES[self]

    @property
    def label_zh(self) -> str:
        """Chinese name of the edition."""
        return f"《中华人民共和国政府信息公开条例》（{self.rules.document_no}）"

    @property
    def label_en(self) -> str:
        """English name of the edition."""
        return f"Regulations on Open Government Information ({self.value})"


_RULES: dict[Edition, EditionRules] = {
    Edition.REG_2007: EditionRules(
        document_no="国务院令第492号",
        promulgated=date(2007, 4, 5),
        in_force=date(2008, 5, 1),
        reply_days=15,
        reply_basis=cite("ogi-2007:24.2"),
        max_extension_days=15,
        extension_basis=cite("ogi-2007:24.2"),
        correction_notice_days=None,
        correction_notice_basis=None,
        third_party_opinion_days=None,
        third_party_opinion_basis=None,
        agency_opinion_days=None,
        agency_opinion_basis=None,
        # 2007 Art. 18: proactive information within 20 working days of being
        # formed or changed.
        proactive_disclosure_days=20,
        proactive_disclosure_basis=cite("ogi-2007:18"),
        report_due_department=(3, 31),
        report_due_government=(3, 31),
        report_due_basis=(cite("ogi-2007:31"),),
    ),
    Edition.REG_2019: EditionRules(
        document_no="国务院令第711号",
        promulgated=date(2019, 4, 3),
        in_force=date(2019, 5, 15),
        reply_days=20,
        reply_basis=cite("ogi-2019:33.2"),
        max_extension_days=20,
        extension_basis=cite("ogi-2019:33.2"),
        correction_notice_days=7,
        correction_notice_basis=cite("ogi-2019:30"),
        third_party_opinion_days=15,
        third_party_opinion_basis=cite("ogi-2019:32"),
        agency_opinion_days=15,
        agency_opinion_basis=cite("ogi-2019:34"),
        proactive_disclosure_days=20,
        proactive_disclosure_basis=cite("ogi-2019:26"),
        report_due_department=(1, 31),
        report_due_government=(3, 31),
        report_due_basis=(cite("ogi-2019:49.1"), cite("ogi-2019:49.2")),
    ),
}


def edition_in_force(on: date) -> Edition:
    """The edition of the Regulation in force on ``on``.

    Raises :class:`~opengov.errors.EditionNotInForceError` before 2008-05-01, when
    no edition was in force.

    >>> edition_in_force(date(2008, 4, 30))
    Traceback (most recent call last):
    ...
    opengov.errors.EditionNotInForceError: no edition of the Regulation was in force on 2008-04-30: the 2007 edition took effect on 2008-05-01
    """
    day = as_date(on, "on")
    if day >= Edition.REG_2019.rules.in_force:
        return Edition.REG_2019
    if day >= Edition.REG_2007.rules.in_force:
        return Edition.REG_2007
    raise EditionNotInForceError(
        f"no edition of the Regulation was in force on {day.isoformat()}: "
        "the 2007 edition took effect on 2008-05-01"
    )
