from __future__ import annotations

import re

import pytest

from opengov.categories import DisclosureMode, GovernmentLevel, LocalProactiveItem, ProactiveItem
from opengov.errors import UnknownCodeError


def _article(reference: str, number: str) -> str:
    """Art. ``number`` of the 2019 Regulation as quoted in the reference, one string.

    The reference's mirror prints brackets half-width; the Regulation prints them
    full-width, as opengov's labels do.
    """
    m = re.search(rf"> 第{number}条 (.*?)(?=\n> 第|\n\n[^>])", reference, flags=re.S)
    assert m is not None, number
    text = m.group(1).replace("\n>", "").replace(" ", "")
    return text.replace("(", "（").replace(")", "）")


def test_art_20_items_match_the_statute_character_for_character(legal_reference: str) -> None:
    text = _article(legal_reference, "二十")
    items = re.findall(r"（([一二三四五六七八九十]+)）(.*?)[；。]", text)
    assert len(items) == 15
    assert [label for _, label in items] == [i.label_zh for i in ProactiveItem]


def test_art_20_item_numbers_and_citations() -> None:
    for n, item in enumerate(ProactiveItem, start=1):
        assert item.item_no == n
        assert ProactiveItem.by_number(n) is item
        assert [str(c) for c in item.basis] == [f"ogi-2019:20({n})"]
    assert ProactiveItem.OTHER_REQUIRED_BY_LAW.basis[0].to_zh().endswith("第二十条第（十五）项")


@pytest.mark.parametrize("bad", [0, 16, -1, True, "1", None])
def test_unknown_item_numbers_are_refused(bad: object) -> None:
    with pytest.raises(
        UnknownCodeError, match=r"Art\. 20 (has items|item number is an int from) 1 to 15"
    ):
        ProactiveItem.by_number(bad)  # type: ignore[arg-type]


def test_art_21_lists_match_the_statute(legal_reference: str) -> None:
    text = _article(legal_reference, "二十一")
    for level in GovernmentLevel:
        lead = re.escape(level.label_zh) + "还应当根据本地方的具体情况，主动公开(?:涉及)?"
        m = re.search(lead + "(.*?)等方面的政府信息", text)
        assert m is not None, level
        assert m.group(1).split("、") == [item.label_zh for item in level.items]


def test_items_named_at_both_levels_are_one_member() -> None:
    both = {i for i in LocalProactiveItem if len(i.levels) == 2}
    assert both == {
        LocalProactiveItem.LAND_EXPROPRIATION,
        LocalProactiveItem.HOUSING_EXPROPRIATION,
        LocalProactiveItem.SOCIAL_ASSISTANCE,
    }
    assert LocalProactiveItem.MUNICIPAL_CONSTRUCTION.binds(GovernmentLevel.CITY_COUNTY)
    assert not LocalProactiveItem.MUNICIPAL_CONSTRUCTION.binds(GovernmentLevel.TOWNSHIP)
    assert LocalProactiveItem.FUNDS_AND_LABOUR.levels == {GovernmentLevel.TOWNSHIP}
    assert all(i.levels for i in LocalProactiveItem)
    assert len(GovernmentLevel.CITY_COUNTY.items) == 7
    assert len(GovernmentLevel.TOWNSHIP.items) == 8


def test_disclosure_modes_cite_their_articles() -> None:
    assert "ogi-2019:19" in [str(c) for c in DisclosureMode.PROACTIVE.basis]
    assert "ogi-2019:27" in [str(c) for c in DisclosureMode.ON_REQUEST.basis]
    articles = {c.article for c in DisclosureMode.NOT_DISCLOSED.basis}
    assert {14, 15, 16} <= articles
    assert DisclosureMode.NOT_DISCLOSED.note


def test_mode_labels_are_the_statutes_terms(legal_reference: str) -> None:
    art_13 = _article(legal_reference, "十三")
    assert DisclosureMode.PROACTIVE.label_zh in art_13
    assert DisclosureMode.ON_REQUEST.label_zh in art_13
    assert DisclosureMode.NOT_DISCLOSED.label_zh in _article(legal_reference, "十四")
