# Two commands: `make run` (set up, build the index, start the app) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast bench eval index clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

index: $(STAMP)
	$(BIN)/planassist ingest

run: index
	$(BIN)/planassist serve

test: $(STAMP)
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest tests/unit

eval: index
	$(BIN)/planassist eval retrieval
	$(BIN)/planassist eval answers

bench: index
	$(BIN)/pip install -q -e '.[bench]'
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) indexes .pytest_cache
