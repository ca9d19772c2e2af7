#!/usr/bin/env bash
# Installs what connector-remote's wire-compatibility tests run with node: the LoopBack 3 app that
# RemoteLoopBack3Test talks to, and the loopback-connector-remote client that LoopBack3ClientTest runs against
# a Backloop server: loopback@3 and its peers from the npm registry, at the versions pinned in package-lock.json.
# An install older than package-lock.json (npm's own node_modules/.package-lock.json) is redone.
set -euo pipefail
cd "$(dirname "$0")/../connector-remote/src/test/lb3"
if [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "lb3.sh: node and npm are missing; install Node.js 20 (it runs the LoopBack 3 peer of connector-remote's tests)" >&2
  exit 1
fi
npm ci --no-audit --no-fund
