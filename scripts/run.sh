#!/usr/bin/env bash
# Install what the app needs and start it on http://localhost:8501: app.py's st.App (Streamlit,
# /snapshot, /card.png and compression from server/), which `streamlit run` finds and serves
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
python -m pip install -q -r requirements.txt
exec python -m streamlit run app.py --browser.gatherUsageStats false "$@"
