#!/usr/bin/env bash
# Python package: `bash python/run.sh test|demo|bench|bench-hostile|wheel` (called by the Makefile;
# `wheel` only builds it into target/python-wheels/, for `make wheel`).
#
# Works on a fresh machine: creates .venv at the repo root, installs pinned tools, builds the
# wheel with `maturin build --profile wheel` (release with LTO, Cargo.toml) and installs that
# wheel (so the wheel itself is what is tested). Re-runs skip the tool install and reuse cargo's
# incremental build.
set -euo pipefail
cd "$(dirname "$0")/.."

MATURIN_VERSION=1.16.0
PYTEST_VERSION=9.2.0
MYPY_VERSION=2.4.1
# The references of `make bench` only, in their own venv (.venv-bench): `make test` never needs
# them. The versions the performance issue measured against.
BENCH_SDKS="alibabacloud-ecs20140526==7.11.8 alibabacloud-tea-openapi==0.4.6"

ROOT=$(pwd)
VENV="$ROOT/.venv"
BENCH_VENV="$ROOT/.venv-bench"
PY="$VENV/bin/python"
WHEELS="$ROOT/target/python-wheels"

log() { printf '==> %s\n' "$*" >&2; }

ensure_venv() {
    if [[ ! -x "$PY" ]]; then
        local python=${PYTHON:-python3}
        log "creating $VENV with $($python --version 2>&1)"
        "$python" -m venv "$VENV"
    fi
    local tools="maturin==$MATURIN_VERSION pytest==$PYTEST_VERSION mypy==$MYPY_VERSION"
    local stamp="$VENV/.opgate-tools"
    if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$tools" ]]; then
        log "installing $tools"
        "$PY" -m pip install --quiet --disable-pip-version-check $tools
        echo "$tools" >"$stamp"
    fi
}

# The wheel, alone in target/python-wheels/ (what `make wheel` leaves there).
make_wheel() {
    command -v cargo >/dev/null || { echo "cargo is needed to build the extension (https://rustup.rs)" >&2; exit 1; }
    rm -rf "$WHEELS"
    log "building the wheel (maturin build --profile wheel)"
    "$VENV/bin/maturin" build --profile wheel --quiet --interpreter "$PY" --out "$WHEELS" >&2
    local wheels=("$WHEELS"/opgate-*.whl)
    [[ -f "${wheels[0]}" ]] || { echo "maturin produced no wheel in $WHEELS" >&2; exit 1; }
    WHEEL="${wheels[0]}"
}

build_wheel() {
    make_wheel
    local wheels=("$WHEEL")
    log "installing ${wheels[0]##*/}"
    "$PY" -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall "${wheels[0]}"
}

# The bench venv: the official SDKs (pinned) beside the wheel just built.
ensure_bench_venv() {
    local python=${PYTHON:-python3}
    [[ -x "$BENCH_VENV/bin/python" ]] || { log "creating $BENCH_VENV"; "$python" -m venv "$BENCH_VENV"; }
    local stamp="$BENCH_VENV/.opgate-bench-sdks"
    if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$BENCH_SDKS" ]]; then
        log "installing the bench references: $BENCH_SDKS"
        "$BENCH_VENV/bin/python" -m pip install --quiet --disable-pip-version-check $BENCH_SDKS
        echo "$BENCH_SDKS" >"$stamp"
    fi
    "$BENCH_VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall "$WHEEL"
}

# Run from outside the source tree so `import opgate` is the installed wheel, not python/opgate.
in_tmp() { (cd "${TMPDIR:-/tmp}" && "$@"); }

case "${1:-}" in
    test)
        ensure_venv
        build_wheel
        log "pytest"
        in_tmp "$PY" -m pytest -q -p no:cacheprovider --rootdir "$ROOT/python" "$ROOT/python/tests"
        log "mypy --strict (examples, tests, bench, package)"
        "$VENV/bin/mypy" --strict --cache-dir "$VENV/mypy-cache" --python-executable "$PY" python/examples python/tests python/bench
        log "mypy --strict --disallow-any-expr (python/tests/test_typed.py: every function, every attribute)"
        "$VENV/bin/mypy" --strict --disallow-any-expr --cache-dir "$VENV/mypy-cache" --python-executable "$PY" python/tests/test_typed.py
        # The package sources themselves, checked as the installed package sees them.
        (cd python && "$VENV/bin/mypy" --strict --cache-dir "$VENV/mypy-cache-package" -p opgate)
        log "stubtest (the generated _opgate.pyi against the built extension)"
        in_tmp "$PY" -m mypy.stubtest opgate._opgate --mypy-config-file "$ROOT/pyproject.toml"
        ;;
    demo)
        ensure_venv
        build_wheel
        in_tmp "$PY" "$ROOT/python/examples/reboot_fleet.py" "$ROOT/examples/fleet.json" --sign
        ;;
    bench)
        # `bash python/run.sh bench [--quick]`: rows on stdout, JSON in target/bench/python.json.
        shift
        ensure_venv
        make_wheel
        ensure_bench_venv
        bash "$ROOT/benches/fixtures.sh"
        in_tmp "$BENCH_VENV/bin/python" "$ROOT/python/bench/bench.py" "$ROOT/target/bench/fixtures" --out "$ROOT/target/bench/python.json" "$@"
        ;;
    wheel)
        # `make wheel`: build only; the wheel's path on stdout.
        ensure_venv
        make_wheel
        log "built $WHEEL"
        echo "$WHEEL"
        ;;
    bench-hostile)
        ensure_venv
        build_wheel
        in_tmp "$PY" "$ROOT/python/bench/hostile.py"
        ;;
    *)
        echo "usage: bash python/run.sh test|demo|bench|bench-hostile|wheel" >&2
        exit 2
        ;;
esac
