# Two commands: `make demo` and `make test`. Each sets up .venv on its own.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
DEMO_DB ?= out/demo.duckdb

.PHONY: install demo test bench clean browser-deps

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --no-compile -r requirements.lock
	$(PY) -m pip install -q --no-compile --no-deps -e .
	@# Bytecode over every core (pip compiles one file at a time); like pip, a file that does not compile is skipped.
	$(PY) -m compileall -qq -j 0 $(VENV)/lib || true
	touch $(STAMP)

install: $(STAMP)

demo: install
	mkdir -p out
	$(VENV)/bin/dyadwatch --db $(DEMO_DB) demo --fresh

# Headless Chromium for the browser tests (Debian's package; Playwright never downloads a browser).
browser-deps:
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)

# pytest runs over every core (pytest-xdist; options in pyproject.toml): `$(PY) -m pytest -n 0` for one process.
test: install browser-deps
	$(PY) -m pytest -q

bench: install
	$(PY) bench/throughput.py

clean:
	rm -rf $(VENV) out .pytest_cache
