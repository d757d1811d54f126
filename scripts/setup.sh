#!/usr/bin/env bash
# Create or refresh the two environments, and compile the catalogs. Safe to run again: each step
# is skipped while its pinned inputs are unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp_ok() { [ -f "$1/.installed" ] && [ "$(cat "$1/.installed")" = "$2" ]; }
digest() { cat "$@" | sha256sum | cut -c1-16; }

# The engine: Python 3.10, Rasa 3.6 and spaCy, pinned by requirements/rasa.lock.
rasa_digest=$(digest requirements/rasa.in requirements/rasa.lock)
if ! stamp_ok .venv-rasa "$rasa_digest"; then
  py310=$(bash scripts/find-python310.sh)
  echo "setup: engine environment .venv-rasa with $py310"
  [ -x .venv-rasa/bin/python ] || "$py310" -m venv .venv-rasa
  .venv-rasa/bin/pip install --quiet -r requirements/rasa.in -c requirements/rasa.lock
  echo "$rasa_digest" > .venv-rasa/.installed
fi

# The application: Python 3.11+, pinned by requirements/app.lock.
app_digest=$(digest pyproject.toml requirements/app.lock)
if ! stamp_ok .venv "$app_digest"; then
  py=${PYTHON:-python3}
  "$py" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
    || { echo "setup: $py is older than 3.11; set PYTHON=/path/to/python3.11" >&2; exit 1; }
  echo "setup: application environment .venv with $("$py" --version)"
  [ -x .venv/bin/python ] || "$py" -m venv .venv
  .venv/bin/pip install --quiet -c requirements/app.lock -e ".[dev]"
  echo "$app_digest" > .venv/.installed
fi

# Catalogs: .mo files are build output.
.venv/bin/wegwijs i18n compile >/dev/null
