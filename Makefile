# Transitions — the two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PACKAGE_STAMP := $(VENV)/.installed-package
# Compiled translations (build output, not committed): one .qm per committed .ts.
QM := $(patsubst %.ts,%.qm,$(wildcard resources/translations/*.ts))

.PHONY: run test lint unit bench system-deps clean package package-test icons translations

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

$(PACKAGE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	touch $(PACKAGE_STAMP)

# lrelease: the UI's translations, compiled for the app to load
resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

## translations: collect the UI strings into resources/translations/*.ts (lupdate), compile them
translations: $(STAMP)
	$(BIN)/python packaging/update_translations.py

## run: install, create/migrate the default database, seed the demo hospital, open the app
run: system-deps $(STAMP) $(QM)
	$(BIN)/transitions --seed-demo-if-empty

## system-deps: Debian packages that headless Qt and the PDF checks need
system-deps:
	@bash packaging/system-deps.sh

## lint: ruff, mypy (strict on transitions/), import-linter layering contracts
lint: $(STAMP)
	$(BIN)/ruff check transitions ui tests benchmarks
	$(BIN)/ruff format --check transitions ui tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

## test: everything CI runs — system packages, lint, the whole suite
test: system-deps $(PACKAGE_STAMP) $(QM) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)
	$(MAKE) package-test

## package: the one-folder desktop bundle dist/transitions/ (PyInstaller, packaging/transitions.spec)
package: $(PACKAGE_STAMP) $(QM)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/transitions.spec

## package-test: build the bundle and run it headless (--version, a rules command, --self-test)
package-test: package
	bash packaging/bundle-test.sh dist/transitions

## icons: re-render the PNG icon sizes from resources/icons/transitions.svg
icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/linux/render_icons.py

## bench: every benchmark against its baseline (benchmarks/README.md); builds the cached
## 100k/1M-encounter databases the first time (about 15 minutes), BENCH_ARGS=--quick for a short run
bench: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.run_all $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache $(QM)
