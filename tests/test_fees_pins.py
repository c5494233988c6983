"""Pins on the fee scales (国办函〔2020〕109号 Arts. 3-5): band edges, limits, renderings.

Per item (Art. 4, counted over the month): items 1-10 free, 11-30 ¥100, then ¥100
more per band of 10 (31-40 ¥200, 41-50 ¥300, …). Per page (Art. 5, within one
application): pages 1-30 free, 31-100 ¥10, 101-200 ¥20, over 200 ¥40.
"""

from __future__ import annotations

import pytest

from opengov.errors import InvalidInputError
from opengov.fees import (
    FeeBand,
    FeeMode,
    assess_fee,
    fee_per_item,
    fee_per_page,
    item_rate,
    page_rate,
)


def bands(q: object) -> list[tuple[int, int, int]]:
    return [(b.first, b.last, b.rate) for b in q.bands]  # type: ignore[attr-defined]


def test_item_bands_starting_on_a_band_edge() -> None:
    # 9 items earlier: this application's items are 10 (free) and 11 (¥100)
    q = fee_per_item(2, earlier_this_month=9)
    assert bands(q) == [(10, 10, 0), (11, 11, 100)]
    assert (q.first, q.last, q.amount) == (10, 11, 100)
    # 29 earlier: items 30 (¥100), 31..32 (¥200)
    assert bands(fee_per_item(3, earlier_this_month=29)) == [(30, 30, 100), (31, 32, 200)]
    # 39 earlier: item 40 (¥200), 41 (¥300)
    assert bands(fee_per_item(2, earlier_this_month=39)) == [(40, 40, 200), (41, 41, 300)]


def test_page_bands_at_every_edge() -> None:
    # 201 pages: 1-30 free, 31-100 at 10 (700), 101-200 at 20 (2000), page 201 at 40
    q = fee_per_page(201)
    assert bands(q) == [(1, 30, 0), (31, 100, 10), (101, 200, 20), (201, 201, 40)]
    assert q.amount == 700 + 2000 + 40
    assert (q.first, q.last) == (1, 201)
    assert bands(fee_per_page(100)) == [(1, 30, 0), (31, 100, 10)]
    assert bands(fee_per_page(30)) == [(1, 30, 0)]


def test_defaults_and_assess_fee_passes_everything_on() -> None:
    # one item by default, the first of the month: free
    assert bands(fee_per_item()) == [(1, 1, 0)]
    assert fee_per_item(earlier_this_month=10).amount == 100
    # 5 items after 40 earlier: items 41-45 at ¥300
    assert assess_fee(items=5, earlier_this_month=40).amount == 1500
    assert assess_fee(items=5, earlier_this_month=40).mode is FeeMode.PER_ITEM
    assert assess_fee(pages=31).amount == 10


def test_largest_counts_accepted() -> None:
    # item 100 000 lies in band (100000 - 31) // 10 = 9996 above 31-40: ¥200 + 9996 x 100
    assert item_rate(100_000) == 999_800
    assert page_rate(100_000_000) == 40
    with pytest.raises(InvalidInputError, match="n must be between 1 and 100000, got 100001"):
        item_rate(100_001)
    with pytest.raises(InvalidInputError, match="n must be between 1 and 100000000"):
        page_rate(100_000_001)
    assert fee_per_page(0).bands == ()


def test_errors_name_the_argument() -> None:
    with pytest.raises(InvalidInputError, match="items must be between 1 and 100000, got 0"):
        fee_per_item(0)
    with pytest.raises(InvalidInputError, match=r"items must be an int, got float \(1.5\)"):
        fee_per_item(1.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="earlier_this_month must be between 0 and"):
        fee_per_item(1, earlier_this_month=-1)
    with pytest.raises(InvalidInputError, match="pages must be an int, got bool"):
        fee_per_page(True)
    with pytest.raises(InvalidInputError, match="n must be an int, got str"):
        item_rate("3")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="n must be between 1 and"):
        page_rate(0)
    with pytest.raises(InvalidInputError, match=r"^pass items \(按件计收\) or pages \(按量计收\)$"):
        assess_fee()


def test_renderings() -> None:
    assert fee_per_page(31).to_zh() == "按量计收：第1—30页 0元/页；第31—31页 10元/页，共10元"
    assert fee_per_page(0).to_zh() == "按量计收：无，共0元"
    assert fee_per_page(31).to_en() == "per_page: pages 1-30 at ¥0; pages 31-31 at ¥10, total ¥10"
    assert fee_per_page(0).to_en() == "per_page: nothing, total ¥0"
    assert fee_per_item(12).to_en() == "per_item: items 1-10 at ¥0; items 11-12 at ¥100, total ¥200"


def test_band_count_and_amount() -> None:
    b = FeeBand(first=31, last=40, rate=200)
    assert (b.count, b.amount) == (10, 2000)
    assert fee_per_page(31).basis == FeeMode.PER_PAGE.basis
    assert [str(c) for c in FeeMode.PER_PAGE.basis] == [
        "fee-measures-2020:3",
        "fee-measures-2020:5",
    ]


def test_one_scale_only_messages_cite_the_rule() -> None:
    import re

    with pytest.raises(
        InvalidInputError,
        match=re.escape(
            "pass items or pages, not both: an application is charged under one scale "
            "only (国办函〔2020〕109号 Art. 3)"
        ),
    ):
        assess_fee(items=1, pages=40)
    with pytest.raises(
        InvalidInputError,
        match=r"^earlier_this_month applies to the per-item scale only; per-page fees are "
        r"counted within one application$",
    ):
        assess_fee(pages=40, earlier_this_month=2)
