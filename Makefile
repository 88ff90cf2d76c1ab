# One command runs the main job (`make run`), one runs the tests (`make test`).
# Both set themselves up: a virtualenv in .venv with the pinned dependencies.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SCALE ?= 2000

.PHONY: setup run demo test lint typecheck check bench services-up services-down clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

## Build the synthetic city into the embedded store, then serve the API on 127.0.0.1:8000.
run: $(STAMP)
	$(BIN)/creditgraph demo --scale $(SCALE)
	$(BIN)/creditgraph serve

demo: $(STAMP)
	$(BIN)/creditgraph demo --scale $(SCALE)

## Lint, type-check and run every test (real Neo4j/Elasticsearch when Java and Maven exist).
test: $(STAMP)
	bash scripts/test.sh

lint: $(STAMP)
	$(BIN)/ruff check graph_service loaders search queries tests
	$(BIN)/ruff format --check graph_service loaders search queries tests

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint typecheck

bench: $(STAMP)
	$(BIN)/python -m graph_service.bench

services-up:
	bash scripts/services.sh up

services-down:
	bash scripts/services.sh down

clean:
	rm -rf $(VENV) .creditgraph .pytest_cache .mypy_cache .ruff_cache
