# The two commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

# Ingest the bundled sample pages into an embedded archive and serve the web page.
demo: $(STAMP)
	$(BIN)/banmian demo

test: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

bench: $(STAMP)
	$(BIN)/python bench/parse_speed.py
	$(BIN)/python bench/accuracy.py
	$(BIN)/python bench/enrich.py
	$(BIN)/python bench/search.py

clean:
	rm -rf $(VENV) test-output .pytest_cache
