"""Shared fixtures for the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def legal_reference() -> str:
    """The project's legal reference notes (law text, report formats, sources)."""
    return (DATA / "legal_reference.md").read_text(encoding="utf-8")
