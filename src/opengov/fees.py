"""Information processing fees (信息处理费, 国办函〔2020〕109号 Arts. 3-5).

Providing information on application is free (Art. 42 of the 2019 Regulation),
but an agency may charge an applicant whose applications clearly exceed a
reasonable number or frequency. The Measures set two progressive (超额累进)
scales, and an agency picks one of them for each application, never both
(Art. 3):

- **per item** (按件计收, Art. 4): counted over the same applicant's applications
  in one calendar month (一个自然月). Items 1-10 are free, 11-30 cost ¥100 each,
  and from item 31 the rate rises by ¥100 for every band of 10 items (31-40 ¥200,
  41-50 ¥300, …);
- **per page** (按量计收, Art. 5): counted per application. Pages 1-30 are free,
  31-100 cost ¥10 each, 101-200 ¥20 each, and every page over 200 ¥40.

Amounts are exact integer yuan. The per-item band above 30 follows the common
reading of "以10件为一档，每增加一档，收费标准提高100元/件" (the first band, 31-40,
at ¥200); no official worked example was found.

Legal basis:
    - fee-measures-2020:3 (two modes, never both), fee-measures-2020:4 (per item),
      fee-measures-2020:5 (per page); ogi-2019:42.

>>> from opengov.fees import fee_per_item, fee_per_page
>>> fee_per_item(1, earlier_this_month=10).amount
100
>>> fee_per_item(3, earlier_this_month=29).amount   # items 30, 31, 32
500
>>> fee_per_page(250).amount                        # 70*10 + 100*20 + 50*40
4700
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from pydantic import Field

from opengov import law
from opengov._dates import as_date
from opengov._lookup import CodeEnum
from opengov._model import FrozenModel
from opengov.citations import Citation, cite
from opengov.errors import InvalidEventError, InvalidInputError

__all__ = [
    "FEE_BY_RECEIPT_DAY",
    "FEE_PAYMENT_DAYS",
    "FeeBand",
    "FeeMode",
    "FeeQuote",
    "assess_fee",
    "fee_per_item",
    "fee_per_page",
    "item_rate",
    "page_rate",
    "require_fee_chargeable",
]

_BASIS_ITEM = (cite("fee-measures-2020:3"), cite("fee-measures-2020:4"))
_BASIS_PAGE = (cite("fee-measures-2020:3"), cite("fee-measures-2020:5"))

# The scales and the payment window are read from the statute book on the day the
# Measures took effect: they have had one value since (see ``docs/reference/statute-book.md``).
_MEASURES_IN_FORCE = law.parameter("in_force.fee-measures-2020").first
_ITEM_BANDS = law.parameter("fees.per_item_bands").bands_at(_MEASURES_IN_FORCE)
((_ITEM_STEP_WIDTH, _ITEM_STEP_YUAN),) = law.parameter("fees.per_item_step").bands_at(
    _MEASURES_IN_FORCE
)
_PAGE_BANDS = law.parameter("fees.per_page_bands").bands_at(_MEASURES_IN_FORCE)

#: Working days an applicant has to pay, counted from the day after receiving the
#: fee notice (国办函〔2020〕109号, as reported; the article number is unverified).
FEE_PAYMENT_DAYS = law.parameter("fees.payment_days").int_at(_MEASURES_IN_FORCE)

FEE_BY_RECEIPT_DAY = (
    "interpretation fee_by_receipt_day: whether an information processing fee may be "
    "charged is decided by the day the application was received: the Measures "
    "(国办函〔2020〕109号) govern applications received from their in-force day, and an "
    "earlier application is never charged, even if the notice would be sent later"
)
"""The reading behind :func:`require_fee_chargeable` (see ``docs/interpretations.md``)."""


def require_fee_chargeable(received_on: date) -> None:
    """Raise :class:`~opengov.errors.InvalidEventError` if no fee may be charged.

    信息处理费 exist only under 国办函〔2020〕109号 (statute book:
    ``fees.processing_fee``); an application received before the Measures took
    effect cannot be charged (:data:`FEE_BY_RECEIPT_DAY`). The in-force day is
    partly verified (a provincial finance department's notice, not the Measures'
    own article), and the message says so.

    >>> from datetime import date
    >>> require_fee_chargeable(date(2021, 3, 1))
    >>> require_fee_chargeable(date(2020, 6, 1))
    Traceback (most recent call last):
    ...
    opengov.errors.InvalidEventError: no information processing fee (信息处理费) may be charged for an application received on 2020-06-01: such fees exist only under 国办函〔2020〕109号, whose in-force day in opengov's statute book is 2021-01-01 (in-force date partly verified (a provincial finance department's notice, not the Measures' own article); the Measures are dated 2020-11-17 and were published 2020-12-01 (verified)); record the reply without a fee notice
    """
    day = as_date(received_on, "received_on")
    book = law.parameter("fees.processing_fee")
    if book.flag_at(day):
        return
    start = next(v for v in book.values if v.value is True)
    raise InvalidEventError(
        f"no information processing fee (信息处理费) may be charged for an application "
        f"received on {day.isoformat()}: such fees exist only under 国办函〔2020〕109号, "
        f"whose in-force day in opengov's statute book is {start.since.isoformat()} "
        f"({start.note}); record the reply without a fee notice"
    )


# Largest counts accepted: far beyond any real application, small enough that a
# typo (or an attack) cannot make the band arithmetic run for long.
_MAX_ITEMS = 100_000
_MAX_PAGES = 100_000_000


class FeeMode(CodeEnum):
    """How the fee is counted (Art. 3). Values are stable wire codes."""

    PER_ITEM = "per_item"
    PER_PAGE = "per_page"

    @property
    def label_zh(self) -> str:
        """The Measures' own term."""
        return "按件计收" if self is FeeMode.PER_ITEM else "按量计收"

    @property
    def label_en(self) -> str:
        """English description."""
        if self is FeeMode.PER_ITEM:
            return "per item, over the applicant's applications in a calendar month"
        return "per page, within one application"

    @property
    def basis(self) -> tuple[Citation, ...]:
        """Articles of 国办函〔2020〕109号 that set the scale."""
        return _BASIS_ITEM if self is FeeMode.PER_ITEM else _BASIS_PAGE


def _check_count(value: object, name: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInputError(f"{name} must be an int, got {type(value).__name__} ({value!r})")
    if not low <= value <= high:
        raise InvalidInputError(f"{name} must be between {low} and {high}, got {value}")
    return value


def item_rate(n: int) -> int:
    """The charge in yuan for the applicant's ``n``-th item in a calendar month.

    >>> [item_rate(n) for n in (10, 11, 30, 31, 40, 41, 51)]
    [0, 100, 100, 200, 200, 300, 400]
    """
    n = _check_count(n, "n", 1, _MAX_ITEMS)
    return _rate(_ITEM_BANDS, n, step=True)


def page_rate(n: int) -> int:
    """The charge in yuan for the ``n``-th page of one application.

    >>> [page_rate(n) for n in (30, 31, 100, 101, 200, 201)]
    [0, 10, 10, 20, 20, 40]
    """
    n = _check_count(n, "n", 1, _MAX_PAGES)
    return _rate(_PAGE_BANDS, n, step=False)


def _band_of(bands: tuple[tuple[int, int], ...], n: int, *, step: bool) -> tuple[int, int, int]:
    """The band holding ``n``: its first and last number (``last`` 0: open) and rate."""
    for (first, rate), (following, _) in pairwise(bands):
        if first <= n < following:
            return first, following - 1, rate
    first, rate = bands[-1]
    if not step:
        return first, 0, rate
    # above the last band the rate rises by a step every _ITEM_STEP_WIDTH numbers
    k = (n - first) // _ITEM_STEP_WIDTH
    start = first + k * _ITEM_STEP_WIDTH
    return start, start + _ITEM_STEP_WIDTH - 1, rate + k * _ITEM_STEP_YUAN


def _rate(bands: tuple[tuple[int, int], ...], n: int, *, step: bool) -> int:
    return _band_of(bands, n, step=step)[2]


class FeeBand(FrozenModel):
    """A run of consecutive items or pages charged at one rate (inclusive)."""

    first: int = Field(strict=True, ge=1)
    last: int = Field(strict=True, ge=1)
    rate: int = Field(strict=True, ge=0)

    @property
    def count(self) -> int:
        """How many items or pages the band holds."""
        return self.last - self.first + 1

    @property
    def amount(self) -> int:
        """The band's charge in yuan."""
        return self.count * self.rate


class FeeQuote(FrozenModel):
    """The fee for one application under one mode, with its band breakdown.

    ``first`` and ``last`` number the items (counted across the month) or pages
    (counted within the application) the quote covers.
    """

    mode: FeeMode
    first: int = Field(strict=True, ge=1)
    last: int = Field(strict=True, ge=0)
    bands: tuple[FeeBand, ...]
    amount: int = Field(strict=True, ge=0)

    @property
    def basis(self) -> tuple[Citation, ...]:
        """Where the scale is set."""
        return self.mode.basis

    def to_zh(self) -> str:
        """One line in Chinese, e.g. ``按件计收：第11—12件 100元/件，共200元``."""
        unit = "件" if self.mode is FeeMode.PER_ITEM else "页"
        parts = [f"第{b.first}—{b.last}{unit} {b.rate}元/{unit}" for b in self.bands]
        return f"{self.mode.label_zh}：{'；'.join(parts) or '无'}，共{self.amount}元"

    def to_en(self) -> str:
        """One line in English."""
        unit = "item" if self.mode is FeeMode.PER_ITEM else "page"
        parts = [f"{unit}s {b.first}-{b.last} at ¥{b.rate}" for b in self.bands]
        return f"{self.mode.value}: {'; '.join(parts) or 'nothing'}, total ¥{self.amount}"


def _bands(first: int, last: int, rate: object) -> tuple[FeeBand, ...]:
    scale, step = (_ITEM_BANDS, True) if rate == "item" else (_PAGE_BANDS, False)
    out: list[FeeBand] = []
    n = first
    while n <= last:
        _, band_last, r = _band_of(scale, n, step=step)
        # the last number charged at rate r (an open band runs to the end)
        end = last if band_last == 0 else min(band_last, last)
        out.append(FeeBand(first=n, last=end, rate=r))
        n = end + 1
    return tuple(out)


def _quote(mode: FeeMode, first: int, last: int) -> FeeQuote:
    bands = _bands(first, last, "item" if mode is FeeMode.PER_ITEM else "page")
    return FeeQuote(
        mode=mode, first=first, last=last, bands=bands, amount=sum(b.amount for b in bands)
    )


def fee_per_item(items: int = 1, *, earlier_this_month: int = 0) -> FeeQuote:
    """Fee for an application of ``items`` items (按件计收, Art. 4).

    ``earlier_this_month`` is how many items the same applicant already filed in
    the same calendar month; the scale is progressive over the month, so the
    same application costs more later in a busy month. An application with
    several matters may be split into items "by the smallest reasonable unit"
    (一事一申请); pass the number of items after splitting.

    >>> fee_per_item(12).to_en()
    'per_item: items 1-10 at ¥0; items 11-12 at ¥100, total ¥200'
    """
    items = _check_count(items, "items", 1, _MAX_ITEMS)
    earlier = _check_count(earlier_this_month, "earlier_this_month", 0, _MAX_ITEMS)
    return _quote(FeeMode.PER_ITEM, earlier + 1, earlier + items)


def fee_per_page(pages: int) -> FeeQuote:
    """Fee for one application providing ``pages`` pages (按量计收, Art. 5).

    >>> fee_per_page(30).amount, fee_per_page(31).amount, fee_per_page(0).amount
    (0, 10, 0)
    """
    pages = _check_count(pages, "pages", 0, _MAX_PAGES)
    return _quote(FeeMode.PER_PAGE, 1, pages)


def assess_fee(
    *, items: int | None = None, pages: int | None = None, earlier_this_month: int = 0
) -> FeeQuote:
    """The fee for one application under exactly one mode (Art. 3).

    Pass ``items`` (with ``earlier_this_month``) for 按件计收 or ``pages`` for
    按量计收; passing both is refused, because Art. 3 forbids charging one
    application under both scales.

    >>> assess_fee(items=1, pages=40)
    Traceback (most recent call last):
    ...
    opengov.errors.InvalidInputError: pass items or pages, not both: an application is charged under one scale only (国办函〔2020〕109号 Art. 3)
    """
    if items is not None and pages is not None:
        raise InvalidInputError(
            "pass items or pages, not both: an application is charged under one scale "
            "only (国办函〔2020〕109号 Art. 3)"
        )
    if items is not None:
        return fee_per_item(items, earlier_this_month=earlier_this_month)
    if pages is not None:
        if earlier_this_month:
            raise InvalidInputError(
                "earlier_this_month applies to the per-item scale only; per-page fees are "
                "counted within one application"
            )
        return fee_per_page(pages)
    raise InvalidInputError("pass items (按件计收) or pages (按量计收)")
