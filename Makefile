# Two commands: `make run` (set up, build the index, start the app) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast lint bench eval index clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

index: $(STAMP)
	$(BIN)/planassist ingest

run: index
	$(BIN)/planassist serve

# ruff (config in pyproject.toml) and mypy with the pydantic plugin
lint: $(STAMP)
	$(BIN)/ruff check assistant tests scripts
	$(BIN)/mypy

# doctests in assistant/, unit tests, integration tests (pytest exit code 5, no tests, fails make)
test: $(STAMP)
	$(BIN)/python -m pytest

# no model loaded: doctests and tests/unit (under a minute on 2 cores)
test-fast: $(STAMP)
	$(BIN)/python -m pytest assistant tests/unit

eval: index
	$(BIN)/planassist eval retrieval
	$(BIN)/planassist eval answers

bench: index
	$(BIN)/pip install -q -e '.[bench]'
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) indexes .pytest_cache
