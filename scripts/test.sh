#!/usr/bin/env bash
# Install everything the tests need and run every test: model, app (AppTest) and browser.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
python -m pip install -q -r requirements-dev.txt
python -m ruff check .
exec python -m pytest -q "$@"
