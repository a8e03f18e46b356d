# The whole developer interface: make run, make test (README), make check, make bench.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_WORKERS ?= 2
export DJANGO_SETTINGS_MODULE := danvan.settings

.PHONY: run test test-sqlite test-postgres check bench install system-deps messages clean guide-screenshots

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	mkdir -p var
	DANVAN_DEBUG=True $(BIN)/danvan migrate --no-input
	DANVAN_DEBUG=True $(BIN)/danvan demo
	@echo ""
	@echo "Danvan: http://127.0.0.1:8000  (dừng: Ctrl+C)"
	@# The worker reads uploaded plans and sends reminders; it stops with the server.
	DANVAN_DEBUG=True $(BIN)/danvan worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DANVAN_DEBUG=True $(BIN)/danvan serve --bind 127.0.0.1:8000

system-deps:
	bash scripts/system-deps.sh

check: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/python scripts/check_house_rules.py
	$(BIN)/danvan makemigrations --check --dry-run
	$(BIN)/mypy $(wildcard src/danvan/*/services.py src/danvan/*/services src/danvan/*/selectors.py \
		src/danvan/*/permissions.py) src/danvan/reports/periods.py

test: $(STAMP) system-deps check test-sqlite test-postgres

test-sqlite: $(STAMP)
	@echo "== Kiểm thử trên SQLite =="
	$(BIN)/pytest -n $(PYTEST_WORKERS) -q

# The parser's tests use no database and the browser journeys ran on SQLite:
# the PostgreSQL pass runs everything that touches the database.
test-postgres: $(STAMP)
	@echo "== Kiểm thử trên PostgreSQL =="
	bash scripts/with-postgres.sh $(BIN)/pytest -n $(PYTEST_WORKERS) -q --ignore=tests/documents/parsing --ignore=tests/browser

messages: $(STAMP)
	cd src/danvan && ../../$(BIN)/danvan makemessages -l vi -l en --no-obsolete --add-location file -e html,txt,py,jinja
	$(BIN)/python scripts/sync_catalogues.py
	cd src/danvan && ../../$(BIN)/danvan compilemessages

# The user guide's screenshots (docs/huong-dan/img/), taken by the role journeys.
guide-screenshots: $(STAMP) system-deps
	DANVAN_GUIDE_SCREENSHOTS=1 $(BIN)/pytest -q tests/browser/test_each_role_does_its_first_task.py

bench: $(STAMP) system-deps
	@for script in bench/bench_*.py; do echo "== $$script =="; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) var test-artifacts
