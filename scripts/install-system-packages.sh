#!/usr/bin/env bash
# Installs the Debian packages named on the command line that are not installed
# yet. Build and benchmark scripts call it on every run to state what they need,
# so it must cost nothing and print nothing when everything is already there.
#
# Usage: scripts/install-system-packages.sh liburing-dev libssl-dev
set -euo pipefail

if (( $# == 0 )); then
    echo "usage: $0 PACKAGE..." >&2
    exit 2
fi

if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
    echo "error: dpkg-query/apt-get not found; this helper only knows Debian and Ubuntu." >&2
    echo "Install the equivalent of these packages with your system's package manager: $*" >&2
    exit 1
fi

missing_packages=()
for package in "$@"; do
    # The status's last word is "installed" for both "install ok installed" and
    # "hold ok installed"; a package dpkg has never seen makes dpkg-query fail.
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    if [[ $status != *" installed" ]]; then
        missing_packages+=("$package")
    fi
done

if (( ${#missing_packages[@]} == 0 )); then
    exit 0
fi

if (( EUID == 0 )); then
    run_as_root=()
elif command -v sudo >/dev/null; then
    run_as_root=(sudo)
else
    echo "error: missing system packages: ${missing_packages[*]}" >&2
    echo "Installing them needs root and sudo is not available. As root, run:" >&2
    echo "    apt-get update && apt-get install -y ${missing_packages[*]}" >&2
    exit 1
fi

echo "Installing missing system packages: ${missing_packages[*]}" >&2
# `env` carries DEBIAN_FRONTEND through sudo, which drops the caller's environment.
"${run_as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${run_as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing_packages[@]}"
