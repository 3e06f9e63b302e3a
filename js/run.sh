#!/usr/bin/env bash
# The WebAssembly build and npm package: `bash js/run.sh test|demo|bench|bench-hostile|build|pack`
# (`pack`: the npm tarball in target/npm/, what `make npm` runs; `prepack` is npm's hook).
#
# Works on a fresh machine: adds the wasm32 target, installs wasm-bindgen-cli at the exact
# version Cargo.lock pins, installs the npm dev dependencies from package-lock.json (TypeScript,
# playwright-core, binaryen for wasm-opt) and Debian's Chromium for the browser test. Each step
# is skipped when already done, so re-runs are fast.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JS="$ROOT/js"
PKG="$JS/pkg"
CARGO="${CARGO:-cargo}"
TARGET=wasm32-unknown-unknown
PROFILE=wasm-release
RAW_WASM="$ROOT/target/$TARGET/$PROFILE/opgate_wasm.wasm"
CHROMIUM=/usr/bin/chromium

say() { printf '[js] %s\n' "$*" >&2; }

ensure_target() {
  if ! rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
    say "adding the $TARGET target"
    rustup target add "$TARGET"
  fi
}

# The wasm-bindgen CLI must match the wasm-bindgen crate exactly (the glue's ABI changes between versions).
bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_bindgen() {
  local want have
  want="$(bindgen_version)"
  if [[ -z "$want" ]]; then
    say "Cargo.lock has no wasm-bindgen entry; run 'cargo generate-lockfile' first"
    exit 1
  fi
  # An absent wasm-bindgen has no version (empty): the pinned one is installed below.
  have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" || have=""
  if [[ "$have" == "$want" ]]; then
    return
  fi
  say "installing wasm-bindgen-cli $want (found: ${have:-none})"
  # --force: cargo's install record can claim a version whose binary is gone or not on PATH.
  if ! "$CARGO" install --force --locked wasm-bindgen-cli --version "$want"; then
    # --locked pins the CLI's own dependencies; when the registry no longer serves one of
    # them (seen here: a lock entry missing from the index), the CLI still builds unlocked.
    say "cargo install --locked failed; retrying without --locked"
    if ! "$CARGO" install --force wasm-bindgen-cli --version "$want"; then
      say "could not install wasm-bindgen-cli $want (cargo install failed; see above)"
      exit 1
    fi
  fi
}

ensure_npm() {
  # npm ci when package-lock.json changed since the last install.
  if [[ ! -f "$JS/node_modules/.package-lock.json" || "$JS/package-lock.json" -nt "$JS/node_modules/.package-lock.json" ]]; then
    say "installing npm dev dependencies"
    if ! (cd "$JS" && npm ci --no-audit --no-fund --loglevel=error); then
      say "npm ci failed in $JS (see above); the JS tests need its dev dependencies"
      exit 1
    fi
  fi
}

ensure_chromium() {
  local packages=()
  [[ -x "$CHROMIUM" ]] || packages+=(chromium)
  # A CJK font, so the Chinese screenshot shows characters rather than boxes.
  fc-list :lang=zh 2>/dev/null | grep -q . || packages+=(fonts-wqy-zenhei)
  if ((${#packages[@]})); then
    say "installing Debian packages for the browser test: ${packages[*]}"
    export DEBIAN_FRONTEND=noninteractive
    if ! { apt-get update -qq && apt-get install -y -qq "${packages[@]}" >/dev/null; }; then
      say "could not install ${packages[*]} with apt-get (root needed); install them and rerun"
      exit 1
    fi
  fi
}

sha() { sha256sum "$1" | cut -d' ' -f1; }

# cargo build → wasm-bindgen --target web → wasm-opt (when available), into js/pkg/.
# -O3 with binaryen's inlining turned off, not -Oz: what a page downloads, and what the budget
# counts, is the gzip, and inlining duplicates code that gzip had compressed well. Measured on
# this module (binaryen 132, gzip -9): -O3 without inlining 226.9 KB, -O1 229.6 KB, -Oz 249.6 KB
# (the smallest raw file, 569 KB, but the largest gzip), -O2 247.3 KB; speed is the same as -O1.
WASM_OPT_FLAGS=(-O3 --always-inline-max-function-size=0 --flexible-inline-max-function-size=0 --one-caller-inline-max-function-size=0 --converge)
build() {
  ensure_target
  ensure_bindgen
  ensure_npm
  say "building opgate-wasm ($PROFILE)"
  # Keep the target_features section for wasm-bindgen (the workspace profile strips it);
  # wasm-bindgen then removes names and producers, and wasm-opt strips the rest.
  "$CARGO" build -q -p opgate-wasm --target "$TARGET" --profile "$PROFILE"
  local stamp wasm_opt
  wasm_opt="$JS/node_modules/.bin/wasm-opt"
  # wasm-opt is optional (binaryen from npm, else one on PATH): without it the module is only
  # not shrunk further, and the stamp below records that.
  [[ -x "$wasm_opt" ]] || wasm_opt="$(command -v wasm-opt)" || wasm_opt=""
  stamp="$(sha "$RAW_WASM") $(wasm-bindgen --version) opt=${wasm_opt:+${WASM_OPT_FLAGS[*]}}"
  if [[ -f "$PKG/.stamp" && "$(cat "$PKG/.stamp")" == "$stamp" && -f "$PKG/opgate_wasm_bg.wasm" && -f "$PKG/opgate_wasm.js" ]]; then
    return
  fi
  rm -rf "$PKG"
  wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir "$PKG" --out-name opgate_wasm "$RAW_WASM"
  if [[ -n "$wasm_opt" ]]; then
    say "wasm-opt ${WASM_OPT_FLAGS[*]} ($wasm_opt)"
    # The features Rust enables by default for wasm32-unknown-unknown, all in current browsers and Node >= 18.
    # target_features is read by wasm-bindgen only, which has run: stripped too (-0.1 KB gzip).
    "$wasm_opt" "${WASM_OPT_FLAGS[@]}" --strip-debug --strip-producers --strip-target-features \
      --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int \
      --enable-sign-ext --enable-reference-types --enable-multivalue \
      "$PKG/opgate_wasm_bg.wasm" -o "$PKG/opgate_wasm_bg.opt.wasm"
    mv "$PKG/opgate_wasm_bg.opt.wasm" "$PKG/opgate_wasm_bg.wasm"
  else
    say "wasm-opt not found: the .wasm is not post-optimised (npm ci installs binaryen's wasm-opt)"
  fi
  echo "$stamp" >"$PKG/.stamp"
}

fleet() {
  # Generated (gitignored via js/demo/.gitignore): the sample fleet next to the demo page.
  cp "$ROOT/examples/fleet.json" "$JS/demo/fleet.json"
}

cmd_test() {
  build
  fleet
  ensure_chromium
  say "tsc --noEmit --strict (js/examples/typed.ts against js/src/index.d.ts)"
  (cd "$JS" && node_modules/.bin/tsc -p tsconfig.json)
  say "node --test (vectors, API, types, package, browser)"
  (cd "$JS" && node --test --test-concurrency=1 test/*.test.mjs)
}

cmd_demo() {
  build
  fleet
  local args=()
  # The demo is for a human: with no terminal (CI, scripts) serve, check the page once and exit.
  if [[ -n "${CI:-}" || ! -t 0 ]]; then
    args+=(--once)
  fi
  node "$JS/demo/serve.mjs" "${args[@]}" "$@"
}

# `npm pack` and `npm publish` run this first (package.json "prepack"): build the wasm into
# js/pkg/ and copy the repo's LICENSE in, or refuse. Without it `npm pack` would quietly ship
# a tarball without the .wasm, which fails only when a consumer imports it.
cmd_prepack() {
  # A separate process: inside `if`, bash would ignore `set -e` in build's own steps.
  if ! bash "$JS/run.sh" build; then
    say "refusing to pack: building the WebAssembly module failed (see above)."
    say "The tarball needs js/pkg/opgate_wasm_bg.wasm, built from the Rust sources: install"
    say "rustup and cargo (https://rustup.rs), then run 'make npm' from the repository root."
    exit 1
  fi
  local file
  for file in "$PKG/opgate_wasm.js" "$PKG/opgate_wasm_bg.wasm" "$ROOT/LICENSE"; do
    if [[ ! -s "$file" ]]; then
      say "refusing to pack: $file is missing or empty"
      exit 1
    fi
  done
  # npm packs only files under js/; the copy is gitignored.
  cp "$ROOT/LICENSE" "$JS/LICENSE"
}

# `make npm`: the package as a tarball in target/npm/ (the file name on stdout), ready for
# `npm install ./target/npm/opgate-<version>.tgz` in any project.
cmd_pack() {
  local out="$ROOT/target/npm" name
  mkdir -p "$out"
  rm -f "$out"/opgate-*.tgz
  ensure_npm
  name="$(cd "$JS" && npm pack --silent --pack-destination "$out" | tail -n 1)"
  [[ -s "$out/$name" ]] || { say "npm pack produced no tarball in $out"; exit 1; }
  say "packed $out/$name"
  echo "$out/$name"
}

# The bench's own npm dependencies (the official SDK as the reference), from js/bench/'s lock:
# never installed by `make test`.
ensure_bench_npm() {
  local bench="$JS/bench"
  if [[ ! -f "$bench/node_modules/.package-lock.json" || "$bench/package-lock.json" -nt "$bench/node_modules/.package-lock.json" ]]; then
    say "installing the bench references (js/bench/package-lock.json)"
    (cd "$bench" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# `bash js/run.sh bench [--quick]`: rows on stdout, JSON in target/bench/js.json.
cmd_bench() {
  build
  ensure_bench_npm
  bash "$ROOT/benches/fixtures.sh"
  # --no-turbo-inline-js-wasm-calls: Node 20.20's V8 aborts the process ("Fatal error …
  # unreachable code" in Deoptimizer::DoComputeBuiltinContinuation) after a few seconds of
  # precheckResources on 1,000 items, when TurboFan has inlined the wasm call into the glue and
  # then lazily deoptimises it; main's build does the same. Without that inlining it runs to
  # the end; the cost is one call frame per call.
  node --no-turbo-inline-js-wasm-calls "$JS/bench/bench.mjs" "$ROOT/target/bench/fixtures" --out "$ROOT/target/bench/js.json" "$@"
}

cmd_bench_hostile() {
  build
  (cd "$JS" && node bench/hostile.mjs)
}

case "${1:-}" in
  build) build ;;
  test) cmd_test ;;
  demo) shift; cmd_demo "$@" ;;
  bench) shift; cmd_bench "$@" ;;
  bench-hostile) cmd_bench_hostile ;;
  prepack) cmd_prepack ;;
  pack) cmd_pack ;;
  *)
    echo "usage: bash js/run.sh test|demo|bench|bench-hostile|build|pack|prepack" >&2
    exit 2
    ;;
esac
