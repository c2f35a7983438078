#!/usr/bin/env bash
# Installs the Python packages named on the command line that python3 cannot
# import yet. `make test` calls it on every run to state what the oracle and
# browser tests need, so it must cost nothing and print nothing when everything
# is already there.
#
# Usage: scripts/install-python-packages.sh MODULE[=PIP_NAME]...
#   e.g. scripts/install-python-packages.sh flask selenium yaml=PyYAML
set -euo pipefail

if (( $# == 0 )); then
    echo "usage: $0 MODULE[=PIP_NAME]..." >&2
    exit 2
fi

if ! command -v python3 >/dev/null; then
    echo "error: python3 not found; install it first (apt-get install python3 python3-pip)." >&2
    exit 1
fi

missing_packages=()
for argument in "$@"; do
    module=${argument%%=*}
    package=${argument#*=}
    if ! python3 -c "import $module" 2>/dev/null; then
        missing_packages+=("$package")
    fi
done

if (( ${#missing_packages[@]} == 0 )); then
    exit 0
fi

echo "Installing missing Python packages: ${missing_packages[*]}" >&2
# `python3 -m pip` installs for the very python3 the tests run, whichever pip is first on PATH.
python3 -m pip install --quiet --root-user-action=ignore "${missing_packages[@]}"
