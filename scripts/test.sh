#!/usr/bin/env bash
# Installs everything (Chromium and the backends' Debian packages too, when
# missing) and runs every test: typecheck, unit tests (Vitest), end-to-end
# stories in real Chromium (Playwright), conformance of the exported
# configurations in their real libraries.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser --backends
export PATH="${HOME}/.local/bin:${PATH}"
exec pnpm test
