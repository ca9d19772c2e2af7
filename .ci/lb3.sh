#!/usr/bin/env bash
# Installs the LoopBack 3 app that connector-remote's wire-compatibility test (RemoteLoopBack3Test) runs
# against: loopback@3 and its peers from the npm registry, at the versions pinned in its package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/../connector-remote/src/test/lb3"
if [ -d node_modules ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "lb3.sh: node and npm are missing; install Node.js 20 (it runs the LoopBack 3 peer of connector-remote's tests)" >&2
  exit 1
fi
npm ci --no-audit --no-fund
