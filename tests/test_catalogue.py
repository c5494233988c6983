"""Catalogue records: real metadata blocks (tests/data/catalogue, see its README)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opengov import (
    CatalogueParseError,
    CatalogueRecord,
    DocumentKind,
    MissingExtraError,
    UsccCheck,
    parse_catalogue_record,
)
from opengov.catalogue import MAX_CATALOGUE_CHARS

DATA = Path(__file__).parent / "data" / "catalogue"
TITLE_2018 = (
    "国务院关于在海南博鳌乐城国际医疗旅游先行区暂时调整实施"
    "《中华人民共和国药品管理法实施条例》有关规定的决定"
)


def read(name: str) -> CatalogueRecord:
    return parse_catalogue_record((DATA / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["govcn-2018-00222.html", "govcn-2018-00222-tabs.txt"])
def test_govcn_block_as_html_and_as_tab_separated_copy(name: str) -> None:
    r = read(name)
    assert r.index_no == "000014349/2018-00222"
    assert r.topic_category == "卫生、体育\\医药管理"
    assert r.publisher == "国务院"
    assert r.formed_on == date(2018, 12, 21)
    assert r.title == TITLE_2018
    assert r.doc_number == "国发〔2018〕43号"
    assert r.published_on == date(2018, 12, 29)
    assert r.uscc_check is UsccCheck.NO_USCC


def test_govcn_old_document_published_in_2018() -> None:
    r = read("govcn-2004-00209.html")
    assert (r.index_no, r.publisher, r.doc_number) == (
        "000014349/2004-00209",
        "国务院办公厅",
        "国办函〔2004〕57号",
    )
    assert (r.formed_on, r.published_on) == (date(2004, 8, 12), date(2018, 12, 24))


def test_county_block_one_field_a_bullet_with_empty_fields() -> None:
    r = read("zhenba-2024-001005.txt")
    assert r.index_no == "6107280000/2024-001005"
    assert r.topic_category == ""
    assert r.publisher == "县政府网站"
    assert r.doc_number == "镇政发〔2024〕7号"
    assert r.formed_on == date(2024, 4, 6)  # 发文日期
    assert r.published_on == date(2024, 4, 6)
    assert r.validity == ""
    assert r.summary == "镇巴县人民政府工作规则"  # the last field: its first line only


def test_half_width_colons_on_one_line() -> None:
    r = read("jinhua-kjdn.txt")
    assert (r.publisher, r.doc_number, r.validity) == (
        "科技部门户网站",
        "国科发专〔2017〕145号",
        "有效",
    )
    assert (r.published_on, r.formed_on) == (date(2018, 3, 5), None)


def test_pipe_separated_and_label_variants() -> None:
    r = parse_catalogue_record(
        "索引号|000014349/2018-00222|组配分类|规范性文件|发布机构|国务院|"
        "生成日期|2018-12-21|发布文号|国发〔2018〕43号|信息名称|某通知|摘要|某摘要"
    )
    assert r.index_no == "000014349/2018-00222"
    assert r.grouping_category == "规范性文件"
    assert r.document_kind is DocumentKind.NORMATIVE_DOCUMENT
    assert (r.publisher, r.formed_on, r.doc_number) == (
        "国务院",
        date(2018, 12, 21),
        "国发〔2018〕43号",
    )
    assert (r.title, r.summary) == ("某通知", "某摘要")


def test_a_second_value_for_a_field_is_kept_in_extra() -> None:
    r = parse_catalogue_record("成文日期：2018年12月21日\n生成日期：2018年12月22日\n来源：某网")
    assert r.formed_on == date(2018, 12, 21)
    assert r.extra == (("生成日期", "2018年12月22日"), ("来源", "某网"))


YULIN = "11610800MB2964997P/2024-00022"  # 榆林市 document, see the README


def test_uscc_in_index_number_is_checked() -> None:
    r = parse_catalogue_record(f"索引号：{YULIN}\n发布机构：榆林市医疗保障局")
    assert (r.uscc, r.uscc_check) == ("11610800MB2964997P", UsccCheck.VALID)


def test_wrong_uscc_check_character_names_the_field() -> None:
    with pytest.raises(CatalogueParseError, match=r"index_no \(索引号\): 11610800MB2964997X"):
        parse_catalogue_record("索引号：11610800MB2964997X/2024-00022")


def test_without_stdnum_the_check_is_flagged_not_passed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "stdnum.cn.uscc", None)
    r = parse_catalogue_record(f"索引号：{YULIN}")
    assert r.uscc_check is UsccCheck.NOT_PERFORMED
    with pytest.raises(MissingExtraError, match=r"opengov-cn\[catalogue\]"):
        parse_catalogue_record(f"索引号：{YULIN}", require_uscc_check=True)


def test_impossible_date_names_the_field() -> None:
    with pytest.raises(CatalogueParseError, match=r"formed_on \(成文日期\): .* not a day"):
        parse_catalogue_record("索引号：1\n成文日期：2024年2月30日")


def test_no_label() -> None:
    with pytest.raises(CatalogueParseError, match=r"no catalogue label found"):
        parse_catalogue_record("一段正文，没有任何标签。")


def test_size_cap() -> None:
    with pytest.raises(CatalogueParseError, match=r"text: .* over the limit"):
        parse_catalogue_record("索引号：1" + "x" * MAX_CATALOGUE_CHARS)


def test_not_text() -> None:
    with pytest.raises(CatalogueParseError, match=r"text must be a str"):
        parse_catalogue_record(b"\xe7\xb4\xa2")  # type: ignore[arg-type]


def test_hostile_repetition_is_read_or_refused() -> None:
    # Many labels, nested-looking markup and long whitespace runs: read in one pass.
    text = ("索 引 号：" + " " * 1000 + "<b>") * 2000
    r = parse_catalogue_record(text[:MAX_CATALOGUE_CHARS])
    assert r.index_no == ""
    with pytest.raises(CatalogueParseError, match=r"summary \(摘要\)"):
        parse_catalogue_record("摘要：" + "长" * 3000 + "\n发布机构：x")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_junk_raises_only_catalogue_errors(text: str) -> None:
    try:
        r = parse_catalogue_record(text)
    except CatalogueParseError:
        return
    assert isinstance(r, CatalogueRecord)
