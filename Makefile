# Two commands do all set-up on a fresh Debian/Ubuntu machine with Python 3.11:
#   make site   – build the site into site/
#   make test   – run the whole test suite (installs Chromium and a Chinese font first)
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: site check serve test schema system-deps clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "需要 Python 3.11（$(PYTHON)）"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP)
	$(PY) -m generator build

check: $(STAMP)
	$(PY) -m generator check

serve: $(STAMP)
	$(PY) -m generator serve

schema: $(STAMP)
	$(PY) -m generator schema

system-deps:
	bash scripts/install-system-deps.sh

test: $(STAMP) system-deps
	$(PY) -m pytest

clean:
	rm -rf site build site.old
