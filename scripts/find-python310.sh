#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter for the engine environment, or explain how to get one.
# Rasa Open Source 3.6 runs only on Python 3.8-3.10; 3.10 is the one we pin and test.
set -u
is310() { [ -x "$1" ] && "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' 2>/dev/null; }

if [ -n "${PYTHON310:-}" ] && is310 "$PYTHON310"; then echo "$PYTHON310"; exit 0; fi
for candidate in "$(command -v python3.10 2>/dev/null)"; do
  if [ -n "$candidate" ] && is310 "$candidate"; then echo "$candidate"; exit 0; fi
done
if command -v pyenv >/dev/null 2>&1; then
  root=$(pyenv root)
  for candidate in $(ls -d "$root"/versions/3.10.* 2>/dev/null | sort -V -r); do
    if is310 "$candidate/bin/python"; then echo "$candidate/bin/python"; exit 0; fi
  done
fi
if command -v uv >/dev/null 2>&1; then
  candidate=$(uv python find 3.10 2>/dev/null || true)
  if [ -n "$candidate" ] && is310 "$candidate"; then echo "$candidate"; exit 0; fi
fi
cat >&2 <<'MSG'
Python 3.10 was not found (the Rasa 3.6 engine needs it; the rest of Wegwijs uses 3.11+).
Get it in one of these ways, then run the command again:
  - pyenv:  pyenv install 3.10        (https://github.com/pyenv/pyenv)
  - uv:     uv python install 3.10
  - Debian/Ubuntu with deadsnakes or your distribution: apt install python3.10 python3.10-venv
  - or point to one you have:  PYTHON310=/path/to/python3.10 make setup
MSG
exit 1
