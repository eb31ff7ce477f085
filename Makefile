# Two commands do all set-up on a fresh Debian/Ubuntu machine with Python 3.11:
#   make site   – build the site into site/
#   make test   – run the whole test suite (installs Chromium, poppler and nginx first)
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: site bundle check serve test bench schema coverage add-source build-deps source-deps test-deps clean

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

# make add-source FILE=规划.docx [ID=guangdong-2021] [REDACT=1]
add-source: $(STAMP) source-deps
	@test -n "$(FILE)" || { echo "用法：make add-source FILE=文件.docx [ID=编号] [REDACT=1]"; exit 1; }
	$(PY) -m generator add-source "$(FILE)" $(if $(ID),--id "$(ID)") $(if $(REDACT),--redact)

build-deps:
	bash scripts/install-system-deps.sh build

source-deps:
	bash scripts/install-system-deps.sh sources

test-deps:
	bash scripts/install-system-deps.sh test

test: $(STAMP) test-deps
	$(PY) -m pytest

# Build times as ratios to a bare mkdocs build, serve reload, 10x content, page weights, search (in temporary copies).
bench: $(STAMP) build-deps test-deps
	$(PY) scripts/bench.py

clean:
	rm -rf site build site.old dist
