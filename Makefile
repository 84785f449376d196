# Förbundsportalen. `make run` and `make test` are the whole set-up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000
# The test suite gets its own embedded PostgreSQL cluster, stopped when each command
# exits, so `make test` never touches the database `make run` is serving.
TEST_ENV := FORBUND_PGDATA=var/pgdata-test FORBUND_PG_STOP_AT_EXIT=1 DJANGO_SETTINGS_MODULE=forbund.settings.test
# Production settings with dummy secrets: only for `check --deploy`, nothing connects.
DEPLOY_ENV := DJANGO_SETTINGS_MODULE=forbund.settings.production \
	SECRET_KEY=dummy-deploy-check-$(shell printf '%064d' 0 | tr 0 x) \
	DATABASE_URL=postgres://forbund@db.invalid:5432/forbund \
	ALLOWED_HOSTS=portal.example.org

.PHONY: install run test lint format clean-db bench load

# The development set: production.lock plus the test, lint and benchmark tools (requirements/).
$(VENV)/.installed: requirements/dev.lock requirements/production.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Förbundsportalen kräver Python 3.11 eller senare.")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/dev.lock
	@touch $@

install: $(VENV)/.installed

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo "Förbundsportalen: http://127.0.0.1:$(PORT)/  (avsluta med Ctrl-C)"
	$(PY) manage.py kor 127.0.0.1:$(PORT)

# ruff (with PLC0415: no imports inside functions) and import-linter (the layers, pyproject.toml).
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

test: lint
	$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run
	$(DEPLOY_ENV) $(PY) manage.py check --deploy --fail-level WARNING
	$(TEST_ENV) $(PY) -m pytest

# Benchmarks and the load test (docs/performance.md): production-like settings, and databases
# of their own in the embedded cluster (forbund_bench_demo, forbund_scale, forbund_load), never
# the `make run` database; DATABASE_URL is ignored here on purpose. Not part of `make test`.
PERF_ENV := env -u DATABASE_URL DJANGO_SETTINGS_MODULE=forbund.settings.load
BENCH_DEMO := $(PERF_ENV) FORBUND_DB_NAME=forbund_bench_demo
BENCH_SKALA := $(PERF_ENV) FORBUND_DB_NAME=forbund_scale
LOAD_ENV := $(PERF_ENV) FORBUND_DB_NAME=forbund_load
# Rounds of the page measurements, demo and scale alternating; per page the quieter round's
# median counts (the machine is shared; docs/performance.md).
BENCH_RUNDOR ?= 3
# One load test per worker count, one after the other, figures side by side (loadtest/kor.py).
LOAD_WORKERS ?= 2 4

bench: install
	$(BENCH_DEMO) $(PY) manage.py migrate --noinput -v0
	$(BENCH_DEMO) $(PY) manage.py load_demo > /dev/null
	$(BENCH_DEMO) $(PY) manage.py collectstatic --noinput -v0
	$(BENCH_SKALA) $(PY) manage.py migrate --noinput -v0
	$(BENCH_SKALA) $(PY) manage.py generate_scale
	$(BENCH_DEMO) $(PY) manage.py bench --etikett demo
	$(BENCH_SKALA) $(PY) manage.py bench --etikett skala
	@for runda in $$(seq 2 $(BENCH_RUNDOR)); do \
		$(BENCH_DEMO) $(PY) manage.py bench --etikett demo --utan-jobb --runda $$runda && \
		$(BENCH_SKALA) $(PY) manage.py bench --etikett skala --utan-jobb --runda $$runda || exit 1; \
	done

load: install
	$(LOAD_ENV) $(PY) manage.py migrate --noinput -v0
	$(LOAD_ENV) $(PY) manage.py load_demo > /dev/null
	$(LOAD_ENV) $(PY) manage.py collectstatic --noinput -v0
	$(LOAD_ENV) $(PY) loadtest/kor.py --workers $(LOAD_WORKERS)

# Removes the embedded development database (stop `make run` first).
clean-db:
	rm -rf var/pgdata var/pgdata-test

# The embedded PostgreSQL keeps running between commands, so the next one starts at once;
# this stops it, and the test suite's cluster if that runs. The next command starts it again.
.PHONY: stop soak
stop: install
	$(PY) -m forbund.db stop var/pgdata var/pgdata-test

# Interrupts `make run` and a manage.py command beside it at random moments, SOAK_CYKLER times,
# on a data folder of its own (never var/pgdata), and checks that the next command comes up
# with the data intact. `make test` runs a short version (tests/test_soak.py).
SOAK_CYKLER ?= 50
soak: install
	$(PY) -m tests.soak --cykler $(SOAK_CYKLER)
