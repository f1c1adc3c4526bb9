#!/usr/bin/env bash
# Install what the app needs and start it on http://localhost:8501
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
python -m pip install -q -r requirements.txt
exec python -m streamlit run app.py --browser.gatherUsageStats false "$@"
