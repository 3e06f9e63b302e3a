# Two commands matter: `make demo` and `make test`. Everything installs itself on a fresh machine.
# `make help` lists every target (each documents itself with a `## ` comment).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
CARGO ?= cargo

.PHONY: test demo bench help lint fmt generate rust-tools rust-test python-test js-test emulator-test consumer-test npm wheel \
	demo-rust demo-python demo-js demo-emulator bench-rust bench-python bench-js bench-emulator \
	bench-hostile bench-hostile-rust bench-hostile-python bench-hostile-js fuzz

# Seconds each fuzz target runs under `make fuzz` (not part of `make test`).
FUZZ_SECONDS ?= 60

test: rust-test python-test js-test emulator-test consumer-test ## Everything: Rust, Python, JS, the emulator with the SDKs, the install path

help: ## List the targets
	@awk 'BEGIN { FS = ":.*## " } /^[a-z][a-z-]*:.*## / { printf "  %-13s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

rust-tools: ## Add rustfmt and clippy (via rustup) when they are missing
	@if ! $(CARGO) fmt --version >/dev/null 2>&1 || ! $(CARGO) clippy --version >/dev/null 2>&1; then \
	  if ! command -v rustup >/dev/null 2>&1; then \
	    echo "make: rustfmt or clippy is missing and rustup is not installed to add them;" \
	      "install both with your Rust toolchain" >&2; \
	    exit 1; \
	  fi; \
	  rustup component add rustfmt clippy || { \
	    echo "make: 'rustup component add rustfmt clippy' failed; run it by hand and retry" >&2; \
	    exit 1; \
	  }; \
	fi

fmt: rust-tools ## Format all Rust code in place
	$(CARGO) fmt --all

generate: ## Regenerate js/src/types.d.ts, python/opgate/_types.py and _opgate.pyi from the Rust types
	OPGATE_REGENERATE=1 $(CARGO) test -q -p opgate --lib record::

lint: rust-tools ## rustfmt check, clippy on every target, clippy on the browser (no signing) build
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	$(CARGO) clippy -p opgate --no-default-features --lib -- -D warnings

rust-test: lint ## Rust lint, then the Rust tests (the core's, and the wasm glue's own unit tests, run natively)
	$(CARGO) test -p opgate
	$(CARGO) test -p opgate-wasm --lib

python-test: ## Python suite: builds the wheel into .venv, runs pytest and mypy
	bash python/run.sh test

js-test: ## JS suite: builds the wasm, runs the node and Chromium tests
	bash js/run.sh test

emulator-test: ## The emulator's Rust tests, then the official SDKs and opgate against it over HTTP
	$(CARGO) build -p opgate-emulator
	$(CARGO) test -p opgate-emulator
	bash emulator/sdk/run.sh test

consumer-test: ## The README's install path: the tarball and the wheel in clean consumer projects
	bash tests/consumer/run.sh

npm: ## The npm tarball: target/npm/opgate-<version>.tgz
	bash js/run.sh pack

wheel: ## The Python wheel: target/python-wheels/opgate-<version>-cp310-abi3-<platform>.whl
	bash python/run.sh wheel

demo: demo-rust demo-python demo-emulator demo-js ## The fleet demo in Rust and Python, end to end over HTTP against the emulator, and the web page

demo-rust: ## The fleet demo in Rust
	$(CARGO) run -q --example fleet -- examples/fleet.json

demo-python: ## The fleet demo in Python
	bash python/run.sh demo

demo-js: ## The fleet demo in JS
	bash js/run.sh demo

demo-emulator: ## Starts the emulator, runs python/examples/emulator_e2e.py against it over HTTP, stops it
	bash emulator/sdk/run.sh demo

bench: bench-rust bench-python bench-js bench-emulator ## All benchmarks, then the table of opgate vs its references (target/bench/latest.json)
	python3 benches/report.py

bench-rust: ## Rust benchmarks (criterion)
	$(CARGO) bench -p opgate --bench pipeline

bench-python: ## Python benchmarks against the official SDK and plain loops (bench-only venv .venv-bench)
	bash python/run.sh bench

bench-js: ## JS benchmarks against the official SDK and plain loops (bench-only npm deps in js/bench/)
	bash js/run.sh bench

bench-emulator: ## 10,000 signed requests from 50 concurrent loopback clients: throughput, latency, lost state

	OPGATE_EMULATOR_LOAD_REQUESTS=10000 OPGATE_EMULATOR_LOAD_CLIENTS=50 \
		$(CARGO) test --release -p opgate-emulator --test load -- --nocapture

bench-hostile: bench-hostile-rust bench-hostile-python bench-hostile-js ## Times every case of tests/vectors/hostile.json in Rust, Python and JS (each under a second)

bench-hostile-rust: ## The hostile cases timed in Rust
	$(CARGO) bench -p opgate --bench hostile

bench-hostile-python: ## The hostile cases timed in Python
	bash python/run.sh bench-hostile

bench-hostile-js: ## The hostile cases timed in JS
	bash js/run.sh bench-hostile

fuzz: ## Every cargo-fuzz target for FUZZ_SECONDS seconds (fuzz/run.sh installs cargo-fuzz)
	bash fuzz/run.sh $(FUZZ_SECONDS)
