# Gongkai: `make run` serves the demo, `make test` runs every check.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PYTHON ?= python3
VAR_DIR := $(or $(GONGKAI_VAR_DIR),var)

.PHONY: run pdf-libs test lint typecheck pytest-sqlite pytest-postgres browser clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: pyproject.toml | $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet -e .
	touch $@

$(VENV)/.test: pyproject.toml $(VENV)/.runtime
	$(VENV)/bin/pip install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.runtime pdf-libs
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py demo load
	$(PY) manage.py applications schedule
	@# The task worker (e-mail, reminders) runs beside gunicorn and stops with
	@# it; a worker left over from an earlier run that was killed is stopped
	@# first, so `make run` twice never leaves two.
	@if [ -f $(VAR_DIR)/worker.pid ] && grep -qs db_worker /proc/$$(cat $(VAR_DIR)/worker.pid)/cmdline; then \
		kill $$(cat $(VAR_DIR)/worker.pid) 2>/dev/null || true; sleep 1; fi; \
	$(PY) manage.py db_worker --interval 2 --no-reload & worker=$$!; \
	echo $$worker > $(VAR_DIR)/worker.pid; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null; rm -f $(VAR_DIR)/worker.pid' EXIT INT TERM; \
	$(VENV)/bin/gunicorn config.wsgi --bind 127.0.0.1:$(PORT) --workers 2 --threads 4 --access-logfile -

# CJK fonts and WeasyPrint's libraries (letters, report PDFs) for serving.
pdf-libs:
	@bash scripts/install-system-packages.sh runtime

# Chromium (browser tests) and CJK fonts come from Debian's packages.
browser:
	@bash scripts/install-system-packages.sh

lint: $(VENV)/.test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(VENV)/.test
	$(VENV)/bin/mypy gongkai config
	$(VENV)/bin/lint-imports

test: lint typecheck
	@GONGKAI_TEST_POSTGRES= $(MAKE) --no-print-directory pytest-sqlite
	@if [ "$$GONGKAI_TEST_POSTGRES" = "1" ]; then \
		$(MAKE) --no-print-directory pytest-postgres; fi

pytest-sqlite: $(VENV)/.test browser
	@echo "== pytest on SQLite =="
	GONGKAI_TEST_POSTGRES= $(VENV)/bin/pytest

pytest-postgres: $(VENV)/.test browser
	@echo "== pytest on PostgreSQL =="
	GONGKAI_TEST_POSTGRES=1 $(VENV)/bin/pytest

clean:
	rm -rf $(VENV) var/*.sqlite3* var/test-media var/static
