#!/usr/bin/env bash
# Build the dashboard's vendor files: npm installs the pinned browser libraries (web/package-lock.json)
# and copies them, with the boundaries GeoJSON, into src/attackwatch/serve/static/vendor/.
# Idempotent. Without node/npm it says so and leaves the dashboard unbuilt (the API still works).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "build_web: node/npm not found; the dashboard's vendor files were not built (apt-get install nodejs npm)" >&2
  exit 0
fi
cd web
npm ci --no-audit --no-fund --loglevel=error
npm run --silent build
