"""The per-file reader on a Dask cluster gives the frame of the single-process path.

A ``dask.distributed.LocalCluster`` with two worker processes reads the real corpus
(``tests/data/reports/corpus``) as a bag of paths, frames each partition on its
worker, and the result is compared with ``to_frame`` of the same folder in this
process: the same rows, values, dtypes and categories.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")
pytest.importorskip(
    "dask.dataframe", reason="the cluster test needs dask[dataframe] (the dask or dev extra)"
)
distributed = pytest.importorskip(
    "distributed", reason="the cluster test needs dask.distributed (the dask or dev extra)"
)

from opengov.reports import read_reports, to_frame  # noqa: E402
from opengov.reports.cluster import (  # noqa: E402
    collect_frame,
    read_bag,
    to_dask_frame,
)

CORPUS = str(Path(__file__).parent.parent / "data" / "reports" / "corpus")


@pytest.fixture(scope="module")
def client() -> object:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def test_a_cluster_of_two_workers_gives_the_single_process_frame(client: object) -> None:
    single = to_frame(CORPUS)
    ddf = to_dask_frame(CORPUS, npartitions=4)
    assert ddf.npartitions == 4
    assert list(ddf.columns) == list(single.columns)
    frame = collect_frame(ddf)
    pd.testing.assert_frame_equal(frame, single)
    # both workers took part
    assert len(client.scheduler_info()["workers"]) == 2  # type: ignore[attr-defined]


def test_the_bag_holds_one_result_per_file(client: object) -> None:
    results = read_bag(CORPUS, npartitions=3).compute()
    here = list(read_reports(CORPUS))
    assert [r.source for r in results] == [r.source for r in here]
    assert [r.error for r in results] == [r.error for r in here]  # the bad file too
    assert sum(r.error is not None for r in results) == 1
