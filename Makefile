# Two commands matter: `make demo` and `make test`. Everything installs itself on a fresh machine.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
CARGO ?= cargo

.PHONY: test demo bench rust-test python-test js-test demo-rust demo-python demo-js bench-rust bench-python bench-js \
	bench-hostile bench-hostile-rust bench-hostile-python bench-hostile-js fuzz

# Seconds each fuzz target runs under `make fuzz` (not part of `make test`).
FUZZ_SECONDS ?= 60

test: rust-test python-test js-test

rust-test:
	rustup component add rustfmt clippy >/dev/null 2>&1 || true
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	$(CARGO) clippy -p opgate --no-default-features --lib -- -D warnings
	$(CARGO) test -p opgate

python-test:
	bash python/run.sh test

js-test:
	bash js/run.sh test

demo: demo-rust demo-python demo-js

demo-rust:
	$(CARGO) run -q --example fleet -- examples/fleet.json

demo-python:
	bash python/run.sh demo

demo-js:
	bash js/run.sh demo

bench: bench-rust bench-python bench-js

bench-rust:
	$(CARGO) bench -p opgate --bench pipeline

bench-python:
	bash python/run.sh bench

bench-js:
	bash js/run.sh bench

# Times every case of tests/vectors/hostile.json in Rust, Python and JS; each must finish in
# under a second (answered or refused with a code). The tests count work instead of timing it.
bench-hostile: bench-hostile-rust bench-hostile-python bench-hostile-js

bench-hostile-rust:
	$(CARGO) bench -p opgate --bench hostile

bench-hostile-python:
	bash python/run.sh bench-hostile

bench-hostile-js:
	bash js/run.sh bench-hostile

# Runs every cargo-fuzz target for FUZZ_SECONDS seconds (fuzz/run.sh installs cargo-fuzz).
fuzz:
	bash fuzz/run.sh $(FUZZ_SECONDS)
