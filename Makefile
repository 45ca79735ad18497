# Casebook: two commands on a fresh machine.
#   make build   venv + pinned dependencies + checked example reports + site in site/
#   make test    the test suite (builds real sites into temporary folders)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# Debian packages the project needs: Chromium for the browser tests (driven by Playwright).
OS_PACKAGES := chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: build test check site schema serve clean os-deps

build: os-deps site

os-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Memasang paket Debian: $(OS_PACKAGES)"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(OS_PACKAGES); }

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

clean:
	rm -rf site $(VENV) .pytest_cache
