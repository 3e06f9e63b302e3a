#!/usr/bin/env bash
# The consumer test (`make consumer-test`, part of `make test`): what README.md's "From a fresh
# clone to the Ten lines" tells a newcomer to do, done in temporary directories outside the
# repository, so a package that only works from the source tree fails here.
#
#  1. npm: `npm pack` refuses when the wasm cannot be built; `make npm`'s tarball holds the wasm,
#     the CommonJS entry, both declaration files and LICENSE; it installs into an empty project
#     with no network (`npm install --offline`); the README's ES module Ten lines and CommonJS
#     example run there unchanged, and an ES module and a CommonJS TypeScript consumer
#     type-check against the installed package.
#  2. Python: `make wheel`'s wheel holds LICENSE and py.typed, installs into a clean virtualenv
#     with no index (`--no-index`: it has no dependencies), and the README's Python Ten lines
#     run with it unchanged; `pip install <repo path>` (maturin from PyPI) does the same in a
#     second clean virtualenv.
#  3. Rust: the README's Rust snippet runs in a Cargo project with opgate as a path dependency.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/tests/consumer"
PYTHON="${PYTHON:-python3}"
CARGO="${CARGO:-cargo}"
VERSION="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$ROOT/Cargo.toml" | head -n 1)"

say() { printf '[consumer] %s\n' "$*" >&2; }
fail() { say "FAIL: $*"; exit 1; }

SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/opgate-consumer.XXXXXX")"
trap 'rm -rf "$SCRATCH"' EXIT
case "$SCRATCH" in "$ROOT"/*) fail "the scratch directory $SCRATCH is inside the repository" ;; esac

# Some line of a listing is exactly the path.
has() { grep -qxF "$2" <<<"$1" || fail "$3 lacks $2"; }

npm_consumer() {
  say "npm pack must refuse when the WebAssembly module cannot be built"
  local refusal
  if refusal="$(CARGO=false bash "$ROOT/js/run.sh" pack 2>&1)"; then
    fail "npm pack succeeded although cargo could not run"
  fi
  grep -q "refusing to pack" <<<"$refusal" || fail "npm pack failed without saying why: $refusal"
  compgen -G "$ROOT/target/npm/opgate-*.tgz" >/dev/null && fail "a refused pack left a tarball in target/npm/"

  say "make npm"
  make -s -C "$ROOT" npm >/dev/null
  local tarball="$ROOT/target/npm/opgate-$VERSION.tgz"
  [[ -s "$tarball" ]] || fail "make npm did not produce $tarball"
  local listing
  listing="$(tar -tzf "$tarball")"
  for file in package/package.json package/LICENSE package/README.md package/pkg/opgate_wasm.js package/pkg/opgate_wasm_bg.wasm \
    package/src/index.js package/src/node.js package/src/index.cjs package/src/index.d.ts package/src/index.d.cts; do
    has "$listing" "$file" "the tarball"
  done
  # The glue imports the JS snippets wasm-bindgen writes beside it (the item projection).
  local snippet
  for snippet in $(cd "$ROOT/js" && find pkg/snippets -name '*.js' 2>/dev/null); do
    has "$listing" "package/$snippet" "the tarball"
  done
  cmp -s <(tar -xzOf "$tarball" package/LICENSE) "$ROOT/LICENSE" || fail "the tarball's LICENSE differs from the repository's"

  say "npm install the tarball into an empty project (offline)"
  local project="$SCRATCH/try-js"
  mkdir -p "$project"
  npm --prefix "$project" install --offline --no-audit --no-fund --loglevel=error "$tarball" >/dev/null
  [[ -z "$(ls -A "$project/node_modules/opgate/node_modules" 2>/dev/null)" ]] || fail "the tarball pulled in dependencies"
  node "$HERE/ten_lines.mjs" "$project"

  say "TypeScript consumers (ES module and CommonJS) against the installed package"
  cp "$HERE/types/esm.mts" "$HERE/types/cjs.cts" "$HERE/types/tsconfig.json" "$project/"
  (cd "$project" && "$ROOT/js/node_modules/.bin/tsc" -p tsconfig.json)
}

# A clean virtualenv (never the repository's .venv) with opgate installed by `pip install "$@"`.
venv_with() {
  local venv="$1"
  shift
  "$PYTHON" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$@"
}

python_consumer() {
  say "make wheel"
  local wheel
  wheel="$(make -s -C "$ROOT" wheel | tail -n 1)"
  [[ -s "$wheel" && "$wheel" == "$ROOT/target/python-wheels/"*.whl ]] || fail "make wheel did not print a wheel in target/python-wheels/: $wheel"
  local listing
  listing="$("$PYTHON" -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$wheel")"
  for file in opgate/__init__.py opgate/py.typed "opgate-$VERSION.dist-info/licenses/LICENSE"; do
    has "$listing" "$file" "the wheel"
  done

  say "pip install the wheel into a clean virtualenv (no index)"
  venv_with "$SCRATCH/try-py" --no-index "$wheel"
  (cd "$SCRATCH" && "$SCRATCH/try-py/bin/python" "$HERE/ten_lines.py")

  say "pip install <repo path> (maturin backend) into another clean virtualenv"
  venv_with "$SCRATCH/try-py-source" "$ROOT"
  (cd "$SCRATCH" && "$SCRATCH/try-py-source/bin/python" "$HERE/ten_lines.py")
}

rust_consumer() {
  say "the README's Rust snippet, opgate as a path dependency"
  local project="$SCRATCH/try-rust"
  "$PYTHON" "$HERE/ten_lines_rust.py" "$project"
  # The repository's target directory: the dependencies are already built there.
  (cd "$project" && CARGO_TARGET_DIR="$ROOT/target" "$CARGO" run --quiet)
}

npm_consumer
python_consumer
rust_consumer
say "ok: the tarball, the wheel, a source install and a path dependency all run the README's Ten lines"
