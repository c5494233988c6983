"""MkDocs hooks for the documentation site (``hooks:`` in mkdocs.yml).

docs/api.md is the one list of the public API (tests/test_docs_api.py checks it
against the code). From it this hook:

- generates one reference page per module, ``reference/<module>.md``, whose
  ``:::`` block renders the listed names from their docstrings (mkdocstrings), and
  adds them to the nav under "API reference";
- links every name in api.md's tables to its rendered docstring, so a name listed
  there but not rendered is a broken cross-reference and fails the strict build.

It also keeps jieba's dictionary loading quiet, and adds every notebook in docs/notebooks/ to the nav when there is one (the
notebooks are executed by the test suite, not by the site build).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

API_PAGE = "api.md"
NOTEBOOK_DIR = "notebooks"
_HEADING = re.compile(r"### `([\w.]+)`")
_ROW = re.compile(r"\| `(\w+)` \| (yes|no) \|")


def api_modules(api_md: str) -> dict[str, list[str]]:
    """The modules of api.md in page order, each with the names its table lists."""
    modules: dict[str, list[str]] = {}
    module = ""
    for line in api_md.splitlines():
        if m := _HEADING.fullmatch(line):
            module = m[1]
            modules[module] = []
        elif (m := _ROW.match(line)) and module:
            modules[module].append(m[1])
    return modules


def reference_path(module: str) -> str:
    return f"reference/{module}.md"


def reference_page(module: str, names: list[str]) -> str:
    members = ", ".join(names)
    return (
        f"::: {module}\n"
        "    options:\n"
        f"      members: [{members}]\n"
        # Listed names are shown even when they start with an underscore (__version__).
        "      filters: []\n"
    )


def _api_text(config: MkDocsConfig) -> str:
    return (Path(config.docs_dir) / API_PAGE).read_text(encoding="utf-8")


def on_startup(*, command: str, dirty: bool) -> None:
    # jieba (Chinese words for the search index) logs its dictionary loading at INFO.
    logging.getLogger("jieba").setLevel(logging.WARNING)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    nav: list[Any] = config.nav or []
    modules = api_modules(_api_text(config))
    reference = [{module: reference_path(module)} for module in modules]
    nav.append({"API reference": reference})
    notebooks = sorted((Path(config.docs_dir) / NOTEBOOK_DIR).glob("*.ipynb"))
    if notebooks:
        nav.append({"Notebooks": [f"{NOTEBOOK_DIR}/{nb.name}" for nb in notebooks]})
    config.nav = nav
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for module, names in api_modules(_api_text(config)).items():
        files.append(
            File.generated(config, reference_path(module), content=reference_page(module, names))
        )
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri != API_PAGE:
        return markdown
    lines: list[str] = []
    module = ""
    for line in markdown.splitlines():
        if m := _HEADING.fullmatch(line):
            module = m[1]
            line = f"### [`{module}`](reference/{module}.md)"
        elif (m := _ROW.match(line)) and module:
            name = m[1]
            line = f"| [`{name}`][{module}.{name}] | {m[2]} |" + line[m.end() :]
        lines.append(line)
    return "\n".join(lines) + "\n"
