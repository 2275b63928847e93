#!/usr/bin/env bash
# Installs everything (Chromium and the backends' Debian packages too, when
# missing) and runs every test: typecheck, unit tests (Vitest), end-to-end
# stories in real Chromium (Playwright), conformance of the exported
# configurations in their real libraries.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser --backends
export PATH="${HOME}/.local/bin:${PATH}"
# The lab's ports (8000, 8100) belong to one run at a time on this machine:
# wait for any other end-to-end run or benchmark that holds them.
if command -v flock >/dev/null 2>&1; then
  exec flock /tmp/cors-lab-e2e.lock pnpm test
fi
exec pnpm test
