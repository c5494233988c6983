from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from opengov.citations import Citation, Instrument, to_chinese_numeral
from opengov.errors import CitationError

citations = st.builds(
    lambda inst, art, para, item: Citation(
        instrument=inst,
        article=art,
        paragraph=para if art is not None else None,
        item=item if art is not None else None,
    ),
    st.sampled_from(list(Instrument)),
    st.one_of(st.none(), st.integers(1, 1260)),
    st.one_of(st.none(), st.integers(1, 9)),
    st.one_of(st.none(), st.integers(1, 20)),
)


@given(citations)
def test_canonical_string_round_trips(c: Citation) -> None:
    assert Citation.parse(str(c)) == c


@given(citations)
def test_json_round_trips(c: Citation) -> None:
    assert Citation.model_validate_json(c.model_dump_json()) == c


@pytest.mark.parametrize(
    ("text", "zh"),
    [
        ("ogi-2019:33.2", "《中华人民共和国政府信息公开条例》第三十三条第二款"),
        ("ogi-2019:36(7)", "《中华人民共和国政府信息公开条例》第三十六条第（七）项"),
        ("ogi-2019:20(15)", "《中华人民共和国政府信息公开条例》第二十条第（十五）项"),
        ("civil-code:201.1", "《中华人民共和国民法典》第二百零一条第一款"),
        ("report-format-2021", "《中华人民共和国政府信息公开工作年度报告格式》"),
    ],
)
def test_chinese_rendering(text: str, zh: str) -> None:
    assert Citation.parse(text).to_zh() == zh


def test_english_rendering_with_item() -> None:
    c = Citation.parse("ogi-2019:36(4)")
    assert c.to_en() == "Regulations on Open Government Information (2019) art. 36 item (4)"


@pytest.mark.parametrize(
    ("n", "zh"),
    [
        (1, "一"),
        (10, "十"),
        (11, "十一"),
        (100, "一百"),
        (105, "一百零五"),
        (110, "一百一十"),
        (1001, "一千零一"),
        (1010, "一千零一十"),
        (1100, "一千一百"),
        (9999, "九千九百九十九"),
    ],
)
def test_chinese_numerals(n: int, zh: str) -> None:
    assert to_chinese_numeral(n) == zh


@pytest.mark.parametrize("bad", [0, -1, 10000, True, 1.5, "3"])
def test_chinese_numeral_rejects_bad_input(bad: object) -> None:
    with pytest.raises(CitationError, match="as a Chinese numeral: give an int from 1 to 9999"):
        to_chinese_numeral(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "bad", ["", "ogi-2019:", "ogi-2019:0", "ogi-2019:3.", "nope:1", "ogi-2019:36(x)", "OGI-2019:1"]
)
def test_parse_rejects_bad_strings(bad: str) -> None:
    with pytest.raises(CitationError, match=r"cannot parse citation|unknown instrument") as info:
        Citation.parse(bad)
    assert "ogi-2019" in str(info.value) or "instrument" in str(info.value)


def test_parse_rejects_non_strings() -> None:
    with pytest.raises(CitationError, match="a citation string is needed, got int"):
        Citation.parse(33)  # type: ignore[arg-type]


def test_paragraph_needs_article() -> None:
    with pytest.raises(ValidationError, match="a paragraph or item needs an article"):
        Citation(instrument=Instrument.OGI_2019, paragraph=2)


def test_bool_is_not_an_article_number() -> None:
    with pytest.raises(ValidationError, match="Input should be a valid integer"):
        Citation(instrument=Instrument.OGI_2019, article=True)


def test_citations_are_frozen_and_hashable() -> None:
    c = Citation.parse("ogi-2019:30")
    with pytest.raises(ValidationError, match="Instance is frozen"):
        c.article = 31  # type: ignore[misc]
    assert {c, Citation.parse("ogi-2019:30")} == {c}
