#!/usr/bin/env bash
# Usage: test-on-node.sh MAJOR (22 or 24)
#
# Runs the install test and the language-server protocol test under the pinned release of a
# Node major version (scripts/install-node.sh), as CI does for each version users run
# (.ci/run); vitest's results go to test-results/vitest-nodeMAJOR.json.
set -euo pipefail
cd "$(dirname "$0")/.."

node_bin="$(bash scripts/install-node.sh "${1:-}")"
export PATH="$node_bin:$PATH"
echo "The install and protocol tests under Node $(node --version)" >&2
mkdir -p test-results
npx vitest run packages/cli/test/install packages/language/test/protocol \
    --reporter=default --reporter=json --outputFile="test-results/vitest-node$1.json"
