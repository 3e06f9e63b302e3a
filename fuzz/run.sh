#!/usr/bin/env bash
# `make fuzz FUZZ_SECONDS=…`: seeds the corpus from the vectors, then runs every cargo-fuzz
# target for FUZZ_SECONDS seconds (default 60) and prints how many inputs each one ran.
#
# cargo-fuzz needs a nightly compiler (for -Zsanitizer). A machine with a nightly rustup
# toolchain uses it; one with only stable (the usual case here: no other toolchain can be
# fetched) builds with RUSTC_BOOTSTRAP=1, which lets the stable compiler accept the nightly
# flags cargo-fuzz passes (FUZZ_STABLE=1 picks that path even where nightly exists).
# cargo-fuzz itself is installed at a pinned version when missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FUZZ="$ROOT/fuzz"
SECONDS_PER_TARGET="${1:-${FUZZ_SECONDS:-60}}"
CARGO_FUZZ_VERSION=0.13.2
TARGETS=(parse_response request ram)

say() { printf '[fuzz] %s\n' "$*" >&2; }

# A cargo-fuzz that is absent (or fails to run) has no version: install the pinned one.
have_fuzz="$(cargo fuzz --version 2>/dev/null)" || have_fuzz="none"
if [[ "$have_fuzz" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]]; then
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION (found: $have_fuzz)"
  if ! cargo install --locked --force "cargo-fuzz@$CARGO_FUZZ_VERSION"; then
    say "could not install cargo-fuzz $CARGO_FUZZ_VERSION (cargo install failed; see above)"
    exit 1
  fi
fi

if [[ "${FUZZ_STABLE:-}" != 1 ]] && rustup run nightly rustc --version >/dev/null 2>&1; then
  TOOLCHAIN=(+nightly)
  say "compiler: $(rustup run nightly rustc --version)"
else
  TOOLCHAIN=()
  export RUSTC_BOOTSTRAP=1
  say "compiler: $(rustc --version) with RUSTC_BOOTSTRAP=1 (FUZZ_STABLE=1, or no nightly toolchain here)"
fi

python3 "$FUZZ/seed.py" "$FUZZ/corpus"
cd "$ROOT"
declare -A RUNS
for target in "${TARGETS[@]}"; do
  say "building $target"
  cargo "${TOOLCHAIN[@]}" fuzz build --fuzz-dir "$FUZZ" "$target"
  log="$FUZZ/artifacts/$target.log"
  mkdir -p "$FUZZ/artifacts/$target"
  say "running $target for ${SECONDS_PER_TARGET}s"
  # The corpus directory grows with what the fuzzer finds; -max_len lets inputs grow past
  # libFuzzer's 4 KB default toward the sizes where slow paths hide.
  # The fuzzer's own exit status decides, not the pipeline's: the grep only shows progress and
  # finds nothing in a quiet run. (Swallowing that with a trailing `true` would also reset
  # PIPESTATUS, and a crash would read as success.)
  set +e
  cargo "${TOOLCHAIN[@]}" fuzz run --fuzz-dir "$FUZZ" "$target" "$FUZZ/corpus/$target" -- \
    -max_total_time="$SECONDS_PER_TARGET" -dict="$FUZZ/dict/$target.dict" -max_len=65536 \
    -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 2>&1 | tee "$log" | grep -E "^(#[0-9]+\s+(INITED|DONE|pulse))|Done |ERROR|panicked"
  status="${PIPESTATUS[0]}"
  set -e
  # A run that died before its summary has no "Done N runs" line; it is reported as "?".
  runs="$(grep -oE '^Done [0-9]+ runs' "$log" | grep -oE '[0-9]+' | tail -1)" || runs=""
  RUNS[$target]="${runs:-?}"
  if [[ "$status" != 0 ]]; then
    say "$target failed (exit $status); see $log and $FUZZ/artifacts/$target/"
    exit "$status"
  fi
done
say "execs in ${SECONDS_PER_TARGET}s per target:"
for target in "${TARGETS[@]}"; do
  printf '  %-16s %s\n' "$target" "${RUNS[$target]}"
done
