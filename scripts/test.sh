#!/usr/bin/env bash
# The whole test suite: checks (format, lint, types, dependency rule), then every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
npm run check
npm test --prefix web
npx vitest run "$@"
