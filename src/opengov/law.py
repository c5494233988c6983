"""The statute book (法律参数): every dated number a rule reads, with its source.

Each :class:`Parameter` is one legal fact that changes over time: a period, a cap,
an in-force date, a fee scale, a report format. It holds :class:`DatedValue` entries
keyed by the day they took effect, each with its typed
:class:`~opengov.citations.Citation` basis, an :class:`Evidence` level and the
source where it was checked. Rules ask the book for the value *on the day that
matters* (receipt, reply, knowledge of the act); procedure (the replay, the
counting engine, the checks) stays code.

Asking before a parameter's first date raises :class:`LawNotInForceError`;
typed readers (:meth:`Parameter.int_at`, :meth:`Parameter.flag_at`) also raise it
where the law set no value on that day (an entry whose ``value`` is ``None``, with
its note), so no rule reads a silent ``None``.

The values are a Python table, not a data file: each value carries a typed
``Citation`` and a ``date`` that mypy checks, reading it costs no I/O at import, and
the generated page ``docs/reference/statute-book.md`` and
:func:`opengov.vocabulary.export_vocabulary` give it to readers and to systems in
other languages.

Opengov's scope starts with the 2007 Regulation (in force 2008-05-01): remedy
parameters start there too, even where the instrument is older.

Legal basis:
    - each value cites its own article; see ``docs/reference/statute-book.md``.

>>> from datetime import date
>>> from opengov.law import parameter
>>> p = parameter("litigation.period_months")
>>> p.int_at(date(2014, 6, 3)), p.int_at(date(2015, 5, 1))
(3, 6)
>>> str(p.at(date(2014, 6, 3)).basis[0])
'admin-litigation-1989:39'
>>> p.int_at(date(2008, 4, 30))
Traceback (most recent call last):
...
opengov.errors.LawNotInForceError: litigation.period_months has no value before 2008-05-01 (asked for 2008-04-30): direct-litigation period (行政诉讼法 Art. 39 (1989) / Art. 46 (2014)); opengov's statute book starts there
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from pydantic import Field, model_validator

from opengov._dates import as_date
from opengov._lookup import CodeEnum, lookup
from opengov._model import FrozenModel
from opengov._show import show
from opengov.citations import Citation, Instrument, cite
from opengov.errors import InvalidInputError, LawNotInForceError, UnknownCodeError

__all__ = [
    "STATUTE_BOOK",
    "DatedValue",
    "Evidence",
    "Parameter",
    "Unit",
    "export_book",
    "in_force",
    "parameter",
]


class Evidence(CodeEnum):
    """How well a value was checked (the labels of the project's legal reference)."""

    VERIFIED = "verified"
    PARTLY_VERIFIED = "partly_verified"
    RECALLED = "recalled"

    @property
    def label_en(self) -> str:
        """What the level means."""
        return _EVIDENCE_EN[self]


_EVIDENCE_EN = {
    Evidence.VERIFIED: "the text was read in the cited source",
    Evidence.PARTLY_VERIFIED: (
        "part of the text was read, or only in a secondary source (a news report, a "
        "local government's copy, a legal Q&A page, a study)"
    ),
    Evidence.RECALLED: "recalled, not checked against a source: confirm before relying on it",
}


class Unit(CodeEnum):
    """The unit of a parameter's values. Values are stable wire codes."""

    WORKING_DAYS = "working_days"
    DAYS = "days"
    MONTHS = "months"
    YEARS = "years"
    MONTH_DAY = "month_day"  # "MM-DD" of the year after the report year
    FLAG = "flag"  # True/False: whether a rule applies
    CODE = "code"  # a vocabulary code, e.g. an edition or report format
    IN_FORCE = "in_force"  # True from the day an instrument took effect
    YUAN_BANDS = "yuan_bands"  # (from_count, yuan_each) pairs, ascending


Value = bool | int | str | tuple[tuple[int, int], ...] | None


class DatedValue(FrozenModel):
    """One value of a parameter, in force from ``since`` until the next value.

    ``value`` is ``None`` where the law set no such rule from that day (its
    ``note`` says why); typed readers refuse it.
    """

    since: date
    value: Value
    basis: tuple[Citation, ...]
    evidence: Evidence
    source: str
    note: str = ""


class Parameter(FrozenModel):
    """A dated legal fact: its values ascend by date, each with a basis."""

    name: str
    unit: Unit
    description: str
    values: tuple[DatedValue, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _ascending_and_cited(self) -> Parameter:
        for a, b in pairwise(self.values):
            if not a.since < b.since:
                raise ValueError(f"{self.name}: values must ascend by date ({a.since}, {b.since})")
        for v in self.values:
            if v.value is not None and not v.basis:
                raise ValueError(f"{self.name}: the value from {v.since} has no basis")
            if v.value is None and not v.note:
                raise ValueError(f"{self.name}: the empty value from {v.since} needs a note")
        return self

    @property
    def first(self) -> date:
        """The day of the first value."""
        return self.values[0].since

    def at(self, day: date) -> DatedValue:
        """The entry in force on ``day``; raises :class:`LawNotInForceError` before the first."""
        d = as_date(day, "day")
        if d < self.first:
            raise LawNotInForceError(
                f"{self.name} has no value before {self.first.isoformat()} (asked for "
                f"{d.isoformat()}): {self.description}; opengov's statute book starts there"
            )
        found = self.values[0]
        for v in self.values:
            if v.since <= d:
                found = v
            else:
                break
        return found

    def _typed(self, day: date) -> DatedValue:
        v = self.at(day)
        if v.value is None:
            later = [w.since.isoformat() for w in self.values if w.since > v.since and w.value]
            nxt = f"; a value applies from {later[0]}" if later else ""
            raise LawNotInForceError(
                f"{self.name}: the law set no value on {as_date(day, 'day').isoformat()} "
                f"({v.note}){nxt}"
            )
        return v

    def _wrong_reader(self, reader: str) -> InvalidInputError:
        return InvalidInputError(
            f"{self.name} is a {self.unit.value} parameter, which {reader} does not read; "
            f"use at(day).value, or the reader for its unit"
        )

    def int_at(self, day: date) -> int:
        """The number in force on ``day``; raises where there is none."""
        v = self._typed(day).value
        if not isinstance(v, int) or isinstance(v, bool):
            raise self._wrong_reader("int_at")
        return v

    def flag_at(self, day: date) -> bool:
        """Whether the rule applies on ``day`` (a ``FLAG``/``IN_FORCE`` parameter)."""
        v = self.at(day).value
        if not isinstance(v, bool):
            raise self._wrong_reader("flag_at")
        return v

    def code_at(self, day: date) -> str:
        """The vocabulary code in force on ``day``; raises where there is none."""
        v = self._typed(day).value
        if not isinstance(v, str):
            raise self._wrong_reader("code_at")
        return v

    def bands_at(self, day: date) -> tuple[tuple[int, int], ...]:
        """The fee bands in force on ``day``; raises where there is none."""
        v = self._typed(day).value
        if not isinstance(v, tuple):
            raise self._wrong_reader("bands_at")
        return v

    def change_days(self) -> tuple[date, ...]:
        """Every day on which the value changed, first included."""
        return tuple(v.since for v in self.values)


# -- sources ----------------------------------------------------------------------------
# Where each fact was checked (see /docs/interpretations.md and the legal reference).

_MIRROR = "LawRefBook/Laws @2f4c5c2 (community mirror of the official texts)"
_S_OGI2019 = f"{_MIRROR}: 行政法规/政府信息公开条例(2019-04-03).md (Arts. 26, 30-34, 49, 56)"
_S_OGI2007 = (
    "2007 text: fgw.sxjz.gov.cn/xxgk/xxgkgd (order 492 and in-force date); "
    "fsou.com/html/text/chl/903/90387_4.html (Art. 24); m.78911.com.cn/GuoJiaZhengCe/539144-5.html"
)
_S_OGI2007_31 = (
    "琼府办〔2011〕214号 quoting 2007 Art. 31: ask.fsou.com/html/text/lar/173773/17377336.html"
)
_S_REVIEW2023 = f"{_MIRROR}: 诉讼与非诉讼程序法/行政复议法(2023-09-01).md (Arts. 20, 21, 23, 90)"
_S_REVIEW2017 = f"{_MIRROR}: 诉讼与非诉讼程序法/行政复议法(2017-09-01).md (Art. 9)"
_S_LIT2017 = f"{_MIRROR}: 诉讼与非诉讼程序法/行政诉讼法(2017-06-27).md (Arts. 45, 46)"
_S_LIT1989 = (
    "1989 Art. 39 and Art. 38 para. 2 quoted in a legal Q&A page: "
    "13l.net/index.php/l/206714787.html; 3 months also at law.t8p.cn/articles/7134890338902220800.html"
)
_S_LIT2014 = (
    "header of the 2015 text: chinalawtranslate.com (行政诉讼法 2015年施行: 根据2014年11月1日"
    "…决定修订 自2015年5月1日起施行); 大辞海 entry at ssr.luhui.net/groups/dacihai/?id=14613.html"
)
_S_INTERP2000 = (
    "2-year cap of 《若干解释》 Art. 41: 行政法学研究 2016 study (journal.wf.pub/article:"
    "xzfxyj201601008; cnlaw365.cn/fayuanshenpan/20160414/14740.html: courts kept applying the "
    "two years after the 2014 amendment); wording at 00.wendadaohang.com/zd/nZInBBZDDeTTIBZeBZ.html"
    ", lawbrand.cn/zhishi/336569.html and m.110ask.com/tuwen/12867141099584524150.html (Q&A "
    "pages); in force 2000-03-10: ask.fsou.com/html/text/art/3355664/335566489_6.html and "
    "clonglawyer.com/show_150.html; number 法释〔2000〕8号 verified: repealed by name and number "
    "in 法释〔2018〕1号 Art. 163 para. 2 (" + _MIRROR + ")"
)
_S_INTERP2000_BARS = "5/20-year bars before 2015: hunanyuer.com/falvbaike/151717.html (secondary)"
_S_INTERP2015 = (
    f"{_MIRROR}: 司法解释/最高人民法院关于适用《行政诉讼法》若干问题的解释(2015-04-22).md "
    "(Arts. 4, 26, 27: no cap on the not-informed period); number and in force 2015-05-01: SPC "
    "announcement copied at wenqilaw.com/index.php?id=91, zhangyue.com/readbook/11274077/2 "
    "(与修改后的《行政诉讼法》同步施行); number also in 法释〔2018〕1号 Art. 163 para. 2"
)
_S_INTERP2018 = (
    f"{_MIRROR}: 司法解释/最高人民法院关于适用《行政诉讼法》的解释(2018-02-06).md (Arts. 64-66); "
    "number and in-force date: SPC announcement at guoqi.org/special/gzwpagepi.php?id=16501"
)
_S_FEES = (
    "国办函〔2020〕109号 Arts. 3-5 read in local copies (sdzhian.com/art/2021/2/26/"
    "art_48387_3211285.html; by6872.com …/f3326c8a-…html, dated 2020-11-17, published "
    "2020-12-01); page tiers: xinhui.gov.cn …/post_2365222.html"
)
_S_FEES_IN_FORCE = (
    "in force 2021-01-01: 黑龙江省财政厅 notice of 2021-01-06 (bzdlxx.com/zwxxgk/zcgk/zfsxgkzd/"
    "2021/12/154464: 自2021年1月1日起…根据…国办函〔2020〕109号规定…收取信息处理费); the "
    "Measures' own article on the day was not read"
)
_S_FEE_WINDOW = (
    "payment window: 四川省财政厅 发展改革委 notice on 109号 (m.tube444.com/xxgk-show-18175.html) "
    "and 法治日报 (pf.rednet.cn/content/2020/12/02/8666854.html); article number not seen"
)
_S_FORMATS = "国办公开办函〔2019〕60号 and 〔2021〕30号 (the project's legal reference, §3)"
_S_OGI2007_18 = (
    "2007 Art. 18 (属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内予以"
    "公开) quoted at law.lawtime.cn/lifadongtai/21248.html and m.110ask.com/wenda/"
    "10377646666437147101.html (secondary copies)"
)
_S_REGS2007 = (
    "国务院令第499号 公布 自2007年8月1日起施行: copy at ccgp-neimenggu.gov.cn/docs/"
    "中华人民共和国行政复议法实施条例 (a government procurement site)"
)
_S_RECALLED = "recalled; not checked against a source here"
_S_CIVIL1986 = (
    "民法通则 Art. 154 (期间的最后一天是星期日或者其他法定休假日的，以休假日的次日为期间的最后一天) "
    "quoted in full at ffmin.cn/aspx/ch/law.aspx?classid=20&id=126 (a copy of the Law's chapter 9) "
    "and in a Civil Code commentary at m.zhangyue.com/readbook/12524492/16.html (secondary "
    "copies); in force 1987-01-01 and repealed 2021-01-01: newton.com.tw wiki entry"
)
_S_CIVIL2017 = (
    "民法总则 Art. 206 (本法自2017年10月1日起施行) at ccpit-patent.com.cn/zh-hans/node/4001/4000; "
    "Art. 201 quoted in 《民法总则简明知识例解》 (94415sgj.cn); Arts. 200-204 carried into the "
    "Civil Code unchanged in number (the Code's commentary, m.zhangyue.com/readbook/12524492/16.html"
    "); the wording of Arts. 202-203 was read in the Civil Code only"
)
_S_CIVIL2020 = f"{_MIRROR}: 民法典/总则.md (Arts. 200-204); in force 2021-01-01 (Art. 1260)"
_S_HOLIDAY1999 = (
    "国务院令第270号: 现发布《全国年节及纪念日放假办法》，自发布之日起施行 (1999-09-18) and Art. 2, "
    "copied at newton.com.tw (wiki entry 中華人民共和國國務院令第270號); the revision history printed "
    "with the 2013 text (" + _MIRROR + ": 行政法规/全国年节及纪念日放假办法(2013-12-11).md)"
)
_S_HOLIDAY2007 = (
    "国务院令第513号: 本决定自2008年1月1日起施行 and Art. 2 as amended, copied at zh.wikisource.org "
    "(国务院关于修改《全国年节及纪念日放假办法》的决定 (2007年)) and m.03j9n.cn/law/1/34245.html"
)

# -- the in-force days -------------------------------------------------------------------
# Each day below is written once; every other module reads it from the book.

_OGI_2007 = date(2008, 5, 1)
_OGI_2019 = date(2019, 5, 15)
_LIT_2014 = date(2015, 5, 1)
_INTERP_2018 = date(2018, 2, 8)
_REVIEW_2023 = date(2024, 1, 1)
_FEES_2020 = date(2021, 1, 1)
_CIVIL_1986 = date(1987, 1, 1)
_CIVIL_2017 = date(2017, 10, 1)
_CIVIL_2021 = date(2021, 1, 1)  # the Civil Code (Art. 1260); the fee Measures' day too


def _v(
    since: date,
    value: Value,
    basis: str | tuple[str, ...],
    evidence: Evidence,
    source: str,
    note: str = "",
) -> DatedValue:
    refs = (basis,) if isinstance(basis, str) else basis
    return DatedValue(
        since=since,
        value=value,
        basis=tuple(cite(r) for r in refs),
        evidence=evidence,
        source=source,
        note=note,
    )


def _p(name: str, unit: Unit, description: str, *values: DatedValue) -> Parameter:
    return Parameter(name=name, unit=unit, description=description, values=values)


V, P, M = Evidence.VERIFIED, Evidence.PARTLY_VERIFIED, Evidence.RECALLED

_NOT_2007 = "the 2007 Regulation set no such period"
_SCOPE = "opengov's book starts with the 2007 Regulation (2008-05-01)"
_NOTE_2015_CAP = (
    "from 2015-05-01 to 2018-02-07 the two-year cap of the 2000 interpretation (Art. 41) "
    "stayed in force: 法释〔2015〕9号 sets no cap on this period (all 27 articles read) and "
    "keeps earlier interpretations except where they conflict with it (Art. 27); courts "
    "applied the two years (行政法学研究 2016 study of judgments); the one-year cap starts "
    "with 法释〔2018〕1号 Art. 64 on 2018-02-08"
)
_NOTE_2015_TRANSITION = (
    "2015年5月1日前起诉期限尚未届满的，适用修改后的行政诉讼法关于起诉期限的规定 (Art. 26 para. "
    "1): opengov reads 尚未届满 as 'the last day of the three-month period, after any "
    "roll-forward, is on or after 2015-05-01'; such a period becomes six months from the same "
    "start day"
)
_NOTE_NO_REPLY_2008 = (
    "the rule for suing over a non-reply before 2015-05-01 (the 2000 interpretation) was not "
    "checked: opengov applies the six months that 法释〔2015〕9号 Art. 4 and 法释〔2018〕1号 "
    "Art. 66 set later; the period then may have been shorter (direct litigation was three "
    "months)"
)

_NOTE_1986_MONTHS = (
    "民法通则 Art. 154 says only that periods follow the Gregorian year, month and day (para. 1) "
    "and has no corresponding-day or month-end rule; the SPC's 1988 opinions (Art. 198: a month "
    "of 30 days) concern periods the parties agreed, not statutory ones (recalled, not read). "
    "opengov ends a statutory month period on the corresponding day, or the month's last day, "
    "as the later Art. 202 says: an interpretation for periods that started before 2017-10-01"
)
_NOTE_1986_ROLL = (
    "Art. 154 para. 3 names 星期日或者其他法定休假日; since the 1995 working-hours provisions "
    "Saturday is a weekly rest day too, and a multi-day rest ends on the day after the rest: "
    "the same arithmetic as the Civil Code's Art. 203"
)

_BOOK: tuple[Parameter, ...] = (
    # -- the Regulation -----------------------------------------------------------------
    _p(
        "ogi.edition",
        Unit.CODE,
        "edition of the Regulation in force (2007 Art. 38; 2019 Art. 56)",
        _v(_OGI_2007, "2007", "ogi-2007", V, _S_OGI2007),
        _v(_OGI_2019, "2019", "ogi-2019:56", V, _S_OGI2019),
    ),
    _p(
        "ogi.reply_days",
        Unit.WORKING_DAYS,
        "reply period from receipt (2007 Art. 24 para. 2; 2019 Art. 33 para. 2)",
        _v(_OGI_2007, 15, "ogi-2007:24.2", V, _S_OGI2007),
        _v(_OGI_2019, 20, "ogi-2019:33.2", V, _S_OGI2019),
    ),
    _p(
        "ogi.max_extension_days",
        Unit.WORKING_DAYS,
        "longest extension of the reply period (2007 Art. 24 para. 2; 2019 Art. 33 para. 2)",
        _v(_OGI_2007, 15, "ogi-2007:24.2", V, _S_OGI2007),
        _v(_OGI_2019, 20, "ogi-2019:33.2", V, _S_OGI2019),
    ),
    _p(
        "ogi.correction_notice_days",
        Unit.WORKING_DAYS,
        "time to tell the applicant to correct an unclear application (2019 Art. 30)",
        _v(_OGI_2007, None, "ogi-2007:21(4)", V, _S_OGI2007, _NOT_2007),
        _v(_OGI_2019, 7, "ogi-2019:30", V, _S_OGI2019),
    ),
    _p(
        "ogi.third_party_opinion_days",
        Unit.WORKING_DAYS,
        "third party's time to give its opinion (2019 Art. 32)",
        _v(_OGI_2007, None, "ogi-2007:23", V, _S_OGI2007, _NOT_2007),
        _v(_OGI_2019, 15, "ogi-2019:32", V, _S_OGI2019),
    ),
    _p(
        "ogi.agency_opinion_days",
        Unit.WORKING_DAYS,
        "co-producing agency's time to give its opinion (2019 Art. 34)",
        _v(_OGI_2007, None, (), V, _S_OGI2007, _NOT_2007),
        _v(_OGI_2019, 15, "ogi-2019:34", V, _S_OGI2019),
    ),
    _p(
        "ogi.proactive_disclosure_days",
        Unit.WORKING_DAYS,
        "proactive disclosure after information is formed or changed (2007 Art. 18; 2019 Art. 26)",
        _v(_OGI_2007, 20, "ogi-2007:18", P, _S_OGI2007_18),
        _v(_OGI_2019, 20, "ogi-2019:26", V, _S_OGI2019),
    ),
    _p(
        "ogi.report_due_department",
        Unit.MONTH_DAY,
        "annual report due, departments of governments at county level and above",
        _v(_OGI_2007, "03-31", "ogi-2007:31", V, _S_OGI2007_31),
        _v(_OGI_2019, "01-31", "ogi-2019:49.1", V, _S_OGI2019),
    ),
    _p(
        "ogi.report_due_government",
        Unit.MONTH_DAY,
        "annual report due, a government's own report",
        _v(_OGI_2007, "03-31", "ogi-2007:31", V, _S_OGI2007_31),
        _v(_OGI_2019, "03-31", "ogi-2019:49.2", V, _S_OGI2019),
    ),
    _p(
        "reports.format",
        Unit.CODE,
        "annual-report format, by the first day of the report year",
        _v(date(2008, 1, 1), None, "ogi-2007:32", V, _S_FORMATS, "no national format: see legacy"),
        _v(date(2019, 1, 1), "2019", "report-format-2019", V, _S_FORMATS),
        _v(date(2021, 1, 1), "2021", "report-format-2021", V, _S_FORMATS),
    ),
    # -- fees -------------------------------------------------------------------------------
    _p(
        "fees.processing_fee",
        Unit.FLAG,
        "whether an information processing fee (信息处理费) may be charged",
        _v(_OGI_2007, False, "ogi-2007:27", P, _S_OGI2007, "no 信息处理费 before the Measures"),
        _v(
            _FEES_2020,
            True,
            ("fee-measures-2020", "ogi-2019:42"),
            P,
            f"{_S_FEES}; {_S_FEES_IN_FORCE}",
            "in-force date partly verified (a provincial finance department's notice, not the "
            "Measures' own article); the Measures are dated 2020-11-17 and were published "
            "2020-12-01 (verified)",
        ),
    ),
    _p(
        "fees.payment_days",
        Unit.WORKING_DAYS,
        "time to pay, from the day after the fee notice is received",
        _v(_OGI_2007, None, "ogi-2007:27", P, _S_OGI2007, "no 信息处理费 before the Measures"),
        _v(_FEES_2020, 20, "fee-measures-2020", P, _S_FEE_WINDOW),
    ),
    _p(
        "fees.per_item_bands",
        Unit.YUAN_BANDS,
        "per-item scale, over the applicant's items in a calendar month (Art. 4)",
        _v(_OGI_2007, None, "ogi-2007:27", P, _S_OGI2007, "no 信息处理费 before the Measures"),
        _v(_FEES_2020, ((1, 0), (11, 100), (31, 200)), "fee-measures-2020:4", V, _S_FEES),
    ),
    _p(
        "fees.per_item_step",
        Unit.YUAN_BANDS,
        "per-item rise above the last band: (items per band, yuan added) (Art. 4(3))",
        _v(_OGI_2007, None, "ogi-2007:27", P, _S_OGI2007, "no 信息处理费 before the Measures"),
        _v(_FEES_2020, ((10, 100),), "fee-measures-2020:4", V, _S_FEES),
    ),
    _p(
        "fees.per_page_bands",
        Unit.YUAN_BANDS,
        "per-page scale, within one application (Art. 5)",
        _v(_OGI_2007, None, "ogi-2007:27", P, _S_OGI2007, "no 信息处理费 before the Measures"),
        _v(_FEES_2020, ((1, 0), (31, 10), (101, 20), (201, 40)), "fee-measures-2020:5", V, _S_FEES),
    ),
    # -- administrative review --------------------------------------------------------------
    _p(
        "review.period_days",
        Unit.DAYS,
        "administrative review period from knowing of the act (行政复议法)",
        _v(_OGI_2007, 60, "admin-reconsideration-2017:9", V, _S_REVIEW2017, _SCOPE),
        _v(_REVIEW_2023, 60, "admin-reconsideration-2023:20", V, _S_REVIEW2023),
    ),
    _p(
        "review.not_informed_cap_months",
        Unit.MONTHS,
        "longest review period when the act did not tell of the right to review",
        _v(
            _OGI_2007,
            None,
            "admin-reconsideration-2017:9",
            M,
            _S_RECALLED,
            "no cap for an applicant not told of the right to review is modelled before "
            "行政复议法 2023",
        ),
        _v(_REVIEW_2023, 12, "admin-reconsideration-2023:20.3", V, _S_REVIEW2023),
    ),
    _p(
        "review.bar_years",
        Unit.YEARS,
        "review refused this long after the act was made (other than real property)",
        _v(_OGI_2007, None, (), M, _S_RECALLED, "no such bar in 行政复议法 before 2023"),
        _v(_REVIEW_2023, 5, "admin-reconsideration-2023:21", V, _S_REVIEW2023),
    ),
    _p(
        "review.bar_years_real_property",
        Unit.YEARS,
        "review refused this long after an act on real property (不动产) was made",
        _v(_OGI_2007, None, (), M, _S_RECALLED, "no such bar in 行政复议法 before 2023"),
        _v(_REVIEW_2023, 20, "admin-reconsideration-2023:21", V, _S_REVIEW2023),
    ),
    _p(
        "review.first_when_withheld",
        Unit.FLAG,
        "review must come before litigation when disclosure is refused (复议前置)",
        _v(_OGI_2007, False, "admin-reconsideration-2017:9", M, _S_RECALLED),
        _v(_REVIEW_2023, True, "admin-reconsideration-2023:23(4)", V, _S_REVIEW2023),
    ),
    # -- litigation -------------------------------------------------------------------------
    _p(
        "litigation.period_months",
        Unit.MONTHS,
        "direct-litigation period (行政诉讼法 Art. 39 (1989) / Art. 46 (2014))",
        _v(_OGI_2007, 3, "admin-litigation-1989:39", P, _S_LIT1989),
        _v(
            _LIT_2014,
            6,
            "admin-litigation-2017:46",
            V,
            f"{_S_LIT2014}; text: {_S_LIT2017}",
            "Art. 46 as enacted by the 2014 amendment, unchanged in 2017",
        ),
    ),
    _p(
        "litigation.period_transition",
        Unit.FLAG,
        "a direct-litigation period still running (尚未届满) on the day a new period took "
        "effect follows the new period (法释〔2015〕9号 Art. 26 para. 1)",
        _v(
            _LIT_2014,
            True,
            "admin-litigation-interpretation-2015:26.1",
            V,
            _S_INTERP2015,
            _NOTE_2015_TRANSITION,
        ),
    ),
    _p(
        "litigation.no_reply_period_months",
        Unit.MONTHS,
        "litigation period after a non-reply, from the end of the period for performance "
        "(不履行法定职责)",
        _v(
            _OGI_2007,
            6,
            "admin-litigation-interpretation-2018:66",
            M,
            _S_RECALLED,
            _NOTE_NO_REPLY_2008,
        ),
        _v(_LIT_2014, 6, "admin-litigation-interpretation-2015:4", V, _S_INTERP2015),
        _v(
            _INTERP_2018,
            6,
            ("admin-litigation-interpretation-2018:66", "admin-litigation-2017:47.1"),
            V,
            _S_INTERP2018,
        ),
    ),
    _p(
        "litigation.after_review_days",
        Unit.DAYS,
        "litigation period after a review decision (1989 Art. 38 para. 2; 2014 Art. 45)",
        _v(_OGI_2007, 15, "admin-litigation-1989:38.2", P, _S_LIT1989),
        _v(_LIT_2014, 15, "admin-litigation-2017:45", V, _S_LIT2017),
    ),
    _p(
        "litigation.not_informed_cap_months",
        Unit.MONTHS,
        "longest litigation period when the act did not tell of the litigation period",
        _v(_OGI_2007, 24, "admin-litigation-interpretation-2000:41", P, _S_INTERP2000),
        _v(
            _LIT_2014,
            24,
            ("admin-litigation-interpretation-2000:41", "admin-litigation-interpretation-2015:27"),
            P,
            f"{_S_INTERP2000}; {_S_INTERP2015}",
            _NOTE_2015_CAP,
        ),
        _v(_INTERP_2018, 12, "admin-litigation-interpretation-2018:64", V, _S_INTERP2018),
    ),
    _p(
        "litigation.bar_years",
        Unit.YEARS,
        "suit refused this long after the act was made, when its content was not known",
        _v(_OGI_2007, 5, "admin-litigation-interpretation-2000:42", P, _S_INTERP2000_BARS),
        _v(_LIT_2014, 5, "admin-litigation-2017:46.2", V, _S_LIT2017),
    ),
    _p(
        "litigation.bar_years_real_property",
        Unit.YEARS,
        "the same bar for an act on real property (不动产)",
        _v(_OGI_2007, 20, "admin-litigation-interpretation-2000:42", P, _S_INTERP2000_BARS),
        _v(_LIT_2014, 20, "admin-litigation-2017:46.2", V, _S_LIT2017),
    ),
    # -- counting periods (the civil-law rules every period in opengov follows) -------------
    _p(
        "periods.start_day_not_counted",
        Unit.FLAG,
        "a period counted in days, months or years starts the day after its start day, by the "
        "rule in force on the start day",
        _v(_CIVIL_1986, True, "civil-principles-1986:154.2", P, _S_CIVIL1986),
        _v(_CIVIL_2017, True, "civil-general-rules-2017:201", P, _S_CIVIL2017),
        _v(_CIVIL_2021, True, "civil-code:201", V, _S_CIVIL2020),
    ),
    _p(
        "periods.month_corresponding_day",
        Unit.FLAG,
        "a month or year period ends on the corresponding day of its last month, or on that "
        "month's last day where it has none",
        _v(
            _CIVIL_1986,
            True,
            "civil-principles-1986:154.1",
            P,
            _S_CIVIL1986,
            _NOTE_1986_MONTHS,
        ),
        _v(_CIVIL_2017, True, "civil-general-rules-2017:202", P, _S_CIVIL2017),
        _v(_CIVIL_2021, True, "civil-code:202", V, _S_CIVIL2020),
    ),
    _p(
        "periods.last_day_rolls_forward",
        Unit.FLAG,
        "a period whose last day is a statutory rest day (法定休假日) ends on the day after the rest",
        _v(_CIVIL_1986, True, "civil-principles-1986:154.3", P, _S_CIVIL1986, _NOTE_1986_ROLL),
        _v(_CIVIL_2017, True, "civil-general-rules-2017:203", P, _S_CIVIL2017),
        _v(_CIVIL_2021, True, "civil-code:203", V, _S_CIVIL2020),
    ),
    # -- instruments in force ---------------------------------------------------------------
    _p(
        "in_force.ogi-2007",
        Unit.IN_FORCE,
        "the 2007 Regulation (国务院令第492号)",
        _v(_OGI_2007, True, "ogi-2007", V, _S_OGI2007),
    ),
    _p(
        "in_force.ogi-2019",
        Unit.IN_FORCE,
        "the 2019 Regulation (国务院令第711号)",
        _v(_OGI_2019, True, "ogi-2019:56", V, _S_OGI2019),
    ),
    _p(
        "in_force.civil-code",
        Unit.IN_FORCE,
        "the Civil Code (Art. 1260)",
        _v(
            _CIVIL_2021,
            True,
            "civil-code:1260",
            P,
            "Art. 1260 quoted in public code repositories (find_string: 本法自2021年1月1日起施行)",
        ),
    ),
    _p(
        "in_force.civil-principles-1986",
        Unit.IN_FORCE,
        "the General Principles of the Civil Law (民法通则), repealed by the Civil Code (Art. 1260)",
        _v(_CIVIL_1986, True, "civil-principles-1986", P, _S_CIVIL1986),
    ),
    _p(
        "in_force.civil-general-rules-2017",
        Unit.IN_FORCE,
        "the General Rules of the Civil Law (民法总则, Art. 206), repealed by the Civil Code",
        _v(_CIVIL_2017, True, "civil-general-rules-2017:206", P, _S_CIVIL2017),
    ),
    _p(
        "in_force.civil-procedure-2023",
        Unit.IN_FORCE,
        "the Civil Procedure Law as amended in 2023",
        _v(date(2024, 1, 1), True, "civil-procedure-2023", M, _S_RECALLED),
    ),
    _p(
        "in_force.admin-reconsideration-2023",
        Unit.IN_FORCE,
        "the Administrative Reconsideration Law 2023 (Art. 90)",
        _v(_REVIEW_2023, True, "admin-reconsideration-2023:90", V, _S_REVIEW2023),
    ),
    _p(
        "in_force.admin-reconsideration-2017",
        Unit.IN_FORCE,
        "the Administrative Reconsideration Law as amended in 2017",
        _v(date(2018, 1, 1), True, "admin-reconsideration-2017", M, _S_RECALLED),
    ),
    _p(
        "in_force.admin-reconsideration-regs-2007",
        Unit.IN_FORCE,
        "the Regulations for Implementing the Administrative Reconsideration Law",
        _v(date(2007, 8, 1), True, "admin-reconsideration-regs-2007", P, _S_REGS2007),
    ),
    _p(
        "in_force.admin-litigation-1989",
        Unit.IN_FORCE,
        "the Administrative Litigation Law 1989",
        _v(date(1990, 10, 1), True, "admin-litigation-1989", P, _S_LIT2014),
    ),
    _p(
        "in_force.admin-litigation-interpretation-2000",
        Unit.IN_FORCE,
        "SPC interpretation on implementing the Administrative Litigation Law (2000)",
        _v(date(2000, 3, 10), True, "admin-litigation-interpretation-2000", P, _S_INTERP2000),
    ),
    _p(
        "in_force.admin-litigation-interpretation-2015",
        Unit.IN_FORCE,
        "SPC interpretation on applying the amended Administrative Litigation Law "
        "(法释〔2015〕9号)",
        _v(_LIT_2014, True, "admin-litigation-interpretation-2015", P, _S_INTERP2015),
    ),
    _p(
        "in_force.admin-litigation-interpretation-2018",
        Unit.IN_FORCE,
        "SPC interpretation of the Administrative Litigation Law (法释〔2018〕1号)",
        _v(_INTERP_2018, True, "admin-litigation-interpretation-2018", V, _S_INTERP2018),
    ),
    _p(
        "in_force.fee-measures-2020",
        Unit.IN_FORCE,
        "the information processing fee Measures (国办函〔2020〕109号)",
        _v(_FEES_2020, True, "fee-measures-2020", P, f"{_S_FEES}; {_S_FEES_IN_FORCE}"),
    ),
    _p(
        "in_force.holiday-measures-2024",
        Unit.IN_FORCE,
        "the holiday measures as amended in 2024 (国务院令第795号)",
        _v(
            date(2025, 1, 1), True, "holiday-measures-2024", V, "the project's legal reference §6.1"
        ),
    ),
    _p(
        "in_force.holiday-measures-2013",
        Unit.IN_FORCE,
        "the holiday measures as amended in 2013 (国务院令第644号)",
        _v(
            date(2014, 1, 1),
            True,
            "holiday-measures-2013",
            P,
            "the project's legal reference §6.1 (the 2013 text governs 2014-2024); every "
            "bundled notice of 2014-2024 balances against its festival days (calendar tests); "
            "order 644 and 自2014年1月1日起施行: gov.cn/zhuanti/2013-12/11/content_2610576.htm",
        ),
    ),
    _p(
        "in_force.holiday-measures-2007",
        Unit.IN_FORCE,
        "the holiday measures as amended in 2007 (国务院令第513号; 清明, 端午, 中秋 added, "
        "劳动节 one day)",
        _v(
            date(2008, 1, 1),
            True,
            "holiday-measures-2007",
            P,
            f"{_S_HOLIDAY2007}; every bundled notice of 2008-2013 balances against its "
            "festival days (calendar tests)",
        ),
    ),
    _p(
        "in_force.holiday-measures-1999",
        Unit.IN_FORCE,
        "the holiday measures as revised in 1999 (国务院令第270号; 劳动节 and 国庆节 three "
        "days each)",
        _v(
            date(1999, 9, 18),
            True,
            "holiday-measures-1999",
            P,
            f"{_S_HOLIDAY1999}; every bundled notice of 2004-2007 balances against its "
            "festival days (calendar tests)",
            "in force on the day it was published (自发布之日起施行); opengov's festival table "
            "applies it from 2000, the first whole year it governed",
        ),
    ),
    _p(
        "in_force.working-hours-1995",
        Unit.IN_FORCE,
        "State Council provisions on working hours (1995 revision)",
        _v(date(1995, 5, 1), True, "working-hours-1995", M, _S_RECALLED),
    ),
)

#: Every parameter of the book, in the order of the generated reference page.
STATUTE_BOOK: tuple[Parameter, ...] = _BOOK

_BY_NAME: dict[str, Parameter] = {p.name: p for p in _BOOK}


def parameter(name: str) -> Parameter:
    """The parameter called ``name``; raises :class:`~opengov.errors.UnknownCodeError`."""
    try:
        return _BY_NAME[name]
    except (KeyError, TypeError):
        raise UnknownCodeError(
            f"unknown statute-book parameter {show(name)}; known: {', '.join(_BY_NAME)}"
        ) from None


def in_force(instrument: Instrument | str) -> date | None:
    """The day an instrument took effect, if the book records it (``in_force.<code>``).

    ``instrument`` is an :class:`~opengov.citations.Instrument` or its code; an
    unknown code raises :class:`~opengov.errors.UnknownCodeError`. ``None`` means
    the book does not date that instrument (it is cited, but no rule reads its day).

    >>> from opengov.citations import Instrument
    >>> in_force(Instrument.ADMIN_RECONSIDERATION_2023)
    datetime.date(2024, 1, 1)
    >>> in_force("ogi-2019"), in_force(Instrument.REPORT_FORMAT_2021)
    (datetime.date(2019, 5, 15), None)
    """
    p = _BY_NAME.get(f"in_force.{lookup(Instrument, instrument).value}")
    return None if p is None else p.first


def export_book() -> list[dict[str, object]]:
    """The book as JSON-able data: name, unit, description and dated values."""
    return [p.model_dump(mode="json") for p in _BOOK]
