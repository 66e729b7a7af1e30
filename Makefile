# Two commands do all set-up on a fresh Debian machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
export PORT HOST

.PHONY: run test venv lint format lock browser-deps benchmarks dkfds messages screenshots

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

# PYTEST_ARGS: more pytest options (CI's PostgreSQL run leaves out the browser tests).
PYTEST_ARGS ?=
test: venv browser-deps
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy
	$(BIN)/pytest -n $(or $(TEST_WORKERS),2) $(PYTEST_ARGS)

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

# Front-end assets, vendored so that running Rødtråd needs no Node: `make dkfds` refreshes
# Det Fælles Designsystem, htmx and axe-core (tests only) from npm at the pinned versions.
DKFDS_VERSION ?= 11.2.0
HTMX_VERSION ?= 2.0.11
AXE_VERSION ?= 4.14.1
STATIC := src/roedtraad/web/static
dkfds:
	set -e; tmp=$$(mktemp -d); trap 'rm -rf $$tmp' EXIT; cd $$tmp; \
	npm pack -q dkfds@$(DKFDS_VERSION) htmx.org@$(HTMX_VERSION) axe-core@$(AXE_VERSION) >/dev/null; \
	mkdir d h a; tar xzf dkfds-$(DKFDS_VERSION).tgz -C d; tar xzf htmx.org-$(HTMX_VERSION).tgz -C h; \
	tar xzf axe-core-$(AXE_VERSION).tgz -C a; cd $(CURDIR); dst=$(STATIC)/dkfds; src=$$tmp/d/package/dist; \
	rm -rf $$dst; mkdir -p $$dst/css $$dst/js $$dst/fonts/IBMPlexSans/complete/eot $$dst/fonts/IBMPlexSans/complete/ttf; \
	sed '/sourceMappingURL/d' $$src/css/dkfds.min.css > $$dst/css/dkfds.min.css; \
	sed '/sourceMappingURL/d' $$src/js/dkfds.min.js > $$dst/js/dkfds.min.js; \
	cp -r $$src/img $$dst/img; \
	cp -r $$src/fonts/IBMPlexSans/complete/woff $$src/fonts/IBMPlexSans/complete/woff2 $$dst/fonts/IBMPlexSans/complete/; \
	cp $$src/fonts/IBMPlexSans/complete/eot/IBMPlexSans-Regular.eot $$dst/fonts/IBMPlexSans/complete/eot/; \
	cp $$src/fonts/IBMPlexSans/complete/ttf/IBMPlexSans-Regular.ttf $$dst/fonts/IBMPlexSans/complete/ttf/; \
	cp $$tmp/d/package/LICENSE.md $$dst/LICENSE.md; echo "dkfds $(DKFDS_VERSION) (npm)" > $$dst/VERSION; \
	mkdir -p $(STATIC)/htmx; cp $$tmp/h/package/dist/htmx.min.js $(STATIC)/htmx/htmx.min.js; \
	cp $$tmp/h/package/LICENSE $(STATIC)/htmx/LICENSE; echo "htmx.org $(HTMX_VERSION) (npm)" > $(STATIC)/htmx/VERSION; \
	mkdir -p tests/browser/vendor; cp $$tmp/a/package/axe.min.js tests/browser/vendor/axe.min.js; \
	cp $$tmp/a/package/LICENSE tests/browser/vendor/LICENSE.axe-core; echo "axe-core $(AXE_VERSION) (npm)" > tests/browser/vendor/VERSION

# Translations: extract Danish source strings, then compile (the .mo files are committed).
messages: venv
	cd src/roedtraad && ../../$(BIN)/roedtraad makemessages -l en --no-obsolete --ignore 'demo/*' >/dev/null
	cd src/roedtraad && ../../$(BIN)/roedtraad compilemessages -l en >/dev/null

# Screenshots of the main pages at desktop and phone widths into docs/screenshots/.
screenshots: venv browser-deps
	ROEDTRAAD_DATA_DIR=$$(mktemp -d) DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/python scripts/screenshots.py
