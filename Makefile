# Wegwijs: every command installs what it is missing first.
SHELL := /bin/bash
APP := .venv/bin
RASA := .venv-rasa/bin/rasa
export PYTHONPATH := $(CURDIR)
export TF_CPP_MIN_LOG_LEVEL := 2
export RASA_TELEMETRY_ENABLED := false

.PHONY: help setup train run chat test validate bench-nlu disputed-examples lint lock clean \
        i18n-extract i18n-update i18n-compile i18n-status i18n-check

help:
	@echo "make run        start the assistant (engine, actions/NLG, Telegram when a token is set)"
	@echo "make chat       chat in the terminal with the running assistant (LANG_CODE=ar to choose)"
	@echo "make test       run every test (trains the model once if the data changed)"
	@echo "make train      train the model if config, domain or data changed"
	@echo "make bench-nlu  intent accuracy and F1 per language on a held-out split"
	@echo "make disputed-examples LANGS=\"ar ku\"  examples the rest of the data files elsewhere"
	@echo "make i18n-extract | i18n-update | i18n-compile | i18n-status | i18n-check"

setup:
	@bash scripts/setup.sh

train: setup
	@$(APP)/python -m bot.engine.model

run: train
	@$(APP)/python -m bot.supervisor

chat: setup
	@$(APP)/wegwijs chat $(if $(LANG_CODE),--language $(LANG_CODE))

validate: setup
	@mkdir -p var
	@$(RASA) data validate --domain domain.yml --data nlu_data --fail-on-warnings > var/validate.log 2>&1 \
	  || { grep -E "UserWarning|ERROR|WARNING|Error" -A2 var/validate.log; echo "rasa data validate failed (var/validate.log)"; exit 1; }
	@echo "rasa data validate --fail-on-warnings: clean"

# Engine-side components are tested in the engine's environment, everything else in the app's.
test: train validate i18n-check
	@.venv-rasa/bin/python -m pytest --noconftest -p no:cacheprovider -p no:warnings -q tests/engine_nlu
	@$(APP)/python -m pytest -q --ignore=tests/engine_nlu $(PYTEST_ARGS)

bench-nlu: setup
	@.venv-rasa/bin/python bench/nlu_eval.py $(BENCH_ARGS)

disputed-examples: setup
	@.venv-rasa/bin/python bench/disputed_examples.py $(or $(LANGS),$(error LANGS="ar ku" names the languages))

lint: setup
	@$(APP)/ruff check bot actions tests bench

i18n-extract: setup
	@$(APP)/wegwijs i18n extract
i18n-update: setup
	@$(APP)/wegwijs i18n update
i18n-compile: setup
	@$(APP)/wegwijs i18n compile
i18n-status: setup
	@$(APP)/wegwijs i18n status
i18n-check: setup
	@$(APP)/wegwijs i18n check

# Re-pin both environments after changing requirements/rasa.in or pyproject.toml.
lock:
	@(echo "# Pinned from requirements/rasa.in (pip freeze); regenerate with: make lock"; \
	  .venv-rasa/bin/pip freeze) > requirements/rasa.lock
	@(echo "# Pinned from pyproject.toml (pip freeze of .venv); regenerate with: make lock"; \
	  $(APP)/pip freeze --exclude-editable) > requirements/app.lock

clean:
	rm -rf models .rasa results var/*.log
