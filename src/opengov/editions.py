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

from opengov import law
from opengov._dates import as_date
from opengov._lookup import CodeEnum
from opengov._model import FrozenModel
from opengov.citations import Citation, Instrument
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


_PROMULGATED = {Edition.REG_2007: date(2007, 4, 5), Edition.REG_2019: date(2019, 4, 3)}


def _edition_rules(edition: Edition) -> EditionRules:
    """An edition's numbers, read from the statute book on the day it took effect."""
    instrument = Instrument(f"ogi-{edition.value}")
    on = law.parameter(f"in_force.{instrument.value}").first

    def number(name: str) -> tuple[int | None, Citation | None]:
        entry = law.parameter(name).at(on)
        value = entry.value
        assert value is None or type(value) is int, name
        return value, (entry.basis[0] if value is not None else None)

    def required(name: str) -> tuple[int, Citation]:
        value, basis = number(name)
        assert value is not None, name
        assert basis is not None, name
        return value, basis

    def month_day(name: str) -> tuple[tuple[int, int], Citation]:
        entry = law.parameter(name).at(on)
        month, day = str(entry.value).split("-")
        return (int(month), int(day)), entry.basis[0]

    reply, reply_basis = required("ogi.reply_days")
    ext, ext_basis = required("ogi.max_extension_days")
    correction, correction_basis = number("ogi.correction_notice_days")
    third, third_basis = number("ogi.third_party_opinion_days")
    agency, agency_basis = number("ogi.agency_opinion_days")
    proactive, proactive_basis = required("ogi.proactive_disclosure_days")
    dept, dept_basis = month_day("ogi.report_due_department")
    gov, gov_basis = month_day("ogi.report_due_government")
    assert instrument.document_no is not None
    return EditionRules(
        document_no=instrument.document_no,
        promulgated=_PROMULGATED[edition],
        in_force=on,
        reply_days=reply,
        reply_basis=reply_basis,
        max_extension_days=ext,
        extension_basis=ext_basis,
        correction_notice_days=correction,
        correction_notice_basis=correction_basis,
        third_party_opinion_days=third,
        third_party_opinion_basis=third_basis,
        agency_opinion_days=agency,
        agency_opinion_basis=agency_basis,
        proactive_disclosure_days=proactive,
        proactive_disclosure_basis=proactive_basis,
        report_due_department=dept,
        report_due_government=gov,
        report_due_basis=(dept_basis,) if dept_basis == gov_basis else (dept_basis, gov_basis),
    )


_RULES: dict[Edition, EditionRules] = {e: _edition_rules(e) for e in Edition}


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
    book = law.parameter("ogi.edition")
    if day < book.first:
        raise EditionNotInForceError(
            f"no edition of the Regulation was in force on {day.isoformat()}: "
            f"the 2007 edition took effect on {book.first.isoformat()}"
        )
    return Edition(book.code_at(day))
