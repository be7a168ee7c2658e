# Prongsai — two commands do all the set-up: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Reproducible builds: the site's build date is the last commit's date unless the caller sets one.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || date +%s)
export SOURCE_DATE_EPOCH

.PHONY: site test lint serve bench screenshots clean catalog

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/prongsai build

# npm packages for the browser tests (axe-core); node_modules/ is git-ignored.
NODE_STAMP := node_modules/.package-lock.json
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent; \
	else echo "npm not found: the accessibility tests need axe-core from npm (.ci/run installs npm)"; fi

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/mypy
	$(BIN)/pytest -q

serve: $(STAMP)
	$(BIN)/prongsai serve

catalog: $(STAMP)
	$(BIN)/prongsai catalog import ../shared/seeds/000_d1b957405c320544.txt

bench: $(STAMP)
	$(BIN)/python bench/run.py

screenshots: $(STAMP) $(NODE_STAMP)
	$(BIN)/python tests/browser/screenshots.py

clean:
	rm -rf build site .pytest_cache .mypy_cache .ruff_cache
