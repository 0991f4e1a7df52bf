#!/usr/bin/env bash
# The test command: install, lint (ruff), type-check (mypy --strict), the eval gate, every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/hadolint Dockerfile
# The release gate: the extractive baseline on the dev suite must meet evals/gates.toml.
gate_run=$(mktemp -d)
trap 'rm -rf "$gate_run"' EXIT
.venv/bin/brief eval run --suite dev --engine extractive --gate --out "$gate_run/dev"
.venv/bin/pytest "$@"
