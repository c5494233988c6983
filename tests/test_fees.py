from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opengov.errors import InvalidInputError, OpenGovError
from opengov.fees import (
    FeeMode,
    assess_fee,
    fee_per_item,
    fee_per_page,
    item_rate,
    page_rate,
)

items = st.integers(min_value=1, max_value=300)
pages = st.integers(min_value=0, max_value=2000)


# Band boundaries, straight from 国办函〔2020〕109号 Arts. 4 and 5.
@pytest.mark.parametrize(
    ("n", "rate"),
    [(1, 0), (10, 0), (11, 100), (30, 100), (31, 200), (40, 200), (41, 300), (50, 300), (51, 400)],
)
def test_item_rate_bands(n: int, rate: int) -> None:
    assert item_rate(n) == rate


@pytest.mark.parametrize(
    ("n", "rate"), [(1, 0), (30, 0), (31, 10), (100, 10), (101, 20), (200, 20), (201, 40)]
)
def test_page_rate_bands(n: int, rate: int) -> None:
    assert page_rate(n) == rate


def test_worked_examples() -> None:
    # 25 items in a month: 10 free + 15 x 100
    assert fee_per_item(25).amount == 1500
    # 45 items: 20 x 100 + 10 x 200 + 5 x 300
    assert fee_per_item(45).amount == 2000 + 2000 + 1500
    # the same 5-item application costs more late in a busy month
    assert fee_per_item(5, earlier_this_month=0).amount == 0
    assert fee_per_item(5, earlier_this_month=40).amount == 5 * 300
    # 150 pages: 70 x 10 + 50 x 20
    assert fee_per_page(150).amount == 700 + 1000
    assert fee_per_page(0).bands == ()


@given(items, items)
def test_per_item_is_additive_over_the_month(a: int, b: int) -> None:
    """Splitting a month's items into two applications changes nothing in total."""
    whole = fee_per_item(a + b).amount
    assert fee_per_item(a).amount + fee_per_item(b, earlier_this_month=a).amount == whole


@given(items)
def test_per_item_marginal_rate_is_the_next_items_rate(n: int) -> None:
    assert fee_per_item(n + 1).amount - fee_per_item(n).amount == item_rate(n + 1)


@given(pages)
def test_per_page_marginal_rate(n: int) -> None:
    assert fee_per_page(n + 1).amount - fee_per_page(n).amount == page_rate(n + 1)


@given(st.integers(1, 5000), st.integers(1, 5000))
def test_rates_never_fall(a: int, b: int) -> None:
    lo, hi = sorted((a, b))
    assert item_rate(lo) <= item_rate(hi)
    assert page_rate(lo) <= page_rate(hi)


@given(pages, pages)
def test_monotone(a: int, b: int) -> None:
    lo, hi = sorted((a, b))
    assert fee_per_page(lo).amount <= fee_per_page(hi).amount
    assert fee_per_item(max(lo, 1)).amount <= fee_per_item(max(hi, 1)).amount


@given(items, st.integers(0, 200))
def test_bands_partition_the_quote(n: int, earlier: int) -> None:
    q = fee_per_item(n, earlier_this_month=earlier)
    assert sum(b.count for b in q.bands) == n
    assert sum(b.amount for b in q.bands) == q.amount
    assert [b.rate for b in q.bands] == sorted({b.rate for b in q.bands})
    assert q.bands[0].first == earlier + 1
    assert q.bands[-1].last == earlier + n


def test_never_both_modes() -> None:
    with pytest.raises(InvalidInputError, match="not both"):
        assess_fee(items=3, pages=50)
    with pytest.raises(InvalidInputError, match=r"pass items \(按件计收\) or pages \(按量计收\)"):
        assess_fee()
    with pytest.raises(InvalidInputError, match="per-item"):
        assess_fee(pages=50, earlier_this_month=3)
    assert assess_fee(pages=50).mode is FeeMode.PER_PAGE
    assert assess_fee(items=11).amount == 100


@pytest.mark.parametrize("bad", [0, -1, True, 1.5, "3", None, 10**9])
def test_bad_counts_raise(bad: object) -> None:
    with pytest.raises(OpenGovError, match=r"^items must be (an int|between 1 and 100000)"):
        fee_per_item(bad)  # type: ignore[arg-type]


def test_renderings_and_basis() -> None:
    q = fee_per_item(2, earlier_this_month=29)
    assert q.to_zh() == "按件计收：第30—30件 100元/件；第31—31件 200元/件，共300元"
    assert [str(c) for c in q.basis] == ["fee-measures-2020:3", "fee-measures-2020:4"]
    assert FeeMode.PER_PAGE.label_zh == "按量计收"
    assert q.model_validate_json(q.model_dump_json()) == q
