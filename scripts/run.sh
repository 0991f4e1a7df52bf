#!/usr/bin/env bash
# The main job: install, then serve the API on http://127.0.0.1:8000 (docs at /schema).
# No OpenAI key and no Redis needed: the extractive engine and an in-process cache serve.
set -euo pipefail
cd "$(dirname "$0")/.."
BRIEF_EXTRAS=${BRIEF_EXTRAS:-test} bash scripts/bootstrap.sh
exec .venv/bin/brief serve "$@"
