"""Golden files: pinned outputs that change only on purpose.

A test compares a value with ``tests/golden/<name>``; when the file is missing or
differs it fails and says how to accept the new value: run the tests with
``OPENGOV_UPDATE_GOLDEN=1``, which rewrites the files, then review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("OPENGOV_UPDATE_GOLDEN") == "1"


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def check_golden(relative: str, value: Any) -> None:
    """Fail unless ``tests/golden/<relative>`` holds ``value`` as JSON."""
    path = GOLDEN / relative
    text = dumps(value)
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(
            f"golden file tests/golden/{relative} is missing; run the tests with "
            "OPENGOV_UPDATE_GOLDEN=1 to write it, then review and commit it"
        )
    if path.read_text(encoding="utf-8") != text:
        pytest.fail(
            f"tests/golden/{relative} differs from the current output; if the change is "
            "intended (new codes only: never rename a value), run the tests with "
            "OPENGOV_UPDATE_GOLDEN=1 to rewrite it and review the diff"
        )
