# Two commands on a fresh machine: `make run` (the demo) and `make test` (the suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Two workers on the usual 2-core machine; tests of one file stay together (shared fixtures).
# Tests that commit (marked own_process) and browser tests run after, each set in one process: their
# flushes would empty the seeded rows for the tests after them.
PYTEST_ARGS ?= -n auto --dist loadfile
export DJANGO_SETTINGS_MODULE ?= portal.settings.dev

.PHONY: run test install migrate demo serve lint format check-migrations messages clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

migrate: install
	$(PY) manage.py migrate --noinput -v0

demo: migrate
	$(PY) manage.py load_demo

# The dev server, the task worker and the scheduler together; Ctrl-C stops all three.
serve: install
	@$(PY) manage.py demo_logins --port $(PORT)
	$(PY) -m portal.supervisor "$(PY) manage.py runserver 0.0.0.0:$(PORT)" \
		"$(PY) manage.py db_worker --queue-name * --no-startup-delay" \
		"$(PY) manage.py run_scheduler"

run: demo serve

# The suite always runs on the test settings, whatever DJANGO_SETTINGS_MODULE says.
# axe-core for the browser tests' accessibility checks, from npm (tests/e2e/package.json).
tests/e2e/node_modules/.installed: tests/e2e/package.json tests/e2e/package-lock.json
	npm ci --prefix tests/e2e --no-audit --no-fund --silent
	touch $@

test: install tests/e2e/node_modules/.installed
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) -m pytest $(PYTEST_ARGS) --ignore=tests/e2e
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) -m pytest -m own_process -q -rs --ignore=tests/e2e
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) -m pytest tests/e2e -q -rs

# Templates and CSS are linted too: djhtml (indentation of Django templates) and stylelint (npm).
TEMPLATES = $(shell git ls-files '*templates/*.html')
CSS = "static/css/*.css" "*/static/**/*.css"

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

lint: install node_modules/.installed
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/djhtml --check $(TEMPLATES)
	npx --no-install stylelint $(CSS)

format: install node_modules/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/djhtml $(TEMPLATES)
	npx --no-install stylelint --fix $(CSS)

check-migrations: install
	$(PY) manage.py makemigrations --check --dry-run

messages: install
	$(PY) manage.py compilemessages -v0

clean:
	rm -rf $(VENV) node_modules tests/e2e/node_modules db.sqlite3 media staticfiles var
