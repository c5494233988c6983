"""Citations (法律依据): which article of which instrument a rule rests on.

A :class:`Citation` names an :class:`Instrument` (the 2019 or 2007 Regulation, the
Civil Code, the Administrative Reconsideration Law, …) and optionally an article,
paragraph (款) and item (项). It has one canonical string that parses back, and
renders in Chinese and English. The day an instrument took effect is a dated fact
of the statute book, :func:`opengov.law.in_force`, which cites instruments (this
module does not read the book).

Canonical form: ``<instrument>[:<article>[.<paragraph>][(<item>)]]``, e.g.
``ogi-2019:33.2`` (Art. 33 para. 2) or ``ogi-2019:36(4)`` (Art. 36 item 4).

Legal basis:
    - every rule in opengov carries one or more citations (``basis``).

>>> from opengov.citations import Citation
>>> c = Citation.parse("ogi-2019:33.2")
>>> c.to_zh()
'《中华人民共和国政府信息公开条例》第三十三条第二款'
>>> c.to_en()
'Regulations on Open Government Information (2019) art. 33 para. 2'
>>> str(Citation.parse("ogi-2019:36(4)"))
'ogi-2019:36(4)'
>>> Citation.parse("ogi-2019:36(4)").to_zh()
'《中华人民共和国政府信息公开条例》第三十六条第（四）项'
"""

from __future__ import annotations

import re
from typing import NamedTuple

from pydantic import Field, model_validator

from opengov._lookup import CodeEnum
from opengov._model import FrozenModel
from opengov._show import show
from opengov.errors import CitationError

__all__ = ["Citation", "Instrument", "cite", "to_chinese_numeral"]


class _InstrumentInfo(NamedTuple):
    title_zh: str
    title_en: str
    document_no: str | None


class Instrument(CodeEnum):
    """A legal instrument opengov cites. Values are stable wire codes."""

    OGI_2019 = "ogi-2019"
    OGI_2007 = "ogi-2007"
    CIVIL_CODE = "civil-code"
    CIVIL_GENERAL_RULES_2017 = "civil-general-rules-2017"
    CIVIL_PRINCIPLES_1986 = "civil-principles-1986"
    CIVIL_PROCEDURE_2023 = "civil-procedure-2023"
    ADMIN_RECONSIDERATION_2023 = "admin-reconsideration-2023"
    ADMIN_RECONSIDERATION_2017 = "admin-reconsideration-2017"
    ADMIN_RECONSIDERATION_REGS_2007 = "admin-reconsideration-regs-2007"
    ADMIN_LITIGATION_2017 = "admin-litigation-2017"
    ADMIN_LITIGATION_1989 = "admin-litigation-1989"
    ADMIN_LITIGATION_INTERPRETATION_2000 = "admin-litigation-interpretation-2000"
    ADMIN_LITIGATION_INTERPRETATION_2015 = "admin-litigation-interpretation-2015"
    ADMIN_LITIGATION_INTERPRETATION_2018 = "admin-litigation-interpretation-2018"
    FEE_MEASURES_2020 = "fee-measures-2020"
    HOLIDAY_MEASURES_2024 = "holiday-measures-2024"
    HOLIDAY_MEASURES_2013 = "holiday-measures-2013"
    HOLIDAY_MEASURES_2007 = "holiday-measures-2007"
    HOLIDAY_MEASURES_1999 = "holiday-measures-1999"
    WORKING_HOURS_1995 = "working-hours-1995"
    REPORT_FORMAT_2019 = "report-format-2019"
    REPORT_FORMAT_2021 = "report-format-2021"
    TIME_LIMITS_INTERPRETATION_2015 = "time-limits-interpretation-2015"
    GUIDING_CASE_26 = "guiding-case-26"
    OGI_CASES_2011 = "ogi-cases-2011"

    @property
    def title_zh(self) -> str:
        """Official Chinese title, with book-title marks where it has them."""
        return _INSTRUMENTS[self].title_zh

    @property
    def title_en(self) -> str:
        """English title used in renderings."""
        return _INSTRUMENTS[self].title_en

    @property
    def document_no(self) -> str | None:
        """The document number (文号), where one is known."""
        return _INSTRUMENTS[self].document_no


_OGI = "《中华人民共和国政府信息公开条例》"

# Facts from the project's legal reference (tests/data/legal_reference.md).
_INSTRUMENTS: dict[Instrument, _InstrumentInfo] = {
    Instrument.OGI_2019: _InstrumentInfo(
        _OGI,
        "Regulations on Open Government Information (2019)",
        "国务院令第711号",
    ),
    Instrument.OGI_2007: _InstrumentInfo(
        _OGI + "（2007年）",
        "Regulations on Open Government Information (2007)",
        "国务院令第492号",
    ),
    Instrument.CIVIL_CODE: _InstrumentInfo("《中华人民共和国民法典》", "Civil Code", None),
    Instrument.CIVIL_GENERAL_RULES_2017: _InstrumentInfo(
        "《中华人民共和国民法总则》", "General Rules of the Civil Law (2017)", None
    ),
    Instrument.CIVIL_PRINCIPLES_1986: _InstrumentInfo(
        "《中华人民共和国民法通则》", "General Principles of the Civil Law (1986)", None
    ),
    Instrument.CIVIL_PROCEDURE_2023: _InstrumentInfo(
        "《中华人民共和国民事诉讼法》", "Civil Procedure Law (2023)", None
    ),
    Instrument.ADMIN_RECONSIDERATION_2023: _InstrumentInfo(
        "《中华人民共和国行政复议法》",
        "Administrative Reconsideration Law (2023)",
        None,
    ),
    Instrument.ADMIN_RECONSIDERATION_2017: _InstrumentInfo(
        "《中华人民共和国行政复议法》（2017年）",
        "Administrative Reconsideration Law (2017)",
        None,
    ),
    Instrument.ADMIN_RECONSIDERATION_REGS_2007: _InstrumentInfo(
        "《中华人民共和国行政复议法实施条例》",
        "Regulations for Implementing the Administrative Reconsideration Law",
        None,
    ),
    Instrument.ADMIN_LITIGATION_2017: _InstrumentInfo(
        "《中华人民共和国行政诉讼法》", "Administrative Litigation Law (2017)", None
    ),
    Instrument.ADMIN_LITIGATION_1989: _InstrumentInfo(
        "《中华人民共和国行政诉讼法》（1989年）", "Administrative Litigation Law (1989)", None
    ),
    Instrument.ADMIN_LITIGATION_INTERPRETATION_2000: _InstrumentInfo(
        "《最高人民法院关于执行〈中华人民共和国行政诉讼法〉若干问题的解释》",
        "SPC Interpretation on Implementing the Administrative Litigation Law (2000)",
        # verified: repealed by name and number in 法释〔2018〕1号 Art. 163 para. 2
        "法释〔2000〕8号",
    ),
    Instrument.ADMIN_LITIGATION_INTERPRETATION_2015: _InstrumentInfo(
        "《最高人民法院关于适用〈中华人民共和国行政诉讼法〉若干问题的解释》",
        "SPC Interpretation on Applying the Administrative Litigation Law (2015)",
        "法释〔2015〕9号",
    ),
    Instrument.ADMIN_LITIGATION_INTERPRETATION_2018: _InstrumentInfo(
        "《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》",
        "SPC Interpretation of the Administrative Litigation Law (2018)",
        "法释〔2018〕1号",
    ),
    Instrument.FEE_MEASURES_2020: _InstrumentInfo(
        "《政府信息公开信息处理费管理办法》",
        "Measures on Information Processing Fees for Open Government Information",
        "国办函〔2020〕109号",
    ),
    Instrument.HOLIDAY_MEASURES_2024: _InstrumentInfo(
        "《全国年节及纪念日放假办法》",
        "Measures on National Holidays and Memorial Days (2024)",
        "国务院令第795号",
    ),
    Instrument.HOLIDAY_MEASURES_2013: _InstrumentInfo(
        "《全国年节及纪念日放假办法》（2013年）",
        "Measures on National Holidays and Memorial Days (2013)",
        # gov.cn (2013-12-11): 中华人民共和国国务院令 第644号
        "国务院令第644号",
    ),
    Instrument.HOLIDAY_MEASURES_2007: _InstrumentInfo(
        "《全国年节及纪念日放假办法》（2007年）",
        "Measures on National Holidays and Memorial Days (2007)",
        "国务院令第513号",
    ),
    Instrument.HOLIDAY_MEASURES_1999: _InstrumentInfo(
        "《全国年节及纪念日放假办法》（1999年）",
        "Measures on National Holidays and Memorial Days (1999)",
        "国务院令第270号",
    ),
    Instrument.WORKING_HOURS_1995: _InstrumentInfo(
        "《国务院关于职工工作时间的规定》",
        "State Council Provisions on Working Hours",
        None,
    ),
    Instrument.REPORT_FORMAT_2019: _InstrumentInfo(
        "《中华人民共和国政府信息公开工作年度报告格式（试行）》",
        "Annual Report Format (trial, 2019)",
        "国办公开办函〔2019〕60号",
    ),
    Instrument.REPORT_FORMAT_2021: _InstrumentInfo(
        "《中华人民共和国政府信息公开工作年度报告格式》",
        "Annual Report Format (2021)",
        "国办公开办函〔2021〕30号",
    ),
    Instrument.TIME_LIMITS_INTERPRETATION_2015: _InstrumentInfo(
        "《关于政府信息公开期限有关问题的解释》",
        "Interpretation on Time Limits in Open Government Information",
        "国办公开办函〔2015〕207号",
    ),
    Instrument.GUIDING_CASE_26: _InstrumentInfo(
        "最高人民法院指导案例26号（李健雄诉广东省交通运输厅政府信息公开案）",
        "SPC Guiding Case No. 26",
        None,
    ),
    Instrument.OGI_CASES_2011: _InstrumentInfo(
        "《最高人民法院关于审理政府信息公开行政案件若干问题的规定》",
        "SPC Provisions on Open Government Information Cases (2011)",
        # partly verified: the number from a secondary source only (legal reference §5)
        "法释〔2011〕17号",
    ),
}

_DIGITS = "零一二三四五六七八九"
_UNITS = ((1000, "千"), (100, "百"), (10, "十"))


def to_chinese_numeral(n: int) -> str:
    """Write 1..9999 as Chinese numerals the way statutes number articles.

    >>> [to_chinese_numeral(n) for n in (1, 10, 15, 20, 33, 101, 110, 201, 1260)]
    ['一', '十', '十五', '二十', '三十三', '一百零一', '一百一十', '二百零一', '一千二百六十']
    """
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 9999:
        raise CitationError(
            f"cannot write {show(n)} as a Chinese numeral: give an int from 1 to 9999"
        )
    out: list[str] = []
    rest = n
    pending_zero = False
    for value, unit in _UNITS:
        digit, rest = divmod(rest, value)
        if digit:
            if pending_zero:
                out.append("零")
                pending_zero = False
            # 10-19 is written 十… only when it leads the number.
            out.append(unit if (value == 10 and digit == 1 and not out) else _DIGITS[digit] + unit)
        elif out:
            pending_zero = True
    if rest:
        if pending_zero:
            out.append("零")
        out.append(_DIGITS[rest])
    return "".join(out)


_CANONICAL = re.compile(
    r"^(?P<inst>[a-z0-9-]+)"
    r"(?::(?P<art>[1-9][0-9]*)(?:\.(?P<para>[1-9][0-9]*))?(?:\((?P<item>[1-9][0-9]*)\))?)?$"
)


class Citation(FrozenModel):
    """A pointer into a legal instrument: article, paragraph (款) and item (项).

    ``article`` is ``None`` when the instrument is cited as a whole (e.g. a report
    format notice). A paragraph or item needs an article.
    """

    instrument: Instrument
    article: int | None = Field(default=None, ge=1, strict=True)
    paragraph: int | None = Field(default=None, ge=1, strict=True)
    item: int | None = Field(default=None, ge=1, strict=True)

    @model_validator(mode="after")
    def _parts_need_article(self) -> Citation:
        if self.article is None and (self.paragraph is not None or self.item is not None):
            raise ValueError("a paragraph or item needs an article")
        return self

    @classmethod
    def parse(cls, text: str) -> Citation:
        """Parse the canonical string form (the inverse of ``str()``).

        >>> Citation.parse("ogi-2007:24.2").to_zh()
        '《中华人民共和国政府信息公开条例》（2007年）第二十四条第二款'
        """
        if not isinstance(text, str):
            raise CitationError(f"a citation string is needed, got {type(text).__name__}")
        m = _CANONICAL.match(text.strip())
        if m is None:
            raise CitationError(
                f"cannot parse citation {show(text)}: write it like 'ogi-2019:33.2' "
                "(instrument:article.paragraph) or 'ogi-2019:36(4)' (article(item))"
            )
        if any(m[part] and len(m[part]) > 4 for part in ("art", "para", "item")):
            raise CitationError(
                f"cannot parse citation {show(text)}: article, paragraph and item numbers "
                "run from 1 to 9999"
            )
        try:
            inst = Instrument(m["inst"])
        except ValueError:
            known = ", ".join(i.value for i in Instrument)
            raise CitationError(
                f"unknown instrument {show(m['inst'])} in {show(text)}; known: {known}"
            ) from None
        return cls(
            instrument=inst,
            article=int(m["art"]) if m["art"] else None,
            paragraph=int(m["para"]) if m["para"] else None,
            item=int(m["item"]) if m["item"] else None,
        )

    def __str__(self) -> str:
        out = self.instrument.value
        if self.article is not None:
            out += f":{self.article}"
            if self.paragraph is not None:
                out += f".{self.paragraph}"
            if self.item is not None:
                out += f"({self.item})"
        return out

    def to_zh(self) -> str:
        """Chinese rendering, e.g. 《…条例》第三十三条第二款."""
        out = self.instrument.title_zh
        if self.article is not None:
            out += f"第{to_chinese_numeral(self.article)}条"
            if self.paragraph is not None:
                out += f"第{to_chinese_numeral(self.paragraph)}款"
            if self.item is not None:
                out += f"第（{to_chinese_numeral(self.item)}）项"
        return out

    def to_en(self) -> str:
        """English rendering, e.g. 'Regulations … (2019) art. 33 para. 2'."""
        out = self.instrument.title_en
        if self.article is not None:
            out += f" art. {self.article}"
            if self.paragraph is not None:
                out += f" para. {self.paragraph}"
            if self.item is not None:
                out += f" item ({self.item})"
        return out


def cite(text: str) -> Citation:
    """Shorthand for :meth:`Citation.parse`, used in opengov's data tables.

    Citations are frozen values, so each string is parsed once and the same
    :class:`Citation` returned after (up to 4,096 strings are kept).
    """
    if type(text) is not str:
        return Citation.parse(text)
    found = _CITED.get(text)
    if found is None:
        found = Citation.parse(text)
        if len(_CITED) < 4096:
            _CITED[text] = found
    return found


_CITED: dict[str, Citation] = {}
