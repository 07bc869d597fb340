#!/usr/bin/env bash
# Installs what the product and its tests need on a fresh Debian machine: the locked npm
# packages, Chromium (UI targets; Playwright's own browser download is not required), and
# Python with pytest/httpx/jsonschema (emitted pytest suites), and PostgreSQL + Redis for the
# service tests. Safe to run repeatedly.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# The web UI (served by `testops serve`): its own locked packages, and a build whenever a source
# is newer than the last one, so an up-to-date checkout skips both.
if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
  npm ci --prefix web --no-audit --no-fund
fi
if [ ! -f web/dist/index.html ] ||
  [ -n "$(find web/src web/index.html web/vite.config.ts web/package-lock.json -newer web/dist/index.html -print -quit)" ]; then
  npm run build --prefix web
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

# The service's tests use a real PostgreSQL (127.0.0.1:5432, trust auth for local connections) and
# Redis (127.0.0.1:6379). Use running ones when they answer; otherwise install Debian's and start them.
[ "${1:-}" = "--no-services" ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if ! port_open 5432; then
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql
  fi
  $sudo pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
fi
if ! port_open 6379; then
  command -v redis-server >/dev/null 2>&1 || {
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends redis-server
  }
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
fi
