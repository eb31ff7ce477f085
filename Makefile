# Two commands do all set-up on a fresh Debian/Ubuntu machine with Python 3.11:
#   make site   – build the site into site/
#   make test   – run the whole test suite (installs Chromium, poppler and nginx first)
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: site bundle check serve test bench schema coverage build-deps test-deps clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "需要 Python 3.11（$(PYTHON)）"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP) build-deps
	$(PY) -m generator build

bundle: $(STAMP) build-deps
	$(PY) -m generator bundle

check: $(STAMP)
	$(PY) -m generator check

serve: $(STAMP) build-deps
	$(PY) -m generator serve

coverage: $(STAMP)
	$(PY) -m generator coverage

schema: $(STAMP)
	$(PY) -m generator schema

build-deps:
	bash scripts/install-system-deps.sh build

test-deps:
	bash scripts/install-system-deps.sh test

test: $(STAMP) test-deps
	$(PY) -m pytest

# Build times as ratios to a bare mkdocs build, serve reload, 10x content, page weights, search (in temporary copies).
bench: $(STAMP) build-deps test-deps
	$(PY) scripts/bench.py

clean:
	rm -rf site build site.old dist
