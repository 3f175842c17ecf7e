# One command per habit. `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PACKAGES := referatgraf loaders graph searchindex publishing sparql web ontology

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

# Benchmarks (not tests): N synthetic minutes, our load against pyoxigraph's bulk_load of the
# same quads; the pages' side index (which bulk_load has no counterpart of) is built after the
# load and timed on its own, in the same rounds.
BENCH_N ?= 1000
bench: dev
	$(BIN)/python -m bench.run --n $(BENCH_N) --no-index

# The endpoint, dump and page benchmarks on a loaded store (with its side index), e.g. the
# 10,000 minutes that `BENCH_N=10000 make bench` loads: make bench-all STORE=path/to/store
.PHONY: bench-all
bench-all: dev
	@test -n "$(STORE)" || { echo "usage: make bench-all STORE=path/to/store" >&2; exit 2; }
	$(BIN)/python -m bench.endpoint --store $(STORE)
	$(BIN)/python -m bench.dump --store $(STORE)
	$(BIN)/python -m bench.pages --store $(STORE)

clean:
	rm -rf $(VENV) data build *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis

# The query page's YASGUI, from npm (web/frontend/package-lock.json) into web/static/yasgui/,
# served from this server: no CDN at run time. Built, not committed.
YASGUI := web/static/yasgui/yasgui.min.js
install dev: $(YASGUI)
$(YASGUI): web/frontend/package.json web/frontend/package-lock.json web/frontend/build.mjs
	@command -v npm >/dev/null || { echo "npm is needed to build the query page (Node 18+); apt-get install nodejs npm" >&2; exit 1; }
	cd web/frontend && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	cd web/frontend && node build.mjs
# axe-core and the Nu Html Checker (vnu.jar), from the same lock, for the accessibility checks
# of the browser test and the HTML validity test only: into web/frontend/dist-test/, which is
# neither served nor committed.
AXE := web/frontend/dist-test/axe.min.js
VNU := web/frontend/dist-test/vnu.jar
dev: $(AXE) $(VNU)
$(AXE) $(VNU) &: $(YASGUI)
	cd web/frontend && node build.mjs test
.PHONY: clean-frontend
clean: clean-frontend
clean-frontend:
	rm -rf web/frontend/node_modules web/static/yasgui web/frontend/dist-test

# The browser test drives Debian's chromium with chromedriver, and the HTML validity test runs
# vnu.jar under Java; installed here when missing.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
.PHONY: browser-deps
browser-deps:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
		$(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q --no-install-recommends chromium chromium-driver; \
	fi
	@# slim Debian images lack man1, where the JRE's postinst links java.1 (it fails without)
	@if ! command -v java >/dev/null; then \
		$(SUDO) mkdir -p /usr/share/man/man1; \
		$(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q --no-install-recommends default-jre-headless; \
	fi
# Tesseract with its Danish data, for load --ocr and its test (tests/loaders/pdf/test_ocr.py)
.PHONY: ocr-deps
ocr-deps:
	@if ! command -v tesseract >/dev/null || ! tesseract --list-langs 2>/dev/null | grep -qx dan; then \
		$(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q --no-install-recommends tesseract-ocr tesseract-ocr-dan; \
	fi
# OpenLink Virtuoso 7 for the --store virtuoso+http:// tests (tests/graph/test_virtuoso_store.py);
# the package asks for a dba password, preseeded here (the tests run their own instance)
.PHONY: virtuoso-deps
virtuoso-deps:
	@if ! command -v virtuoso-t >/dev/null; then \
		printf '%s\n' 'virtuoso-opensource-7 virtuoso-opensource-7/dba-password password dba' \
			'virtuoso-opensource-7 virtuoso-opensource-7/dba-password-again password dba' | $(SUDO) debconf-set-selections; \
		$(SUDO) apt-get update -q && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends virtuoso-opensource; \
	fi
# PostgreSQL for the side index's tests on it (tests/graph/postgres_server.py starts its own
# cluster on a loopback port, as the postgres user when run as root)
.PHONY: postgres-deps
postgres-deps:
	@if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then \
		$(SUDO) apt-get update -q && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql; \
	fi
# nginx, for the check of deploy/nginx.conf (tests/test_deployment.py)
.PHONY: deploy-deps
deploy-deps:
	@if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then \
		$(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q --no-install-recommends nginx-light; \
	fi
test: browser-deps ocr-deps deploy-deps virtuoso-deps postgres-deps
# Benchmarks of the store servers (issue 16): `referatgraf load` into `oxigraph serve` and into
# Virtuoso against each server's own bulk HTTP path; then one and two `serve` processes over
# each, and over the embedded store, under wrk (Debian's, installed here when missing)
BENCH_REMOTE_N ?= 300
.PHONY: bench-remote wrk-deps
bench-remote: dev virtuoso-deps wrk-deps
	$(BIN)/python -m bench.remote --n $(BENCH_REMOTE_N)
	$(BIN)/python -m bench.remote_serve --n $(BENCH_REMOTE_N)
wrk-deps:
	@if ! command -v wrk >/dev/null; then \
		$(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q --no-install-recommends wrk; \
	fi
