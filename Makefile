# One command per habit. `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PACKAGES := referatgraf loaders graph sparql web ontology

.PHONY: install dev demo test lint fmt bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# The runtime install: leaves the console script at .venv/bin/referatgraf.
install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

# The runtime plus what tests, lint and benchmarks need.
dev: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'

demo: install
	$(BIN)/referatgraf demo

test: dev lint
	$(BIN)/pytest -q

lint: dev
	$(BIN)/ruff format --check $(PACKAGES) tests bench
	$(BIN)/ruff check $(PACKAGES) tests bench
	$(BIN)/mypy

fmt: dev
	$(BIN)/ruff format $(PACKAGES) tests bench
	$(BIN)/ruff check --fix $(PACKAGES) tests bench

# Benchmarks (not tests): N synthetic minutes, our load against pyoxigraph's bulk_load.
BENCH_N ?= 1000
bench: dev
	$(BIN)/python -m bench.run --n $(BENCH_N)

clean:
	rm -rf $(VENV) data build *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
