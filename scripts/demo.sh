#!/usr/bin/env bash
# The main job on the embedded default, no services needed: start the bundled compute API,
# generate its API suite, run every test 3 times against it and print the summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --node-only
exec node bin/testops.js demo quickstart "$@"
