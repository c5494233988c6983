# Two entry points: `make demo` runs the main job, `make test` runs every check
# (ruff, mypy, pytest and the strict build of the docs site, `make docs`).
# Both create .venv on first use and are safe to run again.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint typecheck pytest docs bench mutation clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[analysis]'
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[analysis,dev]'
	touch $@ $(VENV)/.runtime-installed

demo: $(VENV)/.runtime-installed
	$(BIN)/python examples/demo.py

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.dev-installed
	$(BIN)/mypy

pytest: $(VENV)/.dev-installed
	$(BIN)/python -m pytest -q

# The documentation site, into site/ (git-ignored); --strict fails on any warning:
# a broken link or anchor, a name of docs/api.md without a docstring to render.
# NO_MKDOCS_2_WARNING silences a notice mkdocs-material prints on every build. Never
# add --quiet: it hides the warnings and --strict then passes them.
docs: $(VENV)/.dev-installed
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

test: lint typecheck pytest docs

bench: $(VENV)/.dev-installed
	$(BIN)/python benchmarks/run.py

# Mutation testing of the counting engine (slow: minutes per module, one worker; not part
# of `make test`). MODULES="deadlines fees" limits it; results in mutants/summary.md.
mutation: $(VENV)/.dev-installed
	$(BIN)/python scripts/mutation.py $(MODULES)

clean:
	rm -rf $(VENV) build dist site .cache
