"""Draw the charts shown in the docs (docs/images/*.png) from the real corpus.

Run from the repository root after changing a chart:

    python scripts/make_doc_figures.py

and commit the pictures. The charts are those of ``opengov.reports.plots`` on the
development corpus (``tests/data/reports/corpus``: 平潭综合实验区 and four of its
departments, 2011-2025), drawn with the Agg backend at a fixed size and DPI, with
the PNG metadata that would change on every run (software, date) left out.
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from opengov.reports import to_frame
from opengov.reports.plots import (
    plot_applicants,
    plot_outcomes,
    plot_refusal_grounds,
    plot_review,
)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "reports" / "corpus"
IMAGES = ROOT / "docs" / "images"
ZONE = "平潭综合实验区"
ALIASES = {"平潭综合实验区管委会": ZONE}


def main() -> int:
    frame = to_frame(str(CORPUS))
    IMAGES.mkdir(parents=True, exist_ok=True)
    charts = {
        "outcomes-by-year.png": plot_outcomes(frame, agency=ZONE, aliases=ALIASES),
        "refusal-grounds.png": plot_refusal_grounds(frame, aliases=ALIASES),
        "applicant-types.png": plot_applicants(frame, aliases=ALIASES),
        "review-litigation.png": plot_review(frame, agency=ZONE, aliases=ALIASES),
        "outcomes-by-year-en.png": plot_outcomes(frame, agency=ZONE, aliases=ALIASES, lang="en"),
    }
    for name, fig in charts.items():
        fig.savefig(IMAGES / name, dpi=80, metadata={"Software": None})
        print(IMAGES.relative_to(ROOT) / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
