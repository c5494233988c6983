"""The charts of the real corpus: titles, labels and bar heights, never pixels.

Heights are worked out by hand from the entries' ``expected.json`` (the 平潭综合实验区
reports of 2019, 2023, 2024 and 2025; see the corpus README).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pandas")
matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import opengov.reports.plots as plots  # noqa: E402
from opengov.errors import InvalidInputError  # noqa: E402
from opengov.reports import to_frame  # noqa: E402
from opengov.reports.plots import (  # noqa: E402
    CJKFontWarning,
    plot_applicants,
    plot_outcomes,
    plot_refusal_grounds,
    plot_review,
)

CORPUS = Path(__file__).parent.parent / "data" / "reports" / "corpus"
ZONE = "平潭综合实验区"
ALIASES = {"平潭综合实验区管委会": ZONE}


@pytest.fixture(scope="module")
def frame() -> Any:
    return to_frame(str(CORPUS))


def _bars(fig: Any) -> list[list[int]]:
    return [[round(p.get_height()) for p in c] for c in fig.axes[0].containers]


def _widths(fig: Any) -> list[list[int]]:
    return [[round(p.get_width()) for p in c] for c in fig.axes[0].containers]


def _legend(fig: Any) -> list[str]:
    legend = fig.axes[0].get_legend()
    assert legend is not None
    return [t.get_text() for t in legend.get_texts()]


def _xticks(fig: Any) -> list[str]:
    return [t.get_text() for t in fig.axes[0].get_xticklabels()]


def test_outcome_mix_by_year(frame: Any) -> None:
    fig = plot_outcomes(frame, agency=ZONE, aliases=ALIASES)
    ax = fig.axes[0]
    assert ax.get_title() == "申请办理结果（按年度） — 平潭综合实验区"
    years = _xticks(fig)
    bars = dict(zip(_legend(fig), _bars(fig), strict=True))
    disclosed = dict(zip(years, bars["（一）予以公开"], strict=True))
    partial = dict(zip(years, bars["（二）部分公开"], strict=True))
    assert [disclosed[y] for y in ("2019", "2023", "2024", "2025")] == [7, 22, 71, 33]
    assert [partial[y] for y in ("2019", "2023", "2024", "2025")] == [1, 20, 29, 38]
    assert list(bars)[-1] == "（六）其他处理"  # official order, （一） to （六）
    # the years of 2008-2018 reports are marked, and the mark explained
    assert years[:3] == ["2011†", "2013†", "2014†"]
    # the 2018 report states only that no application came (legacy README): no result
    # lines, so no bar
    assert not [y for y in years if y.startswith("2018")]
    assert ax.get_xlabel().startswith("† 2008-2018年报告")


def test_refusal_grounds(frame: Any) -> None:
    fig = plot_refusal_grounds(frame, agency=ZONE, aliases=ALIASES)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()][::-1]
    assert labels[0] == "1.属于国家秘密"
    assert labels[-1] == "8.属于行政查询事项"
    # 1-8 over 2019 + 2023 + 2024 + 2025: 4, 0, 0, 1+3, 32+3, 1+2, 1+3, 2+3
    assert _widths(fig)[0][::-1] == [4, 0, 0, 4, 35, 3, 4, 5]


def test_applicant_types(frame: Any) -> None:
    fig = plot_applicants(frame, agency=ZONE, aliases=ALIASES)
    assert _xticks(fig) == ["2019", "2023", "2024", "2025"]  # legacy years have no types
    bars = _bars(fig)
    assert bars[0] == [23, 80, 217, 151]  # 自然人
    assert bars[1] == [0, 1, 1, 3]  # 商业企业
    assert _legend(fig)[0] == "自然人"


def test_review_and_litigation(frame: Any) -> None:
    fig = plot_review(frame, agency=ZONE, aliases=ALIASES)
    assert _xticks(fig) == ["行政复议", "未经复议直接起诉", "复议后起诉"]
    # summed over 2019, 2023, 2024, 2025 (2019 all 0)
    assert _bars(fig) == [
        [1 + 2 + 25, 4 + 0 + 3, 1 + 13 + 3],  # 结果维持
        [1 + 1 + 3, 0 + 0 + 3, 0 + 2 + 0],  # 结果纠正
        [0 + 3 + 8, 0, 1 + 4 + 0],  # 其他结果
        [0 + 1 + 0, 1 + 0 + 0, 0],  # 尚未审结
    ]


def test_each_report_counts_once_and_agencies_sum(frame: Any) -> None:
    # the corpus holds most reports twice (page and text): a sum counts each once
    fig = plot_applicants(frame)
    assert fig.axes[0].get_title().endswith("个机关合计")
    natural = dict(zip(_xticks(fig), _bars(fig)[0], strict=True))
    # 2024: zone 217, 自然资源与生态环境局 69, 社会事业局 2, 市场监督管理局 4
    assert natural["2024"] == 217 + 69 + 2 + 4


def test_english_labels(frame: Any) -> None:
    fig = plot_review(frame, agency=ZONE, aliases=ALIASES, lang="en")
    assert fig.axes[0].get_title() == (
        "Administrative review and litigation results — 平潭综合实验区"
    )
    assert _xticks(fig)[0] == "Administrative review"


def test_without_a_cjk_font_english_with_a_warning(
    frame: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plots, "cjk_font", lambda: None)
    with pytest.warns(CJKFontWarning, match="no font for Chinese labels"):
        fig = plot_outcomes(frame)
    assert fig.axes[0].get_title().startswith("Outcomes of applications, by year")


def test_a_font_is_found_here() -> None:
    # fonts-noto-cjk is installed on the development machines
    font = plots.cjk_font()
    assert font is not None
    assert "CJK" in font or font in plots.CJK_FONTS


def test_bad_arguments(frame: Any) -> None:
    with pytest.raises(InvalidInputError, match="lang must be"):
        plot_outcomes(frame, lang="fr")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="no report of '某局'"):
        plot_outcomes(frame, agency="某局")


def test_draws_into_given_axes(frame: Any) -> None:
    from matplotlib.figure import Figure

    fig = Figure()
    ax1, ax2 = fig.subplots(1, 2)
    assert plot_outcomes(frame, ax=ax1) is fig
    assert plot_review(frame, ax=ax2) is fig
    assert len(fig.axes) == 2
