"""The generated statute-book page is up to date with opengov.law."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from opengov.cli import main

ROOT = Path(__file__).parent.parent


def test_statute_book_page_is_generated_from_the_book() -> None:
    spec = importlib.util.spec_from_file_location(
        "make_statute_book", ROOT / "scripts" / "make_statute_book.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    page = (ROOT / "docs" / "reference" / "statute-book.md").read_text(encoding="utf-8")
    assert page == module.render(), "run: PYTHONPATH=src python scripts/make_statute_book.py"
    # the page shows the facts the issue asked for, with their evidence
    assert "| 2015-05-01 | 6 | `admin-litigation-2017:46`" in page
    assert "partly verified" in page
    assert "recalled" in page


def test_export_vocabulary_carries_the_book() -> None:
    from opengov.vocabulary import export_vocabulary

    book = {p["name"]: p for p in export_vocabulary()["statute_book"]}
    lit = book["litigation.period_months"]
    assert [(v["since"], v["value"]) for v in lit["values"]] == [
        ("2008-05-01", 3),
        ("2015-05-01", 6),
    ]
    assert lit["values"][0]["basis"][0]["citation"] == "admin-litigation-1989:39"
    assert lit["values"][0]["evidence"] == "partly_verified"
    pages = book["fees.per_page_bands"]["values"][1]["value"]
    assert pages == [[1, 0], [31, 10], [101, 20], [201, 40]]


def test_vocab_cli_prints_the_book(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["vocab", "--json", "ReplyType"]) == 0
    data = json.loads(capsys.readouterr().out)
    names = [p["name"] for p in data["statute_book"]]
    assert "review.period_days" in names
    assert "fees.payment_days" in names
