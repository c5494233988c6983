"""The notebook in docs/ runs: executed with nbclient, no cell may fail.

``docs/notebooks/analyse-reports.ipynb`` analyses the real corpus. It is executed
here from its own folder, as a reader opening it in Jupyter would; a cell that
raises fails the test with the cell's error. The text outputs must also be the
ones stored in the file, so that the notebook in the docs is never stale: after a
deliberate change, rewrite it with
``OPENGOV_UPDATE_NOTEBOOK=1 pytest tests/test_notebook.py`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

nbformat = pytest.importorskip(
    "nbformat", reason="the notebook test needs nbformat, nbclient and ipykernel (dev extra)"
)
nbclient = pytest.importorskip(
    "nbclient", reason="the notebook test needs nbformat, nbclient and ipykernel (dev extra)"
)
pytest.importorskip(
    "ipykernel", reason="the notebook test needs nbformat, nbclient and ipykernel (dev extra)"
)

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "docs" / "notebooks" / "analyse-reports.ipynb"


def _texts(nb: Any) -> list[list[str]]:
    """The text outputs of each code cell (figures as their text form only)."""
    out = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        texts = []
        for o in cell.get("outputs", []):
            if o.output_type == "stream" and o.name == "stdout":
                texts.append(o.text)
            elif o.output_type in ("execute_result", "display_data"):
                texts.append(o.data.get("text/plain", ""))
            elif o.output_type == "error":
                texts.append(f"{o.ename}: {o.evalue}")
        out.append(texts)
    return out


def test_the_notebook_runs_and_its_outputs_are_current(monkeypatch: pytest.MonkeyPatch) -> None:
    # the kernel imports opengov from this checkout, whatever the folder it runs in
    paths = [str(ROOT / "src"), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(paths))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    stored = nbformat.read(NOTEBOOK, as_version=4)
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()  # raises CellExecutionError, naming the cell, if one fails
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
    if os.environ.get("OPENGOV_UPDATE_NOTEBOOK"):
        for cell in nb.cells:
            cell.metadata.pop("execution", None)
        nbformat.write(nb, NOTEBOOK)
        return
    assert _texts(nb) == _texts(stored), (
        "the notebook's outputs changed: rerun with OPENGOV_UPDATE_NOTEBOOK=1 and review"
    )
    # every chart drew a picture
    pictures = [
        o for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})
    ]
    assert len(pictures) == 3
