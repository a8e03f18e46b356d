# The whole developer interface: make run, make test (README), make check, make bench,
# make install, make lock, make score.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock
PYTEST_WORKERS ?= 2
HOST ?= 127.0.0.1
PORT ?= 8000
SHARED ?= ../shared
export DJANGO_SETTINGS_MODULE := danvan.settings

# mypy checks every services, selectors and permissions module, whichever app it is in.
MYPY_MODULES = $(sort $(wildcard src/danvan/*/services.py src/danvan/*/services \
	src/danvan/*/selectors.py src/danvan/*/permissions.py src/danvan/reports/periods.py))

.PHONY: run test test-sqlite test-postgres check mypy bench install lock score system-deps run-deps \
	messages clean guide-screenshots

# The dependencies come from the lock file, each checked against its hashes; the project
# itself is then installed without resolving anything.
$(STAMP): pyproject.toml $(LOCK)
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || \
		echo "CHÚ Ý: $(LOCK) được lập cho Python 3.11; $(PYTHON) là bản khác."
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

# Re-resolves the lock after a change to pyproject.toml, keeping the other pins;
# `make lock UPGRADE=1` moves every package to its newest allowed release.
lock: $(STAMP)
	CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile --quiet --generate-hashes --extra dev \
		--all-build-deps --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links \
		$(if $(UPGRADE),--upgrade) --pip-args "--isolated" -o $(LOCK) pyproject.toml
	$(BIN)/pip install --quiet --require-hashes --no-deps -r $(LOCK)

run: run-deps $(STAMP)
	@mkdir -p var
	@echo "Cập nhật CSDL và nạp tỉnh mẫu..."
	@DANVAN_DEBUG=True $(BIN)/danvan migrate --no-input -v 0
	@DANVAN_DEBUG=True $(BIN)/danvan demo > var/demo-accounts.txt
	@BIN=$(BIN) HOST=$(HOST) PORT=$(PORT) bash scripts/run-dev.sh

# The Debian packages the running system uses (as root: installed; otherwise: what will not work).
run-deps:
	@bash scripts/system-deps.sh run

# The Debian packages the test suite drives for real.
system-deps:
	@bash scripts/system-deps.sh test

check: $(STAMP) mypy
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/python scripts/check_house_rules.py
	$(BIN)/danvan makemigrations --check --dry-run

mypy: $(STAMP)
	$(BIN)/mypy $(MYPY_MODULES)

test: system-deps $(STAMP) check test-sqlite test-postgres

test-sqlite: $(STAMP)
	@echo "== Kiểm thử trên SQLite =="
	$(BIN)/pytest -n $(PYTEST_WORKERS) -q

# The parser's tests use no database and the browser journeys ran on SQLite:
# the PostgreSQL pass runs everything that touches the database.
test-postgres: $(STAMP)
	@echo "== Kiểm thử trên PostgreSQL =="
	bash scripts/with-postgres.sh $(BIN)/pytest -n $(PYTEST_WORKERS) -q --ignore=tests/documents/parsing --ignore=tests/browser

# The parser scored on the development corpus next to the repository (not needed by the tests,
# which score it on tests/documents/parsing/corpus/).
score: $(STAMP)
	@if [ -f "$(SHARED)/tools/score_extract.py" ] && [ -d "$(SHARED)/corpus" ]; then \
		$(BIN)/python "$(SHARED)/tools/score_extract.py" "$(SHARED)/corpus" --min-f1 0.95 \
			--cmd "$(BIN)/danvan parse {file}"; \
	else \
		echo "Không có $(SHARED)/corpus và $(SHARED)/tools/score_extract.py: không có gì để chấm."; \
		echo "(Đặt SHARED=đường/dẫn nếu bộ văn bản nằm chỗ khác.)"; \
	fi

messages: $(STAMP)
	cd src/danvan && ../../$(BIN)/danvan makemessages -l vi -l en --no-obsolete --add-location file -e html,txt,py,jinja
	$(BIN)/python scripts/sync_catalogues.py
	cd src/danvan && ../../$(BIN)/danvan compilemessages

# The user guide's screenshots (docs/huong-dan/img/), taken by the role journeys.
guide-screenshots: $(STAMP) system-deps
	DANVAN_GUIDE_SCREENSHOTS=1 $(BIN)/pytest -q tests/browser/test_each_role_does_its_first_task.py

# bench_soak.py runs ten minutes of mixed traffic (DANVAN_SOAK_SECONDS=60 for a short run).
bench: $(STAMP) system-deps
	@for script in bench/bench_*.py; do echo "== $$script =="; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) var test-artifacts
