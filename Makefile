# Two commands matter: `make demo` and `make test`. Everything installs itself on a fresh machine.
# `make help` lists every target (each documents itself with a `## ` comment).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
CARGO ?= cargo

.PHONY: test demo bench help lint fmt rust-tools rust-test python-test js-test consumer-test npm wheel demo-rust demo-python demo-js bench-rust bench-python bench-js

test: rust-test python-test js-test consumer-test ## Everything: Rust lint and tests, Python and JS suites, the install path

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

lint: rust-tools ## rustfmt check, clippy on every target, clippy on the browser (no signing) build
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	$(CARGO) clippy -p opgate --no-default-features --lib -- -D warnings

rust-test: lint ## Rust lint, then the Rust tests
	$(CARGO) test -p opgate

python-test: ## Python suite: builds the wheel into .venv, runs pytest and mypy
	bash python/run.sh test

js-test: ## JS suite: builds the wasm, runs the node and Chromium tests
	bash js/run.sh test

consumer-test: ## The README's install path: the tarball and the wheel in clean consumer projects
	bash tests/consumer/run.sh

npm: ## The npm tarball: target/npm/opgate-<version>.tgz
	bash js/run.sh pack

wheel: ## The Python wheel: target/python-wheels/opgate-<version>-cp310-abi3-<platform>.whl
	bash python/run.sh wheel

demo: demo-rust demo-python demo-js ## The fleet demo in Rust, Python and JS

demo-rust: ## The fleet demo in Rust
	$(CARGO) run -q --example fleet -- examples/fleet.json

demo-python: ## The fleet demo in Python
	bash python/run.sh demo

demo-js: ## The fleet demo in JS
	bash js/run.sh demo

bench: bench-rust bench-python bench-js ## All benchmarks, then the table of opgate vs its references (target/bench/latest.json)
	python3 benches/report.py

bench-rust: ## Rust benchmarks (criterion)
	$(CARGO) bench -p opgate --bench pipeline

bench-python: ## Python benchmarks against the official SDK and plain loops (bench-only venv .venv-bench)
	bash python/run.sh bench

bench-js: ## JS benchmarks against the official SDK and plain loops (bench-only npm deps in js/bench/)
	bash js/run.sh bench
