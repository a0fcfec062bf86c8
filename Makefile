# redchain — the two commands are `make run` and `make test`; the rest are parts of them.
# The first interpreter that really runs and is 3.11+ (pyenv shims can exist without a Python).
PYTHON ?= $(shell for p in python3.11 python3.12 python3.13 python3; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { echo $$p; break; }; done)
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
SCALE ?= small
export PORT

.PHONY: install run serve worker migrate migrate-check demo-data stop test lint format schema schema-check bench clean \
	web web-if-possible web-dev web-test wheel

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements.lock
	@test -n "$(PYTHON)" || { echo "redchain needs Python 3.11+ (python3.11, python3.12 or python3)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps --no-build-isolation -e .
	@touch $@

run: install web-if-possible  ## everything: embedded servers if needed, migrate, demo data, API + worker
	$(BIN)/redchain run

serve: install web-if-possible  ## the API alone
	$(BIN)/redchain serve

worker: install       ## the arq worker alone
	$(BIN)/redchain worker

migrate: install
	$(BIN)/redchain migrate

migrate-check: install
	$(BIN)/redchain migrate-check

demo-data: install
	$(BIN)/redchain demo-data --scale $(SCALE)

stop: install         ## stop embedded servers left running by serve/worker
	$(BIN)/redchain stop-services

# The app is built first, so the wheel test sees the assets the wheel must carry; its own tests come after pytest.
test: install web-if-possible
	$(BIN)/python -m pytest -q
	$(MAKE) --no-print-directory web-test

web:                  ## build the web app into graphql/web_dist/ when its sources changed (needs npm)
	@web/scripts/build-if-changed.sh --required

web-if-possible:
	@web/scripts/build-if-changed.sh

web-dev:              ## Vite with hot reload on :5173; /graphql goes to the API on $(PORT) (make run first)
	@web/scripts/build-if-changed.sh --deps
	cd web && npm run dev -- --host 127.0.0.1

# Generated GraphQL types must match the committed SDL (the build regenerates them); then Vitest, then
# Playwright against a real API, worker, PostgreSQL and Redis that its config starts (web/playwright.config.ts).
web-test: install web
	@git diff --quiet -- web/src/shared/graphql/generated && test -z "$$(git ls-files --others --exclude-standard web/src/shared/graphql/generated)" \
		|| { git status --short web/src/shared/graphql/generated; echo "web/src/shared/graphql/generated is stale: commit what make web regenerated"; exit 1; }
	cd web && npm run --silent test:unit
	cd web && CHROMIUM="$$(scripts/find-chromium.sh)" npx playwright test

wheel: install web    ## a wheel of redchain, the built web app included
	$(BIN)/pip wheel --no-deps --no-build-isolation -w dist .

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@# mypy must see the folders as the redchain.* packages they are installed as (the editable install's
	@# import hook is invisible to it), so it checks a tree of links named like the wheel.
	@rm -rf .lint && mkdir -p .lint/redchain && for d in services graphql workers infra; do ln -s ../../$$d .lint/redchain/$$d; done
	cd .lint && MYPYPATH=. ../$(BIN)/mypy --config-file ../pyproject.toml -p redchain.services -p redchain.graphql -p redchain.workers -p redchain.infra
	@# The import contracts ([tool.importlinter]) need regular packages: a tree of linked files in which
	@# every folder (graphql/ too, a namespace portion) has an __init__.py.
	@rm -rf .imports && mkdir -p .imports/redchain && touch .imports/redchain/__init__.py
	@for d in services graphql workers infra; do cp -rs "$(CURDIR)/$$d" .imports/redchain/$$d; done
	@find .imports/redchain -type d \( -name __pycache__ -o -name migrations \) -prune -o -type d -exec sh -c 'test -e "$$1/__init__.py" || touch "$$1/__init__.py"' _ {} \;
	cd .imports && PYTHONPATH=. ../$(BIN)/lint-imports --config ../pyproject.toml --no-cache

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

schema: install       ## rewrite graphql/schema.graphql from the code
	$(BIN)/python -c 'from redchain.graphql.schema import SCHEMA_FILE, sdl; SCHEMA_FILE.write_text(sdl())'

schema-check: install
	$(BIN)/python -c 'from redchain.graphql.schema import SCHEMA_FILE, sdl; import sys; sys.exit(SCHEMA_FILE.read_text() != sdl() and "graphql/schema.graphql is stale: run make schema")'

bench: install
	$(BIN)/python -m tests.bench

clean:
	rm -rf $(VENV) build dist *.egg-info .lint .imports graphql/web_dist .web-build-stamp web/node_modules
