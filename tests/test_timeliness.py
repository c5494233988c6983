"""Timeliness frames from real catalogue records (tests/data/catalogue)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

pd = pytest.importorskip("pandas")
pytest.importorskip("matplotlib")

from opengov import InvalidInputError, OpenGovWarning, parse_catalogue_record  # noqa: E402
from opengov.timeliness import (  # noqa: E402
    TIMELINESS_COLUMNS,
    plot_timeliness,
    timeliness_frame,
    timeliness_summary,
)

DATA = Path(__file__).parent / "data" / "catalogue"
NAMES = ["govcn-2018-00222.html", "govcn-2004-00209.html", "govcn-1996-00076.html",
         "zhenba-2024-001005.txt", "jinhua-kjdn.txt"]  # fmt: skip


@pytest.fixture
def frame() -> object:
    rs = [parse_catalogue_record((DATA / n).read_text(encoding="utf-8")) for n in NAMES]
    return timeliness_frame(rs)


def test_rows_by_hand(frame: Any) -> None:
    assert tuple(frame.columns) == TIMELINESS_COLUMNS
    gov = frame.iloc[0]
    # Formed Fri 2018-12-21 (2007 Regulation Art. 18: 20 working days). Working days:
    # 12-24..28 (1-5), Sat 12-29 a make-up day (6); 12-30..01-01 New Year; 01-02..04 (9),
    # 01-07..11 (14), 01-14..18 (19), 01-21 (20). Published 12-29: 6 days, on time.
    assert (gov.working_days_elapsed, gov.due, bool(gov.late)) == (6, date(2019, 1, 21), False)
    for i in (1, 2):
        assert frame.iloc[i].problem == "formed before 2008-05-01 (no Regulation in force)"
        assert pd.isna(frame.iloc[i].late)
    county = frame.iloc[3]  # formed and published on the same day (a Qingming rest day)
    assert (county.working_days_elapsed, bool(county.late)) == (0, False)
    assert frame.iloc[4].problem == "formation date missing"


def test_stricter_period(frame: Any) -> None:
    rs = [parse_catalogue_record((DATA / NAMES[0]).read_text(encoding="utf-8"))]
    strict = timeliness_frame(rs, days=5).iloc[0]
    # Five working days from 2018-12-21 end Fri 12-28; published Sat 12-29 (6th): 1 late.
    assert (strict.due, strict.working_days_late, bool(strict.late)) == (
        date(2018, 12, 28),
        1,
        True,
    )


def test_summary(frame: Any) -> None:
    s = timeliness_summary(frame).set_index(["agency", "category"])
    row = s.loc[("国务院", "卫生、体育\\医药管理")]
    assert (row.records, row.measured, row.late, row.share_late) == (1, 1, 0, 0.0)
    assert s.loc[("国务院办公厅", "其他")].measured == 0


def test_plot_in_chinese_when_a_font_exists(frame: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from opengov.reports import plots

    if plots.cjk_font() is None:
        pytest.skip("no CJK font on this system (install fonts-noto-cjk)")
    ax = plot_timeliness(frame)
    assert ax.get_title() == "自形成之日起至公开的工作日数"


def test_plot_without_cjk_font_warns_and_uses_english(
    frame: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from opengov.reports import plots

    monkeypatch.setattr(plots, "cjk_font", lambda: None)
    with pytest.warns(OpenGovWarning, match=r"no font for Chinese labels was found"):
        ax = plot_timeliness(frame, by="category")
    assert ax.get_title() == "Working days from formation to publication"


def test_bad_input() -> None:
    with pytest.raises(InvalidInputError, match=r"records must be an iterable"):
        timeliness_frame("索引号")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"record 0: expected a CatalogueRecord"):
        timeliness_frame([object()])  # type: ignore[list-item]
    with pytest.raises(InvalidInputError, match=r"frame must be a DataFrame"):
        plot_timeliness([])
