#!/usr/bin/env bash
# Installs Debian's chromium and its chromedriver for the explorer's browser test (dist's ExplorerBrowserTest),
# when they are missing. CI runs as root on Debian; elsewhere, install them with your package manager.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "browser.sh: chromium and chromedriver are missing; install them (Debian: apt-get install chromium chromium-driver)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq chromium chromium-driver >/dev/null
chromium --version
