#!/usr/bin/env bash
# Installs everything, builds the page and starts the lab; prints its URL.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="${HOME}/.local/bin:${PATH}"
exec pnpm start "$@"
