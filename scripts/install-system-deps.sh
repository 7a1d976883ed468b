#!/usr/bin/env bash
# Installs the Debian packages the project's tools need, only those not yet installed,
# so running it again is quick and changes nothing. Each line says who needs it.
#
#   bash scripts/install-system-deps.sh          what `npm test` and `npm run test:e2e` need (CI)
#   bash scripts/install-system-deps.sh --test   what `npm test` needs (its pretest step)
set -euo pipefail

TEST_PACKAGES=(
    chromium        # the browser the HTML tests render pages in (/usr/bin/chromium)
)
E2E_PACKAGES=(
    libkrb5-dev     # gssapi/gssapi.h, for a native module of code-server (scripts/setup-e2e.sh)
)

PACKAGES=("${TEST_PACKAGES[@]}")
if [ "${1:-}" != "--test" ]; then PACKAGES+=("${E2E_PACKAGES[@]}"); fi

fail() {
    echo "install-system-deps: $1" >&2
    echo "install-system-deps: install them by hand (sudo apt-get install ${missing[*]}), then run the command again." >&2
    exit 1
}

missing=()
for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done

if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi

echo "install-system-deps: Debian packages not yet installed: ${missing[*]}; installing them with apt-get" >&2
command -v apt-get >/dev/null || fail "cannot install them: apt-get not found (this is not a Debian or Ubuntu machine)."
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || fail "cannot install them: not root, and sudo is not installed."
    sudo -n true 2>/dev/null || fail "cannot install them: not root, and sudo asks for a password."
    SUDO="sudo -n"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || fail "cannot install them: apt-get update failed (no network, or no access to the package mirrors)."
# dpkg reports every file it unpacks: keep the log short, errors still reach stderr.
$SUDO apt-get install -y -qq -o Dpkg::Use-Pty=0 "${missing[@]}" >/dev/null || fail "cannot install them: apt-get install failed."
echo "install-system-deps: installed ${missing[*]}" >&2
