#!/usr/bin/env bash
# Installs everything (Chromium too, when missing) and runs every test:
# typecheck, unit tests (Vitest), end-to-end stories in real Chromium (Playwright).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
export PATH="${HOME}/.local/bin:${PATH}"
exec pnpm test
