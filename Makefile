# Shortcuts for developers; the README's two commands need nothing but python3.
VENV ?= .venv
PY := $(VENV)/bin/python

$(PY):
	python3 -m venv $(VENV) && $(VENV)/bin/pip install -q -e ".[test]"

.PHONY: reports test test-fast lint format types bench data docs
reports: $(PY)          ## every report of parameters/ into reports/
	$(VENV)/bin/kpitools run
test: $(PY)             ## the whole suite, kernels and browser included
	$(PY) -m pytest
test-fast: $(PY)        ## without the slow (kernel, browser) tests
	$(PY) -m pytest -m "not slow"
lint: $(PY)
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .
format: $(PY)
	$(VENV)/bin/ruff format . && $(VENV)/bin/ruff check --fix .
types: $(PY)
	$(VENV)/bin/mypy
data: $(PY)             ## regenerate the synthetic demo panel (byte-identical)
	$(PY) scripts/make_demo_panel.py
docs: $(PY)             ## the documentation site into build/site (strict: warnings fail)
	$(VENV)/bin/pip install -q -e ".[docs]" && $(VENV)/bin/mkdocs build --strict --site-dir build/site
bench: $(PY)            ## the benchmarks, each against the tool a user would pick instead
	$(VENV)/bin/pip install -q -e ".[bench]" && for b in batch explore members extract bad_cells registry; do $(PY) benchmarks/$$b.py || exit 1; done
