# Developer commands. PYTHON is the interpreter of the environment to use; .ci/run points it at a
# fresh virtualenv: make test PYTHON=.venv/bin/python
PYTHON ?= python3
LINT_PATHS = src tests scripts

.PHONY: test bench lint fixtures

## test: install newsclean with its test extras into $(PYTHON)'s environment, then run every test
test:
	$(PYTHON) -m pip install -q -e '.[test]'
	$(PYTHON) -m pytest -q

## bench: score newsclean on ../shared/bench/dev (says so and exits 0 when it is absent)
bench:
	$(PYTHON) scripts/bench.py $(BENCH_ARGS)

## lint: ruff's checks and formatting, as configured in pyproject.toml
lint:
	$(PYTHON) -m ruff check $(LINT_PATHS)
	$(PYTHON) -m ruff format --check $(LINT_PATHS)

## fixtures: rewrite the expected outputs under fixtures/ from the current code
fixtures:
	$(PYTHON) tests/regen_fixtures.py
