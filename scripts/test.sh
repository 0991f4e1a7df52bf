#!/usr/bin/env bash
# The test command: install, lint (ruff), type-check (mypy --strict), then every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/hadolint Dockerfile
.venv/bin/pytest "$@"
