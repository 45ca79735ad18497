# Casebook: two commands on a fresh machine.
#   make build   venv + pinned dependencies + checked example reports + site in site/
#   make test    the test suite (builds real sites into temporary folders)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: build test check site schema serve clean

build: site

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

test: $(VENV)/.installed
	$(BIN)/python -m pytest

schema: $(VENV)/.installed
	$(BIN)/casebook schema --output docs/skema/kasus.schema.json

serve: $(VENV)/.installed
	$(BIN)/casebook serve

clean:
	rm -rf site $(VENV) .pytest_cache
