#!/usr/bin/env bash
# npm test: make sure Chromium and PostgreSQL are there, build the web app if stale, then run every Vitest project
# (core logic, API on PGlite, API on PostgreSQL, browser end-to-end).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-test-deps.sh
node scripts/build-web.mjs --if-stale
exec npx vitest run "$@"
