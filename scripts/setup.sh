#!/usr/bin/env bash
# Installs what CORS Lab needs on a fresh Debian machine that has only Node 20
# and npm: pnpm, the workspace's dependencies; with --browser a Chromium for
# the end-to-end tests (Playwright's own if present, else Debian's) and ffmpeg
# for the demo recordings (Playwright cannot download its own here); with
# --backends the Debian packages of the real backends the conformance check
# runs (Django, Flask, their CORS libraries, nginx). Flags go in any order.
set -euo pipefail
cd "$(dirname "$0")/.."

browser=no
backends=no
for arg in "$@"; do
  case "$arg" in
    --browser) browser=yes ;;
    --backends) backends=yes ;;
    *) echo "setup: unknown option $arg (known: --browser, --backends)" >&2; exit 2 ;;
  esac
done

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
apt_updated=no
apt_install() {
  if [ "$apt_updated" = no ]; then
    $sudo apt-get update -qq
    apt_updated=yes
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

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

if [ "$browser" = yes ]; then
  has_playwright_chromium=$(node -e "const { chromium } = require('@playwright/test'); console.log(require('node:fs').existsSync(chromium.executablePath()) ? 'yes' : 'no')")
  if [ -n "${CHROMIUM_PATH:-}" ] || [ "$has_playwright_chromium" = yes ] || command -v chromium >/dev/null 2>&1; then
    echo "setup: Chromium found"
  else
    echo "setup: installing Debian's chromium (Playwright cannot download its own here)"
    apt_install chromium
  fi
  # pnpm demo:record (and pnpm test, which records one lesson) films with Playwright's
  # screencast, which needs ffmpeg with VP9; the MP4 needs libx264, the Chinese captions a CJK font.
  if command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1; then
    echo "setup: ffmpeg found"
  elif command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian's ffmpeg for the demo recordings"
    apt_install ffmpeg
  else
    echo "setup: no ffmpeg and no apt-get: install ffmpeg (with libx264 and libvpx) for pnpm demo:record" >&2
  fi
  if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh 2>/dev/null | head -n 1)" ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing a Chinese font (fonts-noto-cjk) for the zh-CN pages and recordings"
    apt_install fonts-noto-cjk
  fi
fi

if [ "$backends" = yes ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: no apt-get here, so no Debian packages for the backends: the conformance check skips the lanes it cannot run"
  else
    missing=""
    for pkg in python3-django python3-django-cors-headers python3-flask python3-flask-cors nginx; do
      dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $pkg"
    done
    if [ -z "$missing" ]; then
      echo "setup: backend packages found"
    else
      echo "setup: installing the backends' Debian packages:$missing"
      # shellcheck disable=SC2086 # one word per package
      apt_install $missing
    fi
  fi
fi
