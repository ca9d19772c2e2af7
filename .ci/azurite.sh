#!/usr/bin/env bash
# Installs Azurite, the Azure Storage emulator that component-storage-azure's tests (AzureProviderTest) run
# against: the npm package at the version pinned in its package-lock.json (3.35, the last for Node 20).
set -euo pipefail
cd "$(dirname "$0")/../component-storage-azure/src/test/azurite"
if [ -d node_modules/azurite ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "azurite.sh: node and npm are missing; install Node.js 20 (it runs Azurite for component-storage-azure's tests)" >&2
  exit 1
fi
npm ci --no-audit --no-fund
