#!/usr/bin/env bash
# Generates the bench fixtures into target/bench/fixtures/ when they are missing or older than
# their generator (benches/fixtures.py, standard library only).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/target/bench/fixtures"
GENERATOR="$ROOT/benches/fixtures.py"
if [[ ! -f "$OUT/.stamp" || "$GENERATOR" -nt "$OUT/.stamp" ]]; then
  echo "[bench] generating fixtures into $OUT" >&2
  "${PYTHON:-python3}" "$GENERATOR" "$OUT"
  touch "$OUT/.stamp"
fi
