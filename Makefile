# Two commands on a fresh machine: `make demo` and `make test`. Everything installs into .venv.
VENV  := .venv
PY    := $(VENV)/bin/python
CW    := $(VENV)/bin/crosswire
STAMP := $(VENV)/.installed
DEMO_DB ?= demo.db

.PHONY: demo test lint fmt bench chromium clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	# torch first and alone: the CPU build, or pip pulls several GB of CUDA wheels
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -r requirements.txt -r requirements-dev.txt
	$(PY) -m pip install -q --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(CW) --db $(DEMO_DB) ingest examples/reports/
	$(CW) --db $(DEMO_DB) stories
	$(CW) --db $(DEMO_DB) report

chromium:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench scripts
	$(VENV)/bin/ruff format --check src tests bench scripts
	$(VENV)/bin/lint-imports

test: $(STAMP) chromium lint
	$(VENV)/bin/pytest -q

fmt: $(STAMP)
	$(VENV)/bin/ruff format src tests bench
	$(VENV)/bin/ruff check --fix src tests bench

bench: $(STAMP)
	$(PY) bench/extract.py
	$(PY) bench/ingest.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm

docs: $(STAMP)
	$(PY) scripts/gen_cli_docs.py
