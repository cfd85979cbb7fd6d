# bolaven: two commands on a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test test-fast lint bench screenshots install install-dev clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(BIN)/python -m app_pages.serve --server.headless true --server.port $(PORT) --browser.gatherUsageStats false

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: install-dev lint
	$(BIN)/python -m pytest

# The inner loop: skips whole-region solves, batches and the real browser (`slow`, `browser`).
test-fast: install-dev
	$(BIN)/python -m pytest -m "not slow and not browser" -q

bench: install-dev
	$(BIN)/python -m benchmarks

# The README's screenshots, every page in English and Lao (needs /usr/bin/chromium).
screenshots: install-dev
	$(BIN)/python -m tests.make_screenshots

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
