"""Timeliness of proactive disclosure (主动公开及时性, Art. 26) from catalogue records.

How long does an agency take to publish what it forms? From catalogue records
(:class:`~opengov.CatalogueRecord`, e.g. parsed from crawled pages),
:func:`timeliness_frame` gives one row per record: agency, category, formation and
publication dates, the working days elapsed between them (the formation day not
counted, Civil Code Art. 201), the Art. 26 due date (or a stricter period given as
``days``) and whether publication was late. :func:`timeliness_summary` groups the
rows by agency and category; :func:`plot_timeliness` draws the distribution
against the period. pandas and matplotlib are imported only when these run (the
``analysis`` extra).

The period is the one of the edition in force on the formation day (2019 Art. 26;
2007 Art. 18, also 20 working days). A record that cannot be measured is kept, with
the reason in ``problem``: a date missing, publication before formation, formation
before 2008-05-01 (no Regulation in force), or days outside the working-day
calendar.

Legal basis:
    - ogi-2019:26 (20 working days from formation or change), ogi-2007:18,
      civil-code:201.

>>> from opengov.catalogue import parse_catalogue_record
>>> r = parse_catalogue_record("发布机构：某局\\n生成日期：2024-04-01\\n发布日期：2024-04-03")
>>> df = timeliness_frame([r])
>>> row = df.iloc[0]
>>> int(row.working_days_elapsed), row.due, bool(row.late)
(2, datetime.date(2024, 4, 29), False)
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from opengov.catalogue import CatalogueRecord
from opengov.deadlines import proactive_disclosure_deadline
from opengov.disclosure import STATUTORY_DAYS
from opengov.errors import (
    CalendarCoverageError,
    EditionNotInForceError,
    InvalidInputError,
    MissingExtraError,
)

if TYPE_CHECKING:
    from opengov.calendar import WorkdayCalendar

__all__ = [
    "TIMELINESS_COLUMNS",
    "plot_timeliness",
    "timeliness_frame",
    "timeliness_summary",
]

#: The columns of :func:`timeliness_frame`, in order.
TIMELINESS_COLUMNS = (
    "agency",
    "category",
    "title",
    "index_no",
    "doc_number",
    "formed_on",
    "published_on",
    "days_allowed",
    "due",
    "working_days_elapsed",
    "working_days_late",
    "late",
    "problem",
)


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError:
        raise MissingExtraError(
            'timeliness frames need pandas: pip install "opengov-cn[analysis]"'
        ) from None
    return pd


def _row(r: CatalogueRecord, days: int | None, cal: WorkdayCalendar | None) -> tuple[Any, ...]:
    from opengov.calendar import default_calendar

    formed, published = r.formed_on, r.published_on
    head = (r.agency, r.category, r.title, r.index_no, r.doc_number, formed, published)
    allowed = 20 if days is None else days

    def unmeasured(problem: str, due: date | None = None) -> tuple[Any, ...]:
        return (*head, allowed, due, None, None, None, problem)

    if formed is None or published is None:
        return unmeasured(
            "formation date missing" if formed is None else "publication date missing"
        )
    try:
        d = proactive_disclosure_deadline(formed, days=days, calendar=cal)
    except EditionNotInForceError:
        return unmeasured("formed before 2008-05-01 (no Regulation in force)")
    except CalendarCoverageError:
        return unmeasured("outside the working-day calendar")
    if published < formed:
        return unmeasured("published before formation", d.due)
    c = cal if cal is not None else default_calendar()
    try:
        elapsed = c.working_days_between(formed, published)
        late = c.working_days_between(d.due, published) if published > d.due else 0
    except CalendarCoverageError:
        return unmeasured("outside the working-day calendar", d.due)
    return (*head, allowed, d.due, elapsed, late, late > 0, "")


def timeliness_frame(
    records: Iterable[CatalogueRecord],
    *,
    days: int | None = None,
    calendar: WorkdayCalendar | None = None,
) -> Any:
    """One row per record (see the module docs); ``days`` a stricter period to test against.

    Columns: :data:`TIMELINESS_COLUMNS`. ``working_days_elapsed``, ``working_days_late`` are
    nullable integers and ``late`` a nullable boolean (missing where ``problem`` says
    why the record could not be measured).
    """
    pd = _pandas()
    if isinstance(records, (str, bytes, CatalogueRecord)) or not isinstance(records, Iterable):
        raise InvalidInputError(
            f"records must be an iterable of CatalogueRecord, got {type(records).__name__}"
        )
    if days is not None and (
        isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 1000
    ):
        raise InvalidInputError(f"days must be an int from 1 to 1000, got {days!r}")
    rows = []
    for i, r in enumerate(records):
        if not isinstance(r, CatalogueRecord):
            raise InvalidInputError(
                f"record {i}: expected a CatalogueRecord, got {type(r).__name__}"
            )
        rows.append(_row(r, days, calendar))
    df = pd.DataFrame.from_records(rows, columns=list(TIMELINESS_COLUMNS))
    for col in ("working_days_elapsed", "working_days_late", "days_allowed"):
        df[col] = df[col].astype("Int64")
    df["late"] = df["late"].astype("boolean")
    return df


def timeliness_summary(frame: Any) -> Any:
    """Per agency and category: records, measured, late, share late, median and max days."""
    pd = _pandas()
    if not isinstance(frame, pd.DataFrame) or not set(TIMELINESS_COLUMNS) <= set(frame.columns):
        raise InvalidInputError("frame must be a DataFrame from timeliness_frame")
    measured = frame[frame["problem"] == ""]
    groups = frame.groupby(["agency", "category"], dropna=False, sort=True)
    out = pd.DataFrame({"records": groups.size()})
    m = measured.groupby(["agency", "category"], dropna=False, sort=True)
    out["measured"] = m.size()
    out["late"] = m["late"].sum()
    out["median_working_days"] = m["working_days_elapsed"].median()
    out["max_working_days"] = m["working_days_elapsed"].max()
    out[["measured", "late"]] = out[["measured", "late"]].fillna(0).astype("int64")
    out["share_late"] = (out["late"] / out["measured"]).where(out["measured"] > 0)
    return out.reset_index()


def plot_timeliness(frame: Any, *, by: str = "agency", ax: Any = None) -> Any:
    """A box plot of working days elapsed per ``by`` group, with the period as a line.

    Returns the matplotlib ``Axes`` (a new figure without ``ax``; pyplot is not
    used). Labels are Chinese when a CJK font is installed (the report charts' own
    search, :func:`opengov.reports.plots.cjk_font`); otherwise they are English and a
    :class:`~opengov.reports.plots.CJKFontWarning` says so (group names are drawn as
    given).
    """
    pd = _pandas()
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise MissingExtraError(
            'plotting needs matplotlib: pip install "opengov-cn[analysis]"'
        ) from None
    if not isinstance(frame, pd.DataFrame) or not set(TIMELINESS_COLUMNS) <= set(frame.columns):
        raise InvalidInputError("frame must be a DataFrame from timeliness_frame")
    if by not in ("agency", "category"):
        raise InvalidInputError(f"by must be 'agency' or 'category', got {by!r}")
    from opengov.reports import plots  # the one font search, shared with the report charts

    font = plots.cjk_font()
    if font is None:
        warnings.warn(
            "no font for Chinese labels was found (install fonts-noto-cjk or another CJK "
            "font); the chart is labelled in English",
            plots.CJKFontWarning,
            stacklevel=2,
        )
        labels = {
            "title": "Working days from formation to publication",
            "y": "working days",
            "limit": "Art. 26 period",
        }
    else:
        labels = {"title": "自形成之日起至公开的工作日数", "y": "工作日", "limit": "第二十六条期限"}
    if ax is None:
        ax = Figure(figsize=(8, 4.5)).add_subplot()
    measured = frame[frame["problem"] == ""]
    groups = sorted(measured[by].fillna("").unique())
    data = [
        measured.loc[measured[by].fillna("") == g, "working_days_elapsed"].astype(float).tolist()
        for g in groups
    ]
    props = {"fontfamily": font} if font else {}
    if data:
        ax.boxplot(data, tick_labels=[g or "?" for g in groups])
        for t in ax.get_xticklabels():
            t.set(**props)
    allowed = frame["days_allowed"].dropna()
    limit = int(allowed.iloc[0]) if len(allowed) else STATUTORY_DAYS
    ax.axhline(limit, color="tab:red", linestyle="--", label=f"{labels['limit']} ({limit})")
    ax.set_title(labels["title"], **props)
    ax.set_ylabel(labels["y"], **props)
    legend = ax.legend()
    for t in legend.get_texts():
        t.set(**props)
    return ax
