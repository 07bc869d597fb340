#!/usr/bin/env bash
# Installs what the product and its tests need on a fresh Debian machine: the locked npm
# packages, Chromium (UI targets; Playwright's own browser download is not required), and
# Python with pytest/httpx/jsonschema (emitted pytest suites). Safe to run repeatedly.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

[ "${1:-}" = "--node-only" ] && exit 0

missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/lib/chromium/chromium ] || missing+=(chromium)
/usr/bin/python3 -c 'import pytest, httpx, jsonschema' >/dev/null 2>&1 || missing+=(python3-pytest python3-httpx python3-jsonschema)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
