"""Reading a corpus on a Dask cluster (集群读取, ``dask`` extra).

For a corpus that outgrows one machine, the per-file reader runs unchanged on Dask:
the files (:func:`~opengov.reports.report_files`) become a ``dask.bag``, each file
is read by :func:`~opengov.reports.read_reports` on a worker (one
:class:`~opengov.reports.ReportResult` per file, a bad file a result with its
error), and each partition becomes its :func:`~opengov.reports.to_frame` frame on
the worker, so that only frames travel. :func:`read_bag` gives the bag of results,
:func:`to_dask_frame` the ``dask.dataframe`` of cells, and :func:`collect_frame`
computes it into the very frame ``to_frame`` gives in one process.

On one machine, the process-parallel reader (``read_reports(..., workers=N)``) stays
the default: it needs no scheduler. dask is imported when these functions run.

Legal basis:
    - report-format-2019, report-format-2021 (through ``to_frame``).

>>> bag = read_bag("tests/data/reports/corpus", npartitions=2)
>>> bag.npartitions, bag.count().compute(scheduler="synchronous")
(2, 35)
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from opengov._extras import require
from opengov.errors import InvalidInputError
from opengov.outcomes import ReportFormat
from opengov.reports.batch import ReportResult, read_reports, report_files
from opengov.reports.frame import to_frame

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["collect_frame", "read_bag", "read_one", "to_dask_frame"]

Source = str | os.PathLike[str]


def read_one(path: str, agency: str | None = None, year: int | None = None) -> ReportResult:
    """One file read as :func:`~opengov.reports.read_reports` reads it (never raises
    for a bad file: the result holds its error)."""
    (result,) = read_reports([path], agency=agency, year=year)
    return result


def _frame(results: Iterable[ReportResult], legacy_format: str) -> pd.DataFrame:
    return to_frame(list(results), legacy_format=legacy_format)


def read_bag(
    sources: Source | Iterable[Source],
    *,
    npartitions: int | None = None,
    agency: str | None = None,
    year: int | None = None,
) -> Any:
    """A ``dask.bag`` of one :class:`~opengov.reports.ReportResult` per file of
    ``sources`` (files, folders, glob patterns, in the order of
    :func:`~opengov.reports.report_files`), read lazily on the workers."""
    bag_mod = require("dask.bag", "dask", "read_bag")
    files = list(report_files(sources))
    if npartitions is not None and (
        isinstance(npartitions, bool) or not isinstance(npartitions, int) or npartitions < 1
    ):
        raise InvalidInputError(f"npartitions must be a positive int, got {npartitions!r}")
    parts = npartitions or max(1, min(len(files), 64))
    return bag_mod.from_sequence(files, npartitions=parts).map(read_one, agency=agency, year=year)


def to_dask_frame(
    sources: Source | Iterable[Source],
    *,
    npartitions: int | None = None,
    legacy_format: ReportFormat | str = ReportFormat.F2021,
    agency: str | None = None,
    year: int | None = None,
) -> Any:
    """The cells of every report of ``sources`` as a ``dask.dataframe``, one
    partition per partition of :func:`read_bag`, each built by
    :func:`~opengov.reports.to_frame` on its worker. The columns and dtypes are
    ``to_frame``'s (``source`` and ``agency`` categories are known only once
    computed); :func:`collect_frame` computes it into ``to_frame``'s frame."""
    dd = require("dask.dataframe", "dask", "to_dask_frame")
    delayed = require("dask", "dask", "to_dask_frame").delayed
    fmt = legacy_format.value if isinstance(legacy_format, ReportFormat) else str(legacy_format)
    bag = read_bag(sources, npartitions=npartitions, agency=agency, year=year)
    meta = to_frame([])
    for name in ("source", "agency"):
        meta[name] = meta[name].cat.as_unordered()
    parts = [delayed(_frame)(part, fmt) for part in bag.to_delayed()]
    return dd.from_delayed(parts, meta=meta, verify_meta=False)


def collect_frame(frame: Any) -> pd.DataFrame:
    """Compute a :func:`to_dask_frame` frame into the frame :func:`~opengov.reports.to_frame`
    gives for the same files in one process: rows in file order, a fresh index, the
    categories of ``source`` and ``agency`` sorted."""
    pd = require("pandas", "dask", "collect_frame")
    if not hasattr(frame, "to_delayed"):
        raise InvalidInputError(
            f"frame must be a dask DataFrame from to_dask_frame, got {type(frame).__name__}"
        )
    dask = require("dask", "dask", "collect_frame")
    parts = dask.compute(*frame.to_delayed())
    whole = pd.concat(list(parts), ignore_index=True) if parts else to_frame([])
    for name in ("source", "agency"):
        values = whole[name].astype(object)
        cats = sorted({v for v in values if isinstance(v, str)})
        whole[name] = pd.Categorical(values, categories=cats)
    return whole
