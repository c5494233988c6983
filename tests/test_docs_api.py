"""docs/api.md lists the whole public API, and only names that exist."""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from types import ModuleType

import pytest

import opengov
import opengov.reports
from modules import public_modules

API_MD = Path(__file__).parent.parent / "docs" / "api.md"
# Public names of opengov.reports.* that opengov.reports itself does not re-export
# (the page says so in its introduction).
NOT_IN_REPORTS_PACKAGE = {
    "COLUMNS",
    "WIDE_KEYS",
    "collect_frame",
    "read_bag",
    "read_one",
    "to_dask_frame",
    "AMOUNT_SCALE",
    "CJK_FONTS",
    "CJKFontWarning",
    "cjk_font",
    "plot_applicants",
    "plot_outcomes",
    "plot_refusal_grounds",
    "plot_review",
    "looks_like_html",
    "parse_report_source",
    "text_tokens",
    "to_result_counts",
    "assume_result_counts",
}


def _entries() -> list[tuple[str, str, str]]:
    """(module, name, "yes"/"no") for every table row, under its ``### `module``` heading."""
    module = ""
    rows: list[tuple[str, str, str]] = []
    for line in API_MD.read_text(encoding="utf-8").splitlines():
        if m := re.fullmatch(r"### `([\w.]+)`", line):
            module = m[1]
        elif m := re.match(r"\| `(\w+)` \| (yes|no) \|", line):
            assert module, f"table row before any module heading: {line}"
            rows.append((module, m[1], m[2]))
    return rows


def test_every_top_level_name_is_listed() -> None:
    listed = {name for _, name, top in _entries() if top == "yes"}
    missing = sorted(set(opengov.__all__) - listed)
    assert not missing, f"add these names of opengov.__all__ to docs/api.md: {missing}"


def test_listed_names_exist_where_the_page_says() -> None:
    entries = _entries()
    assert len(entries) > len(opengov.__all__)
    for module, name, top in entries:
        value = getattr(importlib.import_module(module), name)
        assert (top == "yes") == (name in opengov.__all__), (module, name, top)
        if top == "yes":
            assert getattr(opengov, name) is value, (module, name)
        if module.startswith("opengov.reports.") and name not in NOT_IN_REPORTS_PACKAGE:
            assert name in opengov.reports.__all__, (module, name)


def test_no_name_is_listed_twice() -> None:
    names = [name for _, name, _ in _entries()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("module", public_modules(), ids=lambda m: m.__name__)
def test_every_public_submodule_name_is_listed(module: ModuleType) -> None:
    listed = {(m, name) for m, name, _ in _entries()}
    listed_names = {name for _, name in listed}
    for name in getattr(module, "__all__", ()):
        if module.__name__ in ("opengov", "opengov.reports"):
            # Packages that re-export: listed under the defining module.
            assert name in listed_names, (module.__name__, name)
        else:
            assert (module.__name__, name) in listed, (module.__name__, name)
