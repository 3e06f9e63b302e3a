#!/usr/bin/env bash
# SDK-driven emulator tests and the end-to-end demo: `bash emulator/sdk/run.sh test|demo`
# (called by `make emulator-test` and `make demo-emulator`).
#
# Works on a fresh machine: creates .venv-sdk at the repo root with the official SDKs pinned
# (requirements.txt pins every package they pull in), builds and installs the opgate wheel
# into it, builds the emulator binary, then runs pytest on emulator/sdk/tests or the demo.
# Re-runs skip the install while requirements.txt is unchanged and reuse cargo's build.
set -euo pipefail
cd "$(dirname "$0")/../.."

ROOT=$(pwd)
VENV="$ROOT/.venv-sdk"
PY="$VENV/bin/python"
REQUIREMENTS="$ROOT/emulator/sdk/requirements.txt"
WHEELS="$ROOT/target/python-wheels-sdk"
CARGO=${CARGO:-cargo}

log() { printf '==> %s\n' "$*" >&2; }

ensure_venv() {
    if [[ ! -x "$PY" ]]; then
        local python=${PYTHON:-python3}
        log "creating $VENV with $($python --version 2>&1)"
        "$python" -m venv "$VENV"
    fi
    local stamp="$VENV/.opgate-requirements"
    local want
    want=$(sha256sum "$REQUIREMENTS" | cut -d' ' -f1)
    if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
        log "installing the pinned SDKs ($REQUIREMENTS)"
        "$PY" -m pip install --quiet --disable-pip-version-check -r "$REQUIREMENTS"
        echo "$want" >"$stamp"
    fi
}

build_wheel() {
    rm -rf "$WHEELS"
    log "building the opgate wheel (maturin build --release)"
    "$VENV/bin/maturin" build --release --quiet --interpreter "$PY" --out "$WHEELS" >&2
    local wheels=("$WHEELS"/opgate-*.whl)
    [[ -f "${wheels[0]}" ]] || { echo "maturin produced no wheel in $WHEELS" >&2; exit 1; }
    "$PY" -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall "${wheels[0]}"
}

build_emulator() {
    log "building the emulator (cargo build -p opgate-emulator)"
    "$CARGO" build --quiet -p opgate-emulator
    export OPGATE_EMULATOR="$ROOT/target/debug/opgate-emulator"
}

# Loopback only: no proxy may see these requests (the Zenlayer SDK ignores NO_PROXY for
# addresses with a port).
unset http_proxy HTTP_PROXY https_proxy HTTPS_PROXY all_proxy ALL_PROXY

# Run from outside the source tree so `import opgate` is the installed wheel.
in_tmp() { (cd "${TMPDIR:-/tmp}" && "$@"); }

case "${1:-}" in
    test)
        ensure_venv
        build_wheel
        build_emulator
        log "pytest (SDKs against the emulator)"
        in_tmp "$PY" -m pytest -q -p no:cacheprovider --rootdir "$ROOT/emulator/sdk" "$ROOT/emulator/sdk/tests"
        ;;
    demo)
        ensure_venv
        build_wheel
        build_emulator
        in_tmp "$PY" "$ROOT/python/examples/emulator_e2e.py" --fleet "$ROOT/examples/fleet.json"
        ;;
    *)
        echo "usage: bash emulator/sdk/run.sh test|demo" >&2
        exit 2
        ;;
esac
