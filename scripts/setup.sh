#!/usr/bin/env bash
# Installs what CORS Lab needs on a fresh Debian machine that has only Node 20
# and npm: pnpm, the workspace's dependencies, and with --browser a Chromium
# for the end-to-end tests (Playwright's own if present, else Debian's).
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=12.21.0

if ! command -v pnpm >/dev/null 2>&1; then
  echo "setup: installing pnpm@${PNPM_VERSION} with npm"
  # corepack fails on registry signatures on these machines; npm works.
  if ! npm install -g "pnpm@${PNPM_VERSION}" >/dev/null 2>&1; then
    npm install -g --prefix "${HOME}/.local" "pnpm@${PNPM_VERSION}" >/dev/null
    export PATH="${HOME}/.local/bin:${PATH}"
  fi
fi

echo "setup: installing dependencies with pnpm $(pnpm --version)"
pnpm install --frozen-lockfile --reporter=append-only | tail -n 3

if [ "${1:-}" = "--browser" ]; then
  has_playwright_chromium=$(node -e "const { chromium } = require('@playwright/test'); console.log(require('node:fs').existsSync(chromium.executablePath()) ? 'yes' : 'no')")
  if [ -n "${CHROMIUM_PATH:-}" ] || [ "$has_playwright_chromium" = yes ] || command -v chromium >/dev/null 2>&1; then
    echo "setup: Chromium found"
  else
    echo "setup: installing Debian's chromium (Playwright cannot download its own here)"
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  fi
fi
