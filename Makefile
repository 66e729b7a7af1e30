# Two commands do all set-up on a fresh Debian machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
export PORT HOST

.PHONY: run test venv lint format lock browser-deps benchmarks

$(BIN)/roedtraad: pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/pip install -q --disable-pip-version-check -c requirements.lock -e '.[test]'
	touch $@

venv: $(BIN)/roedtraad

run: venv
	$(BIN)/roedtraad migrate --noinput -v0
	$(BIN)/roedtraad demo --if-empty
	$(BIN)/roedtraad serve --host $(HOST) --port $(PORT)

# Debian packages the tests need: Chromium for browser tests, poppler for PDF checks.
browser-deps:
	@command -v chromium >/dev/null && command -v pdftotext >/dev/null || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null; }

test: venv browser-deps
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/pytest

lint:
	$(BIN)/ruff check src tests benchmarks

format:
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

# Refresh the lock file after changing dependencies in pyproject.toml.
lock: venv
	$(BIN)/pip freeze --exclude-editable | grep -v '^roedtraad' > requirements.lock

benchmarks: venv
	$(BIN)/python benchmarks/import.py
