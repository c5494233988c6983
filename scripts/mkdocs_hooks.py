"""MkDocs hooks for the documentation site (``hooks:`` in mkdocs.yml).

docs/api.md is the one list of the public API (tests/test_docs_api.py checks it
against the code). From it this hook:

- generates one reference page per module, ``reference/<module>.md``, whose
  ``:::`` block renders the listed names from their docstrings (mkdocstrings), and
  adds them to the nav under "API reference";
- links every name in api.md's tables to its rendered docstring, so a name listed
  there but not rendered is a broken cross-reference and fails the strict build.

It also adds every notebook in docs/notebooks/ to the nav when there is one (the
notebooks are executed by the test suite, not by the site build) and makes its
links to Markdown pages site links (a link to no page fails the strict build), and
keeps jieba's dictionary loading quiet.
"""

from __future__ import annotations

import logging
import posixpath
import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

# A warning on this logger (a child of mkdocs') fails the strict build.
log = logging.getLogger("mkdocs.hooks.opengov")

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


_MD_LINK = re.compile(r'href="([^":#?]+\.md)(#[^"]*)?"')


def notebook_links(html: str, page: Page, files: Files) -> tuple[str, list[str]]:
    """A notebook page with its links to Markdown pages made site links.

    mkdocs-jupyter leaves ``[text](../howto/x.md)`` in a notebook's Markdown cells
    as it is, a broken link on the site; mkdocs converts such links only in
    Markdown pages. Returns the page and the links whose target is not a page.
    """
    missing: list[str] = []
    base = posixpath.dirname(page.file.src_uri)

    def site_link(m: re.Match[str]) -> str:
        target = files.get_file_from_path(posixpath.normpath(posixpath.join(base, m[1])))
        if target is None:
            missing.append(m[1])
            return m[0]
        return f'href="{target.url_relative_to(page.file)}{m[2] or ""}"'

    return _MD_LINK.sub(site_link, html), missing


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    html, missing = notebook_links(html, page, files)
    for link in missing:
        log.warning(f"Notebook '{page.file.src_uri}' links to '{link}', which is not a page")
    return html


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
