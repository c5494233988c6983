"""Charts of annual reports (年度报告图表, matplotlib, ``analysis`` extra).

Four standard charts of a corpus, each from a :func:`~opengov.reports.to_frame`
frame (or anything ``to_frame`` takes), for one agency or all of them summed:

- :func:`plot_outcomes`: the outcome mix by year (table 三, 总计 column, the result
  groups （一）-（六）, stacked; years from 2008-2018 reports marked †);
- :func:`plot_refusal_grounds`: the grounds of 不予公开 (（三）1-8);
- :func:`plot_applicants`: new applications by applicant type, by year;
- :func:`plot_review`: administrative review and litigation results (table 四).

Each report counts once: of several readings of one agency-year (a page and its
text) the one with the most cells read is used
(:func:`~opengov.reports.corpus.one_reading`). 2008-2018 reports appear through
their converted rows (:func:`~opengov.reports.to_frame`).

Labels are Chinese when a CJK font is installed (found with matplotlib's
``font_manager``: Noto Sans CJK, Source Han Sans, WenQuanYi, SimHei, Microsoft
YaHei, PingFang), else English with a :class:`CJKFontWarning`; ``lang="en"`` asks
for English. matplotlib is imported when a chart is drawn; the charts are
``matplotlib.figure.Figure`` objects made without pyplot (no global state): save
one with ``fig.savefig(path)``, or show it in Jupyter as it is.

Legal basis:
    - report-format-2019, report-format-2021 (the rows, groups and columns drawn).

>>> fig = plot_review("tests/data/reports/corpus", lang="en")
>>> fig.axes[0].get_title()
'Administrative review and litigation results — 7 agencies summed'
>>> [t.get_text() for t in fig.axes[0].get_xticklabels()]
['Administrative review', 'Litigation without prior review', 'Litigation after review']
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from opengov._extras import require
from opengov.errors import InvalidInputError, OpenGovWarning
from opengov.outcomes import OutcomeGroup, OutcomeRow
from opengov.reports.corpus import agency_key, one_reading
from opengov.reports.model import ApplicantColumn, ReviewKind, ReviewResult

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "CJK_FONTS",
    "CJKFontWarning",
    "cjk_font",
    "plot_applicants",
    "plot_outcomes",
    "plot_refusal_grounds",
    "plot_review",
]

#: Font families tried for Chinese labels, in order; then any family named "CJK".
CJK_FONTS: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
    "Heiti SC",
    "Noto Serif CJK SC",
    "Droid Sans Fallback",
    "AR PL UMing CN",
)

Lang = Literal["auto", "zh", "en"]


class CJKFontWarning(OpenGovWarning):
    """No font for Chinese labels was found: a chart is drawn with English labels."""


@cache
def cjk_font() -> str | None:
    """The family of an installed font that draws Chinese, or ``None``."""
    fm = require("matplotlib.font_manager", "analysis", "the charts")
    names = {f.name for f in fm.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in names:
            return name
    return next((n for n in sorted(names) if "CJK" in n), None)


def _lang(lang: object) -> tuple[bool, list[str] | None]:
    """(Chinese labels?, the font families to draw them with)."""
    if lang not in ("auto", "zh", "en"):
        raise InvalidInputError(f"lang must be 'auto', 'zh' or 'en', got {lang!r}")
    font = cjk_font()
    if lang == "en":
        # English labels; an agency's name is still drawn with the CJK font
        return False, None if font is None else ["DejaVu Sans", font]
    if font is None:
        warnings.warn(
            "no font for Chinese labels was found (install fonts-noto-cjk or another "
            "CJK font); the chart is labelled in English",
            CJKFontWarning,
            stacklevel=3,
        )
        return False, None
    return True, [font, "DejaVu Sans"]


_TITLES = {
    "outcomes": ("申请办理结果（按年度）", "Outcomes of applications, by year"),
    "grounds": ("不予公开的理由", "Grounds for withholding"),
    "applicants": ("本年新收申请（按申请人类型）", "New applications, by applicant type"),
    "review": ("行政复议、行政诉讼结果", "Administrative review and litigation results"),
}


class _Chart:
    """A figure, its axes and the language of its labels."""

    def __init__(self, lang: object, ax: Axes | None) -> None:
        self.zh, font = _lang(lang)
        if ax is None:
            figure_mod = require("matplotlib.figure", "analysis", "the charts")
            self.fig: Figure = figure_mod.Figure(figsize=(8, 4.5), layout="constrained")
            self.ax: Axes = self.fig.add_subplot()
        else:
            self.ax = ax
            self.fig = ax.figure  # type: ignore[assignment]
        self.font = font

    def text(self, zh: str, en: str) -> str:
        return zh if self.zh else en

    def finish(self, key: str, scope: str, ylabel: tuple[str, str]) -> Figure:
        zh, en = _TITLES[key]
        title = f"{self.text(zh, en)} — {scope}"
        self.ax.set_title(title)
        self.ax.set_ylabel(self.text(*ylabel))
        if self.font:
            text_mod = require("matplotlib.text", "analysis", "the charts")
            for t in self.ax.findobj(text_mod.Text):
                t.set_fontfamily(self.font)
        return self.fig


def _frame(data: Any, agency: str | None, aliases: Mapping[str, str] | None) -> pd.DataFrame:
    pd = require("pandas", "analysis", "the charts")
    if not isinstance(data, pd.DataFrame):
        from opengov.reports.frame import to_frame

        data = to_frame(data)
    df = one_reading(data, aliases=aliases)
    if agency is not None:
        if not isinstance(agency, str):
            raise InvalidInputError(f"agency must be a str, got {type(agency).__name__}")
        df = df[df["agency_key"] == agency_key(agency, aliases)]
        if df.empty:
            raise InvalidInputError(f"no report of {agency!r} in the frame; check the name")
    return df


def _scope(chart: _Chart, agency: str | None, df: pd.DataFrame) -> str:
    if agency is not None:
        return agency
    n = df["agency_key"].nunique()
    return chart.text(f"{n}个机关合计", f"{n} agencies summed")


def _stacked(
    chart: _Chart, table: pd.DataFrame, labels: Sequence[tuple[str, str]], ylabel: tuple[str, str]
) -> None:
    """Bars stacked by the columns of ``table`` (index: the x values)."""
    bottom = [0] * len(table.index)
    x = [str(i) for i in table.index]
    for (zh, en), column in zip(labels, table.columns, strict=True):
        heights = [int(v) for v in table[column].fillna(0)]
        chart.ax.bar(x, heights, bottom=bottom, label=chart.text(zh, en))
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    chart.ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    del ylabel


def plot_outcomes(
    data: Any,
    *,
    agency: str | None = None,
    aliases: Mapping[str, str] | None = None,
    lang: Lang = "auto",
    ax: Axes | None = None,
) -> Figure:
    """The outcome mix by year: for each year, the result groups （一）予以公开 …
    （六）其他处理 of table 三's 总计 column, stacked (one agency, or all summed)."""
    chart = _Chart(lang, ax)
    df = _frame(data, agency, aliases)
    groups = [g for g in OutcomeGroup if g is not OutcomeGroup.TOTAL]
    t3 = df[(df["table"] == "applications") & (df["column"] == "total")]
    t3 = t3[t3["group"].isin([g.value for g in groups]) & (t3["row"] != "total")]
    table = (
        t3.groupby(["year", "group"], observed=True)["value"]
        .sum()
        .unstack("group")
        .reindex(columns=[g.value for g in groups])
        .sort_index()
    )
    labels = [(g.number_zh + g.label_zh.split("（")[0], g.label_en) for g in groups]
    _stacked(chart, table, labels, ("件", "applications"))
    legacy = sorted(set(t3[t3["legacy"]]["year"].tolist()))
    if legacy:  # years read from 2008-2018 reports, converted: marked, and said so
        chart.ax.set_xticks(
            range(len(table.index)),
            [f"{y}†" if y in legacy else str(y) for y in table.index],
        )
        chart.ax.set_xlabel(
            chart.text(
                "† 2008-2018年报告，按对应关系换算（部分为解释）",
                "† 2008-2018 report, converted to the 2019/2021 rows (partly interpreted)",
            ),
            fontsize="small",
        )
    return chart.finish("outcomes", _scope(chart, agency, df), ("申请数（件）", "applications"))


def plot_refusal_grounds(
    data: Any,
    *,
    agency: str | None = None,
    aliases: Mapping[str, str] | None = None,
    lang: Lang = "auto",
    ax: Axes | None = None,
) -> Figure:
    """The grounds of （三）不予公开, rows 1-8, summed over the years (总计 column)."""
    chart = _Chart(lang, ax)
    df = _frame(data, agency, aliases)
    rows = [r for r in OutcomeRow if r.group is OutcomeGroup.WITHHELD]
    t3 = df[(df["table"] == "applications") & (df["column"] == "total")]
    sums = t3.groupby("row", observed=True)["value"].sum()
    heights = [int(sums.get(r.value, 0) or 0) for r in rows]
    labels = [chart.text(r.printed_zh, r.label_en) for r in rows]
    chart.ax.barh(labels[::-1], heights[::-1])
    chart.ax.set_xlabel(chart.text("申请数（件）", "applications"))
    return chart.finish("grounds", _scope(chart, agency, df), ("", ""))


def plot_applicants(
    data: Any,
    *,
    agency: str | None = None,
    aliases: Mapping[str, str] | None = None,
    lang: Lang = "auto",
    ax: Axes | None = None,
) -> Figure:
    """一、本年新收 by applicant type (the six columns of table 三), by year, stacked."""
    chart = _Chart(lang, ax)
    df = _frame(data, agency, aliases)
    columns = [c for c in ApplicantColumn if c is not ApplicantColumn.TOTAL]
    t3 = df[(df["table"] == "applications") & (df["row"] == "received") & ~df["legacy"]]
    table = (
        t3.groupby(["year", "column"], observed=True)["value"]
        .sum()
        .unstack("column")
        .reindex(columns=[c.value for c in columns])
        .sort_index()
    )
    _stacked(chart, table, [(c.label_zh, c.label_en) for c in columns], ("件", "applications"))
    return chart.finish("applicants", _scope(chart, agency, df), ("申请数（件）", "applications"))


def plot_review(
    data: Any,
    *,
    agency: str | None = None,
    aliases: Mapping[str, str] | None = None,
    lang: Lang = "auto",
    ax: Axes | None = None,
) -> Figure:
    """Table 四 summed over the years: for 行政复议, 未经复议直接起诉 and 复议后起诉,
    the results 结果维持, 结果纠正, 其他结果 and 尚未审结, side by side."""
    chart = _Chart(lang, ax)
    df = _frame(data, agency, aliases)
    t4 = df[df["table"] == "review"]
    sums = t4.groupby(["row", "column"], observed=True)["value"].sum()
    results = [r for r in ReviewResult if r is not ReviewResult.TOTAL]
    kinds = list(ReviewKind)
    width = 0.8 / len(results)
    for i, result in enumerate(results):
        heights = [int(sums.get((k.value, result.value), 0) or 0) for k in kinds]
        xs = [k + (i - (len(results) - 1) / 2) * width for k in range(len(kinds))]
        chart.ax.bar(xs, heights, width=width, label=chart.text(result.label_zh, result.label_en))
    chart.ax.set_xticks(range(len(kinds)), [chart.text(k.label_zh, k.label_en) for k in kinds])
    chart.ax.legend(fontsize="small")
    return chart.finish("review", _scope(chart, agency, df), ("案件数（件）", "cases"))
