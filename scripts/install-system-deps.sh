#!/usr/bin/env bash
# Installs the Debian packages the project's tools need, only those not yet installed,
# so running it again is quick and changes nothing. Each line of PACKAGES says who needs it.
set -euo pipefail

PACKAGES=(
    chromium        # the browser the end-to-end test drives (scripts/setup-e2e.sh)
    libkrb5-dev     # gssapi/gssapi.h, for a native module of code-server (scripts/setup-e2e.sh)
)

missing=()
for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done

if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi

echo "Installing Debian packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# dpkg reports every file it unpacks: keep the log short, errors still reach stderr.
$SUDO apt-get install -y -qq -o Dpkg::Use-Pty=0 "${missing[@]}" >/dev/null
