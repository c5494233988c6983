"""Public modules' docstrings follow the house shape (see CONTRIBUTING.md)."""

from __future__ import annotations

import re
from types import ModuleType

import pytest

from modules import public_modules


@pytest.mark.parametrize("module", public_modules(), ids=lambda m: m.__name__)
def test_module_docstring_has_the_house_shape(module: ModuleType) -> None:
    doc = module.__doc__ or ""
    lines = doc.splitlines()
    assert len(lines) >= 3, "a first line and a paragraph"
    # English name (Chinese, articles where there are any): a Chinese term in brackets.
    assert re.match(r"[A-Za-z].*\(.*[\u4e00-\u9fff].*\)", lines[0]), lines[0]
    assert lines[1] == "", "a blank line after the first line"
    assert lines[2], "a paragraph after the blank line"
    assert not lines[2].startswith((">>>", "Legal basis:")), "a paragraph first"
    assert "\nLegal basis:\n    - " in doc, "a 'Legal basis:' list"
    assert "\n>>> " in doc, "a doctest of the happy path"
    assert doc.index("\nLegal basis:") < doc.index("\n>>> "), "legal basis before the doctest"
