# Casebook: two commands on a fresh machine.
#   make build   OS packages + venv + pinned dependencies + checked example reports + site and PDFs in site/
#   make test    the test suite (builds real sites into temporary folders)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# Debian packages the project needs: Chromium for the browser tests (driven by Playwright),
# Liberation Serif (metric-compatible with Times New Roman) for the PDF, poppler-utils
# (pdftoppm, pdftotext) for the PDF tests, librsvg2-bin (rsvg-convert) for pandoc to put SVG
# diagrams and photos into the Word export. WeasyPrint's Pango comes with the OS.
# fonts-noto-core (Arabic incl. alef wasla and presentation forms, Javanese, Sundanese, ...) and
# fonts-symbola (black-and-white emoji) so no character prints as a blank gap; libreoffice-writer-nogui
# converts the Word export to PDF in the tests (what a supervisor's office suite shows).
OS_PACKAGES := chromium fonts-liberation2 poppler-utils librsvg2-bin fonts-noto-core fonts-symbola libreoffice-writer-nogui
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: build test check site schema serve clean os-deps bench

build: os-deps site

os-deps:
	@missing=$$(for p in $(OS_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Memasang paket Debian: $$missing"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# The venv is rebuilt whenever the pinned dependencies or the project metadata change.
$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

check: $(VENV)/.installed
	$(BIN)/casebook check --strict

site: check
	$(BIN)/casebook build

test: os-deps $(VENV)/.installed
	$(BIN)/python -m pytest

schema: $(VENV)/.installed
	$(BIN)/casebook schema --output docs/skema/kasus.schema.json

serve: $(VENV)/.installed
	$(BIN)/casebook serve

# Benchmarks (not part of CI): they print their figures. bench_pdf also needs the stock engine.
$(VENV)/.bench: requirements-bench.lock $(VENV)/.installed
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -r requirements-bench.lock
	touch $@

bench: os-deps $(VENV)/.bench
	$(BIN)/python tests/benchmarks/bench_check.py
	$(BIN)/python tests/benchmarks/bench_pdf.py
	$(BIN)/python tests/benchmarks/bench_archive.py --n 1000

clean:
	rm -rf site $(VENV) .pytest_cache .cache
