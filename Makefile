# Two commands matter: `make demo` and `make test`. Everything installs itself on a fresh machine.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
CARGO ?= cargo

.PHONY: test demo bench rust-test python-test js-test emulator-test demo-rust demo-python demo-js demo-emulator bench-rust bench-python bench-js bench-emulator

test: rust-test python-test js-test emulator-test

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

# The local emulator (emulator/): its Rust tests (API, robustness, a small load run), then the
# official SDKs and opgate's Python client against it (emulator/sdk/run.sh installs them pinned).
emulator-test:
	$(CARGO) build -p opgate-emulator
	$(CARGO) test -p opgate-emulator
	bash emulator/sdk/run.sh test

demo: demo-rust demo-python demo-js

demo-rust:
	$(CARGO) run -q --example fleet -- examples/fleet.json

demo-python:
	bash python/run.sh demo

demo-js:
	bash js/run.sh demo

# Starts the emulator, runs python/examples/emulator_e2e.py against it over HTTP, stops it.
demo-emulator:
	bash emulator/sdk/run.sh demo

bench: bench-rust bench-python bench-js bench-emulator

bench-rust:
	$(CARGO) bench -p opgate --bench pipeline

bench-python:
	bash python/run.sh bench

bench-js:
	bash js/run.sh bench

# 10,000 signed requests from 50 concurrent loopback clients; prints throughput and latency.
bench-emulator:
	OPGATE_EMULATOR_LOAD_REQUESTS=10000 OPGATE_EMULATOR_LOAD_CLIENTS=50 \
		$(CARGO) test --release -p opgate-emulator --test load -- --nocapture
