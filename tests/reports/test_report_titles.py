"""The agency and year in a report's title, from real published titles.

Most titles are from the public crawl of the 平潭综合实验区 portal
(github.com/changwu/pingtan-gov-zwgk-archive, folder ``pingtan/zwgk``): the titles of
its 政府信息公开年报 and 部门文件 columns, and lines as they stand at the top of a
crawled page (breadcrumbs, and a reference to another document in the opening
sentence). The others are titles of reports published by other agencies. The
expected agency and year were read off each title by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from opengov.reports import parse_report_text
from opengov.reports._reader import find_year_agency

SEED = Path(__file__).parent.parent.parent / "examples" / "data" / "hunjiang-minzheng-2019.txt"
PINGTAN_CRUMBS = (
    "当前位置： 首页政务公开政府信息公开政府信息公开年报 平潭综合实验区2021年度政府信息"
    "公开工作年度报告 来源：平潭县人民政府 时间：2022-02-08 16:34 微信 微博 QQ空间"
)
JUNSHAN_CRUMBS = (
    "当前位置： 首页政务公开最新文件部门文件 平潭综合实验区君山片区管理局 2022年政府信息"
    "公开工作年度报告 时间：2023-01-09 10:07 微信 微博 QQ空间"
)
# The opening sentence of the 平潭综合实验区 2021 report: it names the provincial
# notice about the reports, not this report.
PINGTAN_2021_OPENING = (
    "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）、《福建省人民政府办公厅"
    "关于编制公布2021年政府信息公开工作年度报告有关事项的通知》等文件要求，我区编制完成"
    "了本报告。"
)

TITLES = [
    # 平潭 crawl, 政府信息公开年报 (zwgk/zfxxgk/zfxxgknb)
    ("平潭综合实验区2021年度政府信息公开工作年度报告", 2021, "平潭综合实验区"),
    ("平潭综合实验区2018年度政府信息公开工作年度报告", 2018, "平潭综合实验区"),
    ("平潭综合实验区管委会2014年度政府信息公开工作年度报告", 2014, "平潭综合实验区管委会"),
    ("平潭综合实验区地方税务局2013年信息公开年度报告", 2013, "平潭综合实验区地方税务局"),
    ("平潭县人民政府2011年政府信息公开工作年度报告", 2011, "平潭县人民政府"),
    ("关于2014年政府信息公开工作要点落实情况的函", None, None),  # a letter, not a report
    # 平潭 crawl, 部门文件 (zwgk/zxwj/bmwj): a space before the year
    (
        "平潭综合实验区君山片区管理局 2022年政府信息公开工作年度报告",
        2022,
        "平潭综合实验区君山片区管理局",
    ),
    # 平潭 crawl: lines at the top of the pages above
    (PINGTAN_CRUMBS, 2021, "平潭综合实验区"),
    (JUNSHAN_CRUMBS, 2022, "平潭综合实验区君山片区管理局"),
    (PINGTAN_2021_OPENING, None, None),
    # 平潭 crawl: folder names (a page id, then the title)
    ("80613_平潭综合实验区2021年度政府信息公开工作年度报告", 2021, "平潭综合实验区"),
    # other agencies
    ("宿州市人民政府2019年政府信息公开工作年度报告（图片版）", 2019, "宿州市人民政府"),
    (
        "上海市黄浦区人民政府2022年政府信息公开工作年度报告（超链版）",
        2022,
        "上海市黄浦区人民政府",
    ),
    ("2019年上海市人民政府办公厅政府信息公开工作年度报告", 2019, "上海市人民政府办公厅"),
    ("淮安市洪泽区人民政府 2025 年政府信息公开工作年度报告", 2025, "淮安市洪泽区人民政府"),
    ("宿迁市 2025 年政府信息公开工作年度报告", 2025, "宿迁市"),
    (
        "根据《中华人民共和国政府信息公开条例》规定，现公布淮安市洪泽区人民政府 2025 年政府"
        "信息公开工作年度报告。",
        2025,
        "淮安市洪泽区人民政府",
    ),
    (
        "大庆市住房公积金管理中心2025年政府信息公开工作年度报告",
        2025,
        "大庆市住房公积金管理中心",
    ),
    (
        "南京徐庄高新技术产业开发区管理委员会_南京徐庄高新技术产业开发区管理委员会2024年"
        "政府信息公开工作年度报告",
        2024,
        "南京徐庄高新技术产业开发区管理委员会",
    ),
    # the opening sentence of the 浑江区民政局 2019 report (examples/data)
    (
        "根据《中华人民共和国政府信息公开条例》有关规定,特向社会公布2019年度浑江区民政局"
        "信息公开年度报告。",
        2019,
        "浑江区民政局",
    ),
    # a title without an agency (the user's report): the year, and no agency
    ("2021年度政府信息公开工作报告", 2021, None),
    # an agency with digits in its name (海口市12345政务服务便民热线中心): before, the
    # agency was cut at the digits, and one ending in digits and a character gave 政府
    (
        "海口市12345政务服务便民热线中心2021年政府信息公开工作年度报告",
        2021,
        "海口市12345政务服务便民热线中心",
    ),
    ("某市第100局2021年政府信息公开工作年度报告", 2021, "某市第100局"),
]


@pytest.mark.parametrize(("title", "year", "agency"), TITLES, ids=[t[0][:24] for t in TITLES])
def test_year_and_agency_of_real_titles(title: str, year: int | None, agency: str | None) -> None:
    assert find_year_agency([title]) == (year, agency)


def test_a_later_title_of_the_same_year_gives_the_agency() -> None:
    assert find_year_agency(
        ["2021年度政府信息公开工作报告", "平潭综合实验区财政金融局2021年政府信息公开工作年度报告"]
    ) == (2021, "平潭综合实验区财政金融局")
    # a title of another year does not
    assert find_year_agency(
        ["2021年度政府信息公开工作报告", "某局2020年政府信息公开工作年度报告"]
    ) == (2021, None)


def test_the_first_title_wins_over_a_quoted_one() -> None:
    texts = [PINGTAN_2021_OPENING, PINGTAN_CRUMBS]
    assert find_year_agency(texts) == (2021, "平潭综合实验区")


@pytest.mark.parametrize(
    "text",
    [
        "局" * 200_000 + "2021年政府信息公开工作年度报告",
        "2021年政府信息公开工作年度报告" * 20_000,
        "《" * 100_000 + "2021年政府信息公开报告" * 10_000,
    ],
    ids=["long-name", "many-titles", "deep-quotes"],
)
def test_hostile_titles_give_no_name(text: str) -> None:
    year, agency = find_year_agency([text])
    assert agency is None
    assert year in (None, 2021)


def test_a_dump_whose_first_line_is_the_breadcrumbs_names_the_agency() -> None:
    body = SEED.read_text(encoding="utf-8").split("\n", 1)[1]  # the seed less its title
    r = parse_report_text(PINGTAN_CRUMBS + "\n" + body)
    assert (r.agency, r.year) == ("平潭综合实验区", 2021)
