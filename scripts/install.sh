#!/usr/bin/env bash
# Installs what lkjip needs on a Debian/Ubuntu machine: OCR (tesseract + Indonesian data),
# poppler (page rasterising), Chromium (browser tests, optional), then the npm dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else echo "note: not root and no sudo; skipping system packages" >&2; SKIP_APT=1; fi
fi
need=()
command -v tesseract >/dev/null || need+=(tesseract-ocr)
ls /usr/share/tesseract-ocr/*/tessdata/ind.traineddata >/dev/null 2>&1 || need+=(tesseract-ocr-ind)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
if [ "${LKJIP_SKIP_CHROMIUM:-0}" != "1" ]; then command -v chromium >/dev/null || need+=(chromium); fi
if [ ${#need[@]} -gt 0 ] && [ -z "${SKIP_APT:-}" ] && command -v apt-get >/dev/null; then
  echo "installing system packages: ${need[*]}" >&2
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-dejavu-core >/dev/null
fi

# better-sqlite3 compiles against Node's own headers when no prebuilt binary can be fetched.
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
npm ci --no-audit --no-fund
